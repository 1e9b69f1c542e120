"""Time to show the exact frame after a seek, through `LocalClip` as the window uses it.

Each seek asks `LocalClip.request_frame(index)` for a frame at a random place in the file
(fixed seed) and waits on the UI thread's event loop for `frame_ready` with that index: the
decode on the preview thread, the conversion to a 960 px wide picture, the QImage and the
queued signal back. The clip is opened (and its decoder warmed by one seek) beforehand. Every
timed action starts with the preview's worker idle (done decoding around the last frame), as
it is when a person looks at a frame before the next move; how long that idle work runs after
a seek is measured too.

Then the moves an editor makes around a place once there, at a person's pace (one every
200 ms, not waiting for the worker): from some of the seeks' frames, Right three times, Left
five times, Shift+Right (a second on), Shift+Left twice, then End and Home (the window keeps
the ends and the marks decoded; here, the ends).

Two references in the same run, taking turns with ours seek by seek:
- ffmpeg's command line for one exact frame (`-ss` before `-i`, which seeks to the keyframe
  before and decodes on to the frame), scaled to the same size: a whole process per frame, as
  a script or a tool shelling out to ffmpeg gets a frame;
- PyAV's plain decode in this process: seek to the keyframe, decode every frame up to the
  target (same threads), convert it the same way. This is what the preview did before
  skipping unneeded pictures, and its pictures must equal ours byte for byte: the run checks.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from bench.ffmpeg_cli import ffmpeg_exe, mean_difference, run_timed, seconds_arg, shown
from bench.frame_index_speed import remuxed_to_transport_stream
from bench.long_video import LongVideo, long_video
from kokoon_desktop.media.frame_index import indexed
from kokoon_desktop.media.frames import fit_size, to_rgb
from kokoon_desktop.media.probe import MediaInfo, probe

SEEKS = 41
MOVE_FROM = 12
"""Seeks followed by the editor's moves."""
MOVES: tuple[int | str, ...] = (1, 1, 1, -1, -1, -1, -1, -1, 30, -30, -30, "end", "home")
"""Frames moved by each (Right ×3, Left ×5, Shift+Right, Shift+Left ×2 at 30 fps), then the
jumps to the ends."""
BEAT_S = 0.2
SEED = 20261124
PREVIEW_WIDTH = 960


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class _PlainDecode:
    """Seek to the keyframe, decode everything up to the frame: no pictures left out."""

    def __init__(self, path: Path, info: MediaInfo) -> None:
        self.container = av.open(str(path))
        self.stream = self.container.streams.video[0]
        self.stream.thread_type = "AUTO"
        assert self.stream.time_base is not None
        self.time_base = Fraction(self.stream.time_base)
        self.start = self.stream.start_time or 0
        self.rate = info.rate.value
        self.index = info.index
        self.by_dts: bool | None = None

    def frame(self, index: int) -> bytes:
        frames = self.index
        if frames is None:
            target = self.start + int(Fraction(index) / self.rate / self.time_base)
            return self._decode_from(target, target, index)
        # The same definition of a frame as ours, and the best seek each container allows:
        # to the keyframe's presentation time, where MP4 lands on it; when that lands past
        # the frame (a transport stream lands a GOP late), to its decode time.
        target = frames.times.pts[index]
        keyframe = frames.keyframe_at_or_before(index)
        by_pts = frames.times.pts[keyframe]
        if self.by_dts is None:  # learnt once per file, as ours learns it
            self.by_dts = self._first_after_seek(by_pts) != by_pts
        seek_to = frames.seek_point(keyframe) if self.by_dts else by_pts
        return self._decode_from(seek_to, target, index)

    def _first_after_seek(self, seek_to: int) -> int:
        """The timestamp of the first picture a decode from this seek gives."""
        self.container.seek(seek_to, backward=True, stream=self.stream)
        for frame in self.container.decode(self.stream):
            if frame.pts is not None:
                return int(frame.pts)
        return -1

    def _decode_from(self, seek_to: int, target: int, index: int) -> bytes:
        self.container.seek(seek_to, backward=True, stream=self.stream)
        for frame in self.container.decode(self.stream):
            if frame.pts is not None and frame.pts >= target:
                return to_rgb(frame, PREVIEW_WIDTH).data
        raise RuntimeError(f"No frame {index}.")

    def close(self) -> None:
        self.container.close()


def _decode_costs(path: Path, packets: int = 300) -> tuple[float, float]:
    """Median seconds to decode a keyframe and another frame, one thread, in file order."""
    keys: list[float] = []
    others: list[float] = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.codec_context.thread_count = 1
        for count, packet in enumerate(container.demux(stream)):
            if count >= packets:
                break
            started = time.perf_counter()
            stream.codec_context.decode(packet)
            (keys if packet.is_keyframe else others).append(time.perf_counter() - started)
    return statistics.median(keys), statistics.median(others)


