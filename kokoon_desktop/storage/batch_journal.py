"""The journal of batches: which item of which manifest was sent, so a re-run sends none twice.

A batch is a manifest (its resolved path) sent to one service (its API address); each item is
known by the hash of its content (``ManifestRow.key``), so an edited item is a new item and a
moved one is the same. Each journal row links the item to its history row (written by the
``Submitter`` before the request leaves) and, once known, to its task.

States: ``pending`` (recorded, not sent), ``sending`` (its history row exists: the request
may be on its way), ``sent`` (the task exists: ``tid``), ``unknown`` (the answer was lost:
check on the server, never send again blindly), ``failed`` (certainly not created: the
service refused it, or a check found nothing; sending it again cannot charge twice).

Why a file of its own (``batches.sqlite3``) rather than a table in the history:

* the history's schema version is shared with every copy of the app, and a history migrated
  by a newer version is refused whole by an older one (``NewerSchemaError``): a table for the
  command line is not worth locking an older window out of its tasks;
* nothing needs both in one transaction: the history row is committed, then the journal
  links it, then the request is sent (``Submitter.submit``'s ``on_recorded``). A crash
  between the first two leaves a ``pending`` item whose request never left (sent on the next
  run) and a history row that "check on server" settles as not created; a crash after the
  link leaves ``sending``, which the next run settles from the history and the server;
* the journal can be deleted to forget batches without touching the record of tasks.

The same file remembers uploads (``uploads``): a local file, known by its size and BLAKE2b
digest, uploaded to one service as one ``vid``, so a re-run or another manifest naming the
same file reuses the upload instead of paying for the transfer again.

Writes commit before returning (WAL, like the history); runs of the same batch are kept
apart by :meth:`BatchJournal.lock`, an operating-system lock that dies with its process.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

__all__ = [
    "BatchBusyError",
    "BatchJournal",
    "JournalError",
    "JournalRow",
    "RememberedUpload",
    "RowState",
    "batch_id",
    "file_digest",
]

BUSY_TIMEOUT_S = 5.0
_APPLICATION_ID = 0x4B4B4442  # "KKDB"


class JournalError(Exception):
    """The journal cannot be read or written; the message is for people."""


class BatchBusyError(JournalError):
    """Another run of the same batch holds its lock."""


class RowState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNKNOWN = "unknown"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class JournalRow:
    """One item of one batch, as far as the journal knows."""

    batch: str
    key: str
    row: int  # its row number in the manifest when last seen
    state: RowState
    history_id: int | None
    tid: str | None
    message: str | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class RememberedUpload:
    vid: str
    filename: str | None
    uploaded_at: str


def batch_id(manifest: Path, api_url: str) -> str:
    """The batch of a manifest sent to a service: its resolved path and the API address."""
    resolved = str(Path(manifest).expanduser().resolve())
    return f"{api_url.rstrip('/')}\n{resolved}"


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE batch_rows (
            batch TEXT NOT NULL,
            key TEXT NOT NULL,
            row INTEGER NOT NULL,
            state TEXT NOT NULL,
            history_id INTEGER,
            tid TEXT,
            message TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (batch, key)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE uploads (
            api_url TEXT NOT NULL,
            size INTEGER NOT NULL,
            digest TEXT NOT NULL,
            vid TEXT NOT NULL,
            filename TEXT,
            uploaded_at TEXT NOT NULL,
            PRIMARY KEY (api_url, size, digest)
        )
        """
    )


_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1,)


