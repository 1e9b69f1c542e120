"""Preview before paying, compare after: the preview task, its assets, and the compare view.

"Preview this range" sends the form's task as an ``SR_PREVIEW`` for the marked range (one
second from the playhead when nothing is marked, marked on the timeline so the user sees it),
through the same submitter as any task: recorded first, sent once. When a preview submitted
here is done, its two assets are fetched into the cache (fresh task info right before; never
with the token) and the compare view opens on them. From there, "Submit full task with these
settings" sends the very request that was previewed, as a full task.

The history opens the compare view too: on a done preview, and on a downloaded full result
against its local source (the output's frame *i* is the source's frame at the request's
``start_pos`` + *i*).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.core.timecode import FrameRate, ms_to_frames
from kokoon_desktop.i18n import translate
from kokoon_desktop.storage.history import HistoryEntry, ResultState, SubmissionState
from kokoon_desktop.ui.compare.window import CompareSource, CompareWindow

if TYPE_CHECKING:
    from kokoon_desktop.media.compare_frames import CompareFrames
    from kokoon_desktop.ui.main_window import MainWindow

__all__ = ["PreviewFlow", "full_task_of", "preview_of"]

log = logging.getLogger(__name__)

#: With no range marked, a preview covers this long from the playhead.
UNMARKED_PREVIEW_MS = 1000


def preview_of(spec: TaskSpec) -> TaskSpec:
    """The preview task of ``spec``: the same request but for its type."""
    return spec.with_changes(task_type=TaskType.SR_PREVIEW)


def full_task_of(preview: HistoryEntry) -> TaskSpec:
    """The full task of a preview: exactly the previewed request but for ``task_type``
    (ValueError when the stored request cannot be read back as it was sent)."""
    spec = TaskSpec.from_request_body(
        preview.request_body, source_duration_ms=preview.source_duration_ms
    ).with_changes(task_type=TaskType.SR)
    sent = dict(spec.to_request_body())
    judged = dict(preview.request_body)
    sent.pop("task_type")
    judged.pop("task_type", None)
    if sent != judged:  # the settings paid for must be the ones judged
        raise ValueError("the stored preview request does not read back as it was sent")
    return spec


class PreviewFlow(QObject):
    """The preview button, previews followed to their compare view, and compare from history."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._host = window.host
        #: Previews submitted here whose compare view opens by itself when they are done.
        self._awaited: set[int] = set()
        self._views: dict[int, CompareWindow] = {}
        window.form.preview_requested.connect(self.preview_clicked)
        window.history_pane.compare_requested.connect(self.compare_entry)

    @property
    def views(self) -> dict[int, CompareWindow]:
        """The compare views open, by history row."""
        return self._views

    # --- previewing ------------------------------------------------------------------------------

    def preview_clicked(self) -> None:
        window = self._window
        timeline = window.timeline
        marks = timeline.marks
        if timeline.isEnabled() and marks.in_frame is None and marks.out_frame is None:
            rate = timeline.rate
            if rate is not None:
                first = timeline.playhead
                count = max(1, ms_to_frames(UNMARKED_PREVIEW_MS, rate))
                last = min(marks.total_frames - 1, first + count - 1)
                timeline.set_marks(marks.set_in(first).set_out(last))
                window.messages.info(
                    translate(
                        "PreviewFlow",
                        "No range was marked: previewing one second from the playhead.",
                    )
                )
        spec = window.form.spec
        if spec is None:
            return  # the form says what is missing
        self._host.spawn(self._submit_preview(preview_of(spec)))

    async def _submit_preview(self, spec: TaskSpec) -> None:
        entry = await self._window.submission.submit(spec)
        if entry is not None and entry.state is SubmissionState.SUBMITTED:
            self._awaited.add(entry.id)
            self._window.messages.info(
                translate(
                    "PreviewFlow", "Preview submitted: the comparison opens when it is ready."
                )
            )

    def entry_changed(self, entry: HistoryEntry) -> None:
        """Every change of a history row: an awaited preview that is done opens its view."""
        if entry.id not in self._awaited:
            return
        if entry.is_done:
            self._awaited.discard(entry.id)
            self._host.spawn(self.open_preview(entry))
        elif entry.out_of_doubt and entry.state is not SubmissionState.SUBMITTED:
            self._awaited.discard(entry.id)

    # --- opening the compare view ----------------------------------------------------------------

    def compare_entry(self, entry: HistoryEntry) -> None:
        """The history's "Compare": a preview's assets, or a downloaded result and its source."""
        if entry.task_type == TaskType.SR_PREVIEW.value:
            self._host.spawn(self.open_preview(entry))
        else:
            self.open_result(entry)

    async def open_preview(self, entry: HistoryEntry) -> CompareWindow | None:
        from kokoon_desktop.services.preview_assets import PreviewAssetsError

        if self._raise_open(entry.id):
            return self._views[entry.id]
        window = self._window
        if entry.tid is None or not entry.is_done:
            window.messages.warning(translate("PreviewFlow", "This preview is not done yet."))
            return None
        window.messages.info(translate("PreviewFlow", "Fetching the preview…"))
        try:
            assets = await self._host.live.previews.fetch(entry.tid)
        except PreviewAssetsError as exc:
            window.messages.error(
                translate("PreviewFlow", "The preview cannot be shown: {reason}").format(
                    reason=exc.message
                )
            )
            return None
        source = CompareSource(
            title=translate("PreviewFlow", "preview of {name}").format(
                name=entry.source_name or entry.tid or ""
            ),
            open_pairs=lambda: _pairs(assets.before, assets.after, 0),
            first_source_frame=_first_frame(entry),
            rate=_rate(entry),
            is_preview=True,
            name=Path(entry.source_name or "preview").stem,
        )
        view = self._show(entry.id, source)
        view.submit_full_requested.connect(lambda: self.submit_full(entry))
        window.messages.info(
            translate("PreviewFlow", "The preview of {name} is open in the compare view.").format(
                name=entry.source_name or entry.tid
            )
        )
        return view

    def open_result(self, entry: HistoryEntry) -> CompareWindow | None:
        window = self._window
        result = Path(entry.result_path) if entry.result_path else None
        if entry.result_state is not ResultState.DOWNLOADED or result is None:
            window.messages.warning(
                translate("PreviewFlow", "Download the result first, then compare it.")
            )
            return None
        if not result.is_file():
            window.messages.warning(
                translate("PreviewFlow", "The result is no longer at {path}.").format(path=result)
            )
            return None
        original = Path(entry.source_path) if entry.source_path else None
        if original is None or not original.is_file():
            window.messages.warning(
                translate(
                    "PreviewFlow",
                    "The source file is not on this computer (or was moved), so there is nothing "
                    "to compare the result with.",
                )
            )
            return None
        if self._raise_open(entry.id):
            return self._views[entry.id]
        start_ms = int(entry.request_body.get("start_pos") or 0)
        source = CompareSource(
            title=entry.source_name or original.name,
            open_pairs=lambda: _pairs(
                original, result, None, start_ms=start_ms, fps=entry.source_fps
            ),
            first_source_frame=_first_frame(entry),
            rate=_rate(entry),
            name=original.stem,
        )
        return self._show(entry.id, source)

    def _raise_open(self, entry_id: int) -> bool:
        view = self._views.get(entry_id)
        if view is None:
            return False
        view.show()
        view.raise_()
        view.activateWindow()
        return True

    def _show(self, entry_id: int, source: CompareSource) -> CompareWindow:
        view = CompareWindow(source, self._window)
        self._views[entry_id] = view
        view.closed.connect(lambda: self._forget(entry_id))
        view.show()
        return view

    def _forget(self, entry_id: int) -> None:
        view = self._views.pop(entry_id, None)
        if view is not None:
            view.deleteLater()

    def close_all(self) -> None:
        for view in list(self._views.values()):
            view.close()

    # --- the full task ---------------------------------------------------------------------------

    def submit_full(self, preview: HistoryEntry) -> None:
        try:
            spec = full_task_of(preview)
        except ValueError:  # InvalidTaskSpec among them
            self._window.messages.error(
                translate(
                    "PreviewFlow",
                    "This preview's settings cannot be read back; set the task up in the form.",
                )
            )
            return
        self._window.submission.submit_clicked(spec)


def _pairs(
    before: Path,
    after: Path,
    offset: int | None,
    *,
    start_ms: int = 0,
    fps: str | None = None,
) -> CompareFrames:
    """Open the pair reader (in the compare view's worker): with no ``offset``, the source's
    frame that ``start_ms`` names, from its frame index."""
    from kokoon_desktop.media.compare_frames import CompareFrames

    if offset is None:
        offset = 0
        if start_ms:
            from kokoon_desktop.media.frame_index import frame_index

            nominal = FrameRate.parse(fps) if fps else FrameRate.parse("30")
            offset = frame_index(before, nominal).times.index_of_ms(start_ms)
    return CompareFrames(before, after, before_offset=offset)


def _rate(entry: HistoryEntry) -> FrameRate | None:
    try:
        return FrameRate.parse(entry.source_fps) if entry.source_fps else None
    except ValueError:
        return None


def _first_frame(entry: HistoryEntry) -> int:
    rate = _rate(entry)
    start = int(entry.request_body.get("start_pos") or 0)
    return ms_to_frames(start, rate) if rate is not None and start else 0
