"""The token, attached only to requests for the API's own origin.

Result and thumbnail links point at storage on another host; they are pre-signed and must
never see the token. Checking the origin on every request, rather than trusting each caller to
leave the header off, keeps that true for code written later too.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

from kokoon_desktop.api.endpoint import origin_of
from kokoon_desktop.core.endpoint import AuthScheme


class ApiTokenAuth(httpx.Auth):
    """Adds ``Authorization`` for the API origin and nothing for any other host."""

    def __init__(self, token: str, scheme: AuthScheme, api_base_url: str) -> None:
        self._value = scheme.header_value(token)
        self._origin = origin_of(httpx.URL(api_base_url))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if origin_of(request.url) == self._origin:
            request.headers["Authorization"] = self._value
        else:
            request.headers.pop("Authorization", None)
        yield request

    def __repr__(self) -> str:
        # Never let the token reach a log line or a crash report through repr().
        return f"ApiTokenAuth(origin={self._origin!r}, token=<hidden>)"
