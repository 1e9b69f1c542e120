"""The compare view: a preview's (or a downloaded result's) frames against the source's.

Three ways to look (split wipe, side by side, toggle), zoom and pan shared by both sides, frame
stepping with both sides locked to the same frame, a snapshot of what is shown as a PNG, and for
a preview, submitting the full task with exactly the settings judged here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QImage,
    QImageWriter,
    QKeySequence,
    QPainter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core.compare_view import ZOOM_PRESETS, zoom_label
from kokoon_desktop.core.timecode import FrameRate, format_timecode
from kokoon_desktop.ui.compare.canvas import CompareCanvas, CompareMode
from kokoon_desktop.ui.compare.pair_loader import FramePairs, PairLoader
from kokoon_desktop.ui.style import ToneLabel

__all__ = ["CompareSource", "CompareWindow"]

#: Room above each half of a snapshot for its label.
SNAPSHOT_LABEL_HEIGHT = 36


@dataclass(frozen=True, slots=True)
class CompareSource:
    """What is compared, and how to read it."""

    title: str
    #: Makes the pair reader; called in the loader's worker thread.
    open_pairs: Callable[[], FramePairs]
    #: The source's frame the pair 0 shows, and its rate (the frame labels' timecode).
    first_source_frame: int = 0
    rate: FrameRate | None = None
    #: A preview: offer to submit the full task with its settings.
    is_preview: bool = False
    #: A stem for snapshot file names.
    name: str = "compare"


_MODES = (
    (CompareMode.SPLIT, "Split", "1"),
    (CompareMode.SIDE_BY_SIDE, "Side by side", "2"),
    (CompareMode.TOGGLE, "Toggle", "3"),
)


class CompareWindow(QWidget):
    """A window of its own (the main window stays usable beside it)."""

    #: The user asked to submit the full task with the settings of this preview.
    submit_full_requested = Signal()
    frame_shown = Signal(int)
    #: The window was closed (its files are being closed).
    closed = Signal()

    def __init__(
        self,
        source: CompareSource,
        parent: QWidget | None = None,
        *,
        snapshot_chooser: Callable[[Path], Path | None] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Compare — {title}").format(title=source.title))
        self.source = source
        self._choose_snapshot = snapshot_chooser or self._ask_snapshot_path
        self._count = 0
        self._index = 0
        self._shown: int | None = None
        self.canvas = CompareCanvas(self)
        self.message = ToneLabel(parent=self)
        self.message.setWordWrap(True)
        self.message.hide()
        self._build_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._bar)
        layout.addWidget(self.message)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(self._frames_bar)
        self._shortcuts()
        self.canvas.view_changed.connect(self._view_changed)
        self.loader = PairLoader(source.open_pairs, self)
        self.loader.opened.connect(self._opened)
        self.loader.pair_ready.connect(self._pair_ready)
        self.loader.failed.connect(self._failed)
        self.loader.start()
        self.resize(1100, 720)
        self.canvas.setFocus()

    # -- building ----------------------------------------------------------------------------

    def _build_bar(self) -> None:
        self._bar = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[CompareMode, QToolButton] = {}
        labels = {
            CompareMode.SPLIT: self.tr("Split"),
            CompareMode.SIDE_BY_SIDE: self.tr("Side by side"),
            CompareMode.TOGGLE: self.tr("Toggle"),
        }
        for mode, _name, key in _MODES:
            button = QToolButton(self)
            button.setText(labels[mode])
            button.setCheckable(True)
            button.setToolTip(self.tr("{mode} ({key})").format(mode=labels[mode], key=key))
            button.setAccessibleName(labels[mode])
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            self._bar.addWidget(button)
        self.mode_buttons[CompareMode.SPLIT].setChecked(True)
        self._bar.addSpacing(12)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        self.zoom_box.setToolTip(self.tr("Zoom (Ctrl+wheel; Ctrl+0 fits, Ctrl+1 is 100%)"))
        for zoom in ZOOM_PRESETS:
            self.zoom_box.addItem(self.tr("Fit") if zoom is None else zoom_label(zoom), zoom)
        self.zoom_box.activated.connect(
            lambda row: self.canvas.set_zoom(self.zoom_box.itemData(row))
        )
        self._bar.addWidget(self.zoom_box)
        self._bar.addStretch(1)
        self.snapshot_button = QPushButton(self.tr("Save snapshot…"), self)
        self.snapshot_button.setToolTip(self.tr("Save what is shown, both sides labelled, as PNG"))
        self.snapshot_button.clicked.connect(self.save_snapshot_as)
        self._bar.addWidget(self.snapshot_button)
        self.submit_full_button = QPushButton(self.tr("Submit full task with these settings"), self)
        self.submit_full_button.setToolTip(
            self.tr("The same source, range and settings as this preview, as a full task")
        )
        self.submit_full_button.clicked.connect(self.submit_full_requested)
        self.submit_full_button.setVisible(self.source.is_preview)
        self._bar.addWidget(self.submit_full_button)

        self._frames_bar = QHBoxLayout()
        self.previous_button = QToolButton(self)
        self.previous_button.setText("◀")
        self.previous_button.setAccessibleName(self.tr("Previous frame"))
        self.previous_button.setToolTip(self.tr("Previous frame (Left)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setAccessibleName(self.tr("Next frame"))
        self.next_button.setToolTip(self.tr("Next frame (Right)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.strip = QSlider(Qt.Orientation.Horizontal, self)
        self.strip.setAccessibleName(self.tr("Frame"))
        self.strip.setRange(0, 0)
        self.strip.setPageStep(1)
        self.strip.valueChanged.connect(self.show_frame)
        self.frame_label = QLabel(self.tr("Opening…"), self)
        self.frame_label.setMinimumWidth(260)
        for widget in (self.previous_button, self.strip, self.next_button, self.frame_label):
            self._frames_bar.addWidget(widget, 1 if widget is self.strip else 0)
        self._enable_frames(False)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        table: list[tuple[str, Callable[[], object]]] = [
            ("Left", lambda: self.step(-1)),
            ("Right", lambda: self.step(1)),
            ("Ctrl+0", lambda: self.set_zoom(None)),
            ("Ctrl+1", lambda: self.set_zoom(1.0)),
            ("Ctrl+2", lambda: self.set_zoom(2.0)),
            ("Ctrl+4", lambda: self.set_zoom(4.0)),
            ("T", self.canvas.flip),
        ]
        for mode, _name, key in _MODES:
            table.append((key, partial(self.set_mode, mode)))
        for key, slot in table:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- state ------------------------------------------------------------------------------

    @property
    def frame_count(self) -> int:
        return self._count

    @property
    def index(self) -> int:
        return self._index

    @property
    def shown_index(self) -> int | None:
        """The frame the canvas shows (None until the first pair arrives)."""
        return self._shown

    def set_mode(self, mode: CompareMode) -> None:
        self.mode_buttons[mode].setChecked(True)
        self.canvas.set_mode(mode)

    def set_zoom(self, zoom: float | None) -> None:
        self.canvas.set_zoom(zoom)

    def step(self, delta: int) -> None:
        if self._count:
            self.show_frame(min(max(self._index + delta, 0), self._count - 1))

    def show_frame(self, index: int) -> None:
        if not self._count or not 0 <= index < self._count:
            return
        self._index = index
        if self.strip.value() != index:
            self.strip.setValue(index)  # re-enters here with the same index: nothing more
        self.loader.request(index)
        self._describe_frame()

    # -- loader results ------------------------------------------------------------------------

    def _opened(self, count: int) -> None:
        self._count = count
        if count == 0:
            self._failed(self.tr("The files to compare hold no frame."))
            return
        self.strip.setRange(0, count - 1)
        self._enable_frames(True)
        self.show_frame(0)

    def _pair_ready(self, index: int, before: QImage, after: QImage) -> None:
        if index != self._index:
            return  # a frame stepped past
        self._shown = index
        self.canvas.set_pair(before, after, self._labels())
        self._describe_frame()
        self.frame_shown.emit(index)

    def _failed(self, reason: str) -> None:
        self.message.set_tone("error")
        self.message.setText(
            self.tr("These frames cannot be shown: {reason}").format(reason=reason)
        )
        self.message.show()
        self._describe_frame()

    def _enable_frames(self, enabled: bool) -> None:
        for widget in (self.previous_button, self.next_button, self.strip):
            widget.setEnabled(enabled and self._count > 1)
        self.snapshot_button.setEnabled(enabled)

    def _labels(self) -> tuple[str, str]:
        """What each side is: the before says how it was scaled, so nobody takes it for the
        source's own pixels."""
        (w, h), (big_w, big_h) = self.loader.before_size, self.loader.size
        before = self.tr("Before · source {w}×{h}, Lanczos to {W}×{H}").format(
            w=w, h=h, W=big_w, H=big_h
        )
        if (w, h) == (big_w, big_h):
            before = self.tr("Before · source {w}×{h}").format(w=w, h=h)
        return before, self.tr("After · Kokoon SR {W}×{H}").format(W=big_w, H=big_h)

    def _describe_frame(self) -> None:
        if not self._count:
            return
        text = self.tr("Frame {number} of {count}").format(
            number=self._index + 1, count=self._count
        )
        rate = self.source.rate
        if rate is not None:
            timecode = format_timecode(self.source.first_source_frame + self._index, rate)
            text = self.tr("{frame} · source {timecode}").format(frame=text, timecode=timecode)
        if self._shown != self._index:
            text = self.tr("{frame} · decoding…").format(frame=text)
        self.frame_label.setText(text)

    def _view_changed(self) -> None:
        state = self.canvas.state
        if state is None:
            return
        if state.zoom is None:
            self.zoom_box.setItemText(0, self.tr("Fit"))
            self.zoom_box.setCurrentIndex(0)
            return
        zoom = state.device_zoom(self.canvas.viewport())
        row = self.zoom_box.findData(zoom)
        if row < 0:  # a wheel zoom between the presets: say it in the box's editable-like text
            self.zoom_box.setItemText(0, zoom_label(zoom))
            self.zoom_box.setCurrentIndex(0)
            return
        self.zoom_box.setItemText(0, self.tr("Fit"))
        self.zoom_box.setCurrentIndex(row)

    # -- snapshot ------------------------------------------------------------------------------

    def snapshot(self) -> QImage:
        """What is shown, at the pictures' own pixels: before and after side by side, each
        with its label above it."""
        before, after = self.canvas.current_images()
        state = self.canvas.state
        assert before is not None and after is not None and state is not None
        seen = state.visible(self.canvas.viewport()) or (0, 0, after.width(), after.height())
        crop = QRect(*seen)
        width, height = crop.width(), crop.height()
        image = QImage(width * 2 + 8, height + SNAPSHOT_LABEL_HEIGHT, QImage.Format.Format_RGB32)
        image.fill(QColor(24, 24, 24))
        painter = QPainter(image)
        painter.drawImage(QRect(0, SNAPSHOT_LABEL_HEIGHT, width, height), before, crop)
        painter.drawImage(QRect(width + 8, SNAPSHOT_LABEL_HEIGHT, width, height), after, crop)
        font = painter.font()
        font.setPixelSize(18)
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255))
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        before_label, after_label = self._labels()
        for x, text in ((8, before_label), (width + 16, after_label)):
            painter.drawText(QRectF(x, 0, width - 16, SNAPSHOT_LABEL_HEIGHT), align, text)
        painter.end()
        return image

    def save_snapshot(self, path: Path) -> Path:
        """Write :meth:`snapshot` to ``path`` as PNG; raises OSError when it cannot."""
        writer = QImageWriter(str(path), QByteArray(b"png"))
        if not writer.write(self.snapshot()):
            raise OSError(self.tr("{path} could not be written.").format(path=path))
        return path

    def save_snapshot_as(self) -> None:
        suggested = Path.home() / f"{self.source.name}_compare_f{self._index + 1:04d}.png"
        path = self._choose_snapshot(suggested)
        if path is None:
            return
        try:
            self.save_snapshot(path)
        except OSError as exc:
            self.message.set_tone("error")
            self.message.setText(self.tr("The snapshot was not saved: {reason}").format(reason=exc))
        else:
            self.message.set_tone("success")
            self.message.setText(self.tr("Snapshot saved to {path}").format(path=path))
        self.message.show()

    def _ask_snapshot_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save snapshot"), str(suggested), self.tr("PNG images (*.png)")
        )
        return Path(name) if name else None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.close()
        super().closeEvent(event)
        self.closed.emit()
