"""The range fields' text: every unit reads back what it shows, and typing works editor-style."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kokoon_desktop.core.time_entry import (
    TimeUnit,
    format_length,
    format_position,
    parse_entry,
    parse_ms_entry,
)
from kokoon_desktop.core.timecode import (
    FrameRate,
    format_ms,
    format_timecode,
    frames_to_ms,
    ms_to_frames,
    parse_timecode,
)
from kokoon_desktop.core.timeline import Marks

RATE_TEXTS = ["24000/1001", "24/1", "25/1", "30000/1001", "30/1", "50/1", "60000/1001", "60/1"]
RATES = [FrameRate.parse(text) for text in RATE_TEXTS]
PAL = FrameRate(Fraction(25))
NTSC = FrameRate(Fraction(30000, 1001))
HFR = FrameRate(Fraction(120))

rates = st.sampled_from(RATES)
units = st.sampled_from(list(TimeUnit))
# Ten hours at 60 fps: many drop-frame minutes and ten-minute blocks.
frames = st.integers(0, 60 * 3600 * 10)


# --- round trips -------------------------------------------------------------------------------


@given(rates, units, frames, frames)
def test_a_position_reads_back_as_the_same_frame(
    rate: FrameRate, unit: TimeUnit, frame: int, current: int
) -> None:
    text = format_position(frame, rate, unit)
    assert parse_entry(text, rate, unit, current=current) == frame


@given(rates, units, frames, frames, frames)
def test_a_length_reads_back_as_the_same_count(
    rate: FrameRate, unit: TimeUnit, count: int, start: int, current: int
) -> None:
    text = format_length(count, rate, unit, start=start)
    assert parse_entry(text, rate, unit, current=current, start=start) == count


@given(rates, st.integers(1, 100_000), st.data())
def test_fields_in_ms_say_exactly_what_the_request_sends(
    rate: FrameRate, total: int, data: st.DataObject
) -> None:
    first = data.draw(st.integers(0, total - 1))
    last = data.draw(st.integers(first, total - 1))
    marks = Marks(total).set_out(last).set_in(first)
    assume(not marks.is_whole_clip)
    start_ms, duration_ms = marks.to_request(rate)
    unit = TimeUnit.MILLISECONDS
    assert format_position(first, rate, unit) == format_ms(start_ms)
    assert format_length(last - first + 1, rate, unit, start=first) == format_ms(duration_ms)


@given(rates, frames, st.integers(1, 10_000_000), frames)
def test_typed_ms_land_where_a_request_with_them_lands(
    rate: FrameRate, first: int, duration_ms: int, margin: int
) -> None:
    # In shows where its frame starts; a Duration typed after it counts from there, and the
    # range is the one `Marks.from_request` finds for the same milliseconds.
    unit = TimeUnit.MILLISECONDS
    start_ms = frames_to_ms(first, rate)
    assert parse_entry(format_ms(start_ms), rate, unit, current=0) == first
    count = parse_entry(str(duration_ms), rate, unit, current=0, start=first)
    marks = Marks.from_request(start_ms, duration_ms, rate, first + count + margin)
    assert marks.range_frames() == (first, count)


# --- relative entries --------------------------------------------------------------------------


@given(rates, frames, frames, st.sampled_from("+-"))
def test_relative_frames_and_timecode_move_from_the_current_value(
    rate: FrameRate, current: int, amount: int, sign: str
) -> None:
    expected = current + amount if sign == "+" else current - amount
    for unit, typed in (
        (TimeUnit.FRAMES, str(amount)),
        (TimeUnit.TIMECODE, format_timecode(amount, rate)),
    ):
        for start in (None, 7):
            if expected < 0:
                with pytest.raises(ValueError, match="goes below zero"):
                    parse_entry(sign + typed, rate, unit, current=current, start=start)
            else:
                assert parse_entry(sign + typed, rate, unit, current=current, start=start) == (
                    expected
                )


@given(rates, frames, st.integers(0, 10_000_000), st.sampled_from("+-"))
def test_relative_ms_move_the_time_the_field_shows(
    rate: FrameRate, current: int, amount_ms: int, sign: str
) -> None:
    held = frames_to_ms(current, rate)
    target = held + amount_ms if sign == "+" else held - amount_ms
    typed = f"{sign}{amount_ms}"
    if target < 0:
        with pytest.raises(ValueError, match="goes below zero"):
            parse_entry(typed, rate, TimeUnit.MILLISECONDS, current=current)
    else:
        assert parse_entry(typed, rate, TimeUnit.MILLISECONDS, current=current) == ms_to_frames(
            target, rate
        )
        assert parse_entry(
            f"{sign}{format_ms(amount_ms)}", rate, TimeUnit.MILLISECONDS, current=current
        ) == (ms_to_frames(target, rate))


@given(st.integers(0, 10**9), st.integers(0, 10**9), st.sampled_from("+-"))
def test_relative_ms_without_a_rate(current: int, amount: int, sign: str) -> None:
    expected = current + amount if sign == "+" else current - amount
    if expected < 0:
        with pytest.raises(ValueError, match="goes below zero"):
            parse_ms_entry(f"{sign}{amount}", current=current)
    else:
        assert parse_ms_entry(f"{sign}{amount}", current=current) == expected


def test_relative_examples() -> None:
    assert parse_entry("+10", PAL, TimeUnit.FRAMES, current=100) == 110
    assert parse_entry(" - 10 ", PAL, TimeUnit.FRAMES, current=100) == 90
    assert parse_entry("+1.", PAL, TimeUnit.TIMECODE, current=100) == 125  # one second on
    assert parse_entry("-5.", PAL, TimeUnit.TIMECODE, current=200) == 75
    assert parse_entry("+12", PAL, TimeUnit.TIMECODE, current=0) == 12  # twelve frames
    assert parse_entry("+500", PAL, TimeUnit.MILLISECONDS, current=25) == 37  # 1.5 s
    assert parse_entry("-00:00:01.000", PAL, TimeUnit.MILLISECONDS, current=50) == 25
    assert parse_ms_entry("+1.5", current=1000) == 2500
    assert parse_ms_entry("2500", current=1000) == 2500


# --- the "." rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "rate", "expected"),
    [
        ("1..", PAL, "00:01:00:00"),
        ("5.", PAL, "00:00:05:00"),
        ("1...", PAL, "01:00:00:00"),
        (".", PAL, "00:00:00:00"),
        ("1.5", PAL, "00:00:10:05"),  # "." is "00" wherever it stands: 1 00 5
        ("2.12", NTSC, "00:02:00;12"),
        ("5.", HFR, "00:00:05:000"),  # the last "." fills the three-digit frame field
        ("1..", HFR, "00:01:00:000"),
    ],
)
def test_a_dot_stands_for_zeros(typed: str, rate: FrameRate, expected: str) -> None:
    frame = parse_entry(typed, rate, TimeUnit.TIMECODE, current=0)
    assert format_timecode(frame, rate) == expected


@given(rates, st.text("0123456789", min_size=1, max_size=6), st.integers(1, 3))
def test_dots_are_pairs_of_zeros(rate: FrameRate, digits: str, dots: int) -> None:
    assume(len(digits) + 2 * dots <= 8)
    try:
        expected: int | str = parse_timecode(digits + "00" * dots, rate)
    except ValueError:
        expected = "refused"
    try:
        got: int | str = parse_entry(digits + "." * dots, rate, TimeUnit.TIMECODE, current=0)
    except ValueError:
        got = "refused"
    assert got == expected


# --- drop-frame amounts ------------------------------------------------------------------------


def test_drop_frame_numbers_that_name_no_frame() -> None:
    # As a position, 00:01:00;00 does not exist at 29.97 and the message says what does.
    with pytest.raises(ValueError, match=r"next frame is 00:01:00;02"):
        parse_entry("1..", NTSC, TimeUnit.TIMECODE, current=0)
    # As an amount of time (a duration, an offset) it reads as that next frame.
    assert parse_entry("1..", NTSC, TimeUnit.TIMECODE, current=0, start=0) == 1800
    assert parse_entry("+1..", NTSC, TimeUnit.TIMECODE, current=10) == 1810
    assert format_length(1800, NTSC, TimeUnit.TIMECODE) == "00:01:00;02"


# --- bad entries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "unit", "reason"),
    [
        ("", TimeUnit.TIMECODE, "Nothing typed: type a timecode"),
        ("  ", TimeUnit.FRAMES, "Nothing typed: type a frame number"),
        ("abc", TimeUnit.TIMECODE, "'abc' is not a timecode"),
        ("+abc", TimeUnit.TIMECODE, r"'\+abc' is not a timecode"),
        ("12.5", TimeUnit.FRAMES, "'12.5' is not a frame count"),
        ("-x", TimeUnit.MILLISECONDS, "'-x' is not a time"),
        ("+", TimeUnit.FRAMES, r"type how much to move after the \+"),
        ("-200", TimeUnit.FRAMES, "'-200' from 100 goes below zero"),
        ("-5.", TimeUnit.TIMECODE, "'-5.' from 00:00:04:00 goes below zero"),
        ("00:00:00:25", TimeUnit.TIMECODE, "no frame 25 at 25 fps"),
        ("123456789", TimeUnit.TIMECODE, "too many digits"),
        ("1" * 41, TimeUnit.FRAMES, "too long"),
        ("00:00:01.0000", TimeUnit.MILLISECONDS, "at most three digits"),
    ],
)
def test_bad_entries_are_explained(typed: str, unit: TimeUnit, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_entry(typed, PAL, unit, current=100)


@given(st.text(max_size=20), rates, units, frames, st.none() | frames)
def test_parse_entry_only_ever_raises_value_error(
    text: str, rate: FrameRate, unit: TimeUnit, current: int, start: int | None
) -> None:
    try:
        value = parse_entry(text, rate, unit, current=current, start=start)
    except ValueError as error:
        assert str(error)
    else:
        assert value >= 0


def test_negative_values_cannot_be_shown() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_position(-1, PAL, TimeUnit.FRAMES)
    with pytest.raises(ValueError, match="negative"):
        format_length(-1, PAL, TimeUnit.MILLISECONDS)


def test_units_have_names_for_the_chooser_and_the_settings() -> None:
    assert [unit.label for unit in TimeUnit] == ["Timecode", "Frames", "Milliseconds"]
    assert [unit.value for unit in TimeUnit] == ["timecode", "frames", "ms"]
