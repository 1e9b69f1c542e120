"""What happens to every request before and after the routes: the "network" of the simulator.

The outermost layer of the app (outside Starlette's own error handling, so it still holds the
server's raw ``send``) does, in order: the request log, injected faults, the global random
error rate, simulated latency, the host check (API paths only on the API origin, storage paths
only on the storage origin) and authentication. Every response gets ``X-Kokoon-Simulator: 1``.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
import json
import threading
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import API_PREFIX
from .errors import UNAUTHORIZED
from .faults import FaultRule, Faults
from .requestlog import LoggedRequest, RequestLog, mask_headers
from .transport import ABORT_EXTENSION

SIMULATOR_HEADER = (b"x-kokoon-simulator", b"1")
ADMIN_PREFIX = "/_sandbox"
STORAGE_PREFIX = "/storage/"
#: Scope key under which authenticated API requests carry the account's uid.
UID_SCOPE_KEY = "kokoon.uid"

_GARBAGE = {
    "text": (
        b"text/html; charset=utf-8",
        b"<html><head><title>Gateway</title></head><body>upstream says hello</body></html>",
    ),
    "json": (b"application/json", b'{"result":"ok","data":[{"unexpected":true}],"count":"x"}'),
}


class Dropped(Exception):
    """Raised into the app from ``send`` once a drop fault has hung up on the client."""


def json_body(message: str) -> bytes:
    """The documented error body."""
    return json.dumps({"message": message}).encode()


async def send_json(
    send: Send,
    status: int,
    body: bytes,
    extra_headers: list[tuple[bytes, bytes]] | None = None,
    content_type: bytes = b"application/json",
) -> None:
    """A complete small response at the ASGI level."""
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        *(extra_headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def abort_connection(scope: Scope, receive: Receive, send: Send) -> None:
    """Hang up on the client without finishing the response (``send`` is the server's own).

    In-process, the transport offers an abort hook in the scope. Under uvicorn, ``send`` is a
    bound method of the connection's request cycle, whose ``transport`` we close; waiting for
    the disconnect to be noticed keeps uvicorn from logging that the app forgot to respond.
    Any other server just sees the app return without completing the response.
    """
    hook = scope.get("extensions", {}).get(ABORT_EXTENSION)
    if callable(hook):
        hook()
        return
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    close = getattr(transport, "close", None)
    if not callable(close):
        return
    close()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(2.0):
            while (await receive())["type"] != "http.disconnect":
                pass


class Sleeper:
    """Interruptible sleeps, so stopping a server does not wait out a ``slow_s`` fault."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: set[asyncio.Future[None]] = set()

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        timer = loop.call_later(seconds, _resolve, future)
        with self._lock:
            self._waiting.add(future)
        try:
            await future
        finally:
            timer.cancel()
            with self._lock:
                self._waiting.discard(future)

    def interrupt(self) -> None:
        """Wake every sleeper now (thread-safe)."""
        with self._lock:
            waiting = list(self._waiting)
        for future in waiting:
            with contextlib.suppress(RuntimeError):  # its loop may be closed already
                future.get_loop().call_soon_threadsafe(_resolve, future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class SandboxMiddleware:
    """The outermost ASGI layer; see the module docstring."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        faults: Faults,
        log: RequestLog,
        sleeper: Sleeper,
        latency_s: Callable[[], float],
        uid_for_token: Callable[[str], str | None],
        origin_of: Callable[[Scope], str],
    ) -> None:
        self.app = app
        self.faults = faults
        self.log = log
        self.sleeper = sleeper
        self.latency_s = latency_s
        self.uid_for_token = uid_for_token
        self.origin_of = origin_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), SIMULATOR_HEADER]}
            await send(message)

        if path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"):
            await self.app(scope, receive, send_marked)
            return

        host_origin = self.origin_of(scope)
        kind = self._kind(path)
        headers = mask_headers(scope.get("headers", []))
        entry = LoggedRequest(
            method=scope["method"],
            path=path,
            query=scope.get("query_string", b"").decode("latin-1"),
            host=headers.get("host", ""),
            origin=kind,
            headers=headers,
        )
        self.log.append(entry)
        rule = self.faults.take(scope["method"], path)
        if rule is not None:
            entry.fault = rule.action
        with contextlib.suppress(Dropped):
            await self._handle(scope, receive, send_marked, send, entry, rule, kind, host_origin)

    @staticmethod
    def _kind(path: str) -> str:
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            return "api"
        if path.startswith(STORAGE_PREFIX):
            return "storage"
        return "other"

    async def _handle(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        raw_send: Send,
        entry: LoggedRequest,
        rule: FaultRule | None,
        kind: str,
        host_origin: str,
    ) -> None:
        async def log_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry.status = message["status"]
            await send(message)

        send_logged: Send = log_status

        if rule is not None and rule.drop_before:
            entry.dropped = True
            await abort_connection(scope, receive, raw_send)
            return
        if rule is not None and (rule.status is not None or rule.garbage is not None):
            if rule.slow_s:
                await self.sleeper.sleep(rule.slow_s)
            await self._answer_fault(rule, send_logged)
            return
        if kind == "api" and (status := self.faults.random_error()) is not None:
            entry.fault = f"random {status}"
            await send_json(send_logged, status, json_body(http.HTTPStatus(status).phrase))
            return
        if kind == "api":
            await self.sleeper.sleep(self.latency_s())
        if kind in ("api", "storage") and host_origin != kind:
            message = f"{kind} paths are not served on the {host_origin} origin"
            await send_json(send_logged, 404, json_body(message))
            return
        if kind == "api" and not self._authenticate(scope):
            await send_json(send_logged, 401, json_body(UNAUTHORIZED))
            return
        if rule is not None and rule.drop_after:
            send_logged = self._dropping_send(scope, receive, send_logged, raw_send, entry)
        elif rule is not None and rule.slow_s:
            send_logged = self._slow_send(send_logged, rule.slow_s)
        await self.app(scope, receive, send_logged)

    def _authenticate(self, scope: Scope) -> bool:
        """Accept the token raw (as the docs send it) or after ``Bearer ``."""
        raw = next(
            (value for name, value in scope.get("headers", []) if name.lower() == b"authorization"),
            None,
        )
        if raw is None:
            return False
        token = raw.decode("latin-1").strip()
        if token[:7].lower() == "bearer ":
            token = token[7:].strip()
        uid = self.uid_for_token(token)
        if uid is None:
            return False
        scope[UID_SCOPE_KEY] = uid
        return True

    async def _answer_fault(self, rule: FaultRule, send: Send) -> None:
        if rule.garbage is not None:
            content_type, body = _GARBAGE[rule.garbage]
            await send_json(send, 200, body, content_type=content_type)
            return
        assert rule.status is not None
        extra: list[tuple[bytes, bytes]] = []
        if rule.retry_after is not None:
            extra.append((b"retry-after", _retry_after_text(rule.retry_after).encode()))
        message = rule.message or _phrase(rule.status)
        await send_json(send, rule.status, json_body(message), extra)

    def _slow_send(self, send: Send, seconds: float) -> Send:
        async def slow(message: Message) -> None:
            if message["type"] == "http.response.start":
                await self.sleeper.sleep(seconds)
            await send(message)

        return slow

    def _dropping_send(
        self, scope: Scope, receive: Receive, send: Send, raw_send: Send, entry: LoggedRequest
    ) -> Send:
        """Let the response start, deliver half of the first body chunk, then hang up."""
        state: dict[str, Any] = {"hung_up": False}

        async def dropping(message: Message) -> None:
            if state["hung_up"]:
                raise Dropped
            if message["type"] == "http.response.start":
                await send(message)
                return
            body: bytes = message.get("body", b"")
            state["hung_up"] = True
            entry.dropped = True
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
            await abort_connection(scope, receive, raw_send)
            raise Dropped

        return dropping


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "error"


def _retry_after_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
