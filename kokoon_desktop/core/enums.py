"""The closed vocabularies of the v3 API (reference §4), as string enums.

They are `StrEnum`s so a member *is* the string the API sends and receives: bodies can be built
from `.value` without a translation table, and a member compares equal to its wire value.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Category",
    "Codec",
    "Container",
    "InputQuality",
    "Step",
    "TaskType",
    "ignores_detail_options",
]


class TaskType(StrEnum):
    """A full job, or a short preview to judge the result before paying for the whole clip."""

    SR = "SR"
    SR_PREVIEW = "SR_PREVIEW"


class Category(StrEnum):
    """What the source shows; it selects the model and decides which AI options apply."""

    PERSON = "person"
    ANIMATION = "animation"
    CG = "cg"
    RETRO = "retro"
    GENERAL = "general"

    @property
    def ignores_detail_options(self) -> bool:
        """True when the service ignores face_enhance, denoise and add_noise (API §3.6).

        The form disables those controls and the request sends them as false, so the body says
        what will really happen rather than what the service will silently drop.
        """
        return self in _IGNORING_CATEGORIES


_IGNORING_CATEGORIES = frozenset({Category.ANIMATION, Category.CG})


def ignores_detail_options(category: Category) -> bool:
    """Function form of `Category.ignores_detail_options`, handy as a predicate."""
    return category in _IGNORING_CATEGORIES


class InputQuality(StrEnum):
    """How clean the source is; the API offers only these two grades."""

    HIGH = "high"
    MEDIUM = "medium"


class Codec(StrEnum):
    """Output codec. The v3 page lists no values; these are the ones v4 documents."""

    H264 = "h264"
    H265 = "h265"


class Container(StrEnum):
    """Output container; the API calls this field `format` (values from the v4 page)."""

    MP4 = "mp4"
    MOV = "mov"
    MKV = "mkv"


class Step(StrEnum):
    """Where a task is in its life on the server (GET /task/{tid} `step`)."""

    READY = "ready"
    PREPARING = "preparing"
    PREPARED = "prepared"
    RUNNING = "running"
    DONE = "done"
    CANCEL = "cancel"
    UNKNOWN = "unknown"
    ERROR = "error"

    @property
    def is_terminal(self) -> bool:
        """True once the task will not change again: decide completion by step, never progress.

        `unknown` is not terminal: it is an anomaly worth polling through (reference §4).
        """
        return self in _TERMINAL_STEPS

    @classmethod
    def parse(cls, text: object) -> Step:
        """Read a step as the server sends it; anything unrecognised becomes `UNKNOWN`.

        Servers may add steps, and a tracker must keep running rather than crash on one.
        Surrounding whitespace and letter case are forgiven.
        """
        if not isinstance(text, str):
            return cls.UNKNOWN
        try:
            return cls(text.strip().lower())
        except ValueError:
            return cls.UNKNOWN


_TERMINAL_STEPS = frozenset({Step.DONE, Step.ERROR, Step.CANCEL})
