"""Settings and sign-in: the API address, how the token is sent, the token itself, demo mode.

The token goes to the system keychain through a :class:`TokenStore`, never into the settings
file. When no keychain works it is kept in a :class:`SessionTokenStore` for this session and the
dialog says plainly that it will not be remembered. ``KOKOON_API_URL``, ``KOKOON_TOKEN`` and
``KOKOON_AUTH_SCHEME`` in the environment win over what is stored (as in the CLI): their fields
are read-only here and say where the value comes from.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url, origin_of
from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core import human
from kokoon_desktop.environment import ENV_API_URL, ENV_AUTH_SCHEME, ENV_TOKEN
from kokoon_desktop.log import register_secret
from kokoon_desktop.storage.settings import Settings, SettingsStore
from kokoon_desktop.storage.token_store import (
    KeyringTokenStore,
    KeyringUnavailableError,
    SessionTokenStore,
    TokenStore,
)
from kokoon_desktop.ui.crash_dialog import watch_task
from kokoon_desktop.ui.messages import Level, Notice
from kokoon_desktop.ui.style import ToneLabel, ToneOrMuted

#: Builds the client "Test connection" talks through: (base URL, token, scheme).
MakeClient = Callable[[str, str, AuthScheme], KokoonClient]
#: The token store for an API base URL (tokens are kept per origin).
TokenStoreFor = Callable[[str], TokenStore]

#: "Test connection" gives up after this long, whatever the client's retries would do.
TEST_TIMEOUT_S = 20.0

SCHEME_LABELS = {
    AuthScheme.RAW: "Token as-is (as in the API docs)",
    AuthScheme.BEARER: "Bearer token",
}


@dataclass(frozen=True, slots=True)
class SettingsChoice:
    """What the user settled on; the values are the effective ones (environment included)."""

    api_url: str
    auth_scheme: AuthScheme
    demo_mode: bool
    token_changed: bool


def default_make_client(base_url: str, token: str, scheme: AuthScheme) -> KokoonClient:
    return KokoonClient(token=token, base_url=base_url, auth_scheme=scheme)


class SettingsDialog(QDialog):
    """Edit the connection settings; :meth:`choice` holds the outcome after OK."""

    def __init__(
        self,
        settings_store: SettingsStore,
        make_client: MakeClient = default_make_client,
        *,
        token_store_for: TokenStoreFor = KeyringTokenStore,
        session_store: SessionTokenStore | None = None,
        environ: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self._settings_store = settings_store
        self._settings: Settings = settings_store.load()
        self._make_client = make_client
        self._token_store_for = token_store_for
        #: Holds the token for this session when no keychain works; share it with the app.
        self.session_store = session_store if session_store is not None else SessionTokenStore()
        env = os.environ if environ is None else environ
        self._env_url = env.get(ENV_API_URL) or None
        self._env_token = env.get(ENV_TOKEN) or None
        self._env_scheme = _scheme_or_none(env.get(ENV_AUTH_SCHEME))
        self._choice: SettingsChoice | None = None
        self._test_task: asyncio.Task[None] | None = None
        self._forget_requested = False
        self._keyring_problem: str | None = None
        self._warned_session_only = False
        self._has_saved_token = False
        self._initial_origin: tuple[str, str, int | None] | None = None

        # --- service -------------------------------------------------------------------------
        self.api_url = QLineEdit(self._env_url or self._settings.api_url)
        self.api_url.setObjectName("api_url")
        self.api_url.setAccessibleName("API address")
        self.api_url.setPlaceholderText(DEFAULT_BASE_URL)
        self.api_url.setMinimumWidth(380)
        self.reset_url = QPushButton("Default")
        self.reset_url.setObjectName("reset_api_url")
        self.reset_url.setAccessibleName("Use the default API address")
        self.reset_url.setToolTip(f"Use the documented address, {DEFAULT_BASE_URL}")
        self.reset_url.clicked.connect(self._reset_url)
        url_row = QHBoxLayout()
        url_row.setSpacing(6)
        url_row.addWidget(self.api_url, 1)
        url_row.addWidget(self.reset_url)
        self.url_problem = ToneLabel(tone="error")
        self.url_problem.setObjectName("api_url_problem")
        self.url_problem.setAccessibleName("API address problem")
        self.url_problem.setWordWrap(True)
        self.url_problem.hide()
        self.url_note = ToneLabel(tone="muted")
        self.url_note.setObjectName("api_url_note")
        self.url_note.setWordWrap(True)
        self.url_note.hide()

        self.auth_scheme = QComboBox()
        self.auth_scheme.setObjectName("auth_scheme")
        self.auth_scheme.setAccessibleName("Authorization scheme")
        for scheme, label in SCHEME_LABELS.items():
            self.auth_scheme.addItem(label, scheme.value)
        self.auth_scheme.setToolTip(
            "How the token is sent in the Authorization header: as-is, as the API documentation "
            "shows, or as “Bearer <token>” for gateways that require it."
        )
        chosen_scheme = self._env_scheme or self._settings.auth_scheme
        self.auth_scheme.setCurrentIndex(self.auth_scheme.findData(chosen_scheme.value))
        self.scheme_note = ToneLabel(tone="muted")
        self.scheme_note.setWordWrap(True)
        self.scheme_note.hide()

        service_form = _form()
        service_form.addRow("API address", url_row)
        service_form.addRow("", self.url_problem)
        service_form.addRow("", self.url_note)
        service_form.addRow("Authorization", self.auth_scheme)
        service_form.addRow("", self.scheme_note)
        service_box = QGroupBox("Service")
        service_box.setLayout(service_form)

        # --- token ---------------------------------------------------------------------------
        self.token = QLineEdit()
        self.token.setObjectName("token")
        self.token.setAccessibleName("API token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText("Paste your API token")
        self.show_token = QPushButton("Show")
        self.show_token.setObjectName("show_token")
        self.show_token.setAccessibleName("Show token")
        self.show_token.setCheckable(True)
        self.show_token.toggled.connect(self._show_token_toggled)
        token_row = QHBoxLayout()
        token_row.setSpacing(6)
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.show_token)
        self.token_note = ToneLabel(tone="muted")
        self.token_note.setObjectName("token_note")
        self.token_note.setWordWrap(True)

        self.forget_token = QPushButton("Remove saved token")
        self.forget_token.setObjectName("forget_token")
        self.forget_token.setAccessibleName("Remove saved token")
        self.forget_token.clicked.connect(self._forget_token)
        self.test_button = QPushButton("Test connection")
        self.test_button.setObjectName("test_connection")
        self.test_button.setAccessibleName("Test connection")
        self.test_button.clicked.connect(self.start_test)
        self.test_result = ToneLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setAccessibleName("Connection test result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.test_button)
        actions.addWidget(self.forget_token)
        actions.addStretch(1)

        self.keyring_notice = Notice()
        self.keyring_notice.setObjectName("keyring_notice")
        self.keyring_notice.setAccessibleName("Keychain warning")

        token_form = _form()
        token_form.addRow("Token", token_row)
        token_form.addRow("", self.token_note)
        token_form.addRow("", actions)
        token_form.addRow("", self.test_result)
        token_box = QGroupBox("API token")
        token_box_layout = QVBoxLayout(token_box)
        token_box_layout.addLayout(token_form)
        token_box_layout.addWidget(self.keyring_notice)

        # --- demo ----------------------------------------------------------------------------
        self.demo_mode = QCheckBox("Demo mode (simulated service)")
        self.demo_mode.setObjectName("demo_mode")
        self.demo_mode.setAccessibleName("Demo mode (simulated service)")
        self.demo_mode.setChecked(self._settings.demo_mode)
        demo_note = ToneLabel(
            "Uses the built-in simulator of the API: nothing leaves this computer and nothing is "
            "charged. The settings above are kept for when you turn it off.",
            "muted",
        )
        demo_note.setWordWrap(True)
        demo_note.setIndent(_checkbox_indent(self.demo_mode))
        mode_box = QGroupBox("Mode")
        mode_layout = QVBoxLayout(mode_box)
        mode_layout.setSpacing(4)
        mode_layout.addWidget(self.demo_mode)
        mode_layout.addWidget(demo_note)

        self.save_problem = Notice()
        self.save_problem.setObjectName("save_problem")
        self.save_problem.setAccessibleName("Settings could not be saved")

        # --- buttons -------------------------------------------------------------------------
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok")
        self.ok_button.setAccessibleName("OK")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(service_box)
        layout.addWidget(token_box)
        layout.addWidget(mode_box)
        layout.addWidget(self.save_problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._apply_environment()
        self._load_saved_token_state()
        self.api_url.textChanged.connect(self._url_edited)
        self.token.textChanged.connect(self._connection_edited)
        self.auth_scheme.currentIndexChanged.connect(self._connection_edited)
        self._url_edited()
        self.setMinimumWidth(600)

    # --- outcome -------------------------------------------------------------------------------

    def choice(self) -> SettingsChoice | None:
        """What was chosen, once the dialog was accepted; None before that or after Cancel."""
        return self._choice

    def url_error(self) -> str | None:
        """Why the API address cannot be used, or None when it is fine."""
        text = self.api_url.text().strip()
        if not text:
            return "Enter the API's address, or press Default for the documented one."
        try:
            parsed: httpx.URL | None = httpx.URL(text)
        except (httpx.InvalidURL, TypeError):
            parsed = None
        if parsed is not None and parsed.userinfo:
            # Checked first: check_base_url's messages quote the address, password included.
            return (
                "The address contains a user name or password. Give the API token below "
                "instead: it is kept in the system keychain."
            )
        try:
            check_base_url(text)
        except ValueError as exc:
            return str(exc)
        return None

    def accept(self) -> None:
        """Save the token (keychain, else this session) and the other settings, then close."""
        if self.url_error() is not None:
            return
        url = check_base_url(self.api_url.text())
        scheme = self._current_scheme()
        token_changed = False
        if self._env_token is None:
            stored = self._store_token(url)
            if stored is None:
                return  # warned that the token is kept for this session only; OK continues
            token_changed = stored
        try:
            self._settings = self._settings_store.update(
                api_url=self._settings.api_url if self._env_url else url,
                auth_scheme=self._settings.auth_scheme if self._env_scheme else scheme,
                demo_mode=self.demo_mode.isChecked(),
            )
        except (OSError, ValueError) as exc:
            self.save_problem.show_notice(Level.ERROR, f"The settings could not be saved: {exc}")
            return
        self._choice = SettingsChoice(
            api_url=url,
            auth_scheme=scheme,
            demo_mode=self.demo_mode.isChecked(),
            token_changed=token_changed,
        )
        super().accept()

    def done(self, result: int) -> None:
        self._cancel_test()
        super().done(result)

    # --- token storage -------------------------------------------------------------------------

    def _store_token(self, url: str) -> bool | None:
        """Apply the token edits: True if the stored token changed, None to stay open."""
        typed = self.token.text().strip()
        if typed:
            register_secret(typed)  # from now on no log line or report shows it
            try:
                self._token_store_for(url).save(typed)
            except KeyringUnavailableError as exc:
                self.session_store.save(typed)
                self._keyring_problem = str(exc)
                if not self._warned_session_only:
                    self._warned_session_only = True
                    self._show_keyring_notice(
                        f"{exc}. The token is kept for this session only and will not be "
                        "remembered after you quit. Press OK again to use it now."
                    )
                    return None
            else:
                self.session_store.delete()
            return True
        if self._forget_requested:
            # Nothing can be stored in a keychain that does not work.
            with contextlib.suppress(KeyringUnavailableError):
                self._token_store_for(url).delete()
            self.session_store.delete()
            return True
        return False

    def _saved_token(self, url: str) -> str | None:
        """The token kept for this address: the keychain's, else this session's."""
        try:
            saved = self._token_store_for(url).load()
        except KeyringUnavailableError as exc:
            self._keyring_problem = str(exc)
            saved = None
        return saved or self.session_store.load()

    def _load_saved_token_state(self) -> None:
        if self._env_token is not None:
            return
        url = self._valid_url() or self._settings.api_url
        saved = self._saved_token(url)
        self._initial_origin = _origin(url)
        if self._keyring_problem is not None:
            self._warned_session_only = True
            self._show_keyring_notice(
                f"{self._keyring_problem}. A token you enter is kept for this session only and "
                "will not be remembered after you quit."
            )
        self._has_saved_token = saved is not None
        self.forget_token.setEnabled(self._has_saved_token)
        if saved is None:
            self.token_note.setText("No token saved: the app runs in demo mode until you add one.")
        elif self._keyring_problem is not None:
            self.token.setPlaceholderText("Kept for this session — type to replace")
            self.token_note.setText("A token is kept for this session only.")
        else:
            self.token.setPlaceholderText("Saved — type to replace")
            self.token_note.setText(
                "A token is saved in the system keychain. Type a new one to replace it."
            )

    def _forget_token(self) -> None:
        self._forget_requested = True
        self.token.clear()
        self.token.setPlaceholderText("Paste your API token")
        self.forget_token.setEnabled(False)
        self.token_note.set_tone("warning")
        self.token_note.setText("The saved token will be removed when you press OK.")
        self._clear_test_result()

    def _show_keyring_notice(self, text: str) -> None:
        self.keyring_notice.show_notice(Level.WARNING, text)

    # --- environment ---------------------------------------------------------------------------

    def _apply_environment(self) -> None:
        if self._env_url is not None:
            self.api_url.setReadOnly(True)
            self.reset_url.setEnabled(False)
            self.url_note.setText(
                f"Set by {ENV_API_URL} in the environment, which takes precedence over this "
                "setting."
            )
            self.url_note.show()
        if self._env_scheme is not None:
            self.auth_scheme.setEnabled(False)
            self.scheme_note.setText(f"Set by {ENV_AUTH_SCHEME} in the environment.")
            self.scheme_note.show()
        if self._env_token is not None:
            self.token.setReadOnly(True)
            self.token.setPlaceholderText(f"Set by {ENV_TOKEN}")
            self.show_token.setEnabled(False)
            self.forget_token.setEnabled(False)
            self.token_note.setText(
                f"The token comes from {ENV_TOKEN} in the environment, which takes precedence "
                "over the keychain."
            )

    # --- validation ----------------------------------------------------------------------------

    def _url_edited(self) -> None:
        problem = self.url_error()
        self.url_problem.setText(problem or "")
        self.url_problem.setVisible(problem is not None)
        self.api_url.setAccessibleDescription(problem or "")
        self.ok_button.setEnabled(problem is None)
        if problem is None and self._env_token is None and not self._forget_requested:
            url = check_base_url(self.api_url.text())
            if self._initial_origin is not None and _origin(url) != self._initial_origin:
                self.token_note.set_tone("muted")
                self.token_note.setText(
                    "Tokens are saved per service address: enter the token for this address "
                    "unless you saved one for it before."
                )
        self._connection_edited()

    def _connection_edited(self) -> None:
        """Any edit makes a previous test result stale: drop it, and stop a test in flight."""
        self._cancel_test()
        self._clear_test_result()
        self.test_button.setEnabled(self.url_error() is None)

    def _reset_url(self) -> None:
        self.api_url.setText(DEFAULT_BASE_URL)

    def _valid_url(self) -> str | None:
        try:
            return check_base_url(self.api_url.text())
        except ValueError:
            return None

    def _current_scheme(self) -> AuthScheme:
        return AuthScheme(self.auth_scheme.currentData())

    def _show_token_toggled(self, shown: bool) -> None:
        self.token.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_token.setText("Hide" if shown else "Show")
        self.show_token.setAccessibleName("Hide token" if shown else "Show token")

    # --- test connection -----------------------------------------------------------------------

    def start_test(self) -> None:
        url = self._valid_url()
        if url is None:
            return
        token = self._env_token or self.token.text().strip() or None
        if token is None and not self._forget_requested:
            token = self._saved_token(url)
        if token is None:
            self._set_test_result("error", "Enter an API token to test the connection.")
            return
        register_secret(token)
        self._cancel_test()
        self.test_button.setEnabled(False)
        self._set_test_result("muted", f"Connecting to {httpx.URL(url).host}…")
        self._test_task = watch_task(
            asyncio.ensure_future(self._run_test(url, token, self._current_scheme()))
        )

    def is_testing(self) -> bool:
        return self._test_task is not None and not self._test_task.done()

    async def _run_test(self, url: str, token: str, scheme: AuthScheme) -> None:
        client = self._make_client(url, token, scheme)
        try:
            async with asyncio.timeout(TEST_TIMEOUT_S):
                credit = await client.get_credit()
        except KokoonError as exc:
            self._set_test_result("error", exc.message)
        except TimeoutError:
            self._set_test_result(
                "error", f"No answer from {httpx.URL(url).host} within {TEST_TIMEOUT_S:.0f} s."
            )
        else:
            self._set_test_result(
                "success", f"Connected — credit left: {human.credit(credit.credit)}"
            )
        finally:
            await client.aclose()
            self.test_button.setEnabled(self.url_error() is None)

    def _cancel_test(self) -> None:
        if self._test_task is not None and not self._test_task.done():
            self._test_task.cancel()
        self._test_task = None

    def _set_test_result(self, tone: ToneOrMuted, text: str) -> None:
        self.test_result.set_tone(tone)
        self.test_result.setText(text)
        self.test_result.setVisible(bool(text))

    def _clear_test_result(self) -> None:
        self.test_result.clear()
        self.test_result.hide()


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(6)
    return form


def _checkbox_indent(box: QCheckBox) -> int:
    """Where a checkbox's text starts, so a note under it lines up with the text."""
    style = box.style()
    return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
        QStyle.PixelMetric.PM_CheckBoxLabelSpacing
    )


def _scheme_or_none(text: str | None) -> AuthScheme | None:
    if not text:
        return None
    try:
        return AuthScheme(text.strip().lower())
    except ValueError:
        return None


def _origin(url: str) -> tuple[str, str, int | None]:
    return origin_of(httpx.URL(url))
