"""The settings and sign-in dialog, driven like a user against the in-process simulator."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme
from kokoon_desktop.core.output_naming import DEFAULT_TEMPLATE
from kokoon_desktop.log import redact
from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.services.service_config import CommandLine
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.storage.token_store import (
    SERVICE_NAME,
    KeyringTokenStore,
    KeyringUnavailableError,
    account_for,
)
from kokoon_desktop.ui.messages import Level
from kokoon_desktop.ui.settings_dialog import SettingsChoice, SettingsDialog
from tests.keyring_stub import MemoryKeyring


@dataclass
class ClientFactory:
    """Builds clients on the simulator and remembers what it was asked for."""

    sandbox: Sandbox
    calls: list[tuple[str, str, AuthScheme]] = field(default_factory=list)
    clients: list[KokoonClient] = field(default_factory=list)

    def __call__(self, base_url: str, token: str, scheme: AuthScheme) -> KokoonClient:
        self.calls.append((base_url, token, scheme))
        client = KokoonClient(
            token=token, base_url=base_url, auth_scheme=scheme, transport=self.sandbox.transport()
        )
        self.clients.append(client)
        return client


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig()) as sb:
        yield sb


@pytest.fixture
def make_client(sandbox: Sandbox) -> ClientFactory:
    return ClientFactory(sandbox)


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "config" / "settings.json")


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    """The dialog's parent, as in the app: closing the dialog must not end the application."""
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def open_dialog(
    window: QMainWindow, store: SettingsStore, make_client: ClientFactory
) -> Callable[..., SettingsDialog]:
    def open_(environ: dict[str, str] | None = None, **options: object) -> SettingsDialog:
        dialog = SettingsDialog(
            store,
            make_client,
            environ=environ or {},
            parent=window,
            **options,  # type: ignore[arg-type]
        )
        dialog.show()
        return dialog

    return open_


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Select everything in the field and type over it, as a user does."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


