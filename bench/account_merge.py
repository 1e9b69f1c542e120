"""Merging a large account into a long history: the whole merge, and the window's loop meanwhile.

The history holds 100,000 finished submissions (written as the history benchmarks write
them, with task IDs as scattered as the service's); the newest 2,000 are still running there,
and 10 more rows lost their answer (UNKNOWN). The account lists 10,000 tasks, newest first, in
pages of 100: those 2,000 (now done), the 10 lost ones (each confirmed by its own
``GET /task/{tid}``) and 7,990 made elsewhere. The service is a stub behind the real client
(``httpx.MockTransport``: the client's parsing, no network), so the times are the app's own
work. A 5 ms heartbeat on the same asyncio loop measures how late it fires while the merge
runs (the target is 50 ms at worst), and each store call is timed.

The reference, in the same run on the same file: ``HistoryStore.entries()`` reading the whole
history once, as the window does when it opens.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.history_store import _body
from bench.history_ui import _build
from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.services.account_sync import AccountSync
from kokoon_desktop.storage.history import (
    AccountTask,
    HistoryStore,
    MergedTasks,
    SubmissionState,
)

HISTORY_ROWS = 100_000
ACCOUNT_TASKS = 10_000
KNOWN_RUNNING = 2_000  # rows of the history the account lists, done since the last poll
LOST = 10  # UNKNOWN rows whose tasks the account lists
PAGE_SIZE = 100
BEAT_S = 0.005
BASE_URL = "https://bench.invalid/kokoon/api/sr/v3"


def _tid(row_id: int) -> str:
    """Row ``row_id``'s task ID: scattered over the index as the service's are (their first
    part is a clock's low bits), not in the order of the rows."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"history-{row_id}"))


def _summary(tid: str, body: dict[str, object], requested: datetime) -> dict[str, Any]:
    """A task as ``GET /task/{tid}`` gives it; the list leaves out ``request_body``."""
    stamp = requested.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return {
        "request_body": body,
        "tid": tid,
        "uid": "00000000-0000-4000-8000-000000000001",
        "in_vid": body["vid"],
        "out_vid": str(uuid.uuid5(uuid.NAMESPACE_URL, tid)),
        "task_type": body["task_type"],
        "step": "done",
        "filename": "clip.mov",
        "request_time": stamp,
        "start_time": stamp,
        "finish_time": stamp,
        "nb_frames": "600",
        "sr_nb_frames": "600",
        "progress": "255",
    }


class StubService:
    """``GET /task`` pages and ``GET /task/{tid}`` for a fixed account, newest first.

    The pages are encoded once beforehand: encoding them is the service's work, not the app's.
    """

    def __init__(self, tasks: list[dict[str, Any]]) -> None:
        self.by_tid = {task["tid"]: json.dumps(task).encode() for task in tasks}
        summaries = [{k: v for k, v in task.items() if k != "request_body"} for task in tasks]
        self.pages = [
            json.dumps(
                {
                    "all_count": len(tasks),
                    "curr_count": len(summaries[start : start + PAGE_SIZE]),
                    "sr_tasks": summaries[start : start + PAGE_SIZE],
                }
            ).encode()
            for start in range(0, len(tasks) + 1, PAGE_SIZE)
        ]
        self.list_requests = 0
        self.detail_requests = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        # A real answer arrives in a later turn of the loop; so does this one.
        await asyncio.sleep(0)
        path = request.url.path.rsplit("/task", 1)[1]
        if not path:
            self.list_requests += 1
            assert int(request.url.params["page_size"]) == PAGE_SIZE
            body = self.pages[int(request.url.params["page_num"])]
        else:
            self.detail_requests += 1
            body = self.by_tid[path.lstrip("/")]
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})


