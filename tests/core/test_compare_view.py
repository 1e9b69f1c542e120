"""The compare view's geometry: zoom around a point, pan, the visible pixels, the divider."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.compare_view import (
    MAX_ZOOM,
    Viewport,
    ViewState,
    zoom_label,
)

sizes = st.tuples(st.integers(16, 8192), st.integers(16, 4320))
ports = st.builds(
    Viewport,
    st.floats(100, 3000),
    st.floats(100, 2000),
    st.sampled_from([1.0, 1.25, 1.5, 2.0]),
)
zooms = st.floats(0.05, MAX_ZOOM)
shares = st.floats(0, 1)


@given(sizes, ports)
def test_a_fitted_picture_is_whole_and_centred(size: tuple[int, int], port: Viewport) -> None:
    state = ViewState.fitted(*size)
    x, y, w, h = state.picture_rect(port)
    assert x >= -1e-6 and y >= -1e-6
    assert x + w <= port.width + 1e-6 and y + h <= port.height + 1e-6
    assert math.isclose(w, port.width, rel_tol=1e-9) or math.isclose(h, port.height, rel_tol=1e-9)
    assert math.isclose(x * 2 + w, port.width, abs_tol=1e-6)
    assert state.visible(port) == (0, 0, *size)


@given(sizes, ports, zooms, shares, shares)
def test_zooming_keeps_the_point_under_the_pointer(
    size: tuple[int, int], port: Viewport, zoom: float, ax: float, ay: float
) -> None:
    """Inside the picture, the picture point under the pointer stays under it, unless keeping
    it would pan the picture's middle out of sight (the centre is kept inside the picture)."""
    state = ViewState.fitted(*size)
    anchor = (ax * port.width, ay * port.height)
    before = state.to_picture(port, *anchor)
    zoomed = state.with_zoom(port, zoom, anchor)
    assert zoomed.zoom == zoomed.clamp_zoom(port, zoom)
    cx, cy = zoomed.center()
    assert 0 <= cx <= size[0] and 0 <= cy <= size[1]
    unclamped = zoomed.with_zoom(port, zoomed.zoom, anchor) == zoomed
    after = zoomed.to_picture(port, *anchor)
    if 0 < cx < size[0] and 0 < cy < size[1] and unclamped:
        assert math.isclose(after[0], before[0], abs_tol=1e-6 * size[0])
        assert math.isclose(after[1], before[1], abs_tol=1e-6 * size[1])


@given(sizes, ports, zooms, st.floats(-500, 500), st.floats(-500, 500))
def test_pan_follows_the_pointer_and_back(
    size: tuple[int, int], port: Viewport, zoom: float, dx: float, dy: float
) -> None:
    state = ViewState.fitted(*size).with_zoom(port, zoom)
    moved = state.panned(port, dx, dy)
    cx, cy = moved.center()
    assert 0 <= cx <= size[0] and 0 <= cy <= size[1]
    if 0 < cx < size[0] and 0 < cy < size[1]:
        # the picture point that was under (x, y) is now under (x + dx, y + dy)
        px, py = state.to_picture(port, port.width / 2, port.height / 2)
        vx, vy = moved.to_view(port, px, py)
        assert math.isclose(vx, port.width / 2 + dx, abs_tol=1e-6 * max(size))
        assert math.isclose(vy, port.height / 2 + dy, abs_tol=1e-6 * max(size))
        back = moved.panned(port, -dx, -dy)
        assert math.isclose(back.center_x, state.center_x, abs_tol=1e-6 * size[0])


@given(sizes, ports, zooms, st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))
def test_the_visible_pixels_lie_in_the_picture_and_cover_the_view(
    size: tuple[int, int], port: Viewport, zoom: float, dx: float, dy: float
) -> None:
    state = ViewState.fitted(*size).with_zoom(port, zoom).panned(port, dx, dy)
    seen = state.visible(port)
    assert seen is not None  # the centre stays inside: something is always in view
    x, y, w, h = seen
    assert x >= 0 and y >= 0 and x + w <= size[0] and y + h <= size[1]
    # every viewport point over the picture maps into the visible pixels
    for vx, vy in ((0, 0), (port.width, port.height), (port.width / 2, port.height / 2)):
        px, py = state.to_picture(port, vx, vy)
        if 0 <= px < size[0] and 0 <= py < size[1]:
            assert x <= px <= x + w and y <= py <= y + h


@given(sizes, ports)
def test_100_percent_is_one_device_pixel_per_picture_pixel(
    size: tuple[int, int], port: Viewport
) -> None:
    state = ViewState.fitted(*size).with_zoom(port, 1.0)
    assert math.isclose(state.scale(port) * port.dpr, 1.0)
    assert state.crisp(port)
    half = ViewState.fitted(*size).with_zoom(port, 0.5)
    assert half.crisp(port) == (half.zoom == 1.0)  # a small picture is never shown below 100%


@given(st.floats(-5, 5))
def test_the_divider_stays_in_the_view(share: float) -> None:
    assert 0 <= ViewState.fitted(100, 100).with_divider(share).divider <= 1


def test_wheel_steps_and_labels() -> None:
    port = Viewport(1000, 600)
    state = ViewState.fitted(3840, 2160).with_zoom(port, 1.0)
    assert math.isclose(state.stepped(port, 1, (500, 300)).device_zoom(port), 1.25)
    assert math.isclose(state.stepped(port, -2, (500, 300)).device_zoom(port), 0.64)
    assert state.stepped(port, 100, (500, 300)).zoom == MAX_ZOOM
    assert zoom_label(2.0) == "200%"
    assert ViewState.fitted(3840, 2160).with_zoom(port, None).zoom is None
