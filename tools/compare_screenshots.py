"""Render the compare view in its three modes, light and dark, for the README.

    python -m tools.compare_screenshots          # into docs/compare-*.png

A small clip with fine detail (lettering, thin lines, a face-like pattern of circles) is drawn
and encoded at 480×270; the simulator's own preview maker turns its first five frames into the
preview's two pictures (as they are, and scaled to 1920×1080 with Lanczos and sharpened), and the
real compare window opens on them, offscreen.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SOURCE_SIZE = (480, 270)
OUTPUT_SIZE = (1920, 1080)


def _draw_clip(path: Path, frames: int = 8) -> Path:
    import av
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    width, height = SOURCE_SIZE
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=Fraction(25), options={"crf": "18"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            image = QImage(width, height, QImage.Format.Format_RGB888)
            image.fill(QColor(38, 52, 74))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(QRectF(0, height * 0.62, width, height), QColor(58, 92, 70))
            painter.setBrush(QColor(236, 196, 120))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(360 + index, 80), 38, 38)
            painter.setPen(QPen(QColor(230, 230, 220), 1))
            for line in range(14):  # a fence of thin posts: the detail an upscale must keep
                x = 24 + line * 11 + index
                painter.drawLine(QPointF(x, height * 0.5), QPointF(x, height * 0.75))
            painter.drawLine(QPointF(20, height * 0.55), QPointF(180, height * 0.55))
            font = QFont("DejaVu Sans")
            font.setPixelSize(22)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(250, 250, 250))
            painter.drawText(QPointF(210, 200), "HARBOUR 07")
            font.setPixelSize(9)
            painter.setFont(font)
            painter.drawText(QPointF(212, 216), "take 3 · dusk · 25 fps")
            for ring in range(5):
                radius = 6 + ring * 5
                painter.setPen(QPen(QColor(200, 220, 255), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(90, 70), radius, radius * (1 + 0.1 * math.sin(index)))
            painter.end()
            frame = av.VideoFrame(width, height, "rgb24")
            stride = frame.planes[0].line_size
            row = width * 3
            bits = bytes(image.constBits())
            padding = bytes(stride - row)
            frame.planes[0].update(
                b"".join(
                    bits[y * image.bytesPerLine() : y * image.bytesPerLine() + row] + padding
                    for y in range(height)
                )
            )
            frame.pts = index
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def _render(mode: str, dark: bool, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")

    from kokoon_desktop.core.timecode import FrameRate
    from kokoon_desktop.media.compare_frames import CompareFrames
    from kokoon_desktop.sandbox.media import render_range
    from kokoon_desktop.ui.compare.canvas import CompareMode
    from kokoon_desktop.ui.compare.window import CompareSource, CompareWindow
    from kokoon_desktop.ui.style import dark_palette, readable_palette

    app.setPalette(dark_palette() if dark else readable_palette(app.palette()))
    with tempfile.TemporaryDirectory(prefix="kokoon-compare-shots-") as tmp:
        folder = Path(tmp)
        clip = _draw_clip(folder / "harbour dusk.mp4")
        before, after = folder / "orig.mp4", folder / "sr.mp4"
        for target, upscale in ((before, False), (after, True)):
            render_range(
                clip, target, start_ms=0, frames=5,
                width=OUTPUT_SIZE[0], height=OUTPUT_SIZE[1], upscale=upscale,
            )  # fmt: skip
        source = CompareSource(
            title="preview of harbour dusk.mp4",
            open_pairs=lambda: CompareFrames(before, after),
            first_source_frame=0,
            rate=FrameRate(Fraction(25)),
            is_preview=True,
            name="harbour dusk",
        )
        window = CompareWindow(source)
        window.resize(1280, 760)
        window.show()
        while window.shown_index is None:
            app.processEvents()
        window.set_mode(CompareMode(mode))
        if mode == "side":
            window.set_zoom(2.0)  # the fence and the lettering, pixel for pixel
            state = window.canvas.state
            assert state is not None
            window.canvas.set_state(replace(state, center_x=1000.0, center_y=770.0))
        elif mode == "split":
            state = window.canvas.state
            assert state is not None
            window.canvas.set_state(state.with_divider(0.42))
        app.processEvents()
        window.grab().save(str(out))
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=3, metavar=("MODE", "DARK", "OUT"))
    args = parser.parse_args()
    if args.one:
        mode, dark, out = args.one
        _render(mode, dark == "dark", Path(out))
        return
    DOCS.mkdir(exist_ok=True)
    for mode in ("split", "side", "toggle"):
        for suffix, dark in (("", "light"), ("-dark", "dark")):
            out = DOCS / f"compare-{mode}{suffix}.png"
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            command = [sys.executable, "-m", "tools.compare_screenshots", "--one", mode, dark]
            subprocess.run([*command, str(out)], env=env, check=True)
            print(out)


if __name__ == "__main__":
    main()
