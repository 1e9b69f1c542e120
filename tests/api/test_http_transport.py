"""``DirectTransport``: httpx requests over httpcore and the asyncio backend, with httpx's errors.

The servers are small asyncio handlers speaking HTTP/1.1 by hand, so each test controls the
bytes: a good answer, a body cut short, silence, a TLS certificate, a proxy's answer.
"""

from __future__ import annotations

import asyncio
import socket
import ssl

import httpx
import pytest
import trustme

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import NetworkError
from kokoon_desktop.api.http_transport import (
    DirectTransport,
    ProxyRoutingTransport,
    default_transport,
)
from kokoon_desktop.api.retry import NO_RETRY
from tests.api.raw_server import Handler, serving


def answering(*responses: bytes, log: list[bytes] | None = None) -> Handler:
    """Answers the requests of one connection in turn with these raw responses."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for response in responses:
            head = await reader.readuntil(b"\r\n\r\n")
            if log is not None:
                log.append(head)
            writer.write(response)
            await writer.drain()
        await reader.read()

    return handle


def ok(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


async def test_requests_share_a_connection_and_bodies_stream() -> None:
    body = bytes(range(256)) * 4096
    heads: list[bytes] = []
    async with (
        serving(answering(ok(b"first"), ok(body), log=heads)) as port,
        httpx.AsyncClient(transport=DirectTransport()) as http,
    ):
        first = await http.get(f"http://127.0.0.1:{port}/one")
        assert (first.status_code, first.content) == (200, b"first")
        async with http.stream("GET", f"http://127.0.0.1:{port}/two") as second:
            assert b"".join([chunk async for chunk in second.aiter_raw()]) == body
    assert [head.split(b"\r\n")[0] for head in heads] == [
        b"GET /one HTTP/1.1",
        b"GET /two HTTP/1.1",
    ]


async def test_a_body_cut_short_is_httpx_s_remote_protocol_error() -> None:
    cut = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"

    async def cut_short(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(cut)
        await writer.drain()

    async with serving(cut_short) as port, httpx.AsyncClient(transport=DirectTransport()) as http:
        with pytest.raises(
            httpx.RemoteProtocolError, match="without sending complete message body"
        ):
            await http.get(f"http://127.0.0.1:{port}/")


async def test_silence_is_httpx_s_read_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        await reader.read()

    async with (
        serving(silent) as port,
        httpx.AsyncClient(transport=DirectTransport(), timeout=0.05) as http,
    ):
        with pytest.raises(httpx.ReadTimeout) as caught:
            await http.get(f"http://127.0.0.1:{port}/")
    assert caught.value.request.url.port == port


async def test_nobody_listening_is_httpx_s_connect_error() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
        async with httpx.AsyncClient(transport=DirectTransport()) as http:
            with pytest.raises(httpx.ConnectError):
                await http.get(f"http://127.0.0.1:{port}/")


# --- TLS -------------------------------------------------------------------------------------


async def test_https_is_verified(authority: trustme.CA, server_tls: ssl.SSLContext) -> None:
    trusting = ssl.create_default_context()
    authority.configure_trust(trusting)
    async with serving(answering(ok(b"secret")), tls=server_tls) as port:
        async with httpx.AsyncClient(transport=DirectTransport(verify=trusting)) as http:
            assert (await http.get(f"https://localhost:{port}/")).content == b"secret"
        # The system's authorities do not know this test's one: refused, as httpx refuses it.
        async with httpx.AsyncClient(transport=DirectTransport()) as http:
            with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
                await http.get(f"https://localhost:{port}/")
        # verify=False checks nothing, as in httpx.
        async with httpx.AsyncClient(transport=DirectTransport(verify=False)) as http:
            assert (await http.get(f"https://localhost:{port}/")).content == b"secret"


# --- which transport the client uses -------------------------------------------------------


def test_direct_unless_a_proxy_is_configured(network_env: pytest.MonkeyPatch) -> None:
    assert isinstance(default_transport(), DirectTransport)
    network_env.setenv("NO_PROXY", "localhost")
    assert isinstance(default_transport(), DirectTransport)
    network_env.setenv("HTTPS_PROXY", "http://proxy.example.test:3128")
    assert isinstance(default_transport(), ProxyRoutingTransport)


async def test_the_client_goes_through_a_configured_proxy(
    network_env: pytest.MonkeyPatch,
) -> None:
    heads: list[bytes] = []
    refused = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
    async with serving(answering(refused, log=heads)) as port:
        network_env.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        async with KokoonClient(
            token="secret-token", base_url="https://api.example.test/v3", retry=NO_RETRY
        ) as client:
            with pytest.raises(NetworkError):
                await client.get_credit()
    (head,) = heads
    assert head.startswith(b"CONNECT api.example.test:443 HTTP/1.1\r\n")
    assert b"secret-token" not in head  # the token goes inside the tunnel, never to the proxy
