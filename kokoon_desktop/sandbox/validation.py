"""Server-side checks of request bodies and query strings, answering in AJV's words.

This is written from the API reference alone and deliberately shares nothing with the client
(``kokoon_desktop.core``): the simulator is the other side of the wire and must catch the
client's mistakes, not repeat them.

The one documented error text, ``must have required property 'use_sr'``, is what the AJV JSON
schema validator says, so every message here follows AJV (v8, first error only):
``{instancePath} {message}`` with keywords checked in AJV's order: ``required``, then
``additionalProperties``, then each property's ``type``, value keywords (``enum``,
``minimum``, ``maximum``) and ``format``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import ApiError, bad_request
from .timestamps import parse_date

TASK_TYPES = ("SR", "SR_PREVIEW")
CATEGORIES = ("person", "animation", "cg", "retro", "general")
INPUT_QUALITIES = ("high", "medium")
OPTION_KEYS = ("face_enhance", "denoise", "deinterlace", "add_noise")
CODECS = ("h264", "h265")
FORMATS = ("mp4", "mov", "mkv")
STEPS = ("ready", "preparing", "prepared", "running", "done", "cancel", "unknown", "error")
ORIG_TYPES = ("sr", "original")
ORDER_FIELDS = ("created_time", "expired_time", "filename")
ORDERS = ("asc", "desc")
MAX_WIDTH = 7680
MAX_HEIGHT = 4320

# AJV's "uuid" format.
_UUID_RE = re.compile(r"^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$", re.IGNORECASE)
_INT_RE = re.compile(r"^[+-]?\d+$")

WHOLE_FILE_TRIM = "use_trim_orig is not allowed for the whole file"
RANGE_TOO_LONG = "start_pos and duration exceed the video duration"
OPEN_ENDED_RANGE = "duration must be greater than 0 when start_pos is not 0"
CALC_ONLY_SR = "only task_type SR can be used to calculate credit (SR_PREVIEW is not accepted)"
NOT_AN_ORIGINAL = "vid must be an original video, not an SR result"


def is_uuid(text: str) -> bool:
    """Whether ``text`` passes AJV's ``uuid`` format."""
    return bool(_UUID_RE.match(text))


def require_uuid(value: str, name: str) -> str:
    """Path identifiers: refuse anything that is not a UUID before looking it up."""
    if not is_uuid(value):
        raise bad_request(f'/{name} must match format "uuid"')
    return value.lower()


# --- a tiny schema engine, just enough for the two bodies -----------------------------------


