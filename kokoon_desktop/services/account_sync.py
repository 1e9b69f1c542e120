"""The account's whole task list in the history: tasks made elsewhere, and lost answers found.

Tasks made by the command line or on another machine are only on the service; ``GET /task``
lists them, newest first, as short summaries. :class:`AccountSync` merges those pages into the
history one page per store call (one transaction each, with the loop free between pages), and
stops where the previous merge left off: at a page whose tasks are all known already and no
newer than the newest task that merge saw.

On the way, a task nobody has a row for is first offered to the rows whose answer was lost
(UNKNOWN): the same rule as "check on server" (``task_matching``) picks it, and the task's
own body confirms it, so the row gets its task instead of the task getting a second row. A
task that may still be the answer of a submission in flight (SUBMITTING) is left for a later
merge, so the submitter's answer never finds its task taken.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import NotFoundError
from kokoon_desktop.api.filters import TaskFilter
from kokoon_desktop.api.models import Task
from kokoon_desktop.services.observers import notify
from kokoon_desktop.services.task_matching import (
    closeness,
    is_its_task,
    may_be_its_task,
    record_found,
)
from kokoon_desktop.services.task_update import iso_utc, stored_step
from kokoon_desktop.storage.history import (
    AccountTask,
    EntryNotFoundError,
    HistoryEntry,
    HistoryError,
    HistoryStore,
    SubmissionState,
    TransitionError,
)

log = logging.getLogger(__name__)

#: The sync mark holding the request time of the newest task a complete merge saw, as
#: ``iso_utc`` writes it: fixed-width UTC text, so comparing texts compares times.
NEWEST_MERGED_MARK = "account.newest_request_time"
_MARK_LENGTH = len("2024-01-24T05:07:58.000Z")


@dataclass(frozen=True)
class MergeReport:
    """What one merge did, for the window: counts for a message, rows to show and follow."""

    added: int  # tasks new to the history, now rows from the account
    updated: int  # rows whose task moved on (step, progress, times)
    resolved: tuple[HistoryEntry, ...]  # UNKNOWN rows that found their task (now SUBMITTED)
    changed: tuple[HistoryEntry, ...]  # every new or changed row, for the window's table


@dataclass
class _Tally:
    added: int = 0
    updated: int = 0
    resolved: dict[int, HistoryEntry] = field(default_factory=dict)
    changed: dict[int, HistoryEntry] = field(default_factory=dict)

    def report(self) -> MergeReport:
        return MergeReport(
            added=self.added,
            updated=self.updated,
            resolved=tuple(self.resolved.values()),
            changed=tuple(self.changed.values()),
        )


class AccountSync:
    """Merges the account's task list (``GET /task``) into the history."""

    def __init__(
        self,
        client: KokoonClient,
        history: HistoryStore,
        *,
        on_changes: Callable[[Sequence[HistoryEntry]], None] | None = None,
        page_size: int = 100,
        max_pages: int = 200,
    ) -> None:
        if page_size < 1 or max_pages < 1:
            raise ValueError("need page_size >= 1 and max_pages >= 1")
        self._client = client
        self._history = history
        self._on_changes = on_changes
        self._page_size = page_size
        self._max_pages = max_pages
        self._running: asyncio.Task[MergeReport] | None = None

    async def merge(self) -> MergeReport:
        """Merge the account's tasks; a call while a merge runs waits for that one's report.

        Raises what reading the list raises (:class:`KokoonError`, :class:`HistoryError`);
        the pages merged before stay merged.
        """
        running = self._running
        if running is None or running.done():
            running = asyncio.get_running_loop().create_task(
                self._merge(), name="merge the account's tasks"
            )
            self._running = running
        # A caller cancelled (its window closing) does not cancel the merge others wait for.
        return await asyncio.shield(running)

    async def aclose(self) -> None:
        """Stop a merge under way and wait until it has."""
        running = self._running
        if running is not None and not running.done():
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)

    async def _merge(self) -> MergeReport:
        log_keeper = _LogKeeper(self._history)
        try:
            report = await self._merge_pages(log_keeper)
        finally:
            await log_keeper.settle()
        log.info(
            "account merged: %d added, %d updated, %d resolved",
            report.added,
            report.updated,
            len(report.resolved),
        )
        return report

    async def _merge_pages(self, log_keeper: _LogKeeper) -> MergeReport:
        mark = _valid_mark(self._history.sync_mark(NEWEST_MERGED_MARK))
        tally = _Tally()
        newest: str | None = None
        seen = 0
        for page_num in range(self._max_pages):
            page = await self._client.list_tasks(
                TaskFilter(page_size=self._page_size, page_num=page_num)
            )
            tasks = page.tasks
            times = [iso_utc(task.request_time) for task in tasks]
            newest = max((t for t in (newest, *times) if t is not None), default=None)
            changed_before = len(tally.changed)
            all_known = await self._merge_page(tasks, tally)
            if len(tally.changed) > changed_before:
                log_keeper.written()
            seen += len(tasks)
            last_page = len(tasks) < self._page_size or (
                page.all_count is not None and seen >= page.all_count
            )
            # Newest first: past a page of known tasks the previous merge saw, all is known.
            caught_up = all_known and mark is not None and all(t and t <= mark for t in times)
            if last_page or caught_up:
                break
            await asyncio.sleep(0)  # the window's turn between pages
        if newest is not None and (mark is None or newest > mark):
            self._history.set_sync_mark(NEWEST_MERGED_MARK, newest)
        return tally.report()

    async def _merge_page(self, tasks: Sequence[Task], tally: _Tally) -> bool:
        """Merge one page; True if every task on it was known before (a row, or removed)."""
        known = self._history.known_tids(task.tid for task in tasks)
        fresh = [task for task in tasks if task.tid not in known]
        resolved = await self._resolve(fresh) if fresh else []
        taken = {entry.tid for entry in resolved}
        # Read after the awaits above: what is in flight now, right before writing.
        held = self._in_flight([task for task in fresh if task.tid not in taken])
        merged = self._history.merge_account(
            [
                _account_task(task)
                for task in tasks
                if task.tid not in taken and task.tid not in held
            ]
        )
        changes: dict[int, HistoryEntry] = {}
        for entry in (*resolved, *merged.added, *merged.updated):
            changes[entry.id] = entry
        tally.added += len(merged.added)
        tally.updated += len(merged.updated)
        tally.resolved.update((entry.id, entry) for entry in resolved)
        tally.changed.update(changes)
        if changes:
            notify(self._on_changes, tuple(changes.values()))
        return len(known) == len({task.tid for task in tasks})

    async def _resolve(self, fresh: Sequence[Task]) -> list[HistoryEntry]:
        """UNKNOWN rows that find their task among these, closest in time first, confirmed."""
        waiting = _Rows(self._history.by_state(SubmissionState.UNKNOWN))
        if not waiting:
            return []
        pairs = [(row, task) for task in fresh for row in waiting.candidates(task)]
        pairs.sort(key=lambda pair: (closeness(*pair), pair[0].id))
        details: dict[str, Task | None] = {}
        settled: set[int] = set()
        taken: set[str] = set()
        resolved: list[HistoryEntry] = []
        for row, summary in pairs:
            if row.id in settled or summary.tid in taken:
                continue
            if summary.tid not in details:
                details[summary.tid] = await self._details(summary.tid)
            task = details[summary.tid]
            if task is None or not is_its_task(row, task):
                continue
            current = self._history.get(row.id)
            if current is None or current.state is not SubmissionState.UNKNOWN:
                settled.add(row.id)  # removed, or checked on the server meanwhile
                continue
            try:
                entry = record_found(self._history, row.id, task)
            except (TransitionError, EntryNotFoundError):
                continue  # the task was given to a row meanwhile ("check on server")
            log.info("history row %s is task %s, found in the account's list", row.id, task.tid)
            settled.add(row.id)
            taken.add(task.tid)
            resolved.append(entry)
        return resolved

    def _in_flight(self, fresh: Sequence[Task]) -> set[str]:
        """Tasks that may be the answer to a submission still being sent: left for later.

        Recorded now, the submitter's answer would find its task already taken by an account
        row; left alone, it is that row's once the answer comes, or an UNKNOWN row's to find.
        """
        sending = _Rows(self._history.by_state(SubmissionState.SUBMITTING))
        if not sending:
            return set()
        return {task.tid for task in fresh if sending.candidates(task)}

    async def _details(self, tid: str) -> Task | None:
        try:
            return await self._client.get_task(tid)
        except NotFoundError:
            return None  # gone since it was listed


