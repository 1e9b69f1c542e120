"""Which trust store the client's TLS context reads, as httpx reads ``verify``."""

from __future__ import annotations

import ssl
import sys
from pathlib import Path

import httpx
import pytest
import trustme

from kokoon_desktop.api.http_transport import DirectTransport
from kokoon_desktop.api.tls import DISTRIBUTION_BUNDLES, client_ssl_context
from tests.api.raw_server import serving
from tests.api.test_http_transport import answering, ok

linux_only = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the system verifies there, through truststore"
)


def test_verify_is_read_as_httpx_reads_it() -> None:
    own = ssl.create_default_context()
    assert client_ssl_context(own) is own
    unchecked = client_ssl_context(False)
    assert unchecked.verify_mode is ssl.CERT_NONE and not unchecked.check_hostname
    system = client_ssl_context(True)
    assert system.verify_mode is ssl.CERT_REQUIRED and system.check_hostname


@linux_only
def test_linux_reads_openssl_s_store_once() -> None:
    context = client_ssl_context()
    assert type(context) is ssl.SSLContext  # loaded now, not again for every connection
    assert context.cert_store_stats()["x509_ca"] > 10


@linux_only
def test_an_openssl_built_to_look_elsewhere_finds_the_distribution_s_bundle(
    network_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # What a frozen OpenSSL gives on another distribution: its compiled-in paths do not exist.
    network_env.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    network_env.setenv("SSL_CERT_DIR", str(tmp_path))
    if not any(Path(bundle).is_file() for bundle in DISTRIBUTION_BUNDLES):
        pytest.skip("this machine has no distribution bundle")
    assert client_ssl_context().cert_store_stats()["x509_ca"] > 10


@pytest.mark.parametrize("platform", [sys.platform, "darwin"])
async def test_an_authority_named_by_ssl_cert_file_is_trusted(
    platform: str,
    network_env: pytest.MonkeyPatch,
    authority: trustme.CA,
    server_tls: ssl.SSLContext,
    tmp_path: Path,
) -> None:
    # As httpx honours it: a company's bundle named in the environment; "darwin" takes the
    # branch of the systems that verify themselves (through truststore).
    bundle = tmp_path / "company-ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    network_env.setenv("SSL_CERT_FILE", str(bundle))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "platform", platform)
        context = client_ssl_context()
    if platform == "darwin":
        assert type(context).__module__.startswith("truststore")
    async with (
        serving(answering(ok(b"verified")), tls=server_tls) as port,
        httpx.AsyncClient(transport=DirectTransport(verify=context)) as http,
    ):
        assert (await http.get(f"https://localhost:{port}/")).content == b"verified"
