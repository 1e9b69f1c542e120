"""Networks as companies have them: the system's proxies, a TLS-inspecting one, dead ones.

The simulator runs on loopback behind a TLS front, under the name ``kokoon.test``, and a real
proxy (``tests/api/proxy_server.py``) runs on loopback in front of both: the client reaches the
API through a ``CONNECT`` tunnel and the storage links (plain http) forwarded, as it would at a
company. Loopback itself is never proxied.
"""

from __future__ import annotations

import logging
import shutil
import socket
import ssl
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme

from kokoon_desktop import log
from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import NetworkError
from kokoon_desktop.api.http_transport import ProxyRoutingTransport, ProxyTransport
from kokoon_desktop.api.proxies import Proxy, ProxySettings, system_proxy_settings
from kokoon_desktop.api.retry import NO_RETRY
from kokoon_desktop.log import close_logging, configure_logging, redact
from kokoon_desktop.sandbox import DEMO_TOKEN, LoopbackSandbox, SandboxConfig
from kokoon_desktop.sandbox.config import API_PREFIX
from kokoon_desktop.sandbox.media import write_clip
from tests.api.proxy_server import http_proxy, tls_front

HOST = "kokoon.test"  # not loopback to the client: reached through the proxy
SHORT = httpx.Timeout(5.0)


@dataclass
class Service:
    """The simulator as a company's client sees it: ``https://kokoon.test:<port>``."""

    loopback: LoopbackSandbox
    front_port: int

    @property
    def base_url(self) -> str:
        return f"https://{HOST}:{self.front_port}{API_PREFIX}"


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_clip(tmp_path_factory.mktemp("proxy-clips") / "harbour.mp4", seconds=1)


