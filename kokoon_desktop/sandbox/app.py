"""The one ASGI app behind every way the simulator runs (in-process, loopback, command line).

Routes of the v3 API live under ``/kokoon/api/sr/v3``, the storage host under ``/storage``,
the test/demo controls under ``/_sandbox`` (see :mod:`.admin`), and ``/`` says what this is.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp

from .admin import admin_routes
from .config import API_PREFIX
from .errors import ApiError, bad_request
from .media import write_thumbnail
from .middleware import UID_SCOPE_KEY, SandboxMiddleware
from .probe import NOT_A_VIDEO, ProbeError, probe_video
from .storage import storage_routes
from .upload import discard, receive_file_part
from .validation import (
    parse_calc_body,
    parse_task_body,
    parse_task_query,
    parse_video_query,
    require_uuid,
)

if TYPE_CHECKING:
    from .sandbox import Sandbox
    from .state import SandboxState

_log = logging.getLogger(__name__)

ABOUT = """Kokoon Desktop simulator of the Kokoon SR API v3.

This is NOT the real Kokoon service: nothing is upscaled, no money is involved, and accounts,
tasks and credit live in memory only. It exists for Kokoon Desktop's demo mode, tests and
benchmarks.

API base: {api_origin}{prefix}
Storage:  {storage_origin}/storage/...
Controls: {api_origin}/_sandbox/faults, /_sandbox/credit, /_sandbox/clock, /_sandbox/requests
"""


def _uid(request: Request) -> str:
    uid: str = request.scope[UID_SCOPE_KEY]
    return uid


async def _json_body(request: Request) -> Any:
    """Like Express's JSON parser: a body that is not declared JSON is read as ``{}``."""
    body = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" or not body.strip():
        return {}
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise bad_request("the request body is not valid JSON") from None


def api_routes(sandbox: Sandbox) -> list[BaseRoute]:
    """The eight documented endpoints."""
    state: SandboxState = sandbox.state

    async def upload_video(request: Request) -> Response:
        try:
            staged, filename = await receive_file_part(request, sandbox.staging_dir)
        except ClientDisconnect:
            return Response(status_code=499)  # nobody is listening; nginx's "client closed"
        try:
            media = probe_video(staged)
        except ProbeError:
            discard(staged)
            raise ApiError(400, NOT_A_VIDEO) from None
        thumbnail = staged.with_suffix(".jpg")
        try:
            write_thumbnail(staged, thumbnail)
        except Exception:  # a video we can probe but not decode a frame of: no thumbnail
            _log.warning("no thumbnail for %s", filename, exc_info=True)
            discard(thumbnail)
            return JSONResponse(state.add_original(_uid(request), staged, filename, media, None))
        return JSONResponse(state.add_original(_uid(request), staged, filename, media, thumbnail))

    async def list_videos(request: Request) -> Response:
        query = parse_video_query(request.query_params)
        return JSONResponse(state.list_videos(_uid(request), query))

    async def video_info(request: Request) -> Response:
        vid = require_uuid(request.path_params["vid"], "vid")
        return JSONResponse(state.video_info(_uid(request), vid))

    async def credit_me(request: Request) -> Response:
        return JSONResponse(state.credit_me(_uid(request)))

    async def credit_calc(request: Request) -> Response:
        task_request = parse_calc_body(await _json_body(request))
        return JSONResponse(state.quote(_uid(request), task_request))

    async def create_task(request: Request) -> Response:
        task_request = parse_task_body(await _json_body(request))
        return JSONResponse(state.create_task(_uid(request), task_request))

    async def list_tasks(request: Request) -> Response:
        query = parse_task_query(request.query_params)
        return JSONResponse(state.list_tasks(_uid(request), query))

    async def task_info(request: Request) -> Response:
        tid = require_uuid(request.path_params["tid"], "tid")
        return JSONResponse(state.task_info(_uid(request), tid))

    return [
        Route("/video", upload_video, methods=["POST"]),
        Route("/video", list_videos, methods=["GET"]),
        Route("/video/{vid}", video_info, methods=["GET"]),
        Route("/credit/me", credit_me, methods=["GET"]),
        Route("/credit/calc", credit_calc, methods=["POST"]),
        Route("/task", create_task, methods=["POST"]),
        Route("/task", list_tasks, methods=["GET"]),
        Route("/task/{tid}", task_info, methods=["GET"]),
    ]


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return JSONResponse({"message": exc.message}, exc.status, headers=exc.headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"message": exc.detail}, exc.status_code, headers=exc.headers)


async def _crash(request: Request, exc: Exception) -> Response:
    # Starlette re-raises after this, so the server logs the traceback.
    return JSONResponse({"message": "internal server error"}, 500)


class SandboxApp(Starlette):
    """Starlette with the simulator's network layer outside even its error handling.

    The middleware must see the server's own ``send`` to be able to hang up on a client
    (drop faults), and Starlette's ``ServerErrorMiddleware`` would otherwise wrap it.
    """

    def __init__(self, sandbox: Sandbox, routes: list[BaseRoute]) -> None:
        super().__init__(
            routes=routes,
            exception_handlers={
                ApiError: _api_error,
                HTTPException: _http_error,
                Exception: _crash,
            },
        )
        self._sandbox = sandbox

    def build_middleware_stack(self) -> ASGIApp:
        sandbox = self._sandbox
        return SandboxMiddleware(
            super().build_middleware_stack(),
            faults=sandbox.faults,
            log=sandbox.request_log,
            sleeper=sandbox.sleeper,
            latency_s=lambda: sandbox.config.latency_s,
            uid_for_token=sandbox.uid_for_token,
            origin_of=sandbox.origin_of,
        )


def create_app(sandbox: Sandbox) -> Starlette:
    """Build the app for ``sandbox`` (its state, faults, log and origins)."""

    async def about(request: Request) -> Response:
        text = ABOUT.format(
            api_origin=sandbox.api_origin,
            prefix=API_PREFIX,
            storage_origin=sandbox.storage_origin,
        )
        return PlainTextResponse(text)

    routes: list[BaseRoute] = [
        Route("/", about, methods=["GET"]),
        Mount(API_PREFIX, routes=api_routes(sandbox)),
        *storage_routes(sandbox.state),
        Mount("/_sandbox", routes=admin_routes(sandbox)),
    ]
    return SandboxApp(sandbox, routes)
