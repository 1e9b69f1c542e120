"""Frame indexes kept on disk between runs: read back as they were built, rebuilt whenever
what is stored cannot be trusted, and never a reason for opening a file to fail."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kokoon_desktop.core.frame_times import FrameTimes
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.media import frame_index as frame_index_module
from kokoon_desktop.media import index_store
from kokoon_desktop.media.frame_index import FrameIndex, clear_cache, frame_index
from kokoon_desktop.media.index_store import IndexStore
from kokoon_desktop.media.probe import probe
from tests.media.counter_video import make_counter_video
from tests.media.editor_media import make_variable_rate

NTSC = FrameRate(Fraction(30000, 1001))


@st.composite
def indexes(draw: st.DrawFn) -> FrameIndex:
    steps = draw(st.lists(st.integers(1, 5000), min_size=0, max_size=300))
    first = draw(st.integers(-10_000, 10_000_000))
    pts = [first]
    for step in steps:
        pts.append(pts[-1] + step)
    keyframes = sorted(draw(st.sets(st.integers(0, len(pts) - 1), min_size=1)))
    seek_points = [pts[k] - draw(st.integers(0, 3000)) for k in keyframes]
    times = FrameTimes(
        tuple(pts),
        Fraction(1, draw(st.sampled_from([1000, 30000, 90000, 600]))),
        FrameRate(draw(st.sampled_from([Fraction(24000, 1001), Fraction(25), NTSC.value]))),
        draw(st.integers(1, 5000)),
    )
    return FrameIndex(
        times,
        tuple(keyframes),
        tuple(seek_points),
        draw(st.sampled_from([0, 90, 180, 270])),
        draw(st.booleans()),
        draw(st.booleans()),
    )


@settings(max_examples=60, deadline=None)
@given(index=indexes())
def test_an_index_is_read_back_as_it_was_stored(
    tmp_path_factory: pytest.TempPathFactory, index: FrameIndex
) -> None:
    store = IndexStore(tmp_path_factory.mktemp("indexes"))
    store.save("a clip", index)
    assert store.load("a clip") == index
    assert store.load("another clip") is None


def test_a_constant_rate_hour_is_stored_small(tmp_path: Path) -> None:
    frames = 60 * 60 * 30
    times = FrameTimes(tuple(range(0, frames * 1001, 1001)), Fraction(1, 30000), NTSC, 1001)
    keyframes = tuple(range(0, frames, 30))
    index = FrameIndex(times, keyframes, tuple(times.pts[k] for k in keyframes))
    store = IndexStore(tmp_path)
    store.save("an hour", index)
    (stored,) = tmp_path.iterdir()
    assert stored.stat().st_size < 64 * 1024
    assert store.load("an hour") == index


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short by a full disk
        lambda data: b"not an index at all",
        lambda data: b"",
    ],
)
def test_a_damaged_index_is_dropped_and_built_again(tmp_path: Path, damage: object) -> None:
    store = IndexStore(tmp_path)
    index = _small_index()
    store.save("clip", index)
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(damage(stored.read_bytes()))  # type: ignore[operator]
    assert store.load("clip") is None
    assert not stored.exists()


def test_an_index_of_another_format_version_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = IndexStore(tmp_path)
    store.save("clip", _small_index())
    monkeypatch.setattr(index_store, "FORMAT", index_store.FORMAT + 1)
    assert store.load("clip") is None


def test_only_the_most_recently_used_are_kept(tmp_path: Path) -> None:
    store = IndexStore(tmp_path, keep=3)
    index = _small_index()
    for number in range(3):
        store.save(f"clip {number}", index)
    old = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    for number, path in enumerate(sorted(old, key=old.__getitem__)):
        os.utime(path, ns=(number * 10**9, number * 10**9))  # clip 0 oldest
    assert store.load("clip 0") == index  # used again: now the newest
    store.save("clip 3", index)
    assert store.load("clip 1") is None  # the least recently used went
    assert all(store.load(f"clip {n}") == index for n in (0, 2, 3))
    assert len(list(tmp_path.iterdir())) == 3


def test_a_folder_that_cannot_be_written_only_means_no_store(tmp_path: Path) -> None:
    blocker = tmp_path / "a file where the folder should be"
    blocker.write_text("")
    store = IndexStore(blocker / "indexes")
    store.save("clip", _small_index())  # no error
    assert store.load("clip") is None


def test_a_file_opened_again_after_a_restart_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clip = make_variable_rate(tmp_path / "phone.mp4", [0, 33, 70, 100, 140, 166, 210])
    rate = probe(clip).rate
    index_store.use_folder(tmp_path / "cache")
    built = frame_index(clip, rate)
    clear_cache()  # a new run: nothing in memory

    def no_reading(*_args: object) -> FrameIndex:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(frame_index_module, "_build", no_reading)
    assert frame_index(clip, rate) == built


def test_a_file_changed_since_is_read_again(tmp_path: Path) -> None:
    clip = make_counter_video(tmp_path / "take.mp4", frames=24)
    rate = probe(clip).rate
    index_store.use_folder(tmp_path / "cache")
    assert frame_index(clip, rate).total_frames == 24
    clear_cache()
    make_counter_video(clip, frames=30)  # re-exported under the same name
    assert frame_index(clip, rate).total_frames == 30


def _small_index() -> FrameIndex:
    times = FrameTimes((0, 1001, 2002), Fraction(1, 30000), NTSC, 1001)
    return FrameIndex(times, (0,), (0,))


def test_the_app_keeps_indexes_in_its_profiles_cache(tmp_path: Path) -> None:
    from kokoon_desktop.app import _keep_frame_indexes
    from kokoon_desktop.paths import profile_paths

    _keep_frame_indexes(profile_paths(tmp_path / "profile"))
    store = index_store.current()
    assert store is not None
    assert store.folder == tmp_path / "profile" / "cache" / "frame-indexes"