@pytest.fixture(scope="module")
def site_tls(authority: trustme.CA) -> ssl.SSLContext:
    """The service's certificate, for kokoon.test, from the tests' authority."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(HOST).configure_cert(context)
    return context


@pytest.fixture
def trusting(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    authority.configure_trust(context)
    return context


@pytest.fixture
async def service(site_tls: ssl.SSLContext) -> AsyncIterator[Service]:
    with LoopbackSandbox(SandboxConfig(), public_host=HOST) as loopback:
        async with tls_front(int(loopback.api_origin.rsplit(":", 1)[1]), site_tls) as port:
            yield Service(loopback, port)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "kokoon-desktop.log"
    configure_logging(path)
    yield path
    close_logging()
    log._forget_secrets()


async def ask_credit(base_url: str, **options: Any) -> Decimal | NetworkError:
    """``GET /credit/me`` through a client made now (it reads the environment's proxies then):
    the credit, or the error a person would read."""
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=base_url, retry=NO_RETRY, timeout=SHORT, **options
    ) as client:
        try:
            return (await client.get_credit()).credit
        except NetworkError as exc:
            return exc


def _unused_port() -> int:
    with socket.socket() as probe:  # free a moment ago, and nothing listens on it
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# --- through the proxy the environment names ---------------------------------------------------


async def test_api_calls_uploads_and_downloads_go_through_the_proxy(
    network_env: pytest.MonkeyPatch,
    service: Service,
    trusting: ssl.SSLContext,
    clip: Path,
    tmp_path: Path,
) -> None:
    async with http_proxy() as (port, seen):
        network_env.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        network_env.setenv("http_proxy", f"127.0.0.1:{port}")  # no scheme: http, as httpx reads
        async with KokoonClient(
            token=DEMO_TOKEN, base_url=service.base_url, verify=trusting, retry=NO_RETRY
        ) as client:
            assert (await client.get_credit()).credit == 5000
            video = await client.upload_video(shutil.copyfile(clip, tmp_path / "up.mp4"))
            assert video.url is not None and video.url.startswith(f"http://{HOST}:")
            saved = await client.download_video(video.vid, tmp_path / "down.mp4")
    assert saved.read_bytes() == clip.read_bytes()
    # The API through a tunnel (one connection, reused), the storage link forwarded.
    assert seen.connects == [f"{HOST}:{service.front_port}"]
    (download,) = seen.forwarded
    assert download.startswith(f"GET {video.url.split('?')[0]}") and "X-Amz-Signature=" in download
    # The token crossed the proxy only inside the tunnel, encrypted, and never went to storage.
    assert seen.relayed and not seen.saw(DEMO_TOKEN)
    assert not any(b"authorization" in head.lower() for head in seen.heads)
    assert service.loopback.sandbox.requests, "the simulator was reached"


async def test_the_proxy_s_credentials_go_to_the_proxy_only(
    network_env: pytest.MonkeyPatch, service: Service, trusting: ssl.SSLContext, log_file: Path
) -> None:
    async with http_proxy(credentials=("alice", "s3cret-pass")) as (port, seen):
        network_env.setenv("HTTPS_PROXY", f"http://alice:s3cret-pass@127.0.0.1:{port}")
        assert await ask_credit(service.base_url, verify=trusting) == 5000
    (connect,) = seen.heads
    assert connect.startswith(b"CONNECT ") and b"Proxy-Authorization: Basic " in connect
    # The service never sees them: they belong to the tunnel's request, not to the API's.
    for request in service.loopback.sandbox.requests:
        assert not any("proxy" in name.lower() for name in request.headers)
    logged = log_file.read_text(encoding="utf-8")
    assert f"https via 127.0.0.1:{port}" in logged and "s3cret-pass" not in logged


async def test_wrong_proxy_credentials_are_said_without_them(
    network_env: pytest.MonkeyPatch, service: Service, trusting: ssl.SSLContext, log_file: Path
) -> None:
    async with http_proxy(credentials=("alice", "right-password")) as (port, _seen):
        network_env.setenv("HTTPS_PROXY", f"http://alice:wrong-pass-42@127.0.0.1:{port}")
        refused = await ask_credit(service.base_url, verify=trusting)
    assert isinstance(refused, NetworkError) and refused.message == (
        f"Could not reach {HOST} through the proxy 127.0.0.1:{port}: the proxy refused "
        "(407 Proxy Authentication Required). Check the proxy settings."
    )
    assert "wrong-pass-42" not in redact("the proxy said no to wrong-pass-42")
    assert "wrong-pass-42" not in log_file.read_text(encoding="utf-8")


async def test_a_dead_proxy_is_named_and_its_credentials_are_not(
    network_env: pytest.MonkeyPatch, log_file: Path
) -> None:
    port = _unused_port()
    network_env.setenv("HTTPS_PROXY", f"http://bob:hunter2-secret@127.0.0.1:{port}")
    failed = await ask_credit(f"https://{HOST}/v3")
    assert isinstance(failed, NetworkError)
    message = failed.message
    assert message == (
        f"Could not reach {HOST} through the proxy 127.0.0.1:{port}: connection refused. "
        "Check the proxy settings and the network."
    )
    assert "bob" not in message and "hunter2" not in message
    logged = log_file.read_text(encoding="utf-8")
    assert "hunter2-secret" not in logged and f"127.0.0.1:{port}" in logged


async def test_a_task_the_proxy_would_not_carry_was_not_sent(
    network_env: pytest.MonkeyPatch,
) -> None:
    # The proxy refusing the tunnel means the request never left: no "outcome unknown".
    from kokoon_desktop.core.enums import Category
    from kokoon_desktop.core.task_spec import TaskSpec

    async with http_proxy(credentials=("alice", "right-password")) as (port, _seen):
        network_env.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        async with KokoonClient(
            token=DEMO_TOKEN, base_url=f"https://{HOST}/v3", retry=NO_RETRY
        ) as client:
            spec = TaskSpec(
                vid="8eb18100-3aa0-11ee-a8b4-73df6b5af037",
                category=Category.PERSON,
                width=1280,
                height=720,
            )
            with pytest.raises(NetworkError, match="The task was not sent"):
                await client.create_task(spec)


# --- what goes direct -------------------------------------------------------------------------


async def test_loopback_never_goes_through_a_proxy(network_env: pytest.MonkeyPatch) -> None:
    async with http_proxy() as (port, seen):
        for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"):
            network_env.setenv(name, f"http://127.0.0.1:{port}")
        with LoopbackSandbox(SandboxConfig()) as loopback:  # http://127.0.0.1:<port>
            assert await ask_credit(loopback.base_url) == 5000
    assert seen.heads == []


async def test_no_proxy_hosts_go_direct(network_env: pytest.MonkeyPatch) -> None:
    async with http_proxy() as (port, seen):
        network_env.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        network_env.setenv("NO_PROXY", f"example.org,{HOST}")
        failed = await ask_credit(f"https://{HOST}/v3")  # direct: the name does not resolve
    assert seen.heads == []
    assert isinstance(failed, NetworkError) and "proxy" not in failed.message
    assert failed.message.startswith(f"Could not connect to {HOST}")


async def test_routes_follow_the_environment(network_env: pytest.MonkeyPatch) -> None:
    network_env.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    network_env.setenv("ALL_PROXY", "http://fallback.corp:8080")
    network_env.setenv("NO_PROXY", ".internal.corp,direct.example:8443")
    routing = ProxyRoutingTransport(system_proxy_settings())
    try:

        async def label(url: str) -> str | None:
            proxy = await routing.route(httpx.URL(url))
            return None if proxy is None else proxy.label

        assert await label("https://develop.kokoon.cloud/kokoon/api/sr/v3") == "proxy.corp:3128"
        assert await label("http://storage.example/x") == "fallback.corp:8080"
        assert await label("https://files.internal.corp/x") is None
        assert await label("https://direct.example:8443/x") is None
        assert await label("https://direct.example/x") == "proxy.corp:3128"
        for loopback in ("http://127.0.0.1:8765/", "http://localhost:1/", "http://[::1]:80/"):
            assert await label(loopback) is None
    finally:
        await routing.aclose()


# --- a proxy that inspects TLS ------------------------------------------------------------------


async def test_a_tls_inspecting_proxy_works_once_its_authority_is_trusted(
    network_env: pytest.MonkeyPatch,
    service: Service,
    trusting: ssl.SSLContext,
    tmp_path: Path,
) -> None:
    company = trustme.CA(organization_name="Company Inspection CA")
    inspecting = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    company.issue_cert(HOST).configure_cert(inspecting)
    async with http_proxy(inspect_with=inspecting, upstream_tls=trusting) as (port, seen):
        network_env.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        # Verified against the system's store, which does not know the company's authority.
        refused = await ask_credit(service.base_url)
        assert isinstance(refused, NetworkError) and refused.message.startswith(
            f"Could not reach {HOST} through the proxy 127.0.0.1:{port}: the certificate "
            f"presented for {HOST} is not trusted here."
        )
        # IT installs the company's authority in the system's store (on Linux, OpenSSL's file).
        bundle = tmp_path / "company-ca.pem"
        company.cert_pem.write_to_path(str(bundle))
        network_env.setenv("SSL_CERT_FILE", str(bundle))
        assert await ask_credit(service.base_url) == 5000
    assert seen.saw(DEMO_TOKEN), "an inspecting proxy reads the traffic, as its owner chose"


# --- the rules, without a network ---------------------------------------------------------------


def test_proxy_settings_are_read_as_httpx_and_the_registry_write_them() -> None:
    plain = Proxy.parse("proxy.corp:3128")
    assert plain == Proxy("http", "proxy.corp", 3128)
    assert plain.label == "proxy.corp:3128" and plain.auth is None
    secured = Proxy.parse("https://user%40corp:p%3Ass-word@proxy.corp")
    assert secured is not None
    assert (secured.url, secured.auth) == ("https://proxy.corp:443", ("user@corp", "p:ss-word"))
    assert "p:ss-word" not in repr(secured) and "p:ss-word" not in secured.label
    assert redact("set to p:ss-word") == "set to [redacted]"
    assert Proxy.parse("http://[::1]:3128") == Proxy("http", "::1", 3128)
    assert Proxy("http", "::1", 3128).label == "[::1]:3128"
    assert Proxy.parse("socks5://proxy.corp:1080") is None
    assert Proxy.parse("http://proxy.corp:99999") is None
    log._forget_secrets()


def test_without_proxies_nothing_is_routed() -> None:
    settings = ProxySettings()
    assert not settings.any
    assert settings.proxy_for("https", "develop.kokoon.cloud", None) is None


async def test_credentials_never_cross_a_proxy_in_the_clear() -> None:
    async with http_proxy() as (port, seen):
        transport = ProxyTransport(Proxy("http", "127.0.0.1", port))
        async with httpx.AsyncClient(transport=transport) as http:
            with pytest.raises(httpx.ProxyError, match="outside an encrypted tunnel"):
                await http.get(f"http://{HOST}:9/x", headers={"Authorization": "tok-12345"})
    assert seen.heads == []


async def test_logging_a_request_through_a_proxy_keeps_its_password_out(
    network_env: pytest.MonkeyPatch, log_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    network_env.setenv("HTTPS_PROXY", "http://carol:pa55-w0rd-x@proxy.corp:3128")
    with caplog.at_level(logging.INFO, logger="kokoon_desktop.api.proxies"):
        settings = system_proxy_settings()
    assert settings.by_scheme["https"].label == "proxy.corp:3128"
    logging.getLogger("kokoon_desktop.test").warning(
        "proxy was http://carol:pa55-w0rd-x@proxy.corp:3128"
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "https via proxy.corp:3128" in logged and "pa55-w0rd-x" not in logged
