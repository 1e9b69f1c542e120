"""Render the preview and timeline at three zoom levels, light and dark, for docs/ and the README.

The clip is painted with Qt and encoded with PyAV: a 24-second drive along a coast through the
day (four shots of six seconds: morning, noon, dusk, night), so the filmstrip shows what a real
one does, changing pictures and cuts. The widgets are the window's own (`PreviewView`,
`TimelineWidget`, `ClipPreview` decoding in the background); nothing is drawn for the picture.

Run by `make screenshots`, or alone: `python -m tools.timeline_screenshots`.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kokoon_desktop.core.filmstrip_slots import visible_slots
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.media.probe import probe
from kokoon_desktop.ui.preview.clip_preview import ClipPreview
from kokoon_desktop.ui.preview.view import PreviewView
from kokoon_desktop.ui.timeline.shortcuts_overlay import ShortcutsOverlay
from kokoon_desktop.ui.timeline.widget import TimelineWidget

DOCS = Path(__file__).resolve().parent.parent / "docs"
RATE = Fraction(25)
SHOT_S = 6
SHOTS = (  # sky top, sky horizon, sun, far hills, near hills, sea
    ("#5d8fd1", "#f6d7a7", "#fff4c2", "#7c93a8", "#3e5a4a", "#4d7fa8"),
    ("#2f73c9", "#a9d2f2", "#ffffff", "#8fa9bd", "#4f7a3f", "#2e6fa3"),
    ("#3b2c5c", "#f08a4b", "#ffd08a", "#6b4a6e", "#2d2438", "#7a4f6a"),
    ("#060b1c", "#1d2b4f", "#e9edf5", "#1b2338", "#0c111d", "#18243f"),
)


def _ridge(width: float, base: float, amplitude: float, phase: float, seed: int) -> QPainterPath:
    path = QPainterPath(QPointF(0, 10_000))
    steps = 48
    for step in range(steps + 1):
        x = width * step / steps
        u = x / width * 6.0 + phase
        y = base - amplitude * (0.6 * math.sin(u + seed) + 0.4 * math.sin(2.3 * u + 2 * seed))
        path.lineTo(x, y)
    path.lineTo(width, 10_000)
    path.closeSubpath()
    return path


def paint_scene(image: QImage, seconds: float) -> None:
    """One frame of the drive at `seconds`: sky, sun, sea and hills moving at their own pace."""
    width, height = image.width(), image.height()
    shot = min(int(seconds // SHOT_S), len(SHOTS) - 1)
    t = seconds - shot * SHOT_S
    sky_top, horizon, sun, far, near, sea = (QColor(c) for c in SHOTS[shot])
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(0, 0, 0, height * 0.62)
    sky.setColorAt(0, sky_top)
    sky.setColorAt(1, horizon)
    painter.fillRect(QRectF(0, 0, width, height), sky)
    if shot == 3:  # night: stars
        painter.setPen(QColor(255, 255, 255, 180))
        for star in range(60):
            painter.drawPoint(QPointF((star * 97.3) % width, (star * 53.7) % (height * 0.5)))
    radius = height * (0.07 if shot != 1 else 0.05)
    sun_y = height * (0.22 + (0.25 if shot == 2 else 0.0) + 0.01 * t)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(sun)
    painter.drawEllipse(QPointF(width * (0.68 - 0.01 * t), sun_y), radius, radius)
    painter.fillRect(QRectF(0, height * 0.62, width, height), sea)
    painter.setBrush(far)
    painter.drawPath(_ridge(width, height * 0.6, height * 0.08, 0.15 * seconds, shot))
    painter.setBrush(near)
    painter.drawPath(_ridge(width, height * 0.82, height * 0.1, 0.6 * seconds, shot + 3))
    road = QColor(near).darker(160)
    painter.fillRect(QRectF(0, height * 0.9, width, height * 0.1), road)
    painter.setBrush(QColor(235, 235, 220))
    dash = width / 8
    offset = (seconds * width * 0.9) % dash
    for n in range(10):
        x = n * dash - offset
        painter.drawRect(QRectF(x, height * 0.945, dash * 0.5, height * 0.012))
    painter.end()


def make_drive_clip(path: Path, *, width: int = 480, height: int = 270) -> Path:
    """The 24-second clip, H.264 at 25 fps, a keyframe every two seconds."""
    total = SHOT_S * len(SHOTS) * RATE.numerator // RATE.denominator
    image = QImage(width, height, QImage.Format.Format_RGB888)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=RATE, options={"preset": "veryfast"})
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.gop_size = 50
        for index in range(total):
            paint_scene(image, float(index / RATE))
            frame = av.VideoFrame(width, height, "rgb24")
            plane, row = frame.planes[0], width * 3
            bits = bytes(image.constBits())
            stride = image.bytesPerLine()
            padding = bytes(plane.line_size - row)
            plane.update(
                b"".join(bits[y * stride : y * stride + row] + padding for y in range(height))
            )
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def _wait(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the thumbnails did not arrive in time")
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def _visible_filled(timeline: TimelineWidget) -> bool:
    count = timeline.thumbnail_count
    shown = visible_slots(timeline.view, count)
    return bool(count) and all(timeline.has_thumbnail(slot) for slot in shown)


def render(clip: Path, docs: Path, suffix: str) -> list[Path]:
    info = probe(clip)
    panel = QWidget()
    panel.resize(1200, 470)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(10, 10, 10, 10)
    preview = PreviewView()
    timeline = TimelineWidget()
    timeline.setFixedHeight(104)
    layout.addWidget(preview, 1)
    layout.addWidget(timeline)
    feeder = ClipPreview(preview, timeline)
    panel.show()
    timeline.set_clip(info.total_frames, info.rate)
    timeline.set_marks(Marks(info.total_frames, 4 * 25 + 12, 15 * 25 + 3))
    timeline.set_playhead(9 * 25 + 6)
    feeder.open_local(clip, info, "drive")
    saved: list[Path] = []
    for name, zoom in (("fit", 1.0), ("zoomed", 6.0), ("frames", 1000.0)):
        timeline.zoom_to_fit()
        anchor = timeline.view.x_of(timeline.playhead)
        timeline.set_view(timeline.view.zoomed(zoom, anchor))
        timeline.set_playhead(timeline.playhead)  # keeps it on screen
        feeder.feed_filmstrip()  # now, not after the gesture's settling delay
        _wait(lambda: _visible_filled(timeline) and preview.image is not None)
        target = docs / f"timeline-{name}{suffix}.png"
        panel.grab().save(str(target))
        saved.append(target)
        print(target)
    overlay = ShortcutsOverlay(panel)  # the list F1 shows, over the same panel
    overlay.toggle()
    QApplication.processEvents()
    target = docs / f"timeline-shortcuts{suffix}.png"
    panel.grab().save(str(target))
    saved.append(target)
    print(target)
    feeder.close()
    panel.close()
    return saved


def render_all(docs: Path, palettes: dict[str, QPalette]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="kokoon-drive-") as tmp:
        clip = make_drive_clip(Path(tmp) / "coast_drive.mp4")
        for suffix, palette in palettes.items():
            app.setPalette(palette)
            render(clip, docs, suffix)


def main() -> None:
    from kokoon_desktop.ui.style import dark_palette

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    DOCS.mkdir(exist_ok=True)
    render_all(DOCS, {"": app.palette(), "-dark": dark_palette()})


if __name__ == "__main__":
    main()
