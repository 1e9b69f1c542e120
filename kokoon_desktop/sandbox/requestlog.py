"""The record of every request the simulator saw, for tests to assert on.

Tests use it to prove what went over the wire: that a task creation was sent exactly once,
or that no ``Authorization`` header ever reached the storage host. Token values are masked so
the log can be printed safely; the header's presence stays visible.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

MASK = "***"
_SECRET_HEADERS = {"authorization", "cookie", "x-amz-security-token"}


@dataclass
class LoggedRequest:
    """One request: what arrived, where, and what became of it."""

    method: str
    path: str
    query: str
    host: str
    #: "api", "storage" or "other" (the root page, unknown paths).
    origin: str
    #: Lower-case names; secrets are replaced by ``***``.
    headers: dict[str, str]
    #: The status sent, or None when the connection was dropped before a response started.
    status: int | None = None
    #: The injected fault applied to this request, e.g. ``"drop_after"`` or ``"status 503"``.
    fault: str | None = None
    #: True when the client did not get a complete response because of a drop fault.
    dropped: bool = False

    @property
    def has_authorization(self) -> bool:
        """Whether an Authorization header was sent (its value is masked)."""
        return "authorization" in self.headers


def mask_headers(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """Decode ASGI headers, joining repeats, masking credentials."""
    headers: dict[str, str] = {}
    for name_bytes, value_bytes in raw:
        name = name_bytes.decode("latin-1").lower()
        value = MASK if name in _SECRET_HEADERS else value_bytes.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


class RequestLog:
    """Thread-safe append-only list (the loopback server writes from its own thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[LoggedRequest] = []

    def append(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._entries.append(entry)

    def snapshot(self) -> list[LoggedRequest]:
        """A copy of the list (the entries themselves are shared)."""
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
