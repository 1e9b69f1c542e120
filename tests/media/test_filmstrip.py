from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest

from kokoon_desktop.media.filmstrip import Filmstrip, ThumbnailCache, ThumbnailKey, slot_targets
from kokoon_desktop.media.frames import RgbImage
from tests.media.conftest import FRAMES, GOP
from tests.media.counter_video import read_counter


class Collector:
    """Records deliveries from worker threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls: list[tuple[int, int, RgbImage]] = []

    def __call__(self, slot: int, frame_index: int, image: RgbImage) -> None:
        with self.lock:
            self.calls.append((slot, frame_index, image))

    def slots(self) -> list[int]:
        with self.lock:
            return sorted(call[0] for call in self.calls)


def test_slot_targets_are_the_middles_of_equal_slots() -> None:
    assert slot_targets(4, 0, 100) == [12, 37, 62, 87]
    assert slot_targets(3, 10, 13) == [10, 11, 12]
    assert slot_targets(0, 0, 100) == []
    assert slot_targets(5, 10, 10) == []


def test_every_slot_arrives_once_near_its_target(counter_video: Path) -> None:
    got = Collector()
    with Filmstrip(counter_video, got, cache=ThumbnailCache(), workers=2) as strip:
        targets = strip.request(8, 24)
        assert strip.wait(10)
    assert got.slots() == list(range(8))
    for slot, shown, image in got.calls:
        assert targets[slot] - GOP < shown <= targets[slot]
        assert read_counter(image) == shown
        assert (image.width, image.height) == (43, 24)


def test_exact_thumbnails_show_their_target(counter_video: Path) -> None:
    got = Collector()
    with Filmstrip(counter_video, got, cache=ThumbnailCache(), exact=True) as strip:
        targets = strip.request(6, 30, start=20, end=50)
        assert strip.wait(10)
    assert all(20 <= t < 50 for t in targets)
    assert sorted((slot, shown) for slot, shown, _ in got.calls) == list(enumerate(targets))
    assert all(read_counter(image) == shown for _, shown, image in got.calls)


def test_a_repeated_request_is_served_from_the_cache(counter_video: Path) -> None:
    cache = ThumbnailCache()
    first, second = Collector(), Collector()
    with Filmstrip(counter_video, first, cache=cache) as strip:
        strip.request(10, 24)
        assert strip.wait(10)
        assert strip.decodes == 10
    with Filmstrip(counter_video, second, cache=cache) as strip:
        strip.request(10, 24)
        assert second.slots() == list(range(10))  # delivered at once, on this thread
        assert strip.decodes == 0
        strip.request(10, 36)  # another height is another thumbnail
        assert strip.wait(10)
        assert strip.decodes == 10
    assert sorted(c[:2] for c in first.calls) == sorted(c[:2] for c in second.calls[:10])


def test_a_changed_file_is_not_served_from_the_cache(counter_video: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.mp4"
    copy.write_bytes(counter_video.read_bytes())
    cache = ThumbnailCache()
    with Filmstrip(copy, Collector(), cache=cache) as strip:
        strip.request(4, 24)
        assert strip.wait(10)
        stat = copy.stat()
        os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        strip.request(4, 24)
        assert strip.wait(10)
        assert strip.decodes == 8


def test_cancel_stops_pending_work(counter_video: Path) -> None:
    got = Collector()
    started, release = threading.Event(), threading.Event()

    def on_thumbnail(slot: int, frame_index: int, image: RgbImage) -> None:
        got(slot, frame_index, image)
        started.set()
        assert release.wait(10)

    with Filmstrip(counter_video, on_thumbnail, cache=ThumbnailCache(), workers=1) as strip:
        strip.request(20, 24)
        assert started.wait(10)
        strip.cancel()
        release.set()
        assert strip.wait(10)
        strip.close()
        assert strip.decodes == 1
    assert got.slots() == [0]


def test_a_new_request_replaces_the_previous_one(counter_video: Path) -> None:
    got = Collector()
    started, release = threading.Event(), threading.Event()

    def on_thumbnail(slot: int, frame_index: int, image: RgbImage) -> None:
        got(slot, frame_index, image)
        if not started.is_set():
            started.set()
            assert release.wait(10)

    with Filmstrip(counter_video, on_thumbnail, cache=ThumbnailCache(), workers=1) as strip:
        strip.request(20, 24)
        assert started.wait(10)
        strip.request(5, 40)
        release.set()
        assert strip.wait(10)
    heights = [image.height for _, _, image in got.calls]
    assert heights == [24] + [40] * 5
    assert sorted(slot for slot, _, image in got.calls if image.height == 40) == list(range(5))


def test_a_failing_callback_does_not_stop_the_strip(
    counter_video: Path, caplog: pytest.LogCaptureFixture
) -> None:
    got = Collector()

    def on_thumbnail(slot: int, frame_index: int, image: RgbImage) -> None:
        if slot == 0:
            raise RuntimeError("a broken view")
        got(slot, frame_index, image)

    with (
        caplog.at_level(logging.ERROR),
        Filmstrip(counter_video, on_thumbnail, cache=ThumbnailCache(), workers=1) as strip,
    ):
        strip.request(4, 24)
        assert strip.wait(10)
    assert got.slots() == [1, 2, 3]
    assert "thumbnail callback failed" in caplog.text


def test_a_closed_strip_takes_no_requests(counter_video: Path) -> None:
    strip = Filmstrip(counter_video, Collector(), cache=ThumbnailCache())
    strip.close()
    strip.close()
    with pytest.raises(RuntimeError, match="closed"):
        strip.request(3, 24)


def test_the_cache_drops_the_least_recently_used_beyond_its_budget() -> None:
    image = RgbImage(10, 10, bytes(300))
    cache = ThumbnailCache(max_bytes=900)
    keys = [ThumbnailKey("a.mp4", 1, 2, 10, frame, False) for frame in range(4)]
    for key in keys[:3]:
        cache.put(key, key.frame_index, image)
    assert cache.get(keys[0]) == (0, image)  # now the most recently used
    cache.put(keys[3], 3, image)
    assert cache.get(keys[1]) is None
    assert [cache.get(k) is not None for k in keys] == [True, False, True, True]
    assert (len(cache), cache.bytes_used) == (3, 900)
    cache.put(ThumbnailKey("b.mp4", 1, 2, 99, 0, False), 0, RgbImage(20, 20, bytes(1200)))
    assert len(cache) == 3  # larger than the whole budget: not kept
    cache.clear()
    assert (len(cache), cache.bytes_used) == (0, 0)


def test_thumbnails_cover_the_whole_file(counter_video: Path) -> None:
    got = Collector()
    with Filmstrip(counter_video, got, cache=ThumbnailCache()) as strip:
        strip.request(FRAMES, 12)
        assert strip.wait(10)
    assert got.slots() == list(range(FRAMES))


def test_chosen_slots_arrive_at_their_frames_through_the_requests_own_callback(
    counter_video: Path,
) -> None:
    default, own = Collector(), Collector()
    with Filmstrip(counter_video, default, cache=ThumbnailCache(), workers=2) as strip:
        strip.request_slots({40: 60, 7: 5, 12: 33}, 24, exact=True, on_thumbnail=own)
        assert strip.wait(10)
        assert not default.calls
        assert sorted((slot, shown) for slot, shown, _ in own.calls) == [(7, 5), (12, 33), (40, 60)]
        assert all(read_counter(image) == shown for _, shown, image in own.calls)
        strip.request_slots({0: 30}, 24)  # the strip's own setting: the keyframe before 30
        assert strip.wait(10)
    assert [(slot, shown) for slot, shown, _ in default.calls] == [(0, 24)]


def test_a_strip_without_a_callback_needs_one_per_request(counter_video: Path) -> None:
    own = Collector()
    with Filmstrip(counter_video, cache=ThumbnailCache()) as strip:
        with pytest.raises(ValueError, match="needs a callback"):
            strip.request(4, 24)
        strip.request_slots({0: 0}, 24, on_thumbnail=own)
        assert strip.wait(10)
    assert own.slots() == [0]


def test_a_strip_is_busy_while_thumbnails_of_its_request_are_being_made(
    counter_video: Path,
) -> None:
    started, release = threading.Event(), threading.Event()

    def on_thumbnail(slot: int, frame_index: int, image: RgbImage) -> None:
        started.set()
        assert release.wait(10)

    with Filmstrip(counter_video, on_thumbnail, cache=ThumbnailCache(), workers=1) as strip:
        assert not strip.busy  # nothing asked yet
        strip.request(3, 24)
        assert started.wait(10)
        assert strip.busy
        release.set()
        assert strip.wait(10)
        assert not strip.busy
