"""Every submission as a table, read from the history file as its rows are shown.

The store sorts in SQL (``HistoryStore.ids``, by an index in the newest-first order) and finds
the rows a search holds (``HistoryStore.search``, by an FTS5 index); the model keeps the sorted
ids of every row and shows those found, and reads the entries of a page of rows when the view
first asks for one of them, keeping the last few thousand read. Opening 100,000 rows reads
their ids (tens of milliseconds) and the first page, not 100,000 entries. A search keeps the
sorted ids and picks the ones found from them, without sorting again.

A search for a text most rows hold (a state, a category) shows the first screen of rows at
once: the newest few hundred rows are looked at one by one, which for such a text finds a
screenful in a few milliseconds, while the index lists every row holding it on a worker thread
(tens of milliseconds at 100,000 rows); the rest of the rows join below when it has. A text few
rows hold is looked up in the index at once, which is fast for it.

A window over the whole list rather than Qt's ``canFetchMore``/``fetchMore``, which grows the
row count as the view scrolls down: here the scroll bar is the whole history from the start, so
End or a drag of the scroll bar goes straight to the oldest rows, and any row can be found by
its id (``row_of``, selecting a row, following a task) without reading the rows above it. The
ids cost little (100,000 of them: under a megabyte).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor

from kokoon_desktop.core import human
from kokoon_desktop.core.human import percent
from kokoon_desktop.core.labels import KIND_LABELS, category_label_of, kind_of
from kokoon_desktop.core.time_entry import TimeUnit, format_position
from kokoon_desktop.core.timecode import FrameRate, format_ms, ms_to_frames
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.storage.history import (
    FoundRows,
    HistoryEntry,
    HistoryError,
    HistoryOrder,
    HistoryStore,
    ResultState,
)
from kokoon_desktop.storage.history_text import state_label

if TYPE_CHECKING:
    from kokoon_desktop.services.downloads import DownloadProgress

_Index = QModelIndex | QPersistentModelIndex

#: The columns' headings in English (translated where shown).
COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryTableModel", "When"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Source"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Type"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Category"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Range"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Output"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "State"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Progress"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Result"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Task ID"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Output video"),
)
WHEN, SOURCE, TYPE, CATEGORY, RANGE, OUTPUT, STATE, PROGRESS, RESULT, TASK_ID, OUTPUT_VID = range(
    11
)

#: The entry behind a row, for views and actions.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Progress as a fraction 0..1, or None for an indeterminate or finished state.
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
#: Entries are read from the store this many rows at a time (a screen is 20 to 50).
PAGE_ROWS = 100
#: At most this many entries are kept; the ones read longest ago are dropped first.
CACHED_ENTRIES = 2000
#: A search first looks at this many of the top rows, one by one...
SEARCH_FIRST_ROWS = 400
#: ...and when they hold at least this many found rows (more than a screen), shows them while
#: the index lists the rest on a worker thread.
SEARCH_SCREENFUL = 60


class _SearchAside(QObject):
    """Carries what a search on a worker thread found back to the model's thread."""

    found = Signal(int, object)  # the search's number, its FoundRows (None if it failed)

    def start(self, number: int, store: HistoryStore, text: str) -> None:
        def work() -> None:
            try:
                found: FoundRows | None = store.search_aside(text)
            except HistoryError:
                found = None  # the file went away meanwhile: the first rows stay
            with contextlib.suppress(RuntimeError):  # the model is gone (its window closed)
                self.found.emit(number, found)

        threading.Thread(target=work, name="history-search", daemon=True).start()


def state_text(entry: HistoryEntry) -> str:
    """The State column in the interface's language (the store keeps the English labels, which
    searches and sorting read)."""
    return QCoreApplication.translate("HistoryState", state_label(entry.state.value, entry.step))


def range_text(entry: HistoryEntry, unit: TimeUnit = TimeUnit.MILLISECONDS) -> str:
    """The task's range in the range panel's unit: timecode and frames need the source's
    frame rate, recorded with the task (tasks made elsewhere, without it, stay in ms)."""
    if entry.start_pos == 0 and entry.duration == 0:
        return QCoreApplication.translate("HistoryTableModel", "Whole file")
    to_end = QCoreApplication.translate("HistoryTableModel", "{start} – end")
    rate = _rate(entry.source_fps) if unit is not TimeUnit.MILLISECONDS else None
    if rate is None:
        start = format_ms(entry.start_pos)
        if not entry.duration:
            return to_end.format(start=start)
        return f"{start} – {format_ms(entry.start_pos + entry.duration)}"
    first = ms_to_frames(entry.start_pos, rate)
    start = format_position(first, rate, unit)
    if not entry.duration:
        return to_end.format(start=start)
    # As the panel shows Out: the range's last frame.
    last = max(first, ms_to_frames(entry.start_pos + entry.duration, rate) - 1)
    return f"{start} – {format_position(last, rate, unit)}"