class Heartbeat:
    """A timer every 5 ms on the running loop; records how late each beat comes."""

    def __init__(self) -> None:
        self.late_s: list[float] = []
        self._due = 0.0
        self._handle: asyncio.TimerHandle | None = None

    def start(self) -> None:
        self.late_s.clear()
        self._due = time.perf_counter() + BEAT_S
        self._handle = asyncio.get_running_loop().call_later(BEAT_S, self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.late_s.append(max(0.0, now - self._due))
        self._due = now + BEAT_S
        self._handle = asyncio.get_running_loop().call_later(BEAT_S, self._beat)

    def stop(self) -> dict[str, float]:
        if self._handle is not None:
            self._handle.cancel()
        late = sorted(self.late_s)
        return {
            "worst_ms": late[-1] * 1000,
            "p99_ms": late[int(len(late) * 0.99) - 1] * 1000,
            "median_ms": statistics.median(late) * 1000,
            "beats": float(len(late)),
        }


class TimedStore:
    """Times every ``merge_account`` call of a store (each holds the loop for its duration)."""

    def __init__(self, store: HistoryStore) -> None:
        self.calls_s: list[float] = []
        self._merge = store.merge_account
        store.merge_account = self._timed  # type: ignore[method-assign]

    def _timed(self, tasks: Sequence[AccountTask]) -> MergedTasks:
        started = time.perf_counter()
        try:
            return self._merge(tasks)
        finally:
            self.calls_s.append(time.perf_counter() - started)


def _prepare(path: Path) -> list[dict[str, Any]]:
    """The history file, and the account's tasks newest first."""
    _build(path, HISTORY_ROWS)
    with sqlite3.connect(path) as db:
        db.executemany(
            "UPDATE history SET tid = ? WHERE id = ?",
            ((_tid(row_id), row_id) for row_id in range(1, HISTORY_ROWS + 1)),
        )
        # The newest rows: still running when last polled.
        db.execute(
            "UPDATE history SET step = 'running' WHERE id > ?", (HISTORY_ROWS - KNOWN_RUNNING,)
        )
    db.close()
    now = datetime.now(UTC)  # the lost rows' time: their tasks were asked for just now
    tasks: list[dict[str, Any]] = []
    with HistoryStore(path) as store:
        for index in range(LOST):
            body = _body(HISTORY_ROWS + index)
            row = store.add_submission(body, source_name=None, source_duration_ms=None)
            store.mark_unknown(row.id, "The answer was lost.")
            tasks.append(_summary(str(uuid.uuid5(uuid.NAMESPACE_URL, f"lost-{index}")), body, now))
    for index in range(KNOWN_RUNNING):
        row_id = HISTORY_ROWS - index  # its body is _body(row_id - 1), as _build wrote it
        requested = now - timedelta(minutes=1 + index)
        tasks.append(_summary(_tid(row_id), _body(row_id - 1), requested))
    for index in range(ACCOUNT_TASKS - LOST - KNOWN_RUNNING):
        tid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"elsewhere-{index}"))
        requested = now - timedelta(minutes=1 + KNOWN_RUNNING + index)
        tasks.append(_summary(tid, _body(HISTORY_ROWS + LOST + index), requested))
    return tasks


async def _merge(store: HistoryStore, service: StubService) -> dict[str, float]:
    """One merge against the stub: its time, the loop's lateness, the store calls."""
    timed = TimedStore(store)
    async with KokoonClient(
        token="bench", base_url=BASE_URL, transport=httpx.MockTransport(service)
    ) as client:
        sync = AccountSync(client, store, page_size=PAGE_SIZE)
        heartbeat = Heartbeat()
        heartbeat.start()
        lists_before = service.list_requests
        started = time.perf_counter()
        report = await sync.merge()
        elapsed = time.perf_counter() - started
        beats = heartbeat.stop()
    return {
        "seconds": elapsed,
        "added": float(report.added),
        "updated": float(report.updated),
        "resolved": float(len(report.resolved)),
        "pages": float(service.list_requests - lists_before),
        "worst_store_call_ms": max(timed.calls_s) * 1000,
        "median_store_call_ms": statistics.median(timed.calls_s) * 1000,
        **{f"stall_{name}": value for name, value in beats.items()},
    }


async def _measure(path: Path, tasks: list[dict[str, Any]]) -> dict[str, Any]:
    service = StubService(tasks)
    with HistoryStore(path) as store:
        started = time.perf_counter()
        count = len(store.entries())
        entries_s = time.perf_counter() - started
        assert count == HISTORY_ROWS + LOST, count
        gc.collect()  # the merge does not pay for freeing the reference's entries
        # The stub's 10,000 tasks are the service's, not the app's: out of the collector's
        # sight, as the app's UI-thread collector freezes what lives for the whole run.
        gc.freeze()

        heartbeat = Heartbeat()  # the idle loop, for what a beat's lateness is here
        heartbeat.start()
        await asyncio.sleep(0.5)
        idle = heartbeat.stop()

        first = await _merge(store, service)
        second = await _merge(store, service)
        gc.unfreeze()
        rows = len(store.entries())
        unknown = len(store.by_state(SubmissionState.UNKNOWN))
    return {
        "history_rows": HISTORY_ROWS,
        "account_tasks": ACCOUNT_TASKS,
        "page_size": PAGE_SIZE,
        "entries_s": entries_s,
        "idle_worst_ms": idle["worst_ms"],
        "first": first,
        "second": second,
        "details_fetched": service.detail_requests,
        "rows_after": rows,
        "unknown_after": unknown,
    }


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kokoon-bench-account-") as folder:
        path = Path(folder) / "history.sqlite3"
        tasks = _prepare(path)
        result = asyncio.run(_measure(path, tasks))
    expected_rows = HISTORY_ROWS + ACCOUNT_TASKS - KNOWN_RUNNING
    assert result["rows_after"] == expected_rows, result
    assert result["unknown_after"] == 0, result
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    run()
