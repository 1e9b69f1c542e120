"""The API token in the operating system's keychain, and nowhere else.

If no keyring backend works (a headless Linux box picks keyring's ``fail`` backend, whose every
call raises), callers get :class:`KeyringUnavailableError` and decide what to do: the CLI says
so and stops, the window keeps the token in a :class:`SessionTokenStore` for the session and
shows a warning. There is deliberately no plain-file fallback.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

SERVICE_NAME = "Kokoon Desktop"


class KeyringUnavailableError(Exception):
    """No working keychain: the token cannot be kept beyond this session."""


class TokenStore(Protocol):
    """Where the token for one API lives."""

    def load(self) -> str | None: ...

    def save(self, token: str) -> None: ...

    def delete(self) -> None: ...

    @property
    def persistent(self) -> bool: ...


def account_for(base_url: str) -> str:
    """The keyring entry name for an API: one token per origin (develop and prod differ)."""
    parts = urlsplit(base_url.strip())
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return f"api-token:{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


class KeyringTokenStore:
    """One token per API origin in the OS keychain, through ``keyring``."""

    persistent = True

    def __init__(self, base_url: str, service: str = SERVICE_NAME) -> None:
        self._service = service
        self._account = account_for(base_url)

    def load(self) -> str | None:
        import keyring  # loaded on first use: it costs start-up time the window need not wait

        try:
            return keyring.get_password(self._service, self._account) or None
        except Exception as exc:  # backends raise many kinds, even on reads
            raise KeyringUnavailableError(_reason(exc)) from None

    def save(self, token: str) -> None:
        if not token.strip():
            raise ValueError("The token is empty.")
        import keyring

        try:
            keyring.set_password(self._service, self._account, token.strip())
        except Exception as exc:
            raise KeyringUnavailableError(_reason(exc)) from None

    def delete(self) -> None:
        import keyring
        import keyring.errors

        try:
            keyring.delete_password(self._service, self._account)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already signed out
        except Exception as exc:
            raise KeyringUnavailableError(_reason(exc)) from None


class SessionTokenStore:
    """Keeps the token in memory only, for when no keychain works."""

    persistent = False

    def __init__(self, token: str | None = None) -> None:
        self._token = token

    def load(self) -> str | None:
        return self._token

    def save(self, token: str) -> None:
        if not token.strip():
            raise ValueError("The token is empty.")
        self._token = token.strip()

    def delete(self) -> None:
        self._token = None


def _reason(exc: Exception) -> str:
    # The exception text never holds the token (it is not passed to the backend's messages),
    # but keep it short and name the backend so the user can act on it.
    import keyring

    backend = type(keyring.get_keyring()).__name__
    # The first sentence only: keyring's next ones suggest installing other packages, which
    # is not for a user of this app to act on.
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    detail = first_line.split(". ")[0].rstrip(".") + "."
    return f"No working system keychain ({backend}: {detail})"
