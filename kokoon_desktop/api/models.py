"""Typed, tolerant views of the service's answers.

Every field but the identifiers is optional, because the endpoints return different subsets of
the same objects (see the API reference, section 8). Numbers that arrive as strings are parsed;
unknown fields stay available in ``raw``. Dates are timezone-aware.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from kokoon_desktop.api.fields import Fields
from kokoon_desktop.core.enums import Step
from kokoon_desktop.core.ids import NIL_UUID

#: The only video state the documentation names; anything else means "not ready yet".
VIDEO_READY_STATE = "completed"


@dataclass(frozen=True, slots=True)
class Video:
    """An original upload or an SR result (``GET /video/{vid}``, list items, upload answer)."""

    vid: str
    uid: str | None = None
    pid: str | None = None
    tid: str | None = None
    filename: str | None = None
    size: int | None = None
    codec_name: str | None = None
    fps: str | None = None
    duration_s: Decimal | None = None
    nb_frames: int | None = None
    bitrate: int | None = None
    width: int | None = None
    height: int | None = None
    download_cnt: int | None = None
    created_time: datetime | None = None
    expired_time: datetime | None = None
    state: str | None = None
    url: str | None = None
    thumb_url: str | None = None
    # The reference gives `is_rotated` without a description (kokoon-api-v3.md §3.1, §3.3),
    # nor says whether `width`/`height` are the stored or the shown size. Assumed here, as
    # ffprobe reports them: width and height are the stored picture's, `is_rotated` says a
    # display matrix turns it, and the service decodes with the matrix applied (as ffmpeg does
    # by default), so its output is upright and a request's width and height are the size as
    # shown. A local upload knows the exact turn (the frame index) and sends the shown size;
    # an account video only says that it is rotated, not by how much, so its size is used as
    # reported.
    is_rotated: bool | None = None
    is_interlaced: bool | None = None
    last_category: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object, context: str = "video") -> Video:
        f = Fields(data, context)
        return cls(
            vid=f.req_str("vid"),
            uid=f.opt_str("uid"),
            pid=f.opt_str("pid"),
            tid=f.opt_str("tid"),
            filename=f.opt_str("filename"),
            size=f.opt_int("size"),
            codec_name=f.opt_str("codec_name"),
            fps=f.opt_str("fps"),
            duration_s=f.opt_decimal("duration"),
            nb_frames=f.opt_int("nb_frames"),
            bitrate=f.opt_int("bitrate"),
            width=f.opt_int("width"),
            height=f.opt_int("height"),
            download_cnt=f.opt_int("download_cnt"),
            created_time=f.opt_time("created_time"),
            expired_time=f.opt_time("expired_time"),
            state=f.opt_str("state"),
            url=f.opt_str("url"),
            thumb_url=f.opt_str("thumb_url"),
            is_rotated=f.opt_bool("is_rotated"),
            is_interlaced=f.opt_bool("is_interlaced"),
            last_category=f.opt_str("last_category"),
            raw=f.data,
        )

    @property
    def is_original(self) -> bool:
        """Originals have the nil UUID as parent; SR results name their source."""
        return self.pid in (None, NIL_UUID)

    @property
    def is_ready(self) -> bool:
        return self.state == VIDEO_READY_STATE

    @property
    def duration_ms(self) -> int | None:
        if self.duration_s is None:
            return None
        return int((self.duration_s * 1000).to_integral_value())

    @property
    def size_px(self) -> tuple[int, int] | None:
        if self.width and self.height:
            return (self.width, self.height)
        return None


def _paging(f: Fields) -> dict[str, Any]:
    """The fields every list answer has: counts, the page echoed back, and the raw body."""
    return {
        "all_count": f.opt_int("all_count"),
        "curr_count": f.opt_int("curr_count"),
        "page_size": f.opt_int("page_size"),
        "page_num": f.opt_int("page_num"),
        "raw": f.data,
    }


@dataclass(frozen=True, slots=True)
class VideoPage:
    """One page of ``GET /video``."""

    videos: tuple[Video, ...]
    all_count: int | None = None
    curr_count: int | None = None
    page_size: int | None = None
    page_num: int | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object) -> VideoPage:
        f = Fields(data, "video list")
        videos = tuple(
            Video.from_json(item, f"videos[{i}]") for i, item in enumerate(f.items("videos"))
        )
        return cls(videos=videos, **_paging(f))


@dataclass(frozen=True, slots=True)
class Credit:
    """``GET /credit/me``: what the account can still spend."""

    credit: Decimal
    uid: str | None = None
    point: Decimal | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object) -> Credit:
        f = Fields(data, "credit")
        credit = f.opt_decimal("credit")
        if credit is None:
            credit = Decimal(f.req_str("credit"))  # raises the "should be present" error
        return cls(credit=credit, uid=f.opt_str("uid"), point=f.opt_decimal("point"), raw=f.data)


@dataclass(frozen=True, slots=True)
class CreditQuote:
    """``POST /credit/calc``: what a task with these settings would cost."""

    credit: Decimal
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object) -> CreditQuote:
        f = Fields(data, "credit quote")
        credit = f.opt_decimal("credit")
        if credit is None:
            credit = Decimal(f.req_str("credit"))
        return cls(credit=credit, raw=f.data)


@dataclass(frozen=True, slots=True)
class CreatedTask:
    """``POST /task``: the new task's id, its source and the id its result will have."""

    tid: str
    in_vid: str | None = None
    out_vid: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object) -> CreatedTask:
        f = Fields(data, "created task")
        return cls(
            tid=f.req_str("tid"),
            in_vid=f.opt_str("in_vid"),
            out_vid=f.opt_str("out_vid"),
            raw=f.data,
        )


