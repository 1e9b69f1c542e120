"""The queue: many clips or many ranges in one go, each sent once, surviving restarts.

Items come from the form (its source, range and settings), from the marked In/Out (Ctrl+B:
mark, press, mark the next), from local files (probed and uploaded in the background, two at a
time) and from rows of the history. They live in the profile's batches file
(``storage.queue_store``); the table is a view of it.

Submit all sends the waiting items ``concurrency`` at a time through the window's own
``Submitter``: the history row is written, the item is linked to it (committed), and only then
does ``POST /task`` leave. An item whose answer was lost is looked for on the server ("check
on server"), never sent again blindly; a failed item keeps its reason and Retry sends it again.
While a queue is sent, neither the history's nor the queue's write-ahead log is copied into its
file on the event loop (that ends with an fsync): a worker thread does it.

One notification per batch, with its counts, once every item of it has ended (its task done,
failed or cancelled, or the item failed).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core import human
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.presets import Preset
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.paths import BATCHES_FILE_NAME
from kokoon_desktop.services.task_matching import request_key
from kokoon_desktop.storage.history import (
    HistoryEntry,
    HistoryError,
    HistoryStore,
    SubmissionState,
)
from kokoon_desktop.storage.queue_store import QueueError, QueueItem, QueueState, QueueStore
from kokoon_desktop.ui.history_model import progress_text, result_text, state_text
from kokoon_desktop.ui.task_form import SourceInfo

if TYPE_CHECKING:
    from kokoon_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Local files uploaded at once for the queue.
UPLOADS_AT_ONCE = 2
#: Quotes asked at once for the queue's total.
QUOTES_AT_ONCE = 4
#: How often the write-ahead logs are copied into their files while a queue is sent.
CHECKPOINT_EVERY_S = 1.0
#: Items worked out between two turns of the event loop.
YIELD_EVERY = 50
#: Changes within this time share one refresh of the buttons.
REFRESH_DELAY_MS = 100
#: Edits within this time share one requote of the total.
QUOTE_DELAY_MS = 300
#: Items added at once that are selected (of more, only the last).
SELECT_ADDED_UP_TO = 20
#: The shortcut that adds the marked In/Out as an item.
ADD_RANGE_KEYS = "Ctrl+B"
#: What a folder dropped or chosen contributes: its video files.
VIDEO_SUFFIXES = frozenset((
    ".mp4", ".mov", ".mkv", ".m4v", ".avi", ".mxf", ".webm", ".mts", ".m2ts", ".m2t", ".ts",
    ".mpg", ".mpeg", ".vob", ".3gp", ".wmv", ".flv", ".ogv",
))  # fmt: skip
_PLACEHOLDER_NAME = "Queue item"


def video_files(paths: Iterable[Path]) -> list[Path]:
    """The files among ``paths`` and the video files in the folders among them, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in VIDEO_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
    return found


def item_preset(item: QueueItem) -> Preset:
    """An item's settings as a preset (``InvalidTaskSpec`` when they cannot be one)."""
    return Preset.from_json({**item.settings, "name": item.preset or _PLACEHOLDER_NAME})


def task_words(entry: HistoryEntry) -> str:
    """Where a sent item's task stands, as the history says it: "Processing 40%",
    "Done · Downloaded"."""
    words = state_text(entry)
    if not entry.is_finished and entry.progress is not None:
        words = QCoreApplication.translate("QueueFlow", "{state} {percent}").format(
            state=words, percent=progress_text(entry)
        )
    result = result_text(entry)
    if result:
        words = QCoreApplication.translate("QueueFlow", "{state} · {result}").format(
            state=words, result=result
        )
    return words


def item_spec(item: QueueItem) -> TaskSpec:
    """The task an item asks for; ``InvalidTaskSpec`` with the reason when the rules refuse
    it, ``LookupError`` while its file is not uploaded."""
    if item.vid is None:
        raise LookupError("not uploaded yet")
    return item_preset(item).apply(
        vid=item.vid,
        source_size=item.source_size,
        start_pos=item.start_pos,
        duration=item.duration,
        use_trim_orig=item.use_trim_orig,
        source_duration_ms=item.source_duration_ms,
    )


