"""Base URL rules: plain http only for loopback, no credentials, no query."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.endpoint import (
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


def test_the_scheme_makes_the_header_value() -> None:
    assert AuthScheme.RAW.header_value("tok") == "tok"  # as the API documentation sends it
    assert AuthScheme.BEARER.header_value("tok") == "Bearer tok"
