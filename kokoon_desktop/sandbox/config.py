"""Settings of one simulated Kokoon service: accounts, money, speed, storage and time."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: The token demo mode signs in with. It only works against the simulator.
DEMO_TOKEN = "kokoon-sandbox-demo-token"  # noqa: S105 (public by design, simulator only)

#: Where API calls go when the simulator runs in-process. Names under ``.localhost`` are
#: loopback by definition (RFC 6761), so the client's rule "plain http only for loopback" holds;
#: and the in-process transport refuses every other host, so nothing can reach a network.
IN_PROCESS_API_ORIGIN = "http://api.sandbox.localhost"
IN_PROCESS_STORAGE_ORIGIN = "http://storage.sandbox.localhost"

#: The documented path prefix of every v3 endpoint.
API_PREFIX = "/kokoon/api/sr/v3"


@dataclass
class SandboxConfig:
    """Everything a test or the demo may want to change about the simulated service.

    Each token is a separate account with its own uid, credit, videos and tasks, so tests can
    check that one account never sees another's data.
    """

    tokens: tuple[str, ...] = (DEMO_TOKEN,)
    initial_credit: int = 5000
    #: Multiplies every simulated processing duration; tests use tiny values.
    time_scale: float = 1.0
    #: Added to every API response (not to storage downloads).
    latency_s: float = 0.0
    #: Uploads and results live here; None means a temporary directory owned by the sandbox.
    data_dir: Path | None = None
    #: Origin of result and thumbnail links; the loopback server replaces it with its own port.
    storage_origin: str = IN_PROCESS_STORAGE_ORIGIN
    #: Lifetime of the pre-signed storage links handed out in video and task objects.
    link_ttl_s: int = 3600
    #: Start every account with a few short generated clips so the demo has something to show.
    seed_demo_videos: bool = False
    #: Where generated demo clips are kept between runs, so only the first start pays for
    #: encoding them; None means inside the sandbox's own data directory.
    seed_cache_dir: Path | None = None
    #: Full tasks' results made for real (the range's frames, scaled with Lanczos and
    #: sharpened) when small enough (``RENDER_BUDGET`` pixels × frames); else, and when off,
    #: a result is the source's bytes. Previews are always made for real.
    render_results: bool = False
    #: Injectable so tests can move time deterministically.
    clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        if not self.tokens:
            raise ValueError("the sandbox needs at least one token")
        if len(set(self.tokens)) != len(self.tokens):
            raise ValueError("tokens must be distinct: each one is its own account")
        if self.time_scale < 0 or self.latency_s < 0 or self.link_ttl_s <= 0:
            raise ValueError("time_scale and latency_s must be >= 0, link_ttl_s > 0")
        if self.initial_credit < 0:
            raise ValueError("initial_credit must be >= 0")
