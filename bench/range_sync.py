"""The range fields keeping up with the timeline: the cost of one drag step, and of a typed entry.

A handle drag moves the Out mark on every mouse move; each move then passes through the
binding to the In/Out/Duration fields (three texts formatted) and to the task form (its rules
checked, a new spec). The reference is the same drag on a timeline with nothing bound to it,
painted the same way, measured in the same process, taking turns. Offscreen Qt, in its own
process.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

from bench.worker_process import run_worker

ROUNDS = 7
STEPS = 300
TOTAL_FRAMES = 25 * 3600  # an hour at 25 fps
VID = "75530d14-e830-11f1-97d1-02fc00000001"


def _measure() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from kokoon_desktop.core.timecode import FrameRate
    from kokoon_desktop.core.timeline import Marks
    from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
    from kokoon_desktop.ui.timeline.binding import TimelineBinding
    from kokoon_desktop.ui.timeline.widget import TimelineWidget

    app = QApplication.instance() or QApplication([])
    QApplication.setStyle("Fusion")
    rate = FrameRate.parse("25")

    bare = TimelineWidget()
    bare.resize(880, 100)
    bare.show()
    bare.set_clip(TOTAL_FRAMES, rate)

    form = TaskForm()
    timeline = TimelineWidget()
    TimelineBinding(form, timeline)
    timeline.resize(880, 100)
    timeline.show()
    form.range_panel.resize(880, 90)
    form.range_panel.show()
    form.show()
    source = SourceInfo(
        vid=VID, fps="25/1", total_frames=TOTAL_FRAMES, duration_ms=3_600_000, size=(1920, 1080)
    )
    form.set_source(source)
    app.processEvents()

    def drag(widget: TimelineWidget, offset: int) -> list[float]:
        steps = []
        for step in range(STEPS):
            marks = Marks(TOTAL_FRAMES, in_frame=1000, out_frame=2000 + offset + step * 7)
            started = time.perf_counter()
            widget.set_marks(marks)
            app.processEvents()
            steps.append(time.perf_counter() - started)
        return steps

    def typed(offset: int) -> list[float]:
        field = form.range_panel.out_point
        steps = []
        for step in range(STEPS // 3):
            started = time.perf_counter()
            field.setText(f"+{offset % 5 + step % 7 + 1}.")  # a few seconds later each time
            field.setModified(True)
            form.range_panel.commit()
            app.processEvents()
            steps.append(time.perf_counter() - started)
        return steps

    reference: list[float] = []
    bound: list[float] = []
    entries: list[float] = []
    for round_ in range(ROUNDS):
        order = (bare, timeline) if round_ % 2 == 0 else (timeline, bare)
        for widget in order:
            (reference if widget is bare else bound).extend(drag(widget, round_))
        timeline.set_marks(Marks(TOTAL_FRAMES, in_frame=1000, out_frame=2000))
        entries.extend(typed(round_))
    assert form.spec is not None and form.spec.start_pos == 40_000

    def summary(samples: list[float]) -> dict[str, float]:
        ordered = sorted(samples)
        return {
            "median_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
            "worst_ms": ordered[-1] * 1000,
            "count": len(ordered),
        }

    return {"reference": summary(reference), "bound": summary(bound), "typed": summary(entries)}


def run() -> dict[str, Any]:
    return run_worker("bench.range_sync")


if __name__ == "__main__":
    print(json.dumps(_measure()), flush=True)
