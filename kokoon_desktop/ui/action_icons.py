"""The toolbar's icons: line drawings in `resources/icons/actions/`, drawn in the palette's text
colour so they read on a light and on a dark desktop alike (and again when it changes)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kokoon_desktop.resources import resource

__all__ = ["ACTION_ICONS", "action_icon"]

#: The drawings there are, by the action's object name.
ACTION_ICONS = ("upload", "refresh", "download", "settings", "shortcuts")
_SIZES = (16, 20, 24, 32, 48)


def action_icon(name: str, palette: QPalette, device_pixel_ratio: float = 1.0) -> QIcon:
    """The icon of action ``name`` in the palette's button text colour (greyed when the
    action is disabled), sharp at the screen's pixel ratio."""
    svg = resource("icons", "actions", f"{name}.svg").read_text(encoding="utf-8")
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        renderer = QSvgRenderer(QByteArray(_tinted(svg, colour).encode("utf-8")))
        for size in _SIZES:
            icon.addPixmap(_render(renderer, size, device_pixel_ratio), mode)
    return icon


def _tinted(svg: str, colour: QColor) -> str:
    return svg.replace("currentColor", colour.name())


def _render(renderer: QSvgRenderer, size: int, device_pixel_ratio: float) -> QPixmap:
    pixels = round(size * device_pixel_ratio)
    pixmap = QPixmap(QSize(pixels, pixels))
    pixmap.fill(Qt.GlobalColor.transparent)
    with QPainter(pixmap) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap
