"""Which address, scheme and token apply: the first source that has one wins, in the order
command line, environment, stored (settings, keychain, this session), default or demo; and
every token that wins is redacted from the log and from crash reports, whatever its source."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop import log
from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url
from kokoon_desktop.log import close_logging, configure_logging, redact
from kokoon_desktop.services.connection import open_connection
from kokoon_desktop.services.service_config import (
    NO_KEYCHAIN_NOTICE,
    CommandLine,
    Notice,
    ServiceConfig,
    Source,
    StoredTokens,
    resolve_service_config,
)
from kokoon_desktop.storage.settings import Settings
from kokoon_desktop.storage.token_store import (
    KeyringUnavailableError,
    SessionTokenStore,
    TokenStore,
)
from kokoon_desktop.ui.crash_dialog import build_report

ENV_URL, ENV_TOKEN, ENV_SCHEME = "KOKOON_API_URL", "KOKOON_TOKEN", "KOKOON_AUTH_SCHEME"


@dataclass
class Keychain:
    """A keychain entry that holds ``token``, or, with ``broken``, raises as a locked or
    missing keychain does; it counts how often it was read."""

    token: str | None = None
    broken: bool = False
    reads: int = 0
    persistent: bool = True

    def load(self) -> str | None:
        self.reads += 1
        if self.broken:
            raise KeyringUnavailableError("The keychain is locked")
        return self.token

    def save(self, token: str) -> None:
        self.token = token

    def delete(self) -> None:
        self.token = None


def stored_in(keychain: Keychain, session: str | None = None) -> StoredTokens:
    def keychain_for(_url: str) -> TokenStore:
        return keychain

    return StoredTokens(keychain_for, SessionTokenStore(session))


@pytest.fixture(autouse=True)
def no_secrets_left() -> Iterator[None]:
    yield
    close_logging()
    log._forget_secrets()


# --- precedence, for any combination of sources ----------------------------------------------

URLS = st.sampled_from(
    [
        "https://api.example.test/kokoon/api/sr/v3",
        "https://other.example.test/v3/",
        "http://127.0.0.1:8765/kokoon/api/sr/v3",
    ]
)
SCHEMES = st.sampled_from(["raw", "bearer", "BEARER", " Raw "])


def maybe(values: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    """Absent (not given, or given empty, which counts as not given) or one of ``values``."""
    return st.none() | st.just("") | values


def first_present(*candidates: tuple[str | None, Source]) -> tuple[str, Source] | None:
    """The rule, as the brief states it: the first source that has a value wins."""
    return next(((value, source) for value, source in candidates if value), None)


@st.composite
def settings_or_none(draw: st.DrawFn) -> Settings | None:
    if draw(st.booleans()):
        return None  # the command line keeps no settings
    return Settings(
        api_url=check_base_url(draw(URLS)),
        auth_scheme=AuthScheme(draw(st.sampled_from(["raw", "bearer"]))),
        demo_mode=draw(st.booleans()),
    )


@given(
    cl_url=maybe(URLS),
    env_url=maybe(URLS),
    cl_scheme=maybe(SCHEMES),
    env_scheme=maybe(SCHEMES),
    cl_token=maybe(st.just("token-from-the-command-line")),
    env_token=maybe(st.just("token-from-the-environment")),
    keychain_token=st.none() | st.just("token-from-the-keychain"),
    keychain_broken=st.booleans(),
    session_token=st.none() | st.just("token-kept-for-the-session"),
    look_up_stored=st.booleans(),
    cl_demo=st.booleans(),
    settings=settings_or_none(),
)
def test_the_first_source_present_wins(
    cl_url: str | None,
    env_url: str | None,
    cl_scheme: str | None,
    env_scheme: str | None,
    cl_token: str | None,
    env_token: str | None,
    keychain_token: str | None,
    keychain_broken: bool,
    session_token: str | None,
    look_up_stored: bool,
    cl_demo: bool,
    settings: Settings | None,
) -> None:
    environ = {
        name: value
        for name, value in ((ENV_URL, env_url), (ENV_SCHEME, env_scheme), (ENV_TOKEN, env_token))
        if value is not None
    }
    keychain = Keychain(keychain_token, broken=keychain_broken)
    try:
        config = resolve_service_config(
            command_line=CommandLine(cl_url, cl_token, cl_scheme, demo=cl_demo),
            environ=environ,
            settings=settings,
            stored=stored_in(keychain, session_token) if look_up_stored else None,
        )

        url = first_present(
            (cl_url, Source.COMMAND_LINE),
            (env_url, Source.ENVIRONMENT),
            (settings.api_url if settings else None, Source.SETTINGS),
            (DEFAULT_BASE_URL, Source.DEFAULT),
        )
        assert url is not None
        assert (config.api_url, config.api_url_from) == (check_base_url(url[0]), url[1])

        scheme = first_present(
            (cl_scheme, Source.COMMAND_LINE),
            (env_scheme, Source.ENVIRONMENT),
            (settings.auth_scheme if settings else None, Source.SETTINGS),
            ("raw", Source.DEFAULT),
        )
        assert scheme is not None
        expected_scheme = AuthScheme(scheme[0].strip().lower())
        assert (config.auth_scheme, config.auth_scheme_from) == (expected_scheme, scheme[1])

        demo_chosen_by = (
            Source.COMMAND_LINE
            if cl_demo
            else Source.SETTINGS
            if settings is not None and settings.demo_mode
            else None
        )
        assert config.demo_chosen_by is demo_chosen_by
        # Stored tokens are read only when asked for, when no earlier source has a token, and
        # when demo mode was not chosen (a locked keychain is not asked to open for nothing).
        reads_stored = look_up_stored and not cl_token and not env_token and not demo_chosen_by
        assert keychain.reads == int(reads_stored)
        token = first_present(
            (cl_token, Source.COMMAND_LINE),
            (env_token, Source.ENVIRONMENT),
            (keychain_token if reads_stored and not keychain_broken else None, Source.KEYCHAIN),
            (session_token if reads_stored else None, Source.SESSION),
            ("", Source.DEMO),
        ) or (None, Source.DEMO)
        assert (config.token, config.token_from) == token
        assert config.demo == (demo_chosen_by is not None or token[0] is None)
        if config.token is not None:
            assert config.token not in redact(f"sent {config.token}")
    finally:
        log._forget_secrets()


def test_what_is_set_outside_the_settings_is_named() -> None:
    config = resolve_service_config(
        command_line=CommandLine(api_url="https://cli.example.test/v3"),
        environ={ENV_TOKEN: "env-token-1234", ENV_SCHEME: "bearer"},
        settings=Settings(),
    )
    assert str(config.given_by("api_url")) == "--api-url on the command line"
    assert str(config.given_by("token")) == "KOKOON_TOKEN in the environment"
    assert str(config.given_by("auth_scheme")) == "KOKOON_AUTH_SCHEME in the environment"
    stored = resolve_service_config(environ={}, settings=Settings())
    assert stored.given_by("api_url") is None and stored.given_by("auth_scheme") is None
    assert stored.token_from is Source.DEMO and stored.given_by("token") is None


@pytest.mark.parametrize(
    ("command_line", "environ", "message"),
    [
        (CommandLine(api_url="http://example.com/x"), {}, "unencrypted"),
        (CommandLine(), {ENV_URL: "ftp://localhost/x"}, "web address"),
        (CommandLine(), {ENV_SCHEME: "basic"}, "KOKOON_AUTH_SCHEME is 'basic'"),
        (CommandLine(auth_scheme="token"), {}, "--auth-scheme is 'token'"),
    ],
)
def test_an_unusable_value_given_outside_the_settings_is_refused(
    command_line: CommandLine, environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        resolve_service_config(command_line=command_line, environ=environ, settings=Settings())


# --- what the window is told --------------------------------------------------------------------


def test_a_keychain_that_does_not_work_is_not_mentioned_when_no_token_is_involved() -> None:
    config = resolve_service_config(
        environ={}, settings=Settings(), stored=stored_in(Keychain(broken=True))
    )
    assert config.demo and config.token_from is Source.DEMO
    assert config.notices == ()  # the demo needs no token: nothing to worry anyone with


def test_a_token_kept_for_the_session_says_it_will_be_asked_for_again() -> None:
    config = resolve_service_config(
        environ={},
        settings=Settings(),
        stored=stored_in(Keychain(broken=True), session="kept-in-memory-token"),
    )
    assert (config.token, config.token_from) == ("kept-in-memory-token", Source.SESSION)
    assert config.notices == (Notice(NO_KEYCHAIN_NOTICE, "The keychain is locked"),)
    assert NO_KEYCHAIN_NOTICE == (
        "This computer has no keychain the app can use: your token will be kept until you quit."
    )
    assert not config.demo


def test_the_keychain_entry_is_the_one_for_the_address_that_applies() -> None:
    asked: list[str] = []

    def keychain_for(url: str) -> TokenStore:
        asked.append(url)
        return Keychain("keychain-token-for-cli")

    config = resolve_service_config(
        command_line=CommandLine(api_url="https://cli.example.test/v3/"),
        environ={ENV_URL: "https://env.example.test/v3"},
        settings=Settings(),
        stored=StoredTokens(keychain_for),
    )
    assert asked == ["https://cli.example.test/v3"]
    assert config.token_from is Source.KEYCHAIN


async def test_the_connection_follows_the_config() -> None:
    real = resolve_service_config(
        environ={ENV_URL: "https://api.example.test/v3", ENV_TOKEN: "env-token-5678"},
        settings=Settings(auth_scheme=AuthScheme.BEARER),
    )
    connection = open_connection(real)
    try:
        assert not connection.is_demo and connection.label == "api.example.test"
        assert connection.client.base_url == "https://api.example.test/v3"
        assert connection.client.auth_scheme is AuthScheme.BEARER
    finally:
        await connection.aclose()
    chosen = resolve_service_config(
        command_line=CommandLine(demo=True), environ={ENV_TOKEN: "env-token-5678"}
    )
    demo = open_connection(chosen)
    try:
        assert demo.is_demo and demo.sandbox is not None
    finally:
        await demo.aclose()


# --- every source's token stays out of the log and the crash report ----------------------------

SOURCES = {
    "command line": lambda token: {"command_line": CommandLine(token=token)},
    "environment": lambda token: {"environ": {ENV_TOKEN: token}},
    "keychain": lambda token: {"stored": stored_in(Keychain(token))},
    "session": lambda token: {"stored": stored_in(Keychain(broken=True), session=token)},
}


def _failing_with(token: str) -> BaseException:
    try:
        raise RuntimeError(f"the service refused Authorization {token!r} for {token}")
    except RuntimeError as exc:
        return exc


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_a_token_from_any_source_never_reaches_the_log_or_a_crash_report(
    source: str, tmp_path: Path
) -> None:
    # Shaped like no credential the redaction recognises by itself: only registering it helps.
    token = f"plain-{source.replace(' ', '-')}-token-7f3a9c"
    assert redact(token) == token
    options: dict[str, object] = {"environ": {}, "settings": Settings()}
    options.update(SOURCES[source](token))
    config: ServiceConfig = resolve_service_config(**options)  # type: ignore[arg-type]
    assert config.token == token and not config.demo

    log_file = tmp_path / "kokoon-desktop.log"
    configure_logging(log_file)
    logger = logging.getLogger("kokoon_desktop.services.test")
    logger.info("connecting with %s", token)
    logger.warning(f"header {{'Authorization': '{token}'}} and {token}")
    failure = _failing_with(token)
    logger.error("request failed", exc_info=failure)
    report = build_report(type(failure), failure, failure.__traceback__, redact=redact)

    logged = log_file.read_text(encoding="utf-8")
    assert token not in logged and "connecting with [redacted]" in logged
    assert "RuntimeError: the service refused" in report
    assert token not in report
