"""Helpers for the services' tests (a module name no other test folder uses)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.retry import RetryPolicy
from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox
from kokoon_desktop.sandbox.config import API_PREFIX
from kokoon_desktop.storage.history import HistoryEntry


def api_requests(sandbox: Sandbox, method: str, path: str) -> int:
    """How many requests the simulator saw for ``METHOD /path`` (path relative to the API)."""
    full = API_PREFIX + path
    return sum(1 for r in sandbox.requests if r.method == method and r.path == full)


def task_polls(sandbox: Sandbox) -> int:
    """``GET /task/{tid}`` requests (not the list)."""
    prefix = API_PREFIX + "/task/"
    return sum(1 for r in sandbox.requests if r.method == "GET" and r.path.startswith(prefix))


async def until(condition: Callable[[], bool], within_s: float = 5.0) -> None:
    """Let the loop run until ``condition()`` holds; fail after ``within_s`` seconds.

    Polling, because the conditions are about state (rows, the request log) with no event.
    """
    async with asyncio.timeout(within_s):
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.005)


class Changes:
    """Records every entry an observer is given."""

    def __init__(self) -> None:
        self.entries: list[HistoryEntry] = []

    def __call__(self, entry: HistoryEntry) -> None:
        self.entries.append(entry)

    def states(self) -> list[str]:
        return [entry.state.value for entry in self.entries]


def make_client(
    sandbox: Sandbox, token: str = DEMO_TOKEN, base_url: str | None = None
) -> KokoonClient:
    """A client of the simulator, as the app makes one, with short retry delays."""
    return KokoonClient(
        token=token,
        base_url=base_url or sandbox.base_url,
        transport=sandbox.transport(),
        retry=RetryPolicy(base_delay_s=0.01),
    )