def category_label(category: str) -> str:
    """A category as the form's Category list names it (and translates it)."""
    return QCoreApplication.translate("TaskForm", category_label_of(category))


def _rate(fps: str | None) -> FrameRate | None:
    if not fps:
        return None
    try:
        return FrameRate(Fraction(fps))
    except (ValueError, ZeroDivisionError):
        return None


def output_text(entry: HistoryEntry) -> str:
    if not entry.width or not entry.height:
        return "—"  # a task from the account whose request is not known yet
    body = entry.request_body
    container = str(body.get("format", "mp4")).upper()
    codec = {"h264": "H.264", "h265": "H.265"}.get(str(body.get("codec")), str(body.get("codec")))
    return f"{entry.width} × {entry.height} · {container} {codec}"


#: A result not downloaded that expires sooner than this is highlighted.
EXPIRY_WARNING = timedelta(days=2)
#: The highlight of such rows: a translucent amber that reads on light and dark palettes.
EXPIRING_BACKGROUND = QColor(255, 170, 0, 60)


def expiring_soon(entry: HistoryEntry, now: datetime) -> bool:
    """Done, not downloaded, and its result expires within two days (or has just expired)."""
    expires = entry.expires
    if not entry.is_done or entry.result_state is ResultState.DOWNLOADED or expires is None:
        return False
    return now <= expires <= now + EXPIRY_WARNING


def result_text(
    entry: HistoryEntry,
    *,
    progress: DownloadProgress | None = None,
    file_exists: bool = True,
    now: datetime | None = None,
) -> str:
    """The Result cell: where the row's output stands, in words."""
    if not entry.is_done:
        return ""
    state = entry.result_state
    if state is ResultState.DOWNLOADED:
        return (
            QCoreApplication.translate("HistoryTableModel", "Downloaded")
            if file_exists
            else QCoreApplication.translate("HistoryTableModel", "Missing (moved or deleted)")
        )
    if state in (ResultState.QUEUED, ResultState.DOWNLOADING):
        if progress is None:
            return (
                QCoreApplication.translate("HistoryTableModel", "Waiting to download")
                if state is ResultState.QUEUED
                else QCoreApplication.translate("HistoryTableModel", "Downloading…")
            )
        fraction = progress.fraction
        text = (
            QCoreApplication.translate("HistoryTableModel", "Downloading")
            if fraction is None
            else QCoreApplication.translate("HistoryTableModel", "Downloading {percent}").format(
                percent=percent(fraction)
            )
        )
        if progress.bytes_per_s:
            text = QCoreApplication.translate("HistoryTableModel", "{progress} · {speed}/s").format(
                progress=text, speed=human.file_size(round(progress.bytes_per_s))
            )
        return text
    if state is ResultState.FAILED:
        return QCoreApplication.translate("HistoryTableModel", "Download failed — Retry")
    expires = entry.expires
    moment = now or datetime.now(UTC)
    if expires is not None and expires < moment:
        return QCoreApplication.translate("HistoryTableModel", "Expired")
    if expires is not None and expires <= moment + EXPIRY_WARNING:
        return QCoreApplication.translate(
            "HistoryTableModel", "Not downloaded · expires in {left}"
        ).format(left=human.duration_between(moment, expires))
    return QCoreApplication.translate("HistoryTableModel", "Not downloaded")


def progress_text(entry: HistoryEntry) -> str:
    if entry.step == "done":
        return percent(1)
    if entry.progress is not None:
        return percent(entry.progress)
    return ""


