"""The pure domain: task rules, identifiers, timecode and sizes. No Qt, no I/O, no HTTP.

Everything here is plain standard-library Python, cheap to import and tested on its own; the
GUI, the command line and the API client all build on these names.
"""

from kokoon_desktop.core.enums import (
    Category,
    Codec,
    Container,
    InputQuality,
    Step,
    TaskType,
    ignores_detail_options,
)
from kokoon_desktop.core.ids import NIL_UUID, is_uuid, normalize_uuid
from kokoon_desktop.core.problems import InvalidTaskSpec, Problem
from kokoon_desktop.core.sizes import (
    SIZE_PRESETS,
    height_for_width,
    make_even,
    preset_for_size,
    preset_size,
    width_for_height,
)
from kokoon_desktop.core.task_spec import (
    MAX_HEIGHT,
    MAX_WIDTH,
    AiOptions,
    TaskSpec,
    check_task_spec,
)
from kokoon_desktop.core.timecode import (
    FrameRate,
    format_ms,
    format_timecode,
    frames_to_ms,
    ms_to_frames,
    parse_duration_ms,
    parse_timecode,
)

__all__ = [
    "MAX_HEIGHT",
    "MAX_WIDTH",
    "NIL_UUID",
    "SIZE_PRESETS",
    "AiOptions",
    "Category",
    "Codec",
    "Container",
    "FrameRate",
    "InputQuality",
    "InvalidTaskSpec",
    "Problem",
    "Step",
    "TaskSpec",
    "TaskType",
    "check_task_spec",
    "format_ms",
    "format_timecode",
    "frames_to_ms",
    "height_for_width",
    "ignores_detail_options",
    "is_uuid",
    "make_even",
    "ms_to_frames",
    "normalize_uuid",
    "parse_duration_ms",
    "parse_timecode",
    "preset_for_size",
    "preset_size",
    "width_for_height",
]