async def _until(condition: Callable[[], object], timeout_s: float = 10.0) -> None:
    """Poll without blocking the loop (a blocking qtbot wait would starve asyncio)."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def _assert_closed(client: KokoonClient) -> None:
    with pytest.raises(RuntimeError, match="closed"):
        await client.get_credit()


def test_the_address_is_checked_as_you_type(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], sandbox: Sandbox
) -> None:
    dialog = open_dialog()
    assert dialog.api_url.text() == DEFAULT_BASE_URL
    assert dialog.url_problem.isHidden() and dialog.ok_button.isEnabled()

    _retype(qtbot, dialog.api_url, "http://kokoon.example.com/api")
    assert dialog.url_problem.isVisible()
    assert "Refusing plain http:// for kokoon.example.com" in dialog.url_problem.text()
    assert dialog.url_problem.tone == "error"
    assert not dialog.ok_button.isEnabled() and not dialog.test_button.isEnabled()

    _retype(qtbot, dialog.api_url, "https://me:hunter2@kokoon.example.com/api")
    assert "user name or password" in dialog.url_problem.text()
    assert "hunter2" not in dialog.url_problem.text()

    _retype(qtbot, dialog.api_url, "")
    assert "Enter the API's address" in dialog.url_problem.text()
    assert not dialog.ok_button.isEnabled()

    _retype(qtbot, dialog.api_url, sandbox.base_url)  # plain http, but loopback: fine
    assert dialog.url_problem.isHidden()
    assert dialog.ok_button.isEnabled() and dialog.test_button.isEnabled()

    _click(qtbot, dialog.reset_url)
    assert dialog.api_url.text() == DEFAULT_BASE_URL


async def test_test_connection_shows_the_credit_and_closes_its_client(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    make_client: ClientFactory,
) -> None:
    dialog = open_dialog()
    _retype(qtbot, dialog.api_url, sandbox.base_url)
    qtbot.keyClicks(dialog.token, DEMO_TOKEN)
    _click(qtbot, dialog.test_button)
    assert not dialog.test_button.isEnabled(), "one test at a time"
    assert dialog.test_result.text() == "Connecting to api.sandbox.localhost…"

    await _until(lambda: not dialog.is_testing())
    assert dialog.test_result.text() == "Connected — credit left: 5,000"
    assert dialog.test_result.tone == "success"
    assert dialog.test_button.isEnabled()
    assert make_client.calls == [(sandbox.base_url, DEMO_TOKEN, AuthScheme.RAW)]
    assert [(r.method, r.path.rsplit("/v3", 1)[1]) for r in sandbox.requests] == [
        ("GET", "/credit/me")
    ]
    await _assert_closed(make_client.clients[0])


async def test_a_refused_token_and_a_failing_server_say_why(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], sandbox: Sandbox
) -> None:
    dialog = open_dialog()
    _retype(qtbot, dialog.api_url, sandbox.base_url)
    qtbot.keyClicks(dialog.token, "not-the-right-token")
    _click(qtbot, dialog.test_button)
    await _until(lambda: not dialog.is_testing())
    assert "The service refused the API token (401)" in dialog.test_result.text()
    assert dialog.test_result.tone == "error"

    sandbox.faults.add(match="GET /credit/me", status=500, message="boom", times=1)
    _retype(qtbot, dialog.token, DEMO_TOKEN)
    _click(qtbot, dialog.test_button)
    await _until(lambda: not dialog.is_testing())
    assert "The service failed (500): boom" in dialog.test_result.text()
    assert dialog.test_button.isEnabled() and dialog.ok_button.isEnabled()


def test_testing_without_a_token_asks_for_one(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], make_client: ClientFactory
) -> None:
    dialog = open_dialog()
    assert "No token saved" in dialog.token_note.text()
    _click(qtbot, dialog.test_button)
    assert dialog.test_result.text() == "Enter an API token to test the connection."
    assert make_client.calls == [], "nothing is sent without a token"


async def test_editing_during_a_test_stops_it(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    make_client: ClientFactory,
) -> None:
    sandbox.faults.add(match="GET /credit/me", slow_s=30, times=1)
    dialog = open_dialog()
    _retype(qtbot, dialog.api_url, sandbox.base_url)
    qtbot.keyClicks(dialog.token, DEMO_TOKEN)
    _click(qtbot, dialog.test_button)
    await _until(lambda: sandbox.requests)
    assert dialog.is_testing()

    qtbot.keyClicks(dialog.token, "x")  # the result would be about another token
    assert not dialog.is_testing()
    assert dialog.test_result.isHidden() and dialog.test_button.isEnabled()
    # The test's client is closed as its cancelled check winds down.
    client = make_client.clients[0]
    await _until(lambda: client._http.is_closed)
    await _assert_closed(client)


async def test_ok_saves_the_token_in_the_keychain_and_the_rest_in_settings(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    store: SettingsStore,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = open_dialog()
    _retype(qtbot, dialog.api_url, sandbox.base_url + "/")
    dialog.auth_scheme.setFocus()
    qtbot.keyClick(dialog.auth_scheme, Qt.Key.Key_Down)  # "Bearer token"
    qtbot.keyClicks(dialog.token, "  tok-0123456789abcdef  ")
    qtbot.keyClick(dialog.demo_mode, Qt.Key.Key_Space)
    _click(qtbot, dialog.ok_button)

    assert not dialog.isVisible()
    assert dialog.choice() == SettingsChoice(
        api_url=sandbox.base_url,
        auth_scheme=AuthScheme.BEARER,
        demo_mode=True,
        token_changed=True,
    )
    assert memory_keyring.entries == {
        (SERVICE_NAME, account_for(sandbox.base_url)): "tok-0123456789abcdef"
    }
    saved = store.load()
    assert (saved.api_url, saved.auth_scheme, saved.demo_mode) == (
        sandbox.base_url,
        AuthScheme.BEARER,
        True,
    )
    assert "tok-0123456789abcdef" not in store.path.read_text(encoding="utf-8")
    assert "tok-0123456789abcdef" not in redact("sent tok-0123456789abcdef to the log")


def test_show_reveals_the_typed_token(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog]
) -> None:
    dialog = open_dialog()
    qtbot.keyClicks(dialog.token, "secret-value")
    assert dialog.token.echoMode() == QLineEdit.EchoMode.Password
    _click(qtbot, dialog.show_token)
    assert dialog.token.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.show_token.text() == "Hide"
    _click(qtbot, dialog.show_token)
    assert dialog.token.echoMode() == QLineEdit.EchoMode.Password


async def test_a_saved_token_is_used_for_testing_and_can_be_removed(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    store: SettingsStore,
    make_client: ClientFactory,
    memory_keyring: MemoryKeyring,
) -> None:
    store.update(api_url=sandbox.base_url)
    KeyringTokenStore(sandbox.base_url).save(DEMO_TOKEN)
    dialog = open_dialog()
    assert dialog.token.text() == "", "a saved token is never put back on screen"
    assert "saved in the system keychain" in dialog.token_note.text()
    assert dialog.forget_token.isEnabled()

    _click(qtbot, dialog.test_button)
    await _until(lambda: not dialog.is_testing())
    assert dialog.test_result.text() == "Connected — credit left: 5,000"
    assert make_client.calls[0][1] == DEMO_TOKEN

    _click(qtbot, dialog.forget_token)
    assert "will be removed" in dialog.token_note.text()
    assert memory_keyring.entries, "nothing is removed before OK"
    _click(qtbot, dialog.ok_button)
    assert memory_keyring.entries == {}
    choice = dialog.choice()
    assert choice is not None and choice.token_changed


@pytest.fixture
def no_keychain(memory_keyring: MemoryKeyring) -> Iterator[None]:
    """keyring's ``fail`` backend, the one a headless Linux box picks: every call raises."""
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(memory_keyring)


