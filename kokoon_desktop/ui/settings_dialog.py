"""Settings and sign-in: the API address, how the token is sent, the token itself, demo mode,
and where results go under which names.

The token goes to the system keychain through a :class:`TokenStore`, never into the settings
file. When no keychain works it is kept in a :class:`SessionTokenStore` for this session and the
dialog says plainly that it will not be remembered. What the command line (``--api-url``) or
the environment (``KOKOON_API_URL``, ``KOKOON_TOKEN``, ``KOKOON_AUTH_SCHEME``) sets wins over what
is stored, as :mod:`~kokoon_desktop.services.service_config` decides for the whole app: those
fields are read-only here and say where their value comes from.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core import human
from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url
from kokoon_desktop.core.output_naming import (
    DEFAULT_TEMPLATE,
    EXAMPLE_FIELDS,
    TEMPLATE_FIELDS,
    TemplateError,
    render_name,
)
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.log import register_secret
from kokoon_desktop.services.output_place import default_videos_folder, folder_problem
from kokoon_desktop.services.service_config import (
    CommandLine,
    GivenBy,
    Source,
    StoredToken,
    StoredTokens,
    look_up_stored_token,
    resolve_service_config,
)
from kokoon_desktop.storage.settings import Settings, SettingsStore
from kokoon_desktop.storage.token_store import (
    KeyringTokenStore,
    KeyringUnavailableError,
    SessionTokenStore,
    TokenStore,
    account_for,
)
from kokoon_desktop.ui.crash_reporter import watch_task
from kokoon_desktop.ui.messages import Level, Notice
from kokoon_desktop.ui.style import ToneLabel, ToneOrMuted

if TYPE_CHECKING:
    # The HTTP stack loads when a connection is first tested, not when the window starts.
    from kokoon_desktop.api.client import KokoonClient

#: Builds the client "Test connection" talks through: (base URL, token, scheme).
MakeClient = Callable[[str, str, AuthScheme], "KokoonClient"]
#: The token store for an API base URL (tokens are kept per origin).
TokenStoreFor = Callable[[str], TokenStore]

_V = TypeVar("_V")

#: "Test connection" gives up after this long, whatever the client's retries would do.
TEST_TIMEOUT_S = 20.0

#: The schemes offered, by their English captions (translated where shown).
SCHEME_LABELS = {
    AuthScheme.RAW: QT_TRANSLATE_NOOP("SettingsDialog", "Token as-is (as in the API docs)"),
    AuthScheme.BEARER: QT_TRANSLATE_NOOP("SettingsDialog", "Bearer token"),
}

NEXT_TO_SOURCE = QT_TRANSLATE_NOOP("SettingsDialog", "Next to the source file (else Videos/Kokoon)")


@dataclass(frozen=True, slots=True)
class SettingsChoice:
    """What the user settled on; the values are the effective ones (environment included)."""

    api_url: str
    auth_scheme: AuthScheme
    demo_mode: bool
    token_changed: bool


def default_make_client(base_url: str, token: str, scheme: AuthScheme) -> KokoonClient:
    from kokoon_desktop.api.client import KokoonClient

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
        command_line: CommandLine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``environ`` and ``command_line`` are what the app was started with (the process's
        environment by default, no options): the values they set are shown and not edited."""
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings_store = settings_store
        self._settings: Settings = settings_store.load()
        self._make_client = make_client
        self._token_store_for = token_store_for
        #: Holds the token for this session when no keychain works; share it with the app.
        self.session_store = session_store if session_store is not None else SessionTokenStore()
        # The stored token is looked up below, for the address in the field as it changes.
        config = resolve_service_config(
            command_line=command_line, environ=environ, settings=self._settings
        )
        #: Set by the command line or the environment: (value, which option or variable).
        self._fixed_url = _fixed(config.api_url, config.given_by("api_url"))
        self._fixed_scheme = _fixed(config.auth_scheme, config.given_by("auth_scheme"))
        self._fixed_token = _fixed(config.token, config.given_by("token"))
        self._choice: SettingsChoice | None = None
        self._test_task: asyncio.Task[None] | None = None
        self._forget_requested = False
        self._keyring_problem: str | None = None
        self._warned_session_only = False
        self._saved_where: str | None = None  # "keychain", "session" or None
        self._initial_origin = _origin(config.api_url)

        # --- service -------------------------------------------------------------------------
        self.api_url = QLineEdit(config.api_url)
        self.api_url.setObjectName("api_url")
        self.api_url.setAccessibleName(self.tr("API address"))
        self.api_url.setPlaceholderText(DEFAULT_BASE_URL)
        self.api_url.setMinimumWidth(400)
        self.reset_url = QPushButton(self.tr("Default"))
        self.reset_url.setObjectName("reset_api_url")
        self.reset_url.setAccessibleName(self.tr("Use the default API address"))
        self.reset_url.setToolTip(
            self.tr("Use the documented address, {url}").format(url=DEFAULT_BASE_URL)
        )
        self.reset_url.clicked.connect(self._reset_url)
        url_row = _row(self.api_url, self.reset_url, stretch=self.api_url)
        self.url_problem = _note("error", "api_url_problem", self.tr("API address problem"))
        self.url_note = _note("muted", "api_url_note", self.tr("API address source"))

        self.auth_scheme = QComboBox()
        self.auth_scheme.setObjectName("auth_scheme")
        self.auth_scheme.setAccessibleName(self.tr("Authorization scheme"))
        for scheme, caption in SCHEME_LABELS.items():
            self.auth_scheme.addItem(self.tr(caption), scheme.value)
        self.auth_scheme.setToolTip(
            self.tr(
                "How the token is sent in the Authorization header: as-is, as the API "
                "documentation shows, or as “Bearer <token>” for gateways that require it."
            )
        )
        self.auth_scheme.setCurrentIndex(self.auth_scheme.findData(config.auth_scheme.value))
        self.scheme_note = _note(
            "muted", "auth_scheme_note", self.tr("Authorization scheme source")
        )

        # --- token ---------------------------------------------------------------------------
        self.token = QLineEdit()
        self.token.setObjectName("token")
        self.token.setAccessibleName(self.tr("API token"))
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Paste your API token"))
        self.show_token = QPushButton(self.tr("Show"))
        self.show_token.setObjectName("show_token")
        self.show_token.setAccessibleName(self.tr("Show token"))
        self.show_token.setCheckable(True)
        self.show_token.toggled.connect(self._show_token_toggled)
        token_row = _row(self.token, self.show_token, stretch=self.token)
        self.token_note = _note("muted", "token_note", self.tr("Token status"))
        self.token_note.show()

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test_connection")
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.clicked.connect(self.start_test)
        self.forget_token = QPushButton(self.tr("Remove saved token"))
        self.forget_token.setObjectName("forget_token")
        self.forget_token.setAccessibleName(self.tr("Remove saved token"))
        self.forget_token.clicked.connect(self._forget_token)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        actions.addWidget(self.forget_token)
        self.test_result = _note(None, "test_result", self.tr("Connection test result"))

        self.keyring_notice = Notice()
        self.keyring_notice.setObjectName("keyring_notice")
        self.keyring_notice.setAccessibleName(self.tr("Keychain warning"))

        # --- the two forms share one label column, so their fields line up -----------------
        labels = [
            QLabel(text)
            for text in (self.tr("API address"), self.tr("Authorization"), self.tr("Token"))
        ]
        labels[0].setBuddy(self.api_url)
        labels[1].setBuddy(self.auth_scheme)
        labels[2].setBuddy(self.token)

        service_grid = _FieldGrid()
        service_grid.add_row(labels[0], url_row)
        service_grid.add_note(self.url_problem)
        service_grid.add_note(self.url_note)
        service_grid.add_row(labels[1], _left(self.auth_scheme))
        service_grid.add_note(self.scheme_note)
        service_box = QGroupBox(self.tr("Service"))
        service_box.setLayout(service_grid)

        token_grid = _FieldGrid()
        token_grid.add_row(labels[2], token_row)
        token_grid.add_note(self.token_note)
        token_grid.add_row(None, actions)
        token_grid.add_note(self.test_result)
        token_box = QGroupBox(self.tr("Sign-in"))
        token_layout = QVBoxLayout(token_box)
        token_layout.addLayout(token_grid)
        token_layout.addWidget(self.keyring_notice)

        # --- demo ----------------------------------------------------------------------------
        self.demo_mode, demo_note = _checkbox_with_note(
            self.tr("Demo mode (simulated service)"),
            "demo_mode",
            self.tr(
                "Uses the built-in simulator of the API: nothing leaves this computer and nothing "
                "is charged. The settings above are kept for when you turn it off."
            ),
            checked=self._settings.demo_mode,
        )
        mode_box = QGroupBox(self.tr("Mode"))
        mode_layout = QVBoxLayout(mode_box)
        mode_layout.setSpacing(4)
        mode_layout.addWidget(self.demo_mode)
        mode_layout.addWidget(demo_note)

        # --- results -------------------------------------------------------------------------
        self.auto_download, auto_note = _checkbox_with_note(
            self.tr("Download results automatically"),
            "auto_download",
            self.tr(
                "A task you submit here is downloaded as soon as it is done, with a .kokoon.json "
                "file beside it recording how it was made."
            ),
            checked=self._settings.auto_download,
        )

        self.next_to_source = QRadioButton(self.tr(NEXT_TO_SOURCE))
        self.next_to_source.setObjectName("next_to_source")
        self.next_to_source.setAccessibleName(self.tr("Save results next to the source file"))
        self.next_to_source.setToolTip(
            self.tr(
                "A result goes to the folder of the file it was uploaded from; results of videos "
                "picked from the account go to {folder}."
            ).format(folder=default_videos_folder())
        )
        self.chosen_folder = QRadioButton(self.tr("This folder:"))
        self.chosen_folder.setObjectName("chosen_folder")
        self.chosen_folder.setAccessibleName(self.tr("Save results in a folder of my choice"))
        self._folder_choice = QButtonGroup(self)
        self._folder_choice.addButton(self.next_to_source)
        self._folder_choice.addButton(self.chosen_folder)
        self.output_dir = QLineEdit(self._settings.output_dir or "")
        self.output_dir.setObjectName("output_dir")
        self.output_dir.setAccessibleName(self.tr("Output folder"))
        self.output_dir.setPlaceholderText(self.tr("A folder for every result"))
        self.choose_folder = QPushButton(self.tr("Choose…"))
        self.choose_folder.setObjectName("choose_folder")
        self.choose_folder.setAccessibleName(self.tr("Choose the output folder"))
        self.choose_folder.clicked.connect(self.open_folder_dialog)
        (self.chosen_folder if self._settings.output_dir else self.next_to_source).setChecked(True)
        self._folder_dialog: QFileDialog | None = None
        folder_row = _row(
            self.chosen_folder, self.output_dir, self.choose_folder, stretch=self.output_dir
        )
        self.folder_problem = _note("error", "output_dir_problem", self.tr("Output folder problem"))

        self.name_template = QLineEdit(self._settings.name_template)
        self.name_template.setObjectName("name_template")
        self.name_template.setAccessibleName(self.tr("File name template"))
        self.name_template.setPlaceholderText(DEFAULT_TEMPLATE)
        fields = " ".join("{" + name + "}" for name in TEMPLATE_FIELDS)
        self.name_template.setToolTip(self.tr("Fields: {fields}").format(fields=fields))
        self.reset_template = QPushButton(self.tr("Default"))
        self.reset_template.setObjectName("reset_name_template")
        self.reset_template.setAccessibleName(self.tr("Use the default file name template"))
        self.reset_template.setToolTip(self.tr("Use {template}").format(template=DEFAULT_TEMPLATE))
        self.reset_template.clicked.connect(lambda: self.name_template.setText(DEFAULT_TEMPLATE))
        template_row = _row(self.name_template, self.reset_template, stretch=self.name_template)
        self.name_example = _note("muted", "name_example", self.tr("File name example"))
        self.template_problem = _note(
            "error", "name_template_problem", self.tr("File name problem")
        )
        self.name_fields = _note("muted", "name_fields", self.tr("File name fields"))
        self.name_fields.setText(self.tr("Fields: {fields}").format(fields=fields))

        results_labels = [QLabel(text) for text in (self.tr("Save to"), self.tr("File names"))]
        results_labels[0].setBuddy(self.next_to_source)
        results_labels[1].setBuddy(self.name_template)
        _line_up([*labels, *results_labels])
        results_grid = _FieldGrid()
        results_grid.add_row(results_labels[0], _left(self.next_to_source))
        results_grid.add_row(None, folder_row)
        results_grid.add_note(self.folder_problem)
        results_grid.add_row(results_labels[1], template_row)
        results_grid.add_note(self.name_example)
        results_grid.add_note(self.template_problem)
        results_grid.add_note(self.name_fields)
        results_box = QGroupBox(self.tr("Results"))
        results_layout = QVBoxLayout(results_box)
        results_layout.setSpacing(4)
        results_layout.addWidget(self.auto_download)
        results_layout.addWidget(auto_note)
        results_layout.addSpacing(6)
        results_layout.addLayout(results_grid)

        self.save_problem = Notice()
        self.save_problem.setObjectName("save_problem")
        self.save_problem.setAccessibleName(self.tr("Settings could not be saved"))

        # --- buttons -------------------------------------------------------------------------
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok")
        self.ok_button.setAccessibleName(self.tr("OK"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(service_box)
        layout.addWidget(token_box)
        layout.addWidget(results_box)
        layout.addWidget(mode_box)
        layout.addWidget(self.save_problem)
        layout.addWidget(self.buttons)
        # The dialog follows its content: notes and warnings come and go, and a fixed-size
        # dialog gives word-wrapped text the height it needs instead of cutting it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

        self._show_fixed_values()
        self._load_saved_token()
        self.api_url.textChanged.connect(self._url_edited)
        self.token.textChanged.connect(self._token_edited)
        self.auth_scheme.currentIndexChanged.connect(self._connection_edited)
        self.name_template.textChanged.connect(self._template_edited)
        self.output_dir.textChanged.connect(self._folder_edited)
        self.chosen_folder.toggled.connect(self._folder_edited)
        self._url_edited()
        self._template_edited()
        self._folder_edited()

    # --- outcome -------------------------------------------------------------------------------

    def choice(self) -> SettingsChoice | None:
        """What was chosen, once the dialog was accepted; None before that or after Cancel."""
        return self._choice

    def url_error(self) -> str | None:
        """Why the API address cannot be used, or None when it is fine."""
        text = self.api_url.text().strip()
        if not text:
            return self.tr("Enter the API's address, or press Default for the documented one.")
        try:
            check_base_url(text)
        except ValueError as exc:
            return str(exc)
        return None

    def template_error(self) -> str | None:
        """Why the file name template cannot name results, or None when it can."""
        try:
            render_name(self.name_template.text(), EXAMPLE_FIELDS)
        except TemplateError as exc:
            return str(exc)
        return None

    def folder_error(self) -> str | None:
        """Why the chosen output folder cannot be saved, or None (also when none is chosen)."""
        if not self.chosen_folder.isChecked():
            return None
        text = self.output_dir.text().strip()
        if not text:
            return self.tr("Choose a folder, or save results next to the source file.")
        if not Path(text).expanduser().is_absolute():
            return self.tr("Give the folder's full path, or use Choose…")
        return None

    def _output_dir(self) -> str | None:
        return self.output_dir.text().strip() if self.chosen_folder.isChecked() else None

    def accept(self) -> None:
        """Save the token (keychain, else this session) and the other settings, then close."""
        if self.url_error() or self.template_error() or self.folder_error():
            return
        url = check_base_url(self.api_url.text())
        scheme = self._current_scheme()
        token_changed = False
        if self._fixed_token is None:
            stored = self._store_token(url)
            if stored is None:
                return  # warned that the token is kept for this session only; OK continues
            token_changed = stored
        try:
            self._settings = self._settings_store.update(
                # What the command line or the environment set is not made permanent.
                api_url=self._settings.api_url if self._fixed_url else url,
                auth_scheme=self._settings.auth_scheme if self._fixed_scheme else scheme,
                demo_mode=self.demo_mode.isChecked(),
                auto_download=self.auto_download.isChecked(),
                output_dir=self._output_dir(),
                name_template=self.name_template.text(),
            )
        except (OSError, ValueError) as exc:
            self.save_problem.show_notice(
                Level.ERROR, self.tr("The settings could not be saved: {reason}").format(reason=exc)
            )
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
                        self.tr(
                            "This computer has no keychain the app can use: your token will be "
                            "kept until you quit. Press OK again to use it now."
                        )
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

    def _saved_token(self, url: str) -> StoredToken:
        """The token kept for this address: the keychain's, else this session's."""
        saved = look_up_stored_token(url, StoredTokens(self._token_store_for, self.session_store))
        if saved.keychain_problem is not None:
            self._keyring_problem = saved.keychain_problem
        return saved

    def _load_saved_token(self) -> None:
        if self._fixed_token is not None:
            return
        saved = self._saved_token(self._valid_url() or self._settings.api_url)
        if saved.token is not None:
            session = saved.source is Source.SESSION
            self._saved_where = "session" if session else "keychain"
            self.token.setPlaceholderText(
                self.tr("Kept for this session — type a new token to replace it")
                if session
                else self.tr("Saved — type a new token to replace it")
            )
        if self._keyring_problem is not None:
            self._warned_session_only = True
            self._show_keyring_notice(
                self.tr(
                    "This computer has no keychain the app can use: a token you enter will be "
                    "kept until you quit."
                )
            )
        self._refresh_token_note()

    def _forget_token(self) -> None:
        self._forget_requested = True
        self.token.clear()
        self.token.setPlaceholderText(self.tr("Paste your API token"))
        self.forget_token.setEnabled(False)
        self._refresh_token_note()
        self._clear_test_result()

    def _show_keyring_notice(self, text: str) -> None:
        # Calm: the token works, it is only not remembered. The backend's own words are
        # technical; they are behind "Why?" for whoever needs them.
        self.keyring_notice.show_notice(Level.INFO, text, why=self._keyring_problem)

    def _refresh_token_note(self) -> None:
        """One sentence under the token field saying where the token is and will be."""
        tone: ToneOrMuted = "muted"
        if self._fixed_token is not None:
            text = self.tr(
                "The token comes from {origin}, which takes precedence over the keychain."
            ).format(origin=self._fixed_token[1])
        elif self._forget_requested and not self.token.text().strip():
            tone, text = "warning", self.tr("The saved token will be removed when you press OK.")
        elif self.token.text().strip():
            text = (
                self.tr("It will be kept for this session only when you press OK.")
                if self._keyring_problem
                else self.tr("It will be saved in the system keychain when you press OK.")
            )
        elif self._address_changed():
            text = self.tr(
                "Tokens are saved per service address: enter the token for this address, "
                "unless you saved one for it before."
            )
        elif self._saved_where == "keychain":
            text = self.tr("A token is saved in the system keychain.")
        elif self._saved_where == "session":
            text = self.tr("A token is kept for this session only.")
        else:
            text = self.tr("No token saved: the app runs in demo mode until you add one.")
        self.token_note.set_tone(tone)
        self.token_note.setText(text)
        can_forget = self._fixed_token is None and self._saved_where is not None
        self.forget_token.setEnabled(can_forget and not self._forget_requested)

    def _address_changed(self) -> bool:
        url = self._valid_url()
        return url is not None and _origin(url) != self._initial_origin

    # --- command line and environment ---------------------------------------------------------

    def _show_fixed_values(self) -> None:
        """Fields set by the command line or the environment are read-only and say so."""
        if self._fixed_url is not None:
            self.api_url.setReadOnly(True)
            self.reset_url.setEnabled(False)
            self.url_note.setText(
                self.tr("Set by {origin}, which takes precedence over this setting.").format(
                    origin=self._fixed_url[1]
                )
            )
            self.url_note.show()
        if self._fixed_scheme is not None:
            self.auth_scheme.setEnabled(False)
            self.scheme_note.setText(
                self.tr("Set by {origin}.").format(origin=self._fixed_scheme[1])
            )
            self.scheme_note.show()
        if self._fixed_token is not None:
            self.token.setReadOnly(True)
            self.token.setPlaceholderText(
                self.tr("Set by {origin}").format(origin=self._fixed_token[1].name)
            )
            self.show_token.setEnabled(False)

    # --- editing -------------------------------------------------------------------------------

    def _url_edited(self) -> None:
        problem = self.url_error()
        _show_problem(self.url_problem, self.api_url, problem)
        self._refresh_ok()
        self._refresh_token_note()
        self._connection_edited()

    def _template_edited(self) -> None:
        problem = self.template_error()
        _show_problem(self.template_problem, self.name_template, problem)
        if problem is None:
            today = dataclasses.replace(EXAMPLE_FIELDS, date=date.today().isoformat())
            example = render_name(self.name_template.text(), today)
            self.name_example.setText(self.tr("Example: {name}").format(name=example))
        self.name_example.setVisible(problem is None)
        self.name_fields.setVisible(problem is None)  # the problem names them
        self._refresh_ok()

    def _folder_edited(self) -> None:
        chosen = self.chosen_folder.isChecked()
        self.output_dir.setEnabled(chosen)
        problem = self.folder_error()
        tone: ToneOrMuted = "error"
        folder = self._output_dir()
        if problem is None and folder:
            # Worth knowing now, though not a reason to refuse: a drive may be unplugged.
            problem = folder_problem(Path(folder).expanduser(), create=False)
            tone = "warning"
        self.folder_problem.set_tone(tone)
        _show_problem(self.folder_problem, self.output_dir, problem)
        self._refresh_ok()

    def _refresh_ok(self) -> None:
        blocked = self.url_error() or self.template_error() or self.folder_error()
        self.ok_button.setEnabled(not blocked)

    def open_folder_dialog(self) -> None:
        """Pick the output folder in the system's folder dialog (window-modal, not blocking)."""
        if self._folder_dialog is None:
            dialog = QFileDialog(self, self.tr("Output folder for results"))
            dialog.setObjectName("output_dir_dialog")
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
            dialog.fileSelected.connect(self._folder_chosen)
            self._folder_dialog = dialog
        current = self._output_dir()
        start = Path(current).expanduser() if current else default_videos_folder()
        while not start.is_dir() and start != start.parent:
            start = start.parent
        self._folder_dialog.setDirectory(str(start))
        self._folder_dialog.open()

    def folder_dialog(self) -> QFileDialog | None:
        """The folder dialog, once Choose… was pressed."""
        return self._folder_dialog

    def _folder_chosen(self, folder: str) -> None:
        if folder:
            self.output_dir.setText(str(Path(folder)))
            self.chosen_folder.setChecked(True)

    def _token_edited(self) -> None:
        self._refresh_token_note()
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
        self.show_token.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.show_token.setAccessibleName(self.tr("Hide token") if shown else self.tr("Show token"))

    # --- test connection -----------------------------------------------------------------------

    def start_test(self) -> None:
        """Ask the service for the credit with the values on screen (``GET /credit/me``)."""
        url = self._valid_url()
        if url is None:
            return
        token = self._fixed_token[0] if self._fixed_token else self.token.text().strip() or None
        if token is None and not self._forget_requested:
            token = self._saved_token(url).token
        if token is None:
            self._set_test_result("error", self.tr("Enter an API token to test the connection."))
            return
        register_secret(token)
        self._cancel_test()
        self.test_button.setEnabled(False)
        self._set_test_result("muted", self.tr("Connecting to {host}…").format(host=_host(url)))
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
                "error",
                self.tr("No answer from {host} within {seconds} s.").format(
                    host=_host(url), seconds=f"{TEST_TIMEOUT_S:.0f}"
                ),
            )
        else:
            self._set_test_result(
                "success",
                self.tr("Connected — credit left: {credit}").format(
                    credit=human.credit(credit.credit)
                ),
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


def _show_problem(note: QLabel, field: QWidget, problem: str | None) -> None:
    """The note under a field says what is wrong with it, or hides when nothing is."""
    note.setText(problem or "")
    note.setVisible(problem is not None)
    field.setAccessibleDescription(problem or "")


def _note(tone: ToneOrMuted | None, name: str, accessible: str) -> ToneLabel:
    """A word-wrapped, selectable line under a field; hidden until it has something to say."""
    label = ToneLabel(tone=tone)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Expanding, or the form keeps the label at its preferred width and wraps it into a column.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.hide()
    return label


class _FieldGrid(QGridLayout):
    """Labels on the left, fields on the right, notes under their field.

    A grid rather than a QFormLayout: the form gives word-wrapped notes the height of their
    narrowest wrapping and leaves gaps around them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(6)
        self.setColumnStretch(1, 1)

    def add_row(self, label: QLabel | None, field: QWidget | QLayout) -> None:
        row = self.rowCount()
        if label is not None:
            self.addWidget(label, row, 0)
        if isinstance(field, QLayout):
            self.addLayout(field, row, 1)
        else:
            self.addWidget(field, row, 1)

    def add_note(self, note: QLabel) -> None:
        self.addWidget(note, self.rowCount(), 1)


def _line_up(labels: list[QLabel]) -> None:
    """Labels of all the boxes share one width, so the fields of every box line up."""
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _row(*widgets: QWidget, stretch: QWidget) -> QHBoxLayout:
    """Widgets side by side; ``stretch`` takes the width left."""
    row = QHBoxLayout()
    row.setSpacing(6)
    for widget in widgets:
        row.addWidget(widget, 1 if widget is stretch else 0)
    return row


def _left(widget: QWidget) -> QHBoxLayout:
    """A widget at its natural width at the start of its cell."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _checkbox_with_note(
    text: str, name: str, note: str, *, checked: bool
) -> tuple[QCheckBox, ToneLabel]:
    """A checkbox and a muted sentence under it, lined up with its text."""
    box = QCheckBox(text)
    box.setObjectName(name)
    box.setAccessibleName(text)
    box.setChecked(checked)
    label = ToneLabel(note, "muted")
    label.setWordWrap(True)
    label.setIndent(_checkbox_indent(box))
    return box, label


def _checkbox_indent(box: QCheckBox) -> int:
    """Where a checkbox's text starts, so a note under it lines up with the text."""
    style = box.style()
    return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
        QStyle.PixelMetric.PM_CheckBoxLabelSpacing
    )


def _fixed(value: _V | None, given_by: GivenBy | None) -> tuple[_V, GivenBy] | None:
    """A value with the option or variable that set it, when the command line or the
    environment did; None when the user may edit it."""
    return None if value is None or given_by is None else (value, given_by)


def _origin(url: str) -> str:
    """Tokens are kept per origin: the same key the keychain entry uses."""
    return account_for(url)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url
