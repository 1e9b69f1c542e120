"""The event loop's worst stall while the window sends a queue of 500 items, 8 at a time.

The simulator runs in its own process with 50 ms of latency on every call (as for the other
stall benchmarks), so the window waits on a real socket the way it would on the service.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.loop_stall import busy_simulator
from bench.videofile import make_small_clip
from bench.worker_process import run_worker
from kokoon_desktop.sandbox.config import DEMO_TOKEN

ITEMS = 500
CONCURRENCY = 8


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kokoon-queue-") as tmp:
        work = Path(tmp)
        clip = make_small_clip(work / "clip.mp4", seconds=10)
        server = busy_simulator(work / "server")
        try:
            outcome = run_worker(
                "bench.queue_stall_worker", str(work / "profile"), str(clip), str(ITEMS),
                str(CONCURRENCY),
                env={"KOKOON_API_URL": server.base_url, "KOKOON_TOKEN": DEMO_TOKEN},
            )  # fmt: skip
        finally:
            server.close()
    return outcome
