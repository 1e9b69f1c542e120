"""The simulated service's records: accounts, videos, stored files and tasks.

A task does not run anywhere: its step, progress and times are computed from the clock, so a
test that moves the clock sees the same history a real poller would, instantly.
"""

from __future__ import annotations

import math
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from .probe import MediaInfo
from .validation import TaskRequest

NIL_UUID = "00000000-0000-0000-0000-000000000000"

#: Video ``state`` values. Only "completed" is documented (always, for originals); the other
#: two are the simulator's choice for SR results that are not ready or that failed.
COMPLETED = "completed"
PROCESSING = "processing"
FAILED = "error"

#: Seconds each step lasts before ``time_scale`` (running: see :func:`running_seconds`).
READY_S = 2.0
PREPARING_S = 1.0
PREPARED_S = 0.5
MIN_RUNNING_S = 3.0
FRAMES_PER_SECOND_PROCESSED = 60.0

#: A finished full SR task reports this progress, whatever its frame count (docs §5).
DONE_SR_PROGRESS = "255"
#: A video preview renders this many frames (docs §5: ``sr_nb_frames`` is "5").
PREVIEW_FRAMES = 5
SUCCESS_MESSAGE = "success"
FAILURE_MESSAGE = "simulated processing failure (sandbox fault injection)"


def running_seconds(sr_nb_frames: int) -> float:
    """Processing time before scaling: 60 frames a second, at least 3 seconds."""
    return max(MIN_RUNNING_S, sr_nb_frames / FRAMES_PER_SECOND_PROCESSED)


@dataclass
class Account:
    """One token's account."""

    token: str
    uid: str
    credit: int
    point: int = 0


@dataclass(frozen=True)
class Blob:
    """A file the storage host serves; GETs of it may count as downloads of a video."""

    file: Path
    content_type: str
    counts_for_vid: str | None = None


@dataclass
class Video:
    """An original upload, a trimmed original, or an SR result."""

    uid: str
    vid: str
    pid: str
    tid: str
    created_at: float
    expires_at: float
    filename: str
    size: int
    media: MediaInfo
    state: str
    seq: int
    last_category: str | None = None
    download_cnt: int = 0
    #: Decoded storage paths (``/storage/...``) once the files exist; None before.
    storage_path: str | None = None
    thumb_path: str | None = None
    #: Where the bytes live on disk (the result copies its source's file when done).
    file: Path | None = None
    thumb_file: Path | None = None

    @property
    def is_original(self) -> bool:
        """Originals have the nil UUID as parent (documented)."""
        return self.pid == NIL_UUID


@dataclass
class Task:
    """An SR or SR_PREVIEW task and its clock-driven timeline."""

    tid: str
    uid: str
    in_vid: str
    out_vid: str
    task_type: str
    filename: str
    request: TaskRequest
    source: MediaInfo
    sr_nb_frames: int
    requested_at: float
    ready_s: float
    preparing_s: float
    prepared_s: float
    running_s: float
    fails: bool
    cost: int
    seq: int
    finalized: bool = False
    preview_orig_path: str | None = None
    preview_sr_path: str | None = None
    #: The pictures being made for this task (previews; results when rendered), if any: the
    #: task is not done before they are (see ``SandboxState``).
    rendering: Future[None] | None = None

    @property
    def rendered(self) -> bool:
        return self.rendering is None or self.rendering.done()

    @property
    def started_at(self) -> float:
        """Leaves the queue (``ready``): the docs' ``start_time``."""
        return self.requested_at + self.ready_s

    @property
    def running_at(self) -> float:
        return self.started_at + self.preparing_s + self.prepared_s

    @property
    def ends_at(self) -> float:
        """``finish_time``; a task set to fail stops half-way through running."""
        return self.running_at + (self.running_s / 2 if self.fails else self.running_s)

    def step(self, now: float) -> str:
        """The documented step at ``now`` (still running while its pictures are being made)."""
        if now >= self.ends_at and (self.fails or self.rendered):
            return "error" if self.fails else "done"
        if now >= self.ends_at:
            return "running"
        if now < self.started_at:
            return "ready"
        if now < self.started_at + self.preparing_s:
            return "preparing"
        if now < self.running_at:
            return "prepared"
        return "running"

    def frames_done(self, now: float) -> int:
        """Frames processed so far (what ``progress`` means while running)."""
        if now < self.running_at:
            return 0
        if self.running_s <= 0:
            return self.sr_nb_frames
        fraction = min(1.0, (now - self.running_at) / self.running_s)
        return min(self.sr_nb_frames, math.floor(self.sr_nb_frames * fraction))

    def progress(self, now: float) -> str:
        """``progress`` with the documented quirks: "255" on a done SR, the count on a preview."""
        step = self.step(now)
        if step == "done":
            return DONE_SR_PROGRESS if self.task_type == "SR" else str(self.sr_nb_frames)
        if step == "error":
            return str(self.sr_nb_frames // 2)  # where it stopped
        return str(self.frames_done(now))

    def result_message(self, now: float) -> str | None:
        """ "success" when done, the failure reason on error, null before."""
        step = self.step(now)
        if step == "done":
            return SUCCESS_MESSAGE
        if step == "error":
            return FAILURE_MESSAGE
        return None
