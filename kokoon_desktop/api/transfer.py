"""Streaming files to and from the service with progress, memory flat whatever the size."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

#: ``progress(done_bytes, total_bytes)``; total is ``None`` when unknown.
ProgressCallback = Callable[[int, int | None], None]

DOWNLOAD_CHUNK = 1024 * 1024


class ProgressReader:
    """A read-only binary file that reports how much has been read.

    httpx's multipart encoder reads the file in chunks as the request is sent, so counting
    reads follows the bytes going out. ``fileno`` is exposed so httpx can learn the size and
    send a ``Content-Length`` instead of a chunked body.
    """

    def __init__(self, file: BinaryIO, total: int, progress: ProgressCallback | None) -> None:
        self._file = file
        self._total = total
        self._progress = progress
        self._done = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._file.read(size)
        if chunk:
            self._done += len(chunk)
            if self._progress is not None:
                self._progress(min(self._done, self._total), self._total)
        return chunk

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        position = self._file.seek(offset, whence)
        if whence == os.SEEK_SET and offset == 0:
            self._done = 0  # httpx rewinds before sending the body again
        return position

    def tell(self) -> int:
        return self._file.tell()

    def fileno(self) -> int:
        return self._file.fileno()


def partial_path(dest: Path) -> Path:
    """Where an unfinished download of ``dest`` is kept, so a later attempt can resume it."""
    return dest.with_name(dest.name + ".part")


def parse_content_range_start(value: str | None) -> int | None:
    """The first byte position of ``Content-Range: bytes START-END/TOTAL``."""
    if not value or not value.startswith("bytes "):
        return None
    span = value[len("bytes ") :].split("/", 1)[0]
    start, _, _end = span.partition("-")
    return int(start) if start.isdigit() else None


def parse_content_range_total(value: str | None) -> int | None:
    """The TOTAL of ``Content-Range: bytes START-END/TOTAL`` (or ``bytes */TOTAL``)."""
    if not value or "/" not in value:
        return None
    total = value.rsplit("/", 1)[1].strip()
    return int(total) if total.isdigit() else None
