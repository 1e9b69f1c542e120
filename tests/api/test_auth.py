"""The token goes only to the API's origin, in the chosen scheme, and never into a repr."""

from __future__ import annotations

import httpx

from kokoon_desktop.api.auth import ApiTokenAuth
from kokoon_desktop.core.endpoint import AuthScheme


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
