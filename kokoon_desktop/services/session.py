"""Everything bound to one connection: the client and the services that use it.

Changing the API address or the token means a new connection; the window closes the old
session and opens a new one, so no service keeps talking to the old service.
"""

from __future__ import annotations

from collections.abc import Callable

from kokoon_desktop.services.connection import Connection
from kokoon_desktop.services.quoter import Quoter, QuoteResult
from kokoon_desktop.services.submitter import Submitter
from kokoon_desktop.services.tracker import TaskTracker
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore


class ServiceSession:
    """The submitter, tracker and quoter of one connection, sharing one history."""

    def __init__(
        self,
        connection: Connection,
        history: HistoryStore,
        *,
        on_entry: Callable[[HistoryEntry], None],
        on_quote: Callable[[QuoteResult], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.connection = connection
        self.submitter = Submitter(connection.client, history, on_entry)
        self.tracker = TaskTracker(connection.client, history, on_entry)
        self.tracker.on_error = on_error
        self.quoter = Quoter(connection.client, on_quote)

    async def aclose(self) -> None:
        await self.quoter.aclose()
        await self.tracker.aclose()
        await self.connection.aclose()
