"""Which service the app talks to: the real API with the user's token, or the demo simulator.

The decision is made once at start-up from the command line, the environment and the keychain,
in that order, so automation (``KOKOON_TOKEN``, ``KOKOON_API_URL``) wins over stored settings.
Without a token the app opens in demo mode against the in-process simulator rather than in a
dead end.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx
import platformdirs

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url
from kokoon_desktop.environment import ENV_API_URL, ENV_AUTH_SCHEME, ENV_TOKEN
from kokoon_desktop.sandbox import Sandbox, SandboxConfig
from kokoon_desktop.sandbox.config import DEMO_TOKEN
from kokoon_desktop.storage.token_store import (
    KeyringTokenStore,
    KeyringUnavailableError,
    TokenStore,
)


@dataclass
class Connection:
    """An open client plus what the window says about it."""

    client: KokoonClient
    is_demo: bool
    label: str
    warnings: list[str] = field(default_factory=list)
    sandbox: Sandbox | None = None

    async def aclose(self) -> None:
        await self.client.aclose()
        if self.sandbox is not None:
            self.sandbox.close()


def demo_connection(*, warnings: list[str] | None = None) -> Connection:
    """The built-in simulator, in-process: nothing leaves the machine."""
    cache = platformdirs.user_cache_path("Kokoon Desktop", "Kokoon") / "demo-clips"
    sandbox = Sandbox(SandboxConfig(seed_demo_videos=True, seed_cache_dir=cache))
    client = KokoonClient(
        token=DEMO_TOKEN, base_url=sandbox.base_url, transport=sandbox.transport()
    )
    return Connection(
        client=client,
        is_demo=True,
        label="Demo — simulated service",
        warnings=list(warnings or []),
        sandbox=sandbox,
    )


def open_connection(
    *,
    api_url: str | None = None,
    demo: bool = False,
    environ: Mapping[str, str] | None = None,
    token_store: TokenStore | None = None,
    session_token: str | None = None,
    auth_scheme: AuthScheme = AuthScheme.RAW,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Connection:
    """Decide real or demo and open the client. Raises ``ValueError`` for a bad API URL.

    ``api_url`` is what the caller resolved (command line, then ``KOKOON_API_URL``, then the
    stored setting); the environment is read here only when it is None. ``session_token`` is a
    token kept in memory because no keychain works.
    """
    env = os.environ if environ is None else environ
    if demo:
        return demo_connection()
    base_url = check_base_url(api_url or env.get(ENV_API_URL) or DEFAULT_BASE_URL)
    scheme_text = env.get(ENV_AUTH_SCHEME)
    scheme = AuthScheme(scheme_text.lower()) if scheme_text else auth_scheme
    warnings: list[str] = []
    token = env.get(ENV_TOKEN) or None
    if token is None:
        store = token_store or KeyringTokenStore(base_url)
        try:
            token = store.load()
        except KeyringUnavailableError as exc:
            if session_token is None:
                warnings.append(f"{exc}: a token cannot be remembered between sessions.")
    if token is None:
        token = session_token
    if token is None:
        return demo_connection(warnings=warnings)
    if session_token is not None and token == session_token:
        warnings.append(
            "No working system keychain: the token is kept for this session only and will be "
            "asked for again next time."
        )
    client = KokoonClient(token=token, base_url=base_url, auth_scheme=scheme, transport=transport)
    host = httpx.URL(base_url).host
    return Connection(client=client, is_demo=False, label=host, warnings=warnings)
