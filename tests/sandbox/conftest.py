"""Fixtures for the simulator's tests: small generated clips, a movable clock, clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from fractions import Fraction
from pathlib import Path

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.sandbox.media import write_clip
from tests.sandbox.sandbox_helpers import FakeClock


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Read-only clips shared by the session (each takes ~20 ms to encode)."""
    folder = tmp_path_factory.mktemp("clips")
    not_video = folder / "notes.mp4"
    not_video.write_bytes(b"this is not a video at all\n" * 50)
    return {
        # 2 s at 30/1: 60 frames.
        "small": write_clip(folder / "football_360p_2s.mp4", width=320, height=180, seconds=2),
        # 1 s at 30000/1001: 30 frames.
        "ntsc": write_clip(
            folder / "ntsc.mp4", width=160, height=90, fps=Fraction(30000, 1001), seconds=1
        ),
        "rotated": write_clip(folder / "rotated.mp4", width=64, height=64, seconds=1, rotation=90),
        "mpeg4": write_clip(folder / "old.avi", width=64, height=64, seconds=1, codec="mpeg4"),
        "not_video": not_video,
    }


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(clock=clock, tokens=(DEMO_TOKEN, "other-token"))) as sb:
        yield sb


@pytest.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    """Signed in to the demo account, like the app's API client."""
    async with httpx.AsyncClient(
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
        headers={"Authorization": DEMO_TOKEN},
    ) as api:
        yield api


@pytest.fixture
async def storage(sandbox: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    """A client without credentials, for storage links."""
    async with httpx.AsyncClient(transport=sandbox.transport()) as plain:
        yield plain
