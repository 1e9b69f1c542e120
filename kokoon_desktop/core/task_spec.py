"""What to ask the service for: a valid-by-construction SR task and its v3 request body.

One set of rules (`check_task_spec`) feeds the form's inline messages, the CLI's errors and the
`TaskSpec` constructor, so a request that reaches the network has passed the same checks a
person saw while typing (brief §2, API reference §3.6).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from kokoon_desktop.core._text import show
from kokoon_desktop.core.enums import (
    Category,
    Codec,
    Container,
    InputQuality,
    TaskType,
    ignores_detail_options,
)
from kokoon_desktop.core.ids import is_uuid, not_a_uuid_message
from kokoon_desktop.core.problems import InvalidTaskSpec, Problem
from kokoon_desktop.core.timecode import format_ms
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "DETAIL_OPTIONS",
    "MAX_HEIGHT",
    "MAX_WIDTH",
    "OPTION_NAMES",
    "REQUEST_KEYS",
    "AiOptions",
    "TaskSpec",
    "check_task_spec",
]

MAX_WIDTH = 7680
"""Widest output we let through (8K UHD). The docs give no limit; this one is ours."""
MAX_HEIGHT = 4320
"""Tallest output we let through (8K UHD)."""

OPTION_NAMES = ("face_enhance", "denoise", "deinterlace", "add_noise")
"""The keys of the body's `option` object, in documented order."""
DETAIL_OPTIONS = ("face_enhance", "denoise", "add_noise")
"""The options the service ignores for animation and cg; deinterlace always applies."""

REQUEST_KEYS = (
    "task_type",
    "category",
    "use_sr",
    "input_quality",
    "option",
    "vid",
    "width",
    "height",
    "start_pos",
    "duration",
    "codec",
    "format",
    "use_trim_orig",
)
"""The v3 create-task body's keys, in the order of the documented example."""

_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class AiOptions:
    """The four AI switches of the `option` object, as the user asked for them.

    They are kept as asked, even when the category makes the service ignore some of them, so
    switching the category back restores the user's choice; `masked_for` gives what is sent.
    """

    face_enhance: bool = False
    denoise: bool = False
    deinterlace: bool = False
    add_noise: bool = False

    def masked_for(self, category: Category) -> AiOptions:
        """The options as sent for this category: detail options off for animation and cg."""
        if not ignores_detail_options(category):
            return self
        return AiOptions(deinterlace=self.deinterlace)

    def to_dict(self) -> dict[str, bool]:
        """The `option` object of the request body, keys in documented order."""
        return {name: getattr(self, name) for name in OPTION_NAMES}

    def enabled(self) -> tuple[str, ...]:
        """Names of the options switched on, in documented order."""
        return tuple(name for name in OPTION_NAMES if getattr(self, name) is True)


_NO_OPTIONS = AiOptions()

