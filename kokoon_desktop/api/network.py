"""httpcore's sockets, read through asyncio's own transports: the fast path for large bodies.

httpcore's default backend goes through anyio, which for every read of at most 64 KiB opens a
cancel scope, starts and stops the socket's reader in the event loop, and (over TLS) hands back
one 16 KiB record at a time: a 1 GiB download made tens of thousands of such trips and took
twice as long as curl. Here the asyncio transport keeps reading on its own, straight into one
buffer per connection (TLS records decrypted into it back to back), and a read takes everything
gathered so far in one piece, up to 1 MiB, whatever ``max_bytes`` asks: h11 accepts any
amount, and 64 KiB pieces would only multiply the trips.

Only asyncio is supported (the app runs on asyncio or qasync); the errors raised are httpcore's,
as from its own backends.
"""

# httpcore's interfaces take each operation's timeout as an argument.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore

#: The socket is read straight into one buffer per connection, as much as has arrived each
#: time, and a read takes all of it at once. It starts small (an API answer is a few KiB) and
#: grows each time it was found full, up to the largest: 1 MiB measured fastest here, as big as
#: the core's cache; larger pieces spill out of it. Reading pauses while the buffer is full
#: (the kernel's buffer holds the rest), so memory stays flat however fast the server sends.
FIRST_READ_BUFFER = 64 * 1024
LARGEST_READ_BUFFER = 1024 * 1024
#: What ``get_extra_info`` names, in asyncio's words.
_EXTRA_INFO = {"client_addr": "sockname", "server_addr": "peername"}
#: RFC 8305's delay before racing the next address of a host (anyio waits as long).
_HAPPY_EYEBALLS_DELAY_S = 0.25


class ConnectionProtocol(asyncio.BufferedProtocol):
    """Fills one read buffer from the socket and tells the stream when it may write."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self._view = memoryview(bytearray(FIRST_READ_BUFFER))
        self._filled = 0
        self._reading_paused = False
        self._at_eof = False
        self._lost = False
        self._error: Exception | None = None
        self._data_arrived: asyncio.Future[None] | None = None
        self._writable: asyncio.Future[None] | None = None

    # --- asyncio's side -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._view[self._filled :]

    def buffer_updated(self, nbytes: int) -> None:
        self._filled += nbytes
        if self._filled == len(self._view) and self.transport is not None:
            self._reading_paused = True
            self.transport.pause_reading()
        _wake(self._data_arrived)

    def eof_received(self) -> None:
        # Returning None lets the transport close itself: HTTP has no use for half-closed.
        self._at_eof = True
        _wake(self._data_arrived)

    def connection_lost(self, exc: Exception | None) -> None:
        self._at_eof = True
        self._lost = True
        self._error = exc
        _wake(self._data_arrived)
        _wake(self._writable)

    def pause_writing(self) -> None:
        if self._writable is None or self._writable.done():
            self._writable = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        _wake(self._writable)

    # --- the stream's side ----------------------------------------------------------------

    @property
    def has_news(self) -> bool:
        """Whether a read would return at once (data, or the end of the connection)."""
        return bool(self._filled) or self._at_eof

    @property
    def is_lost(self) -> bool:
        return self._lost

    async def receive(self, timeout: float | None) -> bytes:
        if not self._filled and not self._at_eof:
            arrived = asyncio.get_running_loop().create_future()
            self._data_arrived = arrived
            try:
                async with asyncio.timeout(timeout):
                    await arrived
            except TimeoutError:
                raise httpcore.ReadTimeout("timed out waiting for the server") from None
            finally:
                self._data_arrived = None
        if self._filled:
            chunk = bytes(self._view[: self._filled])
            if self._filled == len(self._view) < LARGEST_READ_BUFFER:
                # Data comes faster than it is taken: take it in bigger pieces.
                self._view = memoryview(bytearray(min(4 * self._filled, LARGEST_READ_BUFFER)))
            self._filled = 0
            if self._reading_paused and self.transport is not None:
                self._reading_paused = False
                self.transport.resume_reading()
            return chunk
        if self._error is not None:
            raise httpcore.ReadError(str(self._error) or type(self._error).__name__)
        return b""

    async def drain(self, timeout: float | None) -> None:
        writable = self._writable
        if writable is None or writable.done():
            # Still give way: the kernel may take a whole upload without ever pushing back,
            # and an upload that never waits would hold the event loop and ignore
            # cancellation until its last byte.
            await asyncio.sleep(0)
            return
        try:
            async with asyncio.timeout(timeout):
                await asyncio.shield(writable)
        except TimeoutError:
            raise httpcore.WriteTimeout("timed out sending to the server") from None


def _wake(waiter: asyncio.Future[None] | None) -> None:
    if waiter is not None and not waiter.done():
        waiter.set_result(None)


class AsyncioNetworkStream(httpcore.AsyncNetworkStream):
    """One connection, plain or TLS, over an asyncio transport."""

    def __init__(self, transport: asyncio.Transport, protocol: ConnectionProtocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """What has arrived, as it arrived (see the module's note on ``max_bytes``)."""
        return await self._protocol.receive(timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._transport.is_closing() or self._protocol.is_lost:
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        await self._protocol.drain(timeout)
        if self._protocol.is_lost:
            raise httpcore.WriteError("the connection was lost while sending")

    async def aclose(self) -> None:
        self._transport.close()
        # As anyio does: let close() flush what it can (a TLS close_notify), then make sure
        # the socket is gone rather than waiting on the peer.
        try:
            await asyncio.sleep(0)
        finally:
            self._transport.abort()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                tls = await loop.start_tls(
                    self._transport,
                    self._protocol,
                    ssl_context,
                    server_hostname=server_hostname,
                )
        except TimeoutError:
            self._transport.abort()
            raise httpcore.ConnectTimeout("the TLS handshake timed out") from None
        except (OSError, ssl.SSLError) as exc:
            self._transport.abort()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        if tls is None:  # only when the loop closed under us
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        # asyncio does not call connection_made again for the TLS layer.
        self._protocol.transport = tls
        return AsyncioNetworkStream(tls, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # httpcore asks this of idle keep-alive connections: news means the server hung up.
            return self._protocol.has_news
        return self._transport.get_extra_info(_EXTRA_INFO.get(info, info))


class AsyncioNetworkBackend(httpcore.AsyncNetworkBackend):
    """Opens :class:`AsyncioNetworkStream` connections for an ``httpcore`` connection pool."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_connection(
                    ConnectionProtocol,
                    host,
                    port,
                    local_addr=(local_address, 0) if local_address else None,
                    happy_eyeballs_delay=_HAPPY_EYEBALLS_DELAY_S,
                )
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"connecting to {host}:{port} timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        stream = AsyncioNetworkStream(transport, protocol)
        sock = transport.get_extra_info("socket")
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
        except OSError as exc:
            transport.abort()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        return stream

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
