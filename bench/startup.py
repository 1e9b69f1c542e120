"""Start-up to an interactive main window, against a bare PySide6 window in the same run.

Each run is a fresh process, timed from launch until it prints that its window is shown and
the event loop has turned. The app runs in demo mode on a fresh profile, the way a first
double-click starts it (the demo clips are cached after the very first run, as for a user).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path


def _time_until(command: Sequence[str], env: dict[str, str], marks: int) -> list[float]:
    """Seconds from launch to each of the first ``marks`` lines the process prints."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    times, lines = [], []
    for _ in range(marks):
        lines.append(process.stdout.readline())
        times.append(time.perf_counter() - started)
    process.stdout.close()
    if process.wait(timeout=30) != 0 or '"ready": true' not in lines[0]:
        raise RuntimeError(f"{command} did not report ready: {lines!r}")
    return times


def run(repeats: int = 7) -> dict[str, float]:
    """Medians: the bare window, the app's interactive window, and the app connected."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("KOKOON_TOKEN", None)
    bare = [sys.executable, "-m", "bench.bare_window"]
    ready, connected, bare_times = [], [], []
    with tempfile.TemporaryDirectory(prefix="kokoon-startup-") as tmp:
        app = [sys.executable, "-m", "kokoon_desktop", "--demo", "--exit-when-ready"]
        _time_until([*app, "--profile-dir", str(Path(tmp) / "warm")], env, 2)  # warm caches
        for turn in range(repeats):
            profile = ["--profile-dir", str(Path(tmp) / f"p{turn}")]
            if turn % 2:
                bare_times += _time_until(bare, env, 1)
            app_ready, app_connected = _time_until([*app, *profile], env, 2)
            ready.append(app_ready)
            connected.append(app_connected)
            if turn % 2 == 0:
                bare_times += _time_until(bare, env, 1)
    bare_s = statistics.median(bare_times)
    ready_s, connected_s = statistics.median(ready), statistics.median(connected)
    return {
        "bare_s": bare_s,
        "app_s": ready_s,
        "ratio": ready_s / bare_s,
        "connected_s": connected_s,
    }
