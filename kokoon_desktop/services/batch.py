"""Running a batch of tasks: every item recorded before it is sent, sent once, never twice.

:meth:`BatchRunner.plan` reads what the items need (``GET /video`` of each vid, the probe and
content digest of each local file, off the event loop) and builds every request with the
task's rules, so every invalid row is known before anything is sent. :meth:`BatchRunner.run`
then, under the batch's lock:

1. settles what earlier runs left: an item ``sent`` is not sent again; an item whose answer
   was lost (``unknown``, or ``sending`` when a run was killed) is looked up on the server
   with :meth:`Submitter.check_on_server`, never sent blindly;
2. sends the others, ``concurrency`` at a time: a file is uploaded first (once per content,
   and not at all when the same content was uploaded to this service before), the journal
   records the item, the ``Submitter`` writes the history row, the journal links it, and only
   then does ``POST /task`` leave;
3. checks on the server, once the others are sent, every item whose answer was lost;
4. with ``wait``, follows the tasks (``TaskTracker``) and with ``download_dir`` brings the
   results home with their provenance (``Downloads``), as the window does.

Progress goes to one plain callback (:class:`ItemReport`), so the window's queue can show a
batch with the same runner. Items asking for the very same task (the same row twice, or two
rows that end in the same request) are sent once, the later ones reported as the same task.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import KokoonError, NotFoundError
from kokoon_desktop.api.models import Video
from kokoon_desktop.core.enums import Step, TaskType
from kokoon_desktop.core.manifest import (
    ClipFacts,
    Manifest,
    ManifestRow,
    RowProblem,
    row_task_spec,
)
from kokoon_desktop.core.output_naming import DEFAULT_TEMPLATE
from kokoon_desktop.core.presets import Preset
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.services.downloads import Downloads, Placement
from kokoon_desktop.services.observers import notify
from kokoon_desktop.services.submitter import SourceFacts, Submitter
from kokoon_desktop.services.task_matching import request_key
from kokoon_desktop.services.tracker import TaskTracker
from kokoon_desktop.storage.batch_journal import BatchJournal, RowState, file_digest
from kokoon_desktop.storage.history import (
    HistoryEntry,
    HistoryStore,
    ResultState,
    SubmissionState,
)

log = logging.getLogger(__name__)

__all__ = [
    "BatchItem",
    "BatchPlan",
    "BatchQuote",
    "BatchResult",
    "BatchRunner",
    "ItemReport",
    "ItemStatus",
]

#: Reads of the plan (``GET /video``) in flight at once.
PLAN_READS = 8
#: Items handled between two turns of the event loop in the loops over a whole batch.
YIELD_EVERY = 50
#: Upload progress reaches the callback at most this often per file.
PROGRESS_INTERVAL_S = 0.2

_T = TypeVar("_T")


class ItemStatus(StrEnum):
    """Where an item of a batch stands, as the command line and the window show it."""

    INVALID = "invalid"  # refused before anything was sent (see the message)
    WAITING = "waiting"  # to be sent in this run
    UPLOADING = "uploading"  # its file is going up (``progress``)
    SENDING = "sending"  # recorded; POST /task is on its way
    CHECKING = "checking"  # its answer was lost: looking for it on the server
    SENT = "sent"  # its task was created by this run
    ALREADY_SENT = "already sent"  # its task was created by an earlier run (or found)
    UNKNOWN = "unknown"  # may or may not exist: run the batch again to check, never resend
    FAILED = "failed"  # no task was created (the message says why); a re-run sends it again
    RUNNING = "running"  # waited for: the task is on its way (``progress``)
    DONE = "done"  # waited for: the task is done
    TASK_FAILED = "task failed"  # waited for: the task ended in error or was cancelled
    DOWNLOADED = "downloaded"  # its result is at ``result_path``, provenance beside it
    DOWNLOAD_FAILED = "download failed"

    @property
    def has_task(self) -> bool:
        return self in _WITH_TASK


_WITH_TASK = frozenset(
    {
        ItemStatus.SENT,
        ItemStatus.ALREADY_SENT,
        ItemStatus.RUNNING,
        ItemStatus.DONE,
        ItemStatus.TASK_FAILED,
        ItemStatus.DOWNLOADED,
        ItemStatus.DOWNLOAD_FAILED,
    }
)


@dataclass(frozen=True, slots=True)
class ItemReport:
    """One item's news: its row in the manifest, where it stands, and what is known."""

    row: int
    key: str
    status: ItemStatus
    source: str  # the file's name or the vid
    tid: str | None = None
    history_id: int | None = None
    message: str | None = None
    progress: float | None = None  # of the upload or of the task, 0..1, when known
    result_path: str | None = None


