"""Presets in the window, as a user keeps them: saved from the form, applied, made the default,
shared as a file, and the form's settings remembered from one run to the next."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.messages import Level
from kokoon_desktop.ui.presets_dialog import PresetsDialog
from tests.ui.window_fixtures import (
    WindowHarness,
    choose,
    click,
    closes_windows,
    shown_message,
    type_into,
    until,
)


async def opened(qtbot: QtBot, harness: WindowHarness) -> MainWindow:
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    return window


def editor(window: MainWindow) -> PresetsDialog:
    window.presets.action.trigger()  # Edit ▸ Presets…
    dialog = window.presets.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def names(dialog: PresetsDialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def choose_preset(dialog: PresetsDialog, name: str) -> None:
    dialog.list.setCurrentRow(names(dialog).index(name))


@closes_windows
async def test_a_preset_saved_from_the_form_is_applied_and_made_the_default(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await opened(qtbot, harness)
    form = window.form
    dialog = editor(window)
    # The built-in starting points are there.
    assert "Animation 2x" in names(dialog) and "Interview 1080p" in names(dialog)
    choose(qtbot, form.category, "Retro")
    choose(qtbot, form.codec, "H.265 (HEVC)")
    choose(qtbot, form.size_preset, "2160p (4K UHD)")
    type_into(qtbot, dialog.name, "Old reels")
    click(qtbot, dialog.save_form)
    assert "Old reels" in names(dialog)
    assert "Category: Retro" in dialog.details.text()
    # Apply another one: the form follows.
    choose_preset(dialog, "Animation 2x")
    click(qtbot, dialog.apply)
    assert form.category.currentData() == "animation" and form.codec.currentData() == "h264"
    assert not form.options["denoise"].isEnabled()  # the form's own rule for animation
    # Rename and make it the default.
    choose_preset(dialog, "Old reels")
    type_into(qtbot, dialog.name, "Archive reels")
    click(qtbot, dialog.rename)
    assert "Archive reels" in names(dialog)
    click(qtbot, dialog.set_default)
    assert "Archive reels (default)" in names(dialog)
    # Delete one of the built-ins.
    choose_preset(dialog, "Preview 2x")
    click(qtbot, dialog.delete)
    assert "Preview 2x" not in names(dialog)
    # The queue offers the presets for its items.
    combo = window.queue_pane.preset
    assert "Archive reels" in [combo.itemText(i) for i in range(combo.count())]
    dialog.close()
    await harness.close_window(window)

    again = await opened(qtbot, harness)  # the default is what the form starts with
    assert again.form.category.currentData() == "retro"
    assert again.form.codec.currentData() == "h265"
    assert again.form.size_preset.currentData() == "2160p"


@closes_windows
async def test_the_form_remembers_the_settings_last_used(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await opened(qtbot, harness)
    form = window.form
    choose(qtbot, form.category, "Person")
    choose(qtbot, form.input_quality, "High")
    click(qtbot, form.options["face_enhance"])
    choose(qtbot, form.container, "MKV")
    await harness.close_window(window)

    again = await opened(qtbot, harness)
    form = again.form
    assert form.category.currentData() == "person"
    assert form.input_quality.currentData() == "high"
    assert form.options["face_enhance"].isChecked()
    assert form.container.currentData() == "mkv"


@closes_windows
async def test_presets_travel_as_a_file(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await opened(qtbot, harness)
    dialog = editor(window)
    shared = tmp_path / "studio presets.json"
    window.presets.export_to(shared)  # what Export… does with the file chosen
    document = json.loads(shared.read_text(encoding="utf-8"))
    assert document["format"] == "kokoon-desktop-presets"
    assert [p["name"] for p in document["presets"]] == [
        name.removesuffix(" (default)") for name in names(dialog)
    ]
    assert "presets exported to" in shown_message(window)[1]
    # Imported back: the same presets add nothing; a changed one with a taken name is kept
    # beside the profile's, numbered.
    window.presets.import_from(shared)
    assert shown_message(window)[1] == (
        "Nothing new: the presets of studio presets.json are here already."
    )
    document["presets"][1]["codec"] = "h265"
    shared.write_text(json.dumps(document), encoding="utf-8")
    window.presets.import_from(shared)
    assert "Animation 2x (2)" in names(dialog)
    assert shown_message(window)[1] == (
        "1 preset imported from studio presets.json. Renamed as names were taken: "
        "Animation 2x → Animation 2x (2)."
    )
    # A file that is not presets is refused whole, with the reason.
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    window.presets.import_from(bad)
    level, text = shown_message(window)
    assert level is Level.ERROR
    assert text.startswith("Nothing was imported: This is not a presets file")
