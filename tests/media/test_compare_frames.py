"""Frame pairs for the compare view: both sides on the right frame, the before at the after's
size, read back from the frame numbers burned into the pictures."""

from __future__ import annotations

from pathlib import Path

import pytest

from kokoon_desktop.media.compare_frames import CompareFrames
from kokoon_desktop.media.probe import MediaError
from tests.media.counter_video import make_counter_video, read_counter
from tests.media.editor_media import make_portrait_phone_clip


@pytest.fixture(scope="module")
def upscaled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An "after": 10 frames at twice the counter video's size, numbered 0 to 9."""
    path = tmp_path_factory.mktemp("compare") / "sr.mp4"
    return make_counter_video(path, frames=10, width=320, height=180, keyframe_interval=4)


@pytest.mark.parametrize("offset", [0, 7, 40])
def test_pair_i_is_the_afters_frame_i_and_the_befores_frame_offset_plus_i(
    counter_video: Path, upscaled: Path, offset: int
) -> None:
    with CompareFrames(counter_video, upscaled, before_offset=offset) as pairs:
        assert pairs.count == 10
        assert pairs.size == (320, 180) and pairs.before_size == (160, 90)
        for index in (3, 0, 9, 4, 5):  # out of order: each is exact, not the next decoded
            before, after = pairs.pair(index)
            assert (before.width, before.height) == (after.width, after.height) == (320, 180)
            assert read_counter(after) == index
            assert read_counter(before) == offset + index
            native = pairs.before_native(index)
            assert (native.width, native.height) == (160, 90)
            assert read_counter(native) == offset + index


def test_the_befores_upscale_is_lanczos_not_a_copy_of_nearest_pixels(
    counter_video: Path, upscaled: Path
) -> None:
    """Across a black/white block edge the Lanczos upscale has in-between (and ringing) values
    a nearest-neighbour doubling never has."""
    with CompareFrames(counter_video, upscaled) as pairs:
        before, _after = pairs.pair(1)
    lumas = {sum(before.data[i : i + 3]) // 3 for i in range(0, before.width * 4 * 20, 4)}
    assert any(40 < luma < 215 for luma in lumas)


def test_fewer_pairs_when_the_before_ends_first(counter_video: Path, upscaled: Path) -> None:
    with CompareFrames(counter_video, upscaled, before_offset=70) as pairs:
        assert pairs.count == 5  # the counter video has 75 frames
        with pytest.raises(ValueError, match="No pair 5"):
            pairs.pair(5)
    with pytest.raises(MediaError, match="none from frame 75"):
        CompareFrames(counter_video, upscaled, before_offset=75)


def test_a_file_that_is_not_a_video_is_refused(tmp_path: Path, counter_video: Path) -> None:
    junk = tmp_path / "sr.mp4"
    junk.write_bytes(b"<Error><Code>AccessDenied</Code></Error>")
    with pytest.raises(MediaError):
        CompareFrames(counter_video, junk)


def test_a_portrait_before_is_scaled_as_stored_and_turned_when_shown(
    tmp_path: Path,
) -> None:
    """A phone's portrait clip stores its pictures sideways; the service's result is upright.
    The before is scaled to the result's size turned back (as stored), and turned when shown."""
    phone = make_portrait_phone_clip(tmp_path / "phone.mov")
    upright = make_counter_video(tmp_path / "sr.mp4", frames=6, width=90, height=160)
    with CompareFrames(phone, upright) as pairs:
        assert pairs.size == (90, 160)
        shown_width, shown_height = pairs.before_size
        assert shown_height > shown_width  # shown upright: taller than wide
        assert pairs.before_turn in (90, 270) and pairs.after_turn == 0
        before, after = pairs.pair(0)
        assert (before.width, before.height) == (160, 90)  # stored sideways
        assert (after.width, after.height) == (90, 160)
