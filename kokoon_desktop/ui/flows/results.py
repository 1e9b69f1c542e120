"""Results coming home: downloads, opening and revealing them, and the account's tasks.

When a followed task is done, the session's download service fetches its result (a setting
turns that off); this flow shows the progress in the history and on the dock, says once per
batch that results arrived, and offers Download, Open and Reveal on the rows. At start-up and
on Refresh the account's task list is merged into the history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.storage.history import HistoryEntry, HistoryError, ResultState
from kokoon_desktop.ui.history_model import EXPIRY_WARNING, expiring_soon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from kokoon_desktop.services.downloads import DownloadProgress
    from kokoon_desktop.ui.desktop_integration import DockProgress, FileLauncher, ResultNotifier
    from kokoon_desktop.ui.main_window import MainWindow

#: Account rows whose result expiry is looked up after a merge, newest first, at most.
EXPIRY_LOOKUPS = 50
#: Results older than this are not looked up: the service keeps originals 14 days.
EXPIRY_HORIZON = timedelta(days=15)


class ResultsFlow(QObject):
    """Download, open and reveal results; merge the account's tasks; say what expires."""

    def __init__(
        self,
        window: MainWindow,
        *,
        launcher: FileLauncher | None = None,
        notifier: ResultNotifier | None = None,
        dock: DockProgress | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._host = window.host
        # The desktop's pieces load with the first result, not at start-up (tests pass fakes).
        self._launcher = launcher
        self._notifier = notifier
        self._dock = dock
        self._progress: dict[int, DownloadProgress] = {}
        self._expiry_said = False
        pane = window.history_pane
        pane.download_requested.connect(self.download)
        pane.open_requested.connect(self.open_result)
        pane.reveal_requested.connect(self.reveal)

    @property
    def launcher(self) -> FileLauncher:
        if self._launcher is None:
            from kokoon_desktop.ui.desktop_integration import FileLauncher

            self._launcher = FileLauncher()
        return self._launcher

    @launcher.setter
    def launcher(self, launcher: FileLauncher) -> None:
        self._launcher = launcher

    @property
    def notifier(self) -> ResultNotifier:
        if self._notifier is None:
            self.use_tray(None)
        assert self._notifier is not None
        return self._notifier

    def use_tray(self, tray: QSystemTrayIcon | None) -> None:
        """Announce finished downloads as system notifications from this tray icon (None: in
        the window's message bar)."""
        from kokoon_desktop.ui.desktop_integration import ResultNotifier

        self._notifier = ResultNotifier(tray=tray, fallback=self._say, parent=self)
        self._notifier.activated.connect(self.show_rows)

    def _dock_progress(self) -> DockProgress:
        if self._dock is None:
            from kokoon_desktop.ui.desktop_integration import DockProgress

            self._dock = DockProgress()
        return self._dock

    def _say(self, text: str) -> None:
        self._window.messages.info(text)

    # --- the session's reports ---------------------------------------------------------------

    def session_opened(self) -> None:
        live = self._host.live
        resumed = live.downloads.resume()
        if resumed:
            self._window.messages.info(
                self.tr("Resuming 1 download left unfinished.")
                if resumed == 1
                else self.tr("Resuming {count} downloads left unfinished.").format(count=resumed)
            )
        self._say_what_expires()
        self._host.spawn(self.merge_account())

    def download_progress(self, progress: DownloadProgress) -> None:
        self._progress[progress.entry_id] = progress
        self._window.history_model.set_download_progress(progress)
        self._show_dock()

    def download_finished(self, entry: HistoryEntry) -> None:
        self._progress.pop(entry.id, None)
        self._show_dock()
        name = Path(entry.result_path or "").name or (entry.source_name or self.tr("result"))
        self.notifier.finished(entry.id, name)
        if entry.result_message:
            self._window.messages.warning(entry.result_message)

    def entries_changed(self, entries: Sequence[HistoryEntry]) -> None:
        """A page of the account merge: show its rows."""
        self._window.history_model.upsert_many(entries)
        self._window.submission.update_activity()

    def _show_dock(self) -> None:
        running = [p for p in self._progress.values() if p.total]
        total = sum(p.total or 0 for p in running)
        done = sum(p.done for p in running)
        self._dock_progress().show(done / total if total else None, len(self._progress))

    # --- what the user asks ----------------------------------------------------------------------

    def download(self, entries: Sequence[HistoryEntry]) -> None:
        """Download (or retry) these rows' results; say why for those that cannot be."""
        session = self._host.session
        if session is None:
            self._window.messages.warning(self.tr("Not connected yet: try again in a moment."))
            return
        for entry in entries:
            problem = session.downloads.want(entry)
            if problem is not None:
                self._window.messages.info(problem)
        self._window.submission.update_activity()

    def open_result(self, entry: HistoryEntry) -> None:
        path = self._window.history_model.downloaded_file(entry)
        if path is None or not self.launcher.open_file(path):
            self._window.messages.warning(
                self.tr("Could not open {path}.").format(path=entry.result_path)
            )

    def reveal(self, entry: HistoryEntry) -> None:
        path = self._window.history_model.downloaded_file(entry)
        if path is None or not self.launcher.reveal(path):
            self._window.messages.warning(
                self.tr("Could not show {path}.").format(path=entry.result_path)
            )

    def show_rows(self, entry_ids: list[int]) -> None:
        """A notification was clicked: the window comes forward with those rows selected."""
        window = self._window
        window.showNormal()
        window.raise_()
        window.activateWindow()
        window.history_pane.select_entries(entry_ids)

    async def refresh(self) -> None:
        """Refresh: files looked at again, the account merged, the credit read."""
        self._window.history_model.recheck_files()
        await self.merge_account()

    # --- the account -----------------------------------------------------------------------------

    async def merge_account(self) -> None:
        session = self._host.session
        if session is None:
            return
        try:
            report = await session.account.merge()
        except KokoonError as exc:
            self._window.messages.warning(
                self.tr("The account's tasks could not be read: {reason}").format(
                    reason=exc.message
                )
            )
            return
        except HistoryError as exc:
            self._window.messages.error(str(exc))
            return
        for entry in report.resolved:
            session.tracker.track(entry)
        for entry in report.changed:
            if entry.is_active:
                session.tracker.track(entry)
        if report.resolved:
            count = len(report.resolved)
            self._window.messages.info(
                self.tr(
                    "1 submission whose outcome was unknown was found on the server and "
                    "followed; nothing was sent again."
                )
                if count == 1
                else self.tr(
                    "{count} submissions whose outcome was unknown were found on the server and "
                    "followed; nothing was sent again."
                ).format(count=count)
            )
        self._learn_expiries(report.changed)

    def _learn_expiries(self, entries: Sequence[HistoryEntry]) -> None:
        session = self._host.session
        if session is None:
            return
        horizon = datetime.now(UTC) - EXPIRY_HORIZON
        recent = [
            entry
            for entry in entries
            if entry.is_done
            and entry.expires_at is None
            and entry.result_state is None
            and (entry.finished or entry.created_at) >= horizon
        ]
        for entry in sorted(recent, key=lambda e: e.id, reverse=True)[:EXPIRY_LOOKUPS]:
            session.downloads.task_done(entry)

    def _say_what_expires(self) -> None:
        """Once per run: results about to expire that were never downloaded."""
        if self._expiry_said:
            return
        self._expiry_said = True
        now = datetime.now(UTC)
        try:
            expiring = self._window.history_store.results_expiring(now, now + EXPIRY_WARNING)
        except HistoryError as exc:
            self._window.messages.error(str(exc))
            return
        soon = [
            entry
            for entry in expiring
            if expiring_soon(entry, now) and entry.result_state is not ResultState.QUEUED
        ]
        if not soon:
            return
        names = ", ".join(entry.source_name or entry.vid for entry in soon[:3])
        if len(soon) > 3:
            names = self.tr("{names} and {count} more").format(names=names, count=len(soon) - 3)
        text = (
            self.tr(
                "1 result expires within two days and is not downloaded: {names}. It is "
                "highlighted in the history: select it and press Ctrl+D."
            )
            if len(soon) == 1
            else self.tr(
                "{count} results expire within two days and are not downloaded: {names}. They "
                "are highlighted in the history: select them and press Ctrl+D."
            )
        )
        self._window.messages.warning(text.format(count=len(soon), names=names))
