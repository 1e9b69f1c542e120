"""Every submission, written before its request is sent: the record that a task cannot be lost.

One SQLite file per profile (``ProfilePaths.history_file``), opened by one :class:`HistoryStore`
on the event-loop thread. Durability and concurrency choices:

- **WAL, ``synchronous=NORMAL``.** Every write is its own transaction and commits before the
  method returns, so a crash or ``kill -9`` right after ``add_submission`` returns keeps the
  row: a committed transaction is in the WAL file, which the operating system holds even if
  the process dies. What NORMAL gives up against FULL is the last commits before a *power
  cut* or kernel crash (the file stays consistent; it is rolled back to an earlier commit).
  FULL would ``fsync`` on every commit, and the tracker writes on every poll of every active
  task: at several milliseconds per fsync on ordinary disks, on the UI thread, that would
  stall the window (the 50 ms budget) for a guarantee against a rarer event, and a lost
  progress update is re-read from the server at the next poll anyway.
- **Concurrent processes** (a second window, the bench reading the file) are safe: WAL lets
  readers run beside one writer, writers take the lock with ``BEGIN IMMEDIATE`` and wait up to
  ``BUSY_TIMEOUT_S`` for it.
- **Reading a long history** is for the rows on screen: :meth:`HistoryStore.ids` sorts the
  ids in SQL, :meth:`HistoryStore.search` finds rows by their texts (kept beside the rows and
  indexed by FTS5, see ``history_text``), :meth:`HistoryStore.get_many` reads a page of them.
- **Files it cannot use** (not SQLite, damaged, another program's database, written by a newer
  version) raise :class:`HistoryError` with a sentence a person can act on, and are not
  modified.

State machine of a row (anything else raises :class:`TransitionError`)::

    SUBMITTING -> SUBMITTED | FAILED | UNKNOWN      (the answer, or its absence)
    UNKNOWN    -> SUBMITTED | FAILED | UNKNOWN      ("check on server", or still unknown)
    SUBMITTED  -> SUBMITTED with the same tid       (a repeated answer adds what was missing)
    SUBMITTED:   update_task() follows the server's step and progress
    FAILED:      final
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import math
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, Final, NamedTuple, Self

from kokoon_desktop.core.enums import Step
from kokoon_desktop.storage import history_schema, history_text
from kokoon_desktop.storage.history_schema import (
    COLUMNS,
    SUMMARY_INTEGER_COLUMNS,
    SUMMARY_TEXT_COLUMNS,
    ForeignDatabaseError,
    NewerSchemaError,
)

__all__ = [
    "BUSY_TIMEOUT_S",
    "AccountTask",
    "EntryNotFoundError",
    "HistoryEntry",
    "HistoryError",
    "HistoryStore",
    "MergedTasks",
    "ResultState",
    "SubmissionState",
    "TaskTimes",
    "TransitionError",
]

_log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 5.0
"""How long a write waits for another process holding the write lock before giving up."""


class HistoryError(Exception):
    """The history cannot be read or written; the message is meant for the person using the app."""


class EntryNotFoundError(HistoryError):
    """No row with this id: it was removed (or never existed)."""


class TransitionError(HistoryError):
    """The requested change does not follow from the row's current state."""


class SubmissionState(StrEnum):
    """Where a submission stands from the app's side (the task's own life is ``step``)."""

    SUBMITTING = "submitting"  # written before the request is sent
    SUBMITTED = "submitted"  # the service answered with a tid; `step` follows the task
    FAILED = "failed"  # the service refused or the request certainly never arrived
    UNKNOWN = "unknown"  # may or may not exist on the server: "check on server"


class ResultState(StrEnum):
    """Where the download of a finished task's result stands (NULL: not downloaded)."""

    QUEUED = "queued"  # wanted, waiting for a free slot (also after a restart)
    DOWNLOADING = "downloading"  # bytes are going to ``<result_path>.part``
    DOWNLOADED = "downloaded"  # complete at ``result_path``, sidecar beside it
    FAILED = "failed"  # gave up; ``result_message`` says why, and Retry starts over


class HistoryOrder(StrEnum):
    """What :meth:`HistoryStore.ids` sorts rows by (each column of the history pane has one)."""

    CREATED = "created"  # when the row was written
    SOURCE = "source"  # the source's name, else its vid; from the account after
    TASK_TYPE = "task_type"  # full before preview
    CATEGORY = "category"
    RANGE = "range"  # by start, then end; ranges open to the end after, whole files last
    OUTPUT = "output"  # by pixel count, then width
    STATE = "state"  # by the state's words (history_text.state_label)
    PROGRESS = "progress"  # a done task counts as complete
    RESULT = "result"  # done tasks after the others, by result state, then expiry
    TID = "tid"
    OUT_VID = "out_vid"


