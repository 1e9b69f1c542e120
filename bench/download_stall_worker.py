"""Downloads under load, in its own process: the worst event-loop stall while results stream in.

A 5 ms Qt timer is the heartbeat; a stall is how late it fires. First the idle window (the
reference); then 200 tasks are submitted on a 10-minute source so they stay followed for several
seconds, and 10 tasks on a large source finish at once and download by themselves into
``--output-dir`` while the 200 are still tracked. Measured from the 10th submission to the 10th
result on disk. Prints one JSON line.

Usage: ``python -m bench.download_stall_worker PROFILE_DIR OUTPUT_DIR LONG_CLIP LARGE_FILE``
(the API address and token come from KOKOON_API_URL and KOKOON_TOKEN).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from qasync import run as run_qt_loop

from bench.loop_stall_worker import Heartbeat
from kokoon_desktop.app import App, parse_args
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.storage.history import ResultState
from kokoon_desktop.ui.ui_thread_gc import UiThreadGarbageCollector

TRACKED = 200
DOWNLOADS = 10


async def measure(profile: Path, out: Path, long_clip: Path, large: Path) -> dict[str, object]:
    args = parse_args(["--profile-dir", str(profile), "--output-dir", str(out)])
    context = App(args, profile_paths(profile))
    window = context.build_window()
    window.show()
    client = window.live.connection.client
    long_source = await client.upload_video(long_clip)
    large_source = await client.upload_video(large)
    heartbeat = Heartbeat()

    heartbeat.start()
    await asyncio.sleep(3.0)
    idle = heartbeat.stop()

    submissions = []
    for i in range(TRACKED):
        spec = TaskSpec(
            vid=long_source.vid, category=list(Category)[i % 5], width=640 + 2 * i, height=360
        )
        submissions.append(window.host.spawn(window.submission.submit(spec)))
        await asyncio.sleep(0)  # one per turn of the loop, as a batch is sent
    await asyncio.gather(*submissions)
    heartbeat.start()
    started = time.perf_counter()
    for i in range(DOWNLOADS):
        spec = TaskSpec(vid=large_source.vid, category=Category.GENERAL, width=1280 + 2 * i,
                        height=720)  # fmt: skip
        await window.submission.submit(spec)
    tracked_while_downloading: list[int] = []
    while True:
        await asyncio.sleep(0.1)
        entries = window.history_model.all_entries()
        results = [e for e in entries if e.vid == large_source.vid]
        if window.live.downloads.in_flight:
            tracked_while_downloading.append(len(window.live.tracker.tracked))
        if all(e.result_state is ResultState.DOWNLOADED for e in results):
            break
        if time.perf_counter() - started > 300:
            raise RuntimeError("the results did not arrive in 5 minutes")
    busy = heartbeat.stop()
    seconds = time.perf_counter() - started
    outcome = {
        "idle": idle,
        "busy": busy,
        "busy_seconds": seconds,
        "downloaded": sum(1 for e in results if e.result_state is ResultState.DOWNLOADED),
        "download_mib": large.stat().st_size / 2**20,
        "min_tracked_while_downloading": min(tracked_while_downloading or [0]),
    }
    await window.aclose()
    window.close()
    context.history.close()
    return outcome


def main() -> None:
    profile, out, long_clip, large = (Path(arg) for arg in sys.argv[1:5])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    UiThreadGarbageCollector(app)  # as the app does before its loop starts
    print(json.dumps(run_qt_loop(measure(profile, out, long_clip, large))), flush=True)


if __name__ == "__main__":
    main()
