"""``Sandbox``: one simulated Kokoon service (state, faults, request log, app) and its controls.

In-process (demo mode, fast tests) it is reached through :meth:`Sandbox.transport`; over a
real socket through :class:`~.server.LoopbackSandbox`, which wraps one of these.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.types import Scope

from .app import create_app
from .config import API_PREFIX, IN_PROCESS_API_ORIGIN, SandboxConfig
from .faults import Faults
from .links import LinkSigner
from .media import write_clip, write_thumbnail
from .middleware import Sleeper
from .probe import MediaInfo, ProbeError, probe_video
from .requestlog import LoggedRequest, RequestLog
from .state import SandboxState, link_or_copy
from .transport import SandboxTransport
from .upload import safe_filename

#: The clips a demo account starts with: (file name, width, height, rate, seconds, age in h).
DEMO_CLIPS = (
    ("harbour_360p_3s.mp4", 640, 360, Fraction(30), 3.0, 26.0),
    ("street_720p_2s.mp4", 1280, 720, Fraction(30000, 1001), 2.0, 2.0),
)


def _port(origin: str) -> int:
    parts = urlsplit(origin)
    return parts.port or (443 if parts.scheme == "https" else 80)


class Sandbox:
    """A complete simulated service.

    ``sandbox.base_url`` is the API base to give the client; ``sandbox.transport()`` makes an
    httpx transport that serves both the API and the storage origin in-process.
    """

    def __init__(
        self, config: SandboxConfig | None = None, *, api_origin: str = IN_PROCESS_API_ORIGIN
    ) -> None:
        self.config = config or SandboxConfig()
        self.api_origin = api_origin.rstrip("/")
        self.storage_origin = self.config.storage_origin.rstrip("/")
        self._cleanup: Callable[[], object] | None = None
        if self.config.data_dir is None:
            self.data_dir = Path(tempfile.mkdtemp(prefix="kokoon-sandbox-"))
            # Not TemporaryDirectory: its finalizer warns when the owner forgets close().
            self._cleanup = weakref.finalize(self, shutil.rmtree, self.data_dir, True)
        else:
            self.data_dir = self.config.data_dir
            self.data_dir.mkdir(parents=True, exist_ok=True)
        self.faults = Faults()
        self.request_log = RequestLog()
        self.sleeper = Sleeper()
        self.signer = LinkSigner(self.storage_origin, self.config.link_ttl_s)
        self.state = SandboxState(self.config, self.data_dir, self.signer, self.faults)
        self.app: Starlette = create_app(self)
        if self.config.seed_demo_videos:
            self._seed_demo_videos()

    # --- addresses -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``http://api.sandbox.localhost/kokoon/api/sr/v3``."""
        return self.api_origin + API_PREFIX

    @property
    def staging_dir(self) -> Path:
        """Where uploads land while they are received and probed."""
        return self.data_dir / "incoming"

    def transport(self) -> httpx.AsyncBaseTransport:
        """A new in-process transport for the API and storage origins (one per client)."""
        return SandboxTransport(self.app, (self.api_origin, self.storage_origin))

    def origin_of(self, scope: Scope) -> str:
        """Which host a request was sent to: ``"api"`` or ``"storage"``.

        Different ports (loopback) tell them apart by the server socket; the same port
        (in-process, both on port 80) by the Host header.
        """
        storage_port = _port(self.storage_origin)
        if storage_port != _port(self.api_origin):
            server = scope.get("server")
            return "storage" if server is not None and server[1] == storage_port else "api"
        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = value.decode("latin-1").rsplit(":", 1)[0].strip("[]").lower()
        return "storage" if host == (urlsplit(self.storage_origin).hostname or "") else "api"

    def uid_for_token(self, token: str) -> str | None:
        """The uid of the account a token signs in to, or None for an unknown token."""
        account = self.state.account_for_token(token)
        return account.uid if account is not None else None

    # --- controls for tests and the demo -------------------------------------------------

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every API and storage request so far, oldest first (``/_sandbox`` not included)."""
        return self.request_log.snapshot()

    def clear_requests(self) -> None:
        self.request_log.clear()

    def set_credit(self, credit: int, token: str | None = None) -> None:
        """Set the credit of one account (all accounts when ``token`` is None)."""
        self.state.set_credit(credit, token)

    def advance_clock(self, seconds: float) -> float:
        """Move simulated time forward; tasks progress and links expire accordingly."""
        return self.state.advance_clock(seconds)

    def uid(self, token: str | None = None) -> str:
        """The uid of a token's account (the first token's by default)."""
        uid = self.uid_for_token(token or self.config.tokens[0])
        if uid is None:
            raise KeyError("unknown token")
        return uid

    def add_video(
        self, path: Path, *, token: str | None = None, filename: str | None = None
    ) -> dict[str, Any]:
        """Add an original as if it had been uploaded (probe, thumbnail); the file is linked.

        Returns the upload response's JSON. Raises :class:`~.probe.ProbeError` for a file
        that is not a video.
        """
        media = probe_video(path)
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(dir=self.staging_dir))
        try:
            name = safe_filename(filename or path.name)
            copy = staged / name
            link_or_copy(path, copy)
            thumb: Path | None = write_thumbnail(copy, staged / "thumbnail.jpg")
            return self.state.add_original(self.uid(token), copy, name, media, thumb)
        finally:
            shutil.rmtree(staged, ignore_errors=True)

    def interrupt_sleeps(self) -> None:
        """End simulated latency and ``slow_s`` waits now (used when stopping a server)."""
        self.sleeper.interrupt()

    def _seed_demo_videos(self) -> None:
        folder = self.config.seed_cache_dir or self.data_dir / "seed"
        folder.mkdir(parents=True, exist_ok=True)
        now = self.state.now()
        for name, width, height, rate, seconds, age_h in DEMO_CLIPS:
            clip, thumb, media = _cached_clip(folder, name, width, height, rate, seconds)
            for token in self.config.tokens:
                self.state.add_original(
                    self.uid(token),
                    clip,
                    name,
                    media,
                    thumb,
                    move=False,
                    created_at=now - age_h * 3600,
                )

    # --- lifetime ------------------------------------------------------------------------

    def wait_for_pictures(self, timeout_s: float = 30.0) -> None:
        """Wait until the pictures of every task so far are made (previews, rendered results):
        for tests that move the clock by hand."""
        self.state.wait_for_pictures(timeout_s)

    def close(self) -> None:
        """Delete the temporary data directory (a configured ``data_dir`` is kept)."""
        self.interrupt_sleeps()
        self.state.close()
        if self._cleanup is not None:
            self._cleanup()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _cached_clip(
    folder: Path, name: str, width: int, height: int, rate: Fraction | int, seconds: float
) -> tuple[Path, Path, MediaInfo]:
    """A demo clip and its thumbnail, made once and reused while they still probe."""
    clip, thumb = folder / name, folder / f"{Path(name).stem}.jpg"
    if clip.is_file() and thumb.is_file():
        try:
            return clip, thumb, probe_video(clip)
        except ProbeError:
            pass  # damaged or half-written: make it again
    # Written under temporary names and renamed, so a concurrent start never sees half a file.
    partial = folder / f".{os.getpid()}.{name}"
    write_clip(partial, width=width, height=height, fps=rate, seconds=seconds)
    partial_thumb = write_thumbnail(partial, folder / f".{os.getpid()}.{thumb.name}")
    partial.replace(clip)
    partial_thumb.replace(thumb)
    return clip, thumb, probe_video(clip)
