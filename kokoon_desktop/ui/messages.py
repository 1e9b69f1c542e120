"""One channel for what the window tells the user: info, warnings and errors.

Code anywhere in the window posts to a :class:`MessageCenter`; a :class:`NotificationBar` at
the top of the window shows the latest message without blocking anything (no modal boxes for
things that went wrong in the background) and mirrors it to the status bar. Errors stay until
the user dismisses them; info fades after a few seconds.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.ui.style import Tone, paint_tinted_box, scaled_font

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

#: How long an info message stays on screen when nobody touches it.
INFO_TIMEOUT_MS = 6000
#: How many past messages the centre keeps for a later look.
HISTORY_SIZE = 200


class Level(StrEnum):
    """How much a message matters; the values double as style tones."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def tone(self) -> Tone:
        return _TONES[self]


_RANKS = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}
_TONES: dict[Level, Tone] = {Level.INFO: "info", Level.WARNING: "warning", Level.ERROR: "error"}
_LOG_LEVELS = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING, Level.ERROR: logging.ERROR}


@dataclass(frozen=True, slots=True)
class Message:
    """One thing said to the user. ``details`` is optional extra text (a server answer, a log)."""

    level: Level
    text: str
    details: str | None = None
    #: The words on the button that shows the details ("Why?" for a reason); None: "Details".
    details_label: str | None = None
    time: datetime = field(default_factory=lambda: datetime.now(UTC))


class MessageCenter(QObject):
    """Where the window's messages are posted; views subscribe to :attr:`posted`."""

    posted = Signal(Message)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: deque[Message] = deque(maxlen=HISTORY_SIZE)

    def info(
        self, text: str, details: str | None = None, details_label: str | None = None
    ) -> Message:
        return self.post(Message(Level.INFO, text, details, details_label))

    def warning(self, text: str, details: str | None = None) -> Message:
        return self.post(Message(Level.WARNING, text, details))

    def error(self, text: str, details: str | None = None) -> Message:
        return self.post(Message(Level.ERROR, text, details))

    def post(self, message: Message) -> Message:
        # The log gets every message too, so a support request can see what the user saw.
        log.log(_LOG_LEVELS[message.level], "%s", message.text)
        self._history.append(message)
        self.posted.emit(message)
        return message

    def history(self) -> list[Message]:
        """The latest messages, oldest first."""
        return list(self._history)


_ICON_SIZE = 20


def _described(level: Level, text: str) -> str:
    """What a screen reader says of a message: its level, then its words."""
    levels = {
        Level.INFO: QCoreApplication.translate("Message", "info"),
        Level.WARNING: QCoreApplication.translate("Message", "warning"),
        Level.ERROR: QCoreApplication.translate("Message", "error"),
    }
    return QCoreApplication.translate("Message", "{level}: {text}").format(
        level=levels[level], text=text
    )


def _standard_icon(widget: QWidget, level: Level | None) -> QIcon:
    """The style's icon for a level, or its close icon for ``None``.

    ``QStyle`` is imported here, when the first message is shown: its Python wrapper (several
    hundred enum values) takes longer to set up than the hidden bar takes to build at start-up.
    """
    from PySide6.QtWidgets import QStyle

    pixmaps = {
        Level.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
        Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Level.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        None: QStyle.StandardPixmap.SP_TitleBarCloseButton,
    }
    return widget.style().standardIcon(pixmaps[level])


