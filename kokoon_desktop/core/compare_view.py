"""Where the compare view looks: zoom, pan and the wipe's divider, as plain numbers.

Both pictures of a comparison have the same size (the "before" is scaled to the output's), so one
view state places both: the split wipe and the toggle draw them in one viewport, side by side
draws them in two viewports of the same size with the same state, which is what keeps their
zoom and pan in step.

Zoom counts *device* pixels per picture pixel, so 100% shows every picture pixel as one pixel
of the screen also on a scaled (high-DPI) desktop; ``None`` fits the picture in the viewport.
The centre is the picture point under the middle of the viewport, kept inside the picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

__all__ = [
    "ZOOM_PRESETS",
    "ViewState",
    "Viewport",
    "zoom_label",
]

#: The zoom levels offered by name (device pixels per picture pixel); ``None`` is Fit.
ZOOM_PRESETS: tuple[float | None, ...] = (None, 1.0, 2.0, 4.0)
#: One wheel step (Ctrl+wheel) multiplies the zoom by this.
WHEEL_FACTOR = 1.25
MAX_ZOOM = 16.0
#: Never smaller than this share of the fitted size, so the picture cannot vanish.
MIN_OF_FIT = 0.25


@dataclass(frozen=True, slots=True)
class Viewport:
    """A drawing area in logical pixels, and the screen's device pixels per logical one."""

    width: float
    height: float
    dpr: float = 1.0


@dataclass(frozen=True, slots=True)
class ViewState:
    """How a ``width``×``height`` picture is looked at."""

    width: int
    height: int
    zoom: float | None = None
    center_x: float = 0.0
    center_y: float = 0.0
    #: The wipe's position, as a share of the viewport's width from its left edge.
    divider: float = 0.5

    @classmethod
    def fitted(cls, width: int, height: int) -> ViewState:
        return cls(width, height, None, width / 2, height / 2)

    # -- scale -------------------------------------------------------------------------

    def fit_scale(self, port: Viewport) -> float:
        """Logical pixels per picture pixel that show the whole picture."""
        return min(port.width / self.width, port.height / self.height)

    def scale(self, port: Viewport) -> float:
        """Logical pixels per picture pixel as drawn."""
        if self.zoom is None:
            return self.fit_scale(port)
        return self.zoom / port.dpr

    def device_zoom(self, port: Viewport) -> float:
        """Device pixels per picture pixel (what "100%" means)."""
        return self.scale(port) * port.dpr

    def crisp(self, port: Viewport) -> bool:
        """At 100% and closer, pixels are shown as squares (nearest neighbour), not smoothed."""
        return self.device_zoom(port) >= 1.0 - 1e-9

    # -- mapping ---------------------------------------------------------------------------

    def to_view(self, port: Viewport, x: float, y: float) -> tuple[float, float]:
        s = self.scale(port)
        return port.width / 2 + (x - self.center()[0]) * s, port.height / 2 + (
            y - self.center()[1]
        ) * s

    def to_picture(self, port: Viewport, x: float, y: float) -> tuple[float, float]:
        s = self.scale(port)
        cx, cy = self.center()
        return cx + (x - port.width / 2) / s, cy + (y - port.height / 2) / s

    def center(self) -> tuple[float, float]:
        """The picture point at the viewport's middle (the picture's centre when fitted)."""
        if self.zoom is None:
            return self.width / 2, self.height / 2
        return self.center_x, self.center_y

    def picture_rect(self, port: Viewport) -> tuple[float, float, float, float]:
        """Where the whole picture lands in the viewport: x, y, width, height (logical)."""
        x, y = self.to_view(port, 0, 0)
        s = self.scale(port)
        return x, y, self.width * s, self.height * s

    def visible(self, port: Viewport) -> tuple[int, int, int, int] | None:
        """The picture's pixels inside the viewport, widened to whole pixels: x, y, w, h."""
        left, top = self.to_picture(port, 0, 0)
        right, bottom = self.to_picture(port, port.width, port.height)
        x0 = max(0, math.floor(left))
        y0 = max(0, math.floor(top))
        x1 = min(self.width, math.ceil(right))
        y1 = min(self.height, math.ceil(bottom))
        if x1 <= x0 or y1 <= y0:
            return None
        return x0, y0, x1 - x0, y1 - y0

    # -- changes ------------------------------------------------------------------------

    def with_zoom(
        self, port: Viewport, zoom: float | None, anchor: tuple[float, float] | None = None
    ) -> ViewState:
        """Zoom to ``zoom`` keeping the picture point under ``anchor`` (a viewport point; its
        middle by default) where it is."""
        if zoom is None:
            return replace(self, zoom=None, center_x=self.width / 2, center_y=self.height / 2)
        zoom = self.clamp_zoom(port, zoom)
        ax, ay = anchor if anchor is not None else (port.width / 2, port.height / 2)
        px, py = self.to_picture(port, ax, ay)
        s = zoom / port.dpr
        moved = replace(
            self,
            zoom=zoom,
            center_x=px - (ax - port.width / 2) / s,
            center_y=py - (ay - port.height / 2) / s,
        )
        return moved.clamped()

    def stepped(self, port: Viewport, steps: float, anchor: tuple[float, float]) -> ViewState:
        """``steps`` wheel steps in (positive) or out, around ``anchor``."""
        return self.with_zoom(port, self.device_zoom(port) * WHEEL_FACTOR**steps, anchor)

    def panned(self, port: Viewport, dx: float, dy: float) -> ViewState:
        """The picture dragged by ``dx``, ``dy`` logical pixels (it follows the pointer)."""
        if self.zoom is None:  # a fitted picture is held where it is: pan from the fitted look
            fixed = replace(
                self,
                zoom=self.device_zoom(port),
                center_x=self.width / 2,
                center_y=self.height / 2,
            )
            return fixed.panned(port, dx, dy)
        s = self.scale(port)
        return replace(
            self, center_x=self.center_x - dx / s, center_y=self.center_y - dy / s
        ).clamped()

    def with_divider(self, share: float) -> ViewState:
        return replace(self, divider=min(max(share, 0.0), 1.0))

    def clamp_zoom(self, port: Viewport, zoom: float) -> float:
        lowest = min(1.0, self.fit_scale(port) * port.dpr * MIN_OF_FIT)
        return min(max(zoom, lowest), MAX_ZOOM)

    def clamped(self) -> ViewState:
        """The centre kept inside the picture (a picture is never panned out of sight)."""
        return replace(
            self,
            center_x=min(max(self.center_x, 0.0), float(self.width)),
            center_y=min(max(self.center_y, 0.0), float(self.height)),
        )


def zoom_label(zoom: float) -> str:
    """``2.0`` → ``"200%"``."""
    return f"{round(zoom * 100)}%"