@dataclass(frozen=True, slots=True)
class Task:
    """A task, from ``GET /task/{tid}`` (full) or ``GET /task`` (a short summary).

    The state is ``step`` alone. ``progress`` is undocumented and inconsistent (a finished task
    shows 255), so it is only read through :meth:`progress_fraction`.
    """

    tid: str
    step: Step
    step_raw: str | None = None
    uid: str | None = None
    in_vid: str | None = None
    out_vid: str | None = None
    task_type: str | None = None
    filename: str | None = None
    request_time: datetime | None = None
    start_time: datetime | None = None
    finish_time: datetime | None = None
    result_message: str | None = None
    bitrate: int | None = None
    fps: str | None = None
    nb_frames: int | None = None
    sr_nb_frames: int | None = None
    progress: int | None = None
    request_body: Mapping[str, Any] | None = None
    preview_orig_url: str | None = None
    preview_sr_url: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object, context: str = "task") -> Task:
        f = Fields(data, context)
        step_raw = f.opt_str("step")
        return cls(
            tid=f.req_str("tid"),
            step=Step.parse(step_raw or ""),
            step_raw=step_raw,
            uid=f.opt_str("uid"),
            in_vid=f.opt_str("in_vid"),
            out_vid=f.opt_str("out_vid"),
            task_type=f.opt_str("task_type"),
            filename=f.opt_str("filename"),
            request_time=f.opt_time("request_time"),
            start_time=f.opt_time("start_time"),
            finish_time=f.opt_time("finish_time"),
            result_message=f.opt_str("result_message"),
            bitrate=f.opt_int("bitrate"),
            fps=f.opt_str("fps"),
            nb_frames=f.opt_int("nb_frames"),
            sr_nb_frames=f.opt_int("sr_nb_frames"),
            progress=f.opt_int("progress"),
            request_body=f.opt_object("request_body"),
            preview_orig_url=f.opt_str("preview_orig_url"),
            preview_sr_url=f.opt_str("preview_sr_url"),
            raw=f.data,
        )

    @property
    def is_finished(self) -> bool:
        return self.step.is_terminal

    def progress_fraction(self) -> float | None:
        """Frames done over frames to do, only while running and only when that makes sense.

        ``None`` means "show an indeterminate bar": the task is not running, or the numbers
        are missing or contradict each other (the reference, section 5).
        """
        if self.step is not Step.RUNNING:
            return None
        if self.progress is None or not self.sr_nb_frames or self.sr_nb_frames <= 0:
            return None
        if not 0 <= self.progress <= self.sr_nb_frames:
            return None
        return self.progress / self.sr_nb_frames


@dataclass(frozen=True, slots=True)
class TaskPage:
    """One page of ``GET /task``."""

    tasks: tuple[Task, ...]
    all_count: int | None = None
    curr_count: int | None = None
    page_size: int | None = None
    page_num: int | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: object) -> TaskPage:
        f = Fields(data, "task list")
        tasks = tuple(
            Task.from_json(item, f"sr_tasks[{i}]") for i, item in enumerate(f.items("sr_tasks"))
        )
        return cls(tasks=tasks, **_paging(f))
