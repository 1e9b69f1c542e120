"""Presets in the window: the editor (Edit ▸ Presets…), the default, and the settings last used.

The presets are the profile's (``storage.presets``, shared with ``kokoon presets``). At start
the form takes the default preset's treatment and output when there is one, else the settings
last used (kept in the settings file on every change of the form, as an unnamed preset).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from kokoon_desktop.core.presets import BUILT_IN_PRESETS, Preset, PresetsFormatError
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.paths import PRESETS_FILE_NAME
from kokoon_desktop.storage.presets import PresetBook, PresetError, PresetStore
from kokoon_desktop.ui.presets_dialog import PresetsDialog, describe

if TYPE_CHECKING:
    from kokoon_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Form changes within this time are kept as the settings last used once.
REMEMBER_DELAY_MS = 400
_LAST_USED = "Last used"


class PresetsFlow(QObject):
    """Opens the presets editor and keeps the form's settings from run to run."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.store = PresetStore(window.settings_store.path.parent / PRESETS_FILE_NAME)
        self.book = self.store.load()
        if self.store.load_problems:
            window.messages.warning(
                self.tr("Some presets could not be read."),
                details="\n".join(self.store.load_problems),
            )
        self.dialog: PresetsDialog | None = None
        self.action = QAction(self.tr("Presets…"), window)
        self.action.setObjectName("presets")
        self.action.setToolTip(self.tr("Named treatment and output settings"))
        self.action.triggered.connect(self.open_editor)
        window.menus["edit"].addAction(self.action)
        self._remember_due = False
        self._start_form()
        window.form.spec_changed.connect(lambda _spec: self._remember_soon())
        window.queue.set_presets(self.book.presets)

    # --- the form ----------------------------------------------------------------------------

    def _start_form(self) -> None:
        """The default preset's settings, else the ones last used."""
        form = self._window.form
        default = self.book.default_preset
        if default is not None:
            form.apply_treatment(default)
            return
        saved = self._window.settings_store.load().last_settings
        if saved is None:
            return
        try:
            form.apply_treatment(Preset.from_json(saved))
        except InvalidTaskSpec as exc:
            log.warning("the settings last used cannot be applied: %s", exc)

    def _remember_soon(self) -> None:
        if not self._remember_due:
            self._remember_due = True
            QTimer.singleShot(REMEMBER_DELAY_MS, self.keep_last_used)

    def keep_last_used(self) -> None:
        """Keep the form's treatment and output as the settings last used."""
        self._remember_due = False
        preset = self._window.form.treatment(_LAST_USED)
        if preset is None:
            return
        settings = self._window.settings_store
        if settings.load().last_settings == preset.to_json():
            return
        try:
            settings.update(last_settings=preset.to_json())
        except (OSError, ValueError) as exc:
            log.warning("The form's settings could not be kept: %s", exc)

    # --- the editor --------------------------------------------------------------------------

    def open_editor(self) -> PresetsDialog:
        if self.dialog is None:
            dialog = self.dialog = PresetsDialog(self._window)
            dialog.chosen_changed.connect(self._chosen_changed)
            dialog.name.textChanged.connect(lambda _text: self._refresh_buttons())
            dialog.apply.clicked.connect(self.apply_chosen)
            dialog.save_form.clicked.connect(self.save_form)
            dialog.update_from_form.clicked.connect(self.update_chosen)
            dialog.rename.clicked.connect(self.rename_chosen)
            dialog.delete.clicked.connect(self.delete_chosen)
            dialog.set_default.clicked.connect(lambda: self._set_default(True))
            dialog.clear_default.clicked.connect(lambda: self._set_default(False))
            dialog.restore.clicked.connect(lambda: self._change(self.store.restore_built_ins))
            dialog.import_button.clicked.connect(self.choose_import)
            dialog.export_button.clicked.connect(self.choose_export)
        self.book = self.store.load()
        self._show()
        self.dialog.open()
        return self.dialog

    def _show(self, chosen: str | None = None) -> None:
        if self.dialog is not None:
            current = self.dialog.chosen()
            name = chosen or (current.name if current is not None else None)
            self.dialog.show_presets(self.book.presets, self.book.default, name)
        self._window.queue.set_presets(self.book.presets)

    def _chosen_changed(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        preset = dialog.chosen()
        dialog.details.setText(describe(preset) if preset is not None else "")
        if preset is not None:
            dialog.name.setText(preset.name)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        preset = dialog.chosen()
        typed = dialog.name.text().strip()
        form_ready = self._window.form.treatment(_LAST_USED) is not None
        taken = self.book.get(typed) is not None if typed else True
        dialog.apply.setEnabled(preset is not None)
        dialog.save_form.setEnabled(bool(typed) and not taken and form_ready)
        dialog.update_from_form.setEnabled(preset is not None and form_ready)
        dialog.rename.setEnabled(preset is not None and bool(typed) and typed != preset.name)
        dialog.delete.setEnabled(preset is not None)
        is_default = preset is not None and preset.name == self.book.default
        dialog.set_default.setEnabled(preset is not None and not is_default)
        dialog.clear_default.setEnabled(self.book.default is not None)
        dialog.export_button.setEnabled(bool(self.book.presets))
        dialog.restore.setEnabled(any(self.book.get(p.name) is None for p in BUILT_IN_PRESETS))

    def _change(self, change: object, *args: object, chosen: str | None = None) -> bool:
        """Run a change of the store; its refusal or failure is said in the window."""
        assert callable(change)
        try:
            self.book = change(*args)
        except PresetError as exc:
            self._window.messages.warning(str(exc))
            return False
        except InvalidTaskSpec as exc:
            self._window.messages.warning(str(exc))
            return False
        except OSError as exc:
            self._window.messages.error(
                self.tr("The presets could not be saved: {reason}").format(reason=exc)
            )
            return False
        self._show(chosen)
        return True

    def _form_preset(self, name: str) -> Preset | None:
        preset = self._window.form.treatment(name)
        if preset is None:
            self._window.messages.warning(
                self.tr("The form's output size is not valid: fix it first.")
            )
        return preset

    def apply_chosen(self) -> None:
        preset = self.dialog.chosen() if self.dialog is not None else None
        if preset is None:
            return
        self._window.form.apply_treatment(preset)
        self._window.messages.info(
            self.tr("The form has the settings of {name}.").format(name=preset.name)
        )

    def save_form(self) -> None:
        if self.dialog is None:
            return
        try:
            preset = self._form_preset(self.dialog.name.text())
        except InvalidTaskSpec as exc:
            self._window.messages.warning(str(exc))
            return
        if preset is not None:
            self._change(self.store.create, preset, chosen=preset.name)

    def update_chosen(self) -> None:
        chosen = self.dialog.chosen() if self.dialog is not None else None
        if chosen is None:
            return
        preset = self._form_preset(chosen.name)
        if preset is not None:
            self._change(self.store.update, chosen.name, preset, chosen=chosen.name)

    def rename_chosen(self) -> None:
        if self.dialog is None:
            return
        chosen = self.dialog.chosen()
        new_name = self.dialog.name.text().strip()
        if chosen is not None and new_name:
            self._change(self.store.rename, chosen.name, new_name, chosen=new_name)

    def delete_chosen(self) -> None:
        chosen = self.dialog.chosen() if self.dialog is not None else None
        if chosen is not None:
            self._change(self.store.delete, chosen.name)

    def _set_default(self, on: bool) -> None:
        chosen = self.dialog.chosen() if self.dialog is not None else None
        name = chosen.name if on and chosen is not None else None
        self._change(self.store.set_default, name, chosen=chosen.name if chosen else None)

    # --- sharing -----------------------------------------------------------------------------

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.dialog, self.tr("Import presets"), "", self.tr("Presets (*.json)")
        )
        if name:
            self.import_from(Path(name))

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.dialog, self.tr("Export presets"), "presets.json", self.tr("Presets (*.json)")
        )
        if name:
            self.export_to(Path(name))

    def import_from(self, path: Path) -> None:
        messages = self._window.messages
        try:
            report = self.store.import_file(path)
        except PresetsFormatError as exc:
            messages.error(self.tr("Nothing was imported: {reason}").format(reason=exc))
            return
        except OSError as exc:
            messages.error(
                self.tr("Nothing was imported: {path} cannot be read ({reason}).").format(
                    path=path, reason=exc.strerror or exc
                )
            )
            return
        self.book = self.store.load()
        self._show()
        count = len(report.added) + len(report.renamed) + len(report.replaced)
        if count == 0:
            text = self.tr("Nothing new: the presets of {name} are here already.")
        elif count == 1:
            text = self.tr("1 preset imported from {name}.")
        else:
            text = self.tr("{count} presets imported from {name}.")
        text = text.format(count=count, name=path.name)
        if report.renamed:
            text += " " + self.tr("Renamed as names were taken: {names}.").format(
                names=", ".join(f"{old} → {new}" for old, new in report.renamed)
            )
        if report.problems:
            messages.warning(text, details="\n".join(report.problems))
        else:
            messages.info(text)

    def export_to(self, path: Path) -> None:
        try:
            count = self.store.export(path)
        except (OSError, PresetError) as exc:
            self._window.messages.error(
                self.tr("The presets could not be exported: {reason}").format(reason=exc)
            )
            return
        self._window.messages.info(
            self.tr("{count} presets exported to {path}.").format(count=count, path=path)
        )

    @property
    def presets(self) -> PresetBook:
        return self.book
