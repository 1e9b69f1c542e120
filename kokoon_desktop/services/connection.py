"""The open connection of a session: the real API with the user's token, or the demo simulator.

Which of the two, with which address, scheme and token, is decided by
:func:`~kokoon_desktop.services.service_config.resolve_service_config`; without a token the app
opens in demo mode against the in-process simulator rather than in a dead end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
import platformdirs

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.i18n import translate
from kokoon_desktop.sandbox import Sandbox, SandboxConfig
from kokoon_desktop.sandbox.config import DEMO_TOKEN
from kokoon_desktop.services.service_config import Notice, ServiceConfig


@dataclass
class Connection:
    """An open client plus what the window says about it."""

    client: KokoonClient
    is_demo: bool
    label: str
    notices: list[Notice] = field(default_factory=list)
    sandbox: Sandbox | None = None

    async def aclose(self) -> None:
        await self.client.aclose()
        if self.sandbox is not None:
            self.sandbox.close()


def demo_connection(*, notices: list[Notice] | None = None) -> Connection:
    """The built-in simulator, in-process: nothing leaves the machine."""
    cache = platformdirs.user_cache_path("Kokoon Desktop", "Kokoon") / "demo-clips"
    sandbox = Sandbox(
        SandboxConfig(seed_demo_videos=True, seed_cache_dir=cache, render_results=True)
    )
    client = KokoonClient(
        token=DEMO_TOKEN, base_url=sandbox.base_url, transport=sandbox.transport()
    )
    return Connection(
        client=client,
        is_demo=True,
        label=translate("Connection", "Demo — simulated service"),
        notices=list(notices or []),
        sandbox=sandbox,
    )


def open_connection(
    config: ServiceConfig, *, transport: httpx.AsyncBaseTransport | None = None
) -> Connection:
    """The simulator when ``config`` is a demo, else a client for its address and token."""
    if config.demo or config.token is None:
        return demo_connection(notices=list(config.notices))
    client = KokoonClient(
        token=config.token,
        base_url=config.api_url,
        auth_scheme=config.auth_scheme,
        transport=transport,
    )
    host = httpx.URL(config.api_url).host
    return Connection(client=client, is_demo=False, label=host, notices=list(config.notices))
