"""The history pane: search, the table of submissions, and what can be done with a row."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.human import percent
from kokoon_desktop.core.timecode import format_ms
from kokoon_desktop.storage.history import HistoryEntry, ResultState, SubmissionState
from kokoon_desktop.ui.history_model import (
    ENTRY_ROLE,
    PROGRESS,
    PROGRESS_ROLE,
    RANGE,
    HistoryTableModel,
)
from kokoon_desktop.ui.style import scaled_font

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

_CELL_PADDING_PX = 16  # the margins a table cell keeps either side of its text


class ProgressDelegate(QStyledItemDelegate):
    """Draws a progress bar in the cell while a task reports a meaningful fraction."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        fraction = index.data(PROGRESS_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        # Imported when a first bar is drawn: the wrappers of QStyle (several hundred enum
        # values) take longer to set up than the empty pane takes to show at start-up.
        from PySide6.QtWidgets import QStyle, QStyleOptionProgressBar

        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 4, -3, -4)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = round(float(fraction) * 1000)
        bar.text = percent(float(fraction))
        bar.textVisible = True
        bar.palette = option.palette
        bar.state = option.state
        style = QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class HistoryPane(QWidget):
    """Signals carry the entry a user acted on; the window does the work."""

    resubmit_requested = Signal(object)
    check_requested = Signal(object)
    remove_requested = Signal(object)
    #: A list of entries whose results to download (done rows; also Retry of a failed one).
    download_requested = Signal(object)
    open_requested = Signal(object)
    reveal_requested = Signal(object)
    #: A done preview, or a downloaded result, to look at against its source.
    compare_requested = Signal(object)

    def __init__(self, model: HistoryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.base_url = ""
        self.auth_scheme = AuthScheme.RAW

        self.search = QLineEdit()
        self.search.setObjectName("history_search")
        self.search.setAccessibleName(self.tr("Search history"))
        self.search.setPlaceholderText(self.tr("Search by name, ID, state…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(model.set_filter_text)
        self.search.textChanged.connect(lambda _text: self._refresh_empty())
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setObjectName("history")
        self.table.setAccessibleName(self.tr("History"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A downloaded row dragged out is its file: file managers and editors take it.
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((128, 190, 60, 80, 170, 170, 150, 90, 210, 140, 140)):
            self.table.setColumnWidth(column, width)
        # A trimmed range is as wide as two times: shown whole, not elided in the middle.
        widest_range = f"{format_ms(0)} – {format_ms(0)}"
        self.table.setColumnWidth(
            RANGE, self.table.fontMetrics().horizontalAdvance(widest_range) + _CELL_PADDING_PX
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu_at)

        top = QHBoxLayout()
        title = QLabel(self.tr("History"))
        # Bold by its font, not a style sheet: a style sheet would ignore the window's palette.
        title.setFont(scaled_font(title, bold=True))
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)

        # What an empty table means: how tasks get there, or that the search found none.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("history_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.table.viewport().installEventFilter(self)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self._refresh_empty)
        self._refresh_empty()

        self._actions = self._make_actions()
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        model.dataChanged.connect(self._selected_row_changed)
        # Sorting, searching and a page of the account merge read the rows again (a reset):
        # the rows selected before are selected again, wherever they are now.
        self._kept_selection: list[int] = []
        # Selected rows a search has not listed yet (its first rows came at once, the rest
        # come later): selected again when they join.
        self._awaited_selection: list[int] = []
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._restore_selection)
        model.rowsInserted.connect(self._select_awaited)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_count)
        self._update_count()

    def _make_actions(self) -> dict[str, QAction]:
        specs = [
            ("copy_tid", self.tr("Copy task ID"), QKeySequence.StandardKey.Copy, self._copy_tid),
            ("copy_in_vid", self.tr("Copy input video ID"), None, self._copy_in_vid),
            ("copy_out_vid", self.tr("Copy output video ID"), None, self._copy_out_vid),
            ("copy_json", self.tr("Copy request as JSON"), None, self._copy_json),
            ("copy_curl", self.tr("Copy as curl command"), None, self._copy_curl),
            ("download", self.tr("Download result"), QKeySequence("Ctrl+D"), self._download),
            ("open", self.tr("Open result"), QKeySequence("Ctrl+Shift+O"), self._open),
            ("reveal", self.tr("Reveal in folder"), QKeySequence("Ctrl+Shift+R"), self._reveal),
            (
                "compare",
                self.tr("Compare with source"),
                QKeySequence("Ctrl+Shift+C"),
                self._compare,
            ),
            ("resubmit", self.tr("Edit and resubmit"), QKeySequence("Ctrl+E"), self._resubmit),
            ("check", self.tr("Check on server"), None, self._check),
            (
                "remove",
                self.tr("Remove from history"),
                QKeySequence.StandardKey.Delete,
                self._remove,
            ),
        ]
        actions: dict[str, QAction] = {}
        for name, text, shortcut, slot in specs:
            action = QAction(text, self.table)
            action.setObjectName(f"history_{name}")
            if shortcut is not None:
                action.setShortcut(shortcut)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
            actions[name] = action
        return actions

    # --- helpers -------------------------------------------------------------------------------

    def selected_entry(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, HistoryEntry) else None

    def selected_entries(self) -> list[HistoryEntry]:
        """Every selected row's entry, top to bottom."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        entries = [index.data(ENTRY_ROLE) for index in rows]
        return [entry for entry in entries if isinstance(entry, HistoryEntry)]

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self.table.selectRow(row)

    def select_entries(self, entry_ids: list[int], *, scroll: bool = True) -> None:
        """Select these rows (those shown) and bring the first into view (unless ``scroll`` is
        false)."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        rows = [row for entry_id in entry_ids if (row := self.model.row_of(entry_id)) is not None]
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)
        if rows and scroll:
            self.table.scrollTo(self.model.index(min(rows), 0))

    def _keep_selection(self) -> None:
        """Before a reset: the selected rows' ids, the current row's first."""
        selection_model = self.table.selectionModel()
        rows = sorted(index.row() for index in selection_model.selectedRows())
        current = selection_model.currentIndex()
        if current.isValid() and current.row() in rows:
            rows.remove(current.row())
            rows.insert(0, current.row())
        kept = [self.model.id_at(row) for row in rows]
        kept += [entry_id for entry_id in self._awaited_selection if entry_id not in kept]
        self._kept_selection, self._awaited_selection = kept, []

    def _restore_selection(self) -> None:
        from PySide6.QtCore import QItemSelectionModel

        kept, self._kept_selection = self._kept_selection, []
        if not kept:
            return
        self.select_entries(kept, scroll=False)
        if self.model.more_to_come:
            self._awaited_selection = [i for i in kept if self.model.row_of(i) is None]
        row = self.model.row_of(kept[0])
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _select_awaited(self) -> None:
        awaited = self._awaited_selection
        if not awaited:
            return
        if not self.model.more_to_come:
            self._awaited_selection = []
        if any(self.model.row_of(entry_id) is not None for entry_id in awaited):
            chosen = [entry.id for entry in self.selected_entries()]
            self.select_entries(chosen + [i for i in awaited if i not in chosen], scroll=False)

    def _refresh_empty(self) -> None:
        model = self.table.model()
        empty = model is not None and model.rowCount() == 0
        searched = self.search.text().strip()
        if searched:
            text = self.tr("No task matches “{}”.").format(searched)
        else:
            text = self.tr(
                "Tasks you submit appear here, with their state and their result; tasks made "
                "elsewhere with this account join them when the account is read (Refresh)."
            )
        self.empty_label.setText(text)
        self.empty_label.setVisible(empty)
        self._place_empty()

    def _place_empty(self) -> None:
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 8, -24, -8))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # `getattr`: during teardown the label may go before the viewport's last events.
        if event.type() == QEvent.Type.Resize and getattr(self, "empty_label", None) is not None:
            self._place_empty()
        return False

    def update_actions(self) -> None:
        """Enable what applies to the selection (the menu and the shortcuts alike)."""
        entries = self.selected_entries()
        entry = entries[0] if entries else None
        self._actions["copy_tid"].setEnabled(entry is not None and entry.tid is not None)
        self._actions["copy_out_vid"].setEnabled(entry is not None and entry.out_vid is not None)
        self._actions["check"].setVisible(
            entry is not None and entry.state is SubmissionState.UNKNOWN
        )
        self._actions["download"].setEnabled(any(e.is_done for e in entries))
        failed = any(e.result_state is ResultState.FAILED for e in entries)
        self._actions["download"].setText(
            self.tr("Retry download") if failed else self.tr("Download result")
        )
        has_file = entry is not None and self.model.downloaded_file(entry) is not None
        self._actions["open"].setEnabled(has_file)
        self._actions["reveal"].setEnabled(has_file)
        preview = entry is not None and entry.task_type == TaskType.SR_PREVIEW.value
        self._actions["compare"].setEnabled(
            entry is not None and (entry.is_done if preview else has_file)
        )
        self._actions["compare"].setText(
            self.tr("Compare preview with source") if preview else self.tr("Compare with source")
        )

    def _selected_row_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        selected = self.table.selectionModel().selectedRows()
        if any(top_left.row() <= index.row() <= bottom_right.row() for index in selected):
            self.update_actions()

    @property
    def actions_by_name(self) -> dict[str, QAction]:
        """The row actions (the window's toolbar shares Download with the menu)."""
        return self._actions

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.entry_count()
        self.count_label.setText(
            self.tr("{shown} of {total}").format(shown=shown, total=total)
            if shown != total
            else str(total)
        )

    def _menu_at(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        if self.selected_entry() is None:
            return
        self.update_actions()
        menu = QMenu(self)
        menu.setObjectName("history_menu")
        for name in ("download", "open", "reveal", "compare"):
            menu.addAction(self._actions[name])
        menu.addSeparator()
        for name in ("copy_tid", "copy_in_vid", "copy_out_vid", "copy_json", "copy_curl"):
            menu.addAction(self._actions[name])
        menu.addSeparator()
        for name in ("check", "resubmit", "remove"):
            menu.addAction(self._actions[name])
        menu.popup(self.table.viewport().mapToGlobal(point))

    @staticmethod
    def _copy(text: str | None) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)

    def _copy_tid(self) -> None:
        entry = self.selected_entry()
        self._copy(entry.tid if entry else None)

    def _copy_in_vid(self) -> None:
        entry = self.selected_entry()
        self._copy((entry.in_vid or entry.vid) if entry else None)

    def _copy_out_vid(self) -> None:
        entry = self.selected_entry()
        self._copy(entry.out_vid if entry else None)

    def _copy_json(self) -> None:
        entry = self.selected_entry()
        if entry:
            self._copy(json.dumps(dict(entry.request_body), indent=2))

    def _copy_curl(self) -> None:
        from kokoon_desktop.api.curl import create_task_curl  # rarely used: loaded on demand

        entry = self.selected_entry()
        if entry:
            self._copy(create_task_curl(self.base_url, entry.request_body, self.auth_scheme))

    def _resubmit(self) -> None:
        entry = self.selected_entry()
        if entry:
            self.resubmit_requested.emit(entry)

    def _check(self) -> None:
        entry = self.selected_entry()
        if entry and entry.state is SubmissionState.UNKNOWN:
            self.check_requested.emit(entry)

    def _download(self) -> None:
        entries = [entry for entry in self.selected_entries() if entry.is_done]
        if entries:
            self.download_requested.emit(entries)

    def _open(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.model.downloaded_file(entry) is not None:
            self.open_requested.emit(entry)

    def _reveal(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.model.downloaded_file(entry) is not None:
            self.reveal_requested.emit(entry)

    def _compare(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self._actions["compare"].isEnabled():
            self.compare_requested.emit(entry)

    def _double_clicked(self, index: QModelIndex) -> None:
        """A downloaded row opens its result; any other row does nothing (no surprise edits)."""
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, HistoryEntry) and self.model.downloaded_file(entry) is not None:
            self.open_requested.emit(entry)

    def _remove(self) -> None:
        entry = self.selected_entry()
        if entry:
            self.remove_requested.emit(entry)
