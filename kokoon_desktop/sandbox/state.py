"""The simulated account, video and task state, and every operation the API performs on it.

Plain Python behind one lock: the loopback server changes it from its own thread while a test
reads it from another. Nothing here blocks for long; the slow parts (probing, thumbnails) run
before a method is called, and the pictures of tasks are made on a worker thread of their own.

Pictures (:func:`.media.render_outputs`): a preview (``SR_PREVIEW``) is always made for real,
``orig_{tid}.mp4`` the source's ``sr_nb_frames`` frames from ``start_pos`` at the source's size
and ``sr_{tid}.mp4`` the same frames scaled with Lanczos and sharpened to the requested size. A
full task's result is made the same way (the range only, trimmed) when ``render_results`` is
on and it is at most ``RENDER_BUDGET`` pixels × frames; otherwise it is the source's bytes, so
benchmarks can still fetch results of any size. A task is done once its pictures exist.

Tasks progress lazily: their steps are computed from the clock (see :mod:`.model`), and the
side effects of finishing (the result file appears, a trimmed original is added, a failed
task's credit is refunded) happen the first time anyone looks after the finish time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import mimetypes
import os
import shutil
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from .config import SandboxConfig
from .credits import task_cost
from .errors import INSUFFICIENT_CREDIT, TASK_NOT_FOUND, VIDEO_NOT_FOUND, ApiError, bad_request
from .faults import Faults
from .links import LinkSigner
from .media import RenderOutput, render_outputs
from .model import (
    COMPLETED,
    FAILED,
    NIL_UUID,
    PREPARED_S,
    PREPARING_S,
    PREVIEW_FRAMES,
    PROCESSING,
    READY_S,
    Account,
    Blob,
    Task,
    Video,
    running_seconds,
)
from .probe import MediaInfo
from .shapes import (
    task_info_shape,
    task_summary_shape,
    video_info_shape,
    video_list_item_shape,
    video_upload_shape,
)
from .timestamps import ORIGINAL_LIFETIME_S, utc_date
from .validation import (
    NOT_AN_ORIGINAL,
    TaskQuery,
    TaskRequest,
    VideoQuery,
    check_range,
    in_date_range,
)

_OUTPUT_CODEC_NAMES = {"h264": "h264", "h265": "hevc"}
THUMBNAIL_NAME = "thumbnail.jpg"
#: A full task's result is made for real (``SandboxConfig.render_results``) up to this many
#: output pixels × frames (about 100 frames of 1080p); bigger ones are the source's bytes.
RENDER_BUDGET = 210_000_000

log = logging.getLogger(__name__)


def new_id() -> str:
    """Time-based (v1) UUIDs, like every id in the docs' examples."""
    return str(uuid.uuid1())


def link_or_copy(source: Path, target: Path) -> None:
    """Hardlink (instant, even for 1 GiB), falling back to a copy across file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def trimmed_name(filename: str, start_ms: int, duration_ms: int) -> str:
    """The docs' example ``football_360p_10s--trim_1S_3D.mp4`` (start 1 s, duration 3 s)."""
    stem, dot, suffix = filename.rpartition(".")
    if not dot:
        stem, suffix = filename, ""

    def seconds(ms: int) -> str:
        return f"{ms / 1000:g}"

    tail = f".{suffix}" if suffix else ""
    return f"{stem}--trim_{seconds(start_ms)}S_{seconds(duration_ms)}D{tail}"


def result_name(filename: str, request: TaskRequest) -> str:
    """The simulator's name for an SR result (the real naming is undocumented)."""
    stem = filename.rpartition(".")[0] or filename
    return f"{stem}--sr_{request.width}x{request.height}.{request.format}"


@dataclass(frozen=True)
class Download:
    """What the storage route needs to serve one object."""

    blob: Blob
    size: int


