"""The history pane: search, the table of submissions, and what can be done with a row."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
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

from kokoon_desktop.api.endpoint import AuthScheme
from kokoon_desktop.core.timecode import format_ms
from kokoon_desktop.storage.history import HistoryEntry, SubmissionState
from kokoon_desktop.ui.history_model import (
    ENTRY_ROLE,
    PROGRESS,
    PROGRESS_ROLE,
    RANGE,
    HistoryTableModel,
)

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
        bar.text = f"{float(fraction):.0%}"
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

    def __init__(self, model: HistoryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.base_url = ""
        self.auth_scheme = AuthScheme.RAW

        self.search = QLineEdit()
        self.search.setObjectName("history_search")
        self.search.setAccessibleName("Search history")
        self.search.setPlaceholderText("Search by name, ID, state…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(model.set_filter_text)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setObjectName("history")
        self.table.setAccessibleName("History")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        for column, width in enumerate((128, 190, 60, 80, 170, 170, 150, 90, 140, 140)):
            self.table.setColumnWidth(column, width)
        # A trimmed range is as wide as two times: shown whole, not elided in the middle.
        widest_range = f"{format_ms(0)} – {format_ms(0)}"
        self.table.setColumnWidth(
            RANGE, self.table.fontMetrics().horizontalAdvance(widest_range) + _CELL_PADDING_PX
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu_at)

        top = QHBoxLayout()
        title = QLabel("History")
        title.setStyleSheet("font-weight: 600;")
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)

        self._actions = self._make_actions()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_count)
        self._update_count()

    def _make_actions(self) -> dict[str, QAction]:
        specs = [
            ("copy_tid", "Copy task ID", QKeySequence.StandardKey.Copy, self._copy_tid),
            ("copy_in_vid", "Copy input video ID", None, self._copy_in_vid),
            ("copy_out_vid", "Copy output video ID", None, self._copy_out_vid),
            ("copy_json", "Copy request as JSON", None, self._copy_json),
            ("copy_curl", "Copy as curl command", None, self._copy_curl),
            ("resubmit", "Edit and resubmit", QKeySequence("Ctrl+E"), self._resubmit),
            ("check", "Check on server", None, self._check),
            ("remove", "Remove from history", QKeySequence.StandardKey.Delete, self._remove),
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

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.entry_count()
        self.count_label.setText(f"{shown} of {total}" if shown != total else f"{total}")

    def _menu_at(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        entry = self.selected_entry()
        if entry is None:
            return
        self._actions["copy_tid"].setEnabled(entry.tid is not None)
        self._actions["copy_out_vid"].setEnabled(entry.out_vid is not None)
        self._actions["check"].setVisible(entry.state is SubmissionState.UNKNOWN)
        menu = QMenu(self)
        menu.setObjectName("history_menu")
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

    def _remove(self) -> None:
        entry = self.selected_entry()
        if entry:
            self.remove_requested.emit(entry)
