"""The compare view at 4K: opening on local preview assets, and repainting while the user drags.

Opening: a 5-frame 4K (3840×2160) "after" and its 1080p "before", H.264 files on disk as a preview
leaves them in the cache; the time from making the compare window to the first pair painted
(both files opened, frame 0 of each decoded exactly, the before scaled to 4K with Lanczos, both
converted for painting, the window shown and painted). The reference is decoding frame 0 of the
4K file alone with PyAV in the same run (what any viewer of that file pays first).

Repainting: the window at 1600×900 (offscreen), a 4K pair shown; each step moves the divider or
pans the picture, then `repaint()` paints synchronously; medians and 99th percentiles of the
canvas's repaint, against a bare widget of the same size filling one rectangle, repainted the
same way, taking turns.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from bench.repaint_reference import bare_widget, timed_repaint
from kokoon_desktop.sandbox.media import write_clip

WIDTH, HEIGHT = 3840, 2160
WINDOW = (1600, 900)
STEPS = 400
OPENS = 7


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def _assets(folder: Path) -> tuple[Path, Path]:
    before = write_clip(folder / "orig.mp4", width=1920, height=1080, fps=Fraction(25), seconds=0.2)
    after = write_clip(folder / "sr.mp4", width=WIDTH, height=HEIGHT, fps=Fraction(25), seconds=0.2)
    return before, after


def _first_frame(path: Path) -> None:
    with av.open(str(path)) as container:
        next(container.decode(video=0)).reformat(format="rgb24")


def run() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from kokoon_desktop.media.compare_frames import CompareFrames
    from kokoon_desktop.ui.compare.canvas import CompareMode
    from kokoon_desktop.ui.compare.window import CompareSource, CompareWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="kokoon-compare-bench-") as tmp:
        before_path, after_path = _assets(Path(tmp))

        def source() -> CompareSource:
            return CompareSource(
                title="bench",
                open_pairs=lambda: CompareFrames(before_path, after_path),
            )

        opens: list[float] = []
        references: list[float] = []
        window: CompareWindow | None = None
        for _ in range(OPENS):
            started = time.perf_counter()
            _first_frame(after_path)
            references.append(time.perf_counter() - started)
            if window is not None:
                window.close()
                window.deleteLater()
            timer = QElapsedTimer()
            timer.start()
            window = CompareWindow(source())
            window.resize(*WINDOW)
            window.show()
            while window.shown_index is None:
                app.processEvents()
                time.sleep(0.0005)
            window.canvas.repaint()
            opens.append(timer.nsecsElapsed() / 1e9)
        assert window is not None

        bare = bare_widget(window.canvas.width(), window.canvas.height())
        app.processEvents()
        canvas = window.canvas

        def divider(step: int) -> None:
            state = canvas.state
            assert state is not None
            canvas.set_state(state.with_divider(0.2 + 0.6 * ((step * 7) % 100) / 100))

        def pan(step: int) -> None:
            state = canvas.state
            assert state is not None
            direction = 1 if (step // 50) % 2 == 0 else -1
            canvas.set_state(state.panned(canvas.viewport(), 9.0 * direction, 5.0 * direction))

        results: dict[str, dict[str, float]] = {}
        bare_times: list[float] = []
        plan: list[tuple[str, CompareMode, float | None, Callable[[int], None]]] = [
            ("divider drag, split, fitted", CompareMode.SPLIT, None, divider),
            ("divider drag, split, 100%", CompareMode.SPLIT, 1.0, divider),
            ("pan, split, 100%", CompareMode.SPLIT, 1.0, pan),
            ("pan, side by side, 200%", CompareMode.SIDE_BY_SIDE, 2.0, pan),
            ("pan, side by side, 50%", CompareMode.SIDE_BY_SIDE, 0.5, pan),
            ("pan, toggle, 400%", CompareMode.TOGGLE, 4.0, pan),
        ]
        for name, mode, zoom, move in plan:
            window.set_mode(mode)
            window.set_zoom(zoom)
            canvas.repaint()  # the first paint at a zoom level scales its copies
            times: list[float] = []
            for step in range(STEPS):
                move(step)
                times.append(timed_repaint(canvas))
                bare_times.append(timed_repaint(bare))
            results[name] = {
                "median_s": statistics.median(times),
                "p99_s": _p99(times),
                "worst_s": max(times),
            }
        window.close()
        bare.close()
    return {
        "window": WINDOW,
        "size": (WIDTH, HEIGHT),
        "steps": STEPS,
        "open_median_s": statistics.median(opens),
        "open_worst_s": max(opens),
        "reference_median_s": statistics.median(references),
        "bare_median_s": statistics.median(bare_times),
        "bare_p99_s": _p99(bare_times),
        "cases": results,
    }
