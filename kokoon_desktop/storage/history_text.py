"""The words of a history row: its state as a person reads it, and the texts a search finds it by.

Every row's searchable texts are kept in the table ``history_search`` (one text per row, its
fields lower-cased and joined by ``SEPARATOR``), written by the store with each change of the row
and indexed by an FTS5 trigram index, ``history_fts``, where this SQLite has FTS5 (see
``history_schema.search_index``). A search is a substring search, as it was when the window
filtered lists in Python: the row is found when one of its texts contains what was typed,
ignoring case as Python's ``str.lower`` does. The texts are lowered here, in Python, and the index
compares them exactly (``case_sensitive 1``): SQLite's own ``lower()`` and FTS5's case folding
both differ from Python's outside ASCII.

A trigram index finds a substring of three characters or more; a shorter one (the first key
typed) is looked for with ``instr`` over the texts, as is every search without FTS5.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, Final

from kokoon_desktop.core.labels import CATEGORY_LABELS, KIND_LABELS, kind_of
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "SEPARATOR",
    "STEP_LABELS",
    "matching_among",
    "matching_ids_joined",
    "needle",
    "needles",
    "state_label",
    "state_label_sql",
    "write_texts",
]

# The labels are English here, as searches and sorting read them; the window translates them
# where it shows them (the context "HistoryState").
STEP_LABELS: Final = {
    "ready": QT_TRANSLATE_NOOP("HistoryState", "Queued"),
    "preparing": QT_TRANSLATE_NOOP("HistoryState", "Preparing"),
    "prepared": QT_TRANSLATE_NOOP("HistoryState", "Prepared"),
    "running": QT_TRANSLATE_NOOP("HistoryState", "Running"),
    "done": QT_TRANSLATE_NOOP("HistoryState", "Done"),
    "error": QT_TRANSLATE_NOOP("HistoryState", "Error"),
    "cancel": QT_TRANSLATE_NOOP("HistoryState", "Cancelled"),
    "unknown": QT_TRANSLATE_NOOP("HistoryState", "Unknown"),
}
UNKNOWN_LABEL: Final = QT_TRANSLATE_NOOP("HistoryState", "Unknown — check on server")


_OTHER_STATE_LABELS: Final = (
    QT_TRANSLATE_NOOP("HistoryState", "Submitting…"),
    QT_TRANSLATE_NOOP("HistoryState", "Failed"),
    QT_TRANSLATE_NOOP("HistoryState", "Submitted"),
)


def state_label(state: str, step: str | None) -> str:
    """The State column: where a row stands, in words (``state`` as stored, ``step`` raw)."""
    submitting, failed, submitted = _OTHER_STATE_LABELS
    if state == "submitting":
        return submitting
    if state == "failed":
        return failed
    if state != "submitted":
        # "unknown", or a state this version does not know (read as unknown, see history.py).
        return UNKNOWN_LABEL
    if step is None:
        return submitted
    return STEP_LABELS.get(step, step)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def state_label_sql() -> str:
    """``state_label`` lower-cased, as an SQL expression over a history row (for sorting)."""
    steps = " ".join(
        f"WHEN {_quoted(step)} THEN {_quoted(label.lower())}" for step, label in STEP_LABELS.items()
    )
    return (
        "CASE state WHEN 'submitting' THEN 'submitting…' WHEN 'failed' THEN 'failed' "
        f"WHEN 'submitted' THEN CASE WHEN step IS NULL THEN 'submitted' {steps} "
        f"ELSE lower(step) END ELSE {_quoted(UNKNOWN_LABEL.lower())} END"
    )


SEPARATOR: Final = "\x1f"
"""Between a row's texts in ``history_search``: no search can span two of them."""

_UNSEARCHABLE: Final = ("\x00", SEPARATOR, "\ufffe", "\uffff")
"""Characters a text is stored without (each becomes U+FFFD), so a search holding one finds
nothing: the separator; NUL, which ends an FTS5 query early; and the two non-characters FTS5's
tokenizer reads as U+FFFD (it would find one where the other was typed)."""
_CLEAN: Final = str.maketrans(dict.fromkeys(_UNSEARCHABLE, "\ufffd"))

# What write_texts reads of a row: named here, not taken from history_schema.COLUMNS, so that the
# migration that first fills the texts keeps working when later versions add columns.
_ROW_COLUMNS: Final = (
    "id", "state", "step", "source_name", "tid", "in_vid", "out_vid", "message", "result_path",
    "origin", "request_body", "vid", "task_type", "category", "width", "height",
)  # fmt: skip
_BODY_TEXTS: Final = ("vid", "task_type", "category")
_BODY_SIZES: Final = ("width", "height")


def _body_value(row: Sequence[Any], index: int, name: str, parsed: dict[str, Any]) -> Any:
    """A summary column's value; when it is NULL, the body's own (as ``HistoryEntry`` reads)."""
    value = row[index]
    return parsed.get(name) if value is None else value


