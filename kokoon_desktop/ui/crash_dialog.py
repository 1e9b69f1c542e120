"""What the user sees when code fails unexpectedly: a calm dialog and a copyable report.

The hook that opens it (:mod:`kokoon_desktop.ui.crash_reporter`) imports this module only when
something has failed. The report is built through a ``redact`` function, so the API token never
lands in a report someone pastes into a support ticket.
"""

from __future__ import annotations

import platform
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop import __version__
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.log import Redact
from kokoon_desktop.ui.style import ToneLabel, scaled_font

HEADLINE = QT_TRANSLATE_NOOP("CrashDialog", "Something went wrong in Kokoon Desktop.")
REASSURANCE = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "Your work is safe: submissions are saved before they are sent. You can keep working. "
    "If this happens again, copy the report and send it to support.",
)


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    redact: Redact,
    when: datetime | None = None,
) -> str:
    """The plain-text report: versions, platform, time and the traceback, redacted (in English,
    whatever the interface's language: it is for support)."""
    moment = (when or datetime.now(UTC)).isoformat(timespec="seconds")
    lines = [
        f"Kokoon Desktop {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"Platform: {platform.platform()}",
        f"Time: {moment}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return redact("\n".join(line.rstrip("\n") for line in lines))


def summary_of(exc_type: type[BaseException], exc: BaseException, redact: Redact) -> str:
    """One line naming the failure: ``ValueError: what it said``."""
    text = str(exc).strip().splitlines()
    return redact(f"{exc_type.__name__}: {text[0]}" if text else exc_type.__name__)


class CrashDialog(QDialog):
    """A non-modal report of one or more unexpected failures, with "Copy report"."""

    def __init__(
        self, summary: str, report: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("Kokoon Desktop — unexpected error"))
        self.setModal(False)
        self._reports: list[str] = []

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headline = QLabel(self.tr(HEADLINE))
        self.headline.setObjectName("crash_headline")
        self.headline.setFont(scaled_font(self.headline, 1.25, bold=True))
        self.headline.setWordWrap(True)
        self.explanation = QLabel(self.tr(REASSURANCE))
        self.explanation.setObjectName("crash_explanation")
        self.explanation.setWordWrap(True)
        self.summary = ToneLabel(tone="muted")
        self.summary.setObjectName("crash_summary")
        self.summary.setAccessibleName(self.tr("What failed"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text_column = QVBoxLayout()
        text_column.setSpacing(6)
        text_column.addWidget(self.headline)
        text_column.addWidget(self.explanation)
        text_column.addWidget(self.summary)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)

        self.toggle_report = QToolButton()
        self.toggle_report.setObjectName("crash_show_report")
        self.toggle_report.setAccessibleName(self.tr("Show report"))
        self.toggle_report.setText(self.tr("Show report"))
        self.toggle_report.setAutoRaise(True)
        self.toggle_report.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_report.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle_report.clicked.connect(self._toggle_report)

        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("crash_report")
        self.report_view.setAccessibleName(self.tr("Report"))
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.report_view.setFont(mono)
        self.report_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.report_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.report_view.hide()

        self.log_note = ToneLabel(tone="muted")
        self.log_note.setObjectName("crash_log_note")
        self.log_note.setWordWrap(True)
        self.log_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if log_file is not None:
            self.log_note.setText(
                self.tr("The report is also written to the log file:\n{path}").format(path=log_file)
            )
        else:
            self.log_note.hide()

        self.copied_note = ToneLabel(tone="success")
        self.copied_note.setObjectName("crash_copied")

        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("crash_copy")
        self.copy_button.setAccessibleName(self.tr("Copy report"))
        self.copy_button.clicked.connect(self.copy_report)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("crash_close")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_report)
        buttons.addStretch(1)
        buttons.addWidget(self.copied_note)
        buttons.addSpacing(8)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.log_note)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

        self.add_failure(summary, report)
        self._fit_height()

    def report(self) -> str:
        """Every failure's report, oldest first, as copied to the clipboard."""
        return "\n\n".join(self._reports)

    def add_failure(self, summary: str, report: str) -> None:
        """Another failure while the dialog is open: one dialog, not a cascade of them."""
        self._reports.append(report)
        count = len(self._reports)
        if count == 1:
            self.summary.setText(summary)
        else:
            self.headline.setText(
                self.tr("{count} errors occurred in Kokoon Desktop.").format(count=count)
            )
            self.summary.setText(self.tr("Latest: {summary}").format(summary=summary))
        self.report_view.setPlainText(self.report())
        self.copied_note.clear()

    def set_report_visible(self, visible: bool) -> None:
        self.report_view.setVisible(visible)
        self.toggle_report.setArrowType(
            Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        )
        label = self.tr("Hide report") if visible else self.tr("Show report")
        self.toggle_report.setText(label)
        self.toggle_report.setAccessibleName(label)
        self._fit_height()

    def _toggle_report(self) -> None:
        self.set_report_visible(self.report_view.isHidden())

    def _fit_height(self) -> None:
        # Grow for the report, and shrink back to the text when it is hidden again.
        layout = self._layout
        layout.activate()
        width = max(self.width(), self.sizeHint().width())
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else self.sizeHint().height()
        )
        self.resize(width, height)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copied_note.setText(self.tr("Copied to the clipboard."))