@dataclass(frozen=True, slots=True)
class BatchItem:
    """A valid row with its request (a file's vid is the nil UUID until it is uploaded)."""

    row: ManifestRow
    spec: TaskSpec
    source_name: str
    file: Path | None = None
    digest: tuple[int, str] | None = None  # the file's (size, digest)
    fps: str | None = None
    same_as: int | None = None  # the row number of an earlier item asking for the same task

    @property
    def number(self) -> int:
        return self.row.number

    @property
    def needs_upload(self) -> bool:
        return self.file is not None and self.spec.vid == _NIL


_NIL = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """What a run will do: the batch it belongs to, its valid items and every problem."""

    batch: str
    items: tuple[BatchItem, ...]
    problems: tuple[RowProblem, ...]
    rows: int

    def invalid_rows(self) -> list[int]:
        return sorted({problem.row for problem in self.problems})


@dataclass(frozen=True, slots=True)
class BatchQuote:
    """The cost of a plan's items (``POST /credit/calc``), and what could not be quoted."""

    total: Decimal
    per_row: dict[int, Decimal]
    unquoted: tuple[tuple[int, str], ...]  # (row, why)
    credit_left: Decimal | None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Each item's last report, in row order."""

    reports: tuple[ItemReport, ...]

    def with_status(self, *statuses: ItemStatus) -> list[ItemReport]:
        return [report for report in self.reports if report.status in statuses]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for report in self.reports:
            counts[report.status.value] = counts.get(report.status.value, 0) + 1
        return counts


@dataclass
class _Waiter:
    """An item followed to its end (``wait`` / ``download_dir``)."""

    item: BatchItem
    done: asyncio.Event = field(default_factory=asyncio.Event)


