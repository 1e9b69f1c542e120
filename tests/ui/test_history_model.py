"""The history table: what rows show, search across every column, sorting, live updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, SubmissionState
from kokoon_desktop.ui.history_model import (
    COLUMNS,
    ENTRY_ROLE,
    PROGRESS_ROLE,
    RANGE,
    HistoryTableModel,
)
from kokoon_desktop.ui.history_pane import HistoryPane

VIDS = [f"{i:08x}-e830-11f1-97d1-02fc00000001" for i in range(1, 6)]


def _fill(store: HistoryStore) -> None:
    for i, vid in enumerate(VIDS):
        spec = TaskSpec(
            vid=vid, category=list(Category)[i], width=1280, height=720,
            task_type=TaskType.SR_PREVIEW if i % 2 else TaskType.SR,
            start_pos=1000 * i, duration=500 * i,
        )  # fmt: skip
        entry = store.add_submission(
            spec.to_request_body(), source_name=f"clip{i}.mp4", source_duration_ms=10_000
        )
        if 1 <= i <= 3:
            store.mark_submitted(
                entry.id, tid=f"{i:08x}-0000-11f1-97d1-02fc00000009", in_vid=vid, out_vid=None
            )
        if i == 2:
            store.update_task(entry.id, step="running", progress=0.25, message=None)
        if i == 3:
            store.update_task(entry.id, step="done", progress=None, message="success")
        if i == 4:
            store.mark_unknown(entry.id, "The connection broke off.")


def _texts(model: HistoryTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rows_read_like_a_person_would_say_them(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    _fill(store)
    model = HistoryTableModel()
    model.set_entries(store.entries())
    assert model.rowCount() == 5
    by_source = {model.index(r, 1).data(): r for r in range(5)}
    row = by_source["clip2.mp4"]
    assert model.index(row, 6).data() == "Running"
    assert model.index(row, 7).data(PROGRESS_ROLE) == 0.25
    assert model.index(row, 4).data() == "00:00:02.000 – 00:00:03.000"
    assert model.index(row, 5).data() == "1280 × 720 · MP4 H.264"
    assert model.index(by_source["clip0.mp4"], 4).data() == "Whole file"
    assert model.index(by_source["clip0.mp4"], 6).data() == "Submitting…"
    assert model.index(by_source["clip3.mp4"], 6).data() == "Done"
    assert model.index(by_source["clip3.mp4"], 7).data() == "100%"
    assert model.index(by_source["clip1.mp4"], 2).data() == "Preview"
    assert model.index(by_source["clip1.mp4"], 3).data() == "Animation"
    store.close()


def test_search_matches_any_column_and_ids(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    _fill(store)
    model = HistoryTableModel()
    model.set_entries(store.entries())
    model.set_filter_text("RUNNING")
    assert _texts(model, 1) == ["clip2.mp4"]
    model.set_filter_text(VIDS[4][:8])
    assert _texts(model, 1) == ["clip4.mp4"]
    model.set_filter_text("preview")
    assert sorted(_texts(model, 1)) == ["clip1.mp4", "clip3.mp4"]
    model.set_filter_text("")
    assert model.rowCount() == 5
    store.close()


def test_sorting_and_newest_first_inserts(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    _fill(store)
    model = HistoryTableModel()
    model.set_entries(store.entries())
    assert _texts(model, 1)[0] == "clip4.mp4"  # newest first
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert _texts(model, 1) == [f"clip{i}.mp4" for i in range(5)]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    spec = TaskSpec(vid=VIDS[0], category=Category.GENERAL, width=640, height=360)
    new = store.add_submission(
        spec.to_request_body(), source_name="new.mp4", source_duration_ms=None
    )
    model.upsert(new)
    assert _texts(model, 1)[0] == "new.mp4" and model.rowCount() == 6
    updated = store.mark_failed(new.id, "insufficient credit")
    model.upsert(updated)
    assert model.index(0, 6).data() == "Failed"
    assert model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == "insufficient credit"
    assert model.index(0, 0).data(ENTRY_ROLE).state is SubmissionState.FAILED
    model.set_filter_text("nothing matches this")
    model.upsert(store.update_task(3, step="done", progress=None, message=None))
    assert model.rowCount() == 0
    store.close()


def test_search_texts_are_prepared_in_the_background_or_on_demand(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kokoon_desktop.ui.history_model.SEARCH_TEXT_BATCH", 2)
    store = HistoryStore(tmp_path / "h.sqlite3")
    _fill(store)
    model = HistoryTableModel()
    model.set_entries(store.entries())
    assert not model.search_ready()
    QApplication.processEvents()  # one batch
    assert not model.search_ready()
    model.set_filter_text("clip4")  # a search before the batches finished
    assert model.search_ready() and _texts(model, 1) == ["clip4.mp4"]
    store.close()


def test_the_range_column_shows_a_trimmed_range_whole(tmp_path: Path, qtbot: QtBot) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    _fill(store)
    model = HistoryTableModel()
    model.set_entries(store.entries())
    pane = HistoryPane(model)
    qtbot.addWidget(pane)
    metrics = pane.table.fontMetrics()
    texts = _texts(model, RANGE)
    assert "00:00:04.000 – 00:00:06.000" in texts
    # Room for the text and the cell's margins: nothing is elided.
    assert all(
        metrics.horizontalAdvance(text) + 8 <= pane.table.columnWidth(RANGE) for text in texts
    )
    store.close()


def _entry(number: int, minutes: int, step: str) -> HistoryEntry:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return HistoryEntry(
        number,
        start + timedelta(minutes=minutes),
        start,
        SubmissionState.SUBMITTED,
        {"vid": f"v{minutes % 7}", "width": 640, "height": 360, "category": "cg"},
        f"clip{minutes % 5}.mp4",
        None,
        tid=f"t{number}",
        step=step,
    )


@pytest.mark.parametrize("column", range(len(COLUMNS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_page_of_rows_lands_where_a_full_sort_puts_it(
    qtbot: QtBot, column: int, order: Qt.SortOrder
) -> None:
    steps = ("done", "running", "error")
    model = HistoryTableModel()
    model.set_entries([_entry(i, (i * 37) % 50, steps[i % 3]) for i in range(1, 40)])
    model.sort(column, order)
    page = [_entry(i, (i * 11) % 50, steps[i % 2]) for i in range(30, 60)]  # 10 known, 20 new
    model.upsert_many(page)
    shown = [model.entry_at(row).id for row in range(model.rowCount())]
    fresh = HistoryTableModel()
    merged = {e.id: e for e in [_entry(i, (i * 37) % 50, steps[i % 3]) for i in range(1, 40)]}
    merged.update((e.id, e) for e in page)
    fresh.set_entries(list(merged.values()))
    fresh.sort(column, order)
    assert shown == [fresh.entry_at(row).id for row in range(fresh.rowCount())]
