"""The account's videos as a Qt table model (name, duration, resolution, size, expiry)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kokoon_desktop.api.models import Video
from kokoon_desktop.core import human

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Duration", "Resolution", "Frame rate", "Size", "Expires", "Video ID")


class VideoTableModel(QAbstractTableModel):
    """Read-only rows of :class:`Video`; ``video_at(row)`` gives the object back."""

    def __init__(self) -> None:
        super().__init__()
        self._videos: list[Video] = []

    def set_videos(self, videos: Sequence[Video]) -> None:
        self.beginResetModel()
        self._videos = list(videos)
        self.endResetModel()

    def video_at(self, row: int) -> Video:
        return self._videos[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._videos)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        video = self._videos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(video, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return video.filename
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(video: Video, column: int) -> str:
        match column:
            case 0:
                return video.filename or video.vid
            case 1:
                return human.duration(video.duration_s)
            case 2:
                return f"{video.width} × {video.height}" if video.size_px else "—"
            case 3:
                return video.fps or "—"
            case 4:
                return human.file_size(video.size)
            case 5:
                return human.local_time(video.expired_time)
            case _:
                return video.vid
