"""A computer without a keychain: said only when a token is involved, calmly and in the app's
own words, with keyring's reason behind "Why?"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kokoon_desktop.services.connection import Connection
from kokoon_desktop.services.service_config import NO_KEYCHAIN_NOTICE, Notice
from kokoon_desktop.ui.messages import Level
from tests.ui.window_fixtures import WindowHarness, closes_windows, until

WHY = "No working system keychain (fail Keyring: No recommended backend was available.)"


@closes_windows
async def test_a_token_kept_until_quitting_is_said_with_its_reason_behind_why(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    plain = harness._connection

    def with_notice() -> Connection:
        connection = plain()
        connection.notices.append(Notice(NO_KEYCHAIN_NOTICE, WHY))
        return connection

    harness._connection = with_notice  # type: ignore[method-assign]
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    said = [m for m in window.messages.history() if m.text == NO_KEYCHAIN_NOTICE]
    assert len(said) == 1 and said[0].level is Level.INFO  # a notice, not an alarm
    bar = window.notification_bar
    assert bar.details_button.isVisible() and bar.details_button.text() == "Why?"
    qtbot.mouseClick(bar.details_button, Qt.MouseButton.LeftButton)
    assert bar.details_view.isVisible() and bar.details_view.toPlainText() == WHY
    assert not any("keyrings.alt" in m.text for m in window.messages.history())


@closes_windows
async def test_the_demo_says_nothing_of_keychains(qtbot: QtBot, harness: WindowHarness) -> None:
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert not any("keychain" in m.text.lower() for m in window.messages.history())
