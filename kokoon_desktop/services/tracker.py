"""Following submitted tasks on the server until they finish, writing each change to the history.

One asyncio task per tracked row, asleep between polls: hundreds of them cost a timer each, and
a semaphore keeps only a few ``GET /task/{tid}`` requests in flight at once. Polls back off
(x1.5 up to ``max_delay_s``) while nothing changes and come back to ``first_delay_s`` when the
step changes. A failing poll never marks a row failed: the task is on the server whatever our
network does.

What a poll's failure does:

* network, 5xx, malformed answer, other 4xx: poll again later, backing off;
* 429: wait at least what the service asked;
* authentication: stop polling every row and call ``on_error`` once; ``resume()`` after the
  user signs in again starts over;
* 404 (the service no longer knows the task: it expired, or the token is another account's):
  stop tracking that row, set its step to ``unknown`` with a message saying so. The row stays
  active, so the next start-up's ``resume()`` asks once more (a token switched back finds it).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Callable

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import (
    AuthenticationError,
    KokoonError,
    NotFoundError,
    RateLimitedError,
)
from kokoon_desktop.api.models import Task
from kokoon_desktop.core.enums import Step
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate
from kokoon_desktop.services.observers import notify, report_exception
from kokoon_desktop.services.task_update import TaskUpdate
from kokoon_desktop.storage.history import EntryNotFoundError, HistoryEntry, HistoryStore

log = logging.getLogger(__name__)

GONE_MESSAGE = QT_TRANSLATE_NOOP(
    "Tracker", "The service no longer knows this task (expired, or another account's)."
)
#: What the built-in simulator's 404 means: it starts afresh each time the app starts.
DEMO_GONE_MESSAGE = QT_TRANSLATE_NOOP(
    "Tracker",
    "The demo service starts afresh each time the app starts: this task was made in an "
    "earlier session and is gone. Remove the row, or submit the task again.",
)
BACKOFF_FACTOR = 1.5
#: While a task runs its progress moves: poll at least this many first delays apart.
RUNNING_DELAY_FACTOR = 4.0
#: Spread of each delay, so rows submitted together do not poll in lockstep.
JITTER = 0.1


class TaskTracker:
    """Polls ``GET /task/{tid}`` for every active history row and records what changes."""

    def __init__(
        self,
        client: KokoonClient,
        history: HistoryStore,
        on_change: Callable[[HistoryEntry], None],
        *,
        first_delay_s: float = 2.0,
        max_delay_s: float = 30.0,
        on_error: Callable[[str], None] | None = None,
        max_concurrent_polls: int = 16,
        gone_message: str = GONE_MESSAGE,
    ) -> None:
        if first_delay_s <= 0 or max_delay_s < first_delay_s:
            raise ValueError("need 0 < first_delay_s <= max_delay_s")
        self._client = client
        self._history = history
        self._on_change = on_change
        self._gone_message = gone_message  # untranslated: translated when recorded
        self._first_delay_s = first_delay_s
        self._max_delay_s = max_delay_s
        self._running_delay_s = min(max_delay_s, first_delay_s * RUNNING_DELAY_FACTOR)
        self._limit = asyncio.Semaphore(max_concurrent_polls)
        #: Called with a sentence when polling stops for a reason the user must act on.
        self.on_error = on_error
        self._polls: dict[int, asyncio.Task[None]] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # includes cancelled ones not yet ended
        self._auth_reported = False
        self._closed = False

    @property
    def tracked(self) -> frozenset[int]:
        """The ids of the rows being polled."""
        return frozenset(self._polls)

    def track(self, entry: HistoryEntry) -> None:
        """Start polling this row's task until its step is terminal; no-op if already polling."""
        if self._closed or entry.tid is None or not entry.is_active:
            return
        current = self._polls.get(entry.id)
        if current is not None and not current.done():
            return
        self._auth_reported = False
        task = asyncio.get_running_loop().create_task(
            self._follow(entry.id, entry.tid), name=f"track history row {entry.id}"
        )
        self._polls[entry.id] = task
        self._tasks.add(task)
        task.add_done_callback(functools.partial(self._ended, entry.id))

    def untrack(self, entry_id: int) -> None:
        """Stop polling one row (it was removed from the history, say)."""
        task = self._polls.pop(entry_id, None)
        if task is not None:
            task.cancel()

    def resume(self) -> int:
        """Track every active row of the history (at start-up, after signing in again)."""
        active = self._history.active()
        for entry in active:
            self.track(entry)
        return sum(1 for entry in active if entry.id in self._polls)

    async def aclose(self) -> None:
        """Stop all polling and wait until every polling task has ended."""
        self._closed = True
        self._polls.clear()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # --- polling -------------------------------------------------------------------------

    def _ended(self, entry_id: int, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if self._polls.get(entry_id) is task:
            del self._polls[entry_id]
        if not task.cancelled() and (exc := task.exception()) is not None:
            report_exception(exc, f"tracking history row {entry_id} failed")

    def _grow(self, delay: float) -> float:
        return min(delay * BACKOFF_FACTOR, self._max_delay_s)

    async def _follow(self, entry_id: int, tid: str) -> None:
        delay = self._first_delay_s
        body_wanted = True  # a row from the account's list learns its full request once
        while True:
            entry = self._history.get(entry_id)
            if entry is None or entry.tid != tid or not entry.is_active:
                return  # removed, or finished or re-resolved elsewhere
            try:
                async with self._limit:
                    task = await self._client.get_task(tid)
            except AuthenticationError as exc:
                self._stop_for_authentication(exc.message, entry_id)
                return
            except NotFoundError:
                self._record(entry, _not_followed(translate("Tracker", self._gone_message)))
                return
            except ValueError:
                self._record(entry, _not_followed(f"{tid!r} is not a task ID."))
                return
            except RateLimitedError as exc:
                delay = max(self._grow(delay), exc.retry_after or 0.0)
            except KokoonError as exc:
                log.info("polling task %s failed (%s); trying again later", tid, exc)
                delay = self._grow(delay)
            else:
                if body_wanted:
                    body_wanted = False
                    entry = self._complete_body(entry, task)
                update = TaskUpdate.of(task)
                step_changed = update.step != entry.step
                if not self._record(entry, update) or task.step.is_terminal:
                    return
                delay = self._first_delay_s if step_changed else self._grow(delay)
                if task.step is Step.RUNNING:
                    delay = min(delay, self._running_delay_s)
            await asyncio.sleep(delay * random.uniform(1 - JITTER, 1 + JITTER))

    def _complete_body(self, entry: HistoryEntry, task: Task) -> HistoryEntry:
        """A row found in the account's list knows only its task's type and source ("width"
        is missing): record the body the service echoes, for the row's details and sidecar."""
        if not entry.from_account or "width" in entry.request_body or not task.request_body:
            return entry
        try:
            entry = self._history.set_request_body(entry.id, task.request_body)
        except EntryNotFoundError:
            return entry  # removed meanwhile; the next turn of the loop ends
        notify(self._on_change, entry)
        return entry

    def _record(self, entry: HistoryEntry, update: TaskUpdate) -> bool:
        """Write what changed; False when the row was removed meanwhile."""
        if not update.differs_from(entry):
            return True
        try:
            changed = update.write_to(self._history, entry.id)
        except EntryNotFoundError:
            return False
        notify(self._on_change, changed)
        return True

    def _stop_for_authentication(self, message: str, current: int) -> None:
        """Every other poll would fail the same way: stop them all and say so once."""
        for entry_id, task in list(self._polls.items()):
            if entry_id != current:
                task.cancel()
        self._polls.clear()
        if not self._auth_reported:
            self._auth_reported = True
            log.warning("task polling stopped: %s", message)
            notify(self.on_error, message)


def _not_followed(reason: str) -> TaskUpdate:
    """The row's task can no longer be followed: its step is unknown, and why."""
    return TaskUpdate(step=Step.UNKNOWN.value, progress=None, message=reason)
