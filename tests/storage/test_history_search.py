"""Searching and sorting the history in SQL: any text finds exactly the rows whose texts contain
it, with SQLite's FTS5 and without; older files gain the index in place."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop import i18n
from kokoon_desktop.storage import history_schema
from kokoon_desktop.storage.history import (
    HistoryEntry,
    HistoryOrder,
    HistoryStore,
    ResultState,
    SubmissionState,
)
from kokoon_desktop.storage.history_text import state_label
from tests.storage.test_history import Clock, make_body

#: Characters stored as U+FFFD in the searchable texts (history_text._UNSEARCHABLE).
_STORED_AS_REPLACEMENT = str.maketrans(dict.fromkeys("\x00\x1f\ufffe\uffff", "\ufffd"))


def reference_texts(entry: HistoryEntry) -> list[str]:
    """What a search looks in, read from the entry as the pane shows it, lower-cased."""
    texts = [
        entry.source_name or "",
        entry.vid,
        entry.tid or "",
        entry.out_vid or "",
        entry.in_vid or "",
        entry.category,
        "preview" if entry.task_type == "SR_PREVIEW" else "full",
        state_label(entry.state.value, entry.step),
        entry.message or "",
        entry.result_path or "",
        "account" if entry.from_account else "",
        f"{entry.width} × {entry.height}" if entry.width and entry.height else "",
    ]
    return [text.lower().translate(_STORED_AS_REPLACEMENT) for text in texts]


def reference_search(store: HistoryStore, text: str) -> list[int]:
    """The plain Python search: rows (newest first) with a text containing ``text``."""
    needle = text.strip().lower()
    return [
        entry.id
        for entry in sorted(store.entries(), key=lambda e: (e.created_at, e.id), reverse=True)
        if not needle or any(needle in found for found in reference_texts(entry))
    ]


@pytest.fixture(params=["fts5", "scan"])
def fts(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each test runs with SQLite's FTS5, and as where SQLite has none."""
    if request.param == "scan":
        monkeypatch.setattr(history_schema, "fts5_available", lambda: False)
    return bool(request.param == "fts5")


def _has_index(path: Path) -> bool:
    db = sqlite3.connect(path)
    try:
        found = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'history_fts'")
        return bool(found.fetchone()[0])
    finally:
        db.close()


def test_fts5_is_here() -> None:
    # The searches of this suite are meant to run both ways; say so if this SQLite lacks it.
    assert history_schema.fts5_available(), f"SQLite {sqlite3.sqlite_version} has no FTS5"


# -- any text finds exactly the rows that hold it ----------------------------------------------

# Quotes and FTS5 syntax; letters whose lower case is longer (İ), contextual (final sigma) or
# odd (dotless i, sharp s, a ligature); what the texts store as U+FFFD; an emoji; line breaks.
_TRICKY = "aAbBzZ \"'*()^:-+.,ÄäİiıΣσςßẞﬁ\x00\x1f\ufffd\ufffe\U0001f600\n\t"  # noqa: RUF001
_WORDS = ("AND", "OR", "NOT", "NEAR", "NEAR(a b, 2)", "*", '"', '""', "'", "^", "a*", "{a}:")
_texts = st.text(st.sampled_from(_TRICKY) | st.characters(), max_size=12)
_steps = st.sampled_from(["ready", "running", "done", "error", "cancel", "Running ", "weird"])


@st.composite
def _rows(draw: st.DrawFn) -> list[dict[str, object]]:
    return draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "source_name": st.none() | _texts,
                    "body": st.integers(0, 9),
                    "outcome": st.sampled_from(["sending", "failed", "unknown", "submitted"]),
                    "message": _texts,
                    "step": _steps,
                }
            ),
            min_size=1,
            max_size=6,
        )
    )


def _write(store: HistoryStore, rows: list[dict[str, object]]) -> None:
    for number, row in enumerate(rows):
        name = row["source_name"]
        entry = store.add_submission(
            make_body(int(str(row["body"]))),
            source_name=None if name is None else str(name),
            source_duration_ms=None,
        )
        message = str(row["message"])
        if row["outcome"] == "failed":
            store.mark_failed(entry.id, message)
        elif row["outcome"] == "unknown":
            store.mark_unknown(entry.id, message)
        elif row["outcome"] == "submitted":
            store.mark_submitted(entry.id, tid=f"Task-{number}", in_vid=None, out_vid=None)
            store.update_task(entry.id, step=str(row["step"]), progress=None, message=message)


