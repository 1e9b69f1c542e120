"""Bringing finished results home: one file per done task, next to the editor's work.

Every download is recorded in the history before a byte moves (``ResultState.QUEUED``, then
``DOWNLOADING`` with the final file name), so a quit or a crash mid-way leaves a row that
:meth:`Downloads.resume` picks up at the next start, continuing the ``.part`` file with a
``Range`` request. The link is asked for (``GET /video/{out_vid}``) right before each attempt
and never stored: storage links expire.

What a failure does:

* storage refuses the link (400/401/403: it expired meanwhile): a fresh link, once;
* storage 5xx, dropped connections, timeouts: a few tries with growing pauses, resuming;
* the folder is missing or read-only, the disk is full, the API refuses: stop at once with a
  sentence in the row (``FAILED``); Retry (``want`` again) starts over from where it was.

The bytes go to ``<name>.part`` and are renamed only once complete and of the right size, so a
file under the final name is always whole; the provenance sidecar is written after it.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import (
    AuthenticationError,
    KokoonError,
    NetworkError,
    RequestRejectedError,
    ServerError,
)
from kokoon_desktop.api.models import Video
from kokoon_desktop.api.transfer import partial_path
from kokoon_desktop.core.output_naming import fields_for, render_name
from kokoon_desktop.i18n import translate
from kokoon_desktop.services.observers import notify, report_exception
from kokoon_desktop.services.output_place import claim_output_path, folder_problem, output_folder
from kokoon_desktop.services.sidecar import Provenance, write_sidecar
from kokoon_desktop.services.task_update import iso_utc
from kokoon_desktop.storage.history import (
    EntryNotFoundError,
    HistoryEntry,
    HistoryError,
    HistoryStore,
    ResultState,
)

log = logging.getLogger(__name__)

#: Tries of one download against storage 5xx and network failures, and the first pause.
ATTEMPTS = 3
FIRST_PAUSE_S = 1.0
#: Progress reaches the window at most this often per download.
PROGRESS_INTERVAL_S = 0.1
#: Weight of the newest sample in the speed shown (an exponential average).
SPEED_SMOOTHING = 0.3

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    """How far one row's download is: bytes so far, of how many, and how fast."""

    entry_id: int
    done: int
    total: int | None
    bytes_per_s: float | None

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(self.done / self.total, 1.0)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where results go: the session's override, the setting, and the naming template."""

    override: Path | None
    folder_setting: str | None
    template: str
    #: Whether a task that finishes while followed downloads by itself.
    automatic: bool = True


class _Stop(Exception):
    """A failure that trying again now would not fix; the message is for the row."""


