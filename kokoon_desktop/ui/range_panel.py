"""The clip range as In, Out and Duration fields, the timeline's typed companion.

With a clip whose rate and length are known (`set_clip`), the range is `Marks` in frames and
the fields show it as timecode, frame numbers or milliseconds (the unit chooser); Out is the
last frame of the range, as editors show it, and Duration counts Out - In + 1 frames. What is
typed applies on Enter or when the field loses focus, never on each keystroke, so a half-typed
timecode does not move the timeline; Escape puts the field back. Without a clip (a video ID
typed by hand) the panel works in milliseconds: In and Duration as the API takes them, both
empty meaning the whole file, so a task can still be sent.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core import human
from kokoon_desktop.core.frame_times import FrameTimes
from kokoon_desktop.core.time_entry import (
    TimeUnit,
    format_length,
    format_position,
    parse_entry,
    parse_ms_entry,
)
from kokoon_desktop.core.timecode import FrameRate, format_ms, frames_to_ms
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.ui.field_message import FieldMessage

log = logging.getLogger(__name__)

#: Wide enough for the longest text a field shows: a timecode with three-digit frames.
_FIELD_SAMPLE = "00:00:00:000"
_NO_RATE = QT_TRANSLATE_NOOP(
    "RangePanel", "The source's frame rate is not known, so times are in milliseconds."
)


class _Which(Enum):
    """The fields, valued by their English labels (translated where shown)."""

    IN = QT_TRANSLATE_NOOP("RangePanel", "In")
    OUT = QT_TRANSLATE_NOOP("RangePanel", "Out")
    DURATION = QT_TRANSLATE_NOOP("RangePanel", "Duration")


class _Arrangement(Enum):
    """From the widest to the narrowest."""

    ONE_ROW = "one row"
    TWO_ROWS = "actions below"
    STACKED = "fields stacked"


class TimeField(QLineEdit):
    """A time field; Escape gives back what it showed before the edit."""

    reverted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isModified():
            self.reverted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RangePanel(QWidget):
    """In / Out / Duration fields with a unit chooser and "Whole file".

    ``changed`` fires whenever `values()` or the problems may differ; ``marks_changed(Marks)``
    when an edit here moves the marks (not when `set_marks` brings them); ``unit_changed``
    with the chosen `TimeUnit`.
    """

    changed = Signal()
    marks_changed = Signal(object)
    unit_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rate: FrameRate | None = None
        self._times: FrameTimes | None = None
        self._marks: Marks | None = None
        self._unit = TimeUnit.TIMECODE
        self._source_ms: int | None = None
        # Without a clip: what In and Duration hold, in ms (0 and 0 is the whole file).
        self._ms_start = 0
        self._ms_duration = 0
        self._entry_problems: dict[_Which, str] = {}
        self._rule_problems: dict[_Which, str] = {}
        self._updating = False

        self.in_point = self._field("in_point", self.tr("In"))
        self.out_point = self._field("out_point", self.tr("Out"))
        self.duration = self._field("duration", self.tr("Duration"))
        self._fields = {
            _Which.IN: self.in_point,
            _Which.OUT: self.out_point,
            _Which.DURATION: self.duration,
        }
        self.in_message = FieldMessage()
        self.out_message = FieldMessage()
        self.duration_message = FieldMessage()
        self._messages = {
            _Which.IN: self.in_message,
            _Which.OUT: self.out_message,
            _Which.DURATION: self.duration_message,
        }
        self.time_unit = QComboBox()
        self.time_unit.setObjectName("time_unit")
        self.time_unit.setAccessibleName(self.tr("Time unit"))
        for unit in TimeUnit:
            self.time_unit.addItem(unit.label, unit.value)
        self.whole_file = QPushButton(self.tr("Whole file"))
        self.whole_file.setObjectName("whole_file")
        self.whole_file.setAccessibleName(self.tr("Select the whole file"))
        self.whole_file.setToolTip(self.tr("Clear In and Out: the task processes the whole file."))
        self.summary = QLabel()
        self.summary.setObjectName("range_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._labels = {which: QLabel(self.tr(which.value)) for which in _Which}
        for which, label in self._labels.items():
            label.setBuddy(self._fields[which])
        self._actions = QWidget()
        actions = QHBoxLayout(self._actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.time_unit)
        actions.addWidget(self.whole_file)
        self._grid = grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for gap in (2, 5):
            grid.setColumnMinimumWidth(gap, 10)
        grid.setColumnStretch(9, 1)

        box = QGroupBox(self.tr("Range"))
        QVBoxLayout(box).addLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addStretch(1)
        # The widest arrangement the width allows: the panel must not hold the window wider
        # than the form and a narrow timeline need.
        self._arrangement: _Arrangement | None = None
        self._arrange(_Arrangement.STACKED)
        frame = box.minimumSizeHint().width() - grid.minimumSize().width()
        self._widths: dict[_Arrangement, int] = {}
        for arrangement in _Arrangement:
            self._arrange(arrangement)
            self._widths[arrangement] = frame + grid.minimumSize().width()
        box.setMinimumWidth(self._widths[_Arrangement.STACKED])
        self.setTabOrder(self.in_point, self.out_point)
        self.setTabOrder(self.out_point, self.duration)
        self.setTabOrder(self.duration, self.time_unit)
        self.setTabOrder(self.time_unit, self.whole_file)

        for which, edit in self._fields.items():
            edit.editingFinished.connect(lambda which=which: self._commit(which))
            edit.reverted.connect(self._revert)
        self.time_unit.currentIndexChanged.connect(self._unit_chosen)
        self.whole_file.clicked.connect(self.select_whole_file)
        self._refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        fitting = [shape for shape in _Arrangement if self._widths[shape] <= width]
        self._arrange(fitting[0] if fitting else _Arrangement.STACKED)
        super().resizeEvent(event)

    def _arrange(self, arrangement: _Arrangement) -> None:
        """Place the fields in a row (columns: label, field, gap for each; then room and the
        actions), or one under the other; each message under its field."""
        if arrangement is self._arrangement:
            return
        self._arrangement = arrangement
        grid = self._grid
        for widget in (*self._labels.values(), *self._fields.values(), *self._messages.values()):
            grid.removeWidget(widget)
        grid.removeWidget(self.summary)
        grid.removeWidget(self._actions)
        stacked = arrangement is _Arrangement.STACKED
        for index, which in enumerate(_Which):
            row, column = (2 * index, 0) if stacked else (0, 3 * index)
            grid.addWidget(self._labels[which], row, column)
            grid.addWidget(self._fields[which], row, column + 1)
            # Free to use the width to the right for a long reason.
            message_row = row + 1 if stacked else 1 + index
            grid.addWidget(self._messages[which], message_row, column + 1, 1, -1)
        below = 6 if stacked else 4
        grid.addWidget(self.summary, below, 0, 1, -1)
        if arrangement is _Arrangement.ONE_ROW:
            grid.addWidget(self._actions, 0, 10)
        else:
            grid.addWidget(self._actions, below + 1, 0, 1, -1, Qt.AlignmentFlag.AlignRight)

    def _field(self, name: str, accessible: str) -> TimeField:
        field = TimeField()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        width = field.fontMetrics().horizontalAdvance(_FIELD_SAMPLE)
        field.setFixedWidth(width + 2 * field.fontMetrics().averageCharWidth() + 8)
        return field

    # --- state -----------------------------------------------------------------------------

    @property
    def unit(self) -> TimeUnit:
        """The chosen unit (shown whenever the clip's rate is known)."""
        return self._unit

    @property
    def marks(self) -> Marks | None:
        """The range in frames; None while no clip is known (the panel works in ms)."""
        return self._marks

    def values(self) -> tuple[int, int, str | None, str | None]:
        """(start ms, duration ms, In/Out problem, Duration problem) for the request.

        With a clip, exactly `Marks.to_request` of the marks (the whole file is (0, 0)). A
        problem is an entry that could not be read; the values are then the last good range.
        """
        in_problem = self._entry_problems.get(_Which.IN) or self._entry_problems.get(_Which.OUT)
        duration_problem = self._entry_problems.get(_Which.DURATION)
        if self._marks is not None and self._rate is not None:
            start, duration = request_range(self._marks, self._rate, self._times)
            return start, duration, in_problem, duration_problem
        return self._ms_start, self._ms_request_duration(), in_problem, duration_problem

    def _ms_request_duration(self) -> int:
        start, source = self._ms_start, self._source_ms
        if not self._ms_duration and start and source is not None and start < source:
            # An empty duration after a start means "to the end": the API has no such value,
            # so the length is worked out from the source and sent explicitly.
            return source - start
        return self._ms_duration

    # --- from outside ----------------------------------------------------------------------

    def set_unit(self, unit: TimeUnit) -> None:
        """Show times in `unit` (when the rate is known); what was typed but not applied is
        dropped, the range stays."""
        if unit is self._unit:
            return
        self._unit = unit
        self._entry_problems.clear()
        self._refresh()
        self.unit_changed.emit(unit)

    def remember_unit_in(self, settings: SettingsStore) -> None:
        """Show the unit `settings` hold, and keep the one chosen there from now on."""
        self.set_unit(TimeUnit(settings.load().time_unit))

        def save(unit: TimeUnit) -> None:
            try:
                settings.update(time_unit=unit.value)
            except OSError as exc:  # a preference not kept is no reason to interrupt
                log.warning("The time unit could not be saved: %s", exc)

        self.unit_changed.connect(save)

    def set_clip(self, total_frames: int, rate: FrameRate, times: FrameTimes | None = None) -> None:
        """Work in frames on a clip of `total_frames` at `rate`. The range the panel held is
        kept where the clip allows it (as a request's range would land); else the whole clip.
        With the clip's frame `times`, the request's milliseconds are the frames' own times
        (a variable-rate file) rather than the rate's clock."""
        start, duration, _, _ = self.values()
        whole = Marks(total_frames)
        try:
            marks = Marks.from_request(start, duration, rate, total_frames)
        except ValueError:
            marks = whole
        self._rate = rate
        self._times = times
        self._marks = marks
        self._entry_problems.clear()
        self._refresh()
        self.marks_changed.emit(marks)
        self.changed.emit()

    def clear_clip(self) -> None:
        """Back to milliseconds (the source's rate is unknown), keeping the range as the
        request would have sent it."""
        if self._marks is None:
            return
        start, duration, _, _ = self.values()
        self._rate = None
        self._times = None
        self._marks = None
        self._ms_start, self._ms_duration = start, duration
        self._entry_problems.clear()
        self._refresh()
        self.changed.emit()

    def set_marks(self, marks: Marks) -> None:
        """Show marks set elsewhere (the timeline); no ``marks_changed`` back."""
        if self._marks is None:
            raise ValueError("The range panel has no clip to set marks on.")
        if marks.total_frames != self._marks.total_frames:
            raise ValueError(
                f"Marks for {marks.total_frames} frames on a clip of {self._marks.total_frames}."
            )
        self._apply(marks, announce=False)

    def set_range(self, start_ms: int, duration_ms: int) -> None:
        """Take a request's range (a stored task, a screenshot set-up). On a clip it lands on
        frames as `Marks.from_request` says; one that starts past the clip is refused under In."""
        if self._marks is not None and self._rate is not None:
            try:
                marks = Marks.from_request(
                    start_ms, duration_ms, self._rate, self._marks.total_frames
                )
            except ValueError as exc:
                self._entry_problems = {_Which.IN: str(exc)}
                self._refresh_messages()
                self.changed.emit()
                return
            self._apply(marks, announce=True)
            return
        self._ms_start, self._ms_duration = start_ms, duration_ms
        self._entry_problems.clear()
        self._refresh()
        self.changed.emit()

    def set_source_duration(self, duration_ms: int | None) -> None:
        """The source's length when known: the end of an open range, and the summary."""
        self._source_ms = duration_ms
        self._refresh_summary()

    def select_whole_file(self) -> None:
        if self._marks is not None:
            self._apply(self._marks.clear(), announce=True)
        else:
            self.set_range(0, 0)

    def show_problems(self, start: str | None, duration: str | None) -> None:
        """The form's objections to the range (past the source, trim without a range...). A
        field's own unreadable entry is shown first."""
        self._rule_problems = {
            which: problem
            for which, problem in ((_Which.IN, start), (_Which.DURATION, duration))
            if problem
        }
        self._refresh_messages()

    def commit(self) -> None:
        """Apply whatever was typed and not applied yet (before a submission)."""
        for which, edit in self._fields.items():
            if edit.isModified():
                self._commit(which)

    # --- editing ---------------------------------------------------------------------------

    def _commit(self, which: _Which) -> None:
        edit = self._fields[which]
        if self._updating or not edit.isModified():
            return
        text = edit.text()
        try:
            marks = self._typed_marks(which, text) if self._marks is not None else None
            if marks is None:
                self._typed_ms(which, text)
        except ValueError as exc:
            # The range stays as it was; the field keeps the text so it can be corrected.
            self._entry_problems[which] = str(exc)
            self._refresh_messages()
            self.changed.emit()
            return
        if marks is not None:
            self._apply(marks, announce=True)
        else:
            self._entry_problems.clear()
            self._refresh()
            self.changed.emit()

    def _typed_marks(self, which: _Which, text: str) -> Marks:
        marks, rate, unit = self._marks, self._rate, self._unit
        assert marks is not None and rate is not None
        first, count = marks.range_frames()
        if not text.strip():  # an emptied field lets go of its mark
            return marks.clear_in() if which is _Which.IN else marks.clear_out()
        if which is not _Which.DURATION:
            held = first if which is _Which.IN else first + count - 1
            frame = parse_entry(text, rate, unit, current=held)
            if frame > marks.last_frame:
                raise ValueError(
                    self.tr(
                        "{entry} is past the end of the clip: its last frame is {last}."
                    ).format(entry=text.strip(), last=format_position(marks.last_frame, rate, unit))
                )
            return marks.set_in(frame) if which is _Which.IN else marks.set_out(frame)
        length = parse_entry(text, rate, unit, current=count, start=first)
        room = marks.total_frames - first
        if length < 1:
            raise ValueError(self.tr("A range holds at least one frame."))
        if length > room:
            raise ValueError(
                self.tr("{entry} is longer than the clip after In: at most {length}.").format(
                    entry=text.strip(), length=format_length(room, rate, unit, start=first)
                )
            )
        return marks.set_out(first + length - 1)

    def _typed_ms(self, which: _Which, text: str) -> None:
        empty = not text.strip()
        if which is _Which.IN:
            self._ms_start = 0 if empty else parse_ms_entry(text, current=self._ms_start)
        elif which is _Which.DURATION:
            current = self._ms_request_duration()
            self._ms_duration = 0 if empty else parse_ms_entry(text, current=current)

    def _apply(self, marks: Marks, *, announce: bool) -> None:
        self._marks = marks
        self._entry_problems.clear()
        self._refresh()
        if announce:
            self.marks_changed.emit(marks)
        self.changed.emit()

    def _revert(self) -> None:
        self._entry_problems.clear()
        self._refresh()
        self.changed.emit()

    def _unit_chosen(self) -> None:
        if self._updating:
            return
        self.set_unit(TimeUnit(self.time_unit.currentData()))

    # --- showing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        self._refresh_fields()
        self._refresh_messages()
        self._refresh_summary()

    def _refresh_fields(self) -> None:
        self._updating = True
        try:
            if self._marks is not None and self._rate is not None:
                self._show_frames(self._marks, self._rate, self._unit)
            else:
                self._show_ms()
        finally:
            self._updating = False

    def _show_frames(self, marks: Marks, rate: FrameRate, unit: TimeUnit) -> None:
        first, count = marks.range_frames()
        self.in_point.setText(format_position(first, rate, unit))
        self.out_point.setText(format_position(first + count - 1, rate, unit))
        self.duration.setText(format_length(count, rate, unit, start=first))
        for edit in self._fields.values():
            edit.setEnabled(True)
            edit.setPlaceholderText("")
        hint = self.tr("Enter applies, Esc undoes; {unit_hint}.").format(unit_hint=unit.hint)
        self.in_point.setToolTip(self.tr("The first frame of the range. {hint}").format(hint=hint))
        self.out_point.setToolTip(
            self.tr("The last frame of the range (included). {hint}").format(hint=hint)
        )
        self.duration.setToolTip(
            self.tr("How many frames, Out - In + 1; changing it moves Out. {hint}").format(
                hint=hint
            )
        )
        self.time_unit.setCurrentIndex(self.time_unit.findData(unit.value))
        self.time_unit.setEnabled(True)
        self.time_unit.setToolTip(self.tr("Show times as timecode, frame numbers or milliseconds."))

    def _show_ms(self) -> None:
        self.in_point.setText(format_ms(self._ms_start) if self._ms_start else "")
        self.in_point.setPlaceholderText("00:00:00.000")
        self.in_point.setToolTip(
            self.tr(
                "Where processing starts, in milliseconds or HH:MM:SS.mmm; +/- moves it. "
                "Enter applies."
            )
        )
        self.out_point.setText("")
        self.out_point.setEnabled(False)
        self.out_point.setPlaceholderText("—")
        self.out_point.setToolTip(
            self.tr("{no_rate} Give a Duration instead of an Out.").format(
                no_rate=self.tr(_NO_RATE)
            )
        )
        self.duration.setText(format_ms(self._ms_duration) if self._ms_duration else "")
        self.duration.setPlaceholderText(self.tr("to the end"))
        self.duration.setToolTip(
            self.tr(
                "How much to process, in milliseconds or HH:MM:SS.mmm; empty runs to the end. "
                "Enter applies."
            )
        )
        self.time_unit.setCurrentIndex(self.time_unit.findData(TimeUnit.MILLISECONDS.value))
        self.time_unit.setEnabled(False)
        self.time_unit.setToolTip(self.tr(_NO_RATE))

    def _refresh_messages(self) -> None:
        for which, message in self._messages.items():
            message.show_problem(self._entry_problems.get(which) or self._rule_problems.get(which))

    def _refresh_summary(self) -> None:
        if self._marks is not None and self._rate is not None:
            self.summary.setText(_frames_summary(self._marks, self._rate, self._times))
            return
        start, duration, _, _ = self.values()
        source = self._source_ms
        if start == 0 and duration == 0:
            self.summary.setText(
                self.tr("Whole file selected ({length}).").format(length=human.duration_ms(source))
                if source
                else self.tr("Whole file selected.")
            )
        else:
            end = start + duration if duration else source
            self.summary.setText(
                self.tr("From {start} to {end}.").format(start=format_ms(start), end=format_ms(end))
                if end is not None
                else self.tr("From {start} to the end.").format(start=format_ms(start))
            )


def request_range(marks: Marks, rate: FrameRate, times: FrameTimes | None) -> tuple[int, int]:
    """(start_pos, duration) for the request: from the frames' own times when the clip's are
    known (the same as the rate's clock for a constant-rate file), else from the rate."""
    if times is not None and times.total_frames == marks.total_frames:
        return times.range_ms(*marks.range_frames())
    return marks.to_request(rate)


def _frames_summary(marks: Marks, rate: FrameRate, times: FrameTimes | None = None) -> str:
    total = marks.total_frames
    fps = QCoreApplication.translate("RangePanel", "{fps} fps").format(fps=rate.describe())
    if times is not None and times.is_variable:
        # Timecode stays the editor's clock (frames at the nominal rate); the request's
        # milliseconds follow the frames' own times.
        average = FrameRate(times.average_rate.limit_denominator(1001)).describe()
        fps = QCoreApplication.translate(
            "RangePanel",
            "a variable frame rate ({average} fps on average; timecode counts frames at {fps} fps)",
        ).format(average=average, fps=rate.describe())
    if marks.is_whole_clip:
        end_ms = times.ms_of(total) if times is not None else frames_to_ms(total, rate)
        return QCoreApplication.translate(
            "RangePanel", "Whole file selected: {total} frames at {rate} ({length})."
        ).format(total=total, rate=fps, length=human.duration_ms(end_ms))
    start_ms, duration_ms = request_range(marks, rate, times)
    _, count = marks.range_frames()
    return QCoreApplication.translate(
        "RangePanel",
        "{count} of {total} frames at {rate}; sent as start {start_ms} ms, "
        "duration {duration_ms} ms.",
    ).format(count=count, total=total, rate=fps, start_ms=start_ms, duration_ms=duration_ms)
