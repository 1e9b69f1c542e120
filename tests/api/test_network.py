"""The asyncio network backend under httpcore: real loopback sockets, plain and TLS.

Servers here are bare ``asyncio.start_server`` handlers, so each test decides exactly what
goes over the wire: a body at once, silence, a reset, a server that never reads.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import struct
from typing import Any

import httpcore
import pytest
import trustme

from kokoon_desktop.api.network import (
    FIRST_READ_BUFFER,
    LARGEST_READ_BUFFER,
    AsyncioNetworkBackend,
    ConnectionProtocol,
)
from tests.api.raw_server import serving

MIB = 1024 * 1024


async def drain_stream(stream: httpcore.AsyncNetworkStream) -> bytes:
    parts: list[bytes] = []
    while chunk := await stream.read(64 * 1024, timeout=10):
        parts.append(chunk)
    return b"".join(parts)


@pytest.fixture
def backend() -> AsyncioNetworkBackend:
    return AsyncioNetworkBackend()


# --- reading ---------------------------------------------------------------------------------


async def test_reads_everything_then_the_end(backend: AsyncioNetworkBackend) -> None:
    payload = bytes(range(256)) * (4 * MIB // 256)

    async def send(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(payload)
        await writer.drain()

    async with serving(send) as port:
        stream = await backend.connect_tcp("127.0.0.1", port, timeout=5)
        assert await drain_stream(stream) == payload
        assert await stream.read(64 * 1024) == b""  # the end stays the end
        await stream.aclose()


async def test_a_silent_server_is_a_read_timeout(backend: AsyncioNetworkBackend) -> None:
    async def silent(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        await reader.read()

    async with serving(silent) as port:
        stream = await backend.connect_tcp("127.0.0.1", port)
        with pytest.raises(httpcore.ReadTimeout):
            await stream.read(1024, timeout=0.05)
        await stream.aclose()


async def test_a_reset_is_a_read_error_after_the_data_that_came_first(
    backend: AsyncioNetworkBackend,
) -> None:
    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"partial")
        await writer.drain()
        await reader.readexactly(2)  # the client's signal that "partial" arrived
        sock = writer.get_extra_info("socket")
        # Linger 0: closing sends RST instead of FIN, as a crashed peer or a middlebox does.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    async with serving(reset) as port:
        stream = await backend.connect_tcp("127.0.0.1", port)
        assert await stream.read(1024, timeout=5) == b"partial"
        await stream.write(b"ok", timeout=5)
        with pytest.raises(httpcore.ReadError):
            while await stream.read(1024, timeout=5):
                pass
        await stream.aclose()


def fill(protocol: ConnectionProtocol, data: bytes) -> None:
    """What asyncio's transport does when the socket has ``data``: recv_into the buffer."""
    buffer = protocol.get_buffer(-1)
    buffer[: len(data)] = data
    protocol.buffer_updated(len(data))


async def test_reads_take_all_that_arrived_and_the_socket_pauses_while_full() -> None:
    transport = _RecordingTransport()
    protocol = ConnectionProtocol()
    protocol.connection_made(transport)
    fill(protocol, b"a" * 1000)
    fill(protocol, b"b" * 2000)
    # One piece, though httpcore asks for 64 KiB at most: cutting it up would only cost.
    assert await protocol.receive(timeout=1) == b"a" * 1000 + b"b" * 2000
    assert transport.calls == []

    # A sender faster than the reader fills the buffer: reading pauses until it is taken, and
    # the buffer grows, so the next pieces are bigger (up to the largest size).
    sizes = []
    for _ in range(6):
        room = len(protocol.get_buffer(-1))
        fill(protocol, b"x" * room)
        assert transport.calls[-1] == "pause_reading"
        sizes.append(len(await protocol.receive(timeout=1)))
        assert transport.calls[-1] == "resume_reading"
    assert sizes == [
        FIRST_READ_BUFFER,
        4 * FIRST_READ_BUFFER,
        16 * FIRST_READ_BUFFER,
        LARGEST_READ_BUFFER,
        LARGEST_READ_BUFFER,
        LARGEST_READ_BUFFER,
    ]


class _RecordingTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def pause_reading(self) -> None:
        self.calls.append("pause_reading")

    def resume_reading(self) -> None:
        self.calls.append("resume_reading")


