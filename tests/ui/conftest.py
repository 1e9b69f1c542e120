"""GUI tests run on a qasync loop, so async work and Qt events share one thread as in the app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from qasync import QEventLoop

from tests.ui.window_fixtures import WindowHarness, make_sandbox


def _qasync_loop() -> QEventLoop:
    app = QApplication.instance() or QApplication([])
    return QEventLoop(app)


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> Mapping[str, Any]:
    return {"qasync": _qasync_loop}


@pytest.fixture(autouse=True)
def _ui_thread_gc(ui_thread_gc: None) -> None:
    """Every GUI test runs with garbage collected on the UI thread only (tests/qt_gc.py)."""


@pytest.fixture(scope="session")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo clips are encoded once for the whole run."""
    return tmp_path_factory.mktemp("demo-clips")


@pytest.fixture
async def harness(seed_cache: Path, tmp_path: Path) -> AsyncIterator[WindowHarness]:
    desk = WindowHarness(make_sandbox(seed_cache, tmp_path / "sandbox"), tmp_path / "profile")
    await desk.load_videos()
    yield desk
    await desk.aclose()
