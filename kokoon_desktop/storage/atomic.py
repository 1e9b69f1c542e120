"""Files replaced whole or not at all: readers never see half of one, even after a crash."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, text: str, *, shared: bool = False) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, then rename it.

    The file is private to the user (as the temporary file is made) unless ``shared``: then it
    gets the permissions any new file of the user gets (the umask), like the video it sits by.

    ``os.replace`` is atomic on one file system, so readers see the old file or the new one,
    never a half-written one, even if the process or the machine stops in the middle. On any
    failure the temporary file is removed and the error propagates.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if shared:
            Path(temporary).chmod(0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _sync_folder(path.parent)


def _umask() -> int:
    current = os.umask(0o022)  # reading the mask means setting it; put it straight back
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX; not Windows)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
