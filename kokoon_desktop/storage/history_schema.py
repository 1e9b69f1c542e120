"""The history database's schema and its migrations, oldest first.

The schema version is SQLite's ``PRAGMA user_version``: 0 for a new (empty) file, then the
number of migrations applied. Version N+1 is one more function appended to ``MIGRATIONS``; every
pending migration runs in one ``BEGIN IMMEDIATE`` transaction together with the version bump, so
a crash half-way leaves the file at the old version, and two processes opening a new file at the
same moment migrate it once (the second waits for the first, then finds nothing to do).

A file written by a newer version is never touched (:class:`NewerSchemaError`): an older app
cannot know what the newer columns mean, and "repairing" them would lose data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]

APPLICATION_ID = 0x4B4B4448
"""``PRAGMA application_id`` of a Kokoon Desktop history ("KKDH"): tells our file from others."""

COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "state",
    "request_body",
    "source_name",
    "source_duration_ms",
    "tid",
    "in_vid",
    "out_vid",
    "step",
    "progress",
    "message",
    "origin",
    "source_path",
    "source_fps",
    "credits",
    "request_time",
    "start_time",
    "finish_time",
    "expires_at",
    "result_state",
    "result_path",
    "result_message",
    "result_bytes",
    "vid",
    "task_type",
    "category",
    "start_pos",
    "duration",
    "width",
    "height",
)
"""Every column, in the order rows are read (``history.py`` indexes rows by this order)."""

SUMMARY_TEXT_COLUMNS = ("vid", "task_type", "category")
SUMMARY_INTEGER_COLUMNS = ("start_pos", "duration", "width", "height")
"""Copies of request-body fields the history pane shows on every row (see ``_v1``)."""


def _v1_create_history(db: sqlite3.Connection) -> None:
    """The history table.

    ``request_body`` is the JSON of exactly the body that was sent. The columns after
    ``message`` copy the body's fields the history pane shows on every row, so that opening a
    long history does not parse every body (JSON parsing is most of the cost of loading 100,000
    rows). A copy is NULL whenever the body's value is not a plain string or integer; readers
    then fall back to the JSON, so the copies can never say something the body does not.

    ``AUTOINCREMENT`` so an id is never reused after a removal: a poller still holding a removed
    row's id must not update somebody else's task. ``tid`` is unique: one server task, one row.
    There is no CHECK on ``state``, so a future state does not need a table rebuild.
    """
    db.execute(
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            state TEXT NOT NULL,
            request_body TEXT NOT NULL,
            source_name TEXT,
            source_duration_ms INTEGER,
            tid TEXT,
            in_vid TEXT,
            out_vid TEXT,
            step TEXT,
            progress REAL,
            message TEXT,
            vid TEXT,
            task_type TEXT,
            category TEXT,
            start_pos INTEGER,
            duration INTEGER,
            width INTEGER,
            height INTEGER
        )
        """
    )
    db.execute("CREATE INDEX history_state ON history (state)")
    db.execute("CREATE INDEX history_created_at ON history (created_at)")
    db.execute("CREATE UNIQUE INDEX history_tid ON history (tid)")


def _v2_results_and_account(db: sqlite3.Connection) -> None:
    """What a row knows of its result and of the account, and the memory of removed tasks.

    - ``origin``: NULL for a submission made by this app, ``'account'`` for a task found in
      ``GET /task`` (made by the command line or on another machine).
    - ``source_path``, ``source_fps``: the local file the source was uploaded from and its frame
      rate (a rational, as the service writes it), for the output folder and the sidecar.
    - ``credits``: what the task cost (decimal text), when the quote was known at submission.
    - ``request_time``, ``start_time``, ``finish_time``: the service's times of the task, and
      ``expires_at`` the result's expiry, all ISO 8601 UTC text as the service sends them.
    - ``result_*``: the download of the result (see ``history.ResultState``); ``result_path`` is
      the final file name, also while the bytes are still going to ``<name>.part``.

    ``removed_tasks`` keeps the task IDs of removed rows, so merging the account's task list
    never brings a removed row back. ``sync_marks`` holds small named values of the merge.
    """
    for column, kind in (
        ("origin", "TEXT"),
        ("source_path", "TEXT"),
        ("source_fps", "TEXT"),
        ("credits", "TEXT"),
        ("request_time", "TEXT"),
        ("start_time", "TEXT"),
        ("finish_time", "TEXT"),
        ("expires_at", "TEXT"),
        ("result_state", "TEXT"),
        ("result_path", "TEXT"),
        ("result_message", "TEXT"),
        ("result_bytes", "INTEGER"),
    ):
        db.execute(f"ALTER TABLE history ADD COLUMN {column} {kind}")
    db.execute("CREATE INDEX history_result_state ON history (result_state)")
    db.execute("CREATE TABLE removed_tasks (tid TEXT PRIMARY KEY, removed_at TEXT NOT NULL)")
    db.execute("CREATE TABLE sync_marks (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: tuple[Migration, ...] = (_v1_create_history, _v2_results_and_account)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """The file was written by a newer version of the app; it is left as it is."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(f"history schema version {found}; this version reads up to {supported}")
        self.found = found
        self.supported = supported


class ForeignDatabaseError(Exception):
    """The file is an SQLite database, but not a Kokoon Desktop history."""


def user_version(db: sqlite3.Connection) -> int:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    assert isinstance(version, int)
    return version


def check_readable(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """The file's schema version, if this code may open it; raises before anything is written."""
    version = user_version(db)
    if version > len(migrations):
        raise NewerSchemaError(version, len(migrations))
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    if version > 0 and application_id != APPLICATION_ID:
        raise ForeignDatabaseError(f"its application id is {application_id:#x}")
    if version == 0:
        tables = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if tables:
            raise ForeignDatabaseError(f"it holds {tables} other table(s) or index(es)")
    return version


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply every pending migration in one transaction; returns the version now in the file.

    ``db`` must be in autocommit mode (``isolation_level=None``), not inside a transaction.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        version = check_readable(db, migrations)  # again, now that the write lock is held
        if version == 0:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for migration in migrations[version:]:
            migration(db)
        if version < len(migrations):
            db.execute(f"PRAGMA user_version = {len(migrations)}")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return len(migrations)