#: Where a row came from when it was not submitted by this app.
ORIGIN_ACCOUNT = "account"


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _integer(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass(frozen=True, slots=True)
class FoundRows:
    """What a search found, as SQLite listed it: the ids joined by commas (None: every row)."""

    joined: str | None

    def ids(self) -> set[int] | None:
        """The ids (None: every row). Reading 100,000 of them holds Python's lock for about
        10 ms: done where they are used, not on the thread that searched."""
        if self.joined is None:
            return None
        return set(map(int, self.joined.split(","))) if self.joined else set()


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One row of the history, as read from the store.

    The derived properties read the request body; they give ``""`` or ``0`` when a body lacks
    the field (only a body not made by ``TaskSpec.to_request_body`` can).

    ``request_body`` of an entry read from the store is a read-only ``Mapping`` that parses the
    stored JSON on first use (most rows of a long history are never opened): use
    ``dict(entry.request_body)`` where a real ``dict`` is needed, e.g. for ``json.dumps``.
    """

    id: int
    created_at: datetime  # UTC, aware; when the row was written (before sending)
    updated_at: datetime
    state: SubmissionState
    request_body: Mapping[str, Any]  # exactly the body sent (TaskSpec.to_request_body())
    source_name: str | None  # local file name or the video's filename, if known
    source_duration_ms: int | None
    tid: str | None = None
    in_vid: str | None = None
    out_vid: str | None = None
    step: str | None = None  # raw step from GET /task/{tid}
    progress: float | None = None  # 0..1 only while running and meaningful, else None
    message: str | None = None  # failure reason (server's words when given) or result_message
    origin: str | None = None  # None: submitted here; ORIGIN_ACCOUNT: found in GET /task
    source_path: str | None = None  # the local file the source was uploaded from
    source_fps: str | None = None  # the source's frame rate, a rational ("30000/1001")
    credits: str | None = None  # what the task cost, decimal text, when known
    request_time: str | None = None  # the service's times (ISO 8601 UTC), when known
    start_time: str | None = None
    finish_time: str | None = None
    expires_at: str | None = None  # when the result expires on the service
    result_state: ResultState | None = None
    result_path: str | None = None  # the result's file (while downloading: its final name)
    result_message: str | None = None  # why the last download failed
    result_bytes: int | None = None

    @property
    def from_account(self) -> bool:
        """Found in the account's task list rather than submitted from this app."""
        return self.origin == ORIGIN_ACCOUNT

    @property
    def out_of_doubt(self) -> bool:
        """Whether the row's task certainly exists on the server (it has a task ID)."""
        return self.state is SubmissionState.SUBMITTED and self.tid is not None

    @property
    def is_done(self) -> bool:
        """The task finished well: it has a result to download."""
        return self.state is SubmissionState.SUBMITTED and Step.parse(self.step) is Step.DONE

    @property
    def expires(self) -> datetime | None:
        return _parse_time(self.expires_at)

    @property
    def finished(self) -> datetime | None:
        """When the service says the task finished."""
        return _parse_time(self.finish_time)

    @property
    def vid(self) -> str:
        return _text(self.request_body.get("vid"))

    @property
    def task_type(self) -> str:
        return _text(self.request_body.get("task_type"))

    @property
    def category(self) -> str:
        return _text(self.request_body.get("category"))

    @property
    def start_pos(self) -> int:
        return _integer(self.request_body.get("start_pos"))

    @property
    def duration(self) -> int:
        return _integer(self.request_body.get("duration"))

    @property
    def width(self) -> int:
        return _integer(self.request_body.get("width"))

    @property
    def height(self) -> int:
        return _integer(self.request_body.get("height"))

    @property
    def is_active(self) -> bool:
        """SUBMITTED and the task's step is not terminal (done/error/cancel): keep polling."""
        return self.state is SubmissionState.SUBMITTED and not Step.parse(self.step).is_terminal

    @property
    def is_finished(self) -> bool:
        """FAILED, or SUBMITTED with a terminal step: nothing will change any more."""
        if self.state is SubmissionState.FAILED:
            return True
        return self.state is SubmissionState.SUBMITTED and Step.parse(self.step).is_terminal


# Row layout: the order of history_schema.COLUMNS.
_SELECT: Final = f"SELECT {', '.join(COLUMNS)} FROM history"  # noqa: S608 - fixed names
_BODY_INDEX: Final = COLUMNS.index("request_body")
_SUMMARY_COLUMNS: Final = SUMMARY_TEXT_COLUMNS + SUMMARY_INTEGER_COLUMNS
_SUMMARY_START: Final = COLUMNS.index(_SUMMARY_COLUMNS[0])
assert COLUMNS[_SUMMARY_START:] == _SUMMARY_COLUMNS, "summary columns come last"
_SUMMARY_INDEX: Final = {name: index for index, name in enumerate(_SUMMARY_COLUMNS)}
_ENTRY_FIELDS: Final = tuple(field.name for field in dataclasses.fields(HistoryEntry))
assert COLUMNS[: len(_ENTRY_FIELDS)] == _ENTRY_FIELDS, "rows start with the entry's fields"
_STATES: Final = {state.value: state for state in SubmissionState}
_RESULT_STATES: Final = {state.value: state for state in ResultState}
assert COLUMNS[21] == "result_state", "_entry reads the result state at its place"
_INT64: Final = range(-(2**63), 2**63)
_DONE_SQL: Final = "(state = 'submitted' AND lower(trim(step)) = 'done')"
_ORDER_KEYS: Final[Mapping[HistoryOrder, tuple[str, ...]]] = {
    HistoryOrder.CREATED: ("created_at",),
    HistoryOrder.SOURCE: (
        "lower(coalesce(nullif(source_name, ''), vid, ''))",
        "coalesce(origin = 'account', 0)",
    ),
    HistoryOrder.TASK_TYPE: ("coalesce(task_type = 'SR_PREVIEW', 0)",),
    HistoryOrder.CATEGORY: ("lower(coalesce(category, ''))",),
    HistoryOrder.RANGE: (
        "(coalesce(start_pos, 0) = 0 AND coalesce(duration, 0) = 0)",
        "coalesce(start_pos, 0)",
        "(coalesce(duration, 0) = 0)",
        "coalesce(duration, 0)",
    ),
    HistoryOrder.OUTPUT: (
        "coalesce(width, 0) * coalesce(height, 0)",
        "coalesce(width, 0)",
    ),
    HistoryOrder.STATE: (history_text.state_label_sql(),),
    HistoryOrder.PROGRESS: ("CASE WHEN step = 'done' THEN 1.0 ELSE coalesce(progress, 0.0) END",),
    HistoryOrder.RESULT: (
        _DONE_SQL,
        "coalesce(result_state, '')",
        "coalesce(expires_at, '')",
    ),
    HistoryOrder.TID: ("lower(coalesce(tid, ''))",),
    HistoryOrder.OUT_VID: ("lower(coalesce(out_vid, ''))",),
}
"""SQL sort keys of each order; the row's id comes last, so every order is total."""


class _StoredBody(Mapping[str, Any]):
    """A request body read from the store: its JSON is parsed only when first needed.

    The summary fields (vid, category, size, range...) come from their own columns without
    parsing; a NULL column means "not a plain value", and the JSON answers instead. It keeps
    only the body's text and those columns, not the whole row, to keep a long history small.
    """

    __slots__ = ("_data", "_summary", "_text")

    def __init__(self, text: str, summary: tuple[Any, ...]) -> None:
        self._text = text
        self._summary = summary
        self._data: dict[str, Any] | None = None

    def _parsed(self) -> dict[str, Any]:
        data = self._data
        if data is None:
            try:
                loaded = json.loads(self._text)
            except ValueError:
                loaded = None
            if not isinstance(loaded, dict):
                # Only editing the file by hand can do this; show the row, without a body.
                _log.warning("A stored request body is not a JSON object: %.80r", self._text)
                loaded = {}
            data = self._data = loaded
        return data

    def __getitem__(self, key: str) -> Any:
        if self._data is None:
            index = _SUMMARY_INDEX.get(key)
            if index is not None:
                value = self._summary[index]
                if value is not None:
                    return value
        return self._parsed()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())

    def __repr__(self) -> str:
        return repr(self._parsed())


