"""Submitting: the row is written first, the task is sent once, every outcome is recorded."""

from __future__ import annotations

import asyncio

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox
from kokoon_desktop.services.submitter import INTERRUPTED_MESSAGE, NOT_FOUND_MESSAGE, Submitter
from kokoon_desktop.services.task_matching import same_request
from kokoon_desktop.storage.history import HistoryStore, SubmissionState
from tests.services.services_helpers import Changes, api_requests, make_client, until


@pytest.fixture
def submitter(client: KokoonClient, history: HistoryStore, changes: Changes) -> Submitter:
    return Submitter(client, history, changes)


def posts(sandbox: Sandbox) -> int:
    return api_requests(sandbox, "POST", "/task")


async def test_row_is_written_before_the_request_is_sent(
    sandbox: Sandbox, history: HistoryStore, client: KokoonClient, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", slow_s=0.3)
    posts_at_notice: list[int] = []

    def on_change(entry: object) -> None:
        posts_at_notice.append(posts(sandbox))

    submitter = Submitter(client, history, on_change)
    sending = asyncio.create_task(submitter.submit(spec, source_name="harbour.mp4"))
    await until(lambda: posts(sandbox) == 1)
    # The service has the request and has not answered yet: the row is already there.
    (row,) = history.entries()
    assert row.state is SubmissionState.SUBMITTING
    assert row.request_body == spec.to_request_body()
    assert row.source_name == "harbour.mp4"
    assert submitter.is_in_flight(spec)

    entry = await sending
    assert entry is not None and entry.state is SubmissionState.SUBMITTED
    # The first notice came before anything was sent, the second after the answer.
    assert posts_at_notice == [0, 1]
    (task,) = (await client.list_tasks()).tasks
    assert (entry.tid, entry.in_vid, entry.out_vid) == (task.tid, spec.vid, task.out_vid)
    assert history.get(entry.id) == entry
    assert not submitter.is_in_flight(spec)


async def test_wrong_token_fails_with_the_reason(
    sandbox: Sandbox, history: HistoryStore, changes: Changes, spec: TaskSpec
) -> None:
    async with make_client(sandbox, token="not-a-token") as client:
        entry = await Submitter(client, history, changes).submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.FAILED
    assert entry.message is not None and "refused the API token (401)" in entry.message
    assert changes.states() == ["submitting", "failed"]


async def test_insufficient_credit_says_needed_and_left(
    sandbox: Sandbox, client: KokoonClient, submitter: Submitter, spec: TaskSpec
) -> None:
    cost = (await client.quote(spec)).credit
    sandbox.set_credit(0)
    entry = await submitter.submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.FAILED
    assert entry.message == f"Not enough credit: this task needs {cost}, 0 left."


async def test_insufficient_credit_for_a_preview_says_what_is_left(
    sandbox: Sandbox, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.set_credit(0)
    preview = spec.with_changes(task_type=TaskType.SR_PREVIEW)
    entry = await submitter.submit(preview, source_name=None)
    assert entry is not None and entry.message == "Not enough credit for this task: 0 left."
    assert api_requests(sandbox, "POST", "/credit/calc") == 0


async def test_validation_message_is_kept_verbatim(
    sandbox: Sandbox, submitter: Submitter, spec: TaskSpec
) -> None:
    said = "must have required property 'frobnicate'"
    sandbox.faults.add(match="POST /task", status=400, message=said)
    entry = await submitter.submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.FAILED
    assert entry.message == f"The service refused the request (400): {said}"


async def test_service_unavailable_fails_and_is_not_retried(
    sandbox: Sandbox, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", status=503, times=None)
    entry = await submitter.submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.FAILED
    assert entry.message is not None and "(503)" in entry.message
    assert posts(sandbox) == 1


async def test_connection_never_made_fails_and_sends_nothing(
    sandbox: Sandbox, history: HistoryStore, changes: Changes, spec: TaskSpec
) -> None:
    # The in-process transport refuses any other host, as a closed port would.
    async with make_client(sandbox, base_url="http://127.0.0.1:9/kokoon/api/sr/v3") as client:
        entry = await Submitter(client, history, changes).submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.FAILED
    assert entry.message is not None and "The task was not sent." in entry.message
    assert sandbox.requests == []


async def test_garbage_answer_leaves_the_outcome_unknown(
    sandbox: Sandbox, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", garbage="text")
    entry = await submitter.submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.UNKNOWN
    assert entry.message is not None and "check the task list" in entry.message


async def test_dropped_answer_leaves_the_outcome_unknown_after_one_request(
    sandbox: Sandbox, client: KokoonClient, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", drop_after=True)
    entry = await submitter.submit(spec, source_name=None)
    assert entry is not None and entry.state is SubmissionState.UNKNOWN and entry.tid is None
    assert posts(sandbox) == 1
    assert len((await client.list_tasks()).tasks) == 1  # it was created after all


async def test_same_spec_twice_in_flight_is_sent_once(
    sandbox: Sandbox, history: HistoryStore, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", slow_s=0.1)
    first, second = await asyncio.gather(
        submitter.submit(spec, source_name=None), submitter.submit(spec, source_name=None)
    )
    assert first is not None and first.state is SubmissionState.SUBMITTED
    assert second is None
    assert posts(sandbox) == 1
    assert len(history.entries()) == 1


async def test_different_specs_and_later_resubmission_are_sent(
    sandbox: Sandbox, history: HistoryStore, submitter: Submitter, spec: TaskSpec
) -> None:
    other = spec.with_changes(width=1920, height=1080)
    results = await asyncio.gather(
        submitter.submit(spec, source_name=None), submitter.submit(other, source_name=None)
    )
    assert all(r is not None and r.state is SubmissionState.SUBMITTED for r in results)
    # Once the answer is in, sending the same settings again is a deliberate new task.
    again = await submitter.submit(spec, source_name=None)
    assert again is not None and again.state is SubmissionState.SUBMITTED
    assert posts(sandbox) == 3
    assert len({entry.tid for entry in history.entries()}) == 3


async def test_check_on_server_finds_a_task_whose_answer_was_lost(
    sandbox: Sandbox, client: KokoonClient, submitter: Submitter, spec: TaskSpec, changes: Changes
) -> None:
    sandbox.faults.add(match="POST /task", drop_after=True)
    lost = await submitter.submit(spec, source_name=None)
    assert lost is not None and lost.state is SubmissionState.UNKNOWN

    found = await submitter.check_on_server(lost.id)
    (task,) = (await client.list_tasks()).tasks
    assert found.state is SubmissionState.SUBMITTED
    assert (found.tid, found.in_vid, found.out_vid) == (task.tid, spec.vid, task.out_vid)
    assert found.step is not None and found.message is None
    assert posts(sandbox) == 1  # looking never creates
    assert changes.entries[-1] == found


async def test_check_on_server_reports_a_task_that_never_arrived(
    sandbox: Sandbox, client: KokoonClient, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", drop_before=True)
    lost = await submitter.submit(spec, source_name=None)
    assert lost is not None and lost.state is SubmissionState.UNKNOWN

    checked = await submitter.check_on_server(lost.id)
    assert checked.state is SubmissionState.FAILED
    assert checked.message == NOT_FOUND_MESSAGE
    assert posts(sandbox) == 1
    assert (await client.list_tasks()).tasks == ()


async def test_check_on_server_does_not_take_another_rows_task(
    sandbox: Sandbox, submitter: Submitter, spec: TaskSpec
) -> None:
    sent = await submitter.submit(spec, source_name=None)
    assert sent is not None and sent.state is SubmissionState.SUBMITTED
    sandbox.faults.add(match="POST /task", drop_before=True)
    lost = await submitter.submit(spec, source_name=None)
    assert lost is not None and lost.state is SubmissionState.UNKNOWN

    # The server has one task with exactly this body, but it is the first row's.
    checked = await submitter.check_on_server(lost.id)
    assert checked.state is SubmissionState.FAILED


async def test_check_on_server_failing_keeps_the_row_unknown(
    sandbox: Sandbox, history: HistoryStore, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", drop_after=True)
    lost = await submitter.submit(spec, source_name=None)
    assert lost is not None
    sandbox.faults.add(match="GET /task", status=500)
    with pytest.raises(KokoonError, match=r"\(500\)"):
        await submitter.check_on_server(lost.id)
    row = history.get(lost.id)
    assert row is not None and row.state is SubmissionState.UNKNOWN


async def test_check_on_server_leaves_settled_rows_alone(
    sandbox: Sandbox, submitter: Submitter, spec: TaskSpec
) -> None:
    sent = await submitter.submit(spec, source_name=None)
    assert sent is not None
    sandbox.clear_requests()
    assert await submitter.check_on_server(sent.id) == sent
    assert sandbox.requests == []


async def test_interrupted_rows_become_unknown_and_can_be_checked(
    sandbox: Sandbox, client: KokoonClient, history: HistoryStore, changes: Changes, spec: TaskSpec
) -> None:
    # A previous run wrote two rows and died: one after sending (the task exists), one before.
    body = spec.to_request_body()
    sent = history.add_submission(body, source_name=None, source_duration_ms=None)
    created = await client.create_task(spec)
    other = spec.with_changes(width=640, height=360)
    unsent = history.add_submission(
        other.to_request_body(), source_name=None, source_duration_ms=None
    )

    submitter = Submitter(client, history, changes)
    recovered = submitter.recover_interrupted()
    assert {entry.id for entry in recovered} == {sent.id, unsent.id}
    assert all(entry.state is SubmissionState.UNKNOWN for entry in recovered)
    assert all(entry.message == INTERRUPTED_MESSAGE for entry in recovered)
    assert history.by_state(SubmissionState.SUBMITTING) == []

    found = await submitter.check_on_server(sent.id)
    assert found.state is SubmissionState.SUBMITTED and found.tid == created.tid
    missing = await submitter.check_on_server(unsent.id)
    assert missing.state is SubmissionState.FAILED
    assert posts(sandbox) == 1


async def test_recover_interrupted_leaves_this_runs_submission_alone(
    sandbox: Sandbox, history: HistoryStore, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", slow_s=0.2)
    sending = asyncio.create_task(submitter.submit(spec, source_name=None))
    await until(lambda: posts(sandbox) == 1)
    assert submitter.recover_interrupted() == []
    entry = await sending
    assert entry is not None and entry.state is SubmissionState.SUBMITTED


async def test_cancelled_submission_is_marked_unknown(
    sandbox: Sandbox, history: HistoryStore, submitter: Submitter, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /task", slow_s=5)
    sending = asyncio.create_task(submitter.submit(spec, source_name=None))
    await until(lambda: posts(sandbox) == 1)
    sending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sending
    (row,) = history.entries()
    assert row.state is SubmissionState.UNKNOWN and row.message == INTERRUPTED_MESSAGE
    assert not submitter.is_in_flight(spec)
    sandbox.interrupt_sleeps()


def test_same_request_forgives_what_the_service_changes(spec: TaskSpec) -> None:
    body = spec.to_request_body()
    echoed = {**dict(reversed(body.items())), "width": "1280", "vid": spec.vid.upper()}
    assert same_request(body, echoed)
    assert not same_request(body, {**body, "width": 1920})
    assert not same_request(body, None)
