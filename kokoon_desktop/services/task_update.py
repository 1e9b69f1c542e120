"""What a history row records of a task's life on the server: step, progress, message."""

from __future__ import annotations

from dataclasses import dataclass

from kokoon_desktop.api.models import Task
from kokoon_desktop.core.enums import Step
from kokoon_desktop.storage.history import HistoryEntry

#: Steps whose ``result_message`` says why the task did not finish.
_STEPS_WITH_REASON = frozenset({Step.ERROR, Step.CANCEL})


@dataclass(frozen=True, slots=True)
class TaskUpdate:
    """The arguments of :meth:`HistoryStore.update_task` for one answer of ``GET /task/{tid}``."""

    step: str
    progress: float | None
    message: str | None

    @classmethod
    def of(cls, task: Task) -> TaskUpdate:
        """Known steps are stored normalised (so "Done " still ends tracking); new ones as sent."""
        step = task.step.value if task.step is not Step.UNKNOWN else (task.step_raw or "unknown")
        message = task.result_message if task.step in _STEPS_WITH_REASON else None
        return cls(step=step, progress=task.progress_fraction(), message=message)

    def differs_from(self, entry: HistoryEntry) -> bool:
        return (self.step, self.progress, self.message) != (
            entry.step,
            entry.progress,
            entry.message,
        )
