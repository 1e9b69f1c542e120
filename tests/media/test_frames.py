from __future__ import annotations

import random
from pathlib import Path

import av
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop.media.frames import FrameReader, RgbImage, to_rgb
from kokoon_desktop.media.probe import MediaError
from tests.media.conftest import FRAMES, GOP
from tests.media.counter_video import read_counter

# The ends, and each side of every keyframe: where an off-by-one seek would show.
EDGES = sorted(
    {0, 1, FRAMES - 2, FRAMES - 1} | {k + d for k in range(GOP, FRAMES, GOP) for d in (-1, 0, 1)}
)


def test_every_edge_frame_is_exact_in_any_order(counter_video: Path) -> None:
    with FrameReader(counter_video) as reader:
        for index in [*reversed(EDGES), *EDGES[::2], *EDGES[1::2]]:
            image = reader.frame_at(index)
            assert read_counter(image) == index
            assert (image.width, image.height) == (160, 90)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(0, FRAMES - 1), min_size=1, max_size=6))
def test_any_sequence_of_seeks_gives_the_asked_frames(
    counter_video: Path, indexes: list[int]
) -> None:
    with FrameReader(counter_video) as reader:
        assert [read_counter(reader.frame_at(i)) for i in indexes] == indexes


def test_reading_on_frame_by_frame_does_not_seek(counter_video: Path) -> None:
    with FrameReader(counter_video) as reader:
        reader.frame_at(5)
        assert reader.seeks == 1
        for index in range(6, FRAMES):
            assert read_counter(reader.frame_at(index)) == index
        assert reader.seeks == 1
        assert read_counter(reader.frame_at(FRAMES - 1)) == FRAMES - 1  # the same frame again
        assert reader.seeks == 1
        assert read_counter(reader.frame_at(3)) == 3  # backwards needs a seek
        assert reader.seeks == 2


def test_a_jump_far_ahead_seeks_instead_of_decoding_everything(counter_video: Path) -> None:
    with FrameReader(counter_video) as reader:
        reader.frame_at(0)
        assert read_counter(reader.frame_at(70)) == 70
        assert reader.seeks == 2


@pytest.mark.parametrize(
    ("max_width", "max_height", "size"),
    [
        (80, None, (80, 45)),
        (50, None, (50, 28)),  # rgb24 rows padded to 192 bytes by FFmpeg: padding removed
        (33, None, (33, 19)),
        (1000, None, (160, 90)),  # never scaled up
        (None, 24, (43, 24)),
        (100, 30, (53, 30)),  # both limits: the tighter one wins
    ],
)
def test_scaling_keeps_the_aspect_and_gives_packed_rgb24(
    counter_video: Path, max_width: int | None, max_height: int | None, size: tuple[int, int]
) -> None:
    with FrameReader(counter_video) as reader:
        image = reader.frame_at(42, max_width, max_height)
    assert (image.width, image.height) == size
    assert len(image.data) == size[0] * size[1] * 3
    assert read_counter(image) == 42


def _every_frame_decoded_plainly(path: Path) -> list[bytes]:
    """Each frame of `path` as rgb24, from PyAV decoding every picture in order."""
    with av.open(str(path)) as container:
        return [to_rgb(frame).data for frame in container.decode(video=0)]


@pytest.mark.parametrize("threads", [0, 1])
@pytest.mark.parametrize("fixture", ["counter_video", "counter_video_25"])
def test_frames_are_pixel_identical_to_decoding_every_picture(
    fixture: str, threads: int, request: pytest.FixtureRequest
) -> None:
    # Leaving out non-reference pictures on the way must not change a single pixel of any
    # frame: the burned-in counter is checked elsewhere, this checks the whole picture.
    path: Path = request.getfixturevalue(fixture)
    plain = _every_frame_decoded_plainly(path)
    order = list(range(len(plain)))
    random.Random(11).shuffle(order)
    with FrameReader(path, threads=threads) as reader:
        for index in [*order, *range(len(plain))]:  # seeks, then reading on
            assert reader.frame_at(index).data == plain[index], index


def test_a_seek_decodes_only_the_pictures_the_frame_needs(counter_video: Path) -> None:
    # x264's three B-frames in a pyramid: in each run of three, the outer two are not
    # references, so reaching the last frame of a keyframe interval decodes well under all
    # of it.
    last_of_second_gop = 2 * GOP - 1
    with FrameReader(counter_video) as reader:
        assert read_counter(reader.frame_at(last_of_second_gop)) == last_of_second_gop
        assert reader.seeks == 1
        assert reader.decoded < GOP * 3 // 4
        before = reader.decoded
        # Reading on decodes every picture again: the next ones are all shown.
        for index in range(last_of_second_gop + 1, last_of_second_gop + 6):
            assert read_counter(reader.frame_at(index)) == index
        assert reader.decoded - before == 5


def test_keyframe_near_gives_the_keyframe_at_or_before_the_target(counter_video: Path) -> None:
    with FrameReader(counter_video) as reader:
        for target in EDGES:
            shown, image = reader.keyframe_near(target, max_height=24)
            assert shown == target // GOP * GOP
            assert read_counter(image) == shown
        assert read_counter(reader.frame_at(30)) == 30  # exact reads still work afterwards


