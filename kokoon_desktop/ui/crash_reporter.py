"""The crash hook: unexpected failures go to the log and to a calm, non-modal report.

qasync hands the failures of ``asyncSlot`` handlers (and Qt the failures of every slot) to
``sys.excepthook``. The hook installed here logs the failure and opens a
:class:`~kokoon_desktop.ui.crash_dialog.CrashDialog`; the window keeps running. Everything shown
or logged goes through the ``redact`` function first, so the API token never lands in a report
someone pastes into a support ticket.

The hook is installed at every start, the dialog is needed only when something fails: the
dialog's module (and the Qt classes it uses) is imported then, not while the window opens.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kokoon_desktop.log import Redact

if TYPE_CHECKING:
    import asyncio

    from kokoon_desktop.ui.crash_dialog import CrashDialog

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
_T = TypeVar("_T")

#: Failures that are not bugs: let the previous hook deal with them (e.g. Ctrl+C in a terminal).
_PASS_THROUGH = (KeyboardInterrupt, SystemExit)


class CrashReporter:
    """The ``sys.excepthook`` that logs a failure and shows it in one ``CrashDialog``."""

    def __init__(
        self,
        parent_window_getter: Callable[[], QWidget | None],
        log_file: Path | None,
        redact: Redact,
        previous: ExceptHook,
    ) -> None:
        self._parent_window = parent_window_getter
        self._log_file = log_file
        self._redact = redact
        self.previous = previous
        self.dialog: CrashDialog | None = None

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, _PASS_THROUGH) or QApplication.instance() is None:
            self.previous(exc_type, exc, tb)
            return
        try:
            from kokoon_desktop.ui.crash_dialog import build_report, summary_of

            report = build_report(exc_type, exc, tb, redact=self._redact)
            summary = summary_of(exc_type, exc, self._redact)
            log.critical("Unexpected error\n%s", report)
            self._show(summary, report)
        except Exception:  # a failing hook must not hide the original failure
            self.previous(exc_type, exc, tb)

    def _show(self, summary: str, report: str) -> None:
        from kokoon_desktop.ui.crash_dialog import CrashDialog

        if self.dialog is not None:
            self.dialog.add_failure(summary, report)
        else:
            dialog = CrashDialog(summary, report, self._log_file, self._parent_window())
            dialog.finished.connect(self._forget_dialog)
            self.dialog = dialog
        self.dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # headless: no window to raise
            self.dialog.raise_()
            self.dialog.activateWindow()

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


def watch_task(task: asyncio.Task[_T]) -> asyncio.Task[_T]:
    """Send an unexpected failure of a background task to ``sys.excepthook`` (the crash dialog).

    Expected failures are the task's own business (it catches them and tells the user); this is
    for bugs, which would otherwise only surface as "Task exception was never retrieved".
    """
    task.add_done_callback(_report_failure)
    return task


def _report_failure(task: asyncio.Task[Any]) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def install_excepthook(
    parent_window_getter: Callable[[], QWidget | None],
    log_file: Path | None,
    redact: Redact,
) -> ExceptHook:
    """Install the crash reporter as ``sys.excepthook``; returns the hook it replaced.

    Restore it with ``sys.excepthook = previous`` (or :func:`uninstall_excepthook`).
    """
    previous = sys.excepthook
    sys.excepthook = CrashReporter(parent_window_getter, log_file, redact, previous)
    return previous


def uninstall_excepthook(previous: ExceptHook) -> None:
    """Put back the hook :func:`install_excepthook` returned, closing any open report."""
    current = sys.excepthook
    if isinstance(current, CrashReporter) and current.dialog is not None:
        current.dialog.close()
    sys.excepthook = previous
