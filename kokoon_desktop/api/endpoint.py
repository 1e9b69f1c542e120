"""Where the API lives and how the token is presented.

The documented host is a "develop" environment and no production host is published, so the base
URL is a setting. Plain ``http://`` is accepted only for loopback hosts (the local simulator,
an SSH tunnel): anything else would send the token in clear over a network.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum

import httpx

DEFAULT_BASE_URL = "https://develop.kokoon.cloud/kokoon/api/sr/v3"


class AuthScheme(StrEnum):
    """How the token goes into ``Authorization``.

    The documentation's examples send the token as-is, with no scheme (``RAW``); ``BEARER`` is
    for deployments behind gateways that want ``Authorization: Bearer <token>``.
    """

    RAW = "raw"
    BEARER = "bearer"

    def header_value(self, token: str) -> str:
        return f"Bearer {token}" if self is AuthScheme.BEARER else token


def is_loopback_host(host: str) -> bool:
    """True for names and addresses that never leave this machine (RFC 6761 ``localhost``)."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """The base URL, normalised (no trailing slash), or ``ValueError`` saying what is wrong."""
    text = url.strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValueError(f"{text!r} is not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(
            f"{text!r} is not a web address: the API URL starts with https:// and names a host."
        )
    if parsed.scheme == "http" and not is_loopback_host(parsed.host):
        raise ValueError(
            f"Refusing plain http:// for {parsed.host}: the token would travel unencrypted. "
            "Use https://, or http:// only for a service on this machine (localhost)."
        )
    if parsed.query or parsed.fragment:
        raise ValueError(f"{text!r} should not contain '?' or '#': give the API's base address.")
    return text.rstrip("/")


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and effective port: two URLs share an origin when these are equal."""
    port = url.port
    if port is None:
        port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host.lower(), port)