def _parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time as the service or this store writes it; None if it is not one."""
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    result_state = row[21]
    values = (
        row[0],
        datetime.fromisoformat(row[1]),
        datetime.fromisoformat(row[2]),
        # A state this version does not know can only come from editing the file by hand;
        # "unknown" is the answer that makes the user check rather than trust it.
        _STATES.get(row[3], SubmissionState.UNKNOWN),
        _StoredBody(row[_BODY_INDEX], row[_SUMMARY_START:]),
        *row[5:21],
        None if result_state is None else _RESULT_STATES.get(result_state),
        *row[22:_SUMMARY_START],
    )
    return HistoryEntry(*values)


def _to_plain(value: object) -> object:
    """``json.dumps`` hook: nested mappings (a stored body being resubmitted) become dicts."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"a {type(value).__name__} is not a JSON value")


def _body_json(request_body: Mapping[str, Any]) -> str:
    try:
        return json.dumps(
            request_body,
            default=_to_plain,
            ensure_ascii=True,  # lone surrogates survive as \udxxx escapes; SQLite refuses raw ones
            allow_nan=False,
            separators=(",", ":"),
        )
    except (TypeError, ValueError) as exc:
        raise ValueError(f"The request body cannot be stored as JSON: {exc}") from None


def _summary(request_body: Mapping[str, Any]) -> list[object]:
    """The summary columns' values: the body's own value when plain, else NULL."""
    values: list[object] = []
    for name in SUMMARY_TEXT_COLUMNS:
        value = request_body.get(name)
        values.append(value if type(value) is str and _is_utf8(value) else None)
    for name in SUMMARY_INTEGER_COLUMNS:
        value = request_body.get(name)
        values.append(value if type(value) is int and value in _INT64 else None)
    return values


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _storable(text: str | None) -> str | None:
    """Text SQLite can hold: characters it cannot (lone surrogates) are replaced.

    They come from file names that are not valid UTF-8 (Python decodes those with
    ``surrogateescape``) and from servers that escape them in JSON; SQLite's UTF-8 would refuse
    the whole row. These fields are for people to read, so a replaced character loses nothing.
    """
    if text is None or _is_utf8(text):
        return text
    try:  # a file name's own bytes back, then shown as any invalid UTF-8 is
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _utc_now() -> datetime:
    return datetime.now(UTC)


_DESCRIPTIONS: Final = {
    SubmissionState.SUBMITTING: "it is still being sent",
    SubmissionState.SUBMITTED: "it was already submitted",
    SubmissionState.FAILED: "it already failed",
    SubmissionState.UNKNOWN: "its outcome is not known yet",
}


def _describe(state: SubmissionState) -> str:
    return _DESCRIPTIONS[state]


class TaskTimes(dict[str, str]):
    """The service's times of a task, by column name; only the ones it sent."""

    def __init__(
        self,
        request_time: str | None = None,
        start_time: str | None = None,
        finish_time: str | None = None,
    ) -> None:
        super().__init__()
        for name, value in (
            ("request_time", request_time),
            ("start_time", start_time),
            ("finish_time", finish_time),
        ):
            if value:
                self[name] = _storable(value) or value


class _Refused(Exception):
    """Why a change does not apply to a row in its current state."""


_Plan = Callable[[sqlite3.Connection, HistoryEntry], Mapping[str, object]]


# -- the account's tasks: what one merge is given and gives back --------------------------------


@dataclass(frozen=True, slots=True)
class AccountTask:
    """One task of the account's list (``GET /task``), as :meth:`HistoryStore.merge_account`
    records it: the summary's own fields, the step normalised, times as ISO 8601 UTC text."""

    tid: str
    step: str
    progress: float | None = None  # 0..1 only while running and meaningful, else None
    in_vid: str | None = None
    out_vid: str | None = None
    task_type: str | None = None
    filename: str | None = None
    request_time: str | None = None
    start_time: str | None = None
    finish_time: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.tid, str) or not self.tid.strip():
            raise ValueError(f"A task ID is a non-empty string, not {self.tid!r}.")
        progress = self.progress
        if progress is not None and (
            isinstance(progress, bool)
            or not isinstance(progress, int | float)
            or not (math.isfinite(progress) and 0.0 <= progress <= 1.0)
        ):
            raise ValueError(f"Progress is a fraction from 0 to 1 or None, not {progress!r}.")


class MergedTasks(NamedTuple):
    """What one merge wrote: rows it added and rows whose task moved on, newest first."""

    added: list[HistoryEntry]
    updated: list[HistoryEntry]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


