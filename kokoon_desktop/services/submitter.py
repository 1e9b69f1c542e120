"""Submitting tasks so that none is ever lost or sent twice.

The row is written to the history (committed) before the request leaves, so a crash at any
moment leaves a trace. ``POST /task`` is sent exactly once; when its answer is lost the row is
marked UNKNOWN and :meth:`Submitter.check_on_server` looks the task up in ``GET /task`` instead
of sending it again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import (
    InsufficientCreditError,
    KokoonError,
    NotFoundError,
    TaskOutcomeUnknownError,
)
from kokoon_desktop.api.filters import TaskFilter
from kokoon_desktop.api.models import Credit, Task
from kokoon_desktop.core import human
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate
from kokoon_desktop.services.observers import notify
from kokoon_desktop.services.task_matching import (
    closeness,
    is_its_task,
    may_be_its_task,
    record_found,
    request_key,
    window_start,
)
from kokoon_desktop.storage.history import (
    HistoryEntry,
    HistoryStore,
    SubmissionState,
    TransitionError,
)

log = logging.getLogger(__name__)

# The messages a row keeps (in English here; translated for the user when written).
INTERRUPTED_MESSAGE = QT_TRANSLATE_NOOP(
    "Submitter", "The app closed before the service answered: check on server."
)
NOT_FOUND_MESSAGE = QT_TRANSLATE_NOOP(
    "Submitter", "Not found on the server: the task was not created. You can submit it again."
)

#: Tasks per page when looking a task up, and how many pages at most (1,000 recent tasks).
LOOKUP_PAGE_SIZE = 50
LOOKUP_MAX_PAGES = 20
#: How long the best-effort "needs X, Y left" lookup may delay the failure message.
CREDIT_DETAIL_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """What a submission records about its source besides the body: for the result's record."""

    path: str | None = None  # the local file it was uploaded from
    fps: str | None = None  # its frame rate, a rational ("30000/1001")
    credits: str | None = None  # the quoted cost, decimal text


