"""What the history keeps of results (schema 2): the download's state, the service's times and
expiry, the source facts for the sidecar, and the memory of removed tasks; and a version 1 file
opened by this version keeps every row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kokoon_desktop.storage import history_schema
from kokoon_desktop.storage.history import (
    HistoryEntry,
    HistoryStore,
    ResultState,
    TaskTimes,
    TransitionError,
)
from tests.storage.test_history import make_body

TID = "7ebbf920-b9ed-11ee-8fa6-17cde62e8e05"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened


def done(store: HistoryStore, tid: str = TID) -> HistoryEntry:
    entry = store.add_submission(
        make_body(),
        source_name="clip.mov",
        source_duration_ms=3000,
        source_path="/footage/clip.mov",
        source_fps="30000/1001",
        credits="12.5",
    )
    store.mark_submitted(entry.id, tid=tid, in_vid=None, out_vid="out")
    return store.update_task(entry.id, step="done", progress=None, message=None)


def test_source_facts_are_kept_for_the_sidecar(store: HistoryStore) -> None:
    entry = done(store)
    assert (entry.source_path, entry.source_fps, entry.credits) == (
        "/footage/clip.mov",
        "30000/1001",
        "12.5",
    )
    assert entry.origin is None and not entry.from_account


def test_a_download_moves_through_its_states(store: HistoryStore) -> None:
    entry = done(store)
    assert entry.result_state is None
    queued = store.set_result(entry.id, ResultState.QUEUED, path=None)
    assert queued.result_state is ResultState.QUEUED
    going = store.set_result(entry.id, ResultState.DOWNLOADING, path="/out/a.mp4")
    assert (going.result_state, going.result_path) == (ResultState.DOWNLOADING, "/out/a.mp4")
    assert store.with_results(ResultState.QUEUED, ResultState.DOWNLOADING) == [going]
    finished = store.set_result(entry.id, ResultState.DOWNLOADED, path="/out/a.mp4", size=42)
    assert (finished.result_state, finished.result_bytes) == (ResultState.DOWNLOADED, 42)
    assert store.with_results(ResultState.DOWNLOADING) == []
    assert store.get(entry.id) == finished


def test_only_a_task_known_on_the_server_has_a_result(store: HistoryStore) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    with pytest.raises(TransitionError):
        store.set_result(entry.id, ResultState.QUEUED, path=None)


def test_the_services_times_and_expiry_are_recorded(store: HistoryStore) -> None:
    entry = done(store)
    times = TaskTimes("2026-01-01T10:00:00.000Z", "2026-01-01T10:01:00.000Z", None)
    timed = store.update_task(entry.id, step="done", progress=None, message=None, times=times)
    assert (timed.request_time, timed.start_time, timed.finish_time) == (
        "2026-01-01T10:00:00.000Z",
        "2026-01-01T10:01:00.000Z",
        None,
    )
    # A poll that does not send a time keeps the one known.
    again = store.update_task(entry.id, step="done", progress=None, message=None)
    assert again.start_time == "2026-01-01T10:01:00.000Z"
    assert again.updated_at == timed.updated_at  # nothing changed: nothing written
    expiring = store.set_expiry(entry.id, "2026-01-15T10:01:00.000Z")
    assert expiring.expires is not None and expiring.expires.day == 15


def test_a_removed_tasks_id_is_remembered(store: HistoryStore) -> None:
    entry = done(store)
    store.remove(entry.id)
    assert store.removed_tids() == {TID}
    assert store.get(entry.id) is None


def test_sync_marks_are_kept(store: HistoryStore) -> None:
    assert store.sync_mark("newest") is None
    store.set_sync_mark("newest", "a")
    store.set_sync_mark("newest", "b")
    assert store.sync_mark("newest") == "b"


def test_a_version_1_history_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    history_schema.migrate(db, history_schema.MIGRATIONS[:1])  # as version 1 left it
    db.execute(
        "INSERT INTO history (created_at, updated_at, state, request_body, tid, step) "
        "VALUES ('2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 'submitted', "
        "'{\"vid\": \"v\"}', ?, 'done')",
        (TID,),
    )
    db.close()
    with HistoryStore(path) as store:
        (entry,) = store.entries()
    assert (entry.tid, entry.step, entry.vid) == (TID, "done", "v")
    assert entry.result_state is None and entry.is_done
    db = sqlite3.connect(path)
    assert history_schema.user_version(db) == history_schema.SCHEMA_VERSION == 3
    db.close()
