"""The queue pane: the items waiting to be sent, their cost, and what can be done with them.

A table over the stored queue (:class:`QueueTableModel`), a strip of buttons that act on the
selected items, and the queue's total against the credit above Submit all. The pane only shows
and asks; ``ui/flows/queue.py`` does the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core.labels import category_label_of
from kokoon_desktop.core.timecode import FrameRate, format_timecode, ms_to_frames
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.storage.queue_store import QueueItem, QueueState

__all__ = ["COLUMNS", "ITEM_ROLE", "QueuePane", "QueueTableModel"]

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_CONTEXT = "QueuePane"
COLUMNS = (
    QT_TRANSLATE_NOOP("QueuePane", "#"),
    QT_TRANSLATE_NOOP("QueuePane", "Source"),
    QT_TRANSLATE_NOOP("QueuePane", "Range"),
    QT_TRANSLATE_NOOP("QueuePane", "Settings"),
    QT_TRANSLATE_NOOP("QueuePane", "Cost"),
    QT_TRANSLATE_NOOP("QueuePane", "State"),
)
NUMBER, SOURCE, RANGE, SETTINGS, COST, STATE = range(len(COLUMNS))

_STATE_WORDS = {
    QueueState.WAITING: QT_TRANSLATE_NOOP("QueuePane", "Waiting"),
    QueueState.UPLOADING: QT_TRANSLATE_NOOP("QueuePane", "Uploading"),
    QueueState.SENDING: QT_TRANSLATE_NOOP("QueuePane", "Sending"),
    QueueState.SENT: QT_TRANSLATE_NOOP("QueuePane", "Sent"),
    QueueState.UNKNOWN: QT_TRANSLATE_NOOP("QueuePane", "Unknown: check on server"),
    QueueState.FAILED: QT_TRANSLATE_NOOP("QueuePane", "Failed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def range_text(item: QueueItem) -> str:
    """In – Out as the timeline marks them, "00:00:01:00 – 00:00:01:29" (Out is the last frame
    sent, at the item's rate), or "Whole file"."""
    if item.start_pos == 0 and item.duration == 0:
        return QCoreApplication.translate("QueuePane", "Whole file")
    try:
        rate = FrameRate.parse(item.fps or "30")
    except ValueError:
        rate = FrameRate.parse("30")
    first = ms_to_frames(item.start_pos, rate)
    if item.duration == 0:  # from In to the end of the file
        return f"{format_timecode(first, rate)} –"
    last = max(first, ms_to_frames(item.start_pos + item.duration, rate) - 1)
    return f"{format_timecode(first, rate)} – {format_timecode(last, rate)}"


def settings_text(item: QueueItem) -> str:
    """ "Animation · 2x · H.264 MP4" and the preset's name when one was given."""
    settings = item.settings
    category = str(settings.get("category", ""))
    label = category_label_of(category)
    parts = [
        QCoreApplication.translate("TaskForm", label),
        str(settings.get("size", "")),
        f"{str(settings.get('codec', '')).upper()} {str(settings.get('format', '')).upper()}",
    ]
    if settings.get("task_type") == "SR_PREVIEW":
        parts.insert(0, QCoreApplication.translate("QueuePane", "Preview"))
    text = " · ".join(part for part in parts if part.strip())
    if item.preset:
        text = QCoreApplication.translate("QueuePane", "{preset}: {settings}").format(
            preset=item.preset, settings=text
        )
    return text


class QueueTableModel(QAbstractTableModel):
    """The stored queue's items in order, with what is known of each beside them (its cost,
    its upload's progress, why it cannot be sent)."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[QueueItem] = []
        self._rows: dict[int, int] = {}
        self._by_entry: dict[int, int] = {}  # history row id -> item id
        self.costs: dict[int, str] = {}
        self.progress: dict[int, float] = {}
        self.problems: dict[int, str] = {}
        #: Item id -> where its task stands, in words ("Processing 40%", "Done · Downloaded").
        self.tasks: dict[int, str] = {}

    # --- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STATE:
            return self.problems.get(item.id) or item.message
        return None

    def _text(self, item: QueueItem, row: int, column: int) -> str:
        if column == NUMBER:
            return str(row + 1)
        if column == SOURCE:
            return item.source_name or item.vid or ""
        if column == RANGE:
            return range_text(item)
        if column == SETTINGS:
            return settings_text(item)
        if column == COST:
            return self.costs.get(item.id, "")
        state = _tr(_STATE_WORDS[item.state])
        if item.state is QueueState.UPLOADING and item.id in self.progress:
            return QCoreApplication.translate("QueuePane", "Uploading {percent}%").format(
                percent=round(self.progress[item.id] * 100)
            )
        if item.state is QueueState.SENT and item.id in self.tasks:
            return QCoreApplication.translate("QueuePane", "Sent · {task}").format(
                task=self.tasks[item.id]
            )
        if item.state is QueueState.SENT and item.tid:
            return QCoreApplication.translate("QueuePane", "Sent: {tid}").format(tid=item.tid)
        problem = self.problems.get(item.id) if item.state.editable else None
        reason = problem or (item.message if item.state is not QueueState.SENT else None)
        if reason:
            return QCoreApplication.translate("QueuePane", "{state}: {reason}").format(
                state=state, reason=reason
            )
        return state

    @property
    def items(self) -> list[QueueItem]:
        return list(self._items)

    def item(self, item_id: int) -> QueueItem | None:
        row = self._rows.get(item_id)
        return self._items[row] if row is not None else None

    def row_of(self, item_id: int) -> int | None:
        return self._rows.get(item_id)

    def item_of_entry(self, history_id: int) -> int | None:
        """The item whose task is this history row's."""
        return self._by_entry.get(history_id)

    # --- changing --------------------------------------------------------------------------

    def set_items(self, items: Sequence[QueueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._reindex()
        self.endResetModel()

    def append(self, items: Sequence[QueueItem]) -> None:
        if not items:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._items.extend(items)
        self._reindex()
        self.endInsertRows()

    def upsert(self, item: QueueItem) -> None:
        row = self._rows.get(item.id)
        if row is None:
            self.append([item])
            return
        was = self._items[row].history_id
        self._items[row] = item
        if was != item.history_id:  # sent again: a new history row is followed
            if was is not None:
                self._by_entry.pop(was, None)
            self.tasks.pop(item.id, None)
        if item.history_id is not None:
            self._by_entry[item.history_id] = item.id
        self.changed(item.id)

    def changed(self, item_id: int) -> None:
        """Say that what is shown of an item changed (its cost, its progress)."""
        row = self._rows.get(item_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, item_ids: set[int]) -> None:
        self.beginResetModel()
        self._items = [item for item in self._items if item.id not in item_ids]
        for table in (self.costs, self.progress, self.problems, self.tasks):
            for item_id in item_ids:
                table.pop(item_id, None)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._rows = {item.id: row for row, item in enumerate(self._items)}
        self._by_entry = {
            item.history_id: item.id for item in self._items if item.history_id is not None
        }


class QueuePane(QWidget):
    """The queue's table and its buttons; the flow connects them."""

    selection_changed = Signal()
    #: Local files or folders dropped on the pane (a list of Paths).
    files_dropped = Signal(list)

    def __init__(self, model: QueueTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue_pane")
        self.model = model
        self.table = QTableView()
        self.table.setObjectName("queue_table")
        self.table.setAccessibleName(self.tr("Queue"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((NUMBER, 36), (SOURCE, 220), (RANGE, 200), (SETTINGS, 260)):
            header.resizeSection(column, width)
        header.resizeSection(COST, 90)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        model.modelReset.connect(self.selection_changed)

        self.add_form = self._button("queue_add_form", self.tr("Add form"), self.tr(
            "Add the form's source, range and settings as an item"
        ))  # fmt: skip
        self.add_range = self._button("queue_add_range", self.tr("Add In/Out"), self.tr(
            "Add the marked In/Out range of the source as another item (Ctrl+B)"
        ))  # fmt: skip
        self.add_files = self._button("queue_add_files", self.tr("Add files…"), self.tr(
            "Add local video files: each is uploaded in the background, two at a time"
        ))  # fmt: skip
        self.add_history = self._button("queue_add_history", self.tr("From history"), self.tr(
            "Add the rows selected in the history again, as items"
        ))  # fmt: skip
        self.edit = self._button("queue_edit", self.tr("Edit"), self.tr(
            "Open the item in the form; Update item keeps the changes"
        ))  # fmt: skip
        self.update_item = self._button("queue_update", self.tr("Update item"), self.tr(
            "Give the item being edited the form's source, range and settings"
        ))  # fmt: skip
        self.move_up = self._button("queue_up", self.tr("Up"), self.tr("Move up"))
        self.move_down = self._button("queue_down", self.tr("Down"), self.tr("Move down"))
        self.duplicate = self._button("queue_duplicate", self.tr("Duplicate"), self.tr(
            "Add a copy of each selected item"
        ))  # fmt: skip
        self.remove = self._button("queue_remove", self.tr("Remove"), self.tr(
            "Remove the selected items (an upload under way is cancelled)"
        ))  # fmt: skip
        self.remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.retry = self._button("queue_retry", self.tr("Retry"), self.tr(
            "Send a failed item again; an item whose outcome is unknown is looked for on the "
            "server first, never sent blindly"
        ))  # fmt: skip
        self.preset = QComboBox()
        self.preset.setObjectName("queue_preset")
        self.preset.setAccessibleName(self.tr("Preset for the selected items"))
        self.apply_preset = self._button("queue_apply_preset", self.tr("Give preset"), self.tr(
            "Give the selected items this preset's settings"
        ))  # fmt: skip
        self.total = QLabel()
        self.total.setObjectName("queue_total")
        self.total.setAccessibleName(self.tr("Queue total"))
        self.concurrency = QSpinBox()
        self.concurrency.setObjectName("queue_concurrency")
        self.concurrency.setRange(1, 16)
        self.concurrency.setAccessibleName(self.tr("Items sent at once"))
        self.concurrency.setToolTip(self.tr("How many items are sent at once"))
        self.concurrency.setPrefix(self.tr("At once: "))
        self.submit_all = QPushButton(self.tr("Submit all"))
        self.submit_all.setObjectName("queue_submit_all")
        self.submit_all.setToolTip(self.tr("Send every waiting item, each once"))

        # Tool bars: on a narrow window what does not fit folds into their » menu.
        adding = QToolBar()
        adding.setObjectName("queue_tools")
        for widget in (self.add_form, self.add_range, self.add_files, self.add_history):
            adding.addWidget(widget)
        adding.addSeparator()
        for widget in (
            self.edit,
            self.update_item,
            self.move_up,
            self.move_down,
            self.duplicate,
            self.remove,
            self.retry,
        ):
            adding.addWidget(widget)
        self.preset.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset.setMinimumContentsLength(12)
        self.total.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sending = QHBoxLayout()
        sending.addWidget(self.preset)
        sending.addWidget(self.apply_preset)
        sending.addSpacing(12)
        sending.addWidget(self.total, 1)
        sending.addWidget(self.concurrency)
        sending.addWidget(self.submit_all)
        self.table.setMinimumHeight(36)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(sending)
        #: The buttons that act on the selection, also in the table's context menu.
        self.menu_actions: list[tuple[QAction, QToolButton]] = []
        for button in (self.edit, self.duplicate, self.remove, self.retry):
            action = QAction(button.text(), self)
            action.triggered.connect(button.click)
            self.table.addAction(action)
            self.menu_actions.append((action, button))

    def sync_menu(self) -> None:
        """The context menu's actions are enabled as their buttons are."""
        for action, button in self.menu_actions:
            action.setEnabled(button.isEnabled())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        return button

    def selected_ids(self) -> list[int]:
        """The selected items' ids, in the queue's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = (self.model.index(row, 0).data(ITEM_ROLE) for row in rows)
        return [item.id for item in found if item is not None]

    def select_ids(self, item_ids: Sequence[int]) -> None:
        """Select these items (one change of the selection, however many) and show the last."""
        selection = QItemSelection()
        last = None
        for item_id in item_ids:
            row = self.model.row_of(item_id)
            if row is not None:
                last = self.model.index(row, 0)
                selection.select(last, self.model.index(row, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        if last is not None:
            self.table.scrollTo(last)


def _local_paths(data: QMimeData) -> list[Path]:
    """The local files and folders being dragged, if that is all that is being dragged."""
    urls = data.urls() if data.hasUrls() else []
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