@st.composite
def _needle(draw: st.DrawFn, rows: list[dict[str, object]]) -> str:
    """Any text, FTS5 syntax, or a piece of a row's text (in another case, with spaces)."""
    pieces = [
        *(str(row["source_name"] or "") for row in rows),
        *(str(row["message"]) for row in rows),
        *(str(row["source_name"] or "") + "." + str(row["message"]) for row in rows),
        *("task-1", "submitting…", "unknown — check on server", "running", "done", "failed"),
        *("cancelled", "weird", "1920 × 1080", "preview", "full", "person", "animation"),
    ]
    piece = draw(st.sampled_from(pieces))
    start = draw(st.integers(0, len(piece)))
    part = piece[start : draw(st.integers(start, len(piece)))]
    return draw(
        st.one_of(
            _texts,
            st.sampled_from(_WORDS),
            st.lists(st.sampled_from(_WORDS) | _texts, max_size=4).map(" ".join),
            st.sampled_from([part, part.upper(), f"  {part}\t", f'"{part}"']),
        )
    )


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_text_finds_exactly_the_rows_that_contain_it(fts: bool, data: st.DataObject) -> None:
    rows = data.draw(_rows())
    with (
        tempfile.TemporaryDirectory(prefix="kokoon-search-") as folder,
        HistoryStore(Path(folder) / "h.sqlite3", clock=Clock()) as store,
    ):
        _write(store, rows)
        every = [entry.id for entry in store.entries()]
        for _ in range(4):
            needle = data.draw(_needle(rows))
            expected = reference_search(store, needle)
            assert store.ids(text=needle) == expected, needle
            assert store.matching(needle, every) == set(expected), needle
            assert store.search(needle) == (None if not needle.strip() else set(expected))
            assert store.search_aside(needle).ids() == store.search(needle), needle


def test_a_search_ignores_case_and_surrounding_space(tmp_path: Path, fts: bool) -> None:
    with HistoryStore(tmp_path / "h.sqlite3", clock=Clock()) as store:
        harbour = store.add_submission(
            make_body(1), source_name="Harbour ÉTÉ.mov", source_duration_ms=None
        )
        store.add_submission(make_body(2), source_name="forest.mov", source_duration_ms=None)
        assert store.ids(text="  harbour été  ") == [harbour.id]
        assert store.ids(text="HA") == [harbour.id]  # short: scanned
        assert store.ids(text="été.mov") == [harbour.id]
        assert store.ids(text="harbour.mov") == []  # not what the name says
        assert store.ids(text="mov\x1fforest") == []  # never across two texts
        assert len(store.ids(text=" ")) == 2  # blank: everything
        assert store.ids(text="\ud800") == []


KOREAN = {
    ("HistoryState", "Done"): "완료",
    ("HistoryState", "Failed"): "실패",
    ("TaskForm", "Animation"): "애니메이션",
    ("HistoryTableModel", "Preview"): "미리보기",
}


@pytest.fixture
def korean() -> Iterator[None]:
    """A window in Korean has installed its translator."""
    i18n.set_translator(lambda context, text: KOREAN.get((context, text), text))
    yield
    i18n.set_translator(None)


def test_a_state_category_or_kind_is_found_by_its_word_in_the_users_language(
    tmp_path: Path, fts: bool, korean: None
) -> None:
    with HistoryStore(tmp_path / "h.sqlite3", clock=Clock()) as store:
        done = store.add_submission(make_body(0), source_name="a.mov", source_duration_ms=None)
        store.mark_submitted(done.id, tid="t-1", in_vid=None, out_vid=None)
        store.update_task(done.id, step="done", progress=None, message=None)
        animation = store.add_submission(make_body(1), source_name="b.mov", source_duration_ms=None)
        store.mark_failed(animation.id, "Nope")
        preview = store.add_submission(make_body(3), source_name="c.mov", source_duration_ms=None)
        named = store.add_submission(
            make_body(5), source_name="완료된 컷.mov", source_duration_ms=None
        )
        assert set(store.ids(text="완료")) == {done.id, named.id}  # the state, and a name
        assert store.ids(text="실패") == [animation.id]
        assert store.ids(text="애니") == [animation.id]  # category "animation"
        assert store.ids(text="미리보기") == [preview.id]  # kind "preview"
        assert store.ids(text="done") == [done.id]  # the stored English still finds it
        every = [done.id, animation.id, preview.id, named.id]
        assert store.matching("완료", every) == {done.id, named.id}
        assert store.search_aside("완료").ids() == {done.id, named.id}


# -- older files -----------------------------------------------------------------------------------


