"""The window under load, in its own process: the worst event-loop stall, idle and busy.

A 5 ms Qt timer is the heartbeat; a stall is how late it fires. First the idle window is
measured (the reference), then 200 submissions are made at once while a large upload runs and
the tracker polls every task to the end, against the simulator in another process.
Prints one JSON line. Usage: ``python -m bench.loop_stall_worker PROFILE_DIR CLIP UPLOAD``
(the API address and token come from KOKOON_API_URL and KOKOON_TOKEN).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from qasync import run as run_qt_loop

from kokoon_desktop.app import App
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.storage.history import SubmissionState
from kokoon_desktop.ui.ui_thread_gc import UiThreadGarbageCollector

BEAT_MS = 5
SUBMISSIONS = 200


class Heartbeat:
    """Records how late each beat of a fast timer arrives."""

    def __init__(self) -> None:
        self.gaps_ms: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000 - BEAT_MS)
        self._last = now

    def start(self) -> None:
        self.gaps_ms.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> dict[str, float]:
        self._timer.stop()
        gaps = sorted(self.gaps_ms)
        return {
            "worst_ms": gaps[-1],
            "p99_ms": gaps[int(len(gaps) * 0.99) - 1],
            "median_ms": statistics.median(gaps),
            "beats": len(gaps),
        }


async def measure(profile: Path, clip: Path, upload: Path) -> dict[str, object]:
    args = argparse.Namespace(api_url=None, demo=False, exit_when_ready=False)
    context = App(args, profile_paths(profile))
    window = context.build_window()
    window.show()
    client = window.live.connection.client
    source = await client.upload_video(clip)
    heartbeat = Heartbeat()

    heartbeat.start()
    await asyncio.sleep(3.0)
    idle = heartbeat.stop()

    heartbeat.start()
    started = time.perf_counter()
    upload_task = asyncio.ensure_future(client.upload_video(upload))
    for i in range(SUBMISSIONS):
        spec = TaskSpec(
            vid=source.vid, category=list(Category)[i % 5], width=640 + 2 * i, height=360
        )
        window.host.spawn(window.submission.submit(spec))
        # Queued one per turn of the loop, as a batch would be: each submission writes its
        # history row before sending, and 200 such writes in one turn are one long stall.
        await asyncio.sleep(0)
    while True:
        await asyncio.sleep(0.1)
        entries = window.history_model.all_entries()
        if len(entries) >= SUBMISSIONS and all(e.is_finished for e in entries):
            break
        if time.perf_counter() - started > 300:
            raise RuntimeError("the tasks did not finish in 5 minutes")
    await upload_task
    busy = heartbeat.stop()
    entries = window.history_model.all_entries()
    outcome = {
        "idle": idle,
        "busy": busy,
        "busy_seconds": time.perf_counter() - started,
        "done": sum(1 for e in entries if e.step == "done"),
        "failed": sum(1 for e in entries if e.state is SubmissionState.FAILED),
    }
    await window.aclose()
    window.close()
    context.history.close()
    return outcome


def main() -> None:
    profile, clip, upload = (Path(arg) for arg in sys.argv[1:4])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    UiThreadGarbageCollector(app)  # as the app does before its loop starts
    print(json.dumps(run_qt_loop(measure(profile, clip, upload))), flush=True)


if __name__ == "__main__":
    main()