async def test_without_a_keychain_the_token_is_kept_for_the_session_and_the_dialog_says_so(
    qtbot: QtBot,
    no_keychain: None,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    store: SettingsStore,
) -> None:
    dialog = open_dialog()
    assert dialog.keyring_notice.isVisible()
    notice = dialog.keyring_notice
    assert notice.text() == (
        "This computer has no keychain the app can use: a token you enter will be kept until "
        "you quit."
    )
    assert notice.level is Level.INFO and notice.why_button.isVisible()
    assert "keyrings.alt" not in notice.why

    _retype(qtbot, dialog.api_url, sandbox.base_url)
    qtbot.keyClicks(dialog.token, DEMO_TOKEN)
    _click(qtbot, dialog.test_button)
    await _until(lambda: not dialog.is_testing())
    assert dialog.test_result.text() == "Connected — credit left: 5,000"

    _click(qtbot, dialog.ok_button)  # warned already: OK closes
    assert not dialog.isVisible()
    assert dialog.session_store.load() == DEMO_TOKEN
    assert not dialog.session_store.persistent
    choice = dialog.choice()
    assert choice is not None and choice.token_changed
    assert DEMO_TOKEN not in store.path.read_text(encoding="utf-8")


class RefusesToSave:
    """A keychain that can be read but refuses to store (a locked or read-only keychain)."""

    persistent = True

    def load(self) -> str | None:
        return None

    def save(self, token: str) -> None:
        raise KeyringUnavailableError("The keychain refused to store the token (locked)")

    def delete(self) -> None:
        return None


