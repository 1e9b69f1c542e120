"""Merging the account's task list: tasks made elsewhere appear once, lost answers find their
task without a second row, and a merge stops where the previous one left off."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox, SandboxConfig
from kokoon_desktop.services.account_sync import NEWEST_MERGED_MARK, AccountSync
from kokoon_desktop.services.submitter import Submitter
from kokoon_desktop.services.tracker import TaskTracker
from kokoon_desktop.storage.history import (
    ORIGIN_ACCOUNT,
    HistoryEntry,
    HistoryStore,
    SubmissionState,
)
from tests.services.services_helpers import Changes, api_requests, make_client, until


class Pages:
    """Records what ``on_changes`` is given, one call per page."""

    def __init__(self) -> None:
        self.calls: list[tuple[HistoryEntry, ...]] = []

    def __call__(self, entries: Sequence[HistoryEntry]) -> None:
        self.calls.append(tuple(entries))


@pytest.fixture
async def cli(sandbox: Sandbox) -> AsyncIterator[KokoonClient]:
    """Another client on the same account, as the command line or another machine is."""
    async with make_client(sandbox) as other:
        yield other


@pytest.fixture
def pages() -> Pages:
    return Pages()


@pytest.fixture
def sync(client: KokoonClient, history: HistoryStore, pages: Pages) -> AccountSync:
    return AccountSync(client, history, on_changes=pages, page_size=5)


@pytest.fixture
def submitter(client: KokoonClient, history: HistoryStore, changes: Changes) -> Submitter:
    return Submitter(client, history, changes)


def list_requests(sandbox: Sandbox) -> int:
    return api_requests(sandbox, "GET", "/task")


async def make_tasks(cli: KokoonClient, spec: TaskSpec, count: int) -> list[str]:
    """``count`` different tasks made elsewhere, oldest first."""
    tids = []
    for index in range(count):
        created = await cli.create_task(spec.with_changes(width=640 + 2 * index, height=360))
        tids.append(created.tid)
    return tids


async def test_tasks_made_elsewhere_appear_once_from_the_account(
    cli: KokoonClient, history: HistoryStore, sync: AccountSync, pages: Pages, spec: TaskSpec
) -> None:
    tids = await make_tasks(cli, spec, 3)
    report = await sync.merge()
    assert (report.added, report.updated, report.resolved) == (3, 0, ())
    rows = history.entries()
    assert [row.tid for row in rows] == tids[::-1]
    assert all(row.origin == ORIGIN_ACCOUNT and row.out_of_doubt for row in rows)
    assert all(row.vid == spec.vid and row.task_type == "SR" for row in rows)
    assert all(row.source_name == "harbour.mp4" and row.request_time for row in rows)
    assert list(report.changed) == rows  # newest first, as listed
    assert pages.calls == [tuple(report.changed)]

    again = await sync.merge()
    assert (again.added, again.resolved) == (0, ())
    assert [row.tid for row in history.entries()] == tids[::-1]


async def test_a_removed_row_never_comes_back(
    cli: KokoonClient, history: HistoryStore, sync: AccountSync, spec: TaskSpec
) -> None:
    first, _ = await make_tasks(cli, spec, 2)
    await sync.merge()
    gone = history.by_tid(first)
    assert gone is not None
    history.remove(gone.id)
    # A fresh merge (no mark) walks the whole list again; the removed task stays out.
    history.set_sync_mark(NEWEST_MERGED_MARK, "")
    report = await sync.merge()
    assert report.added == 0
    assert history.by_tid(first) is None and len(history.entries()) == 1


async def test_steps_follow_the_server(clip: Path, history: HistoryStore) -> None:
    with Sandbox(SandboxConfig(time_scale=1.0)) as sandbox:  # tasks take seconds: still ready
        vid = sandbox.add_video(clip)["vid"]
        spec = TaskSpec(vid=vid, category=Category.GENERAL, width=640, height=360)
        async with make_client(sandbox) as client:
            (tid,) = await make_tasks(client, spec, 1)
            sync = AccountSync(client, history)
            await sync.merge()
            row = history.by_tid(tid)
            assert row is not None and row.step == "ready" and row.is_active

            sandbox.advance_clock(3600)
            report = await sync.merge()
    row = history.by_tid(tid)
    assert row is not None and row.step == "done" and row.finish_time is not None
    assert (report.added, report.updated) == (0, 1) and report.changed == (row,)


async def test_a_lost_answer_finds_its_task_and_a_never_sent_one_stays_unknown(
    sandbox: Sandbox,
    client: KokoonClient,
    history: HistoryStore,
    submitter: Submitter,
    sync: AccountSync,
    spec: TaskSpec,
) -> None:
    sandbox.faults.add(match="POST /task", drop_after=True)  # created, answer lost
    lost = await submitter.submit(spec, source_name="harbour.mp4")
    sandbox.faults.add(match="POST /task", drop_before=True)  # never arrived
    other = spec.with_changes(width=1920, height=1080)
    unsent = await submitter.submit(other, source_name="harbour.mp4")
    assert lost is not None and lost.state is SubmissionState.UNKNOWN
    assert unsent is not None and unsent.state is SubmissionState.UNKNOWN

    report = await sync.merge()
    (task,) = (await client.list_tasks()).tasks
    (found,) = report.resolved
    assert found.id == lost.id and found.state is SubmissionState.SUBMITTED
    assert (found.tid, found.out_vid, found.origin) == (task.tid, task.out_vid, None)
    assert dict(found.request_body) == spec.to_request_body()
    assert found.step is not None and found.request_time is not None
    assert report.added == 0 and found in report.changed
    assert len(history.entries()) == 2  # no second row for the task
    assert history.get(found.id) == found
    # Not failed: only "check on server" says so, when the user asks.
    assert history.get(unsent.id) == unsent
    assert api_requests(sandbox, "POST", "/task") == 2  # nothing was sent again


async def test_two_equal_lost_answers_take_two_different_tasks(
    sandbox: Sandbox, history: HistoryStore, submitter: Submitter, sync: AccountSync, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", drop_after=True, times=2)
    first = await submitter.submit(spec, source_name=None)
    second = await submitter.submit(spec, source_name=None)
    assert first is not None and second is not None
    report = await sync.merge()
    assert {row.id for row in report.resolved} == {first.id, second.id}
    tids = {row.tid for row in history.entries()}
    assert len(tids) == 2 and None not in tids
    assert report.added == 0 and len(history.entries()) == 2


async def test_a_later_merge_stops_at_the_tasks_it_knows(
    sandbox: Sandbox, cli: KokoonClient, history: HistoryStore, sync: AccountSync, spec: TaskSpec
) -> None:
    await make_tasks(cli, spec, 23)  # five pages of five
    sandbox.clear_requests()
    first = await sync.merge()
    assert first.added == 23 and list_requests(sandbox) == 5

    sandbox.clear_requests()
    assert (await sync.merge()).added == 0
    assert list_requests(sandbox) == 1  # the first page: all known, none newer

    await make_tasks(cli, spec, 7)
    sandbox.clear_requests()
    third = await sync.merge()
    assert third.added == 7 and len(history.entries()) == 30
    assert list_requests(sandbox) == 3  # 5 new, 2 new and 3 known, then 5 known


async def test_a_first_merge_walks_at_most_max_pages(
    sandbox: Sandbox, cli: KokoonClient, client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    await make_tasks(cli, spec, 7)
    sandbox.clear_requests()
    report = await AccountSync(client, history, page_size=2, max_pages=2).merge()
    assert report.added == 4 and list_requests(sandbox) == 2


async def test_two_merges_at_once_run_once(
    sandbox: Sandbox, cli: KokoonClient, history: HistoryStore, sync: AccountSync, spec: TaskSpec
) -> None:
    await make_tasks(cli, spec, 7)
    sandbox.clear_requests()
    start_up, refresh = await asyncio.gather(sync.merge(), sync.merge())
    assert start_up is refresh and start_up.added == 7
    assert list_requests(sandbox) == 2
    assert len(history.entries()) == 7


async def test_a_waiter_cancelled_does_not_cancel_the_merge(
    sandbox: Sandbox, cli: KokoonClient, history: HistoryStore, sync: AccountSync, spec: TaskSpec
) -> None:
    await make_tasks(cli, spec, 3)
    sandbox.faults.add(match="GET /task", slow_s=0.2)
    impatient = asyncio.create_task(sync.merge())
    await until(lambda: list_requests(sandbox) == 1)
    impatient.cancel()
    report = await sync.merge()  # waits for the same merge
    assert report.added == 3 and list_requests(sandbox) == 1
    with pytest.raises(asyncio.CancelledError):
        await impatient
    await sync.aclose()


async def test_a_failing_observer_does_not_stop_the_merge(
    cli: KokoonClient, client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    await make_tasks(cli, spec, 7)
    failures: list[BaseException] = []
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, context: failures.append(context["exception"])
    )

    def broken(entries: Sequence[HistoryEntry]) -> None:
        raise RuntimeError("a view's bug")

    report = await AccountSync(client, history, on_changes=broken, page_size=5).merge()
    assert report.added == 7 and len(history.entries()) == 7
    assert [str(exc) for exc in failures] == ["a view's bug"] * 2  # one call per page


async def test_a_failing_list_keeps_what_was_merged_and_can_be_merged_again(
    sandbox: Sandbox, cli: KokoonClient, client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    await make_tasks(cli, spec, 7)

    def second_page_refused(entries: Sequence[HistoryEntry]) -> None:
        sandbox.faults.add(match="GET /task", status=400)  # not retried

    sync = AccountSync(client, history, on_changes=second_page_refused, page_size=5)
    with pytest.raises(KokoonError, match=r"\(400\)"):
        await sync.merge()
    assert len(history.entries()) == 5  # the first page stays merged
    assert history.sync_mark(NEWEST_MERGED_MARK) is None  # not a complete merge
    sandbox.faults.clear()
    assert (await AccountSync(client, history, page_size=5).merge()).added == 2
    assert len(history.entries()) == 7


async def test_a_submission_in_flight_keeps_its_task(
    sandbox: Sandbox,
    cli: KokoonClient,
    history: HistoryStore,
    submitter: Submitter,
    sync: AccountSync,
    spec: TaskSpec,
) -> None:
    sandbox.faults.add(match="POST /task", slow_s=0.3)  # created at once, answered late
    sending = asyncio.create_task(submitter.submit(spec, source_name=None))
    async with asyncio.timeout(5):
        while not (await cli.list_tasks()).tasks:  # noqa: ASYNC110 - the service's state
            await asyncio.sleep(0.005)
    report = await sync.merge()
    assert (report.added, report.changed) == (0, ())
    (row,) = history.entries()
    assert row.state is SubmissionState.SUBMITTING

    entry = await sending
    assert entry is not None and entry.state is SubmissionState.SUBMITTED
    again = await sync.merge()
    assert again.added == 0 and [row.id for row in history.entries()] == [entry.id]


async def test_a_followed_row_from_the_account_learns_its_full_request(
    cli: KokoonClient,
    history: HistoryStore,
    sync: AccountSync,
    tracker: TaskTracker,
    changes: Changes,
    spec: TaskSpec,
) -> None:
    created = await cli.create_task(spec)
    await sync.merge()
    row = history.by_tid(created.tid)
    assert row is not None and "width" not in row.request_body
    tracker.track(row)
    await until(lambda: not tracker.tracked)
    row = history.by_tid(created.tid)
    assert row is not None and row.is_finished and row.from_account
    assert row.request_body == spec.to_request_body()
    assert (row.width, row.height, row.category) == (spec.width, spec.height, "person")
    # Learnt at the first poll and shown at once; the step's changes come after it.
    assert changes.entries[0].request_body == spec.to_request_body()
