"""What a history row records of a task's life on the server: step, progress, message."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from kokoon_desktop.api.models import Task
from kokoon_desktop.core.enums import Step
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, TaskTimes

#: Steps whose ``result_message`` says why the task did not finish.
_STEPS_WITH_REASON = frozenset({Step.ERROR, Step.CANCEL})


@dataclass(frozen=True, slots=True)
class TaskUpdate:
    """The arguments of :meth:`HistoryStore.update_task` for one answer of ``GET /task/{tid}``."""

    step: str
    progress: float | None
    message: str | None
    times: TaskTimes = field(default_factory=TaskTimes)

    @classmethod
    def of(cls, task: Task) -> TaskUpdate:
        message = task.result_message if task.step in _STEPS_WITH_REASON else None
        times = TaskTimes(
            iso_utc(task.request_time), iso_utc(task.start_time), iso_utc(task.finish_time)
        )
        return cls(
            step=stored_step(task), progress=task.progress_fraction(), message=message, times=times
        )

    def differs_from(self, entry: HistoryEntry) -> bool:
        if (self.step, self.progress, self.message) != (entry.step, entry.progress, entry.message):
            return True
        return any(getattr(entry, name) != value for name, value in self.times.items())

    def write_to(self, history: HistoryStore, entry_id: int) -> HistoryEntry:
        """Record this answer in the row (raises what ``update_task`` raises)."""
        return history.update_task(
            entry_id,
            step=self.step,
            progress=self.progress,
            message=self.message,
            times=self.times,
        )


def stored_step(task: Task) -> str:
    """Known steps are stored normalised (so "Done " still ends tracking); new ones as sent."""
    return task.step.value if task.step is not Step.UNKNOWN else (task.step_raw or "unknown")


def iso_utc(moment: datetime | None) -> str | None:
    """A time as the service writes it: ISO 8601 in UTC with milliseconds and ``Z``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