def _version_2_file(path: Path) -> None:
    """A history as version 2 of the app left it: finished, failed and account rows."""
    db = sqlite3.connect(path, isolation_level=None)
    history_schema.migrate(db, history_schema.MIGRATIONS[:2])
    rows = [
        ("submitted", '{"vid":"v-1","category":"person","task_type":"SR","width":1920,'
         '"height":1080}', "harbour.mov", "t-1", "done", "success", None, "v-1", "SR", "person",
         1920, 1080),
        ("failed", '{"vid":"v-2","category":"cg","task_type":"SR_PREVIEW","width":640,'
         '"height":360}', "Forest Été.MOV", None, None, "Insufficient credit", None, "v-2",
         "SR_PREVIEW", "cg", 640, 360),
        ("submitted", '{"task_type":"SR","vid":"v-3"}', "from-cli.mp4", "t-3", "running", None,
         "account", "v-3", "SR", None, None, None),
        ("unknown", '{"vid":"v-4","category":["odd"],"width":1280,"height":720}', None, None,
         None, "The connection broke off.", None, "v-4", None, None, 1280, 720),
    ]  # fmt: skip
    for number, row in enumerate(rows):
        stamp = f"2026-01-0{number + 1}T00:00:00.000000+00:00"
        db.execute(
            "INSERT INTO history (created_at, updated_at, state, request_body, source_name, tid, "
            "step, message, origin, vid, task_type, category, width, height) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (stamp, stamp, *row),
        )
    db.close()


def test_a_version_2_file_is_upgraded_in_place_and_found_by_search(
    tmp_path: Path, fts: bool
) -> None:
    path = tmp_path / "old.sqlite3"
    _version_2_file(path)
    with HistoryStore(path) as store:
        assert len(store.entries()) == 4
        needles = ("harbour", "été", "forest été.mov", "credit", "done", "account", "t-3",
                   "check on server", "preview", "640 × 360", "v-", "running", "zz")  # fmt: skip
        for needle in needles:
            assert store.ids(text=needle) == reference_search(store, needle), needle
        found = [store.get(row_id) for row_id in store.ids(text="ÉTÉ")]
        assert [entry.source_name for entry in found if entry] == ["Forest Été.MOV"]
    db = sqlite3.connect(path)
    try:
        assert history_schema.user_version(db) == history_schema.SCHEMA_VERSION
    finally:
        db.close()
    assert _has_index(path) == fts


def test_a_file_made_without_fts5_gets_its_index_where_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.sqlite3"
    monkeypatch.setattr(history_schema, "fts5_available", lambda: False)
    with HistoryStore(path) as store:
        entry = store.add_submission(make_body(), source_name="harbour.mov", source_duration_ms=1)
        assert store.ids(text="harbour") == [entry.id]
    assert not _has_index(path)
    monkeypatch.undo()
    with HistoryStore(path) as store:
        assert store.ids(text="harbour") == [entry.id]
    db = sqlite3.connect(path)
    try:
        found = db.execute("SELECT rowid FROM history_fts WHERE history_fts MATCH '\"harb\"'")
        assert found.fetchall() == [(entry.id,)]
    finally:
        db.close()


def test_a_file_written_without_fts5_meanwhile_has_its_index_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as store:
        kept = store.add_submission(make_body(1), source_name="kept.mov", source_duration_ms=1)
        failed = store.add_submission(make_body(2), source_name="gone.mov", source_duration_ms=1)
        store.mark_failed(failed.id, "refused")
    # Another Python, whose SQLite has no FTS5, writes to the file: the index falls behind.
    monkeypatch.setattr(history_schema, "fts5_available", lambda: False)
    with HistoryStore(path) as store:
        store.remove(failed.id)
        store.mark_failed(kept.id, "credit ran out")
        new = store.add_submission(make_body(3), source_name="new.mov", source_duration_ms=1)
        assert store.ids(text="credit ran") == [kept.id]
    monkeypatch.undo()
    with HistoryStore(path) as store:
        assert store.ids(text="credit ran") == [kept.id]
        assert store.ids(text="new.mov") == [new.id]
        assert store.ids(text="gone") == []
        assert store.ids(text=".mov") == [new.id, kept.id]


def test_reindex_reads_rows_changed_behind_the_stores_back(tmp_path: Path, fts: bool) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as store:
        ids = [
            store.add_submission(make_body(i), source_name=None, source_duration_ms=None).id
            for i in range(3)
        ]
        db = sqlite3.connect(path)
        with db:
            db.execute("UPDATE history SET state = 'submitted', tid = 'x' || id, step = 'done'")
        db.close()
        assert store.ids(text="done") == []
        store.reindex()
        assert store.ids(text="done") == ids[::-1] == reference_search(store, "done")
        assert store.ids(text="x2") == [ids[1]]


