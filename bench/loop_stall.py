"""The event loop's worst stall with 200 submissions in flight, against the idle window.

The simulator runs in its own process with 50 ms of latency on every call, so the app waits
on a real network socket the way it would on the real service.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.transfers import SimulatorProcess
from bench.videofile import make_large_video, make_small_clip
from kokoon_desktop.sandbox.config import DEMO_TOKEN


def run(upload_mib: int = 256) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kokoon-stall-") as tmp:
        work = Path(tmp)
        clip = make_small_clip(work / "clip.mp4", seconds=2)
        upload = make_large_video(work / "upload.mp4", upload_mib * 1024 * 1024)
        server = SimulatorProcess(
            work / "server", extra=["--latency", "0.05", "--time-scale", "0.05",
                                    "--credit", "100000000"],
        )  # fmt: skip
        try:
            env = dict(
                os.environ,
                QT_QPA_PLATFORM="offscreen",
                KOKOON_API_URL=server.base_url,
                KOKOON_TOKEN=DEMO_TOKEN,
            )
            result = subprocess.run(
                [sys.executable, "-m", "bench.loop_stall_worker", str(work / "profile"),
                 str(clip), str(upload)],
                env=env, capture_output=True, text=True, timeout=600, check=False,
            )  # fmt: skip
            if result.returncode != 0:
                raise RuntimeError(f"the worker failed: {result.stderr[-3000:]}")
        finally:
            server.close()
    outcome: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    outcome["upload_mib"] = upload_mib
    return outcome
