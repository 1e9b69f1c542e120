"""An httpx transport that runs the simulator in-process, behaving like a real connection.

``httpx.ASGITransport`` is made for unit tests: it buffers the whole response in memory,
ignores timeouts, and turns a server that hangs up into an ``AssertionError``. Demo mode and
client tests need more, so this transport:

* streams both ways with a small bounded queue (a 1 GiB download stays flat in memory);
* honours httpx's read timeout (``httpx.ReadTimeout``), so ``slow_s`` faults work in-process;
* turns a dropped connection into the errors httpx raises over a socket
  (``httpx.RemoteProtocolError``: "Server disconnected without sending a response." or
  "peer closed connection without sending complete message body");
* only serves the sandbox's own origins: a request to any other host (say, the real
  service) fails with ``httpx.ConnectError`` instead of leaving the machine;
* uses nothing but asyncio primitives, so it runs on any asyncio loop (qasync included), and
  lets a request that the client gave up on finish server-side, like a real server would.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

import httpx
from starlette.types import ASGIApp, Message

#: Scope extension through which the app can hang up on the client (see :mod:`.middleware`).
ABORT_EXTENSION = "kokoon.sandbox.abort"

_log = logging.getLogger(__name__)
_QUEUE_DEPTH = 4


class _Signal:
    """Markers the client side reads after the last message: the app ended, or hung up."""

    def __init__(self, name: str) -> None:
        self.name = name


_END = _Signal("end")
_ABORT = _Signal("abort")


class _Exchange:
    """One request/response pair between an httpx client and the ASGI app.

    Response messages pass through a short deque: the app waits in ``send`` while the client
    is behind, which is what keeps memory flat on big downloads.
    """

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        self.disconnected = asyncio.Event()
        self._messages: deque[Message] = deque()
        self._ready = asyncio.Event()
        self._space = asyncio.Event()
        self._ended = False
        self._aborted = False
        self._closed = False  # nobody listens any more: the app's sends go nowhere
        self._body = aiter(request.stream)  # type: ignore[arg-type]
        self._body_done = False
        self.request_error: Exception | None = None
        timeouts = request.extensions.get("timeout") or {}
        self.read_timeout: float | None = timeouts.get("read")

    # ASGI side ----------------------------------------------------------------------------

    async def receive(self) -> Message:
        if not self._body_done and not self.disconnected.is_set():
            try:
                chunk = await anext(self._body)
            except StopAsyncIteration:
                self._body_done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            except Exception as exc:
                # The client's body failed (say, its file vanished): over a socket the client
                # would hang up mid-request, and the caller would see its own exception.
                self.request_error = exc
                self._body_done = True
                self.disconnected.set()
                return {"type": "http.disconnect"}
            return {"type": "http.request", "body": bytes(chunk), "more_body": True}
        await self.disconnected.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        while len(self._messages) >= _QUEUE_DEPTH and not self._closed:
            self._space.clear()
            await self._space.wait()
        if self._closed:
            return
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            # Like a server: once the response is out, the request is over.
            self.disconnected.set()
        self._messages.append(message)
        self._ready.set()

    def abort(self) -> None:
        """Hang up. What was already sent still arrives; then the client gets an error."""
        self._aborted = True
        self._end()

    def finish(self) -> None:
        """The app returned (or raised)."""
        self._end()

    def _end(self) -> None:
        self._ended = self._closed = True
        self.disconnected.set()
        self._ready.set()
        self._space.set()

    # client side --------------------------------------------------------------------------

    def client_gone(self) -> None:
        """The client stopped listening (closed the response, or timed out)."""
        self._closed = True
        self._messages.clear()
        self.disconnected.set()
        self._space.set()

    async def next_message(self) -> Message | _Signal:
        try:
            async with asyncio.timeout(self.read_timeout):
                while not self._messages and not self._ended:
                    self._ready.clear()
                    await self._ready.wait()
        except TimeoutError:
            self.client_gone()
            raise httpx.ReadTimeout(
                "timed out waiting for the sandbox", request=self.request
            ) from None
        if self._messages:
            message = self._messages.popleft()
            self._space.set()
            return message
        return _ABORT if self._aborted else _END


class _ResponseStream(httpx.AsyncByteStream):
    def __init__(self, exchange: _Exchange, expected: int | None, head: bool) -> None:
        self._exchange = exchange
        self._expected = expected
        self._head = head

    async def __aiter__(self) -> AsyncIterator[bytes]:
        received = 0
        while True:
            message = await self._exchange.next_message()
            if isinstance(message, _Signal) or message["type"] != "http.response.body":
                self._exchange.client_gone()
                expected = f", expected {self._expected}" if self._expected is not None else ""
                raise httpx.RemoteProtocolError(
                    "peer closed connection without sending complete message body: "
                    f"received {received} bytes{expected}",
                    request=self._exchange.request,
                )
            body = message.get("body", b"")
            if body and not self._head:
                received += len(body)
                yield bytes(body)
            if not message.get("more_body", False):
                return

    async def aclose(self) -> None:
        self._exchange.client_gone()


class SandboxTransport(httpx.AsyncBaseTransport):
    """Routes requests for the given origins to an ASGI app in the current event loop."""

    def __init__(self, app: ASGIApp, origins: Iterable[str]) -> None:
        self._app = app
        self._origins = {_origin_key(httpx.URL(origin)) for origin in origins}
        self._tasks: set[asyncio.Task[None]] = set()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if _origin_key(url) not in self._origins:
            raise httpx.ConnectError(
                f"the sandbox transport only serves its own origins, not {url.scheme}://"
                f"{url.netloc.decode('ascii')}",
                request=request,
            )
        exchange = _Exchange(request)
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": url.scheme,
            "path": url.path,
            "raw_path": url.raw_path.split(b"?")[0],
            "query_string": url.query,
            "root_path": "",
            "headers": [(name.lower(), value) for name, value in request.headers.raw],
            "client": ("127.0.0.1", 40000),
            "server": (url.host, url.port or _default_port(url.scheme)),
            "extensions": {ABORT_EXTENSION: exchange.abort},
            "state": {},
        }
        task = asyncio.get_running_loop().create_task(self._run(scope, exchange))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

        message = await exchange.next_message()
        if exchange.request_error is not None:
            exchange.client_gone()
            raise exchange.request_error
        if isinstance(message, _Signal) or message["type"] != "http.response.start":
            exchange.client_gone()
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        headers = [(bytes(name), bytes(value)) for name, value in message.get("headers", [])]
        response_headers = httpx.Headers(headers)
        length = response_headers.get("content-length")
        expected = int(length) if length and length.isdigit() else None
        stream = _ResponseStream(exchange, expected, head=request.method == "HEAD")
        return httpx.Response(
            message["status"],
            headers=headers,
            stream=stream,
            extensions={"http_version": b"HTTP/1.1"},
        )

    async def _run(self, scope: dict[str, Any], exchange: _Exchange) -> None:
        try:
            await self._app(scope, exchange.receive, exchange.send)
        except Exception:
            # A real server logs the crash and closes the connection; the client sees a 500
            # (Starlette sends it before re-raising) or a protocol error.
            _log.exception("sandbox app raised while serving %s %s", scope["method"], scope["path"])
        finally:
            exchange.finish()

    async def aclose(self) -> None:
        """Stop requests still running server-side (the client is going away)."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _origin_key(url: httpx.URL) -> tuple[str, str, int]:
    return (url.scheme, url.host, url.port or _default_port(url.scheme))


def transport_for(app: ASGIApp, origins: Iterable[str]) -> Callable[[], SandboxTransport]:
    """A factory of transports for ``app`` (each httpx client should own its transport)."""
    return lambda: SandboxTransport(app, origins)
