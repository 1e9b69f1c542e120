"""GUI tests run on a qasync loop, so async work and Qt events share one thread as in the app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from qasync import QEventLoop


def _qasync_loop() -> QEventLoop:
    app = QApplication.instance() or QApplication([])
    return QEventLoop(app)


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> Mapping[str, Any]:
    return {"qasync": _qasync_loop}