# The sentences of the sizes and times, whole for each field so that they translate well.
_PIXEL_SENTENCES = {
    "width": {
        "required": QT_TRANSLATE_NOOP(
            "TaskSpec", "The output width is required: give a number of pixels"
        ),
        "whole": QT_TRANSLATE_NOOP(
            "TaskSpec", "The output width must be a whole number of pixels, not {value}"
        ),
        "positive": QT_TRANSLATE_NOOP(
            "TaskSpec", "The output width must be a positive number of pixels, not {value}"
        ),
        "limit": QT_TRANSLATE_NOOP(
            "TaskSpec",
            "The output width of {value} pixels is more than the {limit} the service accepts",
        ),
        "odd": QT_TRANSLATE_NOOP(
            "TaskSpec",
            "The output width must be an even number of pixels; {value} is odd (try {nearest})",
        ),
    },
    "height": {
        "required": QT_TRANSLATE_NOOP(
            "TaskSpec", "The output height is required: give a number of pixels"
        ),
        "whole": QT_TRANSLATE_NOOP(
            "TaskSpec", "The output height must be a whole number of pixels, not {value}"
        ),
        "positive": QT_TRANSLATE_NOOP(
            "TaskSpec", "The output height must be a positive number of pixels, not {value}"
        ),
        "limit": QT_TRANSLATE_NOOP(
            "TaskSpec",
            "The output height of {value} pixels is more than the {limit} the service accepts",
        ),
        "odd": QT_TRANSLATE_NOOP(
            "TaskSpec",
            "The output height must be an even number of pixels; {value} is odd (try {nearest})",
        ),
    },
}
_MS_SENTENCES = {
    "start_pos": {
        "required": QT_TRANSLATE_NOOP(
            "TaskSpec", "The start position is required, in milliseconds"
        ),
        "whole": QT_TRANSLATE_NOOP(
            "TaskSpec", "The start position must be a whole number of milliseconds, not {value}"
        ),
        "negative": QT_TRANSLATE_NOOP(
            "TaskSpec", "The start position cannot be negative ({value} ms)"
        ),
    },
    "duration": {
        "required": QT_TRANSLATE_NOOP("TaskSpec", "The duration is required, in milliseconds"),
        "whole": QT_TRANSLATE_NOOP(
            "TaskSpec", "The duration must be a whole number of milliseconds, not {value}"
        ),
        "negative": QT_TRANSLATE_NOOP("TaskSpec", "The duration cannot be negative ({value} ms)"),
    },
    "source_duration_ms": {
        "required": QT_TRANSLATE_NOOP(
            "TaskSpec", "The source's duration is required, in milliseconds"
        ),
        "whole": QT_TRANSLATE_NOOP(
            "TaskSpec",
            "The source's duration must be a whole number of milliseconds, not {value}",
        ),
        "negative": QT_TRANSLATE_NOOP(
            "TaskSpec", "The source's duration cannot be negative ({value} ms)"
        ),
    },
}
_LIMITS = {"width": MAX_WIDTH, "height": MAX_HEIGHT}
_ENUM_NOUNS = {
    "task_type": "a task type",
    "category": "a category",
    "input_quality": "an input quality",
    "codec": "a codec",
    "format": "a container format",
}


def check_task_spec(
    *,
    vid: object,
    category: object,
    width: object,
    height: object,
    start_pos: object = 0,
    duration: object = 0,
    use_trim_orig: object = False,
    source_duration_ms: object = None,
    task_type: object = TaskType.SR,
    input_quality: object = InputQuality.MEDIUM,
    use_sr: object = True,
    options: object = _NO_OPTIONS,
    codec: object = Codec.H264,
    container: object = Container.MP4,
) -> list[Problem]:
    """Every problem with these task settings, in request-body order; empty when all is well.

    Total: the form calls it on each keystroke with whatever the controls hold, so it never
    raises, whatever the types. Booleans are not accepted as numbers, nor numbers as booleans.
    Enum fields take a member or its exact wire value ("person").

    The range rule: start 0 with duration 0 is the whole file, as documented. A duration of 0
    after a later start is refused: the documentation gives it no meaning (the simulator, like
    a strict server, rejects it), so "to the end" is sent as an explicit duration, which the
    form and the command line work out from the source's length. When the source's duration
    is known, the start must lie before the end of the file and start + duration must not
    pass it.
    """
    problems: list[Problem] = []
    _check_enum(problems, "task_type", task_type, TaskType)
    _check_enum(problems, "category", category, Category)
    _check_bool(problems, "use_sr", use_sr, "Super-resolution on or off")
    _check_enum(problems, "input_quality", input_quality, InputQuality)
    _check_options(problems, options)
    _check_vid(problems, vid)
    for field, value in (("width", width), ("height", height)):
        _check_dimension(problems, field, value)
    start = _check_milliseconds(problems, "start_pos", start_pos)
    length = _check_milliseconds(problems, "duration", duration)
    _check_enum(problems, "codec", codec, Codec)
    _check_enum(problems, "format", container, Container)
    trim = _check_bool(
        problems, "use_trim_orig", use_trim_orig, "Keeping the trimmed range as a new original"
    )
    if trim is True and start == 0 and length == 0:
        problems.append(
            Problem(
                "use_trim_orig",
                "Keeping the trimmed range as a new original needs a range: "
                "the whole file is selected (start 0, duration 0)",
            )
        )
    source = None
    if source_duration_ms is not None:
        source = _check_milliseconds(problems, "source_duration_ms", source_duration_ms)
    if source is not None and start is not None and length is not None:
        _check_range(problems, start, length, source)
    starts_past_end = source is not None and start is not None and start >= source
    if start is not None and start > 0 and length == 0 and not starts_past_end:
        problems.append(
            Problem(
                "duration",
                "Give a duration: a duration of 0 means the whole file only when the range "
                "starts at 00:00:00.000",
            )
        )
    return problems