class BatchJournal:
    """The batches file of one profile. Use it from one thread (the event loop's)."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path)
        self._clock = clock or (lambda: datetime.now(UTC))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self._migrate()
        except sqlite3.Error as exc:
            raise JournalError(
                f"The batch journal {self.path} cannot be used ({exc}). Move it elsewhere to "
                "start a new one; batches already sent are still in the history."
            ) from None
        except OSError as exc:
            raise JournalError(f"Cannot create {self.path.parent}: {exc.strerror or exc}") from None

    def _migrate(self) -> None:
        db = self._db
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            app = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if app not in (0, _APPLICATION_ID) or (app == 0 and version != 0):
                raise sqlite3.DatabaseError("it is another program's database")
            if version > len(_MIGRATIONS):
                raise sqlite3.DatabaseError(
                    f"it was written by a newer Kokoon Desktop (version {version})"
                )
            for migration in _MIGRATIONS[version:]:
                migration(db)
            db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {len(_MIGRATIONS)}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="microseconds")

    def _write(self, sql: str, parameters: tuple[Any, ...]) -> None:
        try:
            self._db.execute(sql, parameters)
        except sqlite3.Error as exc:
            raise JournalError(f"Could not write the batch journal {self.path}: {exc}") from None

    # --- items ------------------------------------------------------------------------------

    def rows(self, batch: str) -> dict[str, JournalRow]:
        """Every item of a batch the journal knows, by key."""
        found = self._db.execute(f"{_SELECT} WHERE batch = ?", (batch,)).fetchall()
        return {row[1]: _row(row) for row in found}

    def get(self, batch: str, key: str) -> JournalRow | None:
        found = self._db.execute(f"{_SELECT} WHERE batch = ? AND key = ?", (batch, key)).fetchone()
        return _row(found) if found is not None else None

    def record(self, batch: str, key: str, row: int) -> JournalRow:
        """The item as the journal has it, recorded as ``pending`` if it is new."""
        now = self._now()
        self._write(
            "INSERT INTO batch_rows (batch, key, row, state, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (batch, key) DO UPDATE SET row = excluded.row",
            (batch, key, row, RowState.PENDING.value, now, now),
        )
        recorded = self.get(batch, key)
        assert recorded is not None
        return recorded

    def set_state(
        self,
        batch: str,
        key: str,
        state: RowState,
        *,
        history_id: int | None = None,
        tid: str | None = None,
        message: str | None = None,
    ) -> JournalRow:
        """Record where an item stands; ``history_id`` and ``tid`` are kept when not given."""
        self._write(
            "UPDATE batch_rows SET state = ?, history_id = COALESCE(?, history_id), "
            "tid = COALESCE(?, tid), message = ?, updated_at = ? WHERE batch = ? AND key = ?",
            (state.value, history_id, tid, message, self._now(), batch, key),
        )
        changed = self.get(batch, key)
        if changed is None:
            raise JournalError(f"The batch journal has no item {key[:12]} of this batch.")
        return changed

    def forget(self, batch: str) -> int:
        """Drop a batch's items (the tasks stay in the history and on the server)."""
        cursor = self._db.execute("DELETE FROM batch_rows WHERE batch = ?", (batch,))
        return cursor.rowcount

    # --- uploads ----------------------------------------------------------------------------

    def remembered_upload(self, api_url: str, size: int, digest: str) -> RememberedUpload | None:
        found = self._db.execute(
            "SELECT vid, filename, uploaded_at FROM uploads "
            "WHERE api_url = ? AND size = ? AND digest = ?",
            (api_url, size, digest),
        ).fetchone()
        return RememberedUpload(*found) if found is not None else None

    def remember_upload(
        self, api_url: str, size: int, digest: str, vid: str, filename: str | None
    ) -> None:
        self._write(
            "INSERT OR REPLACE INTO uploads (api_url, size, digest, vid, filename, uploaded_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (api_url, size, digest, vid, filename, self._now()),
        )

    def forget_upload(self, api_url: str, vid: str) -> None:
        """The service no longer has this upload (expired, deleted): upload again next time."""
        self._write("DELETE FROM uploads WHERE api_url = ? AND vid = ?", (api_url, vid))

    # --- one run at a time ------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, batch: str) -> Iterator[None]:
        """Hold the batch while it runs; ``BatchBusyError`` if another run holds it. The
        operating system drops the lock when its process ends, even when killed."""
        folder = self.path.with_name(self.path.stem + "-locks")
        folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(batch.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        with (folder / f"{name}.lock").open("a+b") as handle:
            if not _try_lock(handle):
                manifest = batch.partition("\n")[2]
                raise BatchBusyError(
                    f"Another run of the batch {manifest} is under way; wait for it to end."
                )
            try:
                yield
            finally:
                _unlock(handle)


def file_digest(path: Path, chunk: int = 1024 * 1024) -> tuple[int, str]:
    """(size, BLAKE2b hex digest) of a whole file: what identifies an upload's content. Reads
    the file: run it in a thread."""
    digest = hashlib.blake2b(digest_size=32)
    size = 0
    with Path(path).open("rb") as file:
        while block := file.read(chunk):
            digest.update(block)
            size += len(block)
    return size, "blake2b:" + digest.hexdigest()


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


_SELECT = "SELECT batch, key, row, state, history_id, tid, message, updated_at FROM batch_rows"


def _row(row: tuple[Any, ...]) -> JournalRow:
    batch, key, number, state, history_id, tid, message, updated_at = row
    try:
        parsed = RowState(state)
    except ValueError:
        parsed = RowState.UNKNOWN  # a later version's state: be careful, check on the server
    return JournalRow(batch, key, number, parsed, history_id, tid, message, updated_at)
