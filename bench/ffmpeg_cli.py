"""The ffmpeg command line the timeline benchmarks compare with: the static build that the
`bench` extra (imageio-ffmpeg) installs, since the machine has no ffmpeg of its own."""

from __future__ import annotations

import math
import subprocess
import time
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

__all__ = ["ffmpeg_exe", "mean_difference", "run_timed", "seconds_arg", "shown"]


def ffmpeg_exe() -> str:
    try:
        import imageio_ffmpeg
    except ImportError as error:
        raise SystemExit(
            "The timeline benchmarks compare with ffmpeg: `make bench` installs it "
            "(pip install -e '.[test,bench]')."
        ) from error
    exe: str = imageio_ffmpeg.get_ffmpeg_exe()
    return exe


def seconds_arg(seconds: Fraction) -> str:
    """A time for `-ss` in ffmpeg's microseconds, rounded down: rounding up could pass the
    start of the frame meant and give the next one."""
    micro = math.floor(seconds * 1_000_000)
    return f"{micro // 1_000_000}.{micro % 1_000_000:06d}"


def run_timed(command: Sequence[str]) -> tuple[float, bytes]:
    """Run `command` to its end; (seconds from launch to exit, its standard output)."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed, done.stdout


def shown(command: Sequence[str], path: Path) -> str:
    """The command as BENCHMARKS.md shows it: the binary as `ffmpeg`, the file as `clip.mp4`."""
    words = ["ffmpeg", *command[1:]]
    text = " ".join(f'"{w}"' if any(c in w for c in " ,;'") else w for w in words)
    return text.replace(str(path), "clip.mp4")


def mean_difference(a: bytes, b: bytes) -> float:
    """Mean absolute difference of two rgb24 pictures of one size, in levels (0-255): near 0
    for the same frame through two scalers, several levels between neighbouring frames."""
    if len(a) != len(b):
        return 255.0
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / max(1, len(a))
