"""The presets editor: the profile's named presets, the default among them, and what they hold.

Widgets only: ``ui/flows/presets.py`` fills the list and does what the buttons ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core.labels import CATEGORY_LABELS
from kokoon_desktop.core.presets import MAX_NAME_LENGTH, Preset
from kokoon_desktop.core.task_spec import DETAIL_OPTIONS
from kokoon_desktop.ui.task_form import OPTION_LABELS

__all__ = ["PresetsDialog", "describe"]


def describe(preset: Preset) -> str:
    """What a preset holds, in a few lines for people."""
    options = [name for name in preset.options.to_dict() if getattr(preset.options, name)]
    if preset.category.ignores_detail_options:
        options = [name for name in options if name not in DETAIL_OPTIONS]
    kind = (
        QCoreApplication.translate("PresetsDialog", "Preview")
        if preset.task_type.value == "SR_PREVIEW"
        else QCoreApplication.translate("PresetsDialog", "Full task")
    )
    on = (
        QCoreApplication.translate("PresetsDialog", "on")
        if preset.use_sr
        else QCoreApplication.translate("PresetsDialog", "off")
    )
    shown_options = ", ".join(
        QCoreApplication.translate("TaskForm", OPTION_LABELS[name]) for name in options
    )
    lines = [
        QCoreApplication.translate("PresetsDialog", "Task: {kind}").format(kind=kind),
        QCoreApplication.translate(
            "PresetsDialog", "Category: {category} · input quality {quality}"
        ).format(
            category=QCoreApplication.translate("TaskForm", CATEGORY_LABELS[preset.category]),
            quality=preset.input_quality.value,
        ),
        QCoreApplication.translate("PresetsDialog", "Super-resolution: {on}").format(on=on),
        QCoreApplication.translate("PresetsDialog", "AI options: {options}").format(
            options=shown_options or QCoreApplication.translate("PresetsDialog", "none")
        ),
        QCoreApplication.translate("PresetsDialog", "Size: {size} · {codec} {container}").format(
            size=preset.size,
            codec=preset.codec.value.upper(),
            container=preset.container.value.upper(),
        ),
    ]
    return "\n".join(lines)


class PresetsDialog(QDialog):
    """The list of presets and the buttons that change them."""

    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presets_dialog")
        self.setWindowTitle(self.tr("Presets"))
        self.list = QListWidget()
        self.list.setObjectName("presets_list")
        self.list.setAccessibleName(self.tr("Presets"))
        self.details = QLabel()
        self.details.setObjectName("preset_details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumWidth(260)
        self.name = QLineEdit()
        self.name.setObjectName("preset_name")
        self.name.setAccessibleName(self.tr("Preset name"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.setMaxLength(MAX_NAME_LENGTH)

        def button(name: str, text: str, tip: str) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.setToolTip(tip)
            made.setAutoDefault(False)
            return made

        self.save_form = button("preset_save_form", self.tr("Save form as preset"), self.tr(
            "A new preset with the form's treatment and output, named as typed"
        ))  # fmt: skip
        self.rename = button("preset_rename", self.tr("Rename"), self.tr(
            "Give the selected preset the name typed"
        ))  # fmt: skip
        self.update_from_form = button("preset_update", self.tr("Update from form"), self.tr(
            "Give the selected preset the form's treatment and output"
        ))  # fmt: skip
        self.delete = button("preset_delete", self.tr("Delete"), self.tr(
            "Delete the selected preset"
        ))  # fmt: skip
        self.set_default = button("preset_default", self.tr("Set as default"), self.tr(
            "The form starts with the default preset's settings"
        ))  # fmt: skip
        self.clear_default = button("preset_no_default", self.tr("No default"), self.tr(
            "The form starts with the settings last used"
        ))  # fmt: skip
        self.apply = button("preset_apply", self.tr("Apply to form"), self.tr(
            "Set the form's treatment and output to the selected preset's"
        ))  # fmt: skip
        self.import_button = button("preset_import", self.tr("Import…"), self.tr(
            "Add the presets of a presets file (a name already taken gets a number)"
        ))  # fmt: skip
        self.export_button = button("preset_export", self.tr("Export…"), self.tr(
            "Write every preset to a presets file to share"
        ))  # fmt: skip
        self.restore = button("preset_restore", self.tr("Restore built-ins"), self.tr(
            "Add back the built-in starting points that were deleted or renamed"
        ))  # fmt: skip

        actions = QGridLayout()
        for index, widget in enumerate(
            (
                self.apply,
                self.save_form,
                self.update_from_form,
                self.rename,
                self.set_default,
                self.clear_default,
                self.delete,
                self.restore,
                self.import_button,
                self.export_button,
            )
        ):
            actions.addWidget(widget, index // 2, index % 2)
        right = QVBoxLayout()
        right.addWidget(self.details, 1)
        right.addWidget(self.name)
        right.addLayout(actions)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(lambda _row: self.chosen_changed.emit())
        self.resize(640, 380)

    def show_presets(
        self, presets: Sequence[Preset], default: str | None, chosen: str | None = None
    ) -> None:
        """List the presets (the default marked), keeping ``chosen`` selected if it is there."""
        self.list.blockSignals(True)
        self.list.clear()
        for preset in presets:
            text = preset.name
            if default is not None and preset.name == default:
                text = self.tr("{name} (default)").format(name=preset.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, preset)
            self.list.addItem(item)
        names = [preset.name for preset in presets]
        row = names.index(chosen) if chosen in names else (0 if names else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.chosen_changed.emit()

    def chosen(self) -> Preset | None:
        item = self.list.currentItem()
        preset = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return preset if isinstance(preset, Preset) else None
