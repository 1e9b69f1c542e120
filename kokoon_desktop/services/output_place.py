"""Where downloaded results go, and whether they can go there.

The rule people expect from an editing tool: the result lands next to the clip it was made
from, unless they chose a folder (in Settings, or ``--output-dir`` for one session). A source
that is not a local file (an original picked from the account) has no "next to", so its result
goes to ``Videos/Kokoon``, the one folder the app creates by itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path

import platformdirs

from kokoon_desktop.api.transfer import partial_path
from kokoon_desktop.core.output_naming import next_free_name
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "claim_output_path",
    "default_videos_folder",
    "folder_problem",
    "output_folder",
    "probe_write",
    "unique_output_path",
]

SETTINGS_ADVICE = QT_TRANSLATE_NOOP("OutputPlace", "choose another in Settings")
_READ_ONLY = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def default_videos_folder() -> Path:
    """``Kokoon`` in the user's Videos folder (Movies on macOS)."""
    return platformdirs.user_videos_path() / "Kokoon"


def output_folder(*, override: Path | None, setting: str | None, source_path: str | None) -> Path:
    """The folder of a result: ``override``, else the chosen folder, else beside the source."""
    if override is not None:
        return override
    if setting:
        return Path(setting).expanduser()
    if source_path:
        return Path(source_path).parent
    return default_videos_folder()


def folder_problem(folder: Path, *, create: bool, advice: str = SETTINGS_ADVICE) -> str | None:
    """None when results can be written in ``folder``, else a sentence saying why not.

    Checked with a real file written and deleted there, since permission bits do not tell
    (a read-only mount, a network share, an administrator's rights). ``create`` makes the
    default Kokoon videos folder if it is missing; no other folder is ever created, so a
    mistyped or unplugged one is reported rather than made.
    """
    if create and not folder.exists() and folder == default_videos_folder():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return translate(
                "OutputPlace", "The output folder {folder} could not be created: {reason}."
            ).format(folder=folder, reason=_reason(exc))
    if not folder.exists():
        return translate("OutputPlace", "The output folder {folder} does not exist.").format(
            folder=folder
        )
    if not folder.is_dir():
        return translate("OutputPlace", "{folder} is not a folder.").format(folder=folder)
    failure: OSError | None
    if os.access(folder, os.W_OK | os.X_OK):
        failure = probe_write(folder)
    else:
        failure = PermissionError(errno.EACCES, "Permission denied")
    if failure is None:
        return None
    if failure.errno in _READ_ONLY:
        return translate(
            "OutputPlace", "The output folder {folder} is read-only: {advice}."
        ).format(folder=folder, advice=translate("OutputPlace", advice))
    return translate(
        "OutputPlace", "Files cannot be written in the output folder {folder}: {reason}."
    ).format(folder=folder, reason=_reason(failure))


def probe_write(folder: Path) -> OSError | None:
    """Write and delete a small file in ``folder``; the error if that fails."""
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".kokoon-probe-")
    except OSError as exc:
        return exc
    try:
        with os.fdopen(handle, "wb") as probe:
            probe.write(b"k")
    except OSError as exc:
        return exc
    finally:
        with contextlib.suppress(OSError):
            Path(name).unlink()
    return None


def unique_output_path(folder: Path, name: str) -> Path:
    """``folder / name``, numbered ("name (2).mp4") past files there and downloads under way."""

    def taken(candidate: str) -> bool:
        path = folder / candidate
        part = partial_path(path)
        return path.exists() or path.is_symlink() or part.exists() or part.is_symlink()

    # The folder is listed once: a batch of one clip's ranges puts hundreds of results of the
    # same name in one folder, and four checks of the disk per number tried stalled the
    # window (25 ms a download at 500 results). The listing only skips what is certainly
    # taken; the name chosen is still checked on the disk.
    try:
        with os.scandir(folder) as entries:
            listed = {_folded(entry.name) for entry in entries}
    except OSError:
        listed = set()

    def seen_or_taken(candidate: str) -> bool:
        # partial_path's name, without making paths for every number tried
        names = (candidate, candidate + ".part")
        return any(_folded(n) in listed for n in names) or taken(candidate)

    return folder / next_free_name(name, seen_or_taken)


def claim_output_path(folder: Path, name: str) -> Path:
    """A free name like :func:`unique_output_path`'s, made this caller's by creating its empty
    ``.part`` (which the download then fills): two results of one clip finishing together
    would otherwise both pick the same free name, and the second would overwrite the first.
    ``OSError`` when the folder refuses the file."""
    for _ in range(_CLAIM_TRIES):
        path = unique_output_path(folder, name)
        try:
            handle = os.open(partial_path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue  # taken between the look and the claim: look again
        os.close(handle)
        return path
    raise FileExistsError(errno.EEXIST, "no free name could be claimed", str(folder / name))


#: Looks at the folder before giving up: each lost race means another name was just taken.
_CLAIM_TRIES = 100


def _folded(name: str) -> str:
    """A name as the platform's usual file systems compare it (ignoring case on Windows and
    macOS)."""
    return name.casefold() if sys.platform in ("win32", "darwin") else name


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
