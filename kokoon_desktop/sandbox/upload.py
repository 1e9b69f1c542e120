"""Receive POST /video's multipart body straight to disk.

Starlette's ``request.form()`` spools parts through its own temporary files and a thread
pool; a 1 GiB upload would be copied twice. Here python-multipart's streaming parser runs on
each chunk as it arrives and the ``file`` part is written synchronously to its final disk
location (a page-cache write of a ~256 KiB chunk takes microseconds), so memory stays flat and
the in-process path needs no threads.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import uuid
from pathlib import Path
from typing import BinaryIO

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from .errors import bad_request

FILE_FIELD = "file"
NOT_MULTIPART = "the request must be multipart/form-data with a part named 'file'"
MISSING_FILE = "must have required property 'file'"
BROKEN_BODY = "the multipart body is malformed or incomplete"
_WRITE_BUFFER = 1024 * 1024
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def safe_filename(raw: str) -> str:
    """Keep the user's name but make it a safe single path component."""
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip().strip(".")
    while len(name.encode()) > 200:
        name = name[:-1]
    return name or "upload.mp4"


class _FilePartWriter:
    """python-multipart callbacks that keep only the first part named ``file``."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.filename: str | None = None
        self.finished = False
        self._file: BinaryIO | None = None
        self._in_file_part = False
        self._seen_file = False
        self._field = bytearray()
        self._value = bytearray()
        self._headers: dict[bytes, bytes] = {}

    def on_part_begin(self) -> None:
        self._headers = {}
        self._in_file_part = False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[bytes(self._field).lower()] = bytes(self._value)
        self._field.clear()
        self._value.clear()

    def on_headers_finished(self) -> None:
        disposition, params = parse_options_header(self._headers.get(b"content-disposition"))
        name = params.get(b"name")
        if disposition == b"form-data" and name == FILE_FIELD.encode() and not self._seen_file:
            self._seen_file = self._in_file_part = True
            raw_name = params.get(b"filename", b"")
            self.filename = safe_filename(raw_name.decode("utf-8", errors="replace"))
            self._file = self.target.open("wb", buffering=0)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file_part and self._file is not None:
            self._file.write(memoryview(data)[start:end])

    def on_part_end(self) -> None:
        if self._in_file_part and self._file is not None:
            self._file.close()
        self._in_file_part = False

    def on_end(self) -> None:
        self.finished = True

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


async def receive_file_part(request: Request, staging_dir: Path) -> tuple[Path, str]:
    """Stream the ``file`` part to a new file in ``staging_dir``; return it and its name.

    Raises a 400 :class:`~.errors.ApiError` for a body that is not multipart or has no
    ``file`` part; the staged file is removed on any failure (including a client that
    disconnects part-way).
    """
    content_type, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise bad_request(NOT_MULTIPART)
    staging_dir.mkdir(parents=True, exist_ok=True)
    target = staging_dir / f"{uuid.uuid4().hex}.part"
    writer = _FilePartWriter(target)
    try:
        parser = MultipartParser(
            boundary,
            {
                "on_part_begin": writer.on_part_begin,
                "on_header_field": writer.on_header_field,
                "on_header_value": writer.on_header_value,
                "on_header_end": writer.on_header_end,
                "on_headers_finished": writer.on_headers_finished,
                "on_part_data": writer.on_part_data,
                "on_part_end": writer.on_part_end,
                "on_end": writer.on_end,
            },
        )
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except FormParserError as exc:
        writer.close()
        target.unlink(missing_ok=True)
        raise bad_request(BROKEN_BODY) from exc
    except BaseException:
        writer.close()
        target.unlink(missing_ok=True)
        raise
    writer.close()
    if writer.filename is None:
        target.unlink(missing_ok=True)
        raise bad_request(MISSING_FILE)
    if not writer.finished:
        target.unlink(missing_ok=True)
        raise bad_request(BROKEN_BODY)
    return target, writer.filename


def discard(path: Path) -> None:
    """Remove a staged file, ignoring a file that is already gone."""
    with contextlib.suppress(OSError):
        path.unlink()