def test_frames_outside_the_file_are_refused(counter_video: Path) -> None:
    with FrameReader(counter_video) as reader:
        with pytest.raises(MediaError, match="has no frame 75"):
            reader.frame_at(FRAMES)
        with pytest.raises(ValueError, match="from 0"):
            reader.frame_at(-1)
        assert read_counter(reader.frame_at(FRAMES - 1)) == FRAMES - 1
    with pytest.raises(MediaError, match="closed"):
        reader.frame_at(0)


def test_a_reader_of_a_missing_file_raises_media_error(tmp_path: Path) -> None:
    with pytest.raises(MediaError):
        FrameReader(tmp_path / "gone.mp4")


def test_an_rgb_image_checks_its_byte_length() -> None:
    assert RgbImage(2, 1, bytes(6)).data == bytes(6)
    with pytest.raises(ValueError, match="holds 6 bytes, got 5"):
        RgbImage(2, 1, bytes(5))


def test_random_seeks_land_on_their_frames(counter_video: Path) -> None:
    rng = random.Random(4)
    with FrameReader(counter_video) as reader:
        for _ in range(60):
            index = rng.randrange(FRAMES)
            assert read_counter(reader.frame_at(index)) == index


def test_a_frame_not_read_on_from_is_exact_and_decodes_no_further(counter_video: Path) -> None:
    plain = _every_frame_decoded_plainly(counter_video)
    with FrameReader(counter_video) as reader:
        for index in [*reversed(EDGES), *EDGES]:
            seeks = reader.seeks
            assert reader.frame_at(index, reading_on=False).data == plain[index], index
            if reader.seeks == seeks:
                continue  # the frame just given again, or one read on to: no seek to end
            # The decode ended at the frame: the one after it needs a seek of its own.
            assert reader.position is None
            after = min(index + 1, FRAMES - 1)
            assert reader.frame_at(after).data == plain[after]
            assert reader.seeks == seeks + 1 + (index < FRAMES - 1)


def test_a_frame_not_read_on_from_skips_the_pictures_reordering_holds_it_behind(
    counter_video: Path,
) -> None:
    # The second keyframe interval's last frame: read on from, the decoder must decode the
    # pictures after it before it gives it out; not read on from, it is drained out at once.
    target = 2 * GOP - 1
    decoded = []  # pictures handed to the decoder
    for reading_on in (True, False):
        with FrameReader(counter_video) as reader:
            assert read_counter(reader.frame_at(target, reading_on=reading_on)) == target
            decoded.append(reader.packets)
    assert decoded[1] < decoded[0]


def test_reading_toward_a_frame_gives_frames_in_order_up_to_it(counter_video: Path) -> None:
    target = GOP + 8
    with FrameReader(counter_video) as reader:
        given = []
        while not given or given[-1][0] < target:
            found = reader.read_toward(target)
            assert found is not None
            given.append((found[0], read_counter(to_rgb(found[1]))))
        indexes = [index for index, _ in given]
        assert indexes == sorted(indexes)
        assert indexes[0] == GOP and indexes[-1] == target  # from the keyframe before it
        assert all(index == counter for index, counter in given)
        assert reader.position == target
        # From the target on, every frame follows without a seek.
        for index in range(target + 1, target + 6):
            found = reader.read_toward(index)
            assert found is not None and found[0] == index
        assert reader.seeks == 1
        found = reader.read_toward(3)  # behind the decode: a seek to its keyframe
        assert found is not None and found[0] == 0
        assert reader.seeks == 2


def test_reading_toward_the_end_gives_none_after_the_last_frame(counter_video: Path) -> None:
    with FrameReader(counter_video) as reader:
        found = reader.read_toward(FRAMES - 1)
        while found is not None and found[0] < FRAMES - 1:
            found = reader.read_toward(FRAMES - 1)
        assert found is not None and found[0] == FRAMES - 1
        assert reader.read_toward(FRAMES) is None


def test_a_frame_between_a_decode_toward_a_later_one_and_it_is_exact(
    counter_video: Path,
) -> None:
    # On the way toward frame 23, pictures before it that nothing refers to are left out; a
    # frame asked for among them must not be taken from that decode.
    for between in range(GOP + 1, 2 * GOP - 1):
        with FrameReader(counter_video) as reader:
            found = reader.read_toward(2 * GOP - 1)
            assert found is not None and found[0] == GOP
            assert read_counter(reader.frame_at(between)) == between
            found = reader.read_toward(between + 1)
            assert found is not None and found[0] == between + 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["on", "ends", "toward"]),
            # Often within one keyframe interval, where reads meet a decode under way.
            st.one_of(st.integers(0, FRAMES - 1), st.integers(GOP, 2 * GOP)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_mix_of_reads_gives_exact_frames(
    counter_video: Path, reads: list[tuple[str, int]]
) -> None:
    with FrameReader(counter_video) as reader:
        for kind, index in reads:
            if kind == "toward":
                # One step, or on to the frame: a later read may come between the two.
                found = reader.read_toward(index)
                assert found is not None
                assert read_counter(to_rgb(found[1])) == found[0] <= index
            else:
                image = reader.frame_at(index, reading_on=kind == "on")
                assert read_counter(image) == index