def test_a_keychain_that_refuses_to_save_warns_before_the_dialog_closes(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], store: SettingsStore
) -> None:
    dialog = open_dialog(token_store_for=lambda url: RefusesToSave())
    assert dialog.keyring_notice.isHidden()
    qtbot.keyClicks(dialog.token, "tok-abcdef123456")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible(), "the user sees the warning before the dialog goes away"
    assert "will be kept until you quit" in dialog.keyring_notice.text()
    assert "locked" in dialog.keyring_notice.why, "the keychain's own words, on demand"
    _click(qtbot, dialog.keyring_notice.why_button)
    assert dialog.keyring_notice.why_label.isVisible()
    assert dialog.session_store.load() == "tok-abcdef123456"
    assert not store.path.exists()

    _click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert dialog.choice() is not None
    assert "tok-abcdef123456" not in store.path.read_text(encoding="utf-8")


async def test_environment_variables_win_and_their_fields_are_read_only(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    store: SettingsStore,
    make_client: ClientFactory,
    memory_keyring: MemoryKeyring,
) -> None:
    environ = {
        "KOKOON_API_URL": sandbox.base_url,
        "KOKOON_TOKEN": DEMO_TOKEN,
        "KOKOON_AUTH_SCHEME": "bearer",
    }
    dialog = open_dialog(environ)
    assert dialog.api_url.text() == sandbox.base_url and dialog.api_url.isReadOnly()
    assert "KOKOON_API_URL" in dialog.url_note.text() and dialog.url_note.isVisible()
    assert not dialog.reset_url.isEnabled()
    assert dialog.token.isReadOnly() and not dialog.show_token.isEnabled()
    assert "KOKOON_TOKEN" in dialog.token_note.text()
    assert not dialog.auth_scheme.isEnabled()
    assert dialog.auth_scheme.currentData() == "bearer"

    qtbot.keyClicks(dialog.api_url, "/elsewhere")
    assert dialog.api_url.text() == sandbox.base_url

    _click(qtbot, dialog.test_button)
    await _until(lambda: not dialog.is_testing())
    assert dialog.test_result.text() == "Connected — credit left: 5,000"
    assert make_client.calls == [(sandbox.base_url, DEMO_TOKEN, AuthScheme.BEARER)]

    _click(qtbot, dialog.ok_button)
    assert dialog.choice() == SettingsChoice(
        api_url=sandbox.base_url, auth_scheme=AuthScheme.BEARER, demo_mode=False,
        token_changed=False,
    )  # fmt: skip
    saved = store.load()
    assert saved.api_url == DEFAULT_BASE_URL, "the environment's value is not made permanent"
    assert saved.auth_scheme is AuthScheme.RAW
    assert memory_keyring.entries == {}


def test_the_address_given_on_the_command_line_wins_and_is_not_saved(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    sandbox: Sandbox,
    store: SettingsStore,
) -> None:
    environ = {"KOKOON_API_URL": "https://env.example.test/kokoon/api/sr/v3"}
    dialog = open_dialog(environ, command_line=CommandLine(api_url=sandbox.base_url))
    assert dialog.api_url.text() == sandbox.base_url and dialog.api_url.isReadOnly()
    assert dialog.url_note.text() == (
        "Set by --api-url on the command line, which takes precedence over this setting."
    )
    assert dialog.auth_scheme.isEnabled() and not dialog.token.isReadOnly()

    _click(qtbot, dialog.ok_button)
    choice = dialog.choice()
    assert choice is not None and choice.api_url == sandbox.base_url
    assert store.load().api_url == DEFAULT_BASE_URL, "the command line's value is not saved"