class SandboxState:
    """Accounts, videos, tasks and stored objects of one simulated service."""

    def __init__(
        self,
        config: SandboxConfig,
        data_dir: Path,
        signer: LinkSigner,
        faults: Faults,
    ) -> None:
        self.config = config
        self.data_dir = data_dir
        self.signer = signer
        self.faults = faults
        self._lock = threading.RLock()
        self._clock_offset = 0.0
        self._seq = 0
        self._accounts = {
            token: Account(token=token, uid=new_id(), credit=config.initial_credit)
            for token in config.tokens
        }
        self._videos: dict[str, Video] = {}
        self._tasks: dict[str, Task] = {}
        self._blobs: dict[str, Blob] = {}
        # Pictures are made one at a time, off the request handlers (see `_start_render`).
        self._renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sandbox-render")

    def close(self) -> None:
        """Stop making pictures (the data may be deleted next)."""
        self._renderer.shutdown(wait=True, cancel_futures=True)

    # --- time ----------------------------------------------------------------------------

    def now(self) -> float:
        """The simulated time: the configured clock plus whatever tests advanced it by."""
        return self.config.clock() + self._clock_offset

    def advance_clock(self, seconds: float) -> float:
        """Move simulated time forward (never back); returns the new time."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._clock_offset += seconds
            return self.now()

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _sign(self, now: float) -> Callable[[str], str]:
        return lambda path: self.signer.sign(path, now)

    # --- accounts ------------------------------------------------------------------------

    def account_for_token(self, token: str) -> Account | None:
        """The account a token belongs to (tokens are fixed when the sandbox is made)."""
        return self._accounts.get(token)

    def _account_for_uid(self, uid: str) -> Account:
        for account in self._accounts.values():
            if account.uid == uid:
                return account
        raise KeyError(uid)

    def credit_me(self, uid: str) -> dict[str, Any]:
        """GET /credit/me (§3.5): numbers, as in the example."""
        with self._lock:
            self._advance()
            account = self._account_for_uid(uid)
            return {"uid": account.uid, "credit": account.credit, "point": account.point}

    def set_credit(self, credit: int, token: str | None = None) -> None:
        """Set one account's credit (every account's when ``token`` is None)."""
        if credit < 0:
            raise ValueError("credit must be >= 0")
        with self._lock:
            if token is not None and token not in self._accounts:
                raise KeyError("unknown token")
            for account in self._accounts.values():
                if token is None or account.token == token:
                    account.credit = credit

    # --- videos --------------------------------------------------------------------------

    def _video_dir(self, uid: str, vid: str) -> Path:
        return self.data_dir / uid / vid

    def _publish(self, video: Video, file: Path, thumb: Path | None) -> None:
        """Register a video's file (and thumbnail) with the storage host."""
        base = f"/storage/{video.uid}/{video.vid}"
        content_type = mimetypes.guess_type(video.filename)[0] or "application/octet-stream"
        video.file = file
        video.storage_path = f"{base}/{video.filename}"
        self._blobs[video.storage_path] = Blob(file, content_type, counts_for_vid=video.vid)
        if thumb is not None:
            video.thumb_file = thumb
            video.thumb_path = f"{base}/thumbnail/{THUMBNAIL_NAME}"
            self._blobs[video.thumb_path] = Blob(thumb, "image/jpeg")

    def add_original(
        self,
        uid: str,
        staged: Path,
        filename: str,
        media: MediaInfo,
        thumbnail: Path | None,
        *,
        move: bool = True,
        created_at: float | None = None,
    ) -> dict[str, Any]:
        """Store an uploaded original; answer with POST /video's shape.

        ``move`` renames the staged files into place (uploads); otherwise they are linked
        (demo seeds shared by several accounts).
        """
        vid = new_id()
        folder = self._video_dir(uid, vid)
        folder.mkdir(parents=True, exist_ok=True)
        target, thumb_target = folder / filename, folder / THUMBNAIL_NAME
        place: Callable[[Path, Path], object] = os.replace if move else link_or_copy
        place(staged, target)
        if thumbnail is not None:
            place(thumbnail, thumb_target)
        with self._lock:
            now = self.now()
            created = now if created_at is None else created_at
            video = Video(
                uid=uid,
                vid=vid,
                pid=NIL_UUID,
                tid=NIL_UUID,
                created_at=created,
                expires_at=created + ORIGINAL_LIFETIME_S,
                filename=filename,
                size=target.stat().st_size,
                media=media,
                state=COMPLETED,
                seq=self._next_seq(),
            )
            self._publish(video, target, thumb_target if thumbnail is not None else None)
            self._videos[vid] = video
            return video_upload_shape(video, self._sign(now))

    def _visible_video(self, uid: str, vid: str, now: float) -> Video:
        """A video of this account that has not expired; 404 otherwise (also for others')."""
        video = self._videos.get(vid.lower())
        if video is None or video.uid != uid or now >= video.expires_at:
            raise ApiError(404, VIDEO_NOT_FOUND)
        return video

    def video_info(self, uid: str, vid: str) -> dict[str, Any]:
        """GET /video/{vid} (§3.3)."""
        with self._lock:
            now = self._advance()
            return video_info_shape(self._visible_video(uid, vid, now), self._sign(now))

    def list_videos(self, uid: str, query: VideoQuery) -> dict[str, Any]:
        """GET /video (§3.2): filter, sort (ties in creation order), page, echo the query."""
        with self._lock:
            now = self._advance()
            needle = query.filename.casefold() if query.filename else None
            matching = [
                video
                for video in self._videos.values()
                if video.uid == uid
                and now < video.expires_at
                and (
                    query.orig_type is None or (query.orig_type == "original") == video.is_original
                )
                and (needle is None or needle in video.filename.casefold())
                and in_date_range(utc_date(video.created_at), query.start_date, query.end_date)
            ]

            def key(video: Video) -> tuple[Any, int]:
                if query.order_field == "filename":
                    return (video.filename, video.seq)
                if query.order_field == "expired_time":
                    return (video.expires_at, video.seq)
                return (video.created_at, video.seq)

            matching.sort(key=key, reverse=query.order == "desc")
            start, stop = query.paging.window(len(matching))
            page = matching[start:stop]
            sign = self._sign(now)
            return {
                "all_count": len(matching),
                "curr_count": len(page),
                **query.echo,
                "videos": [video_list_item_shape(video, sign) for video in page],
            }

    def storage_object(self, path: str) -> Download | None:
        """The file behind a storage path, if it exists (expiry of the link is checked apart)."""
        with self._lock:
            blob = self._blobs.get(path)
        if blob is None:
            return None
        try:
            size = blob.file.stat().st_size
        except OSError:
            return None
        return Download(blob, size)

    def count_download(self, vid: str) -> None:
        """A GET of a video's file from the start: ``download_cnt`` goes up by one."""
        with self._lock:
            video = self._videos.get(vid)
            if video is not None:
                video.download_cnt += 1

    # --- tasks ---------------------------------------------------------------------------

    def _source_for(self, uid: str, request: TaskRequest, now: float) -> Video:
        source = self._visible_video(uid, request.vid, now)
        if not source.is_original:
            raise bad_request(NOT_AN_ORIGINAL)
        check_range(request, source.media.duration_s)
        return source

    @staticmethod
    def _range_seconds(request: TaskRequest, source: Video) -> float:
        return source.media.duration_s if request.whole_file else request.duration / 1000

    @staticmethod
    def _range_frames(request: TaskRequest, source: Video) -> int:
        total = int(source.media.nb_frames)
        if request.whole_file:
            return total
        frames = round(Fraction(request.duration, 1000) * source.media.frame_rate)
        return max(1, min(total, frames)) if total else max(1, frames)

    def _cost(self, request: TaskRequest, source: Video) -> int:
        return task_cost(
            task_type=request.task_type,
            seconds=self._range_seconds(request, source),
            width=request.width,
            height=request.height,
            input_quality=request.input_quality,
        )

    def quote(self, uid: str, request: TaskRequest) -> dict[str, Any]:
        """POST /credit/calc: what the task would cost, with the same checks as creating it."""
        with self._lock:
            now = self._advance()
            return {"credit": self._cost(request, self._source_for(uid, request, now))}

    def create_task(self, uid: str, request: TaskRequest) -> dict[str, Any]:
        """POST /task: check, charge, and queue; the result video exists at once, not ready."""
        with self._lock:
            now = self._advance()
            source = self._source_for(uid, request, now)
            cost = self._cost(request, source)
            account = self._account_for_uid(uid)
            if account.credit < cost:
                raise ApiError(402, INSUFFICIENT_CREDIT)
            account.credit -= cost
            tid, out_vid = new_id(), new_id()
            preview = request.task_type == "SR_PREVIEW"
            frames = PREVIEW_FRAMES if preview else self._range_frames(request, source)
            scale = self.config.time_scale
            task = Task(
                tid=tid,
                uid=uid,
                in_vid=source.vid,
                out_vid=out_vid,
                task_type=request.task_type,
                filename=source.filename,
                request=request,
                source=source.media,
                sr_nb_frames=frames,
                requested_at=now,
                ready_s=READY_S * scale,
                preparing_s=PREPARING_S * scale,
                prepared_s=PREPARED_S * scale,
                running_s=running_seconds(frames) * scale,
                fails=self.faults.take_task_failure(),
                cost=cost,
                seq=self._next_seq(),
            )
            self._tasks[tid] = task
            source.last_category = request.category
            self._videos[out_vid] = self._result_video(task, source, now)
            task.rendering = self._start_render(task, source)
            return {"tid": tid, "in_vid": source.vid, "out_vid": out_vid}

    def _result_video(self, task: Task, source: Video, now: float) -> Video:
        request = task.request
        seconds = task.sr_nb_frames / source.media.frame_rate
        media = dataclasses.replace(
            source.media,
            codec_name=_OUTPUT_CODEC_NAMES[request.codec],
            duration=f"{float(seconds):.6f}",
            nb_frames=str(task.sr_nb_frames),
            width=request.width,
            height=request.height,
            is_interlaced=source.media.is_interlaced and not request.option["deinterlace"],
        )
        return Video(
            uid=task.uid,
            vid=task.out_vid,
            pid=source.vid,
            tid=task.tid,
            created_at=now,
            expires_at=now + ORIGINAL_LIFETIME_S,
            filename=result_name(source.filename, request),
            size=0,
            media=media,
            state=PROCESSING,
            seq=self._next_seq(),
            last_category=request.category,
        )

    def _visible_task(self, uid: str, tid: str) -> Task:
        task = self._tasks.get(tid.lower())
        if task is None or task.uid != uid:
            raise ApiError(404, TASK_NOT_FOUND)
        return task

    def task_info(self, uid: str, tid: str) -> dict[str, Any]:
        """GET /task/{tid} (§3.8)."""
        with self._lock:
            now = self._advance()
            return task_info_shape(self._visible_task(uid, tid), now, self._sign(now))

    def list_tasks(self, uid: str, query: TaskQuery) -> dict[str, Any]:
        """GET /task (§3.7): newest first, short summaries."""
        with self._lock:
            now = self._advance()
            matching = [
                task
                for task in self._tasks.values()
                if task.uid == uid
                and (query.task_type is None or task.task_type == query.task_type)
                and (query.steps is None or task.step(now) in query.steps)
                and in_date_range(utc_date(task.requested_at), query.start_date, query.end_date)
            ]
            matching.sort(key=lambda task: (task.requested_at, task.seq), reverse=True)
            start, stop = query.paging.window(len(matching))
            page = matching[start:stop]
            return {
                "all_count": len(matching),
                "curr_count": len(page),
                **query.echo,
                "sr_tasks": [task_summary_shape(task, now) for task in page],
            }

    # --- lazy task completion ------------------------------------------------------------

    def _advance(self) -> float:
        """Apply the side effects of every task that has finished by now; return now."""
        now = self.now()
        finished = [
            t
            for t in self._tasks.values()
            if not t.finalized and now >= t.ends_at and (t.fails or t.rendered)
        ]
        for task in sorted(finished, key=lambda t: (t.ends_at, t.seq)):
            task.finalized = True
            if task.fails:
                self._fail(task)
            else:
                self._complete(task)
        return now

    def _fail(self, task: Task) -> None:
        # Undocumented: the simulator gives back the credit of a task that failed.
        self._account_for_uid(task.uid).credit += task.cost
        self._videos[task.out_vid].state = FAILED

    def _complete(self, task: Task) -> None:
        source = self._videos[task.in_vid]
        result = self._videos[task.out_vid]
        assert source.file is not None
        folder = self._video_dir(task.uid, task.out_vid)
        target = folder / result.filename
        rendered = self._render_path(task) if task.task_type == "SR" else None
        if rendered is not None and self._made(task) and rendered.is_file():
            rendered.replace(target)  # the range, upscaled (see `_start_render`)
        else:  # too big to make here, or not asked for: the source's bytes
            link_or_copy(source.file, target)
        thumb = None
        if source.thumb_file is not None:
            thumb = folder / THUMBNAIL_NAME
            link_or_copy(source.thumb_file, thumb)
        self._publish(result, target, thumb)
        result.size = target.stat().st_size
        result.state = COMPLETED
        if task.task_type == "SR_PREVIEW":
            self._publish_previews(task, source.file, made=self._made(task))
        if task.request.use_trim_orig:
            self._add_trimmed_original(task, source)

    def _publish_previews(self, task: Task, source_file: Path, *, made: bool) -> None:
        folder = self._preview_dir(task)
        base = f"/storage/{task.uid}/{task.in_vid}/preview"
        for kind in ("orig", "sr"):
            name = f"{kind}_{task.tid}.mp4"
            if not made:  # the pictures could not be made: the source stands in for both
                link_or_copy(source_file, folder / name)
            self._blobs[f"{base}/{name}"] = Blob(folder / name, "video/mp4")
        task.preview_orig_path = f"{base}/orig_{task.tid}.mp4"
        task.preview_sr_path = f"{base}/sr_{task.tid}.mp4"

    # --- pictures made for real ------------------------------------------------------------

    def _preview_dir(self, task: Task) -> Path:
        return self._video_dir(task.uid, task.in_vid) / "preview"

    def _render_path(self, task: Task) -> Path:
        return self._video_dir(task.uid, task.out_vid) / f".rendering-{task.tid}.mp4"

    def _start_render(self, task: Task, source: Video) -> Future[None] | None:
        """Make a preview's two pictures (the range's frames as they are, and upscaled and
        sharpened: what the demo shows as SR), or a full task's result, in the background.
        The task stays "running" until they exist, as a real service's would."""
        request = task.request
        if source.file is None:
            return None
        start = 0 if request.whole_file else request.start_pos
        frames = task.sr_nb_frames
        size = (request.width, request.height)
        if task.task_type == "SR_PREVIEW":
            folder = self._preview_dir(task)
            outputs = [
                RenderOutput(folder / f"orig_{task.tid}.mp4"),
                RenderOutput(folder / f"sr_{task.tid}.mp4", size),
            ]
        elif self.config.render_results and frames * size[0] * size[1] <= RENDER_BUDGET:
            outputs = [RenderOutput(self._render_path(task), size)]
        else:
            return None
        file = source.file

        def render() -> None:
            parts = [
                dataclasses.replace(out, target=out.target.with_name(f".{out.target.name}.part"))
                for out in outputs
            ]
            try:
                for part in parts:
                    part.target.parent.mkdir(parents=True, exist_ok=True)
                render_outputs(file, parts, start_ms=start, frames=frames)
                for part, out in zip(parts, outputs, strict=True):
                    part.target.replace(out.target)
            finally:
                for part in parts:
                    part.target.unlink(missing_ok=True)

        return self._renderer.submit(render)

    def wait_for_pictures(self, timeout_s: float = 30.0) -> None:
        """Wait until every task's pictures are made (tests that move the clock by hand: a
        task is done once its clock has run out *and* its pictures exist)."""
        with self._lock:
            pending = [t.rendering for t in self._tasks.values() if t.rendering is not None]
        for future in pending:
            with contextlib.suppress(Exception):  # a failure is logged when the task ends
                future.result(timeout=timeout_s)

    @staticmethod
    def _made(task: Task) -> bool:
        """Whether the task's pictures were made (logged when making them failed)."""
        future = task.rendering
        if future is None or future.cancelled():
            return False
        error = future.exception()
        if error is not None:
            log.warning("the pictures of task %s could not be made: %s", task.tid, error)
            return False
        return True

    def _add_trimmed_original(self, task: Task, source: Video) -> None:
        """``use_trim_orig``: the range becomes a new original, named like the docs' example."""
        assert source.file is not None
        request = task.request
        vid = new_id()
        filename = trimmed_name(source.filename, request.start_pos, request.duration)
        folder = self._video_dir(task.uid, vid)
        target = folder / filename
        link_or_copy(source.file, target)
        thumb = None
        if source.thumb_file is not None:
            thumb = folder / THUMBNAIL_NAME
            link_or_copy(source.thumb_file, thumb)
        frames = self._range_frames(request, source)
        media = dataclasses.replace(
            source.media,
            duration=f"{request.duration / 1000:.6f}",
            nb_frames=str(frames),
        )
        video = Video(
            uid=task.uid,
            vid=vid,
            pid=NIL_UUID,
            tid=NIL_UUID,
            created_at=task.ends_at,
            expires_at=task.ends_at + ORIGINAL_LIFETIME_S,
            filename=filename,
            size=target.stat().st_size,
            media=media,
            state=COMPLETED,
            seq=self._next_seq(),
            last_category=request.category,
        )
        self._publish(video, target, thumb)
        self._videos[vid] = video
