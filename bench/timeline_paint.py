"""Painting the timeline at 3840 px wide, against a bare widget of the same size.

A `TimelineWidget` 3840×120 px, offscreen, shows the 10-minute clip at 30000/1001 fps with an
In and an Out mark, the playhead between them and a full filmstrip (real thumbnails of the
benchmark video, one per slot). `repaint()` paints synchronously into the window's backing
store; its median is taken at three zoom levels: fitted, mid (about a minute on screen) and
close (frames several pixels wide), each with the ruler's geometry already made, as it is for
every repaint after the first at one zoom. The reference is a bare QWidget of the same size
whose paint event fills one rectangle, repainted the same way, taking turns with the timeline.
"""

from __future__ import annotations

import os
import statistics
from typing import Any

from bench.long_video import LongVideo, long_video
from bench.repaint_reference import bare_widget, timed_repaint
from kokoon_desktop.media.filmstrip import Filmstrip, ThumbnailCache
from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.media.probe import probe

WIDTH = 3840
HEIGHT = 120
REPAINTS = 300
ZOOM_STEPS = {"fit": 0, "mid": 11, "close": 20}  # steps of `zoom_in` (x1.25 each) from fit


def _thumbnails(count: int, height: int) -> list[RgbImage]:
    path = long_video(LongVideo())
    got: dict[int, RgbImage] = {}

    def keep(slot: int, _frame: int, image: RgbImage) -> None:
        got[slot] = image

    with Filmstrip(path, keep, cache=ThumbnailCache()) as strip:
        strip.request(count, height)
        strip.wait(120)
    return [got[slot] for slot in range(count)]


def run() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kokoon_desktop.core.timeline import Marks
    from kokoon_desktop.ui.preview.local_clip import to_qimage
    from kokoon_desktop.ui.timeline.widget import TimelineWidget

    app = QApplication.instance() or QApplication([])
    info = probe(long_video(LongVideo()))
    total = info.total_frames

    timeline = TimelineWidget()
    timeline.resize(WIDTH, HEIGHT)
    timeline.show()
    bare = bare_widget(WIDTH, HEIGHT)
    app.processEvents()

    timeline.set_clip(total, info.rate)
    track = max(24, int(timeline.height() - timeline.ruler_height()) - 4)
    thumb_width = max(16, round(track * info.width / info.height))
    count = max(1, timeline.width() // thumb_width)
    timeline.set_thumbnail_count(count)
    for slot, image in enumerate(_thumbnails(count, track)):
        timeline.set_thumbnail(slot, to_qimage(image))
    timeline.set_marks(Marks(total).set_in(total // 5).set_out(total * 3 // 5))
    timeline.set_playhead(total * 2 // 5)
    app.processEvents()

    levels: dict[str, dict[str, float]] = {}
    bare_times: list[float] = []
    done_steps = 0
    for name, steps in ZOOM_STEPS.items():
        for _ in range(steps - done_steps):
            timeline.zoom_in()
        done_steps = steps
        app.processEvents()
        timeline.repaint()  # the first paint at a zoom makes its ruler
        times = []
        for turn in range(REPAINTS):
            if turn % 2:
                bare_times.append(timed_repaint(bare))
            times.append(timed_repaint(timeline))
            if turn % 2 == 0:
                bare_times.append(timed_repaint(bare))
        first, last = timeline.view.visible_frames()
        levels[name] = {
            "median_s": statistics.median(times),
            "worst_s": max(times),
            "px_per_frame": timeline.view.zoom,
            "visible_s": (last - first) / float(info.rate.value),
        }
    timeline.close()
    bare.close()
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "thumbnails": count,
        "repaints": REPAINTS,
        "bare_median_s": statistics.median(bare_times),
        "levels": levels,
    }
