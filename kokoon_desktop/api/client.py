"""The Kokoon SR API v3 client: one ``httpx.AsyncClient``, every documented endpoint.

Reads are retried with backoff on network failures and on 429/502/503/504. Creating a task is
sent once and only once: if the answer is lost, the error says the outcome is unknown and the
caller looks the task up instead of sending it again. Uploads are retried only when the
connection could not be made at all.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import os
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self, cast

import httpx

from kokoon_desktop import __version__
from kokoon_desktop.api.auth import ApiTokenAuth
from kokoon_desktop.api.errors import (
    AuthenticationError,
    KokoonError,
    MalformedResponseError,
    NotFoundError,
    RequestRejectedError,
    ServerError,
    TaskOutcomeUnknownError,
    TransferError,
)
from kokoon_desktop.api.failures import (
    decode_json,
    error_from_response,
    network_error,
    never_reached_server,
    server_message_of,
)
from kokoon_desktop.api.filters import TaskFilter, VideoFilter
from kokoon_desktop.api.http_transport import default_transport
from kokoon_desktop.api.models import (
    CreatedTask,
    Credit,
    CreditQuote,
    Task,
    TaskPage,
    Video,
    VideoPage,
)
from kokoon_desktop.api.retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from kokoon_desktop.api.transfer import (
    ProgressCallback,
    ProgressReader,
    parse_content_range_start,
    parse_content_range_total,
    partial_path,
)
from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.ids import normalize_uuid
from kokoon_desktop.core.task_spec import TaskSpec

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=60.0, pool=10.0)
#: After the last byte of an upload the service probes the file before answering.
UPLOAD_TIMEOUT = httpx.Timeout(connect=10.0, read=300.0, write=60.0, pool=10.0)

#: A thumbnail larger than this is not a thumbnail.
THUMBNAIL_MAX_BYTES = 8 * 1024 * 1024

#: Server statuses after which a task creation may or may not have happened.
_AMBIGUOUS_CREATE_STATUSES = frozenset({500, 502, 504})

Sleep = Callable[[float], Awaitable[None]]


class KokoonClient:
    """Async client for the v3 API. Use as ``async with KokoonClient(...) as client``."""

    def __init__(
        self,
        *,
        token: str | None,
        base_url: str = DEFAULT_BASE_URL,
        auth_scheme: AuthScheme = AuthScheme.RAW,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: ssl.SSLContext | bool = True,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        upload_timeout: httpx.Timeout = UPLOAD_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        max_concurrent_requests: int = 8,
    ) -> None:
        """Without a ``transport``, requests go direct or through the system's proxies, and
        certificates are checked as ``verify`` says (True: the system's trust store)."""
        self._base_url = check_base_url(base_url)
        self._auth_scheme = auth_scheme
        # API calls beyond this wait their turn here rather than in httpcore's pool, whose
        # bookkeeping grows with every queued request: with hundreds queued it stalled the
        # window's event loop for over 100 ms. Transfers have their own connections.
        self._api_slots = asyncio.Semaphore(max_concurrent_requests)
        self._has_token = bool(token)
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._upload_timeout = upload_timeout
        self._host = httpx.URL(self._base_url).host
        self._http = httpx.AsyncClient(
            base_url=self._base_url,
            auth=ApiTokenAuth(token, auth_scheme, self._base_url) if token else None,
            transport=transport if transport is not None else default_transport(verify),
            timeout=timeout,
            headers={"User-Agent": f"KokoonDesktop/{__version__}"},
            follow_redirects=False,
        )

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def auth_scheme(self) -> AuthScheme:
        """How the token is presented (copied curl commands present it the same way)."""
        return self._auth_scheme

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- account -----------------------------------------------------------------------------

    async def get_credit(self) -> Credit:
        """``GET /credit/me``: the credit (and points) left on the account."""
        return Credit.from_json(await self._read_json("GET", "/credit/me"))

    async def quote(self, spec: TaskSpec) -> CreditQuote:
        """``POST /credit/calc``: the cost of a task with these settings; charges nothing."""
        if spec.task_type is not TaskType.SR:
            # The documented rule: only full tasks (SR) can be quoted.
            raise ValueError("The service quotes full tasks only, not previews.")
        body = spec.to_request_body()
        # A quote changes nothing on the server, so it is as safe to repeat as a read.
        return CreditQuote.from_json(await self._read_json("POST", "/credit/calc", json=body))

    # --- tasks -------------------------------------------------------------------------------

    async def create_task(self, spec: TaskSpec) -> CreatedTask:
        """``POST /task``, sent exactly once whatever happens.

        Raises :class:`TaskOutcomeUnknownError` when the request may have reached the service
        but no usable answer came back: the task may exist, and must be looked up, not resent.
        """
        self._require_token()
        try:
            async with self._api_slots:
                response = await self._http.post("/task", json=spec.to_request_body())
        except httpx.TransportError as exc:
            if never_reached_server(exc):
                error = network_error(exc, self._host)
                raise type(error)(f"{error.message} The task was not sent.") from None
            raise TaskOutcomeUnknownError(
                f"The connection to {self._host} broke off after the task was sent, so it may "
                "or may not have been created. Check the task list before submitting again."
            ) from None
        if response.status_code >= 400:
            failure = error_from_response(response)
            if response.status_code in _AMBIGUOUS_CREATE_STATUSES:
                raise TaskOutcomeUnknownError(
                    f"{failure.message} The task may or may not have been created: check the "
                    "task list before submitting again.",
                    status=response.status_code,
                    server_message=failure.server_message,
                )
            raise failure
        try:
            return CreatedTask.from_json(decode_json(response))
        except MalformedResponseError as exc:
            raise TaskOutcomeUnknownError(
                f"{exc.message} The service accepted the task but its answer could not be read: "
                "check the task list before submitting again.",
                status=response.status_code,
            ) from None

    async def get_task(self, tid: str) -> Task:
        """``GET /task/{tid}``: a task's step, progress and details."""
        tid = normalize_uuid(tid, "task ID")
        return Task.from_json(await self._read_json("GET", f"/task/{tid}"))

    async def list_tasks(self, task_filter: TaskFilter | None = None) -> TaskPage:
        """``GET /task``: short summaries, filtered and paged."""
        params = (task_filter or TaskFilter()).to_params()
        return TaskPage.from_json(await self._read_json("GET", "/task", params=params))

    # --- videos ------------------------------------------------------------------------------

    async def get_video(self, vid: str) -> Video:
        """``GET /video/{vid}``: an original's or a result's metadata and links."""
        vid = normalize_uuid(vid, "video ID")
        return Video.from_json(await self._read_json("GET", f"/video/{vid}"))

    async def list_videos(self, video_filter: VideoFilter | None = None) -> VideoPage:
        """``GET /video``: originals and results, filtered, sorted and paged."""
        params = (video_filter or VideoFilter()).to_params()
        return VideoPage.from_json(await self._read_json("GET", "/video", params=params))

    async def fetch_thumbnail(self, url: str, *, max_bytes: int = THUMBNAIL_MAX_BYTES) -> bytes:
        """The picture at a video's ``thumb_url``: a storage link, fetched without the token.

        Read once (a thumbnail is not worth retrying), no redirects followed, and refused
        when larger than ``max_bytes``: it is only decoded for a preview.
        """
        parsed = httpx.URL(url)
        host = parsed.host or url
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise RequestRejectedError(f"The thumbnail link {url!r} is not a web address.")
        try:
            async with self._http.stream("GET", url, auth=None) as response:
                if response.status_code != 200:
                    raise TransferError(
                        f"The thumbnail could not be fetched from {host} "
                        f"(HTTP {response.status_code})."
                    )
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise TransferError(
                            f"The thumbnail at {host} is larger than {max_bytes} bytes."
                        )
        except httpx.TransportError as exc:
            raise network_error(exc, host) from None
        return bytes(body)

    async def upload_video(
        self,
        path: str | os.PathLike[str],
        *,
        progress: ProgressCallback | None = None,
        filename: str | None = None,
    ) -> Video:
        """``POST /video``: stream a local file as the multipart part ``file``.

        Cancel the awaiting task to stop an upload. Retried only when no connection could be
        made; once bytes have gone out, a failure is reported rather than repeated.
        """
        self._require_token()
        source = Path(path)
        name = filename or source.name
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise TransferError(f"Cannot read {source}: {exc.strerror or exc}.") from None
        if not source.is_file():
            raise TransferError(f"{source} is not a file.")
        if size == 0:
            raise TransferError(f"{source} is empty.")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        attempt = 0
        while True:
            attempt += 1
            try:
                with source.open("rb") as file:
                    reader = cast(IO[bytes], ProgressReader(file, size, progress))
                    response = await self._http.post(
                        "/video",
                        files={"file": (name, reader, content_type)},
                        timeout=self._upload_timeout,
                    )
            except httpx.TransportError as exc:
                if never_reached_server(exc) and attempt < self._retry.attempts:
                    await self._sleep(self._retry.delay(attempt))
                    continue
                raise network_error(exc, self._host) from None
            except OSError as exc:
                raise TransferError(f"Cannot read {source}: {exc.strerror or exc}.") from None
            break
        if response.status_code >= 400:
            raise error_from_response(response)
        return Video.from_json(decode_json(response), "uploaded video")

    async def download_video(
        self,
        vid: str,
        dest: str | os.PathLike[str],
        *,
        progress: ProgressCallback | None = None,
    ) -> Path:
        """Fetch a fresh link for ``vid`` (links expire) and download it to ``dest``.

        ``dest`` may be a folder, in which case the video's own file name is used.
        """
        video = await self.get_video(vid)
        if not video.is_ready or not video.url:
            state = video.state or "unknown"
            raise RequestRejectedError(
                f"Video {video.vid} is not ready to download yet (state: {state})."
            )
        target = Path(dest)
        if target.is_dir():
            target = target / Path(video.filename or f"{video.vid}.mp4").name
        return await self.download(video.url, target, expected_size=video.size, progress=progress)

    async def download(
        self,
        url: str,
        dest: str | os.PathLike[str],
        *,
        expected_size: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> Path:
        """Stream ``url`` (a storage link, never sent the token) to ``dest``.

        Bytes go to ``dest.part`` first, which a later attempt resumes with ``Range`` when the
        server allows it; the size is checked before the file is renamed into place.
        """
        target = Path(dest)
        part = partial_path(target)
        host = httpx.URL(url).host or url
        attempt = 0
        while True:
            attempt += 1
            try:
                await self._download_to_part(url, part, expected_size, progress)
                break
            except httpx.TransportError as exc:
                if attempt >= self._retry.attempts:
                    raise network_error(exc, host) from None
                log.info("download from %s interrupted; resuming", host)
                await self._sleep(self._retry.delay(attempt))
        part.replace(target)
        return target

    async def _download_to_part(
        self,
        url: str,
        part: Path,
        expected_size: int | None,
        progress: ProgressCallback | None,
    ) -> None:
        offset = part.stat().st_size if part.exists() else 0
        if expected_size is not None and offset > expected_size:
            part.unlink()
            offset = 0
        headers = {"Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        async with self._http.stream(
            "GET", url, headers=headers, auth=None, follow_redirects=True
        ) as response:
            status = response.status_code
            if status == 416 and offset:
                total = parse_content_range_total(response.headers.get("Content-Range"))
                if total == offset and expected_size in (None, offset):
                    return  # the partial file was already complete
                part.unlink()
                raise httpx.RemoteProtocolError("range not satisfiable; restarting")
            if (
                status == 206
                and parse_content_range_start(response.headers.get("Content-Range")) == offset
            ):
                total = parse_content_range_total(response.headers.get("Content-Range"))
                mode = "ab"
            elif status == 200:
                offset = 0
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                mode = "wb"
            else:
                await response.aread()
                raise _download_error(response)
            if expected_size is not None and total is not None and total != expected_size:
                raise TransferError(
                    f"The download is {total} bytes but the video should be {expected_size}."
                )
            total = total if total is not None else expected_size
            done = offset
            with part.open(mode) as file:
                async for chunk in _body_chunks(response):
                    file.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
        if total is not None and done != total:
            if done > total:
                part.unlink()
            raise httpx.RemoteProtocolError("incomplete download")

    # --- plumbing ----------------------------------------------------------------------------

    def _require_token(self) -> None:
        if not self._has_token:
            raise AuthenticationError(
                "No API token: sign in first (kokoon login, or set KOKOON_TOKEN)."
            )

    async def _read_json(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> object:
        """Send a request that is safe to repeat, retrying transient failures."""
        self._require_token()
        attempt = 0
        while True:
            attempt += 1
            last_try = attempt >= self._retry.attempts
            try:
                async with self._api_slots:
                    response = await self._http.request(method, path, params=params, json=json)
            except httpx.TransportError as exc:
                if last_try:
                    raise network_error(exc, self._host) from None
                log.info("%s %s failed (%s); retrying", method, path, type(exc).__name__)
                await self._sleep(self._retry.delay(attempt))
                continue
            if response.status_code < 400:
                log.debug("%s %s -> %s", method, path, response.status_code)
                return decode_json(response)
            if response.status_code in RETRYABLE_STATUSES and not last_try:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                log.info("%s %s -> %s; retrying", method, path, response.status_code)
                await self._sleep(self._retry.delay(attempt, retry_after))
                continue
            raise error_from_response(response)


async def _body_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body as it arrives, without decoding (``Accept-Encoding: identity`` was asked).

    The raw stream skips httpx's decoder and re-chunker, which cost a third of the time of a
    loopback download; a transport that hands over a body already read gets it in one piece.
    """
    if response.is_stream_consumed:
        yield response.content
        return
    async for chunk in response.aiter_raw():
        yield chunk


def _download_error(response: httpx.Response) -> KokoonError:
    """Storage links fail for their own reasons: an expired signature is not a bad token."""
    status = response.status_code
    said = server_message_of(response)
    if status == 404:
        return NotFoundError("The file is no longer at its link.", status=status)
    if status in (400, 401, 403):
        return RequestRejectedError(
            f"The storage refused the download link ({status}); links expire, so try again "
            "to get a fresh one.",
            status=status,
            server_message=said,
        )
    if status >= 500:
        return ServerError(f"The storage failed ({status}). Try again later.", status=status)
    return RequestRejectedError(
        f"The download failed with status {status}.", status=status, server_message=said
    )
