"""The name a running window of a profile listens on for files to open, and whether one may be
listening: known before Qt's network module is loaded (see ``ui/open_requests.py``).

Kept free of Qt and of slow imports: every start asks this before its window is shown.
"""

from __future__ import annotations

import binascii
import os
import sys
from pathlib import Path


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass  # Windows: no user ids

    return getpass.getuser()


def server_name(profile_dir: Path) -> str:
    """The local socket's name for this user and this profile (two profiles never meet)."""
    user = _user()
    digest = binascii.crc32(f"{user}\0{profile_dir}".encode()) & 0xFFFFFFFF
    return f"kokoon-desktop-{user}-{digest:08x}"


def socket_path(name: str) -> Path:
    """Where Qt puts a local server's socket on Unix: its temporary folder (``QDir::tempPath``,
    which is ``$TMPDIR`` or ``/tmp``)."""
    return Path(os.environ.get("TMPDIR") or "/tmp", name)  # noqa: S108 - Qt's own choice


def may_be_listening(name: str) -> bool:
    """False when no window can be listening: on Unix a listening window has a socket file,
    and its absence (the app is not running) costs one ``stat``. Windows' named pipes have no
    such file: there the answer is always "maybe"."""
    if sys.platform == "win32":
        return True
    return socket_path(name).exists()
