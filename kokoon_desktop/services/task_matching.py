"""The one rule that tells which server task a row whose answer never came asked for.

Used by "check on server" (:class:`~.submitter.Submitter`) and by the account merge
(:class:`~.account_sync.AccountSync`): both must agree, or one could give a row a task the
other would not. A listed summary only narrows the search (same source, same type, requested
while the row waited); the task's own ``request_body`` from ``GET /task/{tid}`` decides.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from kokoon_desktop.api.models import Task
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.services.task_update import TaskUpdate
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, SubmissionState

#: How far the service's clock may be off ours when matching request times.
CLOCK_SKEW = timedelta(minutes=2)


def request_key(body: Mapping[str, Any]) -> str:
    """Two requests are the same submission when their bodies are equal, whatever the key order."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)


def same_request(stored: Mapping[str, Any], echoed: Mapping[str, Any] | None) -> bool:
    """Whether the service's echo of a body is the body we sent.

    Both are read back through :class:`TaskSpec`, which forgives what the service may change
    (numbers as strings, letter case, key order, defaults it fills in). Ours always carries
    every documented key, so equal normalised bodies mean the same request.
    """
    if echoed is None:
        return False
    try:
        ours = TaskSpec.from_request_body(stored).to_request_body()
        theirs = TaskSpec.from_request_body(echoed).to_request_body()
    except InvalidTaskSpec:
        return request_key(stored) == request_key(echoed)
    return ours == theirs


def window_start(entry: HistoryEntry) -> datetime:
    """The earliest request time the row's task can have (the row is written before sending)."""
    return entry.created_at - CLOCK_SKEW


def window_end(entry: HistoryEntry) -> datetime | None:
    """The latest request time the row's task can have; None while the row awaits its answer.

    An UNKNOWN row stopped waiting at ``updated_at``: a task requested well after that is
    another submission's.
    """
    if entry.state is SubmissionState.SUBMITTING:
        return None
    return entry.updated_at + CLOCK_SKEW


def may_be_its_task(entry: HistoryEntry, summary: Task) -> bool:
    """Whether a listed task could be the row's: same source (any letter case), same type,
    requested while the row waited. What the summary leaves out does not rule it out."""
    if summary.in_vid is not None and summary.in_vid.lower() != entry.vid.lower():
        return False
    if summary.task_type is not None and summary.task_type.upper() != entry.task_type.upper():
        return False
    requested = summary.request_time
    if requested is None:
        return True
    end = window_end(entry)
    return window_start(entry) <= requested and (end is None or requested <= end)


def closeness(entry: HistoryEntry, summary: Task) -> timedelta:
    """How far the task's request is from the row's: with equal rows, the closest pair first."""
    if summary.request_time is None:
        return CLOCK_SKEW  # as far as a task can be and still be the row's
    return abs(summary.request_time - entry.created_at)


def is_its_task(entry: HistoryEntry, task: Task) -> bool:
    """The confirmation, on the full task: the service's echo of the body is the row's body."""
    if not same_request(entry.request_body, task.request_body):
        return False
    return task.in_vid is None or task.in_vid.lower() == entry.vid.lower()


def record_found(history: HistoryStore, entry_id: int, task: Task) -> HistoryEntry:
    """The row is this task: SUBMITTED with its tid, and what the service says of it."""
    history.mark_submitted(entry_id, tid=task.tid, in_vid=task.in_vid, out_vid=task.out_vid)
    return TaskUpdate.of(task).write_to(history, entry_id)
