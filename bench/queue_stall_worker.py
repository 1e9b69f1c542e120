"""A queue of N items sent by the window, in its own process: the worst event-loop stall.

The items are put in the window's queue (as many ranges of one uploaded clip), then Submit all
sends them ``concurrency`` at a time through the window's own submitter, each written to the
history and linked in the queue before its request leaves, while the queue's total is quoted
and the tracker follows the tasks. A 5 ms Qt timer is the heartbeat (``loop_stall_worker``);
the idle window is the reference. Prints one JSON line.
Usage: ``python -m bench.queue_stall_worker PROFILE_DIR CLIP ITEMS CONCURRENCY``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from qasync import run as run_qt_loop

from bench.loop_stall_worker import Heartbeat
from kokoon_desktop.app import App
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.presets import Preset
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.storage.queue_store import QueueItem, QueueState
from kokoon_desktop.ui.ui_thread_gc import UiThreadGarbageCollector

_MOVING = (QueueState.WAITING, QueueState.SENDING, QueueState.UPLOADING)


class StallSampler:
    """Where the event loop's thread is while the heartbeat is late (``KOKOON_BENCH_STALLS``):
    a thread looks at its stack every 2 ms once a beat is 20 ms overdue, and counts the
    innermost frames of the app."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        import collections
        import threading

        self.heartbeat = heartbeat
        self.places: collections.Counter[str] = collections.Counter()
        self._main = threading.get_ident()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _watch(self) -> None:
        import traceback

        while not self._stop.wait(0.002):
            if (time.perf_counter() - self.heartbeat._last) * 1000 < 20 + 5:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = [
                f"{Path(f.filename).name}:{f.lineno} {f.name}"
                for f in stack
                if "kokoon_desktop" in f.filename or "/bench/" in f.filename
            ]
            inner = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack[-3:]]
            self.places[" < ".join(reversed(ours[-3:] + inner))] += 1

    def stop(self) -> dict[str, int]:
        self._stop.set()
        return dict(self.places.most_common(15))


async def measure(profile: Path, clip: Path, count: int, concurrency: int) -> dict[str, object]:
    args = argparse.Namespace(api_url=None, demo=False, exit_when_ready=False)
    context = App(args, profile_paths(profile))
    window = context.build_window()
    window.show()
    while window.session is None:  # noqa: ASYNC110 - the session opens in the background
        await asyncio.sleep(0.05)
    client = window.live.connection.client
    source = await client.upload_video(clip)
    heartbeat = Heartbeat()
    heartbeat.start()
    await asyncio.sleep(3.0)
    idle = heartbeat.stop()
    sampler = StallSampler(heartbeat) if os.environ.get("KOKOON_BENCH_STALLS") else None
    if sampler is not None:
        sampler.start()

    settings = Preset(name="Bench", category=Category.GENERAL, size="2x").to_json()
    items = [
        QueueItem(
            id=0,
            position=0,
            settings=settings,
            source_name=source.filename,
            vid=source.vid,
            source_width=source.size_px[0] if source.size_px else None,
            source_height=source.size_px[1] if source.size_px else None,
            source_duration_ms=source.duration_ms,
            fps=source.fps,
            start_pos=10 * i,
            duration=1000,
        )
        for i in range(count)
    ]
    queue = window.queue
    window.bottom_tabs.setCurrentWidget(window.queue_pane)
    heartbeat.start()
    started = time.perf_counter()
    queue._add(items)  # as many Ctrl+B presses, in one go
    added_s = time.perf_counter() - started
    await asyncio.sleep(1.0)  # the total is quoted meanwhile
    adding = heartbeat.stop()
    window.queue_pane.concurrency.setValue(concurrency)
    heartbeat.start()
    sending = time.perf_counter()
    window.queue_pane.submit_all.click()
    while any(item.state in _MOVING for item in window.queue_model.items):
        await asyncio.sleep(0.1)
        if time.perf_counter() - started > 300:
            raise RuntimeError("the queue was not sent in 5 minutes")
    sent_s = time.perf_counter() - sending
    await asyncio.sleep(2.0)  # the tracker follows the tasks
    busy = heartbeat.stop()
    states = [item.state for item in window.queue_model.items]
    tids = {item.tid for item in window.queue_model.items if item.tid}
    if sampler is not None:
        print(json.dumps(sampler.stop(), indent=1), file=sys.stderr)
    outcome = {
        "idle": idle,
        "adding": adding,
        "busy": busy,
        "items": count,
        "concurrency": concurrency,
        "add_ms": added_s * 1000,
        "send_seconds": sent_s,
        "sent": states.count(QueueState.SENT),
        "failed": states.count(QueueState.FAILED),
        "unknown": states.count(QueueState.UNKNOWN),
        "distinct_tasks": len(tids),
        "history_rows": len(window.history_model.all_entries()),
    }
    await window.aclose()
    window.close()
    context.history.close()
    return outcome


def main() -> None:
    profile, clip = Path(sys.argv[1]), Path(sys.argv[2])
    count, concurrency = int(sys.argv[3]), int(sys.argv[4])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    UiThreadGarbageCollector(app)  # as the app does before its loop starts
    profile_to = os.environ.get("KOKOON_BENCH_PROFILE")  # a cProfile of the run, to find stalls
    if profile_to:
        import cProfile

        with cProfile.Profile() as profiler:
            outcome = run_qt_loop(measure(profile, clip, count, concurrency))
        profiler.dump_stats(profile_to)
    else:
        outcome = run_qt_loop(measure(profile, clip, count, concurrency))
    print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    main()
