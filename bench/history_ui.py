"""The history pane with 100,000 tasks: opening it and filtering it, as a user sees them.

Opening is timed from opening the store to the table painted with its first screen of rows;
the reference, taking turns with it in the same process, is a bare ``SELECT *`` of the same
file (sqlite3 handing over every row as tuples). Filtering is timed from a search text to the
repainted table, for texts that find one row, a fifth of the rows, none, and every row. The
pane runs in its own process (offscreen Qt).
"""

from __future__ import annotations

import gc
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

REPEATS = 5
#: One row (a source name, a video ID), a fifth of the rows (a category), none, all of them
#: (every task's message), and a text of FTS5's own syntax.
NEEDLES = (
    "clip-042424",
    "animation",
    "00000000-0000-0000-0000-00000000a1b2",
    "retro",
    "zzz",
    "finished",
    '"retro" OR cg*',
)


def _build(path: Path, rows: int) -> None:
    with HistoryStore(path) as store:
        for index in range(rows):
            store.add_submission(
                _body(index), source_name=f"clip-{index:06d}.mov", source_duration_ms=600_000
            )
    _finish_all(path)


def _measure(path: Path) -> dict[str, object]:
    """In the worker process: open and filter the real pane; the bare select as reference."""
    from PySide6.QtWidgets import QApplication

    from kokoon_desktop.ui.history_model import HistoryTableModel
    from kokoon_desktop.ui.history_pane import HistoryPane

    app = QApplication.instance() or QApplication([])

    def bare_select() -> float:
        started = time.perf_counter()
        db = sqlite3.connect(path)
        db.execute("SELECT * FROM history").fetchall()
        elapsed = time.perf_counter() - started
        db.close()
        return elapsed

    def open_pane() -> tuple[float, HistoryStore, HistoryPane]:
        started = time.perf_counter()
        store = HistoryStore(path)
        model = HistoryTableModel()
        model.set_store(store)
        pane = HistoryPane(model)
        pane.resize(1200, 400)
        pane.show()
        app.processEvents()
        return time.perf_counter() - started, store, pane

    def close(store: HistoryStore, pane: HistoryPane) -> None:
        pane.close()
        pane.deleteLater()
        app.processEvents()
        store.close()
        gc.collect()  # the next measurement does not pay for freeing this one

    bare_select()  # the file in the page cache for both
    bare_times: list[float] = []
    open_times: list[float] = []
    for repeat in range(REPEATS):
        # Taking turns going first, so neither always runs on a cache the other warmed.
        if repeat % 2:
            bare_times.append(bare_select())
        seconds, store, pane = open_pane()
        open_times.append(seconds)
        close(store, pane)
        if not repeat % 2:
            bare_times.append(bare_select())
        gc.collect()

    _, store, pane = open_pane()
    shown = pane.model.rowCount()
    first_screen = pane.table.rowAt(pane.table.viewport().height() - 1) + 1
    filters: dict[str, float] = {}
    listed: dict[str, float] = {}
    found: dict[str, int] = {}
    for needle in NEEDLES:
        times = []
        whole = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            pane.search.setText(needle)
            app.processEvents()  # the table repainted with the rows found (the first ones)
            times.append(time.perf_counter() - started)
            later = pane.model.more_to_come
            while pane.model.more_to_come:  # the rest listed on a worker thread
                app.processEvents()
                time.sleep(0.0005)  # as an idle window waits for its next event
            app.processEvents()
            whole.append(time.perf_counter() - started if later else times[-1])
            found[needle] = pane.model.rowCount()
            pane.search.clear()
            app.processEvents()
        filters[needle] = statistics.median(times)
        listed[needle] = statistics.median(whole)
    close(store, pane)
    bare_s = statistics.median(bare_times)
    open_s = statistics.median(open_times)
    return {
        "rows": shown,
        "first_screen_rows": first_screen,
        "bare_select_s": bare_s,
        "open_s": open_s,
        "open_ratio": open_s / bare_s,
        "filters_s": filters,
        "listed_s": listed,
        "found": found,
        "filter_median_s": statistics.median(filters.values()),
        "filter_worst_s": max(filters.values()),
    }


def run(rows: int = 100_000) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kokoon-history-ui-") as tmp:
        path = Path(tmp) / "history.sqlite3"
        _build(path, rows)
        return run_worker("bench.history_ui", str(path))


if __name__ == "__main__":
    print(json.dumps(_measure(Path(sys.argv[1]))), flush=True)
