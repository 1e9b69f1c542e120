"""The history table: what rows show, search across every column, sorting, live updates, and
rows read from the file as they are shown."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.storage.history import (
    AccountTask,
    FoundRows,
    HistoryEntry,
    HistoryStore,
    SubmissionState,
)
from kokoon_desktop.ui.history_model import (
    COLUMNS,
    ENTRY_ROLE,
    PAGE_ROWS,
    PROGRESS_ROLE,
    RANGE,
    SEARCH_FIRST_ROWS,
    SEARCH_SCREENFUL,
    SOURCE,
    STATE,
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


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "h.sqlite3") as opened:
        yield opened


@pytest.fixture
def filled(store: HistoryStore) -> HistoryStore:
    _fill(store)
    return store


def _model(store: HistoryStore) -> HistoryTableModel:
    model = HistoryTableModel()
    model.set_store(store)
    return model


def _texts(model: HistoryTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rows_read_like_a_person_would_say_them(filled: HistoryStore) -> None:
    model = _model(filled)
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


def test_search_matches_any_column_and_ids(filled: HistoryStore) -> None:
    model = _model(filled)
    model.set_filter_text("RUNNING")
    assert _texts(model, 1) == ["clip2.mp4"]
    model.set_filter_text(VIDS[4][:8])
    assert _texts(model, 1) == ["clip4.mp4"]
    model.set_filter_text("preview")
    assert sorted(_texts(model, 1)) == ["clip1.mp4", "clip3.mp4"]
    model.set_filter_text("check on server")  # the words the State column shows
    assert _texts(model, 1) == ["clip4.mp4"]
    model.set_filter_text("1280 × 720")
    assert model.rowCount() == 5
    model.set_filter_text('"clip1" OR clip*')  # looked for as typed, not as FTS5 syntax
    assert model.rowCount() == 0
    model.set_filter_text("")
    assert model.rowCount() == 5


def test_sorting_and_newest_first_inserts(filled: HistoryStore) -> None:
    model = _model(filled)
    assert _texts(model, 1)[0] == "clip4.mp4"  # newest first
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert _texts(model, 1) == [f"clip{i}.mp4" for i in range(5)]
    model.sort(STATE, Qt.SortOrder.AscendingOrder)
    states = _texts(model, STATE)
    assert states == sorted(states, key=str.lower)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    spec = TaskSpec(vid=VIDS[0], category=Category.GENERAL, width=640, height=360)
    new = filled.add_submission(
        spec.to_request_body(), source_name="new.mp4", source_duration_ms=None
    )
    model.upsert(new)
    assert _texts(model, 1)[0] == "new.mp4" and model.rowCount() == 6
    updated = filled.mark_failed(new.id, "insufficient credit")
    model.upsert(updated)
    assert model.index(0, 6).data() == "Failed"
    assert model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == "insufficient credit"
    assert model.index(0, 0).data(ENTRY_ROLE).state is SubmissionState.FAILED
    model.set_filter_text("nothing matches this")
    model.upsert(filled.update_task(3, step="done", progress=None, message=None))
    assert model.rowCount() == 0


def test_a_new_row_is_shown_while_searching_only_if_it_matches(filled: HistoryStore) -> None:
    model = _model(filled)
    model.set_filter_text("clip")
    assert model.rowCount() == 5
    body = TaskSpec(vid=VIDS[0], category=Category.CG, width=640, height=360).to_request_body()
    other = filled.add_submission(body, source_name="harbour.mov", source_duration_ms=None)
    model.upsert(other)
    assert model.rowCount() == 5 and model.entry_count() == 6
    matching = filled.add_submission(body, source_name="clip9.mov", source_duration_ms=None)
    model.upsert(matching)
    assert _texts(model, SOURCE)[0] == "clip9.mov" and model.entry_count() == 7


def test_a_removed_row_goes_and_the_others_stay(filled: HistoryStore) -> None:
    model = _model(filled)
    gone = model.entry_at(2)
    assert gone is not None
    filled.remove(gone.id)
    model.remove_entry(gone.id)
    assert model.rowCount() == 4 and model.row_of(gone.id) is None
    assert "clip2.mp4" not in _texts(model, SOURCE)


def test_the_range_column_shows_a_trimmed_range_whole(filled: HistoryStore, qtbot: QtBot) -> None:
    model = _model(filled)
    pane = HistoryPane(model)
    qtbot.addWidget(pane)
    metrics = pane.table.fontMetrics()
    texts = _texts(model, RANGE)
    assert "00:00:04.000 – 00:00:06.000" in texts
    # Room for the text and the cell's margins: nothing is elided.
    assert all(
        metrics.horizontalAdvance(text) + 8 <= pane.table.columnWidth(RANGE) for text in texts
    )


# -- pages of the account merge -------------------------------------------------------------------

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _task(number: int, minutes: int, step: str) -> AccountTask:
    return AccountTask(
        tid=str(uuid.UUID(int=number)),
        step=step,
        in_vid=f"v{minutes % 7}",
        out_vid=f"o{number % 4}",
        task_type="SR_PREVIEW" if number % 3 else "SR",
        filename=f"clip{minutes % 5}.mp4",
        request_time=(T0 + timedelta(minutes=minutes)).isoformat(),
    )


def _merge(store: HistoryStore, tasks: Iterable[AccountTask]) -> list[HistoryEntry]:
    merged = store.merge_account(sorted(tasks, key=lambda t: t.request_time or "", reverse=True))
    return merged.added + merged.updated


@pytest.mark.parametrize("column", range(len(COLUMNS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_page_of_rows_lands_where_a_full_sort_puts_it(
    store: HistoryStore, column: int, order: Qt.SortOrder
) -> None:
    steps = ("done", "running", "error")
    _fill(store)
    _merge(store, [_task(i, (i * 37) % 50, steps[i % 3]) for i in range(1, 40)])
    model = _model(store)
    model.sort(column, order)
    before = model.entry_count()
    page = _merge(store, [_task(i, (i * 11) % 50, steps[i % 2]) for i in range(30, 60)])
    assert len(page) == 30  # 10 known and moved on, 20 new
    model.upsert_many(page)
    shown = [model.id_at(row) for row in range(model.rowCount())]
    fresh = _model(store)
    fresh.sort(column, order)
    assert shown == [fresh.id_at(row) for row in range(fresh.rowCount())]
    assert model.entry_count() == before + 20


# -- the pane over a long history -----------------------------------------------------------------

ROWS = 1000


@pytest.fixture
def long_history(store: HistoryStore) -> HistoryStore:
    for index in range(ROWS):
        body = TaskSpec(
            vid=str(uuid.UUID(int=index + 1)),
            category=list(Category)[index % len(Category)],
            width=1280,
            height=720,
        ).to_request_body()
        store.add_submission(body, source_name=f"clip-{index:04d}.mov", source_duration_ms=None)
    return store


class ReadSpy:
    """Records the ids the model asks the store for."""

    def __init__(self, store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[int] = []
        get_many = store.get_many

        def spy(ids: Iterable[int]) -> list[HistoryEntry]:
            wanted = list(ids)
            self.asked.extend(wanted)
            return get_many(wanted)

        monkeypatch.setattr(store, "get_many", spy)


def _pane(qtbot: QtBot, store: HistoryStore) -> HistoryPane:
    model = HistoryTableModel()
    pane = HistoryPane(model)
    qtbot.addWidget(pane)
    pane.resize(900, 400)
    pane.show()
    qtbot.waitExposed(pane)
    model.set_store(store)
    pane.table.viewport().grab()  # painted now: the rows on screen are asked for
    return pane


def _sources_on_screen(pane: HistoryPane) -> list[str]:
    table = pane.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    last = pane.model.rowCount() - 1 if last < 0 else last
    return [pane.model.index(row, SOURCE).data() for row in range(first, last + 1)]


def test_opening_reads_only_the_rows_on_screen(
    long_history: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = ReadSpy(long_history, monkeypatch)
    pane = _pane(qtbot, long_history)
    assert pane.model.rowCount() == ROWS and pane.count_label.text() == f"{ROWS}"
    assert _sources_on_screen(pane)[0] == f"clip-{ROWS - 1:04d}.mov"
    assert 0 < len(spy.asked) <= PAGE_ROWS  # the first page, not the history


def test_scrolling_reads_the_rows_it_comes_to(
    long_history: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _pane(qtbot, long_history)
    spy = ReadSpy(long_history, monkeypatch)
    pane.table.scrollToBottom()
    pane.table.viewport().grab()
    shown = _sources_on_screen(pane)
    assert shown[-1] == "clip-0000.mov"  # the oldest, at the bottom
    oldest_page = {pane.model.id_at(row) for row in range(ROWS - PAGE_ROWS, ROWS)}
    assert oldest_page <= set(spy.asked) and len(spy.asked) <= 2 * PAGE_ROWS
    asked = len(spy.asked)
    pane.table.verticalScrollBar().setValue(pane.table.verticalScrollBar().maximum() // 2)
    pane.table.viewport().grab()
    middle = _sources_on_screen(pane)
    assert middle and all(name.startswith("clip-0") for name in middle)
    assert len(spy.asked) > asked  # another page, read as it came on screen
    pane.table.scrollToBottom()
    pane.table.viewport().grab()
    assert _sources_on_screen(pane) == shown


def test_typing_a_search_shows_the_rows_that_match(
    long_history: HistoryStore, qtbot: QtBot
) -> None:
    pane = _pane(qtbot, long_history)
    qtbot.keyClicks(pane.search, "clip-012")
    pane.table.viewport().grab()
    assert _sources_on_screen(pane) == [f"clip-{i:04d}.mov" for i in range(129, 119, -1)]
    assert pane.count_label.text() == f"10 of {ROWS}"
    pane.search.clear()
    qtbot.keyClicks(pane.search, "Animation")  # in a fifth of the rows: the rest come after
    qtbot.waitUntil(lambda: pane.model.rowCount() == ROWS // len(Category))
    assert {pane.model.index(row, 3).data() for row in range(pane.model.rowCount())} == {
        "Animation"
    }
    pane.search.clear()
    qtbot.keyClicks(pane.search, 'clip" NEAR(* OR ^')
    assert pane.model.rowCount() == 0 and pane.count_label.text() == f"0 of {ROWS}"
    pane.search.clear()
    assert pane.model.rowCount() == ROWS


class AsideSpy:
    """Holds the store's searches on the worker thread until released, and counts them."""

    def __init__(self, store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.ended = 0
        search_aside = store.search_aside

        def held(text: str) -> FoundRows:
            self.release.wait(10)
            try:
                return search_aside(text)
            finally:
                self.ended += 1

        monkeypatch.setattr(store, "search_aside", held)


def _pane_with_held_search(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> tuple[HistoryPane, HistoryTableModel, AsideSpy]:
    """A pane whose searches on the worker thread wait until ``aside.release`` is set."""
    pane = _pane(qtbot, store)
    return pane, pane.model, AsideSpy(store, monkeypatch)


def test_a_text_most_rows_hold_shows_the_first_rows_at_once_and_the_rest_after(
    long_history: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane, model, aside = _pane_with_held_search(qtbot, long_history, monkeypatch)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    pane.search.setText("clip-")  # every row
    # The top rows are looked at one by one and shown; the index is still listing the rest.
    assert SEARCH_SCREENFUL <= model.rowCount() == SEARCH_FIRST_ROWS
    assert _sources_on_screen(pane)[0] == f"clip-{ROWS - 1:04d}.mov"
    first = [model.id_at(row) for row in range(model.rowCount())]
    aside.release.set()
    qtbot.waitUntil(lambda: model.rowCount() == ROWS)
    assert [model.id_at(row) for row in range(len(first))] == first  # joined below them
    assert resets == [True]  # once, for the first rows
    assert pane.count_label.text() == f"{ROWS}"  # every row found


def test_an_answer_for_an_earlier_search_is_left_aside(
    long_history: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane, model, aside = _pane_with_held_search(qtbot, long_history, monkeypatch)
    pane.search.setText("clip-")
    pane.search.setText("animation")  # typed on before the first answer came
    aside.release.set()
    qtbot.waitUntil(lambda: aside.ended == 2)
    qtbot.waitUntil(lambda: model.rowCount() == ROWS // len(Category))
    qtbot.wait(0)  # the first answer, queued to this thread, is delivered (and left aside)
    assert model.rowCount() == ROWS // len(Category)
    assert {model.index(row, 3).data() for row in range(model.rowCount())} == {"Animation"}


def test_a_row_removed_while_the_rest_is_listed_does_not_come_back(
    long_history: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane, model, aside = _pane_with_held_search(qtbot, long_history, monkeypatch)
    pane.search.setText("clip-")
    oldest = min(long_history.ids())
    model.remove_entry(oldest)  # as the window does once the store has let it go
    aside.release.set()
    qtbot.waitUntil(lambda: model.rowCount() == ROWS - 1)
    assert model.row_of(oldest) is None


def test_the_selection_stays_on_its_rows_when_sorted_or_searched(
    long_history: HistoryStore, qtbot: QtBot
) -> None:
    pane = _pane(qtbot, long_history)
    model = pane.model
    chosen = [model.id_at(3), model.id_at(7)]
    pane.select_entries(chosen)
    model.sort(SOURCE, Qt.SortOrder.AscendingOrder)
    assert [entry.id for entry in pane.selected_entries()] == sorted(chosen)
    assert {model.row_of(entry_id) for entry_id in chosen} == {ROWS - 4, ROWS - 8}
    qtbot.keyClicks(pane.search, "clip-099")
    assert [entry.id for entry in pane.selected_entries()] == sorted(chosen)
    assert pane.selected_entry() is not None
    pane.search.clear()
    qtbot.keyClicks(pane.search, "clip-0000")
    assert pane.selected_entries() == []


def test_a_live_update_changes_the_selected_row_in_place(
    long_history: HistoryStore, qtbot: QtBot
) -> None:
    pane = _pane(qtbot, long_history)
    entry = pane.model.entry_at(5)
    assert entry is not None
    pane.select_entry(entry.id)
    pane.model.upsert(long_history.mark_failed(entry.id, "refused"))
    selected = pane.selected_entry()
    assert selected is not None and selected.id == entry.id
    assert selected.state is SubmissionState.FAILED
    assert pane.model.index(5, STATE).data() == "Failed"