def _as_int(value: object) -> int | None:
    """The value as a plain int if it is an integer (and not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    try:
        return int(value)
    except Exception:  # an int subclass with a broken __int__: not a number we can use
        return None


def _check_enum(problems: list[Problem], field: str, value: object, kind: type[_E]) -> None:
    if isinstance(value, kind):
        return
    if isinstance(value, str):
        try:
            kind(value)
        except Exception:  # noqa: S110 -- reported just below, with the choices
            pass
        else:
            return
    choices = [member.value for member in kind]
    listed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
    if value is None:
        problems.append(Problem(field, f"Choose {_ENUM_NOUNS[field]}: {listed}"))
    else:
        problems.append(
            Problem(field, f"{show(value)} is not {_ENUM_NOUNS[field]}: choose {listed}")
        )


def _check_bool(problems: list[Problem], field: str, value: object, what: str) -> bool | None:
    if isinstance(value, bool):
        return value
    problems.append(Problem(field, f"{what} is a yes-or-no choice, not {show(value)}"))
    return None


def _check_options(problems: list[Problem], options: object) -> None:
    if not isinstance(options, AiOptions):
        problems.append(
            Problem("option", f"The AI options must be an AiOptions value, not {show(options)}")
        )
        return
    for name in OPTION_NAMES:
        value = getattr(options, name)
        if not isinstance(value, bool):
            problems.append(
                Problem("option", f"The AI option {name} must be on or off, not {show(value)}")
            )


def _check_vid(problems: list[Problem], vid: object) -> None:
    if vid is None:
        problems.append(Problem("vid", not_a_uuid_message("", "video ID")))
    elif not (isinstance(vid, str) and is_uuid(vid.strip())):
        problems.append(Problem("vid", not_a_uuid_message(vid, "video ID")))


def _check_dimension(problems: list[Problem], field: str, value: object) -> None:
    sentences, limit = _PIXEL_SENTENCES[field], _LIMITS[field]
    pixels = _as_int(value)
    nearest = ""
    if pixels is None:
        kind, shown = ("required", "") if value is None else ("whole", show(value))
    elif pixels <= 0:
        kind, shown = "positive", show(pixels)
    elif pixels > limit:
        kind, shown = "limit", show(pixels)
    elif pixels % 2:
        kind, shown = "odd", str(pixels)
        nearest = (
            translate("TaskSpec", "{smaller} or {larger}").format(
                smaller=pixels - 1, larger=pixels + 1
            )
            if pixels > 1
            else "2"
        )
    else:
        return
    message = translate("TaskSpec", sentences[kind]).format(
        value=shown, limit=limit, nearest=nearest
    )
    problems.append(Problem(field, message))


def _check_milliseconds(problems: list[Problem], field: str, value: object) -> int | None:
    """The value if it is a non-negative integer of milliseconds; otherwise report it."""
    sentences = _MS_SENTENCES[field]
    millis = _as_int(value)
    if millis is None:
        kind, shown = ("required", "") if value is None else ("whole", show(value))
    elif millis < 0:
        kind, shown = "negative", show(millis)
    else:
        return millis
    problems.append(Problem(field, translate("TaskSpec", sentences[kind]).format(value=shown)))
    return None


def _check_range(problems: list[Problem], start: int, length: int, source: int) -> None:
    """The range must lie inside the source; 0/0 is the whole file."""
    if start == 0 and length == 0:
        return
    if start >= source:
        problems.append(
            Problem(
                "start_pos",
                translate(
                    "TaskSpec",
                    "The range starts at {start}, but the source ends at {end}: the start must "
                    "come before the end",
                ).format(start=_when(start), end=_when(source)),
            )
        )
    elif length > 0 and start + length > source:
        end = start + length
        problems.append(
            Problem(
                "duration",
                translate(
                    "TaskSpec",
                    "The range ends at {end}, after the end of the source at {source_end}: from "
                    "{start} the duration can be at most {longest}",
                ).format(
                    end=_when(end),
                    source_end=_when(source),
                    start=_when(start),
                    longest=_when(source - start),
                ),
            )
        )


def _when(ms: int) -> str:
    """A time in a message, as editors read it and as the API counts it."""
    if ms >= _READABLE_MS:  # beyond any real video; also keeps str() of huge ints out
        return f"{show(ms)} ms"
    return f"{format_ms(ms)} ({ms} ms)"


_READABLE_MS = 10**15


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """A create-task request that is valid by construction (the constructor runs every rule).

    `options` holds what the user asked for; the body sends them masked for the category.
    `source_duration_ms` is not sent: it only lets the range be checked against the file.
    """

    vid: str
    category: Category
    width: int
    height: int
    task_type: TaskType = TaskType.SR
    input_quality: InputQuality = InputQuality.MEDIUM
    use_sr: bool = True
    options: AiOptions = _NO_OPTIONS
    start_pos: int = 0
    duration: int = 0
    codec: Codec = Codec.H264
    container: Container = Container.MP4
    use_trim_orig: bool = False
    source_duration_ms: int | None = None

    def __post_init__(self) -> None:
        problems = check_task_spec(
            vid=self.vid,
            category=self.category,
            width=self.width,
            height=self.height,
            start_pos=self.start_pos,
            duration=self.duration,
            use_trim_orig=self.use_trim_orig,
            source_duration_ms=self.source_duration_ms,
            task_type=self.task_type,
            input_quality=self.input_quality,
            use_sr=self.use_sr,
            options=self.options,
            codec=self.codec,
            container=self.container,
        )
        if problems:
            raise InvalidTaskSpec(problems)
        # Normalise what the rules accept loosely, so equal requests compare and hash equal.
        set_field = object.__setattr__
        set_field(self, "vid", self.vid.strip().lower())
        set_field(self, "category", Category(self.category))
        set_field(self, "task_type", TaskType(self.task_type))
        set_field(self, "input_quality", InputQuality(self.input_quality))
        set_field(self, "codec", Codec(self.codec))
        set_field(self, "container", Container(self.container))
        for name in ("width", "height", "start_pos", "duration"):
            set_field(self, name, int(getattr(self, name)))
        if self.source_duration_ms is not None:
            set_field(self, "source_duration_ms", int(self.source_duration_ms))

    @property
    def is_whole_file(self) -> bool:
        """True for the API's 0/0 convention: the whole source is processed."""
        return self.start_pos == 0 and self.duration == 0

    @property
    def end_ms(self) -> int | None:
        """Where the range ends in the source (ms); None when it runs to an unknown end."""
        if self.duration > 0:
            return self.start_pos + self.duration
        return self.source_duration_ms

    def sent_options(self) -> AiOptions:
        """The options as the body sends them, masked for the category."""
        return self.options.masked_for(self.category)

    def ignored_options(self) -> tuple[str, ...]:
        """Options asked for but sent as false because of the category (the CLI warns)."""
        sent = self.sent_options()
        return tuple(
            name for name in OPTION_NAMES if getattr(self.options, name) and not getattr(sent, name)
        )

    def with_changes(self, **changes: Any) -> TaskSpec:
        """A copy with some fields changed, checked again by the constructor."""
        return dataclasses.replace(self, **changes)

    def to_request_body(self) -> dict[str, object]:
        """The exact v3 POST /task body, keys in documented order, every default sent explicitly.

        Explicit defaults make the stored request a complete record of what was asked, even
        if the server's defaults change.
        """
        return {
            "task_type": self.task_type.value,
            "category": self.category.value,
            # The v3 "Create a SR task" page (docs.kokoon.cloud, 03-task/01-create task) says
            # `true` means "do not use SR", but every example (create, calc, the task-info
            # echo) sends `true` for a normal SR job. We follow the examples: use_sr=True
            # means "apply super-resolution" (API reference §8.1, brief §2).
            "use_sr": self.use_sr,
            "input_quality": self.input_quality.value,
            "option": self.sent_options().to_dict(),
            "vid": self.vid,
            "width": self.width,
            "height": self.height,
            "start_pos": self.start_pos,
            "duration": self.duration,
            "codec": self.codec.value,
            "format": self.container.value,
            "use_trim_orig": self.use_trim_orig,
        }

    @classmethod
    def from_request_body(
        cls, body: Mapping[str, object], *, source_duration_ms: int | None = None
    ) -> TaskSpec:
        """Read a stored or echoed v3 body back, tolerantly; InvalidTaskSpec if it cannot be.

        Tolerant: unknown keys are ignored, optional fields fall back to their defaults (the
        required ones are vid, category, width and height), numbers may arrive as strings
        ("1920"), booleans as "true"/"false", enum values in any case. What is read is then
        held to the same rules as any other request.
        """
        if not isinstance(body, Mapping):
            raise InvalidTaskSpec(
                [Problem("body", f"A task request must be a JSON object, not {show(body)}")]
            )
        raw_options = body.get("option", _NO_OPTIONS)
        options: object = raw_options
        if isinstance(raw_options, Mapping):
            switches: dict[str, Any] = {
                name: _read_bool(raw_options.get(name, False)) for name in OPTION_NAMES
            }
            options = AiOptions(**switches)
        fields: dict[str, Any] = {
            "vid": body.get("vid"),
            "category": _read_enum(body.get("category"), Category),
            "width": _read_int(body.get("width")),
            "height": _read_int(body.get("height")),
            "task_type": _read_enum(body.get("task_type", TaskType.SR), TaskType),
            "input_quality": _read_enum(
                body.get("input_quality", InputQuality.MEDIUM), InputQuality
            ),
            "use_sr": _read_bool(body.get("use_sr", True)),
            "options": options,
            "start_pos": _read_int(body.get("start_pos", 0)),
            "duration": _read_int(body.get("duration", 0)),
            "codec": _read_enum(body.get("codec", Codec.H264), Codec),
            "container": _read_enum(body.get("format", Container.MP4), Container),
            "use_trim_orig": _read_bool(body.get("use_trim_orig", False)),
            "source_duration_ms": source_duration_ms,
        }
        problems = check_task_spec(**fields)
        if problems:
            raise InvalidTaskSpec(problems)
        return cls(**fields)


_INTEGER_TEXT_RE = re.compile(r"\s*[+-]?[0-9]{1,30}\s*")


def _read_int(value: object) -> object:
    """An integer from a JSON number or numeric string; anything else is left for the rules."""
    if isinstance(value, str) and _INTEGER_TEXT_RE.fullmatch(value):
        return int(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _read_bool(value: object) -> object:
    """A boolean from JSON true/false or the strings "true"/"false"; else left as it is."""
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return value


def _read_enum(value: object, kind: type[_E]) -> object:
    """The member whose value matches, ignoring case and spaces; else left for the rules."""
    if isinstance(value, str):
        wanted = value.strip().lower()
        for member in kind:
            if member.value.lower() == wanted:
                return member
    return value
