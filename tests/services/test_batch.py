"""The batch runner the command line and (later) the window's queue share: every item in the
journal and the history before its request leaves, sent once, news by a plain callback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.manifest import parse_manifest
from kokoon_desktop.core.presets import BUILT_IN_PRESETS, Preset, name_key
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox
from kokoon_desktop.services.batch import BatchRunner, ItemReport, ItemStatus
from kokoon_desktop.services.submitter import Submitter
from kokoon_desktop.storage.batch_journal import BatchJournal, RowState, batch_id
from kokoon_desktop.storage.history import HistoryStore, SubmissionState
from tests.services.services_helpers import api_requests


def find(name: str) -> Preset | None:
    return next((p for p in BUILT_IN_PRESETS if p.key == name_key(name)), None)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[BatchJournal]:
    opened = BatchJournal(tmp_path / "batches.sqlite3")
    yield opened
    opened.close()


def manifest_of(vid: str, count: int) -> str:
    return json.dumps(
        [
            {
                "vid": vid,
                "category": "person",
                "width": 640,
                "height": 360,
                "start_pos": 100 * i,
                "duration": 100,
            }
            for i in range(count)
        ]
    )


async def test_each_item_is_journalled_and_in_the_history_before_it_is_sent(
    sandbox: Sandbox, client: KokoonClient, history: HistoryStore, journal: BatchJournal,
    vid: str, tmp_path: Path,
) -> None:  # fmt: skip
    batch = batch_id(tmp_path / "m.json", client.base_url)
    seen: list[tuple[ItemStatus, int, RowState | None]] = []

    def on_report(report: ItemReport) -> None:
        row = journal.get(batch, report.key)
        seen.append(
            (report.status, api_requests(sandbox, "POST", "/task"), row.state if row else None)
        )

    runner = BatchRunner(
        client, history, journal, api_url=client.base_url, find_preset=find,
        on_report=on_report, concurrency=1,
    )  # fmt: skip
    plan = await runner.plan(parse_manifest(manifest_of(vid, 2), "json"), batch=batch)
    assert plan.problems == () and len(plan.items) == 2
    result = await runner.run(plan)
    assert [r.status for r in result.reports] == [ItemStatus.SENT, ItemStatus.SENT]
    sending = [(posts, state) for status, posts, state in seen if status is ItemStatus.SENDING]
    # At "sending" the journal links the history row, and nothing has gone out for it yet.
    assert sending == [(0, RowState.SENDING), (1, RowState.SENDING)]
    rows = journal.rows(batch)
    assert {row.state for row in rows.values()} == {RowState.SENT}
    for report in result.reports:
        entry = history.get(report.history_id or 0)
        assert entry is not None and entry.tid == report.tid == rows[report.key].tid


async def test_an_item_recorded_but_never_linked_is_sent_and_a_linked_one_is_checked(
    sandbox: Sandbox, client: KokoonClient, history: HistoryStore, journal: BatchJournal,
    vid: str, tmp_path: Path,
) -> None:  # fmt: skip
    """What a kill leaves: one item recorded only (its request never left), one whose history
    row was written and whose request reached the server, unanswered."""
    batch = batch_id(tmp_path / "m.json", client.base_url)
    manifest = parse_manifest(manifest_of(vid, 2), "json")
    runner = BatchRunner(client, history, journal, api_url=client.base_url, find_preset=find)
    plan = await runner.plan(manifest, batch=batch)
    first, second = plan.items
    journal.record(batch, first.row.key, 1)
    journal.record(batch, second.row.key, 2)
    # The second: its row written, linked, and its task created, but no answer recorded.
    entry = history.add_submission(
        second.spec.to_request_body(), source_name="x", source_duration_ms=None
    )
    journal.set_state(batch, second.row.key, RowState.SENDING, history_id=entry.id)
    await client.create_task(second.spec)
    sandbox.clear_requests()

    result = await runner.run(plan)
    assert [(r.row, r.status) for r in result.reports] == [
        (1, ItemStatus.SENT),
        (2, ItemStatus.ALREADY_SENT),
    ]
    assert result.reports[1].message == "found on the server"
    assert api_requests(sandbox, "POST", "/task") == 1  # only the never-sent one
    assert history.get(entry.id).state is SubmissionState.SUBMITTED  # type: ignore[union-attr]


async def test_a_journal_that_cannot_link_stops_the_send(
    sandbox: Sandbox, client: KokoonClient, history: HistoryStore, spec: TaskSpec
) -> None:
    submitter = Submitter(client, history, lambda entry: None)

    def refuse(entry: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        await submitter.submit(spec, source_name="x", on_recorded=refuse)
    (row,) = history.entries()
    assert row.state is SubmissionState.FAILED and "disk full" in (row.message or "")
    assert api_requests(sandbox, "POST", "/task") == 0
    assert not submitter.is_in_flight(spec)
