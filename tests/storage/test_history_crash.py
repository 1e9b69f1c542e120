"""Real processes writing the history: killed with SIGKILL mid-stream, or writing side by side.

A child process adds submissions and prints each one once ``add_submission`` (or a mark) has
returned. The parent kills it at a random moment. Reopened, the file must hold every row the
child reported, each once, plus at most the one it committed but had no time to report.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kokoon_desktop.storage.history import HistoryStore, SubmissionState

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

REPO = Path(__file__).resolve().parents[2]

# Each submission carries its sequence number in the body, so a row tells which one it is.
CHILD = """
import sys
from pathlib import Path
from kokoon_desktop.storage.history import HistoryStore

path, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
store = HistoryStore(path)
for seq in range(start, start + count):
    body = {"task_type": "SR", "category": "general", "vid": f"v-{seq}", "seq": seq,
            "width": 1920, "height": 1080, "start_pos": 0, "duration": 0}
    entry = store.add_submission(body, source_name=f"clip-{seq}.mov", source_duration_ms=seq)
    print("added", seq, entry.id, flush=True)
    if seq % 3 == 0:
        store.mark_submitted(entry.id, tid=f"task-{seq}", in_vid=f"v-{seq}", out_vid=None)
        print("submitted", seq, entry.id, flush=True)
    elif seq % 3 == 1:
        store.mark_unknown(entry.id, "connection dropped after sending")
        print("unknown", seq, entry.id, flush=True)
store.close()
print("finished", flush=True)
"""


@dataclass
class Report:
    """What a child said it had written (complete lines only)."""

    added: dict[int, int] = field(default_factory=dict)  # seq -> id
    marked: dict[int, str] = field(default_factory=dict)  # seq -> state it reported
    finished: bool = False

    def read(self, lines: Sequence[str]) -> None:
        for line in lines:
            if not line.endswith("\n"):
                continue  # cut off by the kill: not a report
            words = line.split()
            if words == ["finished"]:
                self.finished = True
            elif words[0] == "added":
                self.added[int(words[1])] = int(words[2])
            else:
                self.marked[int(words[1])] = words[0]


def _start(path: Path, start: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(start), str(count)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(child: subprocess.Popen[str], reports: int, delay_s: float) -> Report:
    """Let the child report ``reports`` rows, wait ``delay_s``, SIGKILL it, collect its output."""
    assert child.stdout is not None and child.stderr is not None
    report = Report()
    while len(report.added) < reports:
        line = child.stdout.readline()
        assert line, f"the child stopped early: {child.stderr.read()}"
        report.read([line])
    time.sleep(delay_s)
    os.kill(child.pid, signal.SIGKILL)
    # Not communicate(): it reads the pipe itself and would skip what readline() buffered.
    rest = child.stdout.read()
    errors = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    assert child.wait(timeout=30) == -signal.SIGKILL, errors
    report.read(rest.splitlines(keepends=True))
    return report


def _rows(path: Path) -> dict[int, tuple[int, str, str | None]]:
    """seq -> (id, state, tid) of every row, after checking the file's integrity."""
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        db.close()
    rows: dict[int, tuple[int, str, str | None]] = {}
    with HistoryStore(path) as store:
        for entry in store.entries():
            seq = entry.request_body["seq"]
            assert seq not in rows, f"submission {seq} is in the history twice"
            rows[seq] = (entry.id, entry.state.value, entry.tid)
    return rows


def test_killed_at_random_moments_loses_nothing_it_reported(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    path = tmp_path / "history.sqlite3"
    next_seq = 0
    all_ids: set[int] = set()
    for round_ in range(4):
        reports = rng.randrange(1, 60)
        delay_s = rng.choice([0.0, 0.0, rng.random() * 0.003])
        child = _start(path, next_seq, 100_000)  # far more than it has time for
        report = _kill_after(child, reports, delay_s)
        where = f"(seed {seed}, round {round_}, killed after {reports} reports)"
        assert not report.finished, where

        rows = _rows(path)
        new = {seq: row for seq, row in rows.items() if seq >= next_seq}
        # Every reported row is there, with the id it was given, in at least the state reported.
        for seq, entry_id in report.added.items():
            assert seq in new, f"reported submission {seq} was lost {where}"
            assert new[seq][0] == entry_id, where
        for seq, state in report.marked.items():
            assert new[seq][1] == state, f"submission {seq} lost its {state} mark {where}"
        # Nothing else, except the one row committed before the kill but not yet reported.
        reported = sorted(report.added)
        assert reported == list(range(next_seq, next_seq + len(reported))), where
        assert sorted(new)[: len(reported)] == reported, where
        assert len(new) - len(reported) in (0, 1), where
        ids = {row[0] for row in new.values()}
        assert not ids & all_ids, f"an id was used twice {where}"
        all_ids |= ids
        next_seq = max(rows) + 1

    with HistoryStore(path) as store:
        assert len(store.entries()) == len(all_ids)
        assert all(e.state is not SubmissionState.FAILED for e in store.entries())


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()  # both find the schema ready; creating it at once is tested below
    children = [_start(path, 0, 150), _start(path, 1000, 150)]
    reports = []
    for child in children:
        out, errors = child.communicate(timeout=120)
        assert child.returncode == 0, errors
        report = Report()
        report.read(out.splitlines(keepends=True))
        assert report.finished
        reports.append(report)
    rows = _rows(path)
    assert sorted(rows) == [*range(150), *range(1000, 1150)]
    for report in reports:
        for seq, entry_id in report.added.items():
            assert rows[seq][0] == entry_id
        for seq, state in report.marked.items():
            assert rows[seq][1] == state
    assert len({row[0] for row in rows.values()}) == 300


@pytest.mark.parametrize("round_", range(4))
def test_processes_creating_the_file_at_once(tmp_path: Path, round_: int) -> None:
    # A race: each process must see the new file either empty or fully migrated.
    path = tmp_path / "new" / "history.sqlite3"
    children = [_start(path, 100 * n, 3) for n in range(4)]
    for child in children:
        _, errors = child.communicate(timeout=60)
        assert child.returncode == 0, errors
    assert sorted(_rows(path)) == [100 * n + k for n in range(4) for k in range(3)]
