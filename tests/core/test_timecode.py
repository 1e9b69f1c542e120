"""Frame rates, the frames <-> milliseconds rule, SMPTE timecode and the CLI's time syntax."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kokoon_desktop.core import (
    FrameRate,
    format_ms,
    format_timecode,
    frames_to_ms,
    ms_to_frames,
    parse_duration_ms,
    parse_timecode,
)
from kokoon_desktop.core.timecode import MAX_FRAME_RATE

COMMON = ["24000/1001", "24/1", "25/1", "30000/1001", "30/1", "50/1", "60000/1001"]
RATES = [FrameRate.parse(text) for text in COMMON]
NTSC = FrameRate(Fraction(30000, 1001))
NTSC_60 = FrameRate(Fraction(60000, 1001))
PAL = FrameRate(Fraction(25))

common_rates = st.sampled_from(RATES)
any_rates = st.builds(
    FrameRate,
    st.fractions(min_value=Fraction(1, 100), max_value=MAX_FRAME_RATE, max_denominator=10_000),
)
# About 30 hours at 60 fps: well past the first hour, ten-minute blocks and day boundaries.
frame_numbers = st.integers(0, 60 * 3600 * 30)


# --- FrameRate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30000/1001", Fraction(30000, 1001)),
        ("30/1", Fraction(30)),
        (" 25 ", Fraction(25)),
        ("25.0", Fraction(25)),
        ("29.97", Fraction(30000, 1001)),
        ("23.976", Fraction(24000, 1001)),
        ("23.98", Fraction(24000, 1001)),
        ("59.94", Fraction(60000, 1001)),
        ("12.5", Fraction(25, 2)),
        ("48000 / 1001", Fraction(48000, 1001)),
        ("1000", Fraction(1000)),
    ],
)
def test_parse_rates(text: str, expected: Fraction) -> None:
    assert FrameRate.parse(text).value == expected


@pytest.mark.parametrize(
    "text",
    ["", "0", "0/1", "0.0", "-25", "-30/1", "30/0", "0/0", "abc", "30/", "/1", "nan", "inf",
     "1e3", "25fps", "30/1.5", "1001/1", "2000", "9" * 5000],
)  # fmt: skip
def test_parse_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="frame rate"):
        FrameRate.parse(text)


@pytest.mark.parametrize("value", [Fraction(0), Fraction(-25), 0, True, 1.5, "25"])
def test_constructor_refuses_what_is_not_a_positive_fraction(value: object) -> None:
    with pytest.raises(ValueError, match="frame rate"):
        FrameRate(value)  # type: ignore[arg-type]


@given(any_rates)
def test_rational_text_round_trips(rate: FrameRate) -> None:
    assert FrameRate.parse(str(rate)) == rate
    assert rate.fps == pytest.approx(rate.value.numerator / rate.value.denominator)


def test_only_29_97_and_59_94_can_drop_frames() -> None:
    capable = [str(rate) for rate in RATES if rate.is_drop_frame_capable]
    assert capable == ["30000/1001", "60000/1001"]
    assert NTSC.nominal == 30 and NTSC_60.nominal == 60
    assert FrameRate.parse("23.976").nominal == 24
    assert NTSC.describe() == "29.97" and FrameRate.parse("24000/1001").describe() == "23.976"
    assert f"{NTSC.fps:.5f}" == "29.97003"


# --- frames <-> milliseconds ------------------------------------------------------------------


@settings(max_examples=300)
@given(any_rates | common_rates, st.integers(0, 10**9))
def test_frames_survive_the_trip_to_milliseconds(rate: FrameRate, frame: int) -> None:
    assert ms_to_frames(frames_to_ms(frame, rate), rate) == frame


@given(any_rates | common_rates, st.integers(-(10**6), 10**9))
def test_frames_to_ms_rounds_the_exact_start_to_the_nearest_ms(rate: FrameRate, n: int) -> None:
    exact = Fraction(n * 1000) / rate.value
    ms = frames_to_ms(n, rate)
    assert -Fraction(1, 2) <= exact - ms < Fraction(1, 2)  # halves round up


@settings(max_examples=300)
@given(any_rates | common_rates, st.integers(-(10**6), 10**10))
def test_ms_to_frames_gives_the_last_frame_started_by_then(rate: FrameRate, ms: int) -> None:
    frame = ms_to_frames(ms, rate)
    assert frames_to_ms(frame, rate) <= ms < frames_to_ms(frame + 1, rate)
    # It is the frame on screen, except in the half millisecond before a frame's exact start.
    on_screen = math.floor(Fraction(ms) * rate.value / 1000)
    assert frame in (on_screen, on_screen + 1)
    if frame == on_screen + 1:
        assert Fraction(frame * 1000) / rate.value - ms <= Fraction(1, 2)


@given(common_rates, st.integers(0, 10**8), st.integers(0, 10**4))
def test_ms_to_frames_never_goes_backwards(rate: FrameRate, ms: int, step: int) -> None:
    assert ms_to_frames(ms, rate) <= ms_to_frames(ms + step, rate)


def test_known_conversions() -> None:
    thirty = FrameRate.parse("30/1")
    assert [frames_to_ms(n, thirty) for n in range(4)] == [0, 33, 67, 100]
    # 29.97: frame 1 starts at 33.37 ms, frame 3 at 100.1 ms, one hour of frames is 3600.0036 s.
    assert [frames_to_ms(n, NTSC) for n in (1, 3, 107_892)] == [33, 100, 3_599_996]
    assert ms_to_frames(33, NTSC) == 1  # 33 ms is frame 1's rounded start, though 33 < 33.37
    assert ms_to_frames(32, NTSC) == 0
    assert ms_to_frames(2000, PAL) == 50
    assert ms_to_frames(1999, PAL) == 49


# --- SMPTE timecode ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frames", "rate", "expected"),
    [
        (0, PAL, "00:00:00:00"),
        (24, PAL, "00:00:00:24"),
        (25 * 3600, PAL, "01:00:00:00"),
        (25 * 3600 * 30 + 1, PAL, "30:00:00:01"),
        (1799, NTSC, "00:00:59;29"),
        (1800, NTSC, "00:01:00;02"),
        (17_981, NTSC, "00:09:59;29"),
        (17_982, NTSC, "00:10:00;00"),
        (107_892, NTSC, "01:00:00;00"),
        (3599, NTSC_60, "00:00:59;59"),
        (3600, NTSC_60, "00:01:00;04"),
        (215_784, NTSC_60, "01:00:00;00"),
        (24 * 60, FrameRate.parse("24000/1001"), "00:01:00:00"),
    ],
)
def test_known_timecodes(frames: int, rate: FrameRate, expected: str) -> None:
    assert format_timecode(frames, rate) == expected
    assert parse_timecode(expected, rate) == frames


def test_drop_frame_can_be_switched_off_and_on() -> None:
    assert format_timecode(1800, NTSC, drop_frame=False) == "00:01:00:00"
    assert parse_timecode("00:01:00:00", NTSC, drop_frame=False) == 1800
    assert format_timecode(1800, NTSC, drop_frame=True) == "00:01:00;02"
    with pytest.raises(ValueError, match=r"only at 29\.97 and 59\.94"):
        format_timecode(0, PAL, drop_frame=True)
    with pytest.raises(ValueError, match=r"only at 29\.97 and 59\.94"):
        parse_timecode("00:00:00:00", PAL, drop_frame=True)


@settings(max_examples=300)
@given(common_rates, frame_numbers, st.sampled_from([None, False, True]))
def test_timecode_round_trips(rate: FrameRate, frame: int, drop: bool | None) -> None:
    if drop and not rate.is_drop_frame_capable:
        drop = None
    text = format_timecode(frame, rate, drop_frame=drop)
    assert parse_timecode(text, rate, drop_frame=drop) == frame
    uses_drop = rate.is_drop_frame_capable if drop is None else drop
    assert (";" in text) is uses_drop


@given(common_rates, frame_numbers)
def test_timecode_counts_up_one_frame_at_a_time(rate: FrameRate, frame: int) -> None:
    here = parse_timecode(format_timecode(frame, rate), rate)
    after = parse_timecode(format_timecode(frame + 1, rate), rate)
    assert after == here + 1
    assert format_timecode(frame, rate) < format_timecode(frame + 1, rate)


@given(any_rates, st.integers(0, 10**7))
def test_timecode_round_trips_at_any_rate(rate: FrameRate, frame: int) -> None:
    assert parse_timecode(format_timecode(frame, rate), rate) == frame


@given(common_rates, st.data())
def test_digits_typed_without_separators_fill_from_the_right(
    rate: FrameRate, data: st.DataObject
) -> None:
    hh = data.draw(st.integers(0, 99))
    mm = data.draw(st.integers(0, 59))
    ss = data.draw(st.integers(0, 59))
    ff = data.draw(st.integers(0, rate.nominal - 1))
    drop = 2 if rate == NTSC else 4 if rate == NTSC_60 else 0
    if ss == 0 and ff < drop and mm % 10:
        ff = drop  # a dropped frame number: covered by its own test
    separated = f"{hh:02d}:{mm:02d}:{ss:02d}:{ff:02d}"
    digits = f"{hh:02d}{mm:02d}{ss:02d}{ff:02d}".lstrip("0") or "0"
    assert parse_timecode(digits, rate) == parse_timecode(separated, rate)
    assert parse_timecode(separated.replace(":", ";"), rate) == parse_timecode(separated, rate)
    expected_sep = ";" if drop else ":"
    assert format_timecode(parse_timecode(separated, rate), rate) == (
        separated[:8] + expected_sep + separated[9:]
    )


def test_partial_timecodes() -> None:
    assert parse_timecode("1000", PAL) == 250  # 00:00:10:00
    assert parse_timecode("10:00", PAL) == 250
    assert parse_timecode("1:00:00", PAL) == 1500  # one minute
    assert parse_timecode("5", PAL) == 5
    assert parse_timecode("  01:00:00:00 ", PAL) == 90_000
    assert parse_timecode("100:00:00:00", PAL) == 25 * 3600 * 100


@pytest.mark.parametrize(
    ("text", "rate", "reason"),
    [
        ("00:00:00:25", PAL, "no frame 25 at 25 fps; frames run from 00 to 24"),
        ("00:00:00:30", NTSC, r"no frame 30 at 29\.97 fps"),
        ("00:00:60:00", PAL, "seconds must be below 60"),
        ("00:61:00:00", PAL, "minutes must be below 60"),
        ("00:01:00;00", NTSC, "does not exist in drop-frame timecode"),
        ("00:01:00;01", NTSC, r"next frame is 00:01:00;02"),
        ("00:01:00;03", NTSC_60, r"00 to 03 are skipped"),
        ("", PAL, "Type a timecode"),
        ("   ", PAL, "Type a timecode"),
        ("abc", PAL, "not a timecode"),
        ("-00:00:01:00", PAL, "not a timecode"),
        ("1:2:3:4:5", PAL, "not a timecode"),
        ("00::00", PAL, "not a timecode"),
        ("00:00:01.00", PAL, "not a timecode"),
        ("123456789", PAL, "too many digits"),
        ("9" * 5000, PAL, "too long"),
    ],
)
def test_invalid_timecodes_are_explained(text: str, rate: FrameRate, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_timecode(text, rate)


def test_tenth_minutes_keep_their_first_frames_in_drop_frame() -> None:
    assert parse_timecode("00:10:00;00", NTSC) == 17_982
    assert parse_timecode("00:20:00;01", NTSC) == 2 * 17_982 + 1


@given(st.text(max_size=20), common_rates)
def test_parse_timecode_only_ever_raises_value_error(text: str, rate: FrameRate) -> None:
    try:
        frame = parse_timecode(text, rate)
    except ValueError as error:
        assert str(error)
    else:
        assert frame >= 0


def test_negative_frames_have_no_timecode() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_timecode(-1, PAL)


# --- milliseconds for the command line ---------------------------------------------------------


@given(st.integers(0, 10**12))
def test_ms_text_round_trips(ms: int) -> None:
    text = format_ms(ms)
    assert parse_duration_ms(text) == ms
    assert parse_duration_ms(str(ms)) == ms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2500", 2500),
        ("0", 0),
        (" 2500 ", 2500),
        ("2500ms", 2500),
        ("2.5", 2500),
        ("2.5s", 2500),
        ("90s", 90_000),
        ("2.05", 2050),
        ("2.005", 2005),
        ("75.5", 75_500),
        ("01:30.5", 90_500),
        ("1:30", 90_000),
        ("90:00", 5_400_000),
        ("01:02:03.004", 3_723_004),
        ("1:02:03", 3_723_000),
        ("100:00:00.000", 360_000_000),
    ],
)
def test_parse_duration_examples(text: str, expected: int) -> None:
    assert parse_duration_ms(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-5", "cannot be negative"),
        ("-00:00:01.000", "cannot be negative"),
        ("", "No time given"),
        ("abc", "is not a time"),
        ("1:2:3:4", "is not a time"),
        ("1,5", "is not a time"),
        ("2.", "is not a time"),
        ("1.2345", "at most three digits"),
        ("1:60", "seconds must be below 60"),
        ("1:60:00", "minutes must be below 60"),
        ("9" * 5000, "too long"),
    ],
)
def test_parse_duration_refuses_garbage(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_duration_ms(text)


@given(st.text(max_size=16))
def test_parse_duration_gives_a_non_negative_int_or_a_value_error(text: str) -> None:
    try:
        ms = parse_duration_ms(text)
    except ValueError as error:
        assert str(error)
    else:
        assert type(ms) is int and ms >= 0


def test_format_ms() -> None:
    assert format_ms(0) == "00:00:00.000"
    assert format_ms(3_723_004) == "01:02:03.004"
    with pytest.raises(ValueError, match="negative"):
        format_ms(-1)


def test_dots_stand_for_zeros_among_typed_digits() -> None:
    assert parse_timecode("1..", PAL) == parse_timecode("00:01:00:00", PAL)
    assert parse_timecode("5.", PAL) == parse_timecode("00:00:05:00", PAL)
    assert parse_timecode("5.", FrameRate.parse("120")) == 600  # the final "." is "000" there
    with pytest.raises(ValueError, match="too many digits"):
        parse_timecode("1....", PAL)


def test_a_skipped_drop_frame_number_can_read_as_the_next_frame() -> None:
    assert parse_timecode("00:01:00;00", NTSC, skipped_to_next=True) == 1800
    assert parse_timecode("00:01:00;03", NTSC_60, skipped_to_next=True) == 3600
    assert parse_timecode("00:10:00;00", NTSC, skipped_to_next=True) == 17_982  # not skipped
