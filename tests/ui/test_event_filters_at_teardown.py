"""Event filters keep working while the garbage collector tears a window down: breaking a
reference cycle clears an object's attributes before its C++ side stops getting events."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop.ui.preview.clip_preview import ClipPreview
from kokoon_desktop.ui.preview.view import PreviewView
from kokoon_desktop.ui.timeline.shortcuts_overlay import ShortcutsOverlay
from kokoon_desktop.ui.timeline.widget import TimelineWidget


def _resize(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QResizeEvent(QSize(320, 200), widget.size()))


def test_the_shortcuts_overlay_follows_its_host_with_its_attributes_cleared(
    qtbot: QtBot,
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    overlay = ShortcutsOverlay(host)
    host.resize(320, 200)
    overlay.__dict__.clear()  # what the collector does to break a cycle
    _resize(host)  # no AttributeError from the filter
    assert overlay.geometry() == host.rect()


def test_the_clip_preview_ignores_the_timeline_with_its_attributes_cleared(
    qtbot: QtBot,
) -> None:
    view, timeline = PreviewView(), TimelineWidget()
    qtbot.addWidget(view)
    qtbot.addWidget(timeline)
    preview = ClipPreview(view, timeline)
    preview.__dict__.clear()
    _resize(timeline)  # no AttributeError from the filter
