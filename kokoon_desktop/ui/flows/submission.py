"""Submitting from the form: the quote, the one-time send, the history row, and its fate.

The row appears before the request leaves (the submitter writes it first); a double click or
Ctrl+Enter while the same request is in flight sends nothing more. A row whose outcome is
unknown is looked up on the server, never sent again.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core import human
from kokoon_desktop.core.enums import Step
from kokoon_desktop.storage.history import HistoryEntry, HistoryError, SubmissionState
from kokoon_desktop.ui.task_form import SourceInfo

if TYPE_CHECKING:
    from kokoon_desktop.core.task_spec import TaskSpec
    from kokoon_desktop.services.quoter import QuoteResult
    from kokoon_desktop.ui.main_window import MainWindow

#: Submissions within this time share one credit refresh.
CREDIT_REFRESH_DELAY_MS = 500
#: Submissions within this time share one notification.
ANNOUNCE_DELAY_MS = 250
#: History changes within this time share one recount of the activity in the status bar.
ACTIVITY_DELAY_MS = 200


class SubmissionFlow(QObject):
    """Quote, submit, check on server, remove; the credit and the activity in the status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._host = window.host
        self._last_quote: QuoteResult | None = None
        self._credit_refresh_due = False
        self._submitted_burst: list[str] = []
        self._activity_due = False
        form = window.form
        form.submit_requested.connect(self.submit_clicked)
        form.spec_changed.connect(self.spec_changed)
        pane = window.history_pane
        pane.resubmit_requested.connect(self.edit_and_resubmit)
        pane.check_requested.connect(self.check_on_server)
        pane.remove_requested.connect(self.remove_entry)

    # --- the session's reports ---------------------------------------------------------------

    def entry_changed(self, entry: HistoryEntry) -> None:
        """Services report every change of a history row here."""
        self._window.history_model.upsert(entry)
        self.update_activity()

    def quote_ready(self, result: QuoteResult) -> None:
        self._last_quote = result
        form = self._window.form
        if result.balance is not None:
            self._show_credit(result.balance)
        if result.error:
            form.set_cost_text(result.error)
        elif result.credit is not None:
            cost = human.credit(result.credit)
            one = result.credit == 1
            if result.balance is None:
                said = self.tr("Cost: {cost} credit") if one else self.tr("Cost: {cost} credits")
                text = said.format(cost=cost)
            else:
                said = (
                    self.tr("Cost: {cost} credit · {balance} left")
                    if one
                    else self.tr("Cost: {cost} credits · {balance} left")
                )
                text = said.format(cost=cost, balance=human.credit(result.balance))
            if result.affordable is False:
                text = self.tr("<b>Not enough credit.</b> {cost}").format(cost=text)
            form.set_cost_text(text)

    def _show_credit(self, credit: object) -> None:
        self._window.credit_label.setText(
            self.tr("Credit: {credit}").format(credit=human.credit(credit))  # type: ignore[arg-type]
        )

    def balance_known(self, balance: Decimal) -> None:
        """A fresh balance, read by anyone: the status bar, the form's cost line and the
        queue's total all say the same credit left."""
        self._show_credit(balance)
        quote = self._last_quote
        if quote is not None and quote.balance is not None and quote.balance != balance:
            self.quote_ready(replace(quote, balance=balance))
        self._window.queue.balance_known(balance)

    async def refresh_credit(self) -> None:
        try:
            credit = await self._host.live.connection.client.get_credit()
        except KokoonError as exc:
            self._window.messages.error(exc.message)
            return
        self.balance_known(credit.credit)

    def refresh_credit_soon(self) -> None:
        """One credit refresh for a burst of submissions, not one each."""
        if not self._credit_refresh_due:
            self._credit_refresh_due = True
            QTimer.singleShot(CREDIT_REFRESH_DELAY_MS, self._refresh_credit_now)

    def _refresh_credit_now(self) -> None:
        self._credit_refresh_due = False
        if self._host.session is not None:
            self._host.spawn(self.refresh_credit())

    # --- submitting ----------------------------------------------------------------------------

    def spec_changed(self, spec: TaskSpec | None) -> None:
        form = self._window.form
        if spec is None:
            form.set_cost_text("")
        session = self._host.session
        if session is None:
            return  # quoted once the session opens
        form.set_busy(spec is not None and session.submitter.is_in_flight(spec))
        session.quoter.request(spec)

    def submit_clicked(self, spec: TaskSpec) -> None:
        session = self._host.session
        if session is None or session.submitter.is_in_flight(spec):
            return  # Submit is disabled until the session opens; a late key press lands here
        quote = self._last_quote
        if quote is not None and quote.spec == spec and quote.affordable is False:
            self._confirm_unaffordable(spec, quote)
            return
        self._host.spawn(self.submit(spec))

    def _confirm_unaffordable(self, spec: TaskSpec, quote: QuoteResult) -> None:
        box = QMessageBox(self._window)
        box.setObjectName("confirm_credit")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not enough credit"))
        box.setText(
            self.tr("This task needs {cost} credits and {balance} are left.").format(
                cost=human.credit(quote.credit), balance=human.credit(quote.balance)
            )
        )
        box.setInformativeText(self.tr("The service will probably refuse it. Submit anyway?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self._host.spawn(self.submit(spec))

        box.finished.connect(done)
        box.open()

    async def submit(self, spec: TaskSpec) -> HistoryEntry | None:
        """Record, send once, and report; the row appears before the request leaves."""
        from kokoon_desktop.services.submitter import SourceFacts

        window, live = self._window, self._host.live
        source = window.form.source
        own = source is not None and source.vid == spec.vid
        quote = self._last_quote
        credits = quote.credit if quote is not None and quote.spec == spec else None
        facts = SourceFacts(
            path=source.local_path if own and source else None,
            fps=source.fps if own and source else None,
            credits=None if credits is None else str(credits),
        )
        window.form.set_busy(True)
        try:
            entry = await live.submitter.submit(
                spec, source_name=source.name if own and source else None, source=facts
            )
        finally:
            current = window.form.spec
            window.form.set_busy(current is not None and live.submitter.is_in_flight(current))
        if entry is None:
            return None
        window.history_pane.select_entry(entry.id)
        if entry.state is SubmissionState.SUBMITTED:
            live.tracker.track(entry)
            self._announce_submitted(entry)
            self.refresh_credit_soon()
        elif entry.state is SubmissionState.UNKNOWN:
            window.messages.warning(
                self.tr(
                    "{reason} Use “Check on server” in the history before submitting again."
                ).format(reason=entry.message)
            )
        else:
            window.messages.error(
                self.tr("Submission failed: {reason}").format(reason=entry.message)
            )
        self.update_activity()
        return entry

    def _announce_submitted(self, entry: HistoryEntry) -> None:
        """One notification per burst of submissions (a batch says "12 tasks submitted")."""
        self._submitted_burst.append(entry.tid or "")
        if len(self._submitted_burst) == 1:
            QTimer.singleShot(ANNOUNCE_DELAY_MS, self._announce_burst)

    def _announce_burst(self) -> None:
        burst, self._submitted_burst = self._submitted_burst, []
        if len(burst) == 1:
            self._window.messages.info(self.tr("Task submitted: {tid}").format(tid=burst[0]))
        elif burst:
            self._window.messages.info(self.tr("{count} tasks submitted.").format(count=len(burst)))

    # --- what the history offers -----------------------------------------------------------------

    def edit_and_resubmit(self, entry: HistoryEntry) -> None:
        source = SourceInfo(
            vid=entry.vid, name=entry.source_name, duration_ms=entry.source_duration_ms
        )
        self._window.form.load_request_body(entry.request_body, source)
        self._window.messages.info(
            self.tr("The form holds that task's settings: adjust them and submit.")
        )

    def check_on_server(self, entry: HistoryEntry) -> None:
        if self._host.session is not None:
            self._host.spawn(self._check(entry))

    async def _check(self, entry: HistoryEntry) -> None:
        window, live = self._window, self._host.live
        window.messages.info(self.tr("Looking for the task on the server…"))
        try:
            found = await live.submitter.check_on_server(entry.id)
        except KokoonError as exc:
            window.messages.error(self.tr("Could not check: {reason}").format(reason=exc.message))
            return
        window.history_model.upsert(found)
        if found.state is SubmissionState.SUBMITTED:
            live.tracker.track(found)
            window.messages.info(
                self.tr("Found on the server: task {tid}. It was not resubmitted.").format(
                    tid=found.tid
                )
            )
        else:
            window.messages.info(found.message or self.tr("The task was not created."))
        self.update_activity()

    def remove_entry(self, entry: HistoryEntry) -> None:
        window = self._window
        try:
            window.history_store.remove(entry.id)
        except HistoryError as exc:  # a row still being sent is refused, with the reason
            window.messages.warning(str(exc))
            return
        session = self._host.session
        if session is not None:
            session.tracker.untrack(entry.id)
            session.downloads.cancel(entry.id)
        window.history_model.remove_entry(entry.id)
        self.update_activity()

    # --- the activity in the status bar ----------------------------------------------------------

    def update_activity(self) -> None:
        """Recount soon, once for a burst of changes."""
        if not self._activity_due:
            self._activity_due = True
            QTimer.singleShot(ACTIVITY_DELAY_MS, self._recount_activity)

    def _recount_activity(self) -> None:
        self._activity_due = False
        store = self._window.history_store
        try:  # the rows still moving, found by the store's indexes; not those whose task
            # the service no longer knows (followed again at the next start, in case)
            active = sum(entry.step != Step.UNKNOWN for entry in store.active())
            pending = len(store.interrupted())
        except HistoryError:  # not open yet, or unreadable (said when it was opened)
            active = pending = 0
        session = self._host.session
        downloading = session.downloads.in_flight if session is not None else 0
        parts = []
        if pending:
            parts.append(self.tr("{count} sending").format(count=pending))
        if active:
            parts.append(
                self.tr("1 task in progress")
                if active == 1
                else self.tr("{count} tasks in progress").format(count=active)
            )
        if downloading:
            parts.append(
                self.tr("1 download")
                if downloading == 1
                else self.tr("{count} downloads").format(count=downloading)
            )
        self._window.activity_label.setText(" · ".join(parts))