def test_cancel_changes_nothing(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    store: SettingsStore,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = open_dialog()
    qtbot.keyClicks(dialog.token, "tok-abcdef123456")
    qtbot.keyClick(dialog.demo_mode, Qt.Key.Key_Space)
    assert dialog.demo_mode.isChecked()
    _click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible() and dialog.choice() is None
    assert not store.path.exists() and memory_keyring.entries == {}


def test_settings_that_cannot_be_written_keep_the_dialog_open(
    qtbot: QtBot, window: QMainWindow, tmp_path: Path, make_client: ClientFactory
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    dialog = SettingsDialog(SettingsStore(blocker / "settings.json"), make_client, parent=window)
    dialog.show()
    qtbot.keyClick(dialog.demo_mode, Qt.Key.Key_Space)
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.choice() is None
    assert "The settings could not be saved" in dialog.save_problem.text()


def test_every_control_has_automation_names(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog]
) -> None:
    dialog = open_dialog()
    controls = (
        dialog.api_url,
        dialog.reset_url,
        dialog.auth_scheme,
        dialog.token,
        dialog.show_token,
        dialog.forget_token,
        dialog.test_button,
        dialog.demo_mode,
        dialog.auto_download,
        dialog.next_to_source,
        dialog.chosen_folder,
        dialog.output_dir,
        dialog.choose_folder,
        dialog.name_template,
        dialog.reset_template,
        dialog.ok_button,
        dialog.cancel_button,
    )
    names = [(control.objectName(), control.accessibleName()) for control in controls]
    assert all(name and accessible for name, accessible in names)
    assert len({name for name, _ in names}) == len(names)


# --- results ---------------------------------------------------------------------------------


def test_results_start_automatic_next_to_the_source_with_the_default_names(
    open_dialog: Callable[..., SettingsDialog],
) -> None:
    dialog = open_dialog()
    assert dialog.auto_download.isChecked()
    assert dialog.next_to_source.isChecked() and not dialog.chosen_folder.isChecked()
    assert dialog.next_to_source.text() == "Next to the source file (else Videos/Kokoon)"
    assert not dialog.output_dir.isEnabled() and dialog.choose_folder.isEnabled()
    assert dialog.name_template.text() == DEFAULT_TEMPLATE
    assert dialog.name_example.text() == "Example: clip_person_3840x2160.mp4"
    assert dialog.template_problem.isHidden() and dialog.folder_problem.isHidden()
    assert "{task_type}" in dialog.name_fields.text() and dialog.name_fields.isVisible()


def test_the_template_is_checked_as_you_type_and_blocks_ok_while_wrong(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], store: SettingsStore
) -> None:
    dialog = open_dialog()
    _retype(qtbot, dialog.name_template, "{date}_{source}")
    assert dialog.name_example.text().startswith("Example: 20")
    assert dialog.name_example.text().endswith("_clip.mp4"), "the container is added"

    qtbot.keyClicks(dialog.name_template, "_{resolution")
    assert dialog.template_problem.isVisible() and dialog.template_problem.tone == "error"
    assert "braces do not match" in dialog.template_problem.text()
    assert dialog.name_example.isHidden() and dialog.name_fields.isHidden()
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.name_template, "}")
    assert "{resolution} is not a field: use {source}," in dialog.template_problem.text()
    assert dialog.name_template.accessibleDescription() == dialog.template_problem.text()
    qtbot.keyClick(dialog.name_template, Qt.Key.Key_Return)  # the default button, refused
    assert dialog.isVisible() and dialog.choice() is None and not store.path.exists()

    _retype(qtbot, dialog.name_template, "renders/{source}")
    assert '"/"' in dialog.template_problem.text()

    _click(qtbot, dialog.reset_template)
    assert dialog.name_template.text() == DEFAULT_TEMPLATE
    assert dialog.template_problem.isHidden() and dialog.ok_button.isEnabled()
    _retype(qtbot, dialog.name_template, "{source}_{task}.{format}")
    assert dialog.name_example.text() == "Example: clip_89f758a0.mp4"
    _click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert store.load().name_template == "{source}_{task}.{format}"


def _folder_dialog(dialog: SettingsDialog) -> QFileDialog:
    file_dialog = dialog.folder_dialog()
    assert file_dialog is not None
    return file_dialog


