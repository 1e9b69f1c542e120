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

from kokoon_desktop.storage import history_text

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


def _v3_search_texts(db: sqlite3.Connection) -> None:
    """What a search finds a row by, and its full-text index.

    ``history_search`` holds each row's searchable texts in one line (``history_text``), written
    by the store with every change of the row and removed with it (the trigger). Texts are made
    in Python, which lowers them as the search box's text is lowered; filling them for an
    existing history of 100,000 rows takes a few seconds, once. The FTS5 index over them is made
    by ``search_index``, here and whenever a file is opened without one.
    """
    db.execute("CREATE TABLE history_search (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    db.execute(
        "CREATE TRIGGER history_search_forget AFTER DELETE ON history "
        "BEGIN DELETE FROM history_search WHERE id = old.id; END"
    )
    history_text.write_texts(db)
    search_index(db)


MIGRATIONS: tuple[Migration, ...] = (
    _v1_create_history,
    _v2_results_and_account,
    _v3_search_texts,
)
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


# -- the full-text index of the searchable texts -------------------------------------------------

#: The triggers that keep ``history_fts`` in step with ``history_search``.
_FTS_TRIGGERS = {
    "history_fts_insert": "AFTER INSERT ON history_search BEGIN "
    "INSERT INTO history_fts (rowid, text) VALUES (new.id, new.text); END",
    "history_fts_delete": "AFTER DELETE ON history_search BEGIN "
    "INSERT INTO history_fts (history_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "history_fts_update": "AFTER UPDATE OF text ON history_search BEGIN "
    "INSERT INTO history_fts (history_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO history_fts (rowid, text) VALUES (new.id, new.text); END",
}


def fts5_available() -> bool:
    """Whether this SQLite has FTS5 with its trigram tokenizer (SQLite 3.34 and later).

    Python's own builds have it; a Python linked to a system SQLite built without it does not,
    and then searches scan the texts (correct, and slower: about 50 ms at 100,000 rows).
    """
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='trigram')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def _fts_state(db: sqlite3.Connection) -> tuple[bool, set[str]]:
    """Whether ``history_fts`` exists, and which of its triggers do."""
    names = {
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE name = 'history_fts' OR "
            "(type = 'trigger' AND name LIKE 'history_fts_%')"
        )
    }
    return "history_fts" in names, names & _FTS_TRIGGERS.keys()


def search_index(db: sqlite3.Connection) -> bool:
    """Make the FTS5 index of the searchable texts current; whether searches can use it.

    With FTS5, a missing index (a file made where SQLite had none) is made, and one whose
    triggers are gone (the file was written meanwhile by an SQLite without FTS5) is rebuilt from
    the texts. Without FTS5, the index's triggers are dropped, as every write would fail on
    them; the index itself stays for a later run with FTS5, which rebuilds it.

    Runs inside the caller's transaction when there is one; otherwise takes the write lock
    only if something is to be changed.
    """
    available = fts5_available()
    exists, triggers = _fts_state(db)
    if (available and exists and len(triggers) == len(_FTS_TRIGGERS)) or (
        not available and not triggers
    ):
        return available
    own_transaction = not db.in_transaction
    if own_transaction:
        db.execute("BEGIN IMMEDIATE")
    try:
        _repair_index(db, available)
    except BaseException:
        if own_transaction:
            db.execute("ROLLBACK")
        raise
    if own_transaction:
        db.execute("COMMIT")
    return available


def drop_search_triggers(db: sqlite3.Connection) -> None:
    """Stop keeping the index in step with the texts (until ``search_index`` rebuilds it)."""
    for name in _fts_state(db)[1]:
        db.execute(f"DROP TRIGGER {name}")


def _repair_index(db: sqlite3.Connection, available: bool) -> None:
    drop_search_triggers(db)
    if not available:
        return
    exists = _fts_state(db)[0]  # again, under the write lock
    if not exists:
        # External content: the index keeps no copy of the texts. Trigrams find substrings;
        # case_sensitive 1 because the texts and searches are lowered by Python already.
        db.execute(
            "CREATE VIRTUAL TABLE history_fts USING fts5(text, content='history_search', "
            "content_rowid='id', tokenize='trigram case_sensitive 1')"
        )
    for name, body in _FTS_TRIGGERS.items():
        db.execute(f"CREATE TRIGGER {name} {body}")
    # In one pass from the texts: four times faster than row by row through the triggers.
    db.execute("INSERT INTO history_fts (history_fts) VALUES ('rebuild')")
