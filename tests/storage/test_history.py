"""The history store: every method's round trip, the state machine, persistence, and files it
must refuse (damaged, foreign, newer) without touching them."""

from __future__ import annotations

import math
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.core.task_spec import AiOptions, TaskSpec
from kokoon_desktop.storage import history as history_module
from kokoon_desktop.storage import history_schema
from kokoon_desktop.storage.history import (
    EntryNotFoundError,
    HistoryEntry,
    HistoryError,
    HistoryStore,
    SubmissionState,
    TransitionError,
)

START = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def make_body(index: int = 0) -> dict[str, object]:
    """A body exactly as ``TaskSpec.to_request_body`` makes it, varied by ``index``."""
    return TaskSpec(
        vid=str(uuid.UUID(int=index + 1)),
        category=list(Category)[index % len(Category)],
        width=1920 + 2 * (index % 7),
        height=1080,
        task_type=TaskType.SR_PREVIEW if index % 4 == 3 else TaskType.SR,
        options=AiOptions(denoise=True),
        start_pos=1000 * index,
        duration=5000,
    ).to_request_body()


class Clock:
    """A clock the test moves: one second per reading."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(path: Path, clock: Clock) -> Iterator[HistoryStore]:
    with HistoryStore(path, clock=clock) as opened:
        yield opened


def _raw(path: Path, sql: str) -> list[Any]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


# -- round trips -------------------------------------------------------------------------------


def test_add_submission_is_written_as_submitting(store: HistoryStore, clock: Clock) -> None:
    body = make_body(3)
    entry = store.add_submission(body, source_name="interview.mov", source_duration_ms=90_000)
    assert entry.state is SubmissionState.SUBMITTING
    assert entry.created_at == entry.updated_at == clock.now
    assert entry.created_at.tzinfo is not None and entry.created_at.utcoffset() == timedelta(0)
    assert entry.request_body == body
    assert (entry.source_name, entry.source_duration_ms) == ("interview.mov", 90_000)
    assert (entry.tid, entry.in_vid, entry.out_vid, entry.step, entry.progress) == (None,) * 5
    assert entry.message is None
    assert not entry.is_active and not entry.is_finished
    assert store.get(entry.id) == entry
    assert store.interrupted() == [entry]


def test_derived_fields_come_from_the_body(store: HistoryStore) -> None:
    body = make_body(3)
    entry = store.add_submission(body, source_name=None, source_duration_ms=None)
    for loaded in (entry, store.get(entry.id)):
        assert loaded is not None
        assert loaded.vid == body["vid"]
        assert loaded.task_type == "SR_PREVIEW" == body["task_type"]
        assert loaded.category == body["category"]
        assert (loaded.start_pos, loaded.duration) == (3000, 5000)
        assert (loaded.width, loaded.height) == (1926, 1080)
    plain = HistoryEntry(1, START, START, SubmissionState.FAILED, body, None, None)
    assert (plain.vid, plain.width, plain.category) == (body["vid"], 1926, body["category"])
    odd = HistoryEntry(1, START, START, SubmissionState.FAILED, {"width": "wide"}, None, None)
    assert (odd.vid, odd.width, odd.task_type) == ("", 0, "")


def test_the_whole_body_is_kept_exactly(store: HistoryStore) -> None:
    body: dict[str, Any] = {
        **make_body(1),
        "width": True,  # not an int: the summary column stays NULL, the JSON answers
        "vid": ["not", "a", "string"],
        "extra": {"nested": [1, 2.5, None, "é", "\udcff"]},
        "huge": 2**80,
    }
    entry = store.add_submission(body, source_name=None, source_duration_ms=None)
    loaded = store.get(entry.id)
    assert loaded is not None
    assert loaded.request_body["width"] is True
    assert loaded.request_body["vid"] == ["not", "a", "string"]
    assert dict(loaded.request_body) == body
    assert list(loaded.request_body) == list(body)  # key order too
    assert (loaded.width, loaded.vid) == (0, "")


def test_a_stored_body_can_be_resubmitted_as_it_is(store: HistoryStore) -> None:
    first = store.add_submission(make_body(5), source_name=None, source_duration_ms=None)
    again = store.add_submission(first.request_body, source_name=None, source_duration_ms=None)
    assert again.request_body == first.request_body == make_body(5)


def test_a_body_that_is_not_json_is_refused_and_nothing_written(store: HistoryStore) -> None:
    for bad in ({"when": datetime.now(UTC)}, {"x": math.nan}, {("a", "b"): "key"}):
        with pytest.raises(ValueError, match="cannot be stored as JSON"):
            store.add_submission(bad, source_name=None, source_duration_ms=None)
    with pytest.raises(ValueError, match="milliseconds"):
        store.add_submission(make_body(), source_name=None, source_duration_ms=-1)
    assert store.entries() == []


def test_text_sqlite_cannot_hold_is_made_readable(store: HistoryStore) -> None:
    # A Linux file name that is not UTF-8, and a server message with an escaped lone surrogate.
    entry = store.add_submission(make_body(), source_name="clip-\udce9.mov", source_duration_ms=1)
    assert entry.source_name == "clip-\ufffd.mov"
    failed = store.mark_failed(entry.id, "bad \ud800 input")
    assert failed.message == "bad \ufffd input"


def test_mark_submitted_then_task_updates(store: HistoryStore, clock: Clock) -> None:
    entry = store.add_submission(make_body(), source_name="a.mov", source_duration_ms=1000)
    submitted = store.mark_submitted(entry.id, tid="t-1", in_vid="in-1", out_vid="out-1")
    assert submitted.state is SubmissionState.SUBMITTED
    assert (submitted.tid, submitted.in_vid, submitted.out_vid) == ("t-1", "in-1", "out-1")
    assert submitted.created_at == entry.created_at
    assert submitted.updated_at == clock.now > entry.updated_at
    assert submitted.is_active and not submitted.is_finished
    assert store.active() == [submitted]
    assert store.by_tid("t-1") == submitted and store.by_tid("t-2") is None

    running = store.update_task(entry.id, step="running", progress=0.25, message=None)
    assert (running.step, running.progress, running.message) == ("running", 0.25, None)
    assert running.is_active and store.active() == [running]

    done = store.update_task(entry.id, step="done", progress=None, message="finished in 2 min")
    assert (done.step, done.progress, done.message) == ("done", None, "finished in 2 min")
    assert done.is_finished and not done.is_active
    assert store.active() == []
    assert store.get(entry.id) == done


def test_a_poll_that_changes_nothing_writes_nothing(store: HistoryStore) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    store.mark_submitted(entry.id, tid="t", in_vid=None, out_vid=None)
    first = store.update_task(entry.id, step="running", progress=0.5, message=None)
    again = store.update_task(entry.id, step="running", progress=0.5, message=None)
    assert again == first and again.updated_at == first.updated_at
    later = store.update_task(entry.id, step="running", progress=0.75, message=None)
    assert later.updated_at > first.updated_at and later.progress == 0.75


@pytest.mark.parametrize(
    ("step", "active"),
    [
        ("ready", True),
        ("preparing", True),
        ("running", True),
        ("unknown", True),  # an anomaly to poll through, not an end
        ("something-new", True),
        ("done", False),
        ("error", False),
        ("cancel", False),
        (" DONE\n", False),
        ("Cancel", False),
    ],
)
def test_active_follows_the_step(store: HistoryStore, step: str, active: bool) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    store.mark_submitted(entry.id, tid="t", in_vid=None, out_vid=None)
    updated = store.update_task(entry.id, step=step, progress=None, message=None)
    assert updated.is_active is active
    assert updated.is_finished is not active
    assert [e.id for e in store.active()] == ([entry.id] if active else [])


def test_failed_is_finished_unknown_is_neither(store: HistoryStore) -> None:
    a = store.add_submission(make_body(1), source_name=None, source_duration_ms=None)
    b = store.add_submission(make_body(2), source_name=None, source_duration_ms=None)
    failed = store.mark_failed(a.id, "Insufficient credit: 120 needed, 40 left")
    unknown = store.mark_unknown(b.id, "The connection dropped after sending")
    assert failed.is_finished and not failed.is_active
    assert failed.message == "Insufficient credit: 120 needed, 40 left"
    assert not unknown.is_finished and not unknown.is_active
    assert store.by_state(SubmissionState.FAILED) == [failed]
    assert store.by_state(SubmissionState.UNKNOWN) == [unknown]
    assert store.interrupted() == []


def test_unknown_is_resolved_by_checking_on_the_server(store: HistoryStore) -> None:
    a = store.add_submission(make_body(1), source_name=None, source_duration_ms=None)
    b = store.add_submission(make_body(2), source_name=None, source_duration_ms=None)
    store.mark_unknown(a.id, "timed out")
    store.mark_unknown(a.id, "still cannot reach the service")  # a second check failed too
    assert store.get(a.id).message == "still cannot reach the service"  # type: ignore[union-attr]
    found = store.mark_submitted(a.id, tid="t-a", in_vid="i", out_vid="o")
    assert found.state is SubmissionState.SUBMITTED and found.message is None
    store.mark_unknown(b.id, "timed out")
    gone = store.mark_failed(b.id, "not found on the server: it was not created")
    assert gone.state is SubmissionState.FAILED


def test_repeating_mark_submitted_fills_in_and_never_switches_task(store: HistoryStore) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    store.mark_submitted(entry.id, tid="t-1", in_vid="in", out_vid=None)
    again = store.mark_submitted(entry.id, tid="t-1", in_vid=None, out_vid="out")
    assert (again.tid, again.in_vid, again.out_vid) == ("t-1", "in", "out")
    store.update_task(entry.id, step="running", progress=0.5, message=None)
    assert store.mark_submitted(entry.id, tid="t-1", in_vid=None, out_vid=None).step == "running"
    with pytest.raises(TransitionError, match="already submitted as task t-1"):
        store.mark_submitted(entry.id, tid="t-2", in_vid=None, out_vid=None)
    with pytest.raises(ValueError, match="task ID"):
        store.mark_submitted(entry.id, tid="  ", in_vid=None, out_vid=None)


def test_one_server_task_is_never_recorded_twice(store: HistoryStore) -> None:
    a = store.add_submission(make_body(1), source_name=None, source_duration_ms=None)
    b = store.add_submission(make_body(1), source_name=None, source_duration_ms=None)
    store.mark_submitted(a.id, tid="t-same", in_vid=None, out_vid=None)
    store.mark_unknown(b.id, "dropped")
    with pytest.raises(TransitionError, match=f"already recorded as entry #{a.id}"):
        store.mark_submitted(b.id, tid="t-same", in_vid=None, out_vid=None)
    assert store.get(b.id).state is SubmissionState.UNKNOWN  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("setup", "action", "reason"),
    [
        ("failed", "mark_failed", "already failed"),
        ("failed", "mark_unknown", "already failed"),
        ("failed", "mark_submitted", "already failed"),
        ("failed", "update_task", "already failed"),
        ("submitted", "mark_failed", "already submitted"),
        ("submitted", "mark_unknown", "already submitted"),
        ("submitting", "update_task", "still being sent"),
        ("unknown", "update_task", "not known yet"),
    ],
)
def test_transitions_that_do_not_follow_are_refused(
    store: HistoryStore, setup: str, action: str, reason: str
) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    if setup == "failed":
        store.mark_failed(entry.id, "refused")
    elif setup == "submitted":
        store.mark_submitted(entry.id, tid="t", in_vid=None, out_vid=None)
    elif setup == "unknown":
        store.mark_unknown(entry.id, "dropped")
    before = store.get(entry.id)
    calls = {
        "mark_failed": lambda: store.mark_failed(entry.id, "x"),
        "mark_unknown": lambda: store.mark_unknown(entry.id, "x"),
        "mark_submitted": lambda: store.mark_submitted(
            entry.id, tid="t2", in_vid=None, out_vid=None
        ),
        "update_task": lambda: store.update_task(
            entry.id, step="done", progress=None, message=None
        ),
    }
    with pytest.raises(TransitionError, match=reason):
        calls[action]()
    assert store.get(entry.id) == before


def test_progress_must_be_a_fraction(store: HistoryStore) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    store.mark_submitted(entry.id, tid="t", in_vid=None, out_vid=None)
    for bad in (1.5, -0.01, math.nan, math.inf, 255, True, "0.5"):
        with pytest.raises(ValueError, match="fraction"):
            store.update_task(entry.id, step="running", progress=bad, message=None)  # type: ignore[arg-type]
    whole = store.update_task(entry.id, step="running", progress=1, message=None)
    assert whole.progress == 1.0 and isinstance(whole.progress, float)


def test_changes_to_a_removed_row_say_so(store: HistoryStore) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    store.mark_failed(entry.id, "refused")
    store.remove(entry.id)
    assert store.get(entry.id) is None
    with pytest.raises(EntryNotFoundError, match=f"#{entry.id} is no longer in the history"):
        store.mark_unknown(entry.id, "x")
    store.remove(entry.id)  # already gone: nothing to do


def test_remove_refuses_a_row_still_being_sent(store: HistoryStore) -> None:
    entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    with pytest.raises(TransitionError, match="still being sent"):
        store.remove(entry.id)
    assert store.get(entry.id) == entry
    store.mark_submitted(entry.id, tid="t", in_vid=None, out_vid=None)
    store.remove(entry.id)  # the task lives on, on the server; the user chose to forget it
    assert store.entries() == []


def test_ids_of_removed_rows_are_never_reused(store: HistoryStore, path: Path) -> None:
    first = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    store.mark_failed(first.id, "refused")
    store.remove(first.id)
    store.close()
    with HistoryStore(path) as reopened:
        second = reopened.add_submission(make_body(), source_name=None, source_duration_ms=None)
    assert second.id > first.id


def test_queries_are_newest_first(store: HistoryStore) -> None:
    ids = [
        store.add_submission(make_body(i), source_name=None, source_duration_ms=None).id
        for i in range(6)
    ]
    for index, entry_id in enumerate(ids):
        if index % 2:
            store.mark_submitted(entry_id, tid=f"t{index}", in_vid=None, out_vid=None)
    assert [e.id for e in store.entries()] == ids[::-1]
    assert [e.id for e in store.by_state(SubmissionState.SUBMITTED)] == ids[1::2][::-1]
    assert [e.id for e in store.active()] == ids[1::2][::-1]
    assert [e.id for e in store.interrupted()] == ids[0::2][::-1]
    assert [e.id for e in store.by_state("submitting")] == ids[0::2][::-1]  # type: ignore[arg-type]


def test_order_is_the_order_written_even_if_the_clock_goes_back(path: Path) -> None:
    times = iter([START, START - timedelta(hours=1), START - timedelta(hours=2)])
    with HistoryStore(path, clock=lambda: next(times)) as store:
        ids = [
            store.add_submission(make_body(i), source_name=None, source_duration_ms=None).id
            for i in range(3)
        ]
        assert [e.id for e in store.entries()] == ids[::-1]


def test_timestamps_are_stored_as_utc_iso_8601(path: Path) -> None:
    paris = timezone(timedelta(hours=2))
    with HistoryStore(path, clock=lambda: datetime(2026, 6, 1, 14, 30, tzinfo=paris)) as store:
        entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
        assert entry.created_at == datetime(2026, 6, 1, 12, 30, tzinfo=UTC)
        assert entry.created_at.utcoffset() == timedelta(0)
    assert _raw(path, "SELECT created_at, updated_at FROM history") == [
        ("2026-06-01T12:30:00.000000+00:00", "2026-06-01T12:30:00.000000+00:00")
    ]
    with (
        HistoryStore(path, clock=lambda: datetime(2026, 6, 1)) as naive,
        pytest.raises(ValueError, match="aware"),
    ):
        naive.add_submission(make_body(), source_name=None, source_duration_ms=None)


# -- persistence, closing ----------------------------------------------------------------------


def test_everything_survives_close_and_reopen(path: Path) -> None:
    with HistoryStore(path) as store:
        a = store.add_submission(make_body(1), source_name="a.mov", source_duration_ms=5)
        b = store.add_submission(make_body(2), source_name="b.mov", source_duration_ms=None)
        c = store.add_submission(make_body(3), source_name=None, source_duration_ms=7)
        store.mark_submitted(a.id, tid="t-a", in_vid="in-a", out_vid="out-a")
        store.update_task(a.id, step="running", progress=0.5, message="half")
        store.mark_unknown(b.id, "dropped")
        store.mark_failed(c.id, "Validation: width must be even")
        before = store.entries()
    with HistoryStore(path) as store:
        after = store.entries()
        assert after == before
        assert [dict(e.request_body) for e in after] == [make_body(3), make_body(2), make_body(1)]
        assert store.active() == [after[2]]


def test_a_closed_store_says_so(path: Path) -> None:
    store = HistoryStore(path)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(HistoryError, match="closed"):
        store.entries()
    with pytest.raises(HistoryError, match="closed"):
        store.add_submission(make_body(), source_name=None, source_duration_ms=None)


def test_the_file_is_wal_with_the_current_schema(store: HistoryStore, path: Path) -> None:
    store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    assert _raw(path, "PRAGMA journal_mode") == [("wal",)]
    assert _raw(path, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]
    assert _raw(path, "PRAGMA application_id") == [(history_schema.APPLICATION_ID,)]
    indexes = {row[0] for row in _raw(path, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"history_state", "history_created_at", "history_tid"} <= indexes
    assert _raw(path, "PRAGMA integrity_check") == [("ok",)]


def test_two_stores_on_one_file_see_each_others_writes(path: Path) -> None:
    with HistoryStore(path) as one, HistoryStore(path) as two:
        a = one.add_submission(make_body(1), source_name=None, source_duration_ms=None)
        b = two.add_submission(make_body(2), source_name=None, source_duration_ms=None)
        two.mark_submitted(a.id, tid="t-a", in_vid=None, out_vid=None)
        assert [e.id for e in one.entries()] == [b.id, a.id]
        assert one.get(a.id).tid == "t-a"  # type: ignore[union-attr]


def test_a_write_locked_too_long_by_another_process_is_reported(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_module, "BUSY_TIMEOUT_S", 0.05)
    with HistoryStore(path) as store:
        entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
        other = sqlite3.connect(path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(HistoryError, match="busy"):
                store.mark_failed(entry.id, "x")
            assert store.entries() == [entry]  # readers are not blocked by a writer (WAL)
            other.execute("ROLLBACK")
        finally:
            other.close()
        assert store.mark_failed(entry.id, "x").state is SubmissionState.FAILED


def test_a_rival_creating_the_schema_during_the_check_is_seen_whole(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process creates the schema between the opening check's two reads (the version,
    # then the tables): a version-0 file with tables would look like another program's.
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    read_version = history_schema.user_version
    rival_errors: list[BaseException] = []

    def rival() -> None:
        try:
            HistoryStore(path).close()
        except BaseException as exc:
            rival_errors.append(exc)

    rival_thread = threading.Thread(target=rival)

    def version_then_rival(db: sqlite3.Connection) -> int:
        version = read_version(db)
        if rival_thread.ident is None:  # the first read only: ours
            rival_thread.start()
            rival_thread.join(timeout=0.5)  # as long as the rival is let run
        return version

    monkeypatch.setattr(history_schema, "user_version", version_then_rival)
    with HistoryStore(path) as store:
        assert store.entries() == []
    rival_thread.join()
    assert rival_errors == []


def test_opening_waits_for_a_reader_of_a_new_file(path: Path) -> None:
    path.parent.mkdir(parents=True)
    sqlite3.connect(path).close()
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchall()  # holds a read lock
        release = threading.Timer(0.2, lambda: reader.execute("ROLLBACK"))
        release.start()
        with HistoryStore(path) as store:
            assert store.entries() == []
        release.join()
    finally:
        reader.close()
    assert _raw(path, "PRAGMA journal_mode") == [("wal",)]


class _SwitchLockedTwice(sqlite3.Connection):
    """Answers "locked" to the first two WAL switches, as SQLite does, without waiting, when
    two processes switch a new file at once (one would deadlock waiting for the other)."""

    refusals = 2

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if "journal_mode = WAL" in sql and _SwitchLockedTwice.refusals:
            _SwitchLockedTwice.refusals -= 1
            raise sqlite3.OperationalError("database is locked")
        return super().execute(sql, *args)


def test_switching_to_wal_is_retried_when_locked(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_SwitchLockedTwice, "refusals", 2)
    connect = sqlite3.connect
    monkeypatch.setattr(
        history_module.sqlite3,
        "connect",
        lambda *args, **kwargs: connect(*args, **kwargs, factory=_SwitchLockedTwice),
    )
    with HistoryStore(path) as store:
        store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    assert _SwitchLockedTwice.refusals == 0
    assert _raw(path, "PRAGMA journal_mode") == [("wal",)]


def test_a_store_made_without_opening_touches_nothing_until_opened(path: Path) -> None:
    # How the app makes it: the file is opened (and on a first start created) after the
    # window is on screen.
    store = HistoryStore(path, open_now=False)
    assert not path.parent.exists()
    with pytest.raises(HistoryError, match="is not open"):
        store.entries()
    store.open()
    store.open()  # a second call changes nothing
    with store:
        store.add_submission(make_body(), source_name=None, source_duration_ms=None)
        assert len(store.entries()) == 1
    assert _raw(path, "PRAGMA journal_mode") == [("wal",)]


# -- files it must refuse ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"this is a text file, not a database\n" * 40,
        bytes(range(256)) * 64,
        b"SQLite format 3\x00" + b"\xff" * 4000,  # the right magic, a damaged header
    ],
)
def test_a_file_that_is_not_a_history_is_refused_untouched(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(HistoryError, match="damaged or is not a history database") as refused:
        HistoryStore(path)
    assert str(path) in str(refused.value)
    assert "Move it elsewhere" in str(refused.value)
    assert path.read_bytes() == content


def test_a_damaged_table_is_reported_on_read(path: Path) -> None:
    with HistoryStore(path) as store:
        for index in range(300):
            store.add_submission(make_body(index), source_name="x" * 200, source_duration_ms=None)
    size = path.stat().st_size
    with path.open("r+b") as file:  # scribble over the table's pages, keep the header
        file.seek(4096 * 3)
        file.write(b"\xa5" * (size - 4096 * 3))
    with pytest.raises(HistoryError, match="damaged"), HistoryStore(path) as store:
        store.entries()


def test_a_folder_in_place_of_the_file_is_refused(path: Path) -> None:
    path.mkdir(parents=True)
    with pytest.raises(HistoryError, match=str(path.name)):
        HistoryStore(path)


def test_a_newer_schema_is_refused_untouched(path: Path) -> None:
    with HistoryStore(path) as store:
        store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = DELETE")  # a rollback-journal file: WAL would rewrite it
    db.execute(f"PRAGMA user_version = {history_schema.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    content = path.read_bytes()
    with pytest.raises(HistoryError, match="newer version of Kokoon Desktop") as refused:
        HistoryStore(path)
    assert f"version {history_schema.SCHEMA_VERSION + 1}" in str(refused.value)
    assert "has not been changed" in str(refused.value)
    assert path.read_bytes() == content
    assert not path.with_name(path.name + "-wal").exists()


def test_another_programs_database_is_refused_untouched(path: Path) -> None:
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()
    content = path.read_bytes()
    with pytest.raises(HistoryError, match="another program"):
        HistoryStore(path)
    assert path.read_bytes() == content

    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 1")  # a versioned file, but not ours
    db.commit()
    db.close()
    with pytest.raises(HistoryError, match="another program"):
        HistoryStore(path)


# -- migrations --------------------------------------------------------------------------------


def test_an_empty_file_is_migrated(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    with HistoryStore(path) as store:
        assert store.entries() == []
    assert _raw(path, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]


def test_a_version_0_database_is_migrated(path: Path) -> None:
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA page_size = 8192")
    db.execute("VACUUM")  # a real, empty database file at user_version 0
    db.close()
    assert path.stat().st_size > 0
    assert _raw(path, "PRAGMA user_version") == [(0,)]
    with HistoryStore(path) as store:
        entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
        assert store.entries() == [entry]
    assert _raw(path, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]


def _v2_add_note(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE history ADD COLUMN note TEXT")
    db.execute("UPDATE history SET note = 'from v1'")


def test_a_later_version_is_one_more_migration(path: Path) -> None:
    with HistoryStore(path) as store:
        entry = store.add_submission(make_body(), source_name=None, source_duration_ms=None)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        version = history_schema.migrate(db, (*history_schema.MIGRATIONS, _v2_add_note))
        assert version == history_schema.SCHEMA_VERSION + 1
        assert db.execute("SELECT id, note FROM history").fetchall() == [(entry.id, "from v1")]
        assert history_schema.user_version(db) == history_schema.SCHEMA_VERSION + 1
    finally:
        db.close()
    with pytest.raises(HistoryError, match="newer version"):  # this version cannot read it
        HistoryStore(path)


def test_a_failing_migration_changes_nothing(path: Path) -> None:
    with HistoryStore(path) as store:
        store.add_submission(make_body(), source_name=None, source_duration_ms=None)

    def v2_half_done(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE history_notes (id INTEGER)")
        raise RuntimeError("disk gone half-way")

    db = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(RuntimeError, match="half-way"):
            history_schema.migrate(db, (*history_schema.MIGRATIONS, v2_half_done))
        assert history_schema.user_version(db) == history_schema.SCHEMA_VERSION
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert "history_notes" not in tables
        assert not db.in_transaction
    finally:
        db.close()
    with HistoryStore(path) as store:
        assert len(store.entries()) == 1


def test_all_migrations_from_zero_run_in_order(path: Path) -> None:
    order: list[str] = []

    def first(db: sqlite3.Connection) -> None:
        order.append("first")
        db.execute("CREATE TABLE t (a INTEGER)")

    def second(db: sqlite3.Connection) -> None:
        order.append("second")
        db.execute("ALTER TABLE t ADD COLUMN b INTEGER")

    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        assert history_schema.migrate(db, (first, second)) == 2
        assert history_schema.migrate(db, (first, second)) == 2  # nothing left to do
    finally:
        db.close()
    assert order == ["first", "second"]


# -- scale and properties ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_history_of_100_000_rows(path: Path) -> None:
    count = 100_000
    with HistoryStore(path) as store:
        body = make_body(7)
        for index in range(count):
            entry = store.add_submission(
                body, source_name=f"clip-{index}.mov", source_duration_ms=index
            )
        store.mark_submitted(entry.id, tid="last", in_vid=None, out_vid=None)
    with HistoryStore(path) as store:
        entries = store.entries()
        assert len(entries) == count
        assert [e.source_duration_ms for e in entries[:3]] == [count - 1, count - 2, count - 3]
        assert entries[-1].source_name == "clip-0.mov"
        assert all(e.width == body["width"] and e.vid == body["vid"] for e in entries)
        assert entries[count // 2].request_body == body
        assert [e.tid for e in store.active()] == ["last"]
        assert len(store.interrupted()) == count - 1


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)
_summary_keys = ("vid", "task_type", "category", "start_pos", "duration", "width", "height")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.dictionaries(
        st.sampled_from(_summary_keys) | st.text(max_size=8), _json_values, max_size=10
    )
)
def test_any_json_body_reads_back_equal_field_by_field(
    store: HistoryStore, body: dict[str, Any]
) -> None:
    entry = store.add_submission(body, source_name=None, source_duration_ms=None)
    fresh = store.get(entry.id)
    assert fresh is not None
    # Fields first, before anything parses the JSON: the columns must agree with it.
    for key in _summary_keys:
        assert (key in fresh.request_body) == (key in body)
        if key in body:
            assert fresh.request_body[key] == body[key]
            assert type(fresh.request_body[key]) is type(body[key])
    assert dict(fresh.request_body) == body
