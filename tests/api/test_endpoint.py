"""Base URL rules: plain http only for loopback, and the token only for the API's origin."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.api.auth import ApiTokenAuth
from kokoon_desktop.api.endpoint import (
    DEFAULT_BASE_URL,
    AuthScheme,
    check_base_url,
    is_loopback_host,
)


def test_default_is_the_documented_host() -> None:
    assert check_base_url(DEFAULT_BASE_URL) == "https://develop.kokoon.cloud/kokoon/api/sr/v3"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/kokoon/api/sr/v3",
        "http://localhost:1/kokoon/api/sr/v3/",
        "http://[::1]:8000/x",
        "http://api.sandbox.localhost/kokoon/api/sr/v3",
        "https://example.com/kokoon/api/sr/v3",
    ],
)
def test_accepted(url: str) -> None:
    assert not check_base_url(url).endswith("/")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://develop.kokoon.cloud/kokoon/api/sr/v3", "unencrypted"),
        ("http://10.0.0.5/x", "unencrypted"),
        ("ftp://localhost/x", "web address"),
        ("develop.kokoon.cloud", "web address"),
        ("https://example.com/x?a=1", "should not contain"),
        ("", "web address"),
    ],
)
def test_refused_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        check_base_url(url)


@given(st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){1,2}", fullmatch=True))
def test_plain_http_refused_for_any_non_loopback_name(host: str) -> None:
    if is_loopback_host(host):
        return
    with pytest.raises(ValueError, match="unencrypted"):
        check_base_url(f"http://{host}/kokoon/api/sr/v3")


@given(st.ip_addresses())
def test_loopback_addresses(address: object) -> None:
    assert is_loopback_host(str(address)) == address.is_loopback  # type: ignore[attr-defined]


def _auth_header(auth: httpx.Auth, url: str) -> str | None:
    request = httpx.Request("GET", url, headers={"Authorization": "stale"})
    flow = auth.sync_auth_flow(request)
    sent = next(flow)
    return sent.headers.get("Authorization")


def test_token_only_for_the_api_origin() -> None:
    auth = ApiTokenAuth("s3cr3t", AuthScheme.RAW, "https://api.example.test/kokoon/api/sr/v3")
    assert _auth_header(auth, "https://api.example.test/kokoon/api/sr/v3/task") == "s3cr3t"
    assert _auth_header(auth, "https://api.example.test:443/other") == "s3cr3t"
    assert _auth_header(auth, "https://storage.example.test/video/x.mp4") is None
    assert _auth_header(auth, "http://api.example.test/kokoon/api/sr/v3/task") is None
    assert _auth_header(auth, "https://api.example.test:8443/x") is None
    assert "s3cr3t" not in repr(auth)


def test_bearer_scheme() -> None:
    auth = ApiTokenAuth("tok", AuthScheme.BEARER, "https://api.example.test/")
    assert _auth_header(auth, "https://api.example.test/credit/me") == "Bearer tok"
