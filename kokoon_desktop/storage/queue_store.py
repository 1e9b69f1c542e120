"""The window's queue: items waiting to be sent, kept in a table of the batches file.

The queue lives beside the batch journal (``batches.sqlite3``, see ``batch_journal``) in a
table of its own, ``queue_items``, so it survives restarts and crashes and never touches the
history's schema. Each item is a source (an uploaded ``vid``, or a local file until it is
uploaded), a range, and settings held as a preset (``core.presets``): the size is a rule
("1080p", "2x", "1920x1080"), so a file's size is known once it is probed.

An item's way to its task, and what makes it impossible to send twice::

    waiting -> sending (its history row written and linked, committed) -> sent | failed | unknown

``sending`` is written with the history row's id *before* the request leaves (``Submitter``'s
``on_recorded``); after a crash such an item is settled from its history row and the server
("check on server"), never sent again blindly. ``failed`` certainly created nothing: Retry
sends it again. ``unknown`` is checked on the server before anything else.

Writes commit before returning, on the event loop; the write-ahead log is never copied into
the file there (that ends with an fsync): :meth:`QueueStore.checkpoint_aside` does it on a
worker thread.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kokoon_desktop.storage.batch_journal import BatchJournal, JournalError

__all__ = ["QueueError", "QueueItem", "QueueState", "QueueStore"]

BUSY_TIMEOUT_S = 5.0


class QueueError(Exception):
    """The queue cannot be read or written; the message is for people."""


class QueueState(StrEnum):
    WAITING = "waiting"  # to be sent by the next Submit all
    UPLOADING = "uploading"  # its file is going up (or waits for its turn)
    SENDING = "sending"  # its history row exists: the request may be on its way
    SENT = "sent"  # its task exists (``tid``)
    UNKNOWN = "unknown"  # the answer was lost: check on server, never resend blindly
    FAILED = "failed"  # certainly not created (``message``): Retry sends it again

    @property
    def editable(self) -> bool:
        return self in (QueueState.WAITING, QueueState.FAILED)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One item of the queue. ``settings`` is a preset's JSON (``Preset.to_json``)."""

    id: int
    position: int
    settings: dict[str, Any]
    source_name: str | None = None
    vid: str | None = None  # None: a local file not uploaded yet
    source_path: str | None = None
    source_width: int | None = None
    source_height: int | None = None
    source_duration_ms: int | None = None
    fps: str | None = None
    start_pos: int = 0
    duration: int = 0
    use_trim_orig: bool = False
    preset: str | None = None  # the name of the preset given to it, if one was
    state: QueueState = QueueState.WAITING
    history_id: int | None = None
    tid: str | None = None
    message: str | None = None

    @property
    def source_size(self) -> tuple[int, int] | None:
        if self.source_width and self.source_height:
            return self.source_width, self.source_height
        return None


