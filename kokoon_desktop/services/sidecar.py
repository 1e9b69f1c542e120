"""The provenance file beside each result: how it was made, in plain JSON.

Brief §3 promises that every output keeps its task ID, the full request, the source and the
range. A file beside the video (``clip_person_3840x2160.mp4.kokoon.json``) travels with it
when the folder is copied, archived or handed over, which a row in one machine's history does
not. It holds facts only: never a token, never a storage link (links expire and grant access).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kokoon_desktop import __version__
from kokoon_desktop.core.timecode import FrameRate, format_timecode, ms_to_frames
from kokoon_desktop.storage.atomic import write_atomically

__all__ = [
    "DOCUMENT_FORMAT",
    "SIDECAR_SUFFIX",
    "Provenance",
    "quick_fingerprint",
    "sidecar_document",
    "sidecar_path",
    "write_sidecar",
]

SIDECAR_SUFFIX = ".kokoon.json"
#: Names this document's shape; a later shape gets a new number.
DOCUMENT_FORMAT = "kokoon-desktop-provenance/1"
#: How much of each end of a file the quick fingerprint reads.
FINGERPRINT_SPAN = 1024 * 1024


def sidecar_path(output: Path) -> Path:
    return output.with_name(output.name + SIDECAR_SUFFIX)


@dataclass(frozen=True, slots=True)
class Provenance:
    """What is known of how a result was made."""

    request_body: Mapping[str, Any]  # exactly the body sent
    tid: str
    in_vid: str | None
    out_vid: str | None
    source_name: str | None
    source_path: str | None  # local file the source was uploaded from, when known
    source_fps: str | None  # rational text "30000/1001", when known
    request_time: str | None  # service times, ISO 8601 UTC text
    start_time: str | None
    finish_time: str | None
    credits: str | None  # decimal text, when known


def quick_fingerprint(path: Path) -> str:
    """A quick content fingerprint: SHA-256 of the size (8 bytes, big-endian), the first MiB
    and the last MiB.

    Enough to tell whether a local file is still the source a result was made from, in
    milliseconds even for a file of many gigabytes; not a hash of the whole content.
    """
    digest = hashlib.sha256()
    with path.open("rb") as file:
        size = file.seek(0, 2)
        digest.update(size.to_bytes(8, "big"))
        file.seek(0)
        digest.update(file.read(FINGERPRINT_SPAN))
        file.seek(max(size - FINGERPRINT_SPAN, 0))
        digest.update(file.read(FINGERPRINT_SPAN))
    return "sha256:" + digest.hexdigest()


def sidecar_document(facts: Provenance, output: Path) -> dict[str, Any]:
    """The provenance of ``output`` (which must exist) as a JSON-ready document."""
    body = dict(facts.request_body)
    return {
        "format": DOCUMENT_FORMAT,
        "app": {"name": "Kokoon Desktop", "version": __version__},
        "written_at": _utc_now(),
        "output": {"file": output.name, "size": output.stat().st_size},
        "source": _source(facts),
        "range": _range(body, facts.source_fps),
        "task": {
            "tid": facts.tid,
            "type": body.get("task_type"),
            "in_vid": facts.in_vid,
            "out_vid": facts.out_vid,
            "request_time": facts.request_time,
            "start_time": facts.start_time,
            "finish_time": facts.finish_time,
            "credits": facts.credits,
        },
        "request_body": body,
    }


def write_sidecar(output: Path, facts: Provenance) -> Path:
    """Write the provenance beside ``output``, atomically; the sidecar's path.

    An ``OSError`` (disk full, folder gone) propagates for the caller to report, and leaves
    no half-written or temporary file behind.
    """
    path = sidecar_path(output)
    text = json.dumps(sidecar_document(facts, output), indent=2, ensure_ascii=False)
    write_atomically(path, text + "\n", shared=True)
    return path


def _source(facts: Provenance) -> dict[str, Any]:
    """The source's name; its size and fingerprint while the local file is still there."""
    local = Path(facts.source_path) if facts.source_path else None
    name = facts.source_name or (local.name if local is not None else None)
    if local is None or not local.is_file():
        return {"name": name, "size": None, "fingerprint": None}
    return {"name": name, "size": local.stat().st_size, "fingerprint": quick_fingerprint(local)}


def _range(body: Mapping[str, Any], fps: str | None) -> dict[str, Any]:
    """The part of the source processed, in the API's milliseconds and as SMPTE timecode.

    ``end`` is exclusive (the first frame after the range, as in an edit decision list) and
    null for "to the end of the file" (duration 0), whose length the request does not say.
    """
    start_ms = _ms(body.get("start_pos"))
    duration_ms = _ms(body.get("duration"))
    start = end = None
    rate = _rate(fps)
    if rate is not None:
        start = format_timecode(ms_to_frames(start_ms, rate), rate)
        if duration_ms:
            end = format_timecode(ms_to_frames(start_ms + duration_ms, rate), rate)
    return {
        "start_ms": start_ms,
        "duration_ms": duration_ms,
        "whole_file": start_ms == 0 and duration_ms == 0,
        "fps": fps,
        "start": start,
        "end": end,
    }


def _ms(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _rate(fps: str | None) -> FrameRate | None:
    if not fps:
        return None
    try:
        return FrameRate.parse(fps)
    except ValueError:
        return None


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