#: Task IDs per ``IN (...)`` query: well under SQLite's limit on parameters.
_TIDS_PER_QUERY: Final = 500
_TASK_COLUMNS: Final = ("step", "progress", "request_time", "start_time", "finish_time")
_TID_INDEX: Final = COLUMNS.index("tid")
_ACCOUNT_ROW_COLUMNS: Final = (
    "created_at", "updated_at", "state", "request_body", "source_name", "tid", "in_vid",
    "out_vid", "step", "progress", "origin", "request_time", "start_time", "finish_time",
    *_SUMMARY_COLUMNS,
)  # fmt: skip
_INSERT_ACCOUNT_TASK: Final = (
    f"INSERT INTO history ({', '.join(_ACCOUNT_ROW_COLUMNS)}) "  # noqa: S608 - fixed names
    f"VALUES ({_marks(len(_ACCOUNT_ROW_COLUMNS))}) ON CONFLICT (tid) DO NOTHING"
)
_UPDATE_ACCOUNT_TASK: Final = (
    "UPDATE history SET updated_at = ?, step = ?, progress = ?, request_time = ?, "
    "start_time = ?, finish_time = ? WHERE id = ?"
)


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _TIDS_PER_QUERY):
        yield items[start : start + _TIDS_PER_QUERY]


def _moved_on(stored: tuple[Any, ...], task: AccountTask) -> tuple[Any, ...] | None:
    """The task columns after ``task`` (the order of ``_TASK_COLUMNS``); None if unchanged.

    A list read before the last poll can be behind it: a finished task's step (final on the
    service) is never taken back to a running one. A time the list leaves out stays as stored.
    """
    step, progress = _storable(task.step), task.progress
    if Step.parse(stored[0]).is_terminal and not Step.parse(step).is_terminal:
        step, progress = stored[0], stored[1]
    times = (task.request_time, task.start_time, task.finish_time)
    new = (
        step,
        progress,
        *(_storable(value) or old for value, old in zip(times, stored[2:], strict=True)),
    )
    return None if new == stored else new