def cell_text(entry: HistoryEntry, column: int, unit: TimeUnit = TimeUnit.MILLISECONDS) -> str:
    match column:
        case 0:
            return human.local_time(entry.created_at)
        case 1:
            name = entry.source_name or entry.vid
            if entry.from_account:
                return QCoreApplication.translate(
                    "HistoryTableModel", "{name} · from the account"
                ).format(name=name)
            return name
        case 2:
            return QCoreApplication.translate(
                "HistoryTableModel", KIND_LABELS[kind_of(entry.task_type)]
            )
        case 3:
            return category_label(entry.category)
        case 4:
            return range_text(entry, unit)
        case 5:
            return output_text(entry)
        case 6:
            return state_text(entry)
        case 7:
            return progress_text(entry)
        case 8:
            return result_text(entry)
        case 9:
            return entry.tid or ""
        case _:
            return entry.out_vid or ""


#: What each column sorts by.
COLUMN_ORDERS = (
    HistoryOrder.CREATED,
    HistoryOrder.SOURCE,
    HistoryOrder.TASK_TYPE,
    HistoryOrder.CATEGORY,
    HistoryOrder.RANGE,
    HistoryOrder.OUTPUT,
    HistoryOrder.STATE,
    HistoryOrder.PROGRESS,
    HistoryOrder.RESULT,
    HistoryOrder.TID,
    HistoryOrder.OUT_VID,
)
assert len(COLUMN_ORDERS) == len(COLUMNS)


