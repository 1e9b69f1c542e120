"""A 10-minute 1080p H.264 file for the timeline benchmarks, encoded once and cached.

The picture is two layers of a detailed fractal (fine structure next to smooth gradients)
panning slowly in different directions, blended, with light temporal grain: every frame has
motion that prediction cannot follow exactly and residual detail to decode, as footage does,
and keyframes are about nine times the size of other frames, as in camera files (a single
panned layer gave keyframes twenty times the rest, a flat colour would decode many times
faster than any real file). It is made by FFmpeg's own source filters through PyAV (lavfi),
encoded by libx264 from PyAV's wheel.

The stream is shaped like a camera's long-GOP recording: a keyframe every second (30 frames at
30000/1001), three B-frames between references with x264's pyramid (so some B-frames are
references and the rest are not), CABAC, deblocking, two reference frames, 12 Mbit/s. The
encoder runs at the "ultrafast" preset with those decoder-visible features switched back on:
decoding then costs what it costs for a camera file, while encoding takes minutes, not a
quarter of an hour.

The file is cached in the user cache folder under a name made of its parameters; a file that
is there is used as it is (a half-written one never is: it is renamed into place when done).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import platformdirs

__all__ = ["LongVideo", "frame_sizes", "long_video"]

_VERSION = 2  # bump when the content or encoding changes, so an old cached file is not reused


@dataclass(frozen=True, slots=True)
class LongVideo:
    """What the benchmark file is; its cache name is made from these fields."""

    seconds: int = 600
    width: int = 1920
    height: int = 1080
    rate: Fraction = Fraction(30000, 1001)
    gop: int = 30
    bframes: int = 3
    bitrate: int = 12_000_000

    @property
    def frames(self) -> int:
        return int(self.seconds * self.rate)

    @property
    def name(self) -> str:
        rate = f"{self.rate.numerator}_{self.rate.denominator}"
        return (
            f"kokoon-bench-v{_VERSION}-h264-{self.width}x{self.height}-{rate}fps-"
            f"{self.seconds}s-gop{self.gop}-b{self.bframes}-{self.bitrate // 1000}k.mp4"
        )

    def describe(self) -> str:
        """One sentence for BENCHMARKS.md."""
        return (
            f"{self.seconds // 60} min {self.width}×{self.height} H.264 (High profile, yuv420p), "
            f"{self.rate.numerator}/{self.rate.denominator} fps ({self.frames:,} frames), "
            f"{self.bitrate / 1e6:.0f} Mbit/s, a keyframe every {self.gop} frames (1 s, as "
            f"cameras record) and {self.bframes} B-frames in a pyramid between references; "
            "two layers of fractal detail panning in different directions, with light grain"
        )


def _source(spec: LongVideo) -> str:
    """A lavfi graph: one fractal still, larger than the frame, seen as two layers panning
    in different directions (like foliage before a background), with grain."""
    big_w, big_h = spec.width * 4 // 3, spec.height * 4 // 3
    mx, my = (big_w - spec.width) // 2, (big_h - spec.height) // 2
    ax, ay = mx - 8, my - 8
    rate = f"{spec.rate.numerator}/{spec.rate.denominator}"
    still = ",".join(
        [
            f"mandelbrot=s={big_w}x{big_h}:r={rate}:start_scale=0.005:maxiter=2000"
            ":start_x=-0.743643887037151:start_y=0.13182590420533",
            "trim=end_frame=1",
            "format=yuv420p",
            "loop=loop=-1:size=1",
            "setpts=N/FRAME_RATE/TB",
            "split[a][b]",
        ]
    )
    size = f"{spec.width}:{spec.height}"
    return ";".join(
        [
            still,
            f"[a]crop={size}:x='{mx}+{ax}*sin(t/4)':y='{my}+{ay}*sin(t/6.3)'[front]",
            f"[b]hflip,crop={size}:x='{mx}-{ax}*sin(t/3)':y='{my}-{ay}*sin(t/5.1)'[back]",
            "[front][back]blend=all_mode=average,noise=alls=6:allf=t[out0]",
        ]
    )


def _encode(spec: LongVideo, path: Path) -> None:
    params = ":".join(
        [
            f"keyint={spec.gop}",
            f"min-keyint={spec.gop}",
            "scenecut=0",
            "cabac=1",
            f"bframes={spec.bframes}",
            "b-pyramid=normal",
            "deblock=0,0",
            "8x8dct=1",
            "ref=2",
        ]
    )
    time_base = 1 / spec.rate
    started = time.monotonic()
    with (
        av.open(_source(spec), format="lavfi") as source,
        av.open(str(path), "w") as output,
    ):
        stream = output.add_stream(
            "libx264",
            rate=spec.rate,
            options={"preset": "ultrafast", "x264-params": params},
        )
        stream.width, stream.height = spec.width, spec.height
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = spec.bitrate
        for index, frame in enumerate(source.decode(video=0)):
            if index >= spec.frames:
                break
            frame.pts = index
            frame.time_base = time_base
            output.mux(stream.encode(frame))
            if index % 300 == 0:
                elapsed = time.monotonic() - started
                sys.stderr.write(
                    f"\r  encoding the benchmark video: {index:,}/{spec.frames:,} frames, "
                    f"{elapsed:.0f} s"
                )
                sys.stderr.flush()
        output.mux(stream.encode(None))
    sys.stderr.write(f"\r  encoded {spec.frames:,} frames in {time.monotonic() - started:.0f} s\n")


def frame_sizes(path: Path) -> tuple[float, float]:
    """Mean sizes in bytes of the file's keyframes and of its other frames."""
    keys: list[int] = []
    others: list[int] = []
    with av.open(str(path)) as container:
        for packet in container.demux(video=0):
            if packet.size:
                (keys if packet.is_keyframe else others).append(packet.size)
    return sum(keys) / max(1, len(keys)), sum(others) / max(1, len(others))


def long_video(spec: LongVideo | None = None, cache_dir: Path | None = None) -> Path:
    """The cached benchmark file for `spec`, encoded first if it is not there yet."""
    spec = spec or LongVideo()
    folder = cache_dir or Path(platformdirs.user_cache_dir("kokoon-desktop")) / "bench"
    path = folder / spec.name
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part.mp4")
    try:
        _encode(spec, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


if __name__ == "__main__":
    print(long_video())
