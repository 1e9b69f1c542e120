"""Which service to talk to and how to sign in: decided here, once, for every entry point.

The window (``app.py`` and the connection it opens), its settings dialog and the ``kokoon``
command line all ask :func:`resolve_service_config`. Each of the API address, the auth scheme
and the token comes from the first source that has one:

1. the command line (``--api-url``, ``--token``, ``--auth-scheme``);
2. the environment (``KOKOON_API_URL``, ``KOKOON_TOKEN``, ``KOKOON_AUTH_SCHEME``), for
   automation;
3. what is stored: the settings file for the address and the scheme; for the token, the system
   keychain's entry for that address, else a token kept in memory for this session because no
   keychain works;
4. the fallback: the documented address and the raw scheme; with no token anywhere, demo mode
   (the built-in simulator).

``--demo`` or the demo-mode setting choose demo mode outright; the stored token is then not
looked up, so a locked keychain is not asked to open for a session that needs no token.

Every token returned is registered for redaction first: whichever source it came from, it never
reaches a log line or a crash report.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url
from kokoon_desktop.environment import ENV_API_URL, ENV_AUTH_SCHEME, ENV_TOKEN
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate
from kokoon_desktop.log import register_secret
from kokoon_desktop.storage.settings import Settings
from kokoon_desktop.storage.token_store import (
    KeyringTokenStore,
    KeyringUnavailableError,
    TokenStore,
)

__all__ = [
    "NO_KEYCHAIN_NOTICE",
    "CommandLine",
    "GivenBy",
    "Notice",
    "ServiceConfig",
    "Source",
    "StoredToken",
    "StoredTokens",
    "look_up_stored_token",
    "resolve_service_config",
]

log = logging.getLogger(__name__)

#: Said when a token is involved and no keychain works, in the app's words; keyring's own
#: (technical) reason goes in the notice's "Why?".
NO_KEYCHAIN_NOTICE = QT_TRANSLATE_NOOP(
    "ServiceConfig",
    "This computer has no keychain the app can use: your token will be kept until you quit.",
)


@dataclass(frozen=True)
class Notice:
    """Something the window should say about the session: plain words, and why (the
    technical reason, shown on request), if there is more to say."""

    text: str
    why: str | None = None


class Source(StrEnum):
    """Where a value came from, in order of precedence."""

    COMMAND_LINE = "command line"
    ENVIRONMENT = "environment"
    SETTINGS = "settings"
    KEYCHAIN = "keychain"
    SESSION = "session"  # kept in memory because no keychain works
    DEFAULT = "default"
    DEMO = "demo"  # no token anywhere: the simulator, which needs none of the user's


#: The command-line option and the environment variable of each value, to say which one set it.
_GIVEN_BY = {
    "api_url": ("--api-url", ENV_API_URL),
    "auth_scheme": ("--auth-scheme", ENV_AUTH_SCHEME),
    "token": ("--token", ENV_TOKEN),
}


@dataclass(frozen=True, slots=True)
class GivenBy:
    """The option or variable that set a value, and where: ``KOKOON_TOKEN in the environment``."""

    name: str
    where: str

    def __str__(self) -> str:
        return f"{self.name} {self.where}"


@dataclass(frozen=True, slots=True)
class CommandLine:
    """What the command line gave; None (or False) where it gave nothing."""

    api_url: str | None = None
    token: str | None = field(default=None, repr=False)
    auth_scheme: str | None = None
    demo: bool = False


@dataclass(frozen=True, slots=True)
class StoredTokens:
    """Where a stored token is kept: the keychain's entry for an address, then this session's
    memory (where the settings dialog puts a token when no keychain works)."""

    keychain_for: Callable[[str], TokenStore] = KeyringTokenStore
    session: TokenStore | None = None


@dataclass(frozen=True, slots=True)
class StoredToken:
    """The token stored for an address, where it was found, and why the keychain could not be
    read (its own words), if it could not."""

    token: str | None = field(repr=False)
    source: Source | None
    keychain_problem: str | None = None


@dataclass(frozen=True)
class ServiceConfig:
    """The values that apply, each with where it came from."""

    api_url: str
    api_url_from: Source
    auth_scheme: AuthScheme
    auth_scheme_from: Source
    #: None when no source has one (``token_from`` is then :attr:`Source.DEMO`).
    token: str | None = field(repr=False)
    token_from: Source
    #: ``--demo`` (command line) or the demo-mode setting (settings); None when not chosen.
    demo_chosen_by: Source | None = None
    #: What the window says about it: a token kept only until quitting, say.
    notices: tuple[Notice, ...] = ()

    @property
    def demo(self) -> bool:
        """Whether the built-in simulator is used: chosen, or for want of a token."""
        return self.demo_chosen_by is not None or self.token is None

    def given_by(self, name: str) -> GivenBy | None:
        """Which option or variable set ``name`` (``api_url``, ``auth_scheme``, ``token``) when
        the command line or the environment did; None when the value is the stored one or the
        default, which the user can edit."""
        source = getattr(self, f"{name}_from")
        option, variable = _GIVEN_BY[name]
        if source is Source.COMMAND_LINE:
            return GivenBy(option, "on the command line")
        if source is Source.ENVIRONMENT:
            return GivenBy(variable, "in the environment")
        return None


def resolve_service_config(
    *,
    command_line: CommandLine | None = None,
    environ: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    stored: StoredTokens | None = None,
) -> ServiceConfig:
    """The address, scheme and token that apply, and whether the session is a demo.

    ``settings`` None: no stored address or scheme (the command line keeps none). ``stored``
    None: no stored token is looked up (the settings dialog reads the one for the address being
    edited itself; ``kokoon login`` needs none). Raises ``ValueError``, saying what is wrong, for
    an address or a scheme from the command line or the environment that cannot be used.
    """
    given = command_line or CommandLine()
    env = os.environ if environ is None else environ
    api_url, api_url_from = _first(
        (given.api_url, Source.COMMAND_LINE),
        (env.get(ENV_API_URL), Source.ENVIRONMENT),
        (settings.api_url if settings else None, Source.SETTINGS),
        fallback=(DEFAULT_BASE_URL, Source.DEFAULT),
    )
    scheme_text, scheme_from = _first(
        (given.auth_scheme, Source.COMMAND_LINE),
        (env.get(ENV_AUTH_SCHEME), Source.ENVIRONMENT),
        (settings.auth_scheme.value if settings else None, Source.SETTINGS),
        fallback=(AuthScheme.RAW.value, Source.DEFAULT),
    )
    base_url = check_base_url(api_url)
    scheme = _scheme(scheme_text, scheme_from)
    demo_chosen_by = None
    if given.demo:
        demo_chosen_by = Source.COMMAND_LINE
    elif settings is not None and settings.demo_mode:
        demo_chosen_by = Source.SETTINGS
    token, token_from = _first(
        (given.token, Source.COMMAND_LINE),
        (env.get(ENV_TOKEN), Source.ENVIRONMENT),
        fallback=("", Source.DEMO),
    )
    notices: list[Notice] = []
    if token_from is Source.DEMO and stored is not None and demo_chosen_by is None:
        found = look_up_stored_token(base_url, stored)
        if found.token is not None and found.source is not None:
            token, token_from = found.token, found.source
        # Only when a token is involved: without one (the demo) a missing keychain matters
        # to nobody, and the log has it.
        if found.source is Source.SESSION:
            notices.append(
                Notice(translate("ServiceConfig", NO_KEYCHAIN_NOTICE), found.keychain_problem)
            )
        elif found.keychain_problem is not None:
            log.info("no keychain to look a token up in: %s", found.keychain_problem)
    if token:
        register_secret(token)  # before anything can log it
    return ServiceConfig(
        api_url=base_url,
        api_url_from=api_url_from,
        auth_scheme=scheme,
        auth_scheme_from=scheme_from,
        token=token or None,
        token_from=token_from,
        demo_chosen_by=demo_chosen_by,
        notices=tuple(notices),
    )


def look_up_stored_token(base_url: str, stored: StoredTokens) -> StoredToken:
    """The keychain's token for ``base_url``, else this session's; never raises for a keychain
    that does not work (``keychain_problem`` says why)."""
    problem = None
    try:
        token = stored.keychain_for(base_url).load()
    except KeyringUnavailableError as exc:
        token, problem = None, str(exc)
    if token:
        return StoredToken(token, Source.KEYCHAIN)
    session = stored.session.load() if stored.session is not None else None
    if session:
        return StoredToken(session, Source.SESSION, problem)
    return StoredToken(None, None, problem)


def _first(
    *candidates: tuple[str | None, Source], fallback: tuple[str, Source]
) -> tuple[str, Source]:
    """The first candidate with a value (an empty one counts as none), else the fallback."""
    return next(((value, source) for value, source in candidates if value), fallback)


def _scheme(text: str, source: Source) -> AuthScheme:
    try:
        return AuthScheme(text.strip().lower())
    except ValueError:
        choices = " or ".join(scheme.value for scheme in AuthScheme)
        where = _GIVEN_BY["auth_scheme"][0 if source is Source.COMMAND_LINE else 1]
        raise ValueError(f"{where} is {text!r}: the auth scheme is {choices}.") from None
