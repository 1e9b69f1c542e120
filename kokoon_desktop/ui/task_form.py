"""The task form: source, treatment, output and the range, with the service's rules shown.

The rules live in ``core`` (``check_task_spec``); this widget only collects what the controls
hold, asks the rules, and shows each problem under its field. Submit stays disabled while
anything is wrong, so nothing invalid is ever sent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core import human
from kokoon_desktop.core.enums import Category, Codec, Container, InputQuality, TaskType
from kokoon_desktop.core.labels import CATEGORY_LABELS
from kokoon_desktop.core.problems import InvalidTaskSpec, Problem
from kokoon_desktop.core.sizes import (
    height_for_width,
    preset_for_size,
    preset_size,
    width_for_height,
)
from kokoon_desktop.core.task_spec import (
    DETAIL_OPTIONS,
    AiOptions,
    TaskSpec,
    check_task_spec,
)
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.ui.field_message import FieldMessage
from kokoon_desktop.ui.range_panel import RangePanel

if TYPE_CHECKING:
    from kokoon_desktop.api.models import Video
    from kokoon_desktop.core.frame_times import FrameTimes
    from kokoon_desktop.core.presets import Preset
    from kokoon_desktop.storage.settings import Settings, SettingsStore

#: The choices' English labels (translated where shown, with the form's tr()).
OPTION_LABELS = {
    "face_enhance": QT_TRANSLATE_NOOP("TaskForm", "Face enhancement"),
    "denoise": QT_TRANSLATE_NOOP("TaskForm", "Denoise"),
    "deinterlace": QT_TRANSLATE_NOOP("TaskForm", "Deinterlace"),
    "add_noise": QT_TRANSLATE_NOOP("TaskForm", "Film grain (add noise)"),
}
SIZE_LABELS = {
    "720p": "720p",
    "1080p": QT_TRANSLATE_NOOP("TaskForm", "1080p (Full HD)"),
    "1440p": "1440p",
    "2160p": QT_TRANSLATE_NOOP("TaskForm", "2160p (4K UHD)"),
    "2x": QT_TRANSLATE_NOOP("TaskForm", "2× the source"),
    "4x": QT_TRANSLATE_NOOP("TaskForm", "4× the source"),
    "custom": QT_TRANSLATE_NOOP("TaskForm", "Custom"),
}
IGNORED_TOOLTIP = QT_TRANSLATE_NOOP(
    "TaskForm",
    "The service ignores {option} for {category} content, so it is sent as off. "
    "Choose another category to use it.",
)


@dataclass(frozen=True)
class SourceInfo:
    """What the form knows about the chosen source video."""

    vid: str
    name: str | None = None
    size: tuple[int, int] | None = None
    duration_ms: int | None = None
    #: The frame rate as the service gives it ("30000/1001"); the timeline needs it.
    fps: str | None = None
    total_frames: int | None = None
    #: The service's picture of the video (a storage link: fetched without the token).
    thumb_url: str | None = None
    #: The local file it was uploaded from, when it was (results land next to it).
    local_path: str | None = None
    #: When each frame of the local file is shown (its frame index): the true frame count,
    #: and the milliseconds of a variable-rate file's frames.
    frame_times: FrameTimes | None = None
    #: Interlaced pictures (camcorders, broadcast): Deinterlace is suggested.
    interlaced: bool = False

    @classmethod
    def from_video(cls, video: Video) -> SourceInfo:
        return cls(
            vid=video.vid,
            name=video.filename,
            size=video.size_px,
            duration_ms=video.duration_ms,
            fps=video.fps,
            total_frames=video.nb_frames,
            thumb_url=video.thumb_url,
            interlaced=bool(video.is_interlaced),
        )


def _combo(name: str, accessible: str, items: Mapping[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for value, label in items.items():
        combo.addItem(label, value)
    return combo


log = logging.getLogger(__name__)


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class TaskForm(QWidget):
    """Emits ``spec_changed(TaskSpec | None)`` on every edit and ``submit_requested(TaskSpec)``."""

    spec_changed = Signal(object)
    #: The chosen source (a SourceInfo), or None when an ID is typed or the source cleared.
    source_changed = Signal(object)
    submit_requested = Signal(object)
    #: "Preview this range": the window's preview flow reads the spec (it may mark a range).
    preview_requested = Signal()
    browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: SourceInfo | None = None
        self._saved_detail: dict[str, bool] = {}
        self._updating = False
        self._spec: TaskSpec | None = None
        self._busy = False
        self._connected = True
        self._waiting_tip = ""

        self.range_panel = RangePanel()
        self._build()
        self._connect()
        self._refresh()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.vid = QLineEdit()
        self.vid.setObjectName("vid")
        self.vid.setAccessibleName(self.tr("Source video ID"))
        self.vid.setPlaceholderText(self.tr("Paste a video ID, or browse"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Choose one of the account's videos"))
        self.browse.setObjectName("browse_videos")
        self.browse.setAccessibleName(self.tr("Browse account videos"))
        self.source_label = QLabel(self.tr("No source chosen"))
        self.source_label.setObjectName("source_label")
        self.source_label.setWordWrap(True)
        self.vid_message = FieldMessage()

        source_box = QGroupBox(self.tr("Source"))
        source = QVBoxLayout(source_box)
        row = QHBoxLayout()
        row.addWidget(self.vid, 1)
        row.addWidget(self.browse)
        source.addLayout(row)
        source.addWidget(self.vid_message)
        source.addWidget(self.source_label)

        self.task_type = _combo(
            "task_type",
            self.tr("Task type"),
            {TaskType.SR: self.tr("Full task"), TaskType.SR_PREVIEW: self.tr("Preview")},
        )
        self.task_type.setToolTip(
            self.tr("A preview renders a few frames so you can judge the result.")
        )
        self.category = _combo(
            "category",
            self.tr("Category"),
            {c.value: self.tr(label) for c, label in CATEGORY_LABELS.items()},
        )
        self.input_quality = _combo(
            "input_quality", self.tr("Input quality"),
            {InputQuality.MEDIUM: self.tr("Medium"), InputQuality.HIGH: self.tr("High")},
        )  # fmt: skip
        # The v3 docs' wording says use_sr=true means "do not use SR", yet every documented
        # example sends true for a normal SR job; we follow the examples (see core.task_spec).
        self.use_sr = QCheckBox(self.tr("Super-resolution (upscale)"))
        self.use_sr.setObjectName("use_sr")
        self.use_sr.setAccessibleName(self.tr("Super-resolution"))
        self.use_sr.setChecked(True)
        self.options: dict[str, QCheckBox] = {}
        for name, english in OPTION_LABELS.items():
            label = self.tr(english)
            box = QCheckBox(label)
            box.setObjectName(name)
            box.setAccessibleName(label)
            self.options[name] = box

        treatment_box = QGroupBox(self.tr("Treatment"))
        treatment = QFormLayout(treatment_box)
        treatment.addRow(self.tr("Task"), self.task_type)
        treatment.addRow(self.tr("Category"), self.category)
        treatment.addRow(self.tr("Input quality"), self.input_quality)
        treatment.addRow("", self.use_sr)
        # Two by two: the form must fit a laptop's screen without scrolling.
        options = QGridLayout()
        options.setVerticalSpacing(2)
        for index, box in enumerate(self.options.values()):
            options.addWidget(box, index // 2, index % 2)
        # Suggested, not forced: some interlaced sources are meant to stay so.
        self.deinterlace_hint = QLabel(
            self.tr("The source is interlaced: Deinterlace is suggested.")
        )
        self.deinterlace_hint.setObjectName("deinterlace_hint")
        self.deinterlace_hint.setWordWrap(True)
        self.deinterlace_hint.hide()
        options.addWidget(self.deinterlace_hint, options.rowCount(), 0, 1, 2)
        self.options["deinterlace"].toggled.connect(self._refresh_deinterlace_hint)
        treatment.addRow(self.tr("AI options"), options)

        self.size_preset = _combo(
            "size_preset",
            self.tr("Output size"),
            {preset: self.tr(label) for preset, label in SIZE_LABELS.items()},
        )
        self.width_spin = QSpinBox()
        self.height_spin = QSpinBox()
        for spin, name, accessible in (
            (self.width_spin, "width", self.tr("Output width")),
            (self.height_spin, "height", self.tr("Output height")),
        ):
            spin.setObjectName(name)
            spin.setAccessibleName(accessible)
            spin.setRange(0, 20000)
            spin.setSingleStep(2)
            spin.setSuffix(self.tr(" px"))
            spin.setKeyboardTracking(True)
        self.aspect_lock = QCheckBox(self.tr("Keep aspect ratio"))
        self.aspect_lock.setObjectName("aspect_lock")
        self.aspect_lock.setAccessibleName(self.tr("Keep the source's aspect ratio"))
        self.aspect_lock.setChecked(True)
        self.size_message = FieldMessage()
        self.codec = _combo(
            "codec", self.tr("Codec"), {Codec.H264: "H.264", Codec.H265: "H.265 (HEVC)"}
        )
        self.container = _combo(
            "format",
            self.tr("Container"),
            {Container.MP4: "MP4", Container.MOV: "MOV", Container.MKV: "MKV"},
        )
        self.use_trim_orig = QCheckBox(self.tr("Keep the trimmed range as a new original"))
        self.use_trim_orig.setObjectName("use_trim_orig")
        self.use_trim_orig.setAccessibleName(self.tr("Keep the trimmed range as a new original"))

        output_box = QGroupBox(self.tr("Output"))
        output = QFormLayout(output_box)
        output.addRow(self.tr("Size"), self.size_preset)
        dims = QHBoxLayout()
        dims.addWidget(self.width_spin, 1)
        dims.addWidget(QLabel("×"))
        dims.addWidget(self.height_spin, 1)
        output.addRow("", dims)
        output.addRow("", self.aspect_lock)
        output.addRow("", self.size_message)
        encoding = QHBoxLayout()
        encoding.addWidget(self.codec, 1)
        container_label = QLabel(self.tr("Container"))
        container_label.setBuddy(self.container)
        encoding.addWidget(container_label)
        encoding.addWidget(self.container, 1)
        output.addRow(self.tr("Codec"), encoding)
        output.addRow("", self.use_trim_orig)

        self.cost = QLabel("")
        self.cost.setObjectName("cost")
        self.cost.setAccessibleName(self.tr("Cost"))
        self.cost.setWordWrap(True)
        self.submit = QPushButton(self.tr("Submit"))
        self.submit.setObjectName("submit")
        self.submit.setAccessibleName(self.tr("Submit"))
        self.submit.setToolTip(self.tr("Send the task (Ctrl+Enter)"))
        self.submit.setDefault(True)
        # Cost and Submit sit in their own strip, which the window keeps in view below the
        # scrolling form: the button must never be hidden below the fold.
        self.action_bar = QWidget()
        self.action_bar.setObjectName("form_actions")
        bottom = QHBoxLayout(self.action_bar)
        bottom.setContentsMargins(0, 4, 0, 0)
        self.preview = QPushButton(self.tr("Preview"))
        self.preview.setObjectName("preview_range")
        self.preview.setAccessibleName(self.tr("Preview this range"))
        self.preview.setToolTip(self._preview_tip())
        bottom.addWidget(self.cost, 1)
        bottom.addWidget(self.preview)
        bottom.addWidget(self.submit)

        self._groups = (source_box, treatment_box, output_box)
        self._layout = QGridLayout(self)
        self.set_columns(1)
        _select(self.size_preset, "1080p")
        self._apply_preset()

    def remember_choices_in(self, settings: SettingsStore, saved: Settings) -> None:
        """Start from the category and output size chosen last time (``saved``, as read at
        start), and keep the ones chosen from now on in ``settings`` (an editor upscales the
        same kind of footage to the same size)."""
        if saved.last_category is not None:
            _select(self.category, saved.last_category)
        if saved.last_size_preset is not None and saved.last_size_preset != "custom":
            _select(self.size_preset, saved.last_size_preset)

        def keep(**values: str) -> None:
            try:
                settings.update(**values)
            except OSError as exc:  # a preference not kept is no reason to interrupt
                log.warning("The form's choices could not be saved: %s", exc)

        self.category.currentIndexChanged.connect(
            lambda: keep(last_category=str(self.category.currentData()))
        )
        self.size_preset.currentIndexChanged.connect(
            lambda: keep(last_size_preset=str(self.size_preset.currentData()))
        )

    @property
    def columns(self) -> int:
        return self._columns

    def set_columns(self, columns: int) -> None:
        """One column (Source, Treatment, Output), or two (Output beside the others), which a
        short window needs so that nothing essential scrolls."""
        self._columns = columns
        layout = self._layout
        for group in self._groups:
            layout.removeWidget(group)
        source_box, treatment_box, output_box = self._groups
        layout.addWidget(source_box, 0, 0)
        layout.addWidget(treatment_box, 1, 0)
        if columns == 1:
            layout.addWidget(output_box, 2, 0)
        else:
            layout.addWidget(output_box, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        # What is left over goes below the groups, not between them.
        for row in range(4):
            layout.setRowStretch(row, 0)
        layout.setRowStretch(3 if columns == 1 else 2, 1)

    def height_in(self, columns: int) -> int:
        """The height the groups need laid out in ``columns`` columns."""
        margins = self._layout.contentsMargins()
        spacing = max(0, self._layout.verticalSpacing())
        source, treatment, output = (group.sizeHint().height() for group in self._groups)
        if columns == 1:
            needed = source + treatment + output + 2 * spacing
        else:
            needed = max(source + treatment + spacing, output)
        return needed + margins.top() + margins.bottom()

    def _connect(self) -> None:
        self.vid.textChanged.connect(self._vid_edited)
        self.browse.clicked.connect(self.browse_requested)
        for combo in (self.task_type, self.input_quality, self.codec, self.container):
            combo.currentIndexChanged.connect(self._refresh)
        self.category.currentIndexChanged.connect(self._category_changed)
        for box in (self.use_sr, self.use_trim_orig, *self.options.values()):
            box.toggled.connect(self._refresh)
        self.size_preset.currentIndexChanged.connect(self._preset_changed)
        self.width_spin.valueChanged.connect(self._width_edited)
        self.height_spin.valueChanged.connect(self._height_edited)
        self.aspect_lock.toggled.connect(self._refresh)
        self.range_panel.changed.connect(self._refresh)
        self.submit.clicked.connect(self.request_submit)
        self.preview.clicked.connect(self.request_preview)

    # --- public --------------------------------------------------------------------------------

    @property
    def spec(self) -> TaskSpec | None:
        """The valid task the form describes, or None while anything is wrong."""
        return self._spec

    @property
    def source(self) -> SourceInfo | None:
        return self._source

    def set_source(self, source: SourceInfo | None) -> None:
        """A source chosen from the account (or uploaded): its size and length drive the rules."""
        self._source = source
        self._updating = True
        self.vid.setText(source.vid if source else "")
        self._updating = False
        self.range_panel.set_source_duration(source.duration_ms if source else None)
        self._apply_preset()
        self._refresh()
        self._refresh_deinterlace_hint()
        self.source_changed.emit(source)

    def set_busy(self, busy: bool) -> None:
        """While a submission of these settings is on its way, Submit does nothing."""
        self._busy = busy
        self._refresh_submit()

    def set_connected(self, connected: bool, waiting_tip: str = "") -> None:
        """Submit waits for the service session: disabled, with ``waiting_tip``, until then."""
        self._connected = connected
        self._waiting_tip = waiting_tip
        self._refresh_submit()

    def set_cost_text(self, text: str) -> None:
        self.cost.setText(text)

    def load_request_body(self, body: Mapping[str, object], source: SourceInfo | None) -> None:
        """Fill the form from a stored request ("edit and resubmit")."""
        try:
            spec = TaskSpec.from_request_body(
                body, source_duration_ms=source.duration_ms if source else None
            )
        except InvalidTaskSpec:
            return
        self._updating = True
        self._source = source
        self.vid.setText(spec.vid)
        _select(self.task_type, spec.task_type.value)
        _select(self.category, spec.category.value)
        _select(self.input_quality, spec.input_quality.value)
        self.use_sr.setChecked(spec.use_sr)
        self._saved_detail = {}
        for name, box in self.options.items():
            box.setEnabled(True)
            box.setChecked(bool(getattr(spec.options, name)))
        _select(self.codec, spec.codec.value)
        _select(self.container, spec.container.value)
        self.range_panel.set_source_duration(source.duration_ms if source else None)
        # The source first, so the range lands on its clip's frames, not the previous one's.
        self.source_changed.emit(source)
        self.range_panel.set_range(spec.start_pos, spec.duration)
        _select(
            self.size_preset,
            preset_for_size((spec.width, spec.height), self._size_source()) or "custom",
        )
        self.width_spin.setValue(spec.width)
        self.height_spin.setValue(spec.height)
        self.use_trim_orig.setChecked(spec.use_trim_orig)
        self._updating = False
        self._category_changed()

    def treatment(self, name: str) -> Preset | None:
        """The form's treatment and output as a preset named ``name`` (the size as its rule:
        "1080p", "2x", or the typed "WIDTHxHEIGHT"); None while the size is not valid."""
        from kokoon_desktop.core.presets import Preset
        from kokoon_desktop.core.task_spec import AiOptions

        rule = str(self.size_preset.currentData())
        if rule == "custom":
            rule = f"{self.width_spin.value()}x{self.height_spin.value()}"
        wishes = {name: box.isChecked() for name, box in self.options.items()}
        wishes.update(self._saved_detail)  # what an animation or cg masks is kept as asked
        try:
            return Preset(
                name=name,
                category=self._current_category(),
                size=rule,
                task_type=TaskType(self.task_type.currentData()),
                input_quality=InputQuality(self.input_quality.currentData()),
                use_sr=self.use_sr.isChecked(),
                options=AiOptions(**wishes),
                codec=Codec(self.codec.currentData()),
                container=Container(self.container.currentData()),
            )
        except InvalidTaskSpec:
            return None

    def apply_treatment(self, preset: Preset) -> None:
        """Set the treatment and output to a preset's (the source and range stay)."""
        self._updating = True
        _select(self.task_type, preset.task_type.value)
        _select(self.category, preset.category.value)
        _select(self.input_quality, preset.input_quality.value)
        self.use_sr.setChecked(preset.use_sr)
        self._saved_detail = {}
        for name, box in self.options.items():
            box.setEnabled(True)
            box.setToolTip("")
            box.setChecked(bool(getattr(preset.options, name)))
        _select(self.codec, preset.codec.value)
        _select(self.container, preset.container.value)
        rule = preset.size
        if self.size_preset.findData(rule) >= 0:
            _select(self.size_preset, rule)
            self._updating = False
            self._apply_preset()
        else:
            width, _, height = rule.partition("x")
            _select(self.size_preset, "custom")
            self.aspect_lock.setChecked(False)
            self.width_spin.setValue(int(width))
            self.height_spin.setValue(int(height))
            self._updating = False
        self._category_changed()

    def request_submit(self) -> None:
        self.range_panel.commit()  # a time typed without Enter is what the user sees
        if self._spec is not None and not self._busy and self.submit.isEnabled():
            self.submit_requested.emit(self._spec)

    def request_preview(self) -> None:
        self.range_panel.commit()
        if self._spec is not None and not self._busy and self.preview.isEnabled():
            self.preview_requested.emit()

    def _preview_tip(self) -> str:
        return self.tr(
            "Render a short preview of the marked range with these settings and compare it "
            "with the source before paying for the whole task (Ctrl+Shift+Enter). The service "
            "quotes full tasks only: a preview's cost is not known in advance."
        )

    # --- rules ---------------------------------------------------------------------------------

    def _current_category(self) -> Category:
        return Category(self.category.currentData())

    def _category_changed(self) -> None:
        category = self._current_category()
        ignoring = category.ignores_detail_options
        for name in DETAIL_OPTIONS:
            box = self.options[name]
            if ignoring and box.isEnabled():
                self._saved_detail[name] = box.isChecked()
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
                box.setEnabled(False)
                box.setToolTip(
                    self.tr(IGNORED_TOOLTIP).format(
                        option=self.tr(OPTION_LABELS[name]).lower(),
                        category=self.tr(CATEGORY_LABELS[category]),
                    )
                )
            elif not ignoring and not box.isEnabled():
                box.setEnabled(True)
                box.setToolTip("")
                box.blockSignals(True)
                box.setChecked(self._saved_detail.pop(name, False))
                box.blockSignals(False)
        self._refresh()

    def _vid_edited(self) -> None:
        if self._updating:
            return
        if self._source is not None and self.vid.text().strip().lower() != self._source.vid:
            self._source = None  # a typed ID: its size and length are not known
            self.range_panel.set_source_duration(None)
            self.source_changed.emit(None)
        self._refresh()

    def _size_source(self) -> tuple[int, int] | None:
        return self._source.size if self._source else None

    def _preset_changed(self) -> None:
        if not self._updating:
            self._apply_preset()
            self._refresh()

    def _apply_preset(self) -> None:
        name = self.size_preset.currentData()
        if name == "custom":
            return
        try:
            width, height = preset_size(name, self._size_source())
        except ValueError as exc:
            self.size_message.show_problem(str(exc))
            return
        self._updating = True
        self.width_spin.setValue(width)
        self.height_spin.setValue(height)
        self._updating = False

    def _width_edited(self, _value: int) -> None:
        self._dimension_edited(self.width_spin)

    def _height_edited(self, _value: int) -> None:
        self._dimension_edited(self.height_spin)

    def _dimension_edited(self, which: QSpinBox) -> None:
        if self._updating:
            return
        self._updating = True
        source = self._size_source()
        if self.aspect_lock.isChecked() and source is not None:
            try:
                if which is self.width_spin:
                    self.height_spin.setValue(height_for_width(self.width_spin.value(), source))
                else:
                    self.width_spin.setValue(width_for_height(self.height_spin.value(), source))
            except ValueError:
                pass  # the size rule below says what is wrong
        preset = preset_for_size((self.width_spin.value(), self.height_spin.value()), source)
        _select(self.size_preset, preset or "custom")
        self._updating = False
        self._refresh()

    def _refresh(self) -> None:
        if self._updating:
            return
        start, duration, start_problem, duration_problem = self.range_panel.values()
        whole_file = (start, duration) == (0, 0)
        self.use_trim_orig.setEnabled(not whole_file)
        if whole_file:
            self.use_trim_orig.setToolTip(
                self.tr("Choose a range first: with the whole file there is nothing to trim.")
            )
            if self.use_trim_orig.isChecked():
                self.use_trim_orig.blockSignals(True)
                self.use_trim_orig.setChecked(False)
                self.use_trim_orig.blockSignals(False)
        else:
            self.use_trim_orig.setToolTip(
                self.tr("Also save the selected range as a new original video.")
            )
        options = AiOptions(**{name: box.isChecked() for name, box in self.options.items()})
        fields: dict[str, object] = {
            "vid": self.vid.text().strip(),
            "category": self._current_category(),
            "width": self.width_spin.value(),
            "height": self.height_spin.value(),
            "start_pos": start,
            "duration": duration,
            "use_trim_orig": self.use_trim_orig.isChecked(),
            "source_duration_ms": self._source.duration_ms if self._source else None,
            "task_type": TaskType(self.task_type.currentData()),
            "input_quality": InputQuality(self.input_quality.currentData()),
            "use_sr": self.use_sr.isChecked(),
            "options": options,
            "codec": Codec(self.codec.currentData()),
            "container": Container(self.container.currentData()),
        }
        problems = check_task_spec(**fields)
        rules = _by_field(problems)
        by_field = dict(rules)
        if start_problem:
            by_field["start_pos"] = start_problem
        if duration_problem:
            by_field["duration"] = duration_problem
        # An empty ID is not an error to shout about; it just keeps Submit disabled.
        vid_problem = by_field.get("vid") if self.vid.text().strip() else None
        self.vid_message.show_problem(vid_problem)
        self.size_message.show_problem(by_field.get("width") or by_field.get("height"))
        # The panel shows its own unreadable entries; these are the rules' objections.
        self.range_panel.show_problems(
            rules.get("start_pos"), rules.get("duration") or rules.get("use_trim_orig")
        )
        self._spec = None
        if not by_field:
            self._spec = TaskSpec(**fields)  # type: ignore[arg-type]
        self._refresh_source_label()
        self._refresh_submit()
        self.spec_changed.emit(self._spec)

    def _refresh_deinterlace_hint(self) -> None:
        box = self.options["deinterlace"]
        interlaced = self._source is not None and self._source.interlaced
        self.deinterlace_hint.setVisible(interlaced and box.isEnabled() and not box.isChecked())

    def _refresh_source_label(self) -> None:
        source = self._source
        if source is None:
            self.source_label.setText(
                self.tr("No source chosen") if not self.vid.text() else self.tr("Video ID typed")
            )
            return
        parts = [source.name or source.vid]
        if source.size:
            parts.append(f"{source.size[0]} × {source.size[1]}")
        if source.duration_ms is not None:
            parts.append(human.duration_ms(source.duration_ms))
        if source.interlaced:
            parts.append(self.tr("interlaced"))
        self.source_label.setText(" · ".join(parts))

    def _refresh_submit(self) -> None:
        self.submit.setEnabled(self._spec is not None and not self._busy and self._connected)
        self.preview.setEnabled(self.submit.isEnabled())
        self.preview.setToolTip(self._preview_tip() if self._connected else self._waiting_tip)
        self.submit.setText(self.tr("Submitting…") if self._busy else self.tr("Submit"))
        self.submit.setToolTip(
            self.tr("Send the task (Ctrl+Enter)") if self._connected else self._waiting_tip
        )


def _by_field(problems: list[Problem]) -> dict[str, str]:
    found: dict[str, str] = {}
    for problem in problems:
        found.setdefault(problem.field, problem.message)
    return found