class Submitter:
    """Sends task requests, recording each in the history before and after."""

    def __init__(
        self,
        client: KokoonClient,
        history: HistoryStore,
        on_change: Callable[[HistoryEntry], None],
    ) -> None:
        self._client = client
        self._history = history
        self._on_change = on_change
        # request key -> id of the row being submitted, for the in-flight rule.
        self._in_flight: dict[str, int] = {}
        self._checking: set[int] = set()

    def is_in_flight(self, spec: TaskSpec) -> bool:
        """True while a submission of an equal request awaits the service's answer."""
        return request_key(spec.to_request_body()) in self._in_flight

    async def submit(
        self,
        spec: TaskSpec,
        *,
        source_name: str | None,
        source: SourceFacts | None = None,
        on_recorded: Callable[[HistoryEntry], None] | None = None,
    ) -> HistoryEntry | None:
        """Writes the row as SUBMITTING (on_change), sends once, marks SUBMITTED/FAILED/UNKNOWN
        (on_change). Returns None (and sends nothing) if the same spec is already in flight.
        Never raises KokoonError. ``source`` is what the row keeps for the result's sidecar.

        ``on_recorded`` is called with the written row before the request leaves (a batch's
        journal links its item to the row there); if it raises, nothing is sent, the row is
        marked FAILED and the exception propagates."""
        body = spec.to_request_body()
        key = request_key(body)
        if key in self._in_flight:
            log.info("an equal request is already being submitted; not sending it again")
            return None
        self._in_flight[key] = -1  # claimed before the first await: a second click sees it
        try:
            facts = source or SourceFacts()
            entry = self._history.add_submission(
                body,
                source_name=source_name,
                source_duration_ms=spec.source_duration_ms,
                source_path=facts.path,
                source_fps=facts.fps,
                credits=facts.credits,
            )
            self._in_flight[key] = entry.id
            notify(self._on_change, entry)
            if on_recorded is not None:
                try:
                    on_recorded(entry)
                except BaseException as exc:
                    notify(self._on_change, self._history.mark_failed(entry.id, _not_sent(exc)))
                    raise
            entry = await self._send(entry, spec)
        finally:
            del self._in_flight[key]
        notify(self._on_change, entry)
        return entry

    async def _send(self, entry: HistoryEntry, spec: TaskSpec) -> HistoryEntry:
        try:
            created = await self._client.create_task(spec)
        except TaskOutcomeUnknownError as exc:
            return self._history.mark_unknown(entry.id, exc.message)
        except InsufficientCreditError as exc:
            return self._history.mark_failed(entry.id, await self._credit_message(spec, exc))
        except KokoonError as exc:
            # Auth, validation (its message carries the server's words verbatim), 5xx that
            # certainly created nothing, and network failures before anything was sent.
            return self._history.mark_failed(entry.id, exc.message)
        except asyncio.CancelledError:
            # The app is closing mid-request: the request may have gone out.
            notify(
                self._on_change,
                self._history.mark_unknown(entry.id, translate("Submitter", INTERRUPTED_MESSAGE)),
            )
            raise
        except Exception:
            # A bug, not a service answer: the request may have gone out, so say unknown.
            entry = self._history.mark_unknown(
                entry.id,
                translate(
                    "Submitter", "An unexpected error stopped the submission: check on server."
                ),
            )
            notify(self._on_change, entry)
            raise
        log.info("task %s created for history row %s", created.tid, entry.id)
        return self._history.mark_submitted(
            entry.id, tid=created.tid, in_vid=created.in_vid, out_vid=created.out_vid
        )

    async def _credit_message(self, spec: TaskSpec, exc: InsufficientCreditError) -> str:
        """ "Not enough credit: this task needs 12, 5 left." with whatever could be learnt."""
        needed: Decimal | None = None
        left: Decimal | None = None
        credit: Credit | BaseException
        try:
            async with asyncio.timeout(CREDIT_DETAIL_TIMEOUT_S):
                if spec.task_type is TaskType.SR:
                    quote, credit = await asyncio.gather(
                        self._client.quote(spec), self._client.get_credit(), return_exceptions=True
                    )
                    if not isinstance(quote, BaseException):
                        needed = quote.credit
                else:
                    # The service quotes full tasks only; say what is left.
                    credit = await self._client.get_credit()
                if not isinstance(credit, BaseException):
                    left = credit.credit
        except (KokoonError, TimeoutError) as detail:
            log.info("could not learn the credit details: %s", detail)
        if needed is not None and left is not None:
            return translate(
                "Submitter", "Not enough credit: this task needs {needed}, {left} left."
            ).format(needed=human.credit(needed), left=human.credit(left))
        if needed is not None:
            return translate("Submitter", "Not enough credit: this task needs {needed}.").format(
                needed=human.credit(needed)
            )
        if left is not None:
            return translate("Submitter", "Not enough credit for this task: {left} left.").format(
                left=human.credit(left)
            )
        return exc.message

    # --- outcome unknown -----------------------------------------------------------------

    def recover_interrupted(self) -> list[HistoryEntry]:
        """Rows left SUBMITTING by a previous run (crash, kill) become UNKNOWN: check on server."""
        busy = set(self._in_flight.values())
        recovered = []
        for entry in self._history.by_state(SubmissionState.SUBMITTING):
            if entry.id in busy:
                continue  # sent by this run and still awaiting its answer
            entry = self._history.mark_unknown(
                entry.id, translate("Submitter", INTERRUPTED_MESSAGE)
            )
            notify(self._on_change, entry)
            recovered.append(entry)
        return recovered

    async def check_on_server(self, entry_id: int) -> HistoryEntry:
        """For an UNKNOWN row: look for the task with GET /task (recent tasks of the same type
        around the row's time), confirm by GET /task/{tid} request_body == the row's body and
        in_vid; found -> SUBMITTED with tid; not found -> FAILED ("not found on the server: it
        was not created; you can submit again"). Never creates a task.

        A row that is not in doubt (submitted, failed, or still being sent by this run) is
        returned as it is. If the lookup itself fails, the row stays UNKNOWN and the
        :class:`KokoonError` is raised for the window to show.
        """
        entry = self._history.get(entry_id)
        if entry is None:
            raise LookupError(f"No history row {entry_id}.")
        in_doubt = entry.state is SubmissionState.UNKNOWN or (
            entry.state is SubmissionState.SUBMITTING and entry_id not in self._in_flight.values()
        )
        if not in_doubt or entry_id in self._checking:
            return entry
        self._checking.add(entry_id)
        try:
            if entry.state is SubmissionState.SUBMITTING:
                entry = self._history.mark_unknown(
                    entry_id, translate("Submitter", INTERRUPTED_MESSAGE)
                )
                notify(self._on_change, entry)
            found = await self._find_on_server(entry)
            try:
                if found is None:
                    entry = self._history.mark_failed(
                        entry_id, translate("Submitter", NOT_FOUND_MESSAGE)
                    )
                else:
                    log.info("history row %s is task %s", entry_id, found.tid)
                    entry = record_found(self._history, entry_id, found)
            except TransitionError:
                # The account merge settled the row, or took the task, while we looked.
                entry = self._history.get(entry_id) or entry
        finally:
            self._checking.discard(entry_id)
        notify(self._on_change, entry)
        return entry

    async def _find_on_server(self, entry: HistoryEntry) -> Task | None:
        """The server's task for this row, or None when it certainly was not created."""
        since = window_start(entry)
        candidates = await self._recent_candidates(entry, since)
        # The task closest in time to our row first: with several equal requests, each row
        # takes its own.
        candidates.sort(key=lambda summary: closeness(entry, summary))
        for candidate in candidates:
            owner = self._history.by_tid(candidate.tid)
            if owner is not None and owner.id != entry.id:
                continue  # another row's task
            try:
                task = await self._client.get_task(candidate.tid)
            except NotFoundError:
                continue  # gone since it was listed
            if is_its_task(entry, task):
                return task
        return None

    async def _recent_candidates(self, entry: HistoryEntry, since: datetime) -> list[Task]:
        """Summaries of tasks that may be the row's (see ``task_matching``), newest first."""
        # A day's margin on the date filter: the service may count days in its own time zone.
        start_date = (since - timedelta(days=1)).date()
        candidates: list[Task] = []
        seen = 0
        for page_num in range(LOOKUP_MAX_PAGES):
            page = await self._client.list_tasks(
                TaskFilter(
                    task_type=TaskType(entry.task_type),
                    page_size=LOOKUP_PAGE_SIZE,
                    page_num=page_num,
                    start_date=start_date,
                )
            )
            recent = 0
            for summary in page.tasks:
                if summary.request_time is not None and summary.request_time < since:
                    continue
                recent += 1
                if may_be_its_task(entry, summary):
                    candidates.append(summary)
            seen += len(page.tasks)
            last_page = len(page.tasks) < LOOKUP_PAGE_SIZE or (
                page.all_count is not None and seen >= page.all_count
            )
            # Lists come newest first: a page with nothing recent means the rest is older.
            if last_page or recent == 0:
                break
        return candidates


def _not_sent(exc: BaseException) -> str:
    return f"Not sent: {str(exc) or type(exc).__name__}"
