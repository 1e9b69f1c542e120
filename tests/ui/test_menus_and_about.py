"""The menu bar (File, Edit, View, Help) carries every action of the toolbar, Settings, the
presets, About and Quit; About shows the versions a bug report needs and the licences shipped
with the app; the title names the mode once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from kokoon_desktop import __version__
from kokoon_desktop.ui.about_dialog import AboutDialog, licence_files, versions
from tests.ui.window_fixtures import WindowHarness, closes_windows, until


@closes_windows
async def test_the_menus_hold_every_action(qtbot: QtBot, harness: WindowHarness) -> None:
    window = harness.open_window(qtbot)
    menus = {name: [a.objectName() for a in menu.actions()] for name, menu in window.menus.items()}
    assert menus["file"] == ["upload", "history_download", "", "quit"]
    assert menus["edit"] == ["settings", "presets"]
    assert menus["view"] == ["refresh", "shortcuts"]
    assert menus["help"] == ["shortcuts", "", "about"]
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    await until(lambda: window.session is not None)
    assert window.windowTitle() == "Demo — Kokoon Desktop"  # the platform adds no second name


@closes_windows
async def test_about_opens_from_the_help_menu(qtbot: QtBot, harness: WindowHarness) -> None:
    window = harness.open_window(qtbot)
    window.about_action.trigger()
    await until(lambda: window.findChild(AboutDialog) is not None)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit, "about_versions")
    assert text is not None and f"Kokoon Desktop: {__version__}" in text.toPlainText()
    dialog.close()


def test_about_names_the_versions_a_bug_report_needs(qtbot: QtBot) -> None:
    names = dict(versions())
    assert names["Kokoon Desktop"] == __version__
    for component in ("Python", "Qt", "PySide6", "PyAV", "httpx", "FFmpeg (libavcodec)"):
        assert names[component] and names[component] != "not installed", component


def test_about_shows_the_licences_and_copies_the_versions(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert [p.name for p in licence_files()] == ["LICENSE"]  # a checkout has no notices file
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    button = dialog.findChild(QPushButton, "copy_versions")
    assert button is not None
    button.click()
    assert QApplication.clipboard().text() == dialog.versions_text.toPlainText()


@closes_windows
async def test_the_toolbar_has_icons_in_the_palettes_colours(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    from PySide6.QtGui import QPalette

    from kokoon_desktop.ui.style import dark_palette

    window = harness.open_window(qtbot)
    actions = [window.upload_action, window.refresh_action, window.download_action,
               window.settings_action, window.shortcuts_action]  # fmt: skip
    assert all(not action.icon().isNull() for action in actions)

    def ink(palette: QPalette) -> set[int]:
        image = window.settings_action.icon().pixmap(24, 24).toImage()
        return {image.pixelColor(x, y).rgb() for x in range(24) for y in range(24)
                if image.pixelColor(x, y).alpha() > 200}  # fmt: skip

    light = ink(window.palette())
    window.setPalette(dark_palette())
    await until(lambda: ink(window.palette()) != light)
    text = dark_palette().color(QPalette.ColorRole.ButtonText).rgb()
    assert text in ink(window.palette())
