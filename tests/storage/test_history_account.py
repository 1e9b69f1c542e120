"""The account's tasks in the history: one row per task, removed ones never back, merging twice
changes nothing, and rows of this app's own submissions keep what they know."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop.storage.history import (
    ORIGIN_ACCOUNT,
    AccountTask,
    HistoryStore,
    SubmissionState,
    TransitionError,
)
from tests.storage.test_history import Clock, make_body

T0 = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)


def tid(index: int) -> str:
    return str(uuid.UUID(int=0xACC0 << 64 | index))


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def task(index: int, step: str = "running", **changes: object) -> AccountTask:
    """Task ``index`` of the account, requested ``index`` minutes after T0."""
    fields: dict[str, object] = {
        "tid": tid(index),
        "step": step,
        "progress": 0.5 if step == "running" else None,
        "in_vid": str(uuid.UUID(int=index + 1)),
        "out_vid": str(uuid.UUID(int=0xBEEF << 64 | index)),
        "task_type": "SR",
        "filename": f"clip-{index}.mp4",
        "request_time": iso(T0 + timedelta(minutes=index)),
    }
    fields.update(changes)
    return AccountTask(**fields)  # type: ignore[arg-type]


def page(*indexes: int, step: str = "running") -> list[AccountTask]:
    """Tasks newest first, as the list gives them."""
    return [task(index, step) for index in sorted(indexes, reverse=True)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3", clock=Clock()) as opened:
        yield opened


def test_a_new_task_becomes_a_submitted_row_from_the_account(store: HistoryStore) -> None:
    merged = store.merge_account([task(3, finish_time=None, start_time=iso(T0))])
    (entry,) = merged.added
    assert merged.updated == []
    assert store.entries() == [entry]
    assert entry.state is SubmissionState.SUBMITTED and entry.out_of_doubt
    assert entry.origin == ORIGIN_ACCOUNT and entry.from_account
    assert (entry.tid, entry.in_vid, entry.out_vid) == (tid(3), task(3).in_vid, task(3).out_vid)
    assert (entry.step, entry.progress, entry.source_name) == ("running", 0.5, "clip-3.mp4")
    assert dict(entry.request_body) == {"task_type": "SR", "vid": task(3).in_vid}
    assert (entry.vid, entry.task_type, entry.width) == (task(3).in_vid, "SR", 0)
    assert (entry.request_time, entry.start_time, entry.finish_time) == (
        iso(T0 + timedelta(minutes=3)),
        iso(T0),
        None,
    )
    # Shown among the others by when the task was asked for, not when it was found.
    assert entry.created_at == T0 + timedelta(minutes=3)
    assert entry.is_active


def test_a_page_is_written_newest_with_the_highest_id(store: HistoryStore) -> None:
    merged = store.merge_account(page(1, 2, 3))
    assert [entry.tid for entry in merged.added] == [tid(3), tid(2), tid(1)]
    assert [entry.tid for entry in store.entries()] == [tid(3), tid(2), tid(1)]


def test_merging_the_same_page_twice_changes_nothing(store: HistoryStore) -> None:
    first = store.merge_account(page(1, 2, 3))
    before = store.entries()
    again = store.merge_account(page(1, 2, 3))
    assert len(first.added) == 3
    assert again.added == [] and again.updated == []
    assert store.entries() == before  # updated_at untouched too


def test_steps_progress_and_times_follow_the_list(store: HistoryStore) -> None:
    store.merge_account(page(1, 2))
    done = task(1, "done", finish_time=iso(T0 + timedelta(hours=1)), request_time=None)
    merged = store.merge_account([task(2), done])
    (entry,) = merged.updated
    assert merged.added == []
    assert (entry.tid, entry.step, entry.progress) == (tid(1), "done", None)
    assert entry.finish_time == iso(T0 + timedelta(hours=1))
    assert entry.request_time == iso(T0 + timedelta(minutes=1))  # not sent: kept
    assert entry.updated_at > entry.created_at


def test_a_finished_step_is_not_taken_back_by_a_list_read_before_it(
    store: HistoryStore,
) -> None:
    (entry,) = store.merge_account([task(1)]).added
    store.update_task(entry.id, step="done", progress=None, message=None)
    stale = store.merge_account([task(1, "running")])
    assert stale.updated == []
    row = store.get(entry.id)
    assert row is not None and row.step == "done" and row.progress is None


def test_removed_tasks_never_come_back(store: HistoryStore) -> None:
    added = store.merge_account(page(1, 2)).added
    store.remove(added[0].id)
    assert store.known_tids([tid(1), tid(2), tid(3)]) == {tid(1), tid(2)}
    merged = store.merge_account(page(1, 2, 3))
    assert [entry.tid for entry in merged.added] == [tid(3)]
    assert {entry.tid for entry in store.entries()} == {tid(1), tid(3)}


def test_a_task_submitted_here_keeps_its_row_and_body(store: HistoryStore) -> None:
    body = make_body(1)
    mine = store.add_submission(body, source_name="mine.mov", source_duration_ms=5000)
    mine = store.mark_submitted(mine.id, tid=tid(1), in_vid=None, out_vid=None)
    merged = store.merge_account([task(1, "done")])
    (entry,) = merged.updated
    assert merged.added == []
    assert entry.id == mine.id and entry.origin is None and entry.step == "done"
    assert dict(entry.request_body) == body and entry.source_name == "mine.mov"
    assert len(store.entries()) == 1


def test_rows_without_a_task_id_are_left_alone(store: HistoryStore) -> None:
    sending = store.add_submission(make_body(1), source_name=None, source_duration_ms=None)
    lost = store.add_submission(make_body(2), source_name=None, source_duration_ms=None)
    lost = store.mark_unknown(lost.id, "no answer")
    store.merge_account(page(1, 2))
    assert store.get(sending.id) == sending and store.get(lost.id) == lost


def test_the_full_body_arrives_later_and_stays(store: HistoryStore) -> None:
    (entry,) = store.merge_account([task(1)]).added
    full = {**make_body(1), "vid": task(1).in_vid}
    store.set_request_body(entry.id, full)
    store.merge_account([task(1, "done")])
    row = store.get(entry.id)
    assert row is not None and dict(row.request_body) == full and row.width == full["width"]


def test_a_tid_twice_in_one_page_is_one_row(store: HistoryStore) -> None:
    merged = store.merge_account([task(1, "done"), task(1, "running")])
    (entry,) = merged.added
    assert entry.step == "done"  # the first one listed: the newer reading
    assert len(store.entries()) == 1


def test_a_row_merged_from_the_account_refuses_a_second_claim_on_its_task(
    store: HistoryStore,
) -> None:
    store.merge_account([task(1)])
    mine = store.add_submission(make_body(1), source_name=None, source_duration_ms=None)
    with pytest.raises(TransitionError, match="already recorded"):
        store.mark_submitted(mine.id, tid=tid(1), in_vid=None, out_vid=None)


def test_pages_larger_than_one_query_are_merged_whole(store: HistoryStore) -> None:
    indexes = range(1200)
    assert len(store.merge_account(page(*indexes)).added) == 1200
    assert store.known_tids(tid(i) for i in indexes) == {tid(i) for i in indexes}
    merged = store.merge_account(page(*indexes, step="done"))
    assert len(merged.updated) == 1200 and merged.added == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tid": " "}, "task ID"),
        ({"progress": 1.5}, "Progress"),
        ({"progress": float("nan")}, "Progress"),
        ({"progress": True}, "Progress"),
    ],
)
def test_a_task_summary_is_checked(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        task(1, **changes)


# A merge is a page of (task index, step); a removal, the index of a task to remove.
_steps = st.sampled_from(["ready", "running", "done", "error"])
_merge = st.lists(st.tuples(st.integers(0, 15), _steps), max_size=8).map(lambda t: ("merge", t))
_remove = st.integers(0, 15).map(lambda index: ("remove", index))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=st.lists(st.one_of(_merge, _remove), max_size=12))
def test_any_merges_and_removals_keep_one_row_per_task(
    tmp_path_factory: pytest.TempPathFactory, actions: list[tuple[str, object]]
) -> None:
    path = tmp_path_factory.mktemp("history") / "history.sqlite3"
    removed: set[str] = set()
    with HistoryStore(path, clock=Clock()) as store:
        for kind, argument in actions:
            if kind == "remove":
                assert isinstance(argument, int)
                row = store.by_tid(tid(argument))
                if row is not None:
                    store.remove(row.id)
                    removed.add(tid(argument))
                continue
            assert isinstance(argument, list)
            tasks = [task(index, step) for index, step in argument]
            merged = store.merge_account(tasks)
            assert not {entry.tid for entry in merged.added} & removed
            again = store.merge_account(tasks)
            assert (again.added, again.updated) == ([], [])
            tids = [entry.tid for entry in store.entries()]
            assert len(tids) == len(set(tids))
            assert not set(tids) & removed
            assert store.known_tids(tid(i) for i in range(16)) == set(tids) | removed
