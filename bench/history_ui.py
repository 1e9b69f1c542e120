"""The history pane with 100,000 tasks: opening it and filtering it, as a user sees them.

Opening is timed from opening the store to the table being painted; then until search is
ready (its texts are prepared in the background); filtering from a search text to the
repainted table. The same run times a bare ``SELECT *`` of the same file as the
reference. The pane runs in its own process (offscreen Qt).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.history_store import _body, _finish_all
from bench.worker_process import run_worker
from kokoon_desktop.storage.history import HistoryStore

NEEDLES = ("clip-042424", "animation", "00000000-0000-0000-0000-00000000a1b2", "retro", "zzz")


def _build(path: Path, rows: int) -> None:
    with HistoryStore(path) as store:
        for index in range(rows):
            store.add_submission(
                _body(index), source_name=f"clip-{index:06d}.mov", source_duration_ms=600_000
            )
    _finish_all(path)


def _measure(path: Path) -> dict[str, float]:
    """In the worker process: open and filter the real pane; the bare select as reference."""
    from PySide6.QtWidgets import QApplication

    from kokoon_desktop.ui.history_model import HistoryTableModel
    from kokoon_desktop.ui.history_pane import HistoryPane

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    bare = sqlite3.connect(path)
    bare.execute("SELECT * FROM history").fetchall()
    bare_s = time.perf_counter() - started
    bare.close()

    started = time.perf_counter()
    store = HistoryStore(path)
    model = HistoryTableModel()
    model.set_entries(store.entries())
    pane = HistoryPane(model)
    pane.resize(1200, 400)
    pane.show()
    app.processEvents()
    open_s = time.perf_counter() - started
    # Search texts are prepared in batches between events after opening; a user typing in
    # the first moments gets them prepared at once instead (slower, once).
    while not model.search_ready():
        app.processEvents()
    search_ready_s = time.perf_counter() - started

    filters = []
    for needle in NEEDLES:
        started = time.perf_counter()
        pane.search.setText(needle)
        app.processEvents()
        filters.append(time.perf_counter() - started)
        pane.search.clear()
        app.processEvents()
    rows = model.rowCount()
    pane.close()
    store.close()
    return {
        "rows": rows,
        "open_s": open_s,
        "search_ready_s": search_ready_s,
        "filter_median_s": statistics.median(filters),
        "filter_worst_s": max(filters),
        "bare_select_s": bare_s,
    }


def run(rows: int = 100_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="kokoon-history-ui-") as tmp:
        path = Path(tmp) / "history.sqlite3"
        _build(path, rows)
        return run_worker("bench.history_ui", str(path))


if __name__ == "__main__":
    print(json.dumps(_measure(Path(sys.argv[1]))), flush=True)