def _texts(row: Sequence[Any]) -> list[str]:
    """A row's searchable texts, in the order of ``_ROW_COLUMNS``."""
    (
        _id, state, step, source_name, tid, in_vid, out_vid, message, result_path, origin,
        body_text, *_summary,
    ) = row  # fmt: skip
    parsed: dict[str, Any] = {}
    if any(value is None for value in row[11:]):  # a field is not a plain value, or is absent
        try:
            loaded = json.loads(body_text)
        except ValueError:
            loaded = None
        parsed = loaded if isinstance(loaded, dict) else {}
    vid, task_type, category = (
        value if isinstance(value, str) else ""
        for value in (_body_value(row, 11 + i, name, parsed) for i, name in enumerate(_BODY_TEXTS))
    )
    width, height = (
        value if isinstance(value, int) and not isinstance(value, bool) else 0
        for value in (_body_value(row, 14 + i, name, parsed) for i, name in enumerate(_BODY_SIZES))
    )
    return [
        source_name or "",
        vid,
        tid or "",
        out_vid or "",
        in_vid if in_vid and in_vid != vid else "",
        category,
        kind_of(task_type),
        state_label(state, step),
        message or "",
        result_path or "",
        "account" if origin == "account" else "",
        f"{width} × {height}" if width and height else "",
    ]


def _joined(texts: list[str]) -> str:
    return SEPARATOR.join(text.lower().translate(_CLEAN) for text in texts if text)


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def write_texts(db: sqlite3.Connection, ids: Sequence[int] | None = None) -> None:
    """Write the searchable text of these rows (of every row when ``ids`` is None).

    Called inside the transaction that changed the rows. A text that did not change is not
    written again, so the FTS index is not touched by a progress update.
    """
    columns = ", ".join(_ROW_COLUMNS)
    upsert = (
        "INSERT INTO history_search (id, text) VALUES (?, ?) ON CONFLICT (id) DO UPDATE "
        "SET text = excluded.text WHERE text IS NOT excluded.text"
    )
    if ids is None:
        cursor = db.execute(f"SELECT {columns} FROM history")  # noqa: S608 - fixed names
        while rows := cursor.fetchmany(2000):
            db.executemany(upsert, [(row[0], _joined(_texts(row))) for row in rows])
        return
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT {columns} FROM history WHERE id IN ({marks})",  # noqa: S608 - fixed names
            tuple(chunk),
        ).fetchall()
        db.executemany(upsert, [(row[0], _joined(_texts(row))) for row in rows])


def _shown_words() -> Iterator[tuple[str, str, str]]:
    """Words a row's text holds in English that the window shows translated: (context, the
    English shown, as the text holds it)."""
    for label in (*STEP_LABELS.values(), UNKNOWN_LABEL, *_OTHER_STATE_LABELS):
        yield "HistoryState", label, label.lower()
    for category, label in CATEGORY_LABELS.items():
        yield "TaskForm", label, category.value
    for kind, label in KIND_LABELS.items():
        yield "HistoryTableModel", label, kind


def needles(text: str) -> list[str] | None:
    """What a search looks for: the :func:`needle`, and the stored English of each state,
    category or kind whose word in the user's language contains it ("완료" finds the rows a
    Korean window shows as done); None when no row can hold it, [] when it is blank."""
    found = needle(text)
    if not found:
        return None if found is None else []
    words = [found]
    for context, english, stored in _shown_words():
        shown = translate(context, english).lower()
        if shown != english.lower() and found in shown and stored not in words:
            words.append(stored)
    return words


def needle(text: str) -> str | None:
    """What a search looks for: ``text`` stripped and lowered; None when no row can hold it."""
    found = text.strip().lower()
    if any(character in found for character in _UNSEARCHABLE):
        return None
    try:
        found.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: stored texts never hold one
        return None
    return found


def matching_ids_joined(found: Sequence[str], *, fts: bool) -> tuple[str, tuple[str, ...]]:
    """An SQL query of the ids of rows with a text containing any of ``found`` (non-empty
    ``needles``) as one row, joined by commas (NULL when none), and its parameters: FTS5 when
    it is there and each has a trigram, else a scan. SQLite lists the ids in one step, without
    handing each row to Python (a worker thread's search then hardly holds Python's lock)."""
    if fts and all(len(word) >= 3 for word in found):
        # Quoted phrases: FTS5 reads nothing in them as an operator (AND, NEAR, *, ^, ...);
        # a double quote is written twice. With the trigram tokenizer, a phrase is a substring.
        phrases = " OR ".join('"' + word.replace('"', '""') + '"' for word in found)
        return (
            "SELECT group_concat(rowid) FROM history_fts WHERE history_fts MATCH ?",
            (phrases,),
        )
    return (
        f"SELECT group_concat(id) FROM history_search WHERE {_any_instr(len(found))}",  # noqa: S608 - marks only
        tuple(found),
    )


def _any_instr(count: int) -> str:
    return "(" + " OR ".join(["instr(text, ?) > 0"] * count) + ")"


def matching_among(found: Sequence[str], count: int) -> str:
    """The SQL of which of ``count`` given ids (the first ``count`` parameters; ``found``
    follow) have a text containing any of ``found``: each of those rows' texts is looked at,
    which for a few rows costs far less than the index's list of every row holding the text."""
    marks = ", ".join("?" * count)
    return f"SELECT id FROM history_search WHERE id IN ({marks}) AND {_any_instr(len(found))}"  # noqa: S608 - marks only
