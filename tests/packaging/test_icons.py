"""The app's icon: one SVG that Qt draws fully, rendered sharp at every size the desktops ask
for, and packed into the Windows .ico and the macOS .icns."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.packaging.scripts import load

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "kokoon-desktop.svg"
PILLOW = (
    "Pillow packs the .ico and .icns: it comes with the package extra (pip install -e .[package])"
)

icons = load("icons")

#: SVG elements Qt's renderer draws as browsers do. Clip paths, masks, filters, patterns and
#: style sheets are left out: QtSvg ignores some of them, and the icon would show what they hide.
PLAIN_SVG = {"svg", "defs", "g", "path", "rect", "circle", "ellipse", "line", "polygon",
             "polyline", "linearGradient", "radialGradient", "stop"}  # fmt: skip


def test_the_icon_uses_only_what_qt_draws() -> None:
    tags = {element.tag.rpartition("}")[2] for element in ET.parse(SVG).iter()}  # noqa: S314
    assert tags <= PLAIN_SVG, f"not plain SVG for Qt: {sorted(tags - PLAIN_SVG)}"
    assert "style=" not in SVG.read_text(encoding="utf-8")


def test_the_icon_renders_at_every_size_with_something_drawn(qapp: object, tmp_path: Path) -> None:
    pngs = icons.render_pngs(SVG, tmp_path)
    assert sorted(pngs) == list(icons.PNG_SIZES)
    for size, path in pngs.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        opaque = sum(
            image.pixelColor(x, y).alpha() == 255 for x in range(size) for y in range(0, size, 4)
        )
        assert opaque > 0.6 * size * len(range(0, size, 4)), f"{size} px: mostly transparent"
        assert image.pixelColor(size // 2, size // 2).alpha() == 255, f"{size} px: empty centre"
        assert image.pixelColor(0, 0).alpha() < 255, f"{size} px: no rounded corner"


def test_the_ico_and_icns_hold_every_size(qapp: object, tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image", reason=PILLOW)
    made = icons.make_icons(SVG, tmp_path)
    assert sorted(made.pngs) == list(icons.PNG_SIZES)
    with image_module.open(made.ico) as ico:
        assert ico.format == "ICO"
        assert {s[0] for s in ico.info["sizes"]} == set(icons.ICO_SIZES)
    with image_module.open(made.icns) as icns:
        assert icns.format == "ICNS"
        assert {s[0] for s in icns.info["sizes"]} >= {16, 32, 128, 256, 512}


def test_the_command_line_writes_the_set(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("PIL.Image", reason=PILLOW)
    assert icons.main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out.split()
    assert str(tmp_path / "kokoon-desktop.ico") in printed
    assert all(Path(p).is_file() for p in printed)
    assert icons.main([]) == 2
