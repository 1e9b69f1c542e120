"""Output size presets: even, within limits, and in the source's ratio."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kokoon_desktop.core import (
    MAX_HEIGHT,
    MAX_WIDTH,
    SIZE_PRESETS,
    check_task_spec,
    height_for_width,
    make_even,
    preset_for_size,
    preset_size,
    width_for_height,
)

sources = st.tuples(st.integers(2, 8000), st.integers(2, 8000))
line_presets = st.sampled_from(["720p", "1080p", "1440p", "2160p"])


def test_preset_names() -> None:
    assert SIZE_PRESETS == ("720p", "1080p", "1440p", "2160p", "2x", "4x")


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("720p", None, (1280, 720)),
        ("1080p", None, (1920, 1080)),
        ("1440p", None, (2560, 1440)),
        ("2160p", None, (3840, 2160)),
        (" 1080P ", None, (1920, 1080)),
        ("720p", (640, 360), (1280, 720)),
        ("1080p", (1440, 1080), (1440, 1080)),  # 4:3
        ("1080p", (720, 480), (1620, 1080)),  # NTSC DV, 3:2 storage
        ("1080p", (1080, 1920), (1080, 1920)),  # portrait: the shorter side gets the preset
        ("720p", (1080, 1920), (720, 1280)),
        ("2160p", (1000, 1000), (2160, 2160)),
        ("1080p", (1000, 1001), (1080, 1082)),  # portrait by a hair; 1081.08 -> 1082
        ("2x", (640, 360), (1280, 720)),
        ("4x", (640, 360), (2560, 1440)),
        ("4x", (1920, 1080), (7680, 4320)),
    ],
)
def test_known_presets(
    name: str, source: tuple[int, int] | None, expected: tuple[int, int]
) -> None:
    assert preset_size(name, source) == expected


@pytest.mark.parametrize(
    ("name", "source", "reason"),
    [
        ("8k", None, "is not a size preset: choose 720p, 1080p, 1440p, 2160p, 2x, 4x"),
        ("custom", (640, 360), "is not a size preset"),
        ("2x", None, "needs the source's size"),
        ("4x", None, "needs the source's size"),
        ("4x", (1922, 1080), "would be 7688x4320, larger than the 7680x4320"),
        ("2160p", (4000, 1000), "2160p of a 4000x1000 source would be 8640x2160"),
        ("2160p", (1080, 2520), "would be 2160x5040"),
        ("720p", (0, 360), "positive whole numbers"),
        ("720p", (640, True), "positive whole numbers"),
    ],
)
def test_presets_that_cannot_be_made_are_explained(
    name: str, source: tuple[int, int] | None, reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        preset_size(name, source)


@settings(max_examples=300)
@given(st.sampled_from(SIZE_PRESETS), sources | st.none())
def test_presets_are_even_positive_within_limits_and_in_ratio(
    name: str, source: tuple[int, int] | None
) -> None:
    try:
        width, height = preset_size(name, source)
    except ValueError as error:
        assert "larger than" in str(error) or (source is None and "x" in name)
        return
    assert width % 2 == 0 and height % 2 == 0
    assert 2 <= width <= MAX_WIDTH and 2 <= height <= MAX_HEIGHT
    assert (
        check_task_spec(
            vid="de5e9990-c0fb-11ee-961f-d12490e606ad",
            category="general",
            width=width,
            height=height,
        )
        == []
    )
    source_width, source_height = source or (16, 9)
    if name in ("2x", "4x"):
        factor = int(name[0])
        assert (width, height) == (source_width * factor, source_height * factor)
    elif source_height > source_width:
        assert width == int(name[:-1])
        assert abs(height - Fraction(width * source_height, source_width)) <= 1
    else:
        assert height == int(name[:-1])
        assert abs(width - Fraction(height * source_width, source_height)) <= 1


@given(line_presets, sources)
def test_presets_that_fail_only_fail_for_the_limits(name: str, source: tuple[int, int]) -> None:
    lines = int(name[:-1])
    source_width, source_height = source
    long_side = Fraction(lines * max(source), min(source))
    fits = (
        make_even(long_side) <= MAX_WIDTH
        if source_width >= source_height
        else make_even(long_side) <= MAX_HEIGHT
    )
    if fits:
        preset_size(name, source)
    else:
        with pytest.raises(ValueError, match="larger than"):
            preset_size(name, source)


@given(st.integers(-(10**6), 10**6))
def test_make_even_of_integers(n: int) -> None:
    even = make_even(n)
    assert even % 2 == 0 and even >= 2
    if n >= 2:
        assert even == (n if n % 2 == 0 else n - 1)


@given(st.fractions(min_value=1, max_value=10**6) | st.floats(1, 10**6))
def test_make_even_is_the_nearest_even_number(value: Fraction | float) -> None:
    even = make_even(value)
    assert even % 2 == 0 and even >= 2
    assert abs(even - Fraction(value)) <= 1


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_make_even_refuses_what_is_not_finite(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        make_even(value)


@given(st.integers(2, 10_000), sources | st.none())
def test_companion_dimension_keeps_the_ratio(size: int, source: tuple[int, int] | None) -> None:
    source_width, source_height = source or (16, 9)
    width = width_for_height(size, source)
    height = height_for_width(size, source)
    for value in (width, height):
        assert value % 2 == 0 and value >= 2
    assert abs(width - Fraction(size * source_width, source_height)) <= 1 or width == 2
    assert abs(height - Fraction(size * source_height, source_width)) <= 1 or height == 2


def test_companion_examples() -> None:
    assert width_for_height(1080, (640, 360)) == 1920
    assert height_for_width(1280, (640, 360)) == 720
    assert height_for_width(1920, None) == 1080
    assert width_for_height(1080, (1080, 1920)) == 608  # 607.5: 608 is the nearest even
    assert width_for_height(1081, (1, 1)) == 1080  # an odd number is a tie: it goes down


@given(st.sampled_from(SIZE_PRESETS), sources)
def test_preset_for_size_finds_a_preset_giving_that_size(
    name: str, source: tuple[int, int]
) -> None:
    try:
        size = preset_size(name, source)
    except ValueError:
        size = None
    assume(size is not None)
    assert size is not None
    found = preset_for_size(size, source)
    assert found is not None
    assert preset_size(found, source) == size


def test_preset_for_size_of_a_custom_size_is_none() -> None:
    assert preset_for_size((1000, 500), (640, 360)) is None
    assert preset_for_size((1920, 1080), None) == "1080p"
