"""Named presets of a task's treatment and output: what a studio reuses from clip to clip.

A preset holds everything of a request that does not depend on the clip (category, input
quality, super-resolution, the four AI options, a size *rule* such as "2x" or "2160p", codec,
container, task type). Applying it to a source gives a :class:`TaskSpec`, so every rule (the
AI options masked for animation and cg, even sizes, the limits) is the task's own rule, kept
in one place (``task_spec``), and a preset can never hold a setting the form would refuse.

Presets travel as JSON (``kokoon-desktop-presets``, version 1) so a studio can share them: the
same document is the profile's file and the export. Reading is tolerant: unknown keys are
ignored, a bad preset is left out with a sentence saying which and why, and only a document
from a newer version (or not a presets document at all) is refused as a whole.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kokoon_desktop.core._text import show
from kokoon_desktop.core.enums import Category, Codec, Container, InputQuality, TaskType
from kokoon_desktop.core.ids import NIL_UUID
from kokoon_desktop.core.problems import InvalidTaskSpec, Problem
from kokoon_desktop.core.sizes import SIZE_PRESETS, preset_size
from kokoon_desktop.core.task_spec import AiOptions, TaskSpec, check_task_spec

__all__ = [
    "BUILT_IN_PRESETS",
    "MAX_NAME_LENGTH",
    "PRESETS_FORMAT",
    "PRESETS_VERSION",
    "PRESET_KEYS",
    "Preset",
    "PresetsDocument",
    "PresetsFormatError",
    "check_size_rule",
    "name_key",
    "normal_size_rule",
    "presets_document",
    "read_presets_document",
    "size_for_rule",
]

PRESETS_FORMAT = "kokoon-desktop-presets"
"""The ``format`` of a presets document (the profile's file and every export)."""
PRESETS_VERSION = 1
"""The document's shape; a reader refuses a newer one rather than guess what it means."""
MAX_NAME_LENGTH = 80

PRESET_KEYS = (
    "name",
    "task_type",
    "category",
    "use_sr",
    "input_quality",
    "option",
    "size",
    "codec",
    "format",
)
"""A preset's JSON keys: the request body's own names, plus ``name`` and the ``size`` rule."""

_CUSTOM_SIZE_RE = re.compile(r"\s*([0-9]{1,6})\s*[xX×]\s*([0-9]{1,6})\s*")


class PresetsFormatError(ValueError):
    """A document that cannot be read as presets at all; the message says why, for people."""


def name_key(name: str) -> str:
    """How names are compared: "Animation 2x" and " animation 2X" are the same preset."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def check_size_rule(rule: object) -> list[Problem]:
    """Problems with a size rule: a named size ("2x", "1080p"...) or "WIDTHxHEIGHT"."""
    if not isinstance(rule, str) or not rule.strip():
        return [
            Problem(
                "size",
                f"The size must be one of {', '.join(SIZE_PRESETS)}, or WIDTHxHEIGHT such as "
                f"1920x1080, not {show(rule)}",
            )
        ]
    if rule.strip().lower() in SIZE_PRESETS:
        return []
    custom = _CUSTOM_SIZE_RE.fullmatch(rule)
    if custom is None:
        return [
            Problem(
                "size",
                f"{show(rule)} is not a size: use one of {', '.join(SIZE_PRESETS)}, or "
                "WIDTHxHEIGHT such as 1920x1080",
            )
        ]
    width, height = int(custom[1]), int(custom[2])
    # The pixel rules (even, positive, within the limits) are the task's own.
    problems = check_task_spec(vid=NIL_UUID, category=Category.GENERAL, width=width, height=height)
    return [Problem("size", problem.message) for problem in problems]


def normal_size_rule(rule: str) -> str:
    """ "2X" is "2x", " 1920 × 1080 " is "1920x1080": one spelling per rule."""
    lowered = rule.strip().lower()
    if lowered in SIZE_PRESETS:
        return lowered
    custom = _CUSTOM_SIZE_RE.fullmatch(rule)
    assert custom is not None, "checked first"
    return f"{int(custom[1])}x{int(custom[2])}"


def size_for_rule(rule: str, source: tuple[int, int] | None) -> tuple[int, int]:
    """The (width, height) a size rule gives for a source; ValueError if it cannot be made
    (the source's size is needed for "2x", or the result is too large)."""
    problems = check_size_rule(rule)
    if problems:
        raise ValueError(problems[0].message)
    normal = normal_size_rule(rule)
    if normal in SIZE_PRESETS:
        return preset_size(normal, source)
    width, _, height = normal.partition("x")
    return int(width), int(height)


def _check_name(name: object) -> list[Problem]:
    if not isinstance(name, str) or not name.strip():
        return [Problem("name", "A preset needs a name")]
    text = name.strip()
    if len(text) > MAX_NAME_LENGTH:
        return [Problem("name", f"A preset's name is at most {MAX_NAME_LENGTH} characters")]
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        return [Problem("name", f"A preset's name cannot hold control characters: {show(text)}")]
    return []


@dataclass(frozen=True, slots=True)
class Preset:
    """A named treatment and output, valid by construction (``InvalidTaskSpec`` otherwise).

    ``options`` keep what the user asked for, as ``TaskSpec`` does: an animation preset that
    asks for denoise keeps the wish, and the request sends it as false.
    """

    name: str
    category: Category
    size: str = "2x"
    task_type: TaskType = TaskType.SR
    input_quality: InputQuality = InputQuality.MEDIUM
    use_sr: bool = True
    options: AiOptions = field(default_factory=AiOptions)
    codec: Codec = Codec.H264
    container: Container = Container.MP4

    def __post_init__(self) -> None:
        problems = _check_name(self.name)
        # Every field but the size is a request field: the task's rules judge it.
        problems += check_task_spec(
            vid=NIL_UUID,
            category=self.category,
            width=2,
            height=2,
            task_type=self.task_type,
            input_quality=self.input_quality,
            use_sr=self.use_sr,
            options=self.options,
            codec=self.codec,
            container=self.container,
        )
        problems += check_size_rule(self.size)
        if problems:
            raise InvalidTaskSpec(problems)
        set_field = object.__setattr__
        set_field(self, "name", unicodedata.normalize("NFC", self.name).strip())
        set_field(self, "size", normal_size_rule(self.size))
        set_field(self, "category", Category(self.category))
        set_field(self, "task_type", TaskType(self.task_type))
        set_field(self, "input_quality", InputQuality(self.input_quality))
        set_field(self, "codec", Codec(self.codec))
        set_field(self, "container", Container(self.container))

    @property
    def key(self) -> str:
        return name_key(self.name)

    def renamed(self, name: str) -> Preset:
        return dataclasses.replace(self, name=name)

    def body_fields(self) -> dict[str, object]:
        """The request-body fields this preset sets (``option`` as asked, not yet masked)."""
        return {
            "task_type": self.task_type.value,
            "category": self.category.value,
            "use_sr": self.use_sr,
            "input_quality": self.input_quality.value,
            "option": self.options.to_dict(),
            "codec": self.codec.value,
            "format": self.container.value,
        }

    def apply(
        self,
        *,
        vid: str,
        source_size: tuple[int, int] | None,
        start_pos: int = 0,
        duration: int = 0,
        use_trim_orig: bool = False,
        source_duration_ms: int | None = None,
    ) -> TaskSpec:
        """The task this preset asks for on one source and range; ``InvalidTaskSpec`` (with
        the size's reason under ``size``) when the rules refuse it."""
        try:
            width, height = size_for_rule(self.size, source_size)
        except ValueError as exc:
            raise InvalidTaskSpec([Problem("size", str(exc).rstrip("."))]) from None
        return TaskSpec(
            vid=vid,
            category=self.category,
            width=width,
            height=height,
            task_type=self.task_type,
            input_quality=self.input_quality,
            use_sr=self.use_sr,
            options=self.options,
            start_pos=start_pos,
            duration=duration,
            codec=self.codec,
            container=self.container,
            use_trim_orig=use_trim_orig,
            source_duration_ms=source_duration_ms,
        )

    def to_json(self) -> dict[str, Any]:
        """The preset in a presets document, keys in ``PRESET_KEYS`` order."""
        return {"name": self.name, **self.body_fields(), "size": self.size}

    @classmethod
    def from_json(cls, data: object) -> Preset:
        """A preset from its JSON, tolerantly (the request body's reading: "true", "Person",
        missing fields at their defaults, unknown keys ignored); ``InvalidTaskSpec`` else."""
        if not isinstance(data, Mapping):
            raise InvalidTaskSpec(
                [Problem("preset", f"A preset is a JSON object, not {show(data)}")]
            )
        problems = _check_name(data.get("name"))
        body = {
            key: data[key] for key in PRESET_KEYS if key in data and key not in ("name", "size")
        }
        # TaskSpec's tolerant reading of a body, with a placeholder source and size.
        body.update(vid=NIL_UUID, width=2, height=2)
        try:
            read = TaskSpec.from_request_body(body)
        except InvalidTaskSpec as exc:
            problems += list(exc.problems)
            read = None
        size = data.get("size", "2x")
        problems += check_size_rule(size)
        if problems or read is None:
            raise InvalidTaskSpec(problems)
        assert isinstance(size, str) and isinstance(data.get("name"), str)
        return cls(
            name=str(data["name"]),
            category=read.category,
            size=size,
            task_type=read.task_type,
            input_quality=read.input_quality,
            use_sr=read.use_sr,
            options=read.options,
            codec=read.codec,
            container=read.container,
        )


BUILT_IN_PRESETS: tuple[Preset, ...] = (
    Preset(
        name="Archive film → 4K",
        category=Category.RETRO,
        size="2160p",
        input_quality=InputQuality.MEDIUM,
        options=AiOptions(denoise=True, add_noise=True),
        codec=Codec.H265,
    ),
    Preset(name="Animation 2x", category=Category.ANIMATION, size="2x"),
    Preset(
        name="Interview 1080p",
        category=Category.PERSON,
        size="1080p",
        input_quality=InputQuality.HIGH,
        options=AiOptions(face_enhance=True, denoise=True),
    ),
    Preset(name="Preview 2x", category=Category.GENERAL, size="2x", task_type=TaskType.SR_PREVIEW),
)
"""Starting points every new profile gets; the user can change or delete them."""


@dataclass(frozen=True, slots=True)
class PresetsDocument:
    """What a presets document held: the presets that could be read, in order, the default's
    name (one of them, or None), and a sentence for each thing that was left out."""

    presets: tuple[Preset, ...]
    default: str | None = None
    problems: tuple[str, ...] = ()


def presets_document(presets: Iterable[Preset], default: str | None = None) -> dict[str, Any]:
    """The JSON document of these presets (the profile's file, or an export)."""
    listed = list(presets)
    keys = {preset.key for preset in listed}
    document: dict[str, Any] = {"format": PRESETS_FORMAT, "version": PRESETS_VERSION}
    if default is not None and name_key(default) in keys:
        document["default"] = next(p.name for p in listed if p.key == name_key(default))
    document["presets"] = [preset.to_json() for preset in listed]
    return document


def read_presets_document(data: object) -> PresetsDocument:
    """Read a presets document tolerantly; ``PresetsFormatError`` when it is not one at all
    or was written by a newer version.

    A bare list of presets is accepted too (hand-written files). Bad presets and repeated
    names are left out, each with a sentence naming it; a default that names no preset read
    is dropped the same way.
    """
    if isinstance(data, list):
        data = {"presets": data}
    if not isinstance(data, Mapping):
        raise PresetsFormatError(f"A presets file holds a JSON object, not {show(data)}.")
    kind = data.get("format", PRESETS_FORMAT)
    if kind != PRESETS_FORMAT:
        raise PresetsFormatError(
            f"This is not a presets file: its format is {show(kind)}, not {PRESETS_FORMAT!r}."
        )
    version = data.get("version", PRESETS_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise PresetsFormatError(f"The presets file's version {show(version)} is not a version.")
    if version > PRESETS_VERSION:
        raise PresetsFormatError(
            f"The presets file was written by a newer Kokoon Desktop (version {version}; this "
            f"one reads version {PRESETS_VERSION}). Update Kokoon Desktop to read it."
        )
    items = data.get("presets")
    if not isinstance(items, list):
        raise PresetsFormatError('A presets file has a list of presets under "presets".')
    presets: list[Preset] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        label = _label(number, item)
        try:
            preset = Preset.from_json(item)
        except InvalidTaskSpec as exc:
            problems.append(f"{label} was left out: {exc}.")
            continue
        if preset.key in seen:
            problems.append(f"{label} was left out: an earlier preset has the same name.")
            continue
        seen.add(preset.key)
        presets.append(preset)
    default = data.get("default")
    default_name: str | None = None
    if default is not None:
        match = next(
            (p for p in presets if isinstance(default, str) and p.key == name_key(default)), None
        )
        if match is None:
            problems.append(f"The default preset {show(default)} is not among the presets read.")
        else:
            default_name = match.name
    return PresetsDocument(tuple(presets), default_name, tuple(problems))


def _label(number: int, item: object) -> str:
    name = item.get("name") if isinstance(item, Mapping) else None
    if isinstance(name, str) and name.strip():
        return f"Preset {number} ({show(name)})"
    return f"Preset {number}"
