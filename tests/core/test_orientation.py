"""Which way up: FFmpeg's counterclockwise display rotation to the clockwise turn players make."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.orientation import displayed_size, upright_turn


@pytest.mark.parametrize(
    ("rotation", "turn"),
    [(None, 0), (0, 0), (-90, 90), (90, 270), (180, 180), (-180, 180), (-90.0001, 90), (89.9, 270)],
)
def test_quarter_turns(rotation: float | None, turn: int) -> None:
    assert upright_turn(rotation) == turn


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=1, max_value=10_000),
       st.sampled_from([0, 90, 180, 270]))  # fmt: skip
def test_a_quarter_turn_swaps_the_sides_and_turning_back_restores_them(
    width: int, height: int, turn: int
) -> None:
    shown = displayed_size(width, height, turn)
    assert sorted(shown) == sorted((width, height))
    assert (shown != (width, height)) == (turn in (90, 270) and width != height)
    assert displayed_size(*shown, turn) == (width, height)