class HistoryTableModel(QAbstractTableModel):
    """The rows of a :class:`HistoryStore`, newest first unless sorted otherwise.

    It holds the ids of the rows it shows, in their order, and the entries of the rows lately
    shown or changed; an entry is read from the store, with the rest of its page, when the view
    first asks for its row.
    """

    def __init__(self) -> None:
        super().__init__()
        self._store: HistoryStore | None = None
        self._order: list[int] = []  # every row, sorted
        self._found: set[int] | None = None  # the rows the search finds; None: no search
        self._ids: list[int] = self._order  # the rows shown, top to bottom: _order if no search
        self._rows: dict[int, int] | None = None  # id -> row; None: made again when asked
        self._entries: dict[int, HistoryEntry] = {}  # by id, oldest read first
        self._last_id = 0  # the newest row when the ids were read: a higher id is a new row
        self._filter = ""
        self._sort_column = WHEN
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._time_unit = TimeUnit.MILLISECONDS
        self._downloads: dict[int, DownloadProgress] = {}  # entry id -> latest progress
        self._file_exists: dict[int, bool] = {}  # entry id -> its result file is there
        self._clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._search_number = 0  # a search's answer from elsewhere counts only if still current
        self._listing = False  # the rows after the first ones found are still being listed
        self._aside = _SearchAside(self)
        self._aside.found.connect(self._rest_found)

    # --- loading and updating ------------------------------------------------------------------

    def set_store(self, store: HistoryStore) -> None:
        """Show this history (read as it is shown)."""
        self._store = store
        self._reload()

    def _reload(self, *, resort: bool = True) -> None:
        """Read the rows again: their sorted ids (unless only the search changed) and what the
        search finds. The view is reset (the pane selects the same rows again)."""
        self._search_number += 1  # an answer still on its way is out of date
        self._listing = False
        store = self._store
        order = self._order
        found: set[int] | None = None
        last_id = self._last_id
        if store is None:
            order = []
        else:
            if resort:
                order = store.ids(
                    COLUMN_ORDERS[self._sort_column],
                    descending=self._sort_order == Qt.SortOrder.DescendingOrder,
                )
                last_id = store.last_id()
            found = store.search(self._filter)
        self.beginResetModel()
        self._order, self._found, self._last_id = order, found, last_id
        self._ids = order if found is None else [i for i in order if i in found]
        self._rows = None
        if resort:
            self._entries.clear()  # read again as shown: nothing stays older than the file
        self.endResetModel()

    def _remember(self, entries: Iterable[HistoryEntry]) -> None:
        known = self._entries
        for entry in entries:
            known.pop(entry.id, None)  # to the end: the latest read is dropped last
            known[entry.id] = entry
        excess = len(known) - CACHED_ENTRIES
        if excess > 0:
            for entry_id in list(islice(known, excess + CACHED_ENTRIES // 4)):
                del known[entry_id]

    def _newest_first(self) -> bool:
        return self._sort_column == WHEN and self._sort_order == Qt.SortOrder.DescendingOrder

    def upsert(self, entry: HistoryEntry) -> None:
        """Add a new submission or update one in place (a tracked task's progress).

        A row that changes stays where it is until the rows are sorted or filtered again.
        """
        self._forget_result_file(entry)
        self._remember((entry,))
        row = self.row_of(entry.id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return
        if entry.id <= self._last_id or self._store is None:
            return  # not found by the search (or removed meanwhile)
        self._last_id = entry.id
        if not self._newest_first():
            self._reload()
            return
        found = self._found
        if found is not None and not self._store.matching(self._filter, (entry.id,)):
            self._order.insert(0, entry.id)
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._order.insert(0, entry.id)
        if found is not None:
            found.add(entry.id)
            self._ids.insert(0, entry.id)
        self._rows = None
        self.endInsertRows()

    def upsert_many(self, entries: Sequence[HistoryEntry]) -> None:
        """Many rows at once (a page of the account merge): the rows are read again, sorted
        and filtered by the store, and the view is reset once.

        Rows that only changed, in the newest-first order and unfiltered, change in place.
        """
        new = any(entry.id > self._last_id for entry in entries)
        if len(entries) <= 8 or (not new and not self._filter and self._newest_first()):
            for entry in entries:
                self.upsert(entry)
            return
        for entry in entries:
            self._forget_result_file(entry)
        self._reload()

    def remove_entry(self, entry_id: int) -> None:
        self._entries.pop(entry_id, None)
        self._downloads.pop(entry_id, None)
        self._file_exists.pop(entry_id, None)
        if entry_id not in self._order:
            return
        row = self.row_of(entry_id)
        if row is None:  # not found by the search: not shown
            self._order.remove(entry_id)
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._order.remove(entry_id)
        if self._found is not None:
            self._found.discard(entry_id)
            del self._ids[row]
        self._rows = None
        self.endRemoveRows()

    def set_time_unit(self, unit: TimeUnit) -> None:
        """Show ranges in ``unit``, as the range panel does."""
        if unit is self._time_unit:
            return
        self._time_unit = unit
        if self.rowCount():
            column = RANGE
            self.dataChanged.emit(
                self.index(0, column),
                self.index(self.rowCount() - 1, column),
                [Qt.ItemDataRole.DisplayRole],
            )

    def set_filter_text(self, text: str) -> None:
        """Show only rows with a text containing ``text`` (``HistoryStore.search`` says which)."""
        text = text.strip()
        if text == self._filter:
            return
        self._filter = text
        if not self._show_first_found():
            self._reload(resort=False)

    @property
    def more_to_come(self) -> bool:
        """Whether rows the search finds are still being listed (they join below)."""
        return self._listing

    def _show_first_found(self) -> bool:
        """For a text the top rows mostly hold: show those found among them now, and have the
        rest listed on a worker thread. False when the search is better done at once."""
        store, text = self._store, self._filter
        if store is None or not text or len(self._order) <= SEARCH_FIRST_ROWS:
            return False
        top = self._order[:SEARCH_FIRST_ROWS]
        matched = store.matching(text, top)
        if len(matched) < SEARCH_SCREENFUL:
            return False
        self._search_number += 1
        self._listing = True
        self.beginResetModel()
        self._ids = [row_id for row_id in top if row_id in matched]
        self._found = set(self._ids)
        self._rows = None
        self.endResetModel()
        self._aside.start(self._search_number, store, text)
        return True

    def _rest_found(self, number: int, rows: FoundRows | None) -> None:
        """The worker thread's list: the rows below the first ones join them."""
        if number != self._search_number:
            return
        self._listing = False
        found = None if rows is None else rows.ids()
        if found is None or self._found is None:
            return
        shown = self._found
        ids = [row_id for row_id in self._order if row_id in found or row_id in shown]
        if ids[: len(self._ids)] != self._ids:  # the rows changed meanwhile: all again
            self.beginResetModel()
            self._ids, self._found, self._rows = ids, set(ids), None
            self.endResetModel()
            return
        if len(ids) == len(self._ids):
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(ids) - 1)
        self._ids, self._found, self._rows = ids, set(ids), None
        self.endInsertRows()

    def _forget_result_file(self, entry: HistoryEntry) -> None:
        if entry.result_state is not ResultState.DOWNLOADING:
            self._downloads.pop(entry.id, None)
        self._file_exists.pop(entry.id, None)

    def set_download_progress(self, progress: DownloadProgress) -> None:
        """A download moved on: only its Result cell is repainted."""
        self._downloads[progress.entry_id] = progress
        self._cell_changed(progress.entry_id, RESULT)

    def recheck_files(self) -> None:
        """Look again whether downloaded results are where they were (on Refresh, on focus)."""
        self._file_exists.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, RESULT), self.index(len(self._ids) - 1, RESULT))

    def result_file_exists(self, entry: HistoryEntry) -> bool:
        """Whether a downloaded row's file is still there; asked once per row until rechecked."""
        known = self._file_exists.get(entry.id)
        if known is None:
            known = bool(entry.result_path) and Path(entry.result_path or "").is_file()
            self._file_exists[entry.id] = known
        return known

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """What "now" is for expiry (tests move it)."""
        self._clock = clock

    def _cell_changed(self, entry_id: int, column: int) -> None:
        row = self.row_of(entry_id)
        if row is not None:
            cell = self.index(row, column)
            self.dataChanged.emit(cell, cell)

    def id_at(self, row: int) -> int:
        """The id of the entry shown in this row (without reading it)."""
        return self._ids[row]

    def entry_at(self, row: int) -> HistoryEntry | None:
        """The entry shown in this row; None if it was removed from the file meanwhile."""
        entry_id = self._ids[row]
        entry = self._entries.get(entry_id)
        if entry is None and self._store is not None:
            start = row - row % PAGE_ROWS
            page = [i for i in self._ids[start : start + PAGE_ROWS] if i not in self._entries]
            self._remember(self._store.get_many(page))
            entry = self._entries.get(entry_id)
        return entry

    def row_of(self, entry_id: int) -> int | None:
        rows = self._rows
        if rows is None:
            rows = self._rows = {row_id: row for row, row_id in enumerate(self._ids)}
        return rows.get(entry_id)

    def entry(self, entry_id: int) -> HistoryEntry | None:
        """The row's entry as last read or reported (from the file if not read lately)."""
        entry = self._entries.get(entry_id)
        if entry is None and self._store is not None:
            entry = self._store.get(entry_id)
            if entry is not None:
                self._remember((entry,))
        return entry

    def all_entries(self) -> list[HistoryEntry]:
        """Every row, read from the file: the whole history, for tests and tools."""
        return [] if self._store is None else self._store.entries()

    def entry_count(self) -> int:
        """Every entry, shown or filtered out."""
        return len(self._order)

    # --- Qt model ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self._sort_column, self._sort_order):
            return  # the view asks again when sorting is switched on; the rows are in order
        self._sort_column, self._sort_order = column, order
        self._reload()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == RESULT:
                return self._result_text(entry)
            return cell_text(entry, index.column(), self._time_unit)
        if role == Qt.ItemDataRole.BackgroundRole:
            return EXPIRING_BACKGROUND if expiring_soon(entry, self._clock()) else None
        if role == ENTRY_ROLE:
            return entry
        if role == PROGRESS_ROLE:
            return 1.0 if entry.step == "done" else entry.progress
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, index.column())
        return None

    def _result_text(self, entry: HistoryEntry) -> str:
        exists = (
            self.result_file_exists(entry) if entry.result_state is ResultState.DOWNLOADED else True
        )
        return result_text(
            entry,
            progress=self._downloads.get(entry.id),
            file_exists=exists,
            now=self._clock(),
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is not None and self.downloaded_file(entry) is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def downloaded_file(self, entry: HistoryEntry) -> Path | None:
        """The row's result file when it is downloaded and still there."""
        if entry.result_state is not ResultState.DOWNLOADED or not entry.result_path:
            return None
        return Path(entry.result_path) if self.result_file_exists(entry) else None

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragged rows as file URLs: file managers and editing applications take them."""
        paths: dict[str, None] = {}
        for index in indexes:
            entry = self.entry_at(index.row()) if index.isValid() else None
            path = None if entry is None else self.downloaded_file(entry)
            if path is not None:
                paths[str(path)] = None
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(path) for path in paths])
        return data

    def _tooltip(self, entry: HistoryEntry, column: int) -> str | None:
        if column == RESULT:
            if entry.result_state is ResultState.FAILED:
                return entry.result_message
            if entry.result_path:
                note = f"\n{entry.result_message}" if entry.result_message else ""
                return f"{entry.result_path}{note}"
            expires = entry.expires
            if expires is not None and entry.is_done:
                return self.tr("The result expires on the service {date}.").format(
                    date=human.local_time(expires)
                )
            return None
        if column == STATE and entry.message:
            return entry.message
        if column == SOURCE:
            return self.tr("Video {vid}").format(vid=entry.vid)
        return None
