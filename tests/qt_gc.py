"""A pytest plugin: garbage collected on the UI thread only, as in the app (`ui_thread_gc`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kokoon_desktop.ui.ui_thread_gc import UiThreadGarbageCollector


@pytest.fixture(scope="session")
def ui_thread_gc(qapp: QApplication) -> Iterator[None]:
    """As in the app: garbage is collected on the UI thread only, never in a worker that
    happens to allocate (Qt objects must not be destroyed there). Requested by every GUI
    test (tests/ui) and by the end-to-end test that opens the window in-process."""
    collector = UiThreadGarbageCollector()
    yield
    collector.stop()
