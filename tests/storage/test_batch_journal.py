"""The batch journal: items by batch and content, their states and links, remembered uploads,
one run of a batch at a time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kokoon_desktop.storage.batch_journal import (
    BatchBusyError,
    BatchJournal,
    JournalError,
    RowState,
    batch_id,
    file_digest,
)

API = "http://127.0.0.1:9/kokoon/api/sr/v3"


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[BatchJournal]:
    opened = BatchJournal(tmp_path / "data" / "batches.sqlite3")
    yield opened
    opened.close()


def test_items_are_recorded_then_linked_then_settled(journal: BatchJournal, tmp_path: Path) -> None:
    batch = batch_id(tmp_path / "jobs.csv", API)
    row = journal.record(batch, "k1", 1)
    assert (row.state, row.history_id, row.tid) == (RowState.PENDING, None, None)
    assert journal.record(batch, "k1", 3).row == 3  # moved in the manifest: the same item
    journal.set_state(batch, "k1", RowState.SENDING, history_id=7)
    row = journal.set_state(batch, "k1", RowState.SENT, tid="t-1")
    assert (row.state, row.history_id, row.tid) == (RowState.SENT, 7, "t-1")
    # Reopened (another run): the same.
    again = BatchJournal(journal.path)
    assert again.rows(batch)["k1"] == row
    assert again.rows(batch_id(tmp_path / "jobs.csv", API + "/other")) == {}
    again.close()
    assert journal.forget(batch) == 1 and journal.rows(batch) == {}


def test_the_batch_is_the_resolved_manifest_and_the_service(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert batch_id(tmp_path / "sub" / ".." / "m.json", API) == batch_id(
        tmp_path / "m.json", API + "/"
    )


def test_uploads_are_remembered_per_service(journal: BatchJournal, tmp_path: Path) -> None:
    clip = tmp_path / "clip.bin"
    clip.write_bytes(b"x" * 3_000_000)
    size, digest = file_digest(clip)
    assert size == 3_000_000 and digest.startswith("blake2b:")
    assert file_digest(clip) == (size, digest)
    clip.write_bytes(b"x" * 2_999_999 + b"y")
    assert file_digest(clip)[1] != digest  # a change anywhere is another content
    journal.remember_upload(API, size, digest, "vid-1", "clip.bin")
    assert journal.remembered_upload(API, size, digest).vid == "vid-1"  # type: ignore[union-attr]
    assert journal.remembered_upload(API + "x", size, digest) is None
    journal.forget_upload(API, "vid-1")
    assert journal.remembered_upload(API, size, digest) is None


def test_one_run_of_a_batch_at_a_time(journal: BatchJournal, tmp_path: Path) -> None:
    batch = batch_id(tmp_path / "m.json", API)
    with journal.lock(batch):
        with pytest.raises(BatchBusyError, match="under way"), journal.lock(batch):
            pass
        with journal.lock(batch_id(tmp_path / "other.json", API)):
            pass
    with journal.lock(batch):  # released
        pass


def test_a_killed_holder_releases_the_lock(journal: BatchJournal, tmp_path: Path) -> None:
    batch = batch_id(tmp_path / "m.json", API)
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from kokoon_desktop.storage.batch_journal import BatchJournal\n"
        "j = BatchJournal(Path(sys.argv[1]))\n"
        "with j.lock(sys.argv[2]):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(journal.path), batch], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(BatchBusyError), journal.lock(batch):
            pass
    finally:
        holder.kill()
        holder.communicate()
    with journal.lock(batch):
        pass


def test_a_foreign_or_newer_file_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("PRAGMA user_version = 3")
    with pytest.raises(JournalError, match="another program"):
        BatchJournal(foreign)
    newer = tmp_path / "newer.sqlite3"
    BatchJournal(newer).close()
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(JournalError, match="newer"):
        BatchJournal(newer)
