"""Origins of URLs, as the client compares them before it attaches the token.

The address rules themselves (the default URL, the URL check, the auth scheme) are plain rules in
:mod:`kokoon_desktop.core.endpoint`, which the settings use without loading the HTTP stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and effective port: two URLs share an origin when these are equal."""
    port = url.port
    if port is None:
        port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host.lower(), port)