def _ffmpeg_frame(path: Path, index: int, info: MediaInfo) -> list[str]:
    width, height = fit_size(info.width, info.height, PREVIEW_WIDTH, None)
    return [
        *(ffmpeg_exe(), "-v", "error", "-nostdin"),
        *("-ss", seconds_arg(index / info.rate.value), "-i", str(path)),
        *("-frames:v", "1", "-vf", f"scale={width}:{height}:flags=bilinear"),
        *("-pix_fmt", "rgb24", "-f", "rawvideo", "-"),
    ]


def run(*, transport_stream: bool = False) -> dict[str, Any]:
    """The seeks on the benchmark file, or on the same packets in MPEG-TS."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from kokoon_desktop.ui.preview.local_clip import LocalClip

    spec = LongVideo()
    path = long_video(spec)
    if transport_stream:
        path = remuxed_to_transport_stream(path)
    info = indexed(probe(path))  # as an upload opens it
    app = QApplication.instance() or QApplication([])
    rng = random.Random(SEED)
    indexes = [rng.randrange(info.total_frames) for _ in range(SEEKS)]

    clip = LocalClip(path, info, preview_width=PREVIEW_WIDTH)
    clip.pin_frames([0, info.total_frames - 1])  # as the window does
    loop = QEventLoop()
    arrived: list[tuple[int, float]] = []

    def ready(index: int, _image: QImage) -> None:
        arrived.append((index, time.perf_counter()))
        loop.quit()

    clip.frame_ready.connect(ready)

    guard = QTimer(singleShot=True, interval=30_000)  # a failed decode must not hang the run
    guard.timeout.connect(loop.quit)

    def show(index: int) -> float:
        arrived.clear()
        started = time.perf_counter()
        clip.request_frame(index)
        guard.start()
        loop.exec()
        guard.stop()
        if not arrived or arrived[-1][0] != index:
            raise RuntimeError(f"Frame {index} was not shown.")
        return arrived[-1][1] - started

    def settle() -> float:
        """Seconds until the preview's worker has nothing left to do."""
        started = time.perf_counter()
        while clip.busy:
            if time.perf_counter() - started > 30:
                raise RuntimeError("The preview's worker did not go idle.")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.002)
        return time.perf_counter() - started

    def pause(seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.002)

    plain = _PlainDecode(path, info)
    ours: list[float] = []
    reference: list[float] = []
    command_line: list[float] = []
    filling: list[float] = []
    moves: list[float] = []
    mismatches = 0
    ffmpeg_differences: list[float] = []
    try:
        show(info.total_frames // 2)  # opens the file and starts the decoder
        plain.frame(info.total_frames // 2)
        for turn, index in enumerate(indexes):
            order = ("ours", "plain", "ffmpeg") if turn % 2 else ("ffmpeg", "plain", "ours")
            for who in order:
                settle()
                if who == "ours":
                    ours.append(show(index))
                    filling.append(settle())
                elif who == "plain":
                    started = time.perf_counter()
                    expected = plain.frame(index)
                    reference.append(time.perf_counter() - started)
                else:
                    seconds, picture = run_timed(_ffmpeg_frame(path, index, info))
                    command_line.append(seconds)
            last = clip.last_frame
            if last is None or last[0] != index or last[1].data != expected:
                mismatches += 1
            ffmpeg_differences.append(mean_difference(expected, picture))
        for index in indexes[:MOVE_FROM]:
            settle()
            show(index)
            for step in MOVES:
                pause(BEAT_S)
                if step == "end":
                    index = info.total_frames - 1
                elif step == "home":
                    index = 0
                else:
                    assert isinstance(step, int)
                    index = min(max(0, index + step), info.total_frames - 1)
                moves.append(show(index))
    finally:
        plain.close()
        clip.close()
    del app
    key_s, other_s = _decode_costs(path)
    # How far past its keyframe a frame is decides how much must be decoded to reach it.
    near = [t for i, t in zip(indexes, ours, strict=True) if i % spec.gop < spec.gop // 3]
    far = [t for i, t in zip(indexes, ours, strict=True) if i % spec.gop >= spec.gop * 2 // 3]
    return {
        "gop": spec.gop,
        "key_decode_s": key_s,
        "other_decode_s": other_s,
        "near_median_s": statistics.median(near),
        "near_count": len(near),
        "far_median_s": statistics.median(far),
        "far_count": len(far),
        "video": spec.describe(),
        "container": "MPEG-TS" if transport_stream else "MP4",
        "seeks": SEEKS,
        "ours_median_s": statistics.median(ours),
        "ours_p90_s": _percentile(ours, 0.9),
        "plain_median_s": statistics.median(reference),
        "plain_p90_s": _percentile(reference, 0.9),
        "ffmpeg_median_s": statistics.median(command_line),
        "ffmpeg_p90_s": _percentile(command_line, 0.9),
        "mismatches": mismatches,
        "fill_median_s": statistics.median(filling),
        "moves": len(moves),
        "moves_median_s": statistics.median(moves),
        "moves_p90_s": _percentile(moves, 0.9),
        "moves_within_frame": sum(t < 1 / 60 for t in moves),
        "ffmpeg_worst_difference": max(ffmpeg_differences),
        "command": shown(_ffmpeg_frame(path, indexes[0], info), path),
    }
