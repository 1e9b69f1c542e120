"""The pure domain: task rules, identifiers, timecode and sizes. No Qt, no I/O, no HTTP.

Everything here is plain standard-library Python, tested on its own; the GUI, the command line
and the API client all build on these names.

The names below are loaded from their modules on first use (PEP 562), so importing one
submodule (``core.enums`` for the history store, say) does not load the others and their
dependencies (``fractions``, ``decimal``) before the window is on screen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Each public name and the submodule that defines it.
_SOURCES = {
    "enums": (
        "Category",
        "Codec",
        "Container",
        "InputQuality",
        "Step",
        "TaskType",
        "ignores_detail_options",
    ),
    "ids": ("NIL_UUID", "is_uuid", "normalize_uuid"),
    "problems": ("InvalidTaskSpec", "Problem"),
    "sizes": (
        "SIZE_PRESETS",
        "height_for_width",
        "make_even",
        "preset_for_size",
        "preset_size",
        "width_for_height",
    ),
    "task_spec": ("MAX_HEIGHT", "MAX_WIDTH", "AiOptions", "TaskSpec", "check_task_spec"),
    "timecode": (
        "FrameRate",
        "format_ms",
        "format_timecode",
        "frames_to_ms",
        "ms_to_frames",
        "parse_duration_ms",
        "parse_timecode",
    ),
}
_MODULE_OF = {name: module for module, names in _SOURCES.items() for name in names}

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


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