_COLUMNS = tuple(f.name for f in fields(QueueItem))
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM queue_items"  # noqa: S608 - fixed names
_WRITABLE = tuple(name for name in _COLUMNS if name != "id")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS queue_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    position INTEGER NOT NULL,
    settings TEXT NOT NULL,
    source_name TEXT,
    vid TEXT,
    source_path TEXT,
    source_width INTEGER,
    source_height INTEGER,
    source_duration_ms INTEGER,
    fps TEXT,
    start_pos INTEGER NOT NULL DEFAULT 0,
    duration INTEGER NOT NULL DEFAULT 0,
    use_trim_orig INTEGER NOT NULL DEFAULT 0,
    preset TEXT,
    state TEXT NOT NULL,
    history_id INTEGER,
    tid TEXT,
    message TEXT,
    updated_at TEXT NOT NULL
)
"""


def _item(row: Sequence[Any]) -> QueueItem:
    values = dict(zip(_COLUMNS, row, strict=True))
    try:
        values["settings"] = json.loads(values["settings"])
    except ValueError:
        values["settings"] = {}
    try:
        values["state"] = QueueState(values["state"])
    except ValueError:
        values["state"] = QueueState.UNKNOWN  # a later version's state: check, never resend
    values["use_trim_orig"] = bool(values["use_trim_orig"])
    return QueueItem(**values)


def _stored(name: str, value: object) -> object:
    if name == "settings":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


class QueueStore:
    """The queue of one profile. Use it from one thread (the event loop's)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            BatchJournal(self.path).close()  # the file, with its own tables and marks
        except JournalError as exc:
            raise QueueError(str(exc)) from None
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            # Copied into the file by checkpoint_aside, on a worker thread (see the module).
            self._db.execute("PRAGMA wal_autocheckpoint = 0")
            self._db.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise QueueError(f"The queue in {self.path} cannot be used ({exc}).") from None

    def close(self) -> None:
        self._db.close()

    def _run(self, sql: str, parameters: Iterable[object] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, tuple(parameters))
        except sqlite3.Error as exc:
            raise QueueError(f"Could not write the queue in {self.path}: {exc}") from None

    def items(self) -> list[QueueItem]:
        """Every item, in the queue's order."""
        found = self._run(f"{_SELECT} ORDER BY position, id").fetchall()
        return [_item(row) for row in found]

    def get(self, item_id: int) -> QueueItem | None:
        found = self._run(f"{_SELECT} WHERE id = ?", (item_id,)).fetchone()
        return _item(found) if found is not None else None

    def add(self, items: Sequence[QueueItem]) -> list[QueueItem]:
        """Append items (their ``id`` and ``position`` are the store's), in one commit."""
        last = self._run("SELECT COALESCE(MAX(position), 0) FROM queue_items").fetchone()[0]
        now = _now()
        added: list[QueueItem] = []
        columns = ", ".join((*_WRITABLE, "updated_at"))
        marks = ", ".join("?" for _ in range(len(_WRITABLE) + 1))
        self._run("BEGIN IMMEDIATE")
        try:
            for offset, item in enumerate(items, start=1):
                placed = replace(item, position=last + offset)
                values = [_stored(name, getattr(placed, name)) for name in _WRITABLE]
                cursor = self._run(
                    f"INSERT INTO queue_items ({columns}) VALUES ({marks})",  # noqa: S608 - our names
                    (*values, now),
                )
                assert cursor.lastrowid is not None
                added.append(replace(placed, id=cursor.lastrowid))
            self._run("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return added

    def update(self, item_id: int, **changes: object) -> QueueItem:
        """Change an item's fields (committed); ``QueueError`` if it is gone."""
        unknown = set(changes) - set(_WRITABLE)
        if unknown:
            raise TypeError(f"Unknown queue item field(s): {', '.join(sorted(unknown))}")
        assignments = ", ".join(f"{name} = ?" for name in (*changes, "updated_at"))
        values = [_stored(name, value) for name, value in changes.items()]
        self._run(
            f"UPDATE queue_items SET {assignments} WHERE id = ?",  # noqa: S608 - our names
            (*values, _now(), item_id),
        )
        item = self.get(item_id)
        if item is None:
            raise QueueError(f"The queue has no item {item_id} any more.")
        return item

    def remove(self, item_ids: Iterable[int]) -> None:
        ids = list(item_ids)
        if ids:
            marks = ", ".join("?" for _ in ids)
            self._run(f"DELETE FROM queue_items WHERE id IN ({marks})", ids)  # noqa: S608

    def reorder(self, item_ids: Sequence[int]) -> None:
        """Put the items in this order (ids not named keep their place after them)."""
        self._run("BEGIN IMMEDIATE")
        try:
            for position, item_id in enumerate(item_ids, start=1):
                self._run("UPDATE queue_items SET position = ? WHERE id = ?", (position, item_id))
            self._run("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def checkpoint_aside(self) -> None:
        """Copy the write-ahead log into the file on a connection of its own: for a worker
        thread, so the disk is waited for there. Passive: it waits for no one."""
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                db.close()
        except sqlite3.Error as exc:
            raise QueueError(f"Could not write the queue in {self.path}: {exc}") from None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
