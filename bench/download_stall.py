"""The event loop's worst stall while 10 results download and 200 tasks are followed.

The simulator runs in its own process with 50 ms of latency on every API call, so the app
waits on real sockets; the reference is the same window idle, in the same worker.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.loop_stall import busy_simulator
from bench.videofile import make_large_video
from bench.worker_process import run_worker
from kokoon_desktop.sandbox.config import DEMO_TOKEN
from kokoon_desktop.sandbox.media import write_clip

#: The source of the 200 followed tasks: long, so its tasks run for seconds, and tiny.
LONG_CLIP_S = 600


def run(result_mib: int = 32) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kokoon-download-stall-") as tmp:
        work = Path(tmp)
        long_clip = write_clip(work / "long.mp4", width=64, height=36, seconds=LONG_CLIP_S)
        large = make_large_video(work / "large.mp4", result_mib * 1024 * 1024)
        out = work / "out"
        out.mkdir()
        server = busy_simulator(work / "server")
        try:
            outcome = run_worker(
                "bench.download_stall_worker", str(work / "profile"), str(out), str(long_clip),
                str(large), env={"KOKOON_API_URL": server.base_url, "KOKOON_TOKEN": DEMO_TOKEN},
            )  # fmt: skip
        finally:
            server.close()
    return outcome