def _choose_in(qtbot: QtBot, file_dialog: QFileDialog, folder: Path) -> None:
    """Go to ``folder`` in the folder dialog and press its Choose button."""
    file_dialog.setDirectory(str(folder))
    buttons = file_dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    _click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Open))


def test_a_folder_is_chosen_in_the_folder_dialog(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], store: SettingsStore, tmp_path: Path
) -> None:
    renders = tmp_path / "renders"
    renders.mkdir()
    dialog = open_dialog()
    _click(qtbot, dialog.choose_folder)
    file_dialog = _folder_dialog(dialog)
    # Opened with open(): the click came back while the folder dialog is up, window-modal.
    assert file_dialog.isVisible() and dialog.isVisible()
    assert file_dialog.windowModality() == Qt.WindowModality.WindowModal
    assert file_dialog.fileMode() == QFileDialog.FileMode.Directory

    _choose_in(qtbot, file_dialog, renders)
    assert not file_dialog.isVisible()
    assert dialog.output_dir.text() == str(renders)
    assert dialog.chosen_folder.isChecked() and dialog.output_dir.isEnabled()
    assert dialog.folder_problem.isHidden()

    qtbot.keyClick(dialog.auto_download, Qt.Key.Key_Space)
    _click(qtbot, dialog.ok_button)
    saved = store.load()
    assert (saved.output_dir, saved.auto_download) == (str(renders), False)


def test_a_cancelled_folder_dialog_changes_nothing(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog]
) -> None:
    dialog = open_dialog()
    _click(qtbot, dialog.choose_folder)
    file_dialog = _folder_dialog(dialog)
    buttons = file_dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    _click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not file_dialog.isVisible()
    assert dialog.next_to_source.isChecked() and dialog.output_dir.text() == ""


def test_a_typed_folder_is_checked(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], store: SettingsStore, tmp_path: Path
) -> None:
    dialog = open_dialog()
    _click(qtbot, dialog.chosen_folder)
    assert dialog.output_dir.isEnabled()
    assert dialog.folder_problem.text() == (
        "Choose a folder, or save results next to the source file."
    )
    assert dialog.folder_problem.tone == "error" and not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.output_dir, "renders")
    assert "full path" in dialog.folder_problem.text() and not dialog.ok_button.isEnabled()

    unplugged = tmp_path / "unplugged"
    _retype(qtbot, dialog.output_dir, str(unplugged))
    # Worth a warning, not a refusal: the drive may be plugged in by the time a task is done.
    assert dialog.folder_problem.text() == f"The output folder {unplugged} does not exist."
    assert dialog.folder_problem.tone == "warning" and dialog.ok_button.isEnabled()

    _retype(qtbot, dialog.output_dir, str(tmp_path))
    assert dialog.folder_problem.isHidden()
    _click(qtbot, dialog.ok_button)
    assert store.load().output_dir == str(tmp_path)


def test_going_back_to_next_to_the_source_forgets_the_folder(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], store: SettingsStore, tmp_path: Path
) -> None:
    store.update(output_dir=str(tmp_path), auto_download=False, name_template="{task}")
    dialog = open_dialog()
    assert dialog.chosen_folder.isChecked() and dialog.output_dir.text() == str(tmp_path)
    assert not dialog.auto_download.isChecked()
    assert dialog.name_template.text() == "{task}"

    _click(qtbot, dialog.next_to_source)
    assert not dialog.output_dir.isEnabled() and dialog.folder_problem.isHidden()
    _click(qtbot, dialog.ok_button)
    assert store.load().output_dir is None
    assert store.load().name_template == "{task}", "left as it was"


def test_cancel_keeps_the_results_settings(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], store: SettingsStore
) -> None:
    dialog = open_dialog()
    qtbot.keyClick(dialog.auto_download, Qt.Key.Key_Space)
    _retype(qtbot, dialog.name_template, "{source}")
    _click(qtbot, dialog.cancel_button)
    assert not store.path.exists()
