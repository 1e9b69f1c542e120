"""Names of downloaded results, from a template the user may edit.

A result lands next to the editor's own files, so its name must say what it is
(``clip_person_3840x2160.mp4``) and must be a valid file name on Windows, macOS and Linux
whatever the source was called: the source's name comes from another machine, the service or a
paste, and may hold anything. :func:`render_name` therefore cleans every rendered name, and
:func:`check_template` refuses, with a sentence naming the allowed fields, exactly the templates
it cannot render.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from kokoon_desktop.i18n import translate

__all__ = [
    "DEFAULT_TEMPLATE",
    "EXAMPLE_FIELDS",
    "MAX_NAME_BYTES",
    "TEMPLATE_FIELDS",
    "NameFields",
    "TemplateError",
    "check_template",
    "fields_for",
    "next_free_name",
    "render_name",
]

DEFAULT_TEMPLATE = "{source}_{category}_{width}x{height}.{format}"
TEMPLATE_FIELDS: tuple[str, ...] = (
    "source",
    "category",
    "width",
    "height",
    "format",
    "codec",
    "task_type",
    "task",
    "date",
)

#: Longest name in UTF-8 bytes: file systems allow 255, and a ".part" or a " (12)" must fit.
MAX_NAME_BYTES = 200
#: Longest extension kept (in UTF-8 bytes, without the dot); real containers are 3 or 4.
MAX_EXTENSION_BYTES = 16
#: What a name falls back to when nothing usable is left of it.
FALLBACK_STEM = "video"

#: Characters Windows refuses in names; "/" and "\\" are also the separators of the others.
_FORBIDDEN = frozenset('/\\:*?"<>|')
_SEPARATORS = ("/", "\\")
#: Device names Windows reserves, with or without an extension, in any case.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{device}{n}" for device in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")]
)
#: (literal text, field name or None): one piece of a parsed template.
_Part = tuple[str, str | None]
_NUMBERED = re.compile(r"(.*) \(([0-9]{1,9})\)")
#: Numbers beyond this many bits have more digits than a name can hold.
_LONGEST_NUMBER_BITS = 700
_FIELD_LIST = ", ".join("{" + name + "}" for name in TEMPLATE_FIELDS)


@dataclass(frozen=True, slots=True)
class NameFields:
    """What a template may name, each already reduced to text or a number."""

    source: str  # source file stem (no extension); "video" if unknown
    category: str
    width: int
    height: int
    format: str  # container, e.g. mp4
    codec: str
    task_type: str  # "SR" or "SR_PREVIEW"
    task: str  # short task ID: the first 8 characters of the tid
    date: str  # YYYY-MM-DD (local date of the finish)


#: A typical result, for the examples shown to people: "clip_person_3840x2160.mp4".
EXAMPLE_FIELDS = NameFields(
    source="clip",
    category="person",
    width=3840,
    height=2160,
    format="mp4",
    codec="h264",
    task_type="SR",
    task="89f758a0",
    date="2024-01-24",
)


def fields_for(
    *, source_name: str | None, request_body: Mapping[str, Any], tid: str | None, when: datetime
) -> NameFields:
    """The fields of one result: its source's name, the request it was made with, its task.

    Tolerant of a partial body (a row from an older history, say): what is missing gets the
    API's default (``mp4``, ``h264``, ``SR``) or a neutral word, never an error.
    """
    return NameFields(
        source=_stem(source_name),
        category=_text(request_body.get("category"), "unknown"),
        width=_number(request_body.get("width")),
        height=_number(request_body.get("height")),
        format=_text(request_body.get("format"), "mp4"),
        codec=_text(request_body.get("codec"), "h264"),
        task_type=_text(request_body.get("task_type"), "SR"),
        task=(tid or "")[:8],
        date=when.astimezone().date().isoformat(),
    )


class TemplateError(ValueError):
    """A naming template that cannot make names; the message says how to fix it."""


def check_template(template: str) -> None:
    """Raise :class:`TemplateError` unless :func:`render_name` can render ``template``."""
    _parse(template)


def render_name(template: str, fields: NameFields) -> str:
    """The file name ``template`` gives these fields, valid on Windows, macOS and Linux.

    Characters no system accepts become "_", a Windows device name gets a "_" in front, and
    the name is cut to :data:`MAX_NAME_BYTES` at the end of its stem, so the extension stays.
    A template without an extension gets ``.{format}``.
    """
    parts = _parse(template)
    values = {name: _field_text(getattr(fields, name)) for name in TEMPLATE_FIELDS}

    def text(pieces: list[_Part]) -> str:
        return "".join(literal + (values[name] if name else "") for literal, name in pieces)

    stem_parts, extension_parts = _split_extension(parts)
    extension = _clean_extension(text(extension_parts)) or _clean_extension(values["format"])
    return _safe_name(text(stem_parts), extension)


def next_free_name(name: str, exists: Callable[[str], bool]) -> str:
    """``name`` if free, else "stem (2).ext", "stem (3).ext"... the first that is free.

    A name that already ends in " (N)" counts on from N, so a copy of "a (2).mp4" is
    "a (3).mp4" rather than "a (2) (2).mp4".
    """
    if not exists(name):
        return name
    stem, extension = _split_name(name)
    number = 1
    if numbered := _NUMBERED.fullmatch(stem):
        stem, number = numbered[1], int(numbered[2])
    while True:
        number += 1
        candidate = _fit(stem, f" ({number})", extension)
        if not exists(candidate):
            return candidate


# --- templates ------------------------------------------------------------------------------


def _parse(template: object) -> list[_Part]:
    """(literal text, field name or None) pairs of a template; TemplateError if it is bad."""
    if not isinstance(template, str):
        raise TemplateError(
            translate("OutputNaming", "A naming template is text, such as {template}.").format(
                template=DEFAULT_TEMPLATE
            )
        )
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise TemplateError(
            translate(
                "OutputNaming",
                'The braces do not match: write each field as {{name}}, and "{{{{" or "}}}}" for '
                "a brace itself. Fields: {fields}.",
            ).format(fields=_FIELD_LIST)
        ) from None
    parts: list[_Part] = []
    for literal, name, spec, conversion in parsed:
        if any(separator in literal for separator in _SEPARATORS):
            raise TemplateError(
                translate(
                    "OutputNaming",
                    'A name cannot hold "/" or "\\": choose the folder in Settings, not in the '
                    "template.",
                )
            )
        if name is not None:
            if name not in TEMPLATE_FIELDS:
                shown = "{" + name + "}" if name else "{}"
                raise TemplateError(
                    translate("OutputNaming", "{field} is not a field: use {fields}.").format(
                        field=shown, fields=_FIELD_LIST
                    )
                )
            if spec or conversion:
                raise TemplateError(
                    translate(
                        "OutputNaming",
                        "Write {field} without a format or conversion (no ':' or '!' inside the "
                        "braces).",
                    ).format(field="{" + name + "}")
                )
        parts.append((literal, name))
    if all(name is None for _, name in parts):
        text = "".join(literal for literal, _ in parts)
        if not text.strip(" .\t\r\n"):
            raise TemplateError(
                translate(
                    "OutputNaming", "The template gives no name: use fields such as {fields}."
                ).format(fields=_FIELD_LIST)
            )
    return parts


def _split_extension(parts: list[_Part]) -> tuple[list[_Part], list[_Part]]:
    """The template's stem and extension: what follows its last literal dot, when only
    literal text and {format} do.

    Decided on the template, not on the rendered name: a source called "take.final" must not
    make "{source}" look as if it had an extension.
    """
    for index in range(len(parts) - 1, -1, -1):
        literal, name = parts[index]
        if name not in (None, "format"):
            break  # this field follows the literal's dots
        dot = literal.rfind(".")
        if dot >= 0:
            extension = [(literal[dot + 1 :], name), *parts[index + 1 :]]
            return [*parts[:index], (literal[:dot], None)], extension
    return parts, []


# --- names ----------------------------------------------------------------------------------


def _safe_name(stem: str, extension: str) -> str:
    stem = _clean(stem).strip().rstrip(". ") or FALLBACK_STEM
    name = _fit(stem, "", extension)
    if _is_reserved(name):
        name = _fit("_" + stem, "", extension)
    return name


def _clean(text: str) -> str:
    """Characters some system refuses (or cannot encode) replaced by "_"."""
    return "".join(
        "_" if char in _FORBIDDEN or unicodedata.category(char) in ("Cc", "Cs") else char
        for char in text
    )


def _clean_extension(text: str) -> str:
    return _cut(_clean(text).strip(" ."), MAX_EXTENSION_BYTES).strip(" .")


def _fit(stem: str, tag: str, extension: str) -> str:
    """stem + tag + "." + extension within MAX_NAME_BYTES, cutting the end of the stem."""
    tail = tag + ("." + extension if extension else "")
    cut = _cut(stem, MAX_NAME_BYTES - len(tail.encode("utf-8", "surrogatepass")))
    if not tail:
        cut = cut.rstrip(". ")  # the end of the whole name
    return (cut or FALLBACK_STEM) + tail


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` of at most ``limit`` UTF-8 bytes."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) <= limit:
        return text
    return encoded[: max(limit, 0)].decode("utf-8", "ignore")


def _is_reserved(name: str) -> bool:
    """Windows reserves device names followed by anything from a dot on ("nul.mp4" too)."""
    base = name.split(".", 1)[0].rstrip(" ")
    return base.upper() in _RESERVED


def _split_name(name: str) -> tuple[str, str]:
    """("a", "mp4") of "a.mp4"; a leading dot (".hidden") is not an extension, and neither is
    what follows a dot inside a long stem ("take.final_person_0x0": no format to end on)."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension.encode("utf-8", "surrogatepass")) > MAX_EXTENSION_BYTES:
        return name, ""
    return stem, extension


def _field_text(value: object) -> str:
    """A field as text; a number too long to matter in a name is not turned into digits
    (``str`` of an int past 4300 digits raises)."""
    if isinstance(value, int) and value.bit_length() > _LONGEST_NUMBER_BITS:
        return "0"
    return str(value)


# --- fields ---------------------------------------------------------------------------------


def _stem(source_name: str | None) -> str:
    """The file name's stem, whichever system's separators the name came with."""
    name = re.split(r"[/\\]", source_name or "")[-1]
    stem, _ = _split_name(name)
    return stem.strip() or FALLBACK_STEM


def _text(value: object, default: str) -> str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return default


def _number(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 10:
        return int(value.strip())
    return 0


assert tuple(field.name for field in fields(NameFields)) == TEMPLATE_FIELDS
