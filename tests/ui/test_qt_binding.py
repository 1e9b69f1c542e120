"""The Qt binding in use keeps Python's books straight when models return None to Qt.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every such return; a history view
repainting for a few minutes then aborted the app. This guards the version pin in
pyproject.toml (and any future release with the same fault).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

_Index = QModelIndex | QPersistentModelIndex


class _NoData(QAbstractTableModel):
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


def test_returning_none_to_qt_keeps_the_reference_count(qapp: object) -> None:
    model = _NoData()
    index = model.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.ToolTipRole)
    # Other code may take or drop a few references meanwhile; the fault drops 2000.
    assert sys.getrefcount(None) - before > -100


def test_calling_qt_setters_keeps_the_reference_count(qapp: object) -> None:
    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range(2000):
        widget.setEnabled(i % 2 == 0)
    assert sys.getrefcount(None) - before > -100
