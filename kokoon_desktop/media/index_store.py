"""Frame indexes kept on disk between runs: a long camcorder file opened again after a restart
is not read again (an hour of 1080p takes seconds to index).

One small file per video in the profile's cache folder, named by a digest of the video's key
(path, size, modification time, fingerprint of its first and last bytes), so an edited or
replaced file never meets a stale index. Timestamps are stored as differences, which a
constant-rate file turns into one repeated number that compresses to almost nothing. Anything
wrong with a stored file (another format version, damage, a full disk) only means the index is
built again: the store never fails a caller.

No folder is used until :func:`use_folder` names one (the app does, at start); this module
loads nothing heavy, so naming it costs the start-up nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
from itertools import accumulate, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kokoon_desktop.media.frame_index import FrameIndex

# hashlib, json, tempfile, zlib and fractions are imported where used: the app names the folder
# while it starts, when every millisecond shows.

__all__ = ["IndexStore", "current", "use_folder"]

log = logging.getLogger(__name__)

#: Bumped when what an index holds or how it is written changes: older files are rebuilt.
FORMAT = 1
#: How many indexes are kept; the least recently used go first.
KEEP = 256
_SUFFIX = ".index"


class IndexStore:
    """Indexes in ``folder``, created when the first one is saved."""

    def __init__(self, folder: Path, keep: int = KEEP) -> None:
        self.folder = folder
        self._keep = keep

    def load(self, key: str) -> FrameIndex | None:
        """The stored index for ``key``, or None (never stored, or unreadable: then removed)."""
        import zlib

        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            index = _decode(data)
        except (ValueError, KeyError, TypeError, zlib.error) as error:
            log.info("stored frame index %s dropped: %s", path.name, error)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest
        return index

    def save(self, key: str, index: FrameIndex) -> None:
        """Store ``index`` for ``key`` (whole or not at all); a failure is only logged."""
        import tempfile

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, suffix=".part")
            temporary = Path(name)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(_encode(index))
                temporary.replace(self._path(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    temporary.unlink()
                raise
        except OSError as error:
            log.info("frame index not stored: %s", error)
            return
        self._prune()

    def _path(self, key: str) -> Path:
        import hashlib

        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16)
        return self.folder / f"{digest.hexdigest()}{_SUFFIX}"

    def _prune(self) -> None:
        """Keep the ``keep`` most recently used indexes."""
        try:
            stored = [(p.stat().st_mtime_ns, p) for p in self.folder.glob(f"*{_SUFFIX}")]
        except OSError:
            return
        if len(stored) <= self._keep:
            return
        stored.sort()
        for _, path in stored[: len(stored) - self._keep]:
            with contextlib.suppress(OSError):
                path.unlink()


_current: IndexStore | None = None


def use_folder(folder: Path | None) -> None:
    """Keep indexes in ``folder`` from now on (None: in memory only)."""
    global _current
    _current = IndexStore(folder) if folder is not None else None


def current() -> IndexStore | None:
    return _current


def _encode(index: FrameIndex) -> bytes:
    import json
    import zlib

    times = index.times
    record = {
        "format": FORMAT,
        "time_base": [times.time_base.numerator, times.time_base.denominator],
        "nominal": [times.nominal.value.numerator, times.nominal.value.denominator],
        "first_pts": times.pts[0],
        "pts_steps": [b - a for a, b in pairwise(times.pts)],
        "last_duration": times.last_duration,
        "keyframes": list(index.keyframes),
        "seek_points": list(index.seek_points),
        "turn": index.turn,
        "interlaced": index.interlaced,
        "damaged": index.damaged,
    }
    return zlib.compress(json.dumps(record, separators=(",", ":")).encode(), 6)


def _decode(data: bytes) -> FrameIndex:
    import json
    import zlib
    from fractions import Fraction

    from kokoon_desktop.core.frame_times import FrameTimes
    from kokoon_desktop.core.timecode import FrameRate
    from kokoon_desktop.media.frame_index import FrameIndex

    record: dict[str, Any] = json.loads(zlib.decompress(data))
    if record.get("format") != FORMAT:
        raise ValueError(f"format {record.get('format')!r}, not {FORMAT}")
    pts = tuple(accumulate(record["pts_steps"], initial=int(record["first_pts"])))
    times = FrameTimes(
        pts,
        Fraction(*record["time_base"]),
        FrameRate(Fraction(*record["nominal"])),
        int(record["last_duration"]),
    )
    keyframes = tuple(int(k) for k in record["keyframes"])
    seek_points = tuple(int(s) for s in record["seek_points"])
    if len(keyframes) != len(seek_points) or not all(0 <= k < len(pts) for k in keyframes):
        raise ValueError("keyframes do not fit the frames")
    return FrameIndex(
        times,
        keyframes,
        seek_points,
        int(record["turn"]),
        bool(record["interlaced"]),
        bool(record["damaged"]),
    )
