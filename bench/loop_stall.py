"""The event loop's worst stall with 200 submissions in flight, against the idle window.

The simulator runs in its own process with 50 ms of latency on every call, so the app waits
on a real network socket the way it would on the real service.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.transfers import SimulatorProcess
from bench.videofile import make_large_video, make_small_clip
from bench.worker_process import run_worker
from kokoon_desktop.sandbox.config import DEMO_TOKEN


def busy_simulator(folder: Path) -> SimulatorProcess:
    """The simulator in its own process, 50 ms per API call, tasks 20 times faster than life."""
    return SimulatorProcess(
        folder, extra=["--latency", "0.05", "--time-scale", "0.05", "--credit", "100000000"]
    )


def run(upload_mib: int = 256) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kokoon-stall-") as tmp:
        work = Path(tmp)
        clip = make_small_clip(work / "clip.mp4", seconds=2)
        upload = make_large_video(work / "upload.mp4", upload_mib * 1024 * 1024)
        server = busy_simulator(work / "server")
        try:
            outcome = run_worker(
                "bench.loop_stall_worker", str(work / "profile"), str(clip), str(upload),
                env={"KOKOON_API_URL": server.base_url, "KOKOON_TOKEN": DEMO_TOKEN},
            )  # fmt: skip
        finally:
            server.close()
    outcome["upload_mib"] = upload_mib
    return outcome
