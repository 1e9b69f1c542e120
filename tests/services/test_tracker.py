"""Tracking: rows follow their tasks to the end, through failures, restarts and in numbers."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox, SandboxConfig
from kokoon_desktop.services.tracker import DEMO_GONE_MESSAGE, GONE_MESSAGE, TaskTracker
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, SubmissionState
from tests.services.services_helpers import Changes, make_client, task_polls, until

UNKNOWN_TID = "7ebbf920-b9ed-11ee-8fa6-17cde62e8e05"


async def submitted(client: KokoonClient, history: HistoryStore, spec: TaskSpec) -> HistoryEntry:
    """A row as the submitter leaves it after a successful answer."""
    entry = history.add_submission(
        spec.to_request_body(), source_name=None, source_duration_ms=None
    )
    created = await client.create_task(spec)
    return history.mark_submitted(
        entry.id, tid=created.tid, in_vid=created.in_vid, out_vid=created.out_vid
    )


def finished(history: HistoryStore, entry_id: int) -> bool:
    entry = history.get(entry_id)
    return entry is not None and entry.is_finished


def polling() -> int:
    """The tracker's polling tasks not ended yet (each named after its row): with none left,
    no poll can come any more."""
    return sum(1 for task in asyncio.all_tasks() if task.get_name().startswith("track history"))


@pytest.fixture
def slow_sandbox() -> Iterator[Sandbox]:
    """Tasks that run long enough (0.3 s) for several progress readings."""
    with Sandbox(SandboxConfig(time_scale=0.1)) as sb:
        yield sb


async def test_row_follows_its_task_to_done_then_polling_stops(
    slow_sandbox: Sandbox, clip: Path, history: HistoryStore, changes: Changes
) -> None:
    vid = slow_sandbox.add_video(clip)["vid"]
    spec = TaskSpec(vid=vid, category=Category.GENERAL, width=640, height=360)
    async with make_client(slow_sandbox) as client:
        tracker = TaskTracker(client, history, changes, first_delay_s=0.02, max_delay_s=0.2)
        entry = await submitted(client, history, spec)
        tracker.track(entry)
        tracker.track(entry)  # idempotent
        assert tracker.tracked == {entry.id} and polling() == 1
        await until(lambda: finished(history, entry.id))
        await until(lambda: not tracker.tracked)
        assert polling() == 0  # its task ended with the task: no poll after the end
        await tracker.aclose()

    final = history.get(entry.id)
    assert final is not None
    assert (final.state, final.step, final.progress, final.message) == (
        SubmissionState.SUBMITTED,
        "done",
        None,
        None,
    )
    steps = [change.step for change in changes.entries]
    assert steps[0] == "ready" and steps[-1] == "done"
    assert "running" in steps
    progress = [c.progress for c in changes.entries if c.progress is not None]
    assert len(progress) >= 2 and progress == sorted(progress)
    assert all(0 <= p <= 1 for p in progress)
    # Observers hear of changes only: no two consecutive notices say the same thing.
    said = [(c.step, c.progress, c.message) for c in changes.entries]
    assert all(a != b for a, b in pairwise(said))


async def test_server_errors_while_polling_never_fail_the_row(
    sandbox: Sandbox,
    client: KokoonClient,
    history: HistoryStore,
    changes: Changes,
    tracker: TaskTracker,
    spec: TaskSpec,
) -> None:
    entry = await submitted(client, history, spec)
    sandbox.faults.add(match="GET /task/*", status=500, times=3)
    tracker.track(entry)
    await until(lambda: finished(history, entry.id))
    final = history.get(entry.id)
    assert final is not None and final.step == "done"
    assert all(change.state is SubmissionState.SUBMITTED for change in changes.entries)
    assert sum(1 for r in sandbox.requests if r.fault == "status 500") == 3


async def test_authentication_error_stops_everything_and_is_reported_once(
    sandbox: Sandbox,
    client: KokoonClient,
    history: HistoryStore,
    tracker: TaskTracker,
    spec: TaskSpec,
) -> None:
    errors: list[str] = []
    tracker.on_error = errors.append
    entries = [await submitted(client, history, spec) for _ in range(3)]
    sandbox.faults.add(match="GET /task/*", status=401, times=None)
    for entry in entries:
        tracker.track(entry)
    assert polling() == 3
    await until(lambda: bool(errors) and not tracker.tracked)
    await until(lambda: polling() == 0)  # every row stopped, none waits to poll again
    assert len(errors) == 1 and "(401)" in errors[0]
    assert all(not finished(history, entry.id) for entry in entries)

    # Signed in again: resume picks every row up.
    sandbox.faults.clear()
    assert tracker.resume() == 3
    await until(lambda: all(finished(history, entry.id) for entry in entries))
    assert len(errors) == 1


async def test_task_the_service_no_longer_knows(
    client: KokoonClient, history: HistoryStore, tracker: TaskTracker, spec: TaskSpec
) -> None:
    entry = history.add_submission(
        spec.to_request_body(), source_name=None, source_duration_ms=None
    )
    entry = history.mark_submitted(entry.id, tid=UNKNOWN_TID, in_vid=None, out_vid=None)
    tracker.track(entry)
    await until(lambda: not tracker.tracked)
    row = history.get(entry.id)
    assert row is not None and (row.step, row.message) == ("unknown", GONE_MESSAGE)
    assert row.state is SubmissionState.SUBMITTED and row.is_active


async def test_removed_row_stops_being_polled(
    sandbox: Sandbox,
    client: KokoonClient,
    history: HistoryStore,
    tracker: TaskTracker,
    spec: TaskSpec,
) -> None:
    entry = await submitted(client, history, spec)
    sandbox.faults.add(match="GET /task/*", slow_s=0.05)
    tracker.track(entry)
    await until(lambda: task_polls(sandbox) == 1)
    history.remove(entry.id)  # while its poll is on the wire
    await until(lambda: not tracker.tracked)
    assert task_polls(sandbox) == 1


async def test_resume_picks_up_rows_from_a_reopened_store(
    sandbox: Sandbox, client: KokoonClient, tmp_path: Path, spec: TaskSpec
) -> None:
    path = tmp_path / "restart.sqlite3"
    with HistoryStore(path) as before:
        first = await submitted(client, before, spec)
        second = await submitted(client, before, spec.with_changes(width=640, height=360))
        done_earlier = await submitted(client, before, spec)
        before.update_task(done_earlier.id, step="done", progress=None, message=None)

    with HistoryStore(path) as history:
        tracker = TaskTracker(client, history, Changes(), first_delay_s=0.01, max_delay_s=0.05)
        assert tracker.resume() == 2
        assert tracker.tracked == {first.id, second.id}
        await until(lambda: finished(history, first.id) and finished(history, second.id))
        await tracker.aclose()
    done_polls = [r for r in sandbox.requests if r.path.endswith(f"/task/{done_earlier.tid}")]
    assert done_polls == []


async def test_two_hundred_tasks_at_once(
    sandbox: Sandbox, client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    entries = [await submitted(client, history, spec) for _ in range(200)]
    changes = Changes()
    tracker = TaskTracker(client, history, changes, first_delay_s=0.02, max_delay_s=0.1)
    try:
        assert tracker.resume() == 200
        await until(lambda: not history.active(), within_s=15)
    finally:
        await tracker.aclose()
    assert all(finished(history, entry.id) for entry in entries)
    assert not tracker.tracked
    # Each task was polled a handful of times, not in a busy loop.
    assert task_polls(sandbox) < 200 * 15


async def test_aclose_cancels_polling_cleanly(
    sandbox: Sandbox, client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    tracker = TaskTracker(client, history, Changes(), first_delay_s=1.0, max_delay_s=5.0)
    entry = await submitted(client, history, spec)
    tracker.track(entry)
    await until(lambda: task_polls(sandbox) == 1)
    await tracker.aclose()
    assert not tracker.tracked
    tracker.track(entry)  # closed: ignored
    assert not tracker.tracked


async def test_what_a_task_the_service_no_longer_knows_is_said_to_be_can_be_chosen(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    tracker = TaskTracker(
        client,
        history,
        Changes(),
        first_delay_s=0.01,
        max_delay_s=0.05,
        gone_message=DEMO_GONE_MESSAGE,
    )
    entry = history.add_submission(
        spec.to_request_body(), source_name=None, source_duration_ms=None
    )
    entry = history.mark_submitted(entry.id, tid=UNKNOWN_TID, in_vid=None, out_vid=None)
    try:
        tracker.track(entry)
        await until(lambda: not tracker.tracked)
    finally:
        await tracker.aclose()
    row = history.get(entry.id)
    assert row is not None and row.message == DEMO_GONE_MESSAGE