# -- sorting ---------------------------------------------------------------------------------------


@pytest.fixture
def varied(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "h.sqlite3", clock=Clock()) as store:
        for index in range(12):
            body = make_body(index % 5)
            body["start_pos"] = (index % 3) * 1000
            body["duration"] = (index % 4) * 500 if index % 3 else 0
            entry = store.add_submission(
                body, source_name=f"Clip{index % 4}.mov" if index % 6 else None,
                source_duration_ms=None,
            )  # fmt: skip
            if index % 4:
                store.mark_submitted(entry.id, tid=f"T{11 - index:02d}", in_vid=None, out_vid=None)
                store.update_task(
                    entry.id, step=("running", "done", "error")[index % 3],
                    progress=0.5 if index % 3 == 0 else None, message=None,
                )  # fmt: skip
        yield store


@pytest.mark.parametrize("order", list(HistoryOrder))
def test_every_order_sorts_every_row_both_ways(varied: HistoryStore, order: HistoryOrder) -> None:
    ascending = varied.ids(order, descending=False)
    assert sorted(ascending) == sorted(e.id for e in varied.entries())
    assert varied.ids(order, descending=True) == ascending[::-1]
    assert varied.ids(order, text="clip1", descending=False) == [
        i for i in ascending if i in set(varied.ids(text="clip1"))
    ]


def test_orders_follow_what_the_columns_say(varied: HistoryStore) -> None:
    entries = {entry.id: entry for entry in varied.entries()}

    def by(key: object) -> list[int]:
        return sorted(entries, key=lambda i: (key(entries[i]), i))  # type: ignore[operator]

    assert varied.ids(HistoryOrder.CREATED, descending=False) == by(lambda e: e.created_at)
    assert varied.ids(HistoryOrder.STATE, descending=False) == by(
        lambda e: state_label(e.state.value, e.step).lower()
    )
    assert varied.ids(HistoryOrder.SOURCE, descending=False) == by(
        lambda e: (e.source_name or e.vid).lower()
    )
    assert varied.ids(HistoryOrder.TID, descending=False) == by(lambda e: e.tid or "")
    assert varied.ids(HistoryOrder.PROGRESS, descending=False) == by(
        lambda e: 1.0 if e.step == "done" else e.progress or 0.0
    )
    assert varied.ids(HistoryOrder.RANGE, descending=False) == by(
        lambda e: (e.start_pos == 0 == e.duration, e.start_pos, e.duration == 0, e.duration)
    )


# -- what the window asks ----------------------------------------------------------------------


def test_counting_and_reading_pages(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        assert (store.last_id(), store.ids()) == (0, [])
        ids = [
            store.add_submission(make_body(i), source_name=None, source_duration_ms=None).id
            for i in range(3)
        ]
        store.mark_failed(ids[2], "no")
        store.remove(ids[2])
        assert (store.ids(), store.last_id()) == (ids[1::-1], ids[2])  # ids are never reused
        read = store.get_many([ids[0], ids[2], ids[1]])
        assert sorted(entry.id for entry in read) == ids[:2]
        assert read == [store.get(entry.id) for entry in read]


def test_results_about_to_expire(tmp_path: Path) -> None:
    now = datetime(2026, 5, 1, 12, tzinfo=UTC)
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        expiries = {
            "soon Z": "2026-05-02T12:00:00Z",
            "soon offset": "2026-05-01T14:00:00.500+02:00",
            "later": "2026-05-04T12:00:00Z",
            "past": "2026-05-01T11:59:59Z",
            "downloaded": "2026-05-02T00:00:00Z",
            "not done": "2026-05-02T00:00:00Z",
        }
        ids = {}
        for number, (name, expires) in enumerate(expiries.items()):
            entry = store.add_submission(make_body(), source_name=name, source_duration_ms=None)
            store.mark_submitted(entry.id, tid=f"t{number}", in_vid=None, out_vid="o")
            step = "running" if name == "not done" else "done"
            store.update_task(entry.id, step=step, progress=None, message=None)
            store.set_expiry(entry.id, expires)
            if name == "downloaded":
                store.set_result(entry.id, ResultState.DOWNLOADED, path="/r.mp4")
            ids[name] = entry.id
        found = store.results_expiring(now, now + timedelta(days=2))
        assert [entry.source_name for entry in found] == ["soon offset", "soon Z"]
        assert all(entry.state is SubmissionState.SUBMITTED for entry in found)
        with pytest.raises(ValueError, match="aware"):
            store.results_expiring(now.replace(tzinfo=None), now)