async def test_an_idle_connection_reports_the_server_hanging_up(
    backend: AsyncioNetworkBackend,
) -> None:
    hang_up = asyncio.Event()

    async def closes_later(_reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        await hang_up.wait()

    async with serving(closes_later) as port:
        stream = await backend.connect_tcp("127.0.0.1", port)
        assert not stream.get_extra_info("is_readable")
        hang_up.set()
        for _ in range(500):
            if stream.get_extra_info("is_readable"):
                break
            await asyncio.sleep(0.01)
        assert stream.get_extra_info("is_readable")
        assert await stream.read(1024) == b""
        await stream.aclose()


# --- writing ---------------------------------------------------------------------------------


async def test_writes_arrive_whole(backend: AsyncioNetworkBackend) -> None:
    payload = bytes(range(256)) * (8 * MIB // 256)
    received = asyncio.get_running_loop().create_future()

    async def collect(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        received.set_result(await reader.readexactly(len(payload)))

    async with serving(collect) as port:
        stream = await backend.connect_tcp("127.0.0.1", port)
        for start in range(0, len(payload), 64 * 1024):
            await stream.write(payload[start : start + 64 * 1024], timeout=10)
        assert await asyncio.wait_for(received, 10) == payload
        await stream.aclose()


async def test_a_server_that_stops_reading_is_a_write_timeout(
    backend: AsyncioNetworkBackend,
) -> None:
    async def never_reads(_reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        await asyncio.Event().wait()

    async with serving(never_reads) as port:
        stream = await backend.connect_tcp("127.0.0.1", port)
        block = b"x" * MIB
        with pytest.raises(httpcore.WriteTimeout):
            for _ in range(256):  # far more than the kernel's buffers hold
                await stream.write(block, timeout=0.05)
        await stream.aclose()


async def test_writing_to_a_closed_connection_is_a_write_error(
    backend: AsyncioNetworkBackend,
) -> None:
    async def hangs_up(_reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        return

    async with serving(hangs_up) as port:
        stream = await backend.connect_tcp("127.0.0.1", port)
        assert await stream.read(1024, timeout=5) == b""
        with pytest.raises(httpcore.WriteError):
            await stream.write(b"anyone there?")
        await stream.aclose()


# --- connecting ------------------------------------------------------------------------------


async def test_nobody_listening_is_a_connect_error(backend: AsyncioNetworkBackend) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        port = unused.getsockname()[1]
        with pytest.raises(httpcore.ConnectError):
            await backend.connect_tcp("127.0.0.1", port, timeout=5)


async def test_a_connection_that_never_completes_is_a_connect_timeout(
    backend: AsyncioNetworkBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = asyncio.get_running_loop()

    async def never(*_args: Any, **_kwargs: Any) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(loop, "create_connection", never)
    with pytest.raises(httpcore.ConnectTimeout):
        await backend.connect_tcp("127.0.0.1", 9, timeout=0.05)


async def test_socket_options_and_addresses(backend: AsyncioNetworkBackend) -> None:
    async with serving(lambda r, w: r.read()) as port:
        stream = await backend.connect_tcp(
            "127.0.0.1",
            port,
            socket_options=[(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)],
        )
        sock = stream.get_extra_info("socket")
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        assert stream.get_extra_info("server_addr") == ("127.0.0.1", port)
        assert stream.get_extra_info("client_addr")[0] == "127.0.0.1"
        assert stream.get_extra_info("ssl_object") is None
        await stream.aclose()


async def test_sleep(backend: AsyncioNetworkBackend) -> None:
    await backend.sleep(0)


# --- TLS -------------------------------------------------------------------------------------


def client_tls(authority: trustme.CA | None) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if authority is not None:
        authority.configure_trust(context)
    return context


async def test_tls_both_ways(
    backend: AsyncioNetworkBackend, authority: trustme.CA, server_tls: ssl.SSLContext
) -> None:
    payload = bytes(range(256)) * (2 * MIB // 256)

    async def echo_size(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readexactly(5)
        writer.write(request + payload)
        await writer.drain()

    async with serving(echo_size, tls=server_tls) as port:
        plain = await backend.connect_tcp("127.0.0.1", port, timeout=5)
        stream = await plain.start_tls(client_tls(authority), "localhost", timeout=5)
        assert stream.get_extra_info("ssl_object") is not None
        await stream.write(b"hello", timeout=5)
        assert await drain_stream(stream) == b"hello" + payload
        await stream.aclose()


async def test_an_untrusted_certificate_is_a_connect_error(
    backend: AsyncioNetworkBackend, server_tls: ssl.SSLContext
) -> None:
    async with serving(lambda r, w: r.read(), tls=server_tls) as port:
        plain = await backend.connect_tcp("127.0.0.1", port, timeout=5)
        with pytest.raises(httpcore.ConnectError):
            await plain.start_tls(client_tls(None), "localhost", timeout=5)


async def test_a_stalled_handshake_is_a_connect_timeout(backend: AsyncioNetworkBackend) -> None:
    async def says_nothing(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        await reader.read()

    async with serving(says_nothing) as port:
        plain = await backend.connect_tcp("127.0.0.1", port, timeout=5)
        with pytest.raises(httpcore.ConnectTimeout):
            await plain.start_tls(client_tls(None), "localhost", timeout=0.05)
