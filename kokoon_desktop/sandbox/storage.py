"""The storage host: pre-signed links to uploaded originals, results, thumbnails and previews.

It behaves like the S3 bucket the real service links to, in the ways a client can notice:
links expire and are tamper-proof (403), a request that also carries an ``Authorization``
header is refused (400, S3's "Only one auth mechanism allowed"), HEAD and single byte ranges
work (206 / 416) so downloads can resume, and files stream from disk in 1 MiB chunks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import formatdate
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from .errors import ApiError
from .links import LinkCheck

if TYPE_CHECKING:
    from .state import Download, SandboxState

CHUNK_SIZE = 1024 * 1024
ONE_AUTH_MECHANISM = (
    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature "
    "query string parameter or the Authorization header should be specified"
)
_SINGLE_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
_REFUSALS = {
    LinkCheck.MISSING: "Access Denied",
    LinkCheck.BAD_SIGNATURE: (
        "The request signature we calculated does not match the signature you provided."
    ),
    LinkCheck.EXPIRED: "Request has expired",
}


@dataclass(frozen=True)
class ByteRange:
    """An inclusive byte range that fits the file."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class Unsatisfiable(Exception):
    """The Range header asks for bytes the file does not have (416)."""


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """One range of ``bytes=N-``, ``bytes=N-M`` or ``bytes=-S``; None means the whole file.

    Like S3, several ranges or a malformed header are ignored (the whole file is sent).
    """
    if header is None:
        return None
    match = _SINGLE_RANGE.match(header)
    if match is None:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return ByteRange(max(0, size - suffix), size - 1)
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if last != "" and int(last) < start:
        return None
    if start >= size:
        raise Unsatisfiable
    return ByteRange(start, end)


class FileStreamResponse(Response):
    """Streams part or all of a file from disk with a Content-Length; memory stays flat.

    Reads are synchronous: a 1 MiB read from the page cache takes well under a millisecond,
    and it keeps the in-process path free of thread pools.
    """

    def __init__(self, download: Download, byte_range: ByteRange | None, head: bool) -> None:
        size = download.size
        self.download = download
        self.byte_range = byte_range
        self.head = head
        status = 206 if byte_range is not None else 200
        length = byte_range.length if byte_range is not None else size
        stat = download.blob.file.stat()
        headers = {
            "accept-ranges": "bytes",
            "content-length": str(length),
            "etag": f'"{stat.st_ino:x}-{size:x}-{stat.st_mtime_ns:x}"',
            "last-modified": formatdate(stat.st_mtime, usegmt=True),
        }
        if byte_range is not None:
            headers["content-range"] = f"bytes {byte_range.start}-{byte_range.end}/{size}"
        super().__init__(status_code=status, headers=headers, media_type=download.blob.content_type)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        if self.head:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        start = self.byte_range.start if self.byte_range else 0
        remaining = self.byte_range.length if self.byte_range else self.download.size
        with self.download.blob.file.open("rb", buffering=0) as source:
            source.seek(start)
            while remaining > 0:
                chunk = source.read(min(CHUNK_SIZE, remaining))
                if not chunk:
                    break  # the file shrank under us; the client sees a short body
                remaining -= len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def storage_routes(state: SandboxState) -> list[BaseRoute]:
    """The storage host's one route: GET/HEAD ``/storage/{uid}/{vid}/...``."""

    async def serve(request: Request) -> Response:
        if "authorization" in request.headers:
            raise ApiError(400, ONE_AUTH_MECHANISM)
        path: str = request.scope["path"]
        check = state.signer.check(path, request.query_params, state.now())
        if check is not LinkCheck.OK:
            raise ApiError(403, _REFUSALS[check])
        download = state.storage_object(path)
        if download is None:
            raise ApiError(404, "The specified key does not exist.")
        head = request.method == "HEAD"
        try:
            byte_range = parse_range(request.headers.get("range"), download.size)
        except Unsatisfiable:
            raise ApiError(
                416,
                "The requested range is not satisfiable",
                {"content-range": f"bytes */{download.size}", "accept-ranges": "bytes"},
            ) from None
        vid = download.blob.counts_for_vid
        if not head and vid is not None and (byte_range is None or byte_range.start == 0):
            # A resumed download (Range from a later byte) is the same download, not a new one.
            state.count_download(vid)
        return FileStreamResponse(download, byte_range, head)

    return [Route("/storage/{rest:path}", serve, methods=["GET", "HEAD"])]