@dataclass(frozen=True)
class _Field:
    kind: str  # "string", "boolean", "integer", "object"
    enum: tuple[str, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    format_uuid: bool = False


def _is_integer(value: Any) -> bool:
    # JSON 1920.0 is the JavaScript number 1920, which AJV accepts as an integer; true is not.
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def _check_field(value: Any, field: _Field, path: str) -> str | None:
    if field.kind == "string" and not isinstance(value, str):
        return f"{path} must be string"
    if field.kind == "boolean" and not isinstance(value, bool):
        return f"{path} must be boolean"
    if field.kind == "integer" and not _is_integer(value):
        return f"{path} must be integer"
    if field.enum is not None and value not in field.enum:
        return f"{path} must be equal to one of the allowed values"
    if field.minimum is not None and value < field.minimum:
        return f"{path} must be >= {field.minimum}"
    if field.maximum is not None and value > field.maximum:
        return f"{path} must be <= {field.maximum}"
    if field.format_uuid and not is_uuid(value):
        return f'{path} must match format "uuid"'
    return None


def _check_object(
    value: Any,
    path: str,
    fields: Mapping[str, _Field],
    required: tuple[str, ...],
    nested: Mapping[str, tuple[Mapping[str, _Field], tuple[str, ...]]],
) -> str | None:
    prefix = f"{path} " if path else ""
    if not isinstance(value, dict):
        return f"{prefix}must be object"
    for name in required:
        if name not in value:
            return f"{prefix}must have required property '{name}'"
    allowed = set(fields) | set(nested)
    if any(name not in allowed for name in value):
        return f"{prefix}must NOT have additional properties"
    for name, item in value.items():
        if name in nested:
            sub_fields, sub_required = nested[name]
            error = _check_object(item, f"{path}/{name}", sub_fields, sub_required, {})
        else:
            error = _check_field(item, fields[name], f"{path}/{name}")
        if error:
            return error
    return None


_OPTION_FIELDS = {key: _Field("boolean") for key in OPTION_KEYS}
_TASK_FIELDS = {
    "task_type": _Field("string", enum=TASK_TYPES),
    "category": _Field("string", enum=CATEGORIES),
    "use_sr": _Field("boolean"),
    "input_quality": _Field("string", enum=INPUT_QUALITIES),
    "vid": _Field("string", format_uuid=True),
    "width": _Field("integer", minimum=1, maximum=MAX_WIDTH),
    "height": _Field("integer", minimum=1, maximum=MAX_HEIGHT),
    "start_pos": _Field("integer", minimum=0),
    "duration": _Field("integer", minimum=0),
    "codec": _Field("string", enum=CODECS),
    "format": _Field("string", enum=FORMATS),
    "use_trim_orig": _Field("boolean"),
}
_TASK_REQUIRED = (
    "task_type",
    "category",
    "use_sr",
    "input_quality",
    "option",
    "vid",
    "width",
    "height",
)


@dataclass(frozen=True)
class TaskRequest:
    """A create-task / credit-calc body that passed the schema, with the defaults filled in."""

    task_type: str
    category: str
    use_sr: bool
    input_quality: str
    option: dict[str, bool]
    vid: str
    width: int
    height: int
    start_pos: int = 0
    duration: int = 0
    codec: str = "h264"
    format: str = "mp4"
    use_trim_orig: bool = False

    @property
    def whole_file(self) -> bool:
        """Documented: ``start_pos = 0`` and ``duration = 0`` select the whole file."""
        return self.start_pos == 0 and self.duration == 0

    def echo(self) -> dict[str, Any]:
        """``request_body`` as GET /task/{tid} shows it (the docs' key order, defaults filled)."""
        return {
            "option": dict(self.option),
            "task_type": self.task_type,
            "category": self.category,
            "use_sr": self.use_sr,
            "input_quality": self.input_quality,
            "start_pos": self.start_pos,
            "duration": self.duration,
            "vid": self.vid,
            "width": self.width,
            "height": self.height,
            "codec": self.codec,
            "format": self.format,
            "use_trim_orig": self.use_trim_orig,
        }


def parse_task_body(body: Any) -> TaskRequest:
    """Validate a POST /task or /credit/calc body; raise a 400 with AJV's first message."""
    error = _check_object(
        body, "", _TASK_FIELDS, _TASK_REQUIRED, {"option": (_OPTION_FIELDS, OPTION_KEYS)}
    )
    if error:
        raise bad_request(error)
    return TaskRequest(
        task_type=body["task_type"],
        category=body["category"],
        use_sr=body["use_sr"],
        input_quality=body["input_quality"],
        option={key: body["option"][key] for key in OPTION_KEYS},
        vid=body["vid"].lower(),
        width=int(body["width"]),
        height=int(body["height"]),
        start_pos=int(body.get("start_pos", 0)),
        duration=int(body.get("duration", 0)),
        codec=body.get("codec", "h264"),
        format=body.get("format", "mp4"),
        use_trim_orig=body.get("use_trim_orig", False),
    )


def parse_calc_body(body: Any) -> TaskRequest:
    """Credit calculation takes the same body but, as documented, only the full task type."""
    request = parse_task_body(body)
    if request.task_type != "SR":
        raise bad_request(CALC_ONLY_SR)
    return request


def check_range(request: TaskRequest, source_duration_s: float) -> None:
    """The range rules that need the source: trim needs a range, the range must fit."""
    if request.whole_file:
        if request.use_trim_orig:
            raise bad_request(WHOLE_FILE_TRIM)
        return
    if request.duration == 0:
        raise bad_request(OPEN_ENDED_RANGE)
    # Clients round frame positions to whole milliseconds; allow the last partial one.
    if request.start_pos + request.duration > math.ceil(source_duration_s * 1000):
        raise bad_request(RANGE_TOO_LONG)


# --- query strings of the two list endpoints -------------------------------------------------


@dataclass(frozen=True)
class Paging:
    """Optional paging; pages count from 0 (the docs' example asks for ``page_num=0``)."""

    page_size: int | None = None
    page_num: int | None = None

    def window(self, total: int) -> tuple[int, int]:
        """The slice ``[start, stop)`` of ``total`` items this page covers."""
        if self.page_size is None or self.page_num is None:
            return 0, total
        start = self.page_size * self.page_num
        return min(start, total), min(start + self.page_size, total)


@dataclass(frozen=True)
class VideoQuery:
    """GET /video filters after validation; ``echo`` is what the response repeats back."""

    orig_type: str | None
    filename: str | None
    order_field: str
    order: str
    paging: Paging
    start_date: date | None
    end_date: date | None
    echo: dict[str, str]


@dataclass(frozen=True)
class TaskQuery:
    """GET /task filters after validation."""

    task_type: str | None
    steps: tuple[str, ...] | None
    paging: Paging
    start_date: date | None
    end_date: date | None
    echo: dict[str, str]


def _enum_param(params: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise bad_request(f"/{name} must be equal to one of the allowed values")
    return value


def _paging(params: Mapping[str, str]) -> Paging:
    size, num = params.get("page_size"), params.get("page_num")
    if size is not None and num is None:
        raise bad_request("must have property page_num when property page_size is present")
    if num is not None and size is None:
        raise bad_request("must have property page_size when property page_num is present")
    if size is None or num is None:
        return Paging()
    for name, text, minimum in (("page_size", size, 1), ("page_num", num, 0)):
        if not _INT_RE.match(text.strip()):
            raise bad_request(f"/{name} must be integer")
        if int(text) < minimum:
            raise bad_request(f"/{name} must be >= {minimum}")
    return Paging(int(size), int(num))


def _dates(params: Mapping[str, str]) -> tuple[date | None, date | None]:
    found: list[date | None] = []
    for name in ("start_date", "end_date"):
        text = params.get(name)
        if text is None:
            found.append(None)
            continue
        parsed = parse_date(text)
        if parsed is None:
            raise bad_request(f'/{name} must match format "date"')
        found.append(parsed)
    return found[0], found[1]


def _echo(params: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    return {name: params[name] for name in names if name in params}


def parse_video_query(params: Mapping[str, str]) -> VideoQuery:
    """Validate GET /video's query; defaults: ``order_field=created_time``, ``order=desc``."""
    orig_type = _enum_param(params, "orig_type", ORIG_TYPES)
    order_field = _enum_param(params, "order_field", ORDER_FIELDS) or "created_time"
    order = _enum_param(params, "order", ORDERS) or "desc"
    paging = _paging(params)
    start, end = _dates(params)
    echo = _echo(params, ("page_size", "page_num", "orig_type", "filename"))
    echo.update(_echo(params, ("start_date", "end_date")))
    echo["order_field"] = order_field
    echo["order"] = order
    return VideoQuery(
        orig_type=orig_type,
        filename=params.get("filename") or None,
        order_field=order_field,
        order=order,
        paging=paging,
        start_date=start,
        end_date=end,
        echo=echo,
    )


def parse_task_query(params: Mapping[str, str]) -> TaskQuery:
    """Validate GET /task's query; ``step`` takes several values separated by commas."""
    task_type = _enum_param(params, "task_type", TASK_TYPES)
    steps: tuple[str, ...] | None = None
    if "step" in params:
        steps = tuple(part.strip() for part in params["step"].split(",") if part.strip())
        if not steps or any(step not in STEPS for step in steps):
            raise bad_request("/step must be equal to one of the allowed values")
    paging = _paging(params)
    start, end = _dates(params)
    echo = _echo(params, ("page_size", "page_num", "step", "task_type", "start_date", "end_date"))
    return TaskQuery(
        task_type=task_type,
        steps=steps,
        paging=paging,
        start_date=start,
        end_date=end,
        echo=echo,
    )


def in_date_range(day: date, start: date | None, end: date | None) -> bool:
    """Both ends inclusive (the docs do not say; inclusive is what people expect of dates)."""
    return (start is None or day >= start) and (end is None or day <= end)


__all__ = [
    "ApiError",
    "Paging",
    "TaskQuery",
    "TaskRequest",
    "VideoQuery",
    "check_range",
    "in_date_range",
    "is_uuid",
    "parse_calc_body",
    "parse_task_body",
    "parse_task_query",
    "parse_video_query",
    "require_uuid",
]
