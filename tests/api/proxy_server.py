"""An HTTP proxy on loopback, and a TLS front for the simulator, for the tests of proxy support.

The proxy is the kind companies run: ``CONNECT`` opens a tunnel for ``https://`` (the proxy
relays bytes it cannot read), an absolute-form request is forwarded for ``http://``, and it may
ask for credentials (``407``) or inspect TLS with a certificate of its own authority. It
resolves every host to this machine, so the tests' servers listen on 127.0.0.1 while the client
asks for names such as ``kokoon.test`` (a name the client cannot take for loopback, so it goes
through the proxy). It records what it saw: every request head, and every byte the client sent.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.api.raw_server import serving

_HOP_BY_HOP = ("proxy-authorization:", "proxy-connection:", "connection:", "keep-alive:")


@dataclass
class ProxyRecord:
    """What the proxy was sent."""

    heads: list[bytes] = field(default_factory=list)
    #: Every byte the clients sent after their request heads (through tunnels: ciphertext).
    relayed: bytearray = field(default_factory=bytearray)

    @property
    def connects(self) -> list[str]:
        """The ``host:port`` of each tunnel asked for."""
        return [line.split()[1] for line in self._request_lines() if line.startswith("CONNECT ")]

    @property
    def forwarded(self) -> list[str]:
        """The request line of each request forwarded in the clear."""
        return [line for line in self._request_lines() if not line.startswith("CONNECT ")]

    def saw(self, secret: str) -> bool:
        """Whether ``secret`` passed through the proxy where it could read it."""
        data = secret.encode()
        return any(data in head for head in self.heads) or data in self.relayed

    def _request_lines(self) -> list[str]:
        return [head.split(b"\r\n", 1)[0].decode("latin-1") for head in self.heads]


@contextlib.asynccontextmanager
async def http_proxy(
    *,
    credentials: tuple[str, str] | None = None,
    inspect_with: ssl.SSLContext | None = None,
    upstream_tls: ssl.SSLContext | None = None,
) -> AsyncIterator[tuple[int, ProxyRecord]]:
    """A proxy on 127.0.0.1; yields its port and its record.

    ``credentials`` are required in ``Proxy-Authorization`` (Basic). With ``inspect_with`` the
    proxy ends the client's TLS itself with that server context and opens its own TLS to the
    server, trusting ``upstream_tls``: it reads everything, as a TLS-inspecting proxy does.
    """
    record = ProxyRecord()
    expected = None
    if credentials is not None:
        expected = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        record.heads.append(head)
        lines = head.decode("latin-1").split("\r\n")
        method, target, _version = lines[0].split(" ", 2)
        headers = [line for line in lines[1:] if line]
        if expected is not None and f"Proxy-Authorization: {expected}" not in headers:
            writer.write(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n'
            )
            await writer.drain()
            return
        if method == "CONNECT":
            host, port = target.rsplit(":", 1)
            try:
                upstream = await asyncio.open_connection(
                    "127.0.0.1",
                    int(port),
                    ssl=upstream_tls if inspect_with else None,
                    server_hostname=host if inspect_with else None,
                )
            except OSError:
                writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            if inspect_with is not None:
                await writer.start_tls(inspect_with)
        else:
            url = urlsplit(target)
            upstream = await asyncio.open_connection("127.0.0.1", url.port or 80)
            kept = [line for line in headers if not line.lower().startswith(_HOP_BY_HOP)]
            path = url.path + (f"?{url.query}" if url.query else "")
            forwarded = [f"{method} {path} HTTP/1.1", *kept, "Connection: close", "", ""]
            upstream[1].write("\r\n".join(forwarded).encode("latin-1"))
        await relay(reader, writer, *upstream, record=record.relayed)

    async with serving(handle) as port:
        yield port, record


@contextlib.asynccontextmanager
async def tls_front(port: int, tls: ssl.SSLContext) -> AsyncIterator[int]:
    """A TLS server on 127.0.0.1 passing its clear traffic to ``port``: an https:// face for
    the simulator, which serves plain http. Yields its own port."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await relay(reader, writer, *await asyncio.open_connection("127.0.0.1", port))

    async with serving(handle, tls=tls) as front:
        yield front


async def relay(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    up_reader: asyncio.StreamReader,
    up_writer: asyncio.StreamWriter,
    *,
    record: bytearray | None = None,
) -> None:
    """Copy both ways until both sides are done; each side is closed when the other ends."""
    await asyncio.gather(
        _copy(reader, up_writer, record), _copy(up_reader, writer, None), return_exceptions=True
    )


async def _copy(
    source: asyncio.StreamReader, sink: asyncio.StreamWriter, record: bytearray | None
) -> None:
    try:
        while data := await source.read(256 * 1024):
            if record is not None:
                record.extend(data)
            sink.write(data)
            await sink.drain()
    finally:
        sink.close()
