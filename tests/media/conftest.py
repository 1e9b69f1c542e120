"""Test videos made once per session: they are read-only for the tests."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.media.counter_video import make_counter_video

GOP = 12
FRAMES = 75


@pytest.fixture(scope="session")
def counter_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """75 frames at 30000/1001 fps, 160×90, a keyframe every 12 frames, indexes burned in."""
    path = tmp_path_factory.mktemp("media") / "counter.mp4"
    return make_counter_video(path, frames=FRAMES, keyframe_interval=GOP)


@pytest.fixture(scope="session")
def counter_video_25(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 frames at 25 fps in Matroska, which records no frame count."""
    path = tmp_path_factory.mktemp("media") / "counter25.mkv"
    return make_counter_video(path, frames=50, rate=Fraction(25), keyframe_interval=GOP)
