"""The app's icons, made at build time from the one SVG source in ``resources/icons/``.

    python packaging/icons.py OUT_DIR

Qt's SVG renderer (the one the app itself draws the icon with) makes a PNG at each size the
desktops ask for; Pillow packs them into a Windows ``.ico`` and a macOS ``.icns``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows reads up to 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # what Pillow's ICNS writer packs


@dataclass(frozen=True)
class IconSet:
    pngs: dict[int, Path]
    ico: Path
    icns: Path


def render_pngs(svg: Path, out_dir: Path, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, Path]:
    """One PNG per size, transparent where the SVG draws nothing."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    out_dir.mkdir(parents=True, exist_ok=True)
    made: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{svg.stem}-{size}.png"
        if not image.save(str(path)):  # PNG, from the name
            raise OSError(f"cannot write {path}")
        made[size] = path
    return made


def make_icons(svg: Path, out_dir: Path) -> IconSet:
    """PNGs at every size, and the .ico and .icns made from them."""
    from PIL import Image

    pngs = render_pngs(svg, out_dir)
    ico = out_dir / f"{svg.stem}.ico"
    icns = out_dir / f"{svg.stem}.icns"
    # Each size from its own rendering, not scaled down from the largest: small sizes stay sharp.
    ico_images = [Image.open(pngs[size]) for size in ICO_SIZES]
    icns_images = [Image.open(pngs[size]) for size in ICNS_SIZES]
    try:
        ico_images[-1].save(
            ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=ico_images[:-1]
        )
        icns_images[-1].save(icns, format="ICNS", append_images=icns_images[:-1])
    finally:
        for image in (*ico_images, *icns_images):
            image.close()
    return IconSet(pngs=pngs, ico=ico, icns=icns)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/icons.py OUT_DIR", file=sys.stderr)
        return 2
    svg = Path(__file__).resolve().parent.parent / "resources" / "icons" / "kokoon-desktop.svg"
    made = make_icons(svg, Path(argv[0]))
    for path in (*made.pngs.values(), made.ico, made.icns):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
