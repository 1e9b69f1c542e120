"""Controls of the simulator over HTTP, under ``/_sandbox`` (no auth, never logged or faulted).

The same controls exist in Python on :class:`~.sandbox.Sandbox`; these routes are for a
sandbox in another process (``python -m kokoon_desktop.sandbox``) or a browser:

* ``GET /_sandbox``: the origins, the accepted tokens and the simulated time;
* ``GET|POST|DELETE /_sandbox/faults``: see :meth:`.faults.Faults.configure` for the JSON;
* ``POST /_sandbox/credit`` ``{"credit": n}`` (optionally ``"token": t``);
* ``POST /_sandbox/clock`` ``{"advance_s": x}``;
* ``GET|DELETE /_sandbox/requests``: the request log.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from .errors import bad_request
from .timestamps import iso_ms

if TYPE_CHECKING:
    from .sandbox import Sandbox


async def _object_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        raise bad_request("the request body is not valid JSON") from None
    if not isinstance(body, dict | list):
        raise bad_request("expected a JSON object")
    return body if isinstance(body, dict) else {"rules": body}


def admin_routes(sandbox: Sandbox) -> list[BaseRoute]:
    """The ``/_sandbox`` routes (mounted by :func:`.app.create_app`)."""

    async def info(request: Request) -> Response:
        return JSONResponse(
            {
                "simulator": "Kokoon Desktop simulator of the Kokoon SR API v3 (not the real one)",
                "base_url": sandbox.base_url,
                "storage_origin": sandbox.storage_origin,
                "tokens": list(sandbox.config.tokens),
                "now": iso_ms(sandbox.state.now()),
            }
        )

    async def get_faults(request: Request) -> Response:
        return JSONResponse(sandbox.faults.to_json())

    async def set_faults(request: Request) -> Response:
        body = await _object_body(request)
        try:
            sandbox.faults.configure(body)
        except ValueError as exc:
            raise bad_request(str(exc)) from None
        return JSONResponse(sandbox.faults.to_json())

    async def clear_faults(request: Request) -> Response:
        sandbox.faults.clear()
        return JSONResponse(sandbox.faults.to_json())

    async def set_credit(request: Request) -> Response:
        body = await _object_body(request)
        credit, token = body.get("credit"), body.get("token")
        if isinstance(credit, bool) or not isinstance(credit, int) or credit < 0:
            raise bad_request("credit must be an integer >= 0")
        if token is not None and (not isinstance(token, str) or token not in sandbox.config.tokens):
            raise bad_request("token must be one of the sandbox's tokens")
        sandbox.set_credit(credit, token)
        return JSONResponse({"credit": credit})

    async def advance_clock(request: Request) -> Response:
        body = await _object_body(request)
        seconds = body.get("advance_s")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
            raise bad_request("advance_s must be a number >= 0")
        now = sandbox.advance_clock(float(seconds))
        return JSONResponse({"now": iso_ms(now)})

    async def requests(request: Request) -> Response:
        return JSONResponse([dataclasses.asdict(entry) for entry in sandbox.requests])

    async def clear_requests(request: Request) -> Response:
        sandbox.clear_requests()
        return JSONResponse([])

    return [
        Route("/", info, methods=["GET"]),
        Route("/faults", get_faults, methods=["GET"]),
        Route("/faults", set_faults, methods=["POST"]),
        Route("/faults", clear_faults, methods=["DELETE"]),
        Route("/credit", set_credit, methods=["POST"]),
        Route("/clock", advance_clock, methods=["POST"]),
        Route("/requests", requests, methods=["GET"]),
        Route("/requests", clear_requests, methods=["DELETE"]),
    ]
