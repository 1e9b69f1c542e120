"""The main window: which service it talks to, the credit left, and the account's videos."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core import human
from kokoon_desktop.services.connection import Connection
from kokoon_desktop.ui.video_table_model import VideoTableModel

DEMO_BADGE_STYLE = (
    "QLabel { background: #b3541e; color: white; border-radius: 4px; padding: 3px 10px;"
    " font-weight: 600; }"
)


class MainWindow(QMainWindow):
    """Kokoon Desktop's window. ``refresh()`` reloads the credit and the video list."""

    def __init__(self, connection: Connection) -> None:
        super().__init__()
        self._connection = connection
        self._tasks: set[asyncio.Task[None]] = set()
        self.setWindowTitle("Kokoon Desktop — Demo" if connection.is_demo else "Kokoon Desktop")
        self.resize(1000, 620)

        title = QLabel("Kokoon Desktop")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)

        self.service_badge = QLabel(connection.label)
        self.service_badge.setObjectName("service_badge")
        self.service_badge.setAccessibleName("Service")
        if connection.is_demo:
            self.service_badge.setStyleSheet(DEMO_BADGE_STYLE)
            self.service_badge.setToolTip(
                "Demo mode: the built-in simulator of the Kokoon API answers; nothing is sent "
                "to the real service and nothing is charged. Sign in with an API token to use "
                "the real service."
            )
        else:
            self.service_badge.setToolTip(f"Connected to {connection.client.base_url}")

        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.service_badge)

        self.videos_model = VideoTableModel()
        self.videos_view = QTableView()
        self.videos_view.setObjectName("videos")
        self.videos_view.setAccessibleName("Account videos")
        self.videos_view.setModel(self.videos_model)
        self.videos_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.videos_view.setAlternatingRowColors(True)
        self.videos_view.verticalHeader().hide()
        self.videos_view.setWordWrap(False)
        self.videos_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        columns = self.videos_view.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setAccessibleName("Refresh")
        self.refresh_button.clicked.connect(self.start_refresh)

        videos_bar = QHBoxLayout()
        videos_label = QLabel("Videos in your account")
        videos_label.setStyleSheet("font-weight: 600;")
        videos_bar.addWidget(videos_label)
        videos_bar.addStretch(1)
        videos_bar.addWidget(self.refresh_button)

        layout = QVBoxLayout()
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addLayout(videos_bar)
        layout.addWidget(self.videos_view, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        self.credit_label = QLabel("Credit: …")
        self.credit_label.setObjectName("credit")
        self.credit_label.setAccessibleName("Credit left")
        self.statusBar().addPermanentWidget(self.credit_label)
        for warning in connection.warnings:
            self.statusBar().showMessage(warning)

    def start_refresh(self) -> None:
        """Reload in the background; the window stays responsive."""
        task = asyncio.ensure_future(self.refresh())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.statusBar().showMessage("Loading…")
        client = self._connection.client
        try:
            credit, page = await asyncio.gather(client.get_credit(), client.list_videos())
        except KokoonError as exc:
            self.statusBar().showMessage(exc.message)
        else:
            self.credit_label.setText(f"Credit: {human.credit(credit.credit)}")
            self.videos_model.set_videos(page.videos)
            count = len(page.videos)
            self.statusBar().showMessage(f"{count} video{'s' if count != 1 else ''}", 5000)
        finally:
            self.refresh_button.setEnabled(True)