class QueueFlow(QObject):
    """Adds, edits, orders, quotes and sends the queue's items."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._host = window.host
        self.model = window.queue_model
        self.pane = window.queue_pane
        self.store: QueueStore | None = None
        path = window.history_store.path.parent / BATCHES_FILE_NAME
        try:
            self.store = QueueStore(path)
        except QueueError as exc:
            window.messages.error(
                self.tr("The queue cannot be used: {reason}").format(reason=str(exc))
            )
        else:
            self.model.set_items(self.store.items())
        self._editing: int | None = None
        self._to_send: set[int] = set()
        self._claimed: set[int] = set()
        self._runner: asyncio.Task[None] | None = None
        self._uploads: dict[int, asyncio.Task[None]] = {}
        self._upload_slots: asyncio.Semaphore | None = None
        self._quotes: dict[str, Decimal] = {}
        #: Request key -> the item that sent it, while a queue is sent.
        self._sent_keys: dict[str, int] | None = None
        self._balance: Decimal | None = None
        self._quote_due = False
        self._refresh_due = False
        #: Item id -> (the item, its task, its request key, why it has none).
        self._specs: dict[int, tuple[QueueItem, TaskSpec | None, str | None, str | None]] = {}
        #: The batch being followed: history id -> item id, and how its items ended.
        self._batch: dict[int, int] = {}
        self._batch_done = 0
        self._batch_failed = 0
        self._batch_ended: set[int] = set()
        self._batch_started = False
        self._connect()
        self.refresh_buttons()

    def _connect(self) -> None:
        pane, window = self.pane, self._window
        pane.add_form.clicked.connect(self.add_form)
        pane.add_range.clicked.connect(self.add_range)
        pane.add_files.clicked.connect(self.choose_files)
        pane.add_history.clicked.connect(self.add_history_rows)
        pane.edit.clicked.connect(self.edit_selected)
        pane.update_item.clicked.connect(self.update_edited)
        pane.move_up.clicked.connect(lambda: self.move_selected(-1))
        pane.move_down.clicked.connect(lambda: self.move_selected(1))
        pane.duplicate.clicked.connect(self.duplicate_selected)
        pane.remove.clicked.connect(self.remove_selected)
        pane.retry.clicked.connect(self.retry_selected)
        pane.apply_preset.clicked.connect(self.give_preset)
        pane.submit_all.clicked.connect(self.submit_all_clicked)
        pane.selection_changed.connect(self.refresh_buttons)
        pane.files_dropped.connect(self.add_paths)
        pane.concurrency.setValue(window.settings_store.load().queue_concurrency)
        pane.concurrency.valueChanged.connect(self._concurrency_changed)
        window.form.spec_changed.connect(lambda _spec: self.refresh_buttons())
        window.history_pane.table.selectionModel().selectionChanged.connect(self.refresh_buttons)
        self.add_range_shortcut = QShortcut(QKeySequence(ADD_RANGE_KEYS), window)
        self.add_range_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.add_range_shortcut.activated.connect(self.add_range)

    def _concurrency_changed(self, value: int) -> None:
        try:
            self._window.settings_store.update(queue_concurrency=value)
        except OSError as exc:
            log.warning("The queue's concurrency could not be saved: %s", exc)

    # --- the session -----------------------------------------------------------------------

    def session_opened(self) -> None:
        """Settle what an earlier run left (items being sent when it ended are checked
        against their history rows), resume the uploads, quote the total."""
        if self.store is None:
            return
        history = self._window.history_store
        for item in self.model.items:
            if item.state in (QueueState.SENDING, QueueState.UNKNOWN):
                self._settle_from_history(item, history)
            elif item.state is QueueState.UPLOADING and item.id not in self._uploads:
                self._start_upload(item)
        self.quote_soon()
        self.refresh_buttons()

    def _settle_from_history(self, item: QueueItem, history: HistoryStore) -> None:
        if item.history_id is None:
            # Never linked to a row: its request never left (see storage.queue_store).
            self._set(item.id, state=QueueState.WAITING, message=None)
            return
        try:
            entry = history.get(item.history_id)
        except HistoryError:
            entry = None
        if entry is None:
            return
        self._follow_entry(item.id, entry)

    def _follow_entry(self, item_id: int, entry: HistoryEntry) -> None:
        """The item as its history row says it stands."""
        if entry.state is SubmissionState.SUBMITTED:
            self.model.tasks[item_id] = task_words(entry)
            self._set(item_id, state=QueueState.SENT, tid=entry.tid, message=None)
        elif entry.state is SubmissionState.FAILED:
            self._set(item_id, state=QueueState.FAILED, message=entry.message)
        elif entry.state is SubmissionState.UNKNOWN:
            self._set(item_id, state=QueueState.UNKNOWN, message=entry.message)

    def entry_changed(self, entry: HistoryEntry) -> None:
        """Every history row's change: a sent item shows where its task stands, and a batch's
        task that ends counts toward the batch's end."""
        shown = self.model.item_of_entry(entry.id)
        if shown is not None and entry.state is SubmissionState.SUBMITTED:
            self.model.tasks[shown] = task_words(entry)
            self.model.changed(shown)
        item_id = self._batch.get(entry.id)
        if item_id is None or not entry.is_finished or entry.id in self._batch_ended:
            return
        self._batch_ended.add(entry.id)
        if entry.state is SubmissionState.SUBMITTED and entry.is_done:
            self._batch_done += 1
        else:
            self._batch_failed += 1
        self._maybe_batch_finished()

    # --- adding ----------------------------------------------------------------------------

    def _form_item(self, *, need_range: bool) -> QueueItem | None:
        window = self._window
        form = window.form
        form.range_panel.commit()
        spec = form.spec
        if spec is None:
            window.messages.warning(
                self.tr("The form's task is not complete yet: finish it to add it to the queue.")
            )
            return None
        if need_range and spec.start_pos == 0 and spec.duration == 0:
            window.messages.warning(
                self.tr("Mark In and Out on the timeline (I and O) first, then press Ctrl+B.")
            )
            return None
        source = form.source
        own = source if source is not None and source.vid == spec.vid else None
        preset = form.treatment(_PLACEHOLDER_NAME)
        if preset is None:
            return None
        if own is None or own.size is None:
            # No source size to apply a rule to: the size the form shows, as it is.
            preset = replace(preset, size=f"{spec.width}x{spec.height}")
        return QueueItem(
            id=0,
            position=0,
            settings=preset.to_json(),
            source_name=(own.name if own else None) or spec.vid,
            vid=spec.vid,
            source_path=own.local_path if own else None,
            source_width=own.size[0] if own and own.size else None,
            source_height=own.size[1] if own and own.size else None,
            source_duration_ms=spec.source_duration_ms,
            fps=own.fps if own else None,
            start_pos=spec.start_pos,
            duration=spec.duration,
            use_trim_orig=spec.use_trim_orig,
        )

    def add_form(self) -> None:
        item = self._form_item(need_range=False)
        if item is not None:
            self._add([item])

    def add_range(self) -> None:
        """The marked In/Out as another item of the same source: mark, press, mark the next."""
        item = self._form_item(need_range=True)
        if item is None:
            return
        (added,) = self._add([item])
        from kokoon_desktop.ui.queue_pane import range_text

        self._window.messages.info(
            self.tr("Added {range} of {source} to the queue.").format(
                range=range_text(added), source=added.source_name
            )
        )

    def add_history_rows(self) -> None:
        """The rows selected in the history, back as items with the requests they sent."""
        entries = self._window.history_pane.selected_entries()
        items: list[QueueItem] = []
        skipped = 0
        for entry in entries:
            try:
                spec = TaskSpec.from_request_body(
                    entry.request_body, source_duration_ms=entry.source_duration_ms
                )
                preset = Preset(
                    name=_PLACEHOLDER_NAME,
                    category=spec.category,
                    size=f"{spec.width}x{spec.height}",
                    task_type=spec.task_type,
                    input_quality=spec.input_quality,
                    use_sr=spec.use_sr,
                    options=spec.options,
                    codec=spec.codec,
                    container=spec.container,
                )
            except InvalidTaskSpec:
                skipped += 1  # a task found in the account, whose request is not known
                continue
            items.append(
                QueueItem(
                    id=0,
                    position=0,
                    settings=preset.to_json(),
                    source_name=entry.source_name or spec.vid,
                    vid=spec.vid,
                    source_path=entry.source_path,
                    source_duration_ms=entry.source_duration_ms,
                    fps=entry.source_fps,
                    start_pos=spec.start_pos,
                    duration=spec.duration,
                    use_trim_orig=spec.use_trim_orig,
                )
            )
        if items:
            self._add(items)
        if skipped:
            self._window.messages.warning(
                self.tr(
                    "{count} rows were not added: their requests are not known (tasks found "
                    "in the account)."
                ).format(count=skipped)
            )

    def choose_files(self) -> None:
        from kokoon_desktop.ui.flows.upload import VIDEO_FILE_FILTERS, videos_nearby

        names, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Add videos to the queue"),
            videos_nearby(self._window),
            ";;".join(QCoreApplication.translate("UploadFlow", f) for f in VIDEO_FILE_FILTERS),
        )
        if names:
            self.add_paths([Path(name) for name in names])

    def add_paths(self, paths: Sequence[Path]) -> list[QueueItem]:
        """Files (and the videos in folders) as items with the form's settings; each is
        probed and uploaded in the background, two at a time."""
        window = self._window
        files = video_files(paths)
        if not files:
            window.messages.warning(self.tr("There is no video file there to add."))
            return []
        preset = window.form.treatment(_PLACEHOLDER_NAME)
        if preset is None:
            window.messages.warning(
                self.tr("The form's output size is not valid: fix it to add files.")
            )
            return []
        items = [
            QueueItem(
                id=0,
                position=0,
                settings=preset.to_json(),
                source_name=path.name,
                source_path=str(path),
                state=QueueState.UPLOADING,
            )
            for path in files
        ]
        added = self._add(items)
        for item in added:
            self._start_upload(item)
        return added

    def _add(self, items: Sequence[QueueItem]) -> list[QueueItem]:
        if self.store is None:
            return []
        try:
            added = self.store.add(items)
        except QueueError as exc:
            self._window.messages.error(str(exc))
            return []
        self.model.append(added)
        if self._runner is not None:  # a queue being sent takes what is added meanwhile
            self._to_send.update(item.id for item in added)
        # A few added items are selected to act on; of many, the last is shown.
        chosen = added if len(added) <= SELECT_ADDED_UP_TO else added[-1:]
        self.pane.select_ids([item.id for item in chosen])
        self.quote_soon()
        self.refresh_buttons()
        return added

    def _set(self, item_id: int, **changes: object) -> QueueItem | None:
        """Change an item in the store, then on screen."""
        if self.store is None:
            return None
        try:
            item = self.store.update(item_id, **changes)
        except QueueError as exc:
            log.warning("queue item %s: %s", item_id, exc)
            return None
        self.model.upsert(item)
        return item

    # --- uploads ---------------------------------------------------------------------------

    def _start_upload(self, item: QueueItem) -> None:
        if self._host.session is None or item.source_path is None:
            return  # resumed when the session opens
        task = self._host.spawn(self._upload(item.id, Path(item.source_path)))
        self._uploads[item.id] = task
        key = item.id

        def forget(_task: asyncio.Task[None]) -> None:
            self._uploads.pop(key, None)

        task.add_done_callback(forget)

    async def _upload(self, item_id: int, path: Path) -> None:
        from kokoon_desktop.media.probe import MediaError, probe

        if self._upload_slots is None:
            self._upload_slots = asyncio.Semaphore(UPLOADS_AT_ONCE)
        async with self._upload_slots:
            try:
                info = await asyncio.to_thread(probe, path)
            except MediaError as exc:
                self._set(item_id, state=QueueState.FAILED, message=str(exc))
                self._uploads_changed()
                return
            width, height = info.display_size
            self._set(
                item_id,
                source_width=width,
                source_height=height,
                source_duration_ms=info.duration_ms,
                fps=str(info.rate),
            )
            shown = [0.0]

            def progress(done: int, total: int | None) -> None:
                now = time.monotonic()
                if total and (now - shown[0] >= 0.1 or done == total):
                    shown[0] = now
                    self.model.progress[item_id] = done / total
                    self.model.changed(item_id)

            client = self._host.live.connection.client
            try:
                video = await client.upload_video(path, progress=progress)
            except KokoonError as exc:
                self._set(
                    item_id,
                    state=QueueState.FAILED,
                    message=self.tr("The upload failed: {reason}").format(reason=exc.message),
                )
                self._uploads_changed()
                return
            finally:
                self.model.progress.pop(item_id, None)
        self._set(item_id, vid=video.vid, state=QueueState.WAITING, message=None)
        self._uploads_changed()

    def _uploads_changed(self) -> None:
        self.quote_soon()
        self.refresh_buttons()

    # --- editing ---------------------------------------------------------------------------

    def _selected(self) -> list[QueueItem]:
        found = (self.model.item(item_id) for item_id in self.pane.selected_ids())
        return [item for item in found if item is not None]

    def edit_selected(self) -> None:
        selected = self._selected()
        if len(selected) != 1 or not selected[0].state.editable or selected[0].vid is None:
            return
        item = selected[0]
        try:
            spec = item_spec(item)
        except (InvalidTaskSpec, LookupError) as exc:
            self._window.messages.warning(str(exc))
            return
        source = SourceInfo(
            vid=item.vid or "",
            name=item.source_name,
            size=item.source_size,
            duration_ms=item.source_duration_ms,
            fps=item.fps,
            local_path=item.source_path,
        )
        form = self._window.form
        form.load_request_body(spec.to_request_body(), source)
        form.apply_treatment(item_preset(item))
        self._editing = item.id
        self.refresh_buttons()
        self._window.messages.info(
            self.tr("The form holds queue item {number}: change it, then Update item.").format(
                number=(self.model.row_of(item.id) or 0) + 1
            )
        )

    def update_edited(self) -> None:
        item_id = self._editing
        current = self.model.item(item_id) if item_id is not None else None
        if item_id is None or current is None or not current.state.editable:
            self._editing = None
            self.refresh_buttons()
            return
        made = self._form_item(need_range=False)
        if made is None:
            return
        self._set(
            item_id,
            **{
                name: getattr(made, name)
                for name in (
                    "settings", "source_name", "vid", "source_path", "source_width",
                    "source_height", "source_duration_ms", "fps", "start_pos", "duration",
                    "use_trim_orig",
                )
            },
            preset=None,
            state=QueueState.WAITING,
            message=None,
        )  # fmt: skip
        self._editing = None
        self.quote_soon()
        self.refresh_buttons()

    def move_selected(self, step: int) -> None:
        if self.store is None:
            return
        chosen = set(self.pane.selected_ids())
        order = [item.id for item in self.model.items]
        indexes = range(len(order)) if step < 0 else range(len(order) - 1, -1, -1)
        for index in indexes:
            target = index + step
            inside = 0 <= target < len(order)
            if inside and order[index] in chosen and order[target] not in chosen:
                order[index], order[target] = order[target], order[index]
        try:
            self.store.reorder(order)
        except QueueError as exc:
            self._window.messages.error(str(exc))
            return
        self.model.set_items(self.store.items())
        self.pane.select_ids([item_id for item_id in order if item_id in chosen])

    def duplicate_selected(self) -> None:
        copies = [
            replace(item, state=QueueState.WAITING, history_id=None, tid=None, message=None)
            for item in self._selected()
            if item.vid is not None
        ]
        if copies:
            self._add(copies)

    def remove_selected(self) -> None:
        if self.store is None:
            return
        selected = self._selected()
        sending = [item for item in selected if item.id in self._claimed]
        removable = {item.id for item in selected if item.id not in self._claimed}
        if sending:
            self._window.messages.warning(
                self.tr("Items being sent stay until the service answers.")
            )
        if not removable:
            return
        for item_id in removable:
            upload = self._uploads.pop(item_id, None)
            if upload is not None:
                upload.cancel()
        try:
            self.store.remove(removable)
        except QueueError as exc:
            self._window.messages.error(str(exc))
            return
        self._to_send -= removable
        if self._editing in removable:
            self._editing = None
        self.model.remove(removable)
        self.quote_soon()
        self.refresh_buttons()

    def give_preset(self) -> None:
        preset = self.pane.preset.currentData()
        if not isinstance(preset, Preset):
            return
        for item in self._selected():
            if item.state.editable or item.state is QueueState.UPLOADING:
                self._set(item.id, settings=preset.to_json(), preset=preset.name)
        self.quote_soon()
        self.refresh_buttons()

    def set_presets(self, presets: Sequence[Preset]) -> None:
        """The presets offered for the selected items (the presets flow keeps them)."""
        combo = self.pane.preset
        chosen = combo.currentText()
        combo.clear()
        for preset in presets:
            combo.addItem(preset.name, preset)
        if chosen:
            combo.setCurrentIndex(max(0, combo.findText(chosen)))
        self.refresh_buttons()

    # --- the buttons -----------------------------------------------------------------------

    def refresh_buttons_soon(self) -> None:
        """One refresh for a burst of changes (a queue being sent changes items often)."""
        if not self._refresh_due:
            self._refresh_due = True
            QTimer.singleShot(REFRESH_DELAY_MS, self.refresh_buttons)

    def refresh_buttons(self) -> None:
        self._refresh_due = False
        pane, window = self.pane, self._window
        usable = self.store is not None
        connected = self._host.session is not None
        selected = self._selected() if usable else []
        editable = [item for item in selected if item.state.editable]
        form_ready = window.form.spec is not None
        pane.add_form.setEnabled(usable and form_ready)
        pane.add_range.setEnabled(usable and form_ready)
        self.add_range_shortcut.setEnabled(usable)
        pane.add_files.setEnabled(usable and connected)
        pane.add_history.setEnabled(usable and bool(window.history_pane.selected_entries()))
        pane.edit.setEnabled(len(selected) == 1 and bool(editable) and editable[0].vid is not None)
        pane.update_item.setEnabled(self._editing is not None and form_ready)
        # Up and Down only when the selection can move that way.
        rows = sorted(r for r in (self.model.row_of(item.id) for item in selected) if r is not None)
        count = self.model.rowCount()
        pane.move_up.setEnabled(bool(rows) and rows != list(range(len(rows))))
        pane.move_down.setEnabled(bool(rows) and rows != list(range(count - len(rows), count)))
        pane.duplicate.setEnabled(any(item.vid is not None for item in selected))
        pane.remove.setEnabled(any(item.id not in self._claimed for item in selected))
        pane.retry.setEnabled(
            connected
            and any(
                item.state in (QueueState.FAILED, QueueState.UNKNOWN)
                and item.id not in self._claimed
                for item in selected
            )
        )
        pane.apply_preset.setEnabled(bool(editable) and pane.preset.count() > 0)
        waiting = self._sendable()
        pane.submit_all.setEnabled(connected and bool(waiting))
        pane.submit_all.setText(
            self.tr("Submit all ({count})").format(count=len(waiting))
            if waiting
            else self.tr("Submit all")
        )
        pane.sync_menu()

    def _sendable(self) -> list[QueueItem]:
        """The items Submit all would send (waiting, or uploading then sent) and check."""
        return [
            item
            for item in self.model.items
            if item.id not in self._claimed
            and item.id not in self._to_send
            and item.state in (QueueState.WAITING, QueueState.UPLOADING, QueueState.UNKNOWN)
        ]

    # --- cost --------------------------------------------------------------------------------

    def quote_soon(self) -> None:
        if not self._quote_due:
            self._quote_due = True
            QTimer.singleShot(QUOTE_DELAY_MS, self._quote_now)

    def _quote_now(self) -> None:
        self._quote_due = False
        if self._host.session is not None and not self._host.closed:
            self._host.spawn(self._quote())
        else:
            self._show_total()

    async def _quote(self) -> None:
        client = self._host.live.connection.client
        wanted: dict[str, TaskSpec] = {}
        for index, item in enumerate(self.model.items):
            if index % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)  # a long queue's tasks are worked out a turn at a time
            quotable = self._quotable(item)
            if quotable is not None:
                wanted.setdefault(quotable[1], quotable[0])
        missing = [(key, spec) for key, spec in wanted.items() if key not in self._quotes]
        slots = asyncio.Semaphore(QUOTES_AT_ONCE)

        async def one(key: str, spec: TaskSpec) -> None:
            async with slots:
                try:
                    self._quotes[key] = (await client.quote(spec)).credit
                except KokoonError as exc:
                    log.info("no quote for a queue item: %s", exc.message)

        await asyncio.gather(*(one(key, spec) for key, spec in missing))
        try:
            balance = (await client.get_credit()).credit
        except KokoonError as exc:
            log.info("no credit for the queue's total: %s", exc.message)
            self._show_total()
        else:
            self._window.submission.balance_known(balance)  # shows the total too

    def balance_known(self, balance: Decimal) -> None:
        """The credit left, as the window last read it."""
        self._balance = balance
        self._show_total()

    def _worked_out(self, item: QueueItem) -> tuple[TaskSpec | None, str | None, str | None]:
        """An item's task, its request key and why it has none, worked out once per version
        of the item (the model holds a new object for each change)."""
        known = self._specs.get(item.id)
        if known is not None and known[0] is item:
            return known[1], known[2], known[3]
        spec: TaskSpec | None = None
        key = problem = None
        try:
            spec = item_spec(item)
            key = request_key(spec.to_request_body())
        except InvalidTaskSpec as exc:
            problem = str(exc)
        except LookupError:
            pass
        self._specs[item.id] = (item, spec, key, problem)
        return spec, key, problem

    def _quotable(self, item: QueueItem) -> tuple[TaskSpec, str] | None:
        if not item.state.editable and item.state is not QueueState.UPLOADING:
            return None
        spec, key, _problem = self._worked_out(item)
        if spec is None or key is None or spec.task_type is not TaskType.SR:
            return None
        return spec, key

    def _total(self) -> tuple[Decimal, int, int]:
        """The cost of the items still to send, how many, and how many cannot be quoted."""
        total, count, unquoted = Decimal(0), 0, 0
        for item in self.model.items:
            if not item.state.editable and item.state is not QueueState.UPLOADING:
                continue
            count += 1
            quotable = self._quotable(item)
            credit = self._quotes.get(quotable[1]) if quotable else None
            if credit is None:
                unquoted += 1
                self.model.costs.pop(item.id, None)
            else:
                total += credit
                self.model.costs[item.id] = human.credit(credit)
        return total, count, unquoted

    def _show_total(self) -> None:
        self.model.problems.clear()
        for item in self.model.items:
            if item.state.editable and item.vid is not None:
                problem = self._worked_out(item)[2]
                if problem is not None:
                    self.model.problems[item.id] = problem
        total, count, unquoted = self._total()
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1),
            )
        if count == 0:
            self.pane.total.setText(self.tr("Nothing to send."))
            return
        cost = human.credit(total)
        if self._balance is None:
            text = self.tr("{count} items to send: {cost} credits").format(count=count, cost=cost)
        else:
            text = self.tr("{count} items to send: {cost} credits · {balance} left").format(
                count=count, cost=cost, balance=human.credit(self._balance)
            )
        if unquoted:
            text += self.tr(" · {count} not quoted (previews, files not uploaded)").format(
                count=unquoted
            )
        if self._balance is not None and total > self._balance:
            text = self.tr("<b>Not enough credit.</b> {total}").format(total=text)
        self.pane.total.setText(text)

    # --- sending -----------------------------------------------------------------------------

    def submit_all_clicked(self) -> None:
        items = self._sendable()
        if not items or self._host.session is None:
            return
        total, _count, _unquoted = self._total()
        if self._balance is not None and total > self._balance:
            self._confirm_unaffordable(items, total, self._balance)
            return
        self.submit(items)

    def _confirm_unaffordable(
        self, items: list[QueueItem], total: Decimal, balance: Decimal
    ) -> None:
        box = QMessageBox(self._window)
        box.setObjectName("confirm_queue_credit")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not enough credit"))
        box.setText(
            self.tr("The queue needs {cost} credits and {balance} are left.").format(
                cost=human.credit(total), balance=human.credit(balance)
            )
        )
        box.setInformativeText(
            self.tr("The service will refuse the items it cannot cover. Submit all anyway?")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.submit(items)

        box.finished.connect(done)
        box.open()

    def submit(self, items: Sequence[QueueItem]) -> None:
        """Send these items (the unknown ones are looked for on the server instead)."""
        for item in items:
            if item.state is QueueState.UNKNOWN:
                self._host.spawn(self._check(item.id))
            else:
                self._to_send.add(item.id)
        if self._to_send and self._runner is None:
            if not self._batch_started:
                self._batch_started = True
            self._runner = self._host.spawn(self._run())
        self.refresh_buttons()

    def retry_selected(self) -> None:
        retry: list[QueueItem] = []
        for item in self._selected():
            if item.id in self._claimed:
                continue
            if item.state is QueueState.UNKNOWN:
                retry.append(item)  # checked on the server, never resent blindly
            elif item.state is QueueState.FAILED:
                if item.vid is None and item.source_path is not None:
                    changed = self._set(item.id, state=QueueState.UPLOADING, message=None)
                    if changed is not None:
                        self._start_upload(changed)
                    retry.append(changed or item)
                else:
                    retry.append(self._set(item.id, state=QueueState.WAITING, message=None) or item)
        if retry:
            self.submit(retry)

    async def _check(self, item_id: int) -> None:
        item = self.model.item(item_id)
        if item is None or item.history_id is None or item_id in self._claimed:
            return
        live = self._host.live
        self._claimed.add(item_id)
        self.refresh_buttons()
        try:
            entry = await live.submitter.check_on_server(item.history_id)
        except KokoonError as exc:
            self._window.messages.error(
                self.tr("Could not check: {reason}").format(reason=exc.message)
            )
            return
        except LookupError:
            self._set(
                item_id,
                state=QueueState.UNKNOWN,
                message=self.tr("Its history row was removed: look for the task on the server."),
            )
            return
        finally:
            self._claimed.discard(item_id)
            self.refresh_buttons()
        self._window.history_model.upsert(entry)
        self._follow_entry(item_id, entry)
        if entry.state is SubmissionState.SUBMITTED:
            live.tracker.track(entry)
            self._join_batch(entry, item_id)
        self.refresh_buttons()
        self._maybe_batch_finished()

    async def _run(self) -> None:
        """Send the items asked for, ``concurrency`` at a time; items added meanwhile join."""
        history = self._window.history_store
        self._sent_keys = None
        checkpoints = asyncio.ensure_future(self._checkpoints())
        try:
            with history.log_left_aside():
                workers = max(1, self.pane.concurrency.value())
                await asyncio.gather(*(self._worker() for _ in range(workers)))
        finally:
            checkpoints.cancel()
            self._runner = None
            self._to_send.clear()
            self.refresh_buttons()
        await self._checkpoint()
        self.quote_soon()
        self._maybe_batch_finished()

    async def _checkpoints(self) -> None:
        while True:
            await asyncio.sleep(CHECKPOINT_EVERY_S)
            await self._checkpoint()

    async def _checkpoint(self) -> None:
        """Copy the write-ahead logs into their files, on a worker thread."""
        try:
            await asyncio.to_thread(self._window.history_store.checkpoint_aside)
            if self.store is not None:
                await asyncio.to_thread(self.store.checkpoint_aside)
        except (HistoryError, QueueError) as exc:
            log.warning("checkpoint: %s", exc)

    def _next(self) -> QueueItem | bool | None:
        """The next item to send; True when the only ones left are still uploading."""
        uploading = False
        for item in self.model.items:
            if item.id not in self._to_send or item.id in self._claimed:
                continue
            if item.state is QueueState.WAITING and item.vid is not None:
                return item
            if item.state is QueueState.UPLOADING:
                uploading = True
        return True if uploading else None

    async def _worker(self) -> None:
        while True:
            item = self._next()
            if item is True:
                await asyncio.sleep(0.1)
                continue
            if item is None or item is False:
                return
            self._claimed.add(item.id)
            try:
                await self._send(item)
            finally:
                self._claimed.discard(item.id)
                self._to_send.discard(item.id)
                self.refresh_buttons_soon()

    async def _send(self, item: QueueItem) -> None:
        from kokoon_desktop.services.submitter import SourceFacts

        live = self._host.live
        try:
            spec = item_spec(item)
        except (InvalidTaskSpec, LookupError) as exc:
            self._fail(item.id, str(exc))
            return
        key = request_key(spec.to_request_body())
        twin = self._sent_twin(item, key)
        if twin is not None:
            self._fail(
                item.id,
                self.tr(
                    "The same task as item {number}, already sent: not sent twice. Change its "
                    "settings or range to send it."
                ).format(number=twin + 1),
            )
            return
        credit = self._quotes.get(key)

        def recorded(entry: HistoryEntry) -> None:
            # Committed before the request leaves: after a crash the item is checked on the
            # server from this row, never sent again blindly.
            if self._set(item.id, state=QueueState.SENDING, history_id=entry.id) is None:
                raise QueueError("the queue item could not be linked to its history row")

        entry = await live.submitter.submit(
            spec,
            source_name=item.source_name,
            source=SourceFacts(
                path=item.source_path,
                fps=item.fps,
                credits=None if credit is None else str(credit),
            ),
            on_recorded=recorded,
        )
        if entry is None:
            self._fail(
                item.id,
                self.tr("An identical task is being sent right now: this one was not sent."),
            )
            return
        self._follow_entry(item.id, entry)
        if entry.state is SubmissionState.SUBMITTED:
            live.tracker.track(entry)
            self._join_batch(entry, item.id)
            self._window.submission.refresh_credit_soon()  # once for a burst of them
        else:
            self._batch_failed += 1

    def _sent_twin(self, item: QueueItem, key: str) -> int | None:
        """The row of another item that sent (or is sending) this very request."""
        if self._sent_keys is None:  # once per run: then kept as items are sent
            self._sent_keys = {}
            for other in self.model.items:
                if other.state in (QueueState.SENT, QueueState.SENDING):
                    other_key = self._worked_out(other)[1]
                    if other_key is not None:
                        self._sent_keys.setdefault(other_key, other.id)
        twin = self._sent_keys.get(key)
        if twin is not None and twin != item.id:
            holder = self.model.item(twin)
            if holder is not None and holder.state in (QueueState.SENT, QueueState.SENDING):
                return self.model.row_of(twin)
        self._sent_keys[key] = item.id
        return None

    def _fail(self, item_id: int, message: str) -> None:
        self._set(item_id, state=QueueState.FAILED, message=message)
        self._batch_failed += 1

    def _join_batch(self, entry: HistoryEntry, item_id: int) -> None:
        self._batch[entry.id] = item_id
        self._batch_started = True
        if entry.is_finished:  # found on the server already done
            self.entry_changed(entry)

    def _maybe_batch_finished(self) -> None:
        """One notification when every item of the batch has ended."""
        if not self._batch_started or self._runner is not None or self._claimed:
            return
        if len(self._batch_ended) < len(self._batch):
            return  # tasks still running
        done, failed = self._batch_done, self._batch_failed
        self._batch.clear()
        self._batch_ended.clear()
        self._batch_done = self._batch_failed = 0
        self._batch_started = False
        if done or failed:
            self._window.messages.info(
                self.tr("Batch finished: {done} done, {failed} failed.").format(
                    done=done, failed=failed
                )
            )

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
