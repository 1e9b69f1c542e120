"""Start-up to an interactive main window, against a bare PySide6 window in the same run.

Each run is a fresh process, timed from launch until it prints that its window is shown and
the event loop has turned. The app runs in demo mode on a fresh profile, the way a first
double-click starts it (the demo clips are cached after the very first run, as for a user).

Python's bytecode cache decides a good part of the app's time, so it is measured both ways:
without the app's cache (every module of the app compiled from source at each start, as when
``PYTHONDONTWRITEBYTECODE`` is set and nothing was compiled at install), then with it (as pip
leaves an installed app, or as any first start leaves it otherwise). The reference always has
its cache: PySide6 is installed compiled.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"


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


def _drop_app_bytecode() -> None:
    """Remove the bytecode cache of the app's own package (not of Python or the libraries)."""
    spec = importlib.util.find_spec("kokoon_desktop")
    assert spec is not None and spec.submodule_search_locations
    for package in spec.submodule_search_locations:
        for cache in Path(package).rglob("__pycache__"):
            shutil.rmtree(cache)


def _take_turns(
    app: list[str], bare: list[str], env: dict[str, str], profiles: Path, repeats: int
) -> tuple[list[float], list[float], list[float]]:
    """Times to ready and to connected of the app, and of the bare window, run by turns."""
    ready, connected, bare_times = [], [], []
    for turn in range(repeats):
        profile = ["--profile-dir", str(profiles / f"p{turn}")]
        if turn % 2:
            bare_times += _time_until(bare, env, 1)
        app_ready, app_connected = _time_until([*app, *profile], env, 2)
        ready.append(app_ready)
        connected.append(app_connected)
        if turn % 2 == 0:
            bare_times += _time_until(bare, env, 1)
    return ready, connected, bare_times


def run(repeats: int = 7) -> dict[str, float]:
    """Medians: the bare window, the app's interactive window with and without its bytecode
    cache, and the app connected (with it)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("KOKOON_TOKEN", None)
    cold_env = dict(env, **{NO_BYTECODE: "1"})
    warm_env = {name: value for name, value in env.items() if name != NO_BYTECODE}
    bare = [sys.executable, "-m", "bench.bare_window"]
    app = [sys.executable, "-m", "kokoon_desktop", "--demo", "--exit-when-ready"]
    with tempfile.TemporaryDirectory(prefix="kokoon-startup-") as tmp:
        root = Path(tmp)
        _drop_app_bytecode()
        _time_until([*app, "--profile-dir", str(root / "warm")], cold_env, 2)  # demo clips
        cold, _, bare_cold = _take_turns(app, bare, cold_env, root / "cold", repeats)
        # The untimed first start writes the bytecode cache, as an installed app has it.
        _time_until([*app, "--profile-dir", str(root / "warm")], warm_env, 2)
        ready, connected, bare_warm = _take_turns(app, bare, warm_env, root / "cached", repeats)
    bare_s = statistics.median(bare_cold + bare_warm)
    ready_s, cold_s = statistics.median(ready), statistics.median(cold)
    return {
        "bare_s": bare_s,
        "app_s": ready_s,
        "ratio": ready_s / bare_s,
        "app_no_bytecode_s": cold_s,
        "no_bytecode_ratio": cold_s / bare_s,
        "connected_s": statistics.median(connected),
        "runs": repeats,
    }