class NotificationBar(QWidget):
    """The latest message, in a tinted strip across the top of a window; hidden when idle.

    A less important message never covers a more important one that is still on screen: an
    info that arrives while an error is shown goes to the status bar only, so an error cannot
    vanish before it was read.
    """

    dismissed = Signal()

    def __init__(
        self,
        center: MessageCenter,
        parent: QWidget | None = None,
        *,
        status_bar: QStatusBar | None = None,
        info_timeout_ms: int = INFO_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notification_bar")
        self.setAccessibleName(self.tr("Notification"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._status_bar = status_bar
        self._current: Message | None = None

        self._icon = QLabel()
        self._icon.setFixedSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.text_label = QLabel()
        self.text_label.setObjectName("notification_text")
        self.text_label.setAccessibleName(self.tr("Message"))
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self.details_button = QToolButton()
        self.details_button.setObjectName("notification_details")
        self.details_button.setAccessibleName(self.tr("Show details"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.toggled.connect(self._toggle_details)

        self.close_button = QToolButton()
        self.close_button.setObjectName("notification_close")
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)  # its icon comes with the first message

        self.details_view = QPlainTextEdit()
        self.details_view.setObjectName("notification_details_text")
        self.details_view.setAccessibleName(self.tr("Message details"))
        self.details_view.setReadOnly(True)
        self.details_view.setFont(scaled_font(self.details_view, 0.95))
        self.details_view.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.details_view.hide()

        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.details_view)

        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(info_timeout_ms)
        self._hide_timer.timeout.connect(self.dismiss)

        center.posted.connect(self.show_message)
        self.hide()

    def current(self) -> Message | None:
        """The message on screen, or None when the bar is hidden."""
        return self._current

    def show_message(self, message: Message) -> None:
        if self._status_bar is not None:
            timeout = INFO_TIMEOUT_MS if message.level is Level.INFO else 0
            self._status_bar.showMessage(message.text, timeout)
        shown = self._current
        if shown is not None and message.level.rank < shown.level.rank:
            return  # keep the more important message in view; the status bar has this one
        self._current = message
        self.text_label.setText(message.text)
        self.setAccessibleDescription(_described(message.level, message.text))
        if self.close_button.icon().isNull():
            self.close_button.setIcon(_standard_icon(self, None))
        self._icon.setPixmap(_standard_icon(self, message.level).pixmap(_ICON_SIZE, _ICON_SIZE))
        self.details_view.setPlainText(message.details or "")
        self.details_button.setText(message.details_label or self.tr("Details"))
        self.details_button.setVisible(bool(message.details))
        self.details_button.setChecked(False)
        self.details_view.hide()
        if message.level is Level.INFO:
            self._hide_timer.start()
        else:
            self._hide_timer.stop()
        self.show()
        self.update()

    def dismiss(self) -> None:
        self._hide_timer.stop()
        if self._current is None:
            return
        self._current = None
        self.hide()
        self.dismissed.emit()

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.details_button.setAccessibleName(
            self.tr("Hide details") if shown else self.tr("Show details")
        )
        if shown:
            self._hide_timer.stop()  # someone is reading

    def enterEvent(self, event: QEnterEvent) -> None:
        # Do not pull a message away from under the pointer of someone reading it.
        self._hide_timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        current = self._current
        if (
            current is not None
            and current.level is Level.INFO
            and not self.details_button.isChecked()
        ):
            self._hide_timer.start()
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        tone: Tone = self._current.level.tone if self._current is not None else "info"
        painter = QPainter(self)
        paint_tinted_box(painter, QRectF(self.rect()), self.palette(), tone)
        painter.end()


class Notice(QWidget):
    """A tinted, icon-led paragraph inside a dialog (a warning that stays while it applies).

    Hidden while it has nothing to say; ``show_notice(level, text)`` shows or replaces the text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = Level.INFO
        self._icon = QLabel()
        self._icon.setFixedSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # The technical reason, on request: "Why?" shows it under the plain words.
        self.why_button = QToolButton()
        self.why_button.setObjectName("notice_why")
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setAccessibleName(self.tr("Why?"))
        self.why_button.setCheckable(True)
        self.why_button.setAutoRaise(True)
        self.why_label = QLabel()
        self.why_label.setObjectName("notice_why_text")
        self.why_label.setWordWrap(True)
        self.why_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why_button.toggled.connect(self.why_label.setVisible)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.text_label)
        words.addWidget(self.why_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(10)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        layout.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignTop)
        self.why_button.hide()
        self.why_label.hide()
        self.hide()

    @property
    def level(self) -> Level:
        return self._level

    @property
    def why(self) -> str:
        return self.why_label.text()

    def text(self) -> str:
        return "" if self.isHidden() else self.text_label.text()

    def show_notice(self, level: Level, text: str, why: str | None = None) -> None:
        self._level = level
        self.text_label.setText(text)
        self.why_label.setText(why or "")
        self.why_button.setChecked(False)
        self.why_button.setVisible(bool(why))
        self.why_label.hide()
        self.setAccessibleDescription(_described(level, text))
        self._icon.setPixmap(_standard_icon(self, level).pixmap(_ICON_SIZE, _ICON_SIZE))
        self.show()
        self.update()

    def clear(self) -> None:
        self.text_label.clear()
        self.why_label.clear()
        self.why_button.hide()
        self.setAccessibleDescription("")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_tinted_box(painter, QRectF(self.rect()), self.palette(), self._level.tone)
        painter.end()
