"""The account's videos as a Qt table model (name, duration, resolution, size, expiry, ...).

Videos on the service expire (originals 14 days after upload); rows that expire within
:data:`EXPIRY_WARNING` are drawn in the warning colour with the time left, so nobody picks a
source that vanishes before the task runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from enum import Enum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from kokoon_desktop.api.models import Video
from kokoon_desktop.core import human
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.ui.style import tone_text_colour

_Index = QModelIndex | QPersistentModelIndex

#: Videos that expire sooner than this are highlighted.
EXPIRY_WARNING = timedelta(days=2)


class VideoColumn(Enum):
    """The columns, valued by their English headings (translated where shown)."""

    NAME = QT_TRANSLATE_NOOP("VideoTableModel", "Name")
    KIND = QT_TRANSLATE_NOOP("VideoTableModel", "Kind")
    DURATION = QT_TRANSLATE_NOOP("VideoTableModel", "Duration")
    RESOLUTION = QT_TRANSLATE_NOOP("VideoTableModel", "Resolution")
    FRAME_RATE = QT_TRANSLATE_NOOP("VideoTableModel", "Frame rate")
    SIZE = QT_TRANSLATE_NOOP("VideoTableModel", "Size")
    EXPIRES = QT_TRANSLATE_NOOP("VideoTableModel", "Expires")
    VID = QT_TRANSLATE_NOOP("VideoTableModel", "Video ID")


DEFAULT_COLUMNS = (
    VideoColumn.NAME,
    VideoColumn.DURATION,
    VideoColumn.RESOLUTION,
    VideoColumn.FRAME_RATE,
    VideoColumn.SIZE,
    VideoColumn.EXPIRES,
    VideoColumn.VID,
)
COLUMNS = tuple(column.value for column in DEFAULT_COLUMNS)

_RIGHT_ALIGNED = frozenset({VideoColumn.DURATION, VideoColumn.SIZE})


def _utc_now() -> datetime:
    return datetime.now(UTC)


class VideoTableModel(QAbstractTableModel):
    """Read-only rows of :class:`Video`; ``video_at(row)`` gives the object back."""

    def __init__(
        self,
        columns: Sequence[VideoColumn] = DEFAULT_COLUMNS,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__()
        self._columns = tuple(columns)
        self._clock = clock
        self._videos: list[Video] = []

    # --- contents ------------------------------------------------------------------------------

    def set_videos(self, videos: Sequence[Video]) -> None:
        self.beginResetModel()
        self._videos = list(videos)
        self.endResetModel()

    def append_videos(self, videos: Sequence[Video]) -> None:
        """Add the next page; a video already listed (the list moved meanwhile) is skipped."""
        known = {video.vid for video in self._videos}
        fresh = [video for video in videos if video.vid not in known]
        if not fresh:
            return
        first = len(self._videos)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._videos.extend(fresh)
        self.endInsertRows()

    def video_at(self, row: int) -> Video:
        return self._videos[row]

    def videos(self) -> list[Video]:
        return list(self._videos)

    def column_of(self, column: VideoColumn) -> int:
        """The model column showing ``column`` (``ValueError`` if this model does not)."""
        return self._columns.index(column)

    def expires_soon(self, video: Video) -> bool:
        if video.expired_time is None:
            return False
        return video.expired_time - self._clock() < EXPIRY_WARNING

    # --- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._videos)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self._columns[section].value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Numbers line up on the right, and so do their headings.
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if self._columns[section] in _RIGHT_ALIGNED
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        video = self._videos[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(video, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(video, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column is VideoColumn.EXPIRES and self.expires_soon(video):
            if role == Qt.ItemDataRole.ForegroundRole:
                return tone_text_colour(QGuiApplication.palette(), "warning")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont(QGuiApplication.font())
                font.setBold(True)
                return font
        return None

    def _text(self, video: Video, column: VideoColumn) -> str:
        match column:
            case VideoColumn.NAME:
                return video.filename or video.vid
            case VideoColumn.KIND:
                kind = self.tr("Original") if video.is_original else self.tr("SR result")
                if video.is_ready or video.state is None:
                    return kind
                return self.tr("{kind} ({state})").format(
                    kind=kind, state=video.state or self.tr("not ready")
                )
            case VideoColumn.DURATION:
                return human.duration(video.duration_s)
            case VideoColumn.RESOLUTION:
                return f"{video.width} × {video.height}" if video.size_px else "—"
            case VideoColumn.FRAME_RATE:
                return _frame_rate(video.fps)
            case VideoColumn.SIZE:
                return human.file_size(video.size)
            case VideoColumn.EXPIRES:
                shown = human.local_time(video.expired_time)
                if video.expired_time is not None and self.expires_soon(video):
                    return self.tr("{date} ({left})").format(
                        date=shown, left=_time_left(video.expired_time - self._clock())
                    )
                return shown
            case VideoColumn.VID:
                return video.vid

    def _tooltip(self, video: Video, column: VideoColumn) -> str | None:
        if column is VideoColumn.NAME:
            return self.tr("{name}\nVideo ID: {vid}").format(
                name=video.filename or self.tr("(no name)"), vid=video.vid
            )
        if column is VideoColumn.EXPIRES and video.expired_time is not None:
            if self.expires_soon(video):
                left = _time_left(video.expired_time - self._clock())
                return self.tr(
                    "Expires {left}: the service deletes it then. Process it soon, "
                    "or upload it again later."
                ).format(left=left)
            return self.tr("The service keeps this video until {date}.").format(
                date=human.local_time(video.expired_time)
            )
        if column is VideoColumn.FRAME_RATE and video.fps:
            return self.tr("{fps} frames per second").format(fps=video.fps)
        return None


def _frame_rate(fps: str | None) -> str:
    if not fps:
        return "—"
    try:
        return QCoreApplication.translate("VideoTableModel", "{fps} fps").format(
            fps=FrameRate.parse(fps).describe()
        )
    except ValueError:
        return fps


def _time_left(left: timedelta) -> str:
    """Time left as people say it: ``in 3 h``, ``in 1 day 4 h``, ``in 25 min``, ``now``."""
    minutes = int(left.total_seconds() // 60)
    if minutes <= 0:
        return QCoreApplication.translate("VideoTableModel", "now")
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days == 1:
        text = (
            QCoreApplication.translate("VideoTableModel", "in 1 day {hours} h")
            if hours
            else QCoreApplication.translate("VideoTableModel", "in 1 day")
        )
    elif days:
        text = (
            QCoreApplication.translate("VideoTableModel", "in {days} days {hours} h")
            if hours
            else QCoreApplication.translate("VideoTableModel", "in {days} days")
        )
    elif hours:
        text = QCoreApplication.translate("VideoTableModel", "in {hours} h")
    else:
        text = QCoreApplication.translate("VideoTableModel", "in {minutes} min")
    return text.format(days=days, hours=hours, minutes=mins)