class HistoryStore:
    """The history file of one profile; every write is committed before the method returns.

    Use it from one thread (the event loop's). ``clock`` gives the time written into rows; it
    must return aware datetimes (tests pass a fake one).
    """

    def __init__(
        self, path: Path, *, clock: Callable[[], datetime] = _utc_now, open_now: bool = True
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        self._fts = False  # whether searches use the FTS5 index (see history_text)
        if open_now:
            self.open()

    def open(self) -> None:
        """Open the file, creating it (and its folder) the first time; nothing if already open.

        The constructor calls it unless ``open_now=False``: the app opens its history once the
        window is on screen, as creating a new file waits for the disk.
        """
        if self._db is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(
                f"Cannot create the folder for the history, {self.path.parent}: "
                f"{exc.strerror or exc}"
            ) from None
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise HistoryError(self._explain(exc, "open")) from exc
        try:
            # Refuse before anything is written: switching to WAL rewrites the file's header.
            # One read transaction, so another process creating the schema meanwhile is seen
            # either not at all or whole (never a version 0 file that already has tables).
            db.execute("BEGIN")
            try:
                history_schema.check_readable(db)
            finally:
                if db.in_transaction:
                    db.execute("ROLLBACK")
            self._enable_wal(db)
            db.execute("PRAGMA synchronous = NORMAL")
            history_schema.migrate(db)
            self._fts = history_schema.search_index(db)
            db.execute(f"{_SELECT} LIMIT 0").fetchall()  # every column is there
        except NewerSchemaError as exc:
            db.close()
            raise HistoryError(
                f"The history file {self.path} was written by a newer version of Kokoon "
                f"Desktop ({exc}). It has not been changed. Update Kokoon Desktop to see this "
                "history, or start this version with another profile (--profile-dir)."
            ) from None
        except ForeignDatabaseError as exc:
            db.close()
            raise HistoryError(
                f"The file {self.path} is a database of another program, not a Kokoon Desktop "
                f"history ({exc}). It has not been changed. Move it elsewhere so a new history "
                "can be started in its place."
            ) from None
        except sqlite3.Error as exc:
            db.close()
            raise HistoryError(self._explain(exc, "open")) from exc
        return db

    def _enable_wal(self, db: sqlite3.Connection) -> None:
        """Switch the file to WAL (once per file: the mode is stored in it).

        Switching needs the file to itself for a moment, and SQLite reports "locked" at once,
        without its busy timeout, while another process is reading it: so wait here instead.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        if mode != "wal":  # a file system without shared memory: still correct, less concurrent
            _log.warning("History %s is in journal mode %s, not WAL", self.path, mode)

    def _explain(self, exc: sqlite3.Error, doing: str) -> str:
        detail = str(exc) or type(exc).__name__
        lowered = detail.lower()
        if "locked" in lowered or "busy" in lowered:
            return (
                f"Could not {doing} the history: the file {self.path} is busy (another Kokoon "
                f"Desktop is writing to it) and stayed busy for {BUSY_TIMEOUT_S:.0f} s. "
                "Try again in a moment."
            )
        if isinstance(exc, sqlite3.DatabaseError) and (
            "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered
        ):
            return (
                f"The history file {self.path} is damaged or is not a history database "
                f"({detail}). Move it elsewhere (or rename it) so a new history can be "
                "started; keep it if you want to try to recover the old entries."
            )
        return f"Could not {doing} the history in {self.path}: {detail}."

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; calling it again does nothing."""
        db, self._db = self._db, None
        if db is None:
            return
        try:
            db.execute("PRAGMA optimize")
        except sqlite3.Error:
            _log.debug("PRAGMA optimize failed on %s", self.path, exc_info=True)
        db.close()

    # -- writing -----------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise HistoryError(f"The history {self.path} is not open.")
        return self._db

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise HistoryError(self._explain(exc, doing)) from exc

    @contextmanager
    def _write(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One transaction, committed on leaving; rolled back on any exception."""
        db = self._connection()
        with self._errors(doing):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                # Also after a failed COMMIT (disk full...), so the next write can begin.
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def _now(self) -> str:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("The history's clock must give aware datetimes (UTC).")
        return now.astimezone(UTC).isoformat(timespec="microseconds")

    @staticmethod
    def _row(db: sqlite3.Connection, entry_id: int) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = db.execute(f"{_SELECT} WHERE id = ?", (entry_id,)).fetchone()
        return row

    def add_submission(
        self,
        request_body: Mapping[str, Any],
        *,
        source_name: str | None,
        source_duration_ms: int | None,
        source_path: str | None = None,
        source_fps: str | None = None,
        credits: str | None = None,
    ) -> HistoryEntry:
        """Record a submission about to be sent, as SUBMITTING; committed before it returns.

        ``source_path`` is the local file the source was uploaded from (when it was), so the
        result can land next to it; ``credits`` the quoted cost, when known.

        Raises ``ValueError`` (and writes nothing) if the body is not JSON.
        """
        body = _body_json(request_body)
        if source_duration_ms is not None and (
            isinstance(source_duration_ms, bool)
            or not isinstance(source_duration_ms, int)
            or source_duration_ms < 0
        ):
            raise ValueError(f"A duration is a number of milliseconds, not {source_duration_ms!r}.")
        now = self._now()
        with self._write("add to") as db:
            cursor = db.execute(
                "INSERT INTO history (created_at, updated_at, state, request_body, source_name, "
                "source_duration_ms, source_path, source_fps, credits, "
                "vid, task_type, category, start_pos, duration, width, height)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    now,
                    SubmissionState.SUBMITTING.value,
                    body,
                    _storable(source_name),
                    source_duration_ms,
                    _storable(source_path),
                    _storable(source_fps),
                    _storable(credits),
                    *_summary(request_body),
                ),
            )
            row_id = _last_id(cursor)
            history_text.write_texts(db, [row_id])
            row = self._row(db, row_id)
        assert row is not None
        return _entry(row)

    def _change(
        self,
        entry_id: int,
        doing: str,
        plan: _Plan,
    ) -> HistoryEntry:
        """Apply the changes ``plan`` makes for the row as it is now, in one transaction.

        ``plan`` raises :class:`_Refused` with the reason when the change does not apply.
        """
        with self._write(doing) as db:
            row = self._row(db, entry_id)
            if row is None:
                raise EntryNotFoundError(
                    f"History entry #{entry_id} is no longer in the history (it was removed)."
                )
            try:
                changes = plan(db, _entry(row))
            except _Refused as refused:
                raise TransitionError(
                    f"Cannot {doing} history entry #{entry_id}: {refused}."
                ) from None
            if not changes:
                return _entry(row)  # nothing new: no write, updated_at stays
            assignments = "".join(f", {name} = ?" for name in changes)
            db.execute(
                f"UPDATE history SET updated_at = ?{assignments} WHERE id = ?",  # noqa: S608 - our column names
                (self._now(), *changes.values(), entry_id),
            )
            history_text.write_texts(db, [entry_id])
            updated = self._row(db, entry_id)
        assert updated is not None
        return _entry(updated)

    def mark_submitted(
        self, entry_id: int, *, tid: str, in_vid: str | None, out_vid: str | None
    ) -> HistoryEntry:
        """The service created the task ``tid`` for this row (from its answer, or found later).

        Repeating it with the same tid fills in vids that were missing; another row already
        holding ``tid`` is refused, so one server task is never listed twice.
        """
        if not isinstance(tid, str) or not tid.strip():
            raise ValueError(f"A task ID is a non-empty string, not {tid!r}.")
        tid = _storable(tid.strip()) or tid

        def plan(db: sqlite3.Connection, entry: HistoryEntry) -> Mapping[str, object]:
            other = db.execute(
                "SELECT id FROM history WHERE tid = ? AND id != ?", (tid, entry.id)
            ).fetchone()
            if other is not None:
                raise _Refused(f"task {tid} is already recorded as entry #{other[0]}")
            if entry.state is SubmissionState.FAILED:
                raise _Refused(_describe(entry.state))
            if entry.state is SubmissionState.SUBMITTED:
                if entry.tid != tid:
                    raise _Refused(f"it was already submitted as task {entry.tid}")
                return {
                    "in_vid": _storable(in_vid) or entry.in_vid,
                    "out_vid": _storable(out_vid) or entry.out_vid,
                }
            # From SUBMITTING or UNKNOWN; the "outcome unknown" message no longer applies.
            changes = {"state": SubmissionState.SUBMITTED.value, "tid": tid, "message": None}
            return changes | {"in_vid": _storable(in_vid), "out_vid": _storable(out_vid)}

        return self._change(entry_id, "mark as submitted", plan)

    def _pending(self, state: SubmissionState, message: str) -> _Plan:
        """A plan that moves a row still waiting for its outcome to ``state``."""

        def plan(db: sqlite3.Connection, entry: HistoryEntry) -> Mapping[str, object]:
            if entry.state not in (SubmissionState.SUBMITTING, SubmissionState.UNKNOWN):
                raise _Refused(_describe(entry.state))
            return {"state": state.value, "message": _storable(message)}

        return plan

    def mark_failed(self, entry_id: int, message: str) -> HistoryEntry:
        """The task was certainly not created: refused by the service, or never sent."""
        plan = self._pending(SubmissionState.FAILED, message)
        return self._change(entry_id, "mark as failed", plan)

    def mark_unknown(self, entry_id: int, message: str) -> HistoryEntry:
        """The request may have reached the service: the user is offered "check on server"."""
        plan = self._pending(SubmissionState.UNKNOWN, message)
        return self._change(entry_id, "mark as unknown", plan)

    def update_task(
        self,
        entry_id: int,
        *,
        step: str,
        progress: float | None,
        message: str | None,
        times: TaskTimes | None = None,
    ) -> HistoryEntry:
        """What ``GET /task/{tid}`` said about a submitted task; ``progress`` is 0..1 or None.

        ``times`` are the service's request, start and finish times; a time it did not send
        leaves the stored one as it is. Nothing is written (and ``updated_at`` stays) when
        nothing changed since the last poll.
        """
        if progress is not None:
            if (
                isinstance(progress, bool)
                or not isinstance(progress, int | float)
                or not (math.isfinite(progress) and 0.0 <= progress <= 1.0)
            ):
                raise ValueError(f"Progress is a fraction from 0 to 1 or None, not {progress!r}.")
            progress = float(progress)

        def plan(db: sqlite3.Connection, entry: HistoryEntry) -> Mapping[str, object]:
            if entry.state is not SubmissionState.SUBMITTED:
                raise _Refused(_describe(entry.state))
            changes: dict[str, object] = {}
            for name, value in (("step", _storable(step)), ("progress", progress)):
                if getattr(entry, name) != value:
                    changes[name] = value
            if entry.message != _storable(message):
                changes["message"] = _storable(message)
            for name, value in (times or TaskTimes()).items():
                if getattr(entry, name) != value:
                    changes[name] = value
            return changes  # empty for most polls of a long task: not worth a write each

        return self._change(entry_id, "update the task of", plan)

    def set_result(
        self,
        entry_id: int,
        state: ResultState | None,
        *,
        path: str | None = None,
        message: str | None = None,
        size: int | None = None,
    ) -> HistoryEntry:
        """Where the result's download stands; ``state`` None forgets it (not downloaded).

        Only a task that certainly exists has a result to download.
        """

        def plan(db: sqlite3.Connection, entry: HistoryEntry) -> Mapping[str, object]:
            if state is not None and not entry.out_of_doubt:
                raise _Refused("its task is not known on the server")
            changes = {
                "result_state": None if state is None else ResultState(state).value,
                "result_path": _storable(path),
                "result_message": _storable(message),
                "result_bytes": size,
            }
            current = (
                None if entry.result_state is None else entry.result_state.value,
                entry.result_path,
                entry.result_message,
                entry.result_bytes,
            )
            return {} if tuple(changes.values()) == current else changes

        return self._change(entry_id, "record the result of", plan)

    def set_expiry(self, entry_id: int, expires_at: str | None) -> HistoryEntry:
        """When the row's result expires on the service (its video's ``expired_time``)."""

        def plan(db: sqlite3.Connection, entry: HistoryEntry) -> Mapping[str, object]:
            value = _storable(expires_at)
            return {} if entry.expires_at == value else {"expires_at": value}

        return self._change(entry_id, "record the expiry of", plan)

    def set_request_body(self, entry_id: int, request_body: Mapping[str, Any]) -> HistoryEntry:
        """The full body of a task found in the account's list, once the service echoed it.

        Only rows from the account take one: the body of a submission made here is exactly
        what was sent and is never replaced.
        """
        body = _body_json(request_body)

        def plan(db: sqlite3.Connection, entry: HistoryEntry) -> Mapping[str, object]:
            if not entry.from_account:
                raise _Refused("it was submitted from this app, with its own body")
            summary = dict(zip(_SUMMARY_COLUMNS, _summary(request_body), strict=True))
            return {"request_body": body, **summary}

        return self._change(entry_id, "record the request of", plan)

    def removed_tids(self) -> set[str]:
        """Task IDs of rows the user removed: the account merge leaves them out."""
        db = self._connection()
        with self._errors("read"):
            return {row[0] for row in db.execute("SELECT tid FROM removed_tasks")}

    def sync_mark(self, name: str) -> str | None:
        """A named value the account merge keeps between runs (e.g. how far it got)."""
        db = self._connection()
        with self._errors("read"):
            row = db.execute("SELECT value FROM sync_marks WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def set_sync_mark(self, name: str, value: str) -> None:
        with self._write("remember a mark in") as db:
            db.execute(
                "INSERT INTO sync_marks (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    def remove(self, entry_id: int) -> None:
        """Forget a row (the task itself stays on the server); a missing id is not an error.

        A row still being sent is refused: its answer is about to arrive, and removing it would
        lose the only record of a task that may be created and charged.
        """
        with self._write("remove from") as db:
            row = self._row(db, entry_id)
            if row is None:
                return
            if _entry(row).state is SubmissionState.SUBMITTING:
                raise TransitionError(
                    f"History entry #{entry_id} is still being sent; it can be removed once "
                    "the service has answered."
                )
            tid = row[COLUMNS.index("tid")]
            if tid is not None:  # never brought back by the account merge
                db.execute(
                    "INSERT OR REPLACE INTO removed_tasks (tid, removed_at) VALUES (?, ?)",
                    (tid, self._now()),
                )
            db.execute("DELETE FROM history WHERE id = ?", (entry_id,))

    # -- reading -----------------------------------------------------------------------------

    def _select(self, where: str, parameters: tuple[object, ...] = ()) -> list[HistoryEntry]:
        db = self._connection()
        with _gc_paused(), self._errors("read"):
            return [_entry(row) for row in db.execute(f"{_SELECT} {where}", parameters)]

    def ids(
        self,
        order: HistoryOrder = HistoryOrder.CREATED,
        *,
        descending: bool = True,
        text: str = "",
    ) -> list[int]:
        """The ids of the rows, sorted; only those a search for ``text`` finds, unless blank.

        Ties in ``order`` go by id, in the same direction. Sorting by when the rows were
        written reads an index; any other order reads every row.
        """
        found = self.search(text)
        direction = "DESC" if descending else "ASC"
        keys = ", ".join(f"{key} {direction}" for key in (*_ORDER_KEYS[order], "id"))
        db = self._connection()
        with self._errors("read"):
            rows = db.execute(f"SELECT id FROM history ORDER BY {keys}")  # noqa: S608 - fixed SQL
            if found is None:
                return [row_id for (row_id,) in rows]
            return [row_id for (row_id,) in rows if row_id in found]

    def search(self, text: str) -> set[int] | None:
        """The ids of the rows whose texts contain ``text``; None when it is blank (every row).

        What a row is found by, and how, is ``history_text``'s: names, IDs, kind, state,
        messages, the result's file, ignoring case. Any text may be given: quotes, FTS5
        operators and the like are looked for as they are.
        """
        return self._found(self._connection(), text).ids()

    def matching(self, text: str, ids: Iterable[int]) -> set[int]:
        """Which of these rows a search for ``text`` finds (see :meth:`search`); their own
        texts are looked at, so a few rows cost little even when the text is everywhere."""
        found = history_text.needles(text)
        wanted = list(ids)
        if found is None:
            return set()
        if not found:
            return set(wanted)
        matched: set[int] = set()
        db = self._connection()
        with self._errors("read"):
            for chunk in _chunks(wanted):
                query = history_text.matching_among(found, len(chunk))
                matched.update(row_id for (row_id,) in db.execute(query, (*chunk, *found)))
        return matched

    def search_aside(self, text: str) -> FoundRows:
        """:meth:`search` on a read-only connection of its own, for a worker thread (a text
        found in most rows takes the index tens of milliseconds to list). SQLite lists the
        ids without Python's lock; they are read into numbers where they are used."""
        with self._errors("read"):
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                return self._found(db, text)
            finally:
                db.close()

    def _found(self, db: sqlite3.Connection, text: str) -> FoundRows:
        """The rows a search for ``text`` finds, listed by SQLite on ``db``."""
        found = history_text.needles(text)
        if found is None:
            return FoundRows("")
        if not found:
            return FoundRows(None)
        query, parameters = history_text.matching_ids_joined(found, fts=self._fts)
        with self._errors("read"):
            (joined,) = db.execute(query, parameters).fetchone()
        return FoundRows(joined or "")

    def get_many(self, ids: Iterable[int]) -> list[HistoryEntry]:
        """The rows with these ids that are still there, in no particular order."""
        wanted = list(ids)
        db = self._connection()
        with self._errors("read"):
            return [
                _entry(row)
                for chunk in _chunks(wanted)
                for row in db.execute(f"{_SELECT} WHERE id IN ({_marks(len(chunk))})", chunk)
            ]

    def last_id(self) -> int:
        """The highest id given so far (0 for a new history): a row with a higher one is newer
        than anything read before (ids are never reused)."""
        db = self._connection()
        with self._errors("read"):
            row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'history'").fetchone()
        return 0 if row is None else int(row[0])

    def results_expiring(self, start: datetime, end: datetime) -> list[HistoryEntry]:
        """Done rows whose result is not downloaded and expires between ``start`` and ``end``,
        newest first."""
        if start.tzinfo is None or end.tzinfo is None:
            raise ValueError("Expiry bounds are aware datetimes.")
        # julianday() reads the service's ISO 8601 times, "Z" and offsets alike; the bounds are
        # widened by a second and checked again in Python, which reads them as entries do.
        candidates = self._select(
            f"WHERE {_DONE_SQL} AND (result_state IS NULL OR result_state != ?) "
            "AND julianday(expires_at) BETWEEN julianday(?) - 1.0 / 86400 "
            "AND julianday(?) + 1.0 / 86400 ORDER BY id DESC",
            (ResultState.DOWNLOADED.value, start.isoformat(), end.isoformat()),
        )
        return [
            entry
            for entry in candidates
            if entry.is_done and (expires := entry.expires) is not None and start <= expires <= end
        ]

    def reindex(self) -> None:
        """Write every row's searchable text again, and rebuild their index: for a file changed
        by other means than this class (the benchmarks finish 100,000 tasks in one UPDATE)."""
        with self._write("index") as db:
            history_schema.drop_search_triggers(db)
            history_text.write_texts(db)
            self._fts = history_schema.search_index(db)

    def get(self, entry_id: int) -> HistoryEntry | None:
        db = self._connection()
        with self._errors("read"):
            row = self._row(db, entry_id)
        return None if row is None else _entry(row)

    def by_tid(self, tid: str) -> HistoryEntry | None:
        """The row of a server task, if it is in the history."""
        found = self._select("WHERE tid = ?", (tid,))
        return found[0] if found else None

    def entries(self) -> list[HistoryEntry]:
        """All rows, newest first (in the order they were written, which a clock set back
        cannot shuffle)."""
        return self._select("ORDER BY id DESC")

    def active(self) -> list[HistoryEntry]:
        """SUBMITTED rows whose task is not finished: the ones to keep tracking, newest first."""
        # The SQL narrows by the exact terminal words; is_active decides (it also forgives
        # spaces around the step, as Step.parse does).
        candidates = self._select(
            "WHERE state = ? AND (step IS NULL OR lower(step) NOT IN ('done', 'error', 'cancel'))"
            " ORDER BY id DESC",
            (SubmissionState.SUBMITTED.value,),
        )
        return [entry for entry in candidates if entry.is_active]

    def by_state(self, state: SubmissionState) -> list[HistoryEntry]:
        """Rows in one state, newest first."""
        return self._select("WHERE state = ? ORDER BY id DESC", (SubmissionState(state).value,))

    def with_results(self, *states: ResultState) -> list[HistoryEntry]:
        """Rows whose result is in one of these states (e.g. downloads to resume), oldest first."""
        marks = ", ".join("?" * len(states))
        return self._select(
            f"WHERE result_state IN ({marks}) ORDER BY id",
            tuple(ResultState(state).value for state in states),
        )

    def interrupted(self) -> list[HistoryEntry]:
        """Rows left SUBMITTING by a previous run that died before the answer came.

        With two windows open on one profile, the other one's submissions in flight are
        listed too; marking them UNKNOWN is harmless, as their answer can still move them on.
        """
        return self.by_state(SubmissionState.SUBMITTING)

    # -- the account's tasks -----------------------------------------------------------------

    def known_tids(self, tids: Iterable[str]) -> set[str]:
        """Which of these task IDs have a row, or had one the user removed."""
        wanted = list(dict.fromkeys(tids))
        known: set[str] = set()
        db = self._connection()
        with self._errors("read"):
            for chunk in _chunks(wanted):
                marks = _marks(len(chunk))
                for table in ("history", "removed_tasks"):
                    rows = db.execute(
                        f"SELECT tid FROM {table} WHERE tid IN ({marks})",  # noqa: S608 - fixed names
                        chunk,
                    )
                    known.update(row[0] for row in rows)
        return known

    def merge_account(self, tasks: Sequence[AccountTask]) -> MergedTasks:
        """Record one page of the account's task list, newest first, in one transaction.

        A task with no row becomes a SUBMITTED row from the account (origin ``'account'``)
        whose body is what the list tells, ``{"task_type", "vid"}``, until
        :meth:`set_request_body` gives it the full one; its ``created_at`` is the task's
        request time, so it sits among the others by when it was asked for. A task with a row
        takes the list's step, progress and times where they differ. A removed task is left
        out, and a task never gets a second row: a row written meanwhile for the same tid
        (by the submitter, or another process) wins over the list's. Rows without a tid
        (being sent, outcome unknown) are never touched here.
        """
        newest_first: dict[str, AccountTask] = {}
        for task in tasks:
            newest_first.setdefault(_storable(task.tid.strip()) or task.tid, task)
        tids = list(newest_first)
        now = self._now()
        with self._log_left_aside(), self._write("merge the account's tasks into") as db:
            stored: dict[str, tuple[Any, ...]] = {}
            removed: set[str] = set()
            columns = ", ".join(("id", "state", "tid", *_TASK_COLUMNS))
            for chunk in _chunks(tids):
                marks = _marks(len(chunk))
                for row in db.execute(
                    f"SELECT {columns} FROM history WHERE tid IN ({marks})",  # noqa: S608 - fixed names
                    chunk,
                ):
                    stored[row[2]] = row
                removed.update(
                    row[0]
                    for row in db.execute(
                        f"SELECT tid FROM removed_tasks WHERE tid IN ({marks})",  # noqa: S608 - fixed names
                        chunk,
                    )
                )
            inserts: list[tuple[object, ...]] = []
            updates: list[tuple[object, ...]] = []
            added: set[str] = set()
            updated: set[str] = set()
            # Oldest first, so that within a page the newest task gets the highest id.
            for tid in reversed(tids):
                task = newest_first[tid]
                row = stored.get(tid)
                if tid in removed:
                    continue
                if row is None:
                    inserts.append(self._account_row(tid, task, now))
                    added.add(tid)
                elif row[1] == SubmissionState.SUBMITTED.value:
                    moved = _moved_on(row[3:], task)
                    if moved is not None:
                        updates.append((now, *moved, row[0]))
                        updated.add(tid)
            last_id = db.execute("SELECT max(id) FROM history").fetchone()[0] or 0
            db.executemany(_INSERT_ACCOUNT_TASK, inserts)
            db.executemany(_UPDATE_ACCOUNT_TASK, updates)
            # The write lock is held since the rows were looked up: the rows after the last
            # id are the ones just added (read by the primary key, cheaper than by tid).
            written = {
                row[_TID_INDEX]: row for row in db.execute(f"{_SELECT} WHERE id > ?", (last_id,))
            }
            for chunk in _chunks([stored[tid][0] for tid in updated]):
                for row in db.execute(f"{_SELECT} WHERE id IN ({_marks(len(chunk))})", chunk):
                    written[row[_TID_INDEX]] = row
            history_text.write_texts(db, [row[0] for row in written.values()])
        return MergedTasks(
            added=[_entry(written[tid]) for tid in tids if tid in added and tid in written],
            updated=[_entry(written[tid]) for tid in tids if tid in updated],
        )

    @contextmanager
    def _log_left_aside(self) -> Iterator[None]:
        """Commits in here do not copy the write-ahead log into the file (no checkpoint).

        A checkpoint ends by waiting for the disk (an fsync: 60 to 150 ms measured on the
        machine of BENCHMARKS.md, whatever the log's size), on the thread whose commit
        crossed SQLite's threshold of 1,000 pages. A merge commits page after page on the
        event loop: its log is copied by :meth:`checkpoint_aside` in a worker thread instead.
        """
        db = self._connection()
        with self._errors("write"):
            pages = int(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
            db.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield
        finally:
            with self._errors("write"):
                db.execute(f"PRAGMA wal_autocheckpoint = {pages}")

    @contextmanager
    def log_left_aside(self) -> Iterator[None]:
        """For a burst of writes on the event loop (a queue being sent): no checkpoint in
        them; call :meth:`checkpoint_aside` from a worker thread meanwhile and after."""
        with self._log_left_aside():
            yield

    def checkpoint_aside(self) -> None:
        """Copy the write-ahead log into the file, on a connection of its own: for a worker
        thread, so that the disk is waited for there (see ``_log_left_aside``).

        Passive: it waits for no reader or writer, copies what it can, and the next write
        after a complete copy starts the log over. It never touches this store's connection.
        """
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                db.close()
        except sqlite3.Error as exc:
            raise HistoryError(self._explain(exc, "write")) from exc

    def _account_row(self, tid: str, task: AccountTask, now: str) -> tuple[object, ...]:
        """The values of ``_ACCOUNT_ROW_COLUMNS`` for a task found in the account's list."""
        body = {
            name: value
            for name, value in (("task_type", task.task_type), ("vid", task.in_vid))
            if value is not None
        }
        requested = _parse_time(task.request_time)
        created_at = (
            now
            if requested is None
            else requested.astimezone(UTC).isoformat(timespec="microseconds")
        )
        return (
            created_at,
            now,
            SubmissionState.SUBMITTED.value,
            _body_json(body),
            _storable(task.filename),
            tid,
            _storable(task.in_vid),
            _storable(task.out_vid),
            _storable(task.step),
            task.progress,
            ORIGIN_ACCOUNT,
            _storable(task.request_time),
            _storable(task.start_time),
            _storable(task.finish_time),
            *_summary(body),
        )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No garbage collection while a long history loads.

    Reading 100,000 rows makes some 300,000 new container objects (row, entry, body), and the
    cyclic collector, triggered by allocation counts, traverses all of them (and the rest of
    the app) again and again while they are made: about a third of the load time. None of
    them can be in a cycle, so nothing is lost by collecting once afterwards, as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _last_id(cursor: sqlite3.Cursor) -> int:
    row_id = cursor.lastrowid
    assert row_id is not None
    return row_id
