"""Where the API lives and how the token is presented: plain rules, no HTTP stack.

The documented host is a "develop" environment and no production host is published, so the base
URL is a setting. Plain ``http://`` is accepted only for loopback hosts (the local simulator,
an SSH tunnel): anything else would send the token in clear over a network.

Here rather than in ``api``: the settings (``storage``) check a stored address with these rules
and must not load the HTTP client to do it.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from urllib.parse import urlsplit

from kokoon_desktop.i18n import translate

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
    """The base URL, normalised (no trailing slash), or ``ValueError`` saying what is wrong.

    Parsed with the standard library rather than httpx so that the settings can check an
    address without loading the HTTP stack, which the window does not need until it connects.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname
        _ = parts.port  # an impossible port raises here
    except ValueError as exc:
        raise ValueError(
            translate("Endpoint", "{text} is not a valid URL: {reason}").format(
                text=repr(text), reason=exc
            )
        ) from None
    if parts.username is not None or parts.password is not None:
        # Not quoted: the user name or password may itself be a credential.
        raise ValueError(
            translate(
                "Endpoint",
                "The address contains a user name or password; give the API token in the "
                "settings instead, where it is kept in the system keychain.",
            )
        )
    if parts.scheme not in ("http", "https") or not host:
        raise ValueError(
            translate(
                "Endpoint",
                "{text} is not a web address: the API URL starts with https:// and names a host.",
            ).format(text=repr(text))
        )
    if parts.scheme == "http" and not is_loopback_host(host):
        raise ValueError(
            translate(
                "Endpoint",
                "Refusing plain http:// for {host}: the token would travel unencrypted. "
                "Use https://, or http:// only for a service on this machine (localhost).",
            ).format(host=host)
        )
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        # Not quoted either: a query string may carry a credential.
        raise ValueError(
            translate(
                "Endpoint",
                "The address should not contain '?' or '#': give the API's base address.",
            )
        )
    return text.rstrip("/")
