"""The first filmstrip of a long file: 20 thumbnails, against ffmpeg extracting the same frames.

Ours is timed from `Filmstrip.request(20, height)` to the 20th thumbnail delivered, each run
with a new filmstrip (new worker threads, files opened anew) and an empty thumbnail cache, the
way a clip opens. The file is probed beforehand, as the app does when the clip is chosen.

ffmpeg's run is one process, launch to exit, decoding the same keyframes (input seeking to each,
one input per thumbnail) scaled to the same height and converted to rgb24 with the same
scaler. The same run checks that both show the same frames.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

from bench.ffmpeg_cli import ffmpeg_exe, mean_difference, run_timed, seconds_arg, shown
from bench.long_video import LongVideo, frame_sizes, long_video
from kokoon_desktop.media.filmstrip import Filmstrip, ThumbnailCache, slot_targets
from kokoon_desktop.media.frame_index import indexed
from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.media.probe import MediaInfo, probe

THUMBS = 20
HEIGHT = 90


def _ours(path: Path, info: MediaInfo) -> tuple[float, dict[int, tuple[int, RgbImage]]]:
    """Seconds from the request to the last thumbnail, and what each slot showed."""
    got: dict[int, tuple[int, RgbImage]] = {}
    lock = threading.Lock()
    done = threading.Event()
    finished = [0.0]

    def deliver(slot: int, frame: int, image: RgbImage) -> None:
        with lock:
            got[slot] = (frame, image)
            if len(got) == THUMBS:
                finished[0] = time.perf_counter()
                done.set()

    strip = Filmstrip(path, deliver, info=info, cache=ThumbnailCache())
    try:
        started = time.perf_counter()
        strip.request(THUMBS, HEIGHT)
        if not done.wait(60):
            raise RuntimeError(f"The filmstrip delivered {len(got)} of {THUMBS} thumbnails.")
    finally:
        strip.close()
    return finished[0] - started, got


def _refined(path: Path, info: MediaInfo) -> float:
    """Seconds from the request to the last slot's exact frame: the keyframes first, then each
    slot's own frame asked for cheapest first, as the window refines a coarse strip."""
    index = info.index
    assert index is not None
    targets = slot_targets(THUMBS, 0, info.total_frames)
    keyframes_in = threading.Event()
    refined_in = threading.Event()
    got: set[int] = set()
    exact: set[int] = set()
    lock = threading.Lock()

    def coarse(slot: int, _frame: int, _image: RgbImage) -> None:
        with lock:
            got.add(slot)
            if len(got) == THUMBS:
                keyframes_in.set()

    def refined(slot: int, _frame: int, _image: RgbImage) -> None:
        with lock:
            exact.add(slot)
            if len(exact) == THUMBS:
                refined_in.set()

    def cost(item: tuple[int, int]) -> int:
        return item[1] - index.keyframe_at_or_before(item[1])

    strip = Filmstrip(path, coarse, info=info, cache=ThumbnailCache())
    try:
        started = time.perf_counter()
        strip.request_slots(dict(enumerate(targets)), HEIGHT, exact=False)
        if not keyframes_in.wait(60):
            raise RuntimeError("The keyframes of the strip did not all arrive.")
        ordered = dict(sorted(enumerate(targets), key=cost))
        strip.request_slots(ordered, HEIGHT, exact=True, on_thumbnail=refined)
        if not refined_in.wait(60):
            raise RuntimeError("The refined strip did not complete.")
        return time.perf_counter() - started
    finally:
        strip.close()


def _input(path: Path, keyframe: int, rate: Fraction) -> list[str]:
    # The middle of the keyframe: its timestamp rounded to microseconds could fall just before
    # it. `-noaccurate_seek` makes the first frame decoded the one given, and one decoder
    # thread per input is the fastest way with 20 inputs on 2 cores (faster in trials than
    # `-skip_frame nokey`, whose decoder holds the keyframe back until two more are decoded).
    start = seconds_arg((keyframe + Fraction(1, 2)) / rate)
    return ["-threads", "1", "-noaccurate_seek", "-ss", start, "-i", str(path)]


def _output(slot: int, out: Path) -> list[str]:
    return [
        *("-map", f"{slot}:v:0", "-frames:v", "1"),
        *("-vf", f"scale=-2:{HEIGHT}:flags=bilinear", "-pix_fmt", "rgb24"),
        *("-f", "rawvideo", str(out / f"{slot:02d}.rgb")),
    ]


_HEAD = ["-v", "error", "-nostdin", "-y"]


def _ffmpeg_command(path: Path, keyframes: list[int], rate: Fraction, out: Path) -> list[str]:
    """One process, one input per thumbnail, seeking to the keyframe the filmstrip showed
    (ffmpeg's own `-ss` at a slot's middle can land on the keyframe after it, since the MP4
    demuxer seeks by decoding time), one output each: ffmpeg runs its inputs in parallel."""
    command = [ffmpeg_exe(), *_HEAD]
    for frame in keyframes:
        command += _input(path, frame, rate)
    for slot in range(len(keyframes)):
        command += _output(slot, out)
    return command


def _shown_command(path: Path, targets: list[int], rate: Fraction) -> str:
    first = shown(["ffmpeg", *_HEAD, *_input(path, targets[0], rate)], path)
    output = shown(["ffmpeg", *_output(0, Path())], path).removeprefix("ffmpeg ")
    return f"{first} … ({len(targets)} inputs) {output} … ({len(targets)} outputs)"


def run(repeats: int = 7) -> dict[str, Any]:
    spec = LongVideo()
    path = long_video(spec)
    info = probe(path)
    # Warm the page cache and the libraries, as any earlier use would; learn the keyframes.
    _, first = _ours(path, info)
    keyframes = [first[slot][0] for slot in range(THUMBS)]
    ours_times: list[float] = []
    ffmpeg_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="kokoon-filmstrip-") as tmp:
        out = Path(tmp)
        command = _ffmpeg_command(path, keyframes, info.rate.value, out)
        got: dict[int, tuple[int, RgbImage]] = {}
        for turn in range(repeats):
            if turn % 2:
                ffmpeg_times.append(run_timed(command)[0])
            seconds, got = _ours(path, info)
            ours_times.append(seconds)
            if turn % 2 == 0:
                ffmpeg_times.append(run_timed(command)[0])
        differences = [
            mean_difference(got[slot][1].data, (out / f"{slot:02d}.rgb").read_bytes())
            for slot in range(THUMBS)
        ]
    indexed_info = indexed(info)
    refined_times = [_refined(path, indexed_info) for _ in range(3)]
    thumb = got[0][1]
    key_bytes, other_bytes = frame_sizes(path)
    return {
        "video": spec.describe(),
        "key_kb": key_bytes / 1000,
        "other_kb": other_bytes / 1000,
        "thumb_size": f"{thumb.width}×{thumb.height}",
        "ours_s": statistics.median(ours_times),
        "ours_all_s": sorted(ours_times),
        "ffmpeg_s": statistics.median(ffmpeg_times),
        "ffmpeg_all_s": sorted(ffmpeg_times),
        "worst_difference": max(differences),
        "command": _shown_command(path, keyframes, info.rate.value),
        "repeats": repeats,
        "refined_s": statistics.median(refined_times),
    }