class BatchRunner:
    """Plans and runs batches over one client, history and journal."""

    def __init__(
        self,
        client: KokoonClient,
        history: HistoryStore,
        journal: BatchJournal,
        *,
        api_url: str,
        find_preset: Callable[[str], Preset | None],
        on_report: Callable[[ItemReport], None] | None = None,
        concurrency: int = 4,
        submitter: Submitter | None = None,
        poll_s: float = 1.0,
        max_poll_s: float = 30.0,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._client = client
        self._history = history
        self._journal = journal
        self._api_url = api_url.rstrip("/")
        self._find_preset = find_preset
        self._on_report = on_report
        self._concurrency = concurrency
        self._submitter = submitter or Submitter(client, history, self._history_changed)
        self._poll_s = poll_s
        self._max_poll_s = max_poll_s
        self._reports: dict[int, ItemReport] = {}
        self._uploads: dict[tuple[int, str], asyncio.Task[str]] = {}
        self._waiters: dict[int, _Waiter] = {}  # history id -> item being followed
        self._downloads: Downloads | None = None
        self._asked: set[int] = set()

    # --- planning -------------------------------------------------------------------------

    async def plan(self, manifest: Manifest, *, batch: str) -> BatchPlan:
        """Every row's request, checked against its source; nothing is sent (reads only).

        Raises the :class:`KokoonError` of a read that fails for the whole batch (the token
        refused, the service unreachable); a vid the service does not know is a row problem.
        """
        problems = list(manifest.problems)
        rows = manifest.valid_rows()
        videos = await self._videos({row.vid for row in rows if row.vid is not None})
        files = await self._files({row.file for row in rows if row.file is not None})
        items: list[BatchItem] = []
        seen: dict[tuple[str, str], int] = {}
        for row in rows:
            item_or_problems = self._item(row, videos, files)
            if isinstance(item_or_problems, list):
                problems += item_or_problems
                continue
            item = item_or_problems
            identity = (request_key(item.spec.to_request_body()), str(item.digest))
            if identity in seen:
                item = replace(item, same_as=seen[identity])
            else:
                seen[identity] = item.number
            items.append(item)
        problems.sort(key=lambda problem: problem.row)
        return BatchPlan(batch, tuple(items), tuple(problems), len(manifest.rows))

    async def _videos(self, vids: Iterable[str]) -> dict[str, Video | str]:
        """Each vid's video, or why it cannot be used."""

        async def read(vid: str) -> Video | str:
            try:
                return await self._client.get_video(vid)
            except NotFoundError:
                return f"The service has no video {vid} (it may have expired)"

        ordered = sorted(vids)
        found = await _bounded([read(vid) for vid in ordered], PLAN_READS)
        return dict(zip(ordered, found, strict=True))

    async def _files(self, paths: Iterable[str]) -> dict[str, _LocalFile | str]:
        """Each local file's facts (probe and digest, in threads), or why it cannot be used;
        a file uploaded before to this service gets that upload's vid if it is still there."""

        async def read(path: str) -> _LocalFile | str:
            try:
                local = await asyncio.to_thread(_read_local_file, Path(path))
            except (OSError, ValueError) as exc:
                return str(exc).rstrip(".")
            remembered = self._journal.remembered_upload(self._api_url, *local.digest)
            if remembered is None:
                return local
            try:
                video = await self._client.get_video(remembered.vid)
            except NotFoundError:
                video = None
            if video is None or not _still_there(video):
                self._journal.forget_upload(self._api_url, remembered.vid)
                return local
            return replace(local, vid=video.vid)

        ordered = sorted(paths)
        found = await _bounded([read(path) for path in ordered], PLAN_READS)
        return dict(zip(ordered, found, strict=True))

    def _item(
        self,
        row: ManifestRow,
        videos: dict[str, Video | str],
        files: dict[str, _LocalFile | str],
    ) -> BatchItem | list[RowProblem]:
        local: _LocalFile | None = None
        if row.file is not None:
            facts = files[row.file]
            if isinstance(facts, str):
                return [RowProblem(row.number, "file", facts)]
            local = facts
            clip = ClipFacts(local.vid, local.size, local.duration_ms, local.rate)
            name = Path(row.file).name
        else:
            assert row.vid is not None
            video = videos[row.vid]
            if isinstance(video, str):
                return [RowProblem(row.number, "vid", video)]
            clip = ClipFacts(video.vid, video.size_px, video.duration_ms, _rate(video.fps))
            name = video.filename or video.vid
        try:
            spec = row_task_spec(row, clip, self._find_preset)
        except InvalidTaskSpec as exc:
            return [RowProblem(row.number, p.field, p.message) for p in exc.problems]
        return BatchItem(
            row=row,
            spec=spec,
            source_name=name,
            file=local.path if local is not None else None,
            digest=local.digest if local is not None else None,
            fps=str(clip.rate) if clip.rate is not None else None,
        )

    # --- quoting --------------------------------------------------------------------------

    async def quote(self, plan: BatchPlan) -> BatchQuote:
        """The cost of every item that can be quoted now, and the credit left; charges
        nothing. The service quotes full tasks of uploaded videos only."""
        per_row: dict[int, Decimal] = {}
        unquoted: list[tuple[int, str]] = []
        quotable: list[BatchItem] = []
        for item in plan.items:
            if item.same_as is not None:
                unquoted.append((item.number, f"the same task as row {item.same_as}"))
            elif item.spec.task_type is not TaskType.SR:
                unquoted.append((item.number, "the service quotes full tasks only, not previews"))
            elif item.needs_upload:
                unquoted.append((item.number, "its file is not uploaded yet"))
            else:
                quotable.append(item)
        quotes = await _bounded(
            [self._client.quote(item.spec) for item in quotable], self._concurrency
        )
        for item, answer in zip(quotable, quotes, strict=True):
            per_row[item.number] = answer.credit
        credit = await self._client.get_credit()
        return BatchQuote(
            total=sum(per_row.values(), Decimal(0)),
            per_row=per_row,
            unquoted=tuple(unquoted),
            credit_left=credit.credit,
        )

    # --- running --------------------------------------------------------------------------

    async def run(
        self, plan: BatchPlan, *, wait: bool = False, download_dir: Path | None = None
    ) -> BatchResult:
        """Send what is left of the batch, once; with ``wait`` or ``download_dir`` follow
        the tasks to their end. ``BatchBusyError`` if another run of the batch is under way."""
        self._reports = {}
        leaders = [item for item in plan.items if item.same_as is None]
        with self._journal.lock(plan.batch):
            to_send = await self._settle_earlier_runs(plan.batch, leaders)
            slots = asyncio.Semaphore(self._concurrency)

            async def send(item: BatchItem) -> None:
                async with slots:
                    await self._send(plan.batch, item)

            for count, item in enumerate(to_send, start=1):
                self._report(item, ItemStatus.WAITING)
                if count % YIELD_EVERY == 0:
                    await asyncio.sleep(0)  # a long batch's reports do not stall the window
            await asyncio.gather(*(send(item) for item in to_send))
            lost = [i for i in leaders if self._status(i) is ItemStatus.UNKNOWN]
            await self._check(plan.batch, lost, resend=None)
        if wait or download_dir is not None:
            await self._follow(leaders, download_dir)
        for item in plan.items:
            if item.same_as is not None:
                self._mirror(item, plan)
        return BatchResult(tuple(self._reports[number] for number in sorted(self._reports)))

    async def _settle_earlier_runs(self, batch: str, items: Sequence[BatchItem]) -> list[BatchItem]:
        """The items to send now; those sent before are reported, those in doubt checked."""
        known = self._journal.rows(batch)
        to_send: list[BatchItem] = []
        in_doubt: list[BatchItem] = []
        for count, item in enumerate(items, start=1):
            if count % YIELD_EVERY == 0:
                await asyncio.sleep(0)
            entry = known.get(item.row.key)
            if entry is None or entry.state is RowState.PENDING or entry.state is RowState.FAILED:
                to_send.append(item)
            elif entry.state is RowState.SENT:
                self._report(
                    item, ItemStatus.ALREADY_SENT, tid=entry.tid, history_id=entry.history_id
                )
            elif entry.history_id is None:
                to_send.append(item)  # recorded, but killed before its history row: never sent
            else:
                in_doubt.append(item)
        await self._check(batch, in_doubt, resend=to_send)
        return sorted(to_send, key=lambda item: item.number)

    async def _check(
        self, batch: str, items: Sequence[BatchItem], *, resend: list[BatchItem] | None
    ) -> None:
        """Look up on the server each item whose answer was lost. Found: sent. Certainly not
        created: sent again now (``resend``) or on the next run. Lookup failed: unknown."""
        for item in items:
            journal_row = self._journal.get(batch, item.row.key)
            assert journal_row is not None and journal_row.history_id is not None
            self._report(item, ItemStatus.CHECKING, history_id=journal_row.history_id)
            try:
                entry = await self._submitter.check_on_server(journal_row.history_id)
            except LookupError:
                message = (
                    "Its history row is gone, so whether its task exists cannot be checked: "
                    "look at `kokoon tasks` before sending it again"
                )
                self._journal.set_state(batch, item.row.key, RowState.UNKNOWN, message=message)
                self._report(item, ItemStatus.UNKNOWN, message=message)
                continue
            except KokoonError as exc:
                message = f"Could not check on the server: {exc.message}"
                self._journal.set_state(batch, item.row.key, RowState.UNKNOWN, message=message)
                self._report(item, ItemStatus.UNKNOWN, message=message)
                continue
            if entry.state is SubmissionState.SUBMITTED:
                self._journal.set_state(batch, item.row.key, RowState.SENT, tid=entry.tid)
                self._report_entry(item, ItemStatus.ALREADY_SENT, entry, "found on the server")
            elif entry.state is SubmissionState.FAILED:
                self._journal.set_state(batch, item.row.key, RowState.FAILED, message=entry.message)
                if resend is not None:
                    resend.append(item)
                else:
                    self._report_entry(
                        item,
                        ItemStatus.FAILED,
                        entry,
                        f"{entry.message} Run the batch again to send it.",
                    )
            else:
                self._journal.set_state(
                    batch, item.row.key, RowState.UNKNOWN, message=entry.message
                )
                self._report_entry(item, ItemStatus.UNKNOWN, entry, entry.message)

    async def _send(self, batch: str, item: BatchItem) -> None:
        key = item.row.key
        self._journal.record(batch, key, item.number)
        spec = item.spec
        if item.needs_upload:
            try:
                spec = spec.with_changes(vid=await self._upload(item))
            except KokoonError as exc:
                self._journal.set_state(batch, key, RowState.FAILED, message=exc.message)
                self._report(item, ItemStatus.FAILED, message=f"Upload failed: {exc.message}")
                return

        def link(entry: HistoryEntry) -> None:
            self._journal.set_state(batch, key, RowState.SENDING, history_id=entry.id)
            self._report(item, ItemStatus.SENDING, history_id=entry.id)

        entry = await self._submitter.submit(
            spec,
            source_name=item.source_name,
            source=SourceFacts(path=str(item.file) if item.file else None, fps=item.fps),
            on_recorded=link,
        )
        if entry is None:
            message = "An equal request is being sent at this moment; this item was not sent"
            self._journal.set_state(batch, key, RowState.FAILED, message=message)
            self._report(item, ItemStatus.FAILED, message=message)
        elif entry.state is SubmissionState.SUBMITTED:
            self._journal.set_state(batch, key, RowState.SENT, tid=entry.tid)
            self._report_entry(item, ItemStatus.SENT, entry, None)
        elif entry.state is SubmissionState.FAILED:
            self._journal.set_state(batch, key, RowState.FAILED, message=entry.message)
            self._report_entry(item, ItemStatus.FAILED, entry, entry.message)
        else:
            self._journal.set_state(batch, key, RowState.UNKNOWN, message=entry.message)
            self._report_entry(item, ItemStatus.UNKNOWN, entry, entry.message)

    async def _upload(self, item: BatchItem) -> str:
        """The vid of the item's file: one upload per content, shared by every item of it."""
        assert item.file is not None and item.digest is not None
        running = self._uploads.get(item.digest)
        if running is None or (running.done() and running.exception() is not None):
            running = asyncio.ensure_future(self._upload_file(item))
            self._uploads[item.digest] = running
        return await asyncio.shield(running)

    async def _upload_file(self, item: BatchItem) -> str:
        assert item.file is not None and item.digest is not None
        last = 0.0

        def progress(done: int, total: int | None) -> None:
            nonlocal last
            now = time.monotonic()
            if total and (now - last >= PROGRESS_INTERVAL_S or done >= total):
                last = now
                self._report(item, ItemStatus.UPLOADING, progress=done / total)

        self._report(item, ItemStatus.UPLOADING, progress=0.0)
        video = await self._client.upload_video(item.file, progress=progress)
        self._journal.remember_upload(self._api_url, *item.digest, video.vid, item.file.name)
        return video.vid

    # --- following ------------------------------------------------------------------------

    async def _follow(self, items: Sequence[BatchItem], download_dir: Path | None) -> None:
        """Follow every item with a task to its end (and its download)."""
        self._waiters = {}
        self._asked = set()  # rows whose download was asked for in this run
        tracker = TaskTracker(
            self._client,
            self._history,
            self._history_changed,
            first_delay_s=self._poll_s,
            max_delay_s=max(self._poll_s, self._max_poll_s),
        )
        if download_dir is not None:
            placement = Placement(
                override=download_dir, folder_setting=None, template=DEFAULT_TEMPLATE
            )
            self._downloads = Downloads(
                self._client,
                self._history,
                placement=lambda: placement,
                on_change=self._history_changed,
            )
        try:
            for item in items:
                report = self._reports.get(item.number)
                if report is None or not report.status.has_task or report.history_id is None:
                    continue
                entry = self._history.get(report.history_id)
                if entry is None:
                    continue
                self._waiters[entry.id] = _Waiter(item)
                self._history_changed(entry)
                if entry.id in self._waiters and entry.is_active:
                    tracker.track(entry)
            await asyncio.gather(*(waiter.done.wait() for waiter in self._waiters.values()))
        finally:
            await tracker.aclose()
            if self._downloads is not None:
                await self._downloads.aclose()
                self._downloads = None

    def _history_changed(self, entry: HistoryEntry) -> None:
        """A history row changed (submitted, polled, downloaded): news of a followed item."""
        waiter = self._waiters.get(entry.id)
        if waiter is None or waiter.done.is_set():
            return
        item = waiter.item
        if not entry.is_finished:
            self._report_entry(item, ItemStatus.RUNNING, entry, entry.step, progress=entry.progress)
            return
        if Step.parse(entry.step) is not Step.DONE:
            why = entry.message or f"the task ended in {entry.step}"
            self._report_entry(item, ItemStatus.TASK_FAILED, entry, why)
            waiter.done.set()
            return
        if self._downloads is None:
            self._report_entry(item, ItemStatus.DONE, entry, None)
            waiter.done.set()
        elif entry.result_state is ResultState.DOWNLOADED:
            self._report_entry(
                item, ItemStatus.DOWNLOADED, entry, entry.result_message, path=entry.result_path
            )
            waiter.done.set()
        elif entry.result_state is ResultState.FAILED:
            self._report_entry(item, ItemStatus.DOWNLOAD_FAILED, entry, entry.result_message)
            waiter.done.set()
        elif entry.id not in self._asked:
            # Not asked for yet, or left queued or half-done by a run that was stopped.
            self._asked.add(entry.id)
            self._report_entry(item, ItemStatus.DONE, entry, None)
            problem = self._downloads.want(entry)
            if problem is not None:
                self._report_entry(item, ItemStatus.DOWNLOAD_FAILED, entry, problem)
                waiter.done.set()

    # --- reports --------------------------------------------------------------------------

    def _status(self, item: BatchItem) -> ItemStatus | None:
        report = self._reports.get(item.number)
        return report.status if report is not None else None

    def _report(
        self,
        item: BatchItem,
        status: ItemStatus,
        *,
        tid: str | None = None,
        history_id: int | None = None,
        message: str | None = None,
        progress: float | None = None,
        path: str | None = None,
    ) -> None:
        before = self._reports.get(item.number)
        report = ItemReport(
            row=item.number,
            key=item.row.key,
            status=status,
            source=item.source_name,
            tid=tid or (before.tid if before is not None else None),
            history_id=history_id or (before.history_id if before is not None else None),
            message=message,
            progress=progress,
            result_path=path,
        )
        self._reports[item.number] = report
        notify(self._on_report, report)

    def _report_entry(
        self,
        item: BatchItem,
        status: ItemStatus,
        entry: HistoryEntry,
        message: str | None,
        *,
        progress: float | None = None,
        path: str | None = None,
    ) -> None:
        self._report(
            item,
            status,
            tid=entry.tid,
            history_id=entry.id,
            message=message,
            progress=progress,
            path=path,
        )

    def _mirror(self, item: BatchItem, plan: BatchPlan) -> None:
        """An item asking for the same task as an earlier one shares its outcome."""
        assert item.same_as is not None
        leader = self._reports.get(item.same_as)
        if leader is None:
            return
        why = f"the same task as row {item.same_as}: sent once"
        report = replace(leader, row=item.number, key=item.row.key, message=why)
        self._reports[item.number] = report
        notify(self._on_report, report)


# --- helpers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LocalFile:
    path: Path
    digest: tuple[int, str]
    size: tuple[int, int]
    duration_ms: int
    rate: FrameRate
    vid: str | None = None  # an earlier upload of the same content, still on the service


def _read_local_file(path: Path) -> _LocalFile:
    """Probe and digest a local file (blocking: run in a thread)."""
    from kokoon_desktop.media.probe import probe  # PyAV: loaded only for batches with files

    info = probe(path)
    return _LocalFile(
        path=path,
        digest=file_digest(path),
        size=info.display_size,
        duration_ms=info.duration_ms,
        rate=info.rate,
    )


def _still_there(video: Video) -> bool:
    if not video.is_ready:
        return False
    return video.expired_time is None or video.expired_time > datetime.now(UTC)


def _rate(fps: str | None) -> FrameRate | None:
    if fps is None:
        return None
    try:
        return FrameRate.parse(fps)
    except ValueError:
        return None


async def _bounded(work: Sequence[Awaitable[_T]], limit: int) -> list[_T]:
    """Await all, at most ``limit`` at a time, results in order; the first failure raises
    (after the others have ended)."""
    slots = asyncio.Semaphore(limit)

    async def one(awaitable: Awaitable[_T]) -> _T:
        async with slots:
            return await awaitable

    results = await asyncio.gather(*(one(w) for w in work), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return [result for result in results if not isinstance(result, BaseException)]
