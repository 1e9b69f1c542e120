"""Fixtures for the services: the in-process simulator (fast clock), a client, a real history."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox, SandboxConfig
from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.services.tracker import TaskTracker
from kokoon_desktop.storage.history import HistoryStore
from tests.services.services_helpers import Changes, make_client


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3 s, 30 fps clip (90 frames), shared read-only by the session."""
    return write_clip(tmp_path_factory.mktemp("clips") / "harbour.mp4", seconds=3)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(time_scale=0.01)) as sb:
        yield sb


@pytest.fixture
def vid(sandbox: Sandbox, clip: Path) -> str:
    video_id: str = sandbox.add_video(clip)["vid"]
    return video_id


@pytest.fixture
def spec(vid: str) -> TaskSpec:
    return TaskSpec(vid=vid, category=Category.PERSON, width=1280, height=720)


@pytest.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[KokoonClient]:
    async with make_client(sandbox) as api:
        yield api


@pytest.fixture
def history(tmp_path: Path) -> Iterator[HistoryStore]:
    store = HistoryStore(tmp_path / "h.sqlite3")
    yield store
    store.close()


@pytest.fixture
def changes() -> Changes:
    return Changes()


@pytest.fixture
async def tracker(
    client: KokoonClient, history: HistoryStore, changes: Changes
) -> AsyncIterator[TaskTracker]:
    tracker = TaskTracker(client, history, changes, first_delay_s=0.01, max_delay_s=0.05)
    yield tracker
    await tracker.aclose()
