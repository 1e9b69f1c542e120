"""Everything bound to one connection: the client and the services that use it.

Changing the API address or the token means a new connection; the window closes the old
session and opens a new one, so no service keeps talking to the old service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kokoon_desktop.services.account_sync import AccountSync
from kokoon_desktop.services.connection import Connection
from kokoon_desktop.services.downloads import DownloadProgress, Downloads, Placement
from kokoon_desktop.services.preview_assets import PreviewAssets
from kokoon_desktop.services.quoter import Quoter, QuoteResult
from kokoon_desktop.services.submitter import Submitter
from kokoon_desktop.services.tracker import DEMO_GONE_MESSAGE, GONE_MESSAGE, TaskTracker
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore


@dataclass(frozen=True)
class SessionObservers:
    """What the window hears from a session's services (plain callbacks, no Qt)."""

    on_entry: Callable[[HistoryEntry], None]
    on_quote: Callable[[QuoteResult], None]
    on_error: Callable[[str], None]
    on_entries: Callable[[Sequence[HistoryEntry]], None] | None = None
    on_download_progress: Callable[[DownloadProgress], None] | None = None
    on_download_finished: Callable[[HistoryEntry], None] | None = None


@dataclass(frozen=True)
class SessionTuning:
    """How eagerly the services work; the defaults are the app's, tests make them quick."""

    poll_first_s: float = 2.0
    poll_max_s: float = 30.0
    quote_debounce_s: float = 0.35
    downloads_at_once: int = 4


class ServiceSession:
    """The submitter, tracker, quoter, downloads and account merge of one connection."""

    def __init__(
        self,
        connection: Connection,
        history: HistoryStore,
        observers: SessionObservers,
        *,
        placement: Callable[[], Placement],
        cache_dir: Path,
        tuning: SessionTuning | None = None,
    ) -> None:
        tune = tuning or SessionTuning()
        self.connection = connection
        self.observers = observers
        client = connection.client
        self.submitter = Submitter(client, history, observers.on_entry)
        self.downloads = Downloads(
            client,
            history,
            placement=placement,
            on_change=observers.on_entry,
            on_progress=observers.on_download_progress,
            on_finished=observers.on_download_finished,
            max_concurrent=tune.downloads_at_once,
        )
        self.tracker = TaskTracker(
            client,
            history,
            self.task_changed,
            first_delay_s=tune.poll_first_s,
            max_delay_s=tune.poll_max_s,
            on_error=observers.on_error,
            gone_message=DEMO_GONE_MESSAGE if connection.is_demo else GONE_MESSAGE,
        )
        self.quoter = Quoter(client, observers.on_quote, debounce_s=tune.quote_debounce_s)
        self.account = AccountSync(client, history, on_changes=observers.on_entries)
        self.previews = PreviewAssets(client, cache_dir)

    def task_changed(self, entry: HistoryEntry) -> None:
        """A followed task moved on: show it, and bring its result home once it is done."""
        self.observers.on_entry(entry)
        if entry.is_done:
            self.downloads.task_done(entry)

    async def aclose(self) -> None:
        await self.quoter.aclose()
        await self.account.aclose()
        await self.tracker.aclose()
        await self.downloads.aclose()
        await self.connection.aclose()