class _LogKeeper:
    """Copies the history's write-ahead log into its file in a worker thread while a merge
    writes (the store's merges leave that to it): the disk is never waited for on the loop.

    One copy at a time, started after a page is written; the last one is awaited, so the
    history's next write, wherever it comes from, starts a short log again.
    """

    def __init__(self, history: HistoryStore) -> None:
        self._history = history
        self._copying: asyncio.Task[None] | None = None
        self._behind = False  # pages written since the copy under way started

    def written(self) -> None:
        if self._copying is None or self._copying.done():
            self._copying = asyncio.get_running_loop().create_task(self._copy())
            self._behind = False
        else:
            self._behind = True

    async def settle(self) -> None:
        if self._copying is not None:
            await self._copying
        if self._behind:
            await self._copy()

    async def _copy(self) -> None:
        try:
            await asyncio.to_thread(self._history.checkpoint_aside)
        except HistoryError as exc:  # SQLite copies the log itself later
            log.info("the history's log was not copied: %s", exc)


class _Rows:
    """Rows awaiting their task, looked up by source and type (few, but asked for each task)."""

    def __init__(self, rows: Iterable[HistoryEntry]) -> None:
        self._all = list(rows)
        self._by_source: defaultdict[tuple[str, str], list[HistoryEntry]] = defaultdict(list)
        for row in self._all:
            self._by_source[row.vid.lower(), row.task_type.upper()].append(row)

    def __bool__(self) -> bool:
        return bool(self._all)

    def candidates(self, summary: Task) -> list[HistoryEntry]:
        if summary.in_vid is None or summary.task_type is None:
            rows = self._all  # the summary cannot narrow it: the rule decides row by row
        else:
            rows = self._by_source.get((summary.in_vid.lower(), summary.task_type.upper()), [])
        return [row for row in rows if may_be_its_task(row, summary)]


def _account_task(task: Task) -> AccountTask:
    """A summary as the store records it, in the tracker's forms (step, progress, times), so
    that a merge after a poll finds nothing to change."""
    return AccountTask(
        tid=task.tid,
        step=stored_step(task),
        progress=task.progress_fraction(),
        in_vid=task.in_vid,
        out_vid=task.out_vid,
        task_type=task.task_type,
        filename=task.filename,
        request_time=iso_utc(task.request_time),
        start_time=iso_utc(task.start_time),
        finish_time=iso_utc(task.finish_time),
    )


def _valid_mark(text: str | None) -> str | None:
    """The mark if it has the shape ``iso_utc`` gives; otherwise (edited by hand) none: the
    next merge walks every page once and writes a good one."""
    if text is None or len(text) != _MARK_LENGTH or not text.endswith("Z"):
        return None
    return text