class Downloads:
    """Downloads the results of done tasks, a few at a time, recorded in the history."""

    def __init__(
        self,
        client: KokoonClient,
        history: HistoryStore,
        *,
        placement: Callable[[], Placement],
        on_change: Callable[[HistoryEntry], None],
        on_progress: Callable[[DownloadProgress], None] | None = None,
        on_finished: Callable[[HistoryEntry], None] | None = None,
        max_concurrent: int = 4,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._history = history
        self._placement = placement
        self._on_change = on_change
        self._on_progress = on_progress
        self._on_finished = on_finished
        self._slots = asyncio.Semaphore(max_concurrent)
        self._sleep = sleep
        self._clock = clock
        self._running: dict[int, asyncio.Task[None]] = {}
        self._side_tasks: set[asyncio.Task[None]] = set()  # every task, downloads included
        self._closed = False

    @property
    def in_flight(self) -> int:
        """Downloads queued or under way in this run."""
        return len(self._running)

    def is_running(self, entry_id: int) -> bool:
        return entry_id in self._running

    # --- asking -------------------------------------------------------------------------

    def want(self, entry: HistoryEntry) -> str | None:
        """Download this row's result; None when it is on its way, else why it cannot be.

        A result already on disk is not downloaded again (no second copy); a failed or
        interrupted one starts again, resuming what is there.
        """
        if self._closed:
            return translate("Downloads", "The app is closing.")
        current = self._history.get(entry.id)
        if current is None:
            return translate("Downloads", "The row is no longer in the history.")
        problem = _not_downloadable(current)
        if problem is not None:
            return problem
        # Downloaded is asked first: the row is marked before its task has finished unwinding.
        if current.result_state is ResultState.DOWNLOADED and _exists(current.result_path):
            return translate("Downloads", "Already downloaded: {path}").format(
                path=current.result_path
            )
        # A failed row whose task is still unwinding (Retry pressed as the failure shows)
        # starts again; any other running row is on its way already.
        if current.id in self._running and current.result_state is not ResultState.FAILED:
            return None
        self._record(current.id, ResultState.QUEUED, path=_kept_path(current))
        self._start(current.id)
        return None

    def task_done(self, entry: HistoryEntry) -> None:
        """A followed task just finished: download it when automatic, else learn its expiry.

        Tasks found in the account's list are left to the user: a studio sharing an account
        between machines does not want every result on every machine. Neither are previews:
        they are looked at in the compare view (their assets go to the cache), and a preview's
        few frames next to the editor's footage would only be clutter; Download still fetches
        one on request.
        """
        if self._closed or not entry.is_done or entry.result_state is not None:
            return
        preview = entry.task_type == "SR_PREVIEW"
        if self._placement().automatic and not entry.from_account and not preview:
            self.want(entry)
        else:
            self._spawn(self._learn_expiry(entry), entry.id)

    async def _learn_expiry(self, entry: HistoryEntry) -> None:
        assert entry.out_vid is not None
        try:
            video = await self._client.get_video(entry.out_vid)
        except KokoonError as exc:
            log.info("no expiry for row %s: %s", entry.id, exc)
            return
        if video.expired_time is not None:
            with contextlib.suppress(HistoryError):
                notify(
                    self._on_change, self._history.set_expiry(entry.id, iso_utc(video.expired_time))
                )

    def resume(self) -> int:
        """Continue the downloads a previous run left queued or under way; how many."""
        resumed = 0
        for entry in self._history.with_results(ResultState.QUEUED, ResultState.DOWNLOADING):
            if entry.id not in self._running and _not_downloadable(entry) is None:
                self._start(entry.id)
                resumed += 1
        return resumed

    def cancel(self, entry_id: int) -> None:
        """Stop one download; its ``.part`` stays for a later resume."""
        task = self._running.get(entry_id)
        if task is not None:
            task.cancel()

    async def aclose(self) -> None:
        """Stop every download; the rows stay queued or downloading, to resume next time."""
        self._closed = True
        tasks = list(self._side_tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # --- doing --------------------------------------------------------------------------

    def _start(self, entry_id: int) -> None:
        self._running[entry_id] = self._spawn(self._run(entry_id), entry_id)

    def _spawn(self, work: Coroutine[Any, Any, None], entry_id: int) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(
            work, name=f"result of history row {entry_id}"
        )
        self._side_tasks.add(task)
        task.add_done_callback(lambda done: self._ended(entry_id, done))
        return task

    def _ended(self, entry_id: int, task: asyncio.Task[None]) -> None:
        self._side_tasks.discard(task)
        if self._running.get(entry_id) is task:
            del self._running[entry_id]
        if not task.cancelled() and (exc := task.exception()) is not None:
            report_exception(exc, f"downloading the result of history row {entry_id} failed")

    async def _run(self, entry_id: int) -> None:
        async with self._slots:
            entry = self._history.get(entry_id)
            if entry is None:
                return
            try:
                finished = await self._fetch(entry)
            except _Stop as stop:
                self._record(
                    entry_id, ResultState.FAILED, path=_kept_path(entry), message=str(stop)
                )
                return
            except EntryNotFoundError:
                return  # removed while downloading; its .part stays for nobody
        notify(self._on_finished, finished)

    async def _fetch(self, entry: HistoryEntry) -> HistoryEntry:
        """Download with fresh links and a few tries; the row as it ends, DOWNLOADED."""
        assert entry.out_vid is not None
        fresh_links = 1
        attempt = 0
        target: Path | None = None
        while True:
            attempt += 1
            video = await self._video(entry.out_vid)
            if target is None:
                # Off the loop: the folder is checked by writing to it and listed for a free
                # name, which a folder of hundreds of results makes slow enough to be seen.
                target = await asyncio.to_thread(self._target, entry, video, self._placement())
                entry = self._record(entry.id, ResultState.DOWNLOADING, path=str(target))
            try:
                await self._client.download(
                    video.url or "",
                    target,
                    expected_size=video.size,
                    progress=self._progress_reporter(entry.id),
                )
                break
            except RequestRejectedError as exc:
                if exc.status in (400, 401, 403) and fresh_links > 0:
                    fresh_links -= 1  # the link expired between asking and using it
                    log.info("storage refused the link for row %s; asking again", entry.id)
                    continue
                raise _Stop(exc.message) from None
            except (ServerError, NetworkError) as exc:
                if attempt >= ATTEMPTS:
                    raise _Stop(
                        translate(
                            "Downloads", "{reason} Use Retry to continue the download."
                        ).format(reason=exc.message)
                    ) from None
                await self._sleep(FIRST_PAUSE_S * 2 ** (attempt - 1))
            except KokoonError as exc:
                raise _Stop(exc.message) from None
            except FileNotFoundError:
                # The partial file was deleted while the bytes were going in: start over.
                if attempt >= ATTEMPTS:
                    raise _Stop(
                        translate("Downloads", "The partial file of {name} kept vanishing.").format(
                            name=target.name
                        )
                    ) from None
            except OSError as exc:
                raise _Stop(_disk_message(exc, target)) from None
        return await self._finish(entry, target, video)

    async def _video(self, out_vid: str) -> Video:
        """The result's metadata with a fresh link; its expiry is recorded on the way."""
        try:
            video = await self._client.get_video(out_vid)
        except AuthenticationError as exc:
            raise _Stop(exc.message) from None
        except KokoonError as exc:
            raise _Stop(
                translate("Downloads", "The result's details could not be read: {reason}").format(
                    reason=exc.message
                )
            ) from None
        if not video.is_ready or not video.url:
            raise _Stop(
                translate(
                    "Downloads", "The result is not ready to download (state: {state})."
                ).format(state=video.state or "?")
            )
        return video

    @staticmethod
    def _target(entry: HistoryEntry, video: Video, place: Placement) -> Path:
        """The file this row's result goes to: kept from an earlier attempt, else a new name
        (claimed)."""
        kept = _kept_path(entry)
        if kept is not None and partial_path(Path(kept)).exists():
            return Path(kept)
        folder = output_folder(
            override=place.override, setting=place.folder_setting, source_path=entry.source_path
        )
        problem = folder_problem(
            folder, create=place.override is None and place.folder_setting is None
        )
        if problem is not None:
            raise _Stop(problem)
        when = entry.finished or entry.updated_at
        name = render_name(
            place.template,
            fields_for(
                source_name=entry.source_name or video.filename,
                request_body=entry.request_body,
                tid=entry.tid,
                when=when,
            ),
        )
        try:
            return claim_output_path(folder, name)
        except OSError as exc:
            raise _Stop(_disk_message(exc, folder / name)) from None

    async def _finish(self, entry: HistoryEntry, target: Path, video: Video) -> HistoryEntry:
        if video.expired_time is not None:
            with contextlib.suppress(HistoryError):
                self._history.set_expiry(entry.id, iso_utc(video.expired_time))
        size = target.stat().st_size
        message = None
        try:
            await asyncio.to_thread(write_sidecar, target, provenance_of(entry))
        except OSError as exc:
            # The video itself is whole: say what is missing rather than fail the row.
            message = translate(
                "Downloads", "The provenance file could not be written: {reason}"
            ).format(reason=_disk_message(exc, target))
        return self._record(
            entry.id, ResultState.DOWNLOADED, path=str(target), message=message, size=size
        )

    def _record(
        self,
        entry_id: int,
        state: ResultState,
        *,
        path: str | None,
        message: str | None = None,
        size: int | None = None,
    ) -> HistoryEntry:
        entry = self._history.set_result(entry_id, state, path=path, message=message, size=size)
        notify(self._on_change, entry)
        return entry

    def _progress_reporter(self, entry_id: int) -> Callable[[int, int | None], None]:
        """A progress callback that reports at most every PROGRESS_INTERVAL_S, with speed."""
        last_time = self._clock()
        last_done: int | None = None
        speed: float | None = None

        def report(done: int, total: int | None) -> None:
            nonlocal last_time, last_done, speed
            now = self._clock()
            if now - last_time < PROGRESS_INTERVAL_S and done != total:
                return
            if last_done is not None and now > last_time and done >= last_done:
                sample = (done - last_done) / (now - last_time)
                speed = sample if speed is None else speed + SPEED_SMOOTHING * (sample - speed)
            last_time, last_done = now, done
            notify(self._on_progress, DownloadProgress(entry_id, done, total, speed))

        return report


def provenance_of(entry: HistoryEntry) -> Provenance:
    """What the sidecar records of a row."""
    assert entry.tid is not None
    return Provenance(
        request_body=dict(entry.request_body),
        tid=entry.tid,
        in_vid=entry.in_vid or entry.vid or None,
        out_vid=entry.out_vid,
        source_name=entry.source_name,
        source_path=entry.source_path,
        source_fps=entry.source_fps,
        request_time=entry.request_time,
        start_time=entry.start_time,
        finish_time=entry.finish_time,
        credits=entry.credits,
    )


def _not_downloadable(entry: HistoryEntry) -> str | None:
    if not entry.is_done or entry.out_vid is None:
        return translate("Downloads", "Only a task that is done has a result to download.")
    return None


def _kept_path(entry: HistoryEntry) -> str | None:
    """The file name an unfinished download of this row already uses (resumed, not renamed)."""
    if entry.result_state in (ResultState.QUEUED, ResultState.DOWNLOADING, ResultState.FAILED):
        return entry.result_path
    return None


def _exists(path: str | None) -> bool:
    return bool(path) and Path(path or "").is_file()


def _disk_message(exc: OSError, target: Path | None) -> str:
    if target is None:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return translate(
                "Downloads",
                "The disk holding the output folder is full: free some space, then Retry.",
            )
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return translate(
                "Downloads",
                "Kokoon Desktop may not write in the output folder: choose another output folder.",
            )
        return translate("Downloads", "Writing in the output folder failed: {reason}.").format(
            reason=exc.strerror or exc
        )
    where = target.parent
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return translate(
            "Downloads", "The disk holding {folder} is full: free some space, then Retry."
        ).format(folder=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate(
            "Downloads", "Kokoon Desktop may not write in {folder}: choose another output folder."
        ).format(folder=where)
    return translate("Downloads", "Writing in {folder} failed: {reason}.").format(
        folder=where, reason=exc.strerror or exc
    )
