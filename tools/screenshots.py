"""Render the windows offscreen to PNG for the README and docs/: ``make screenshots``.

The windows run against the in-process simulator (demo mode), so the pictures show real data
flowing through the real client, in both the light and a dark palette.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from qasync import run as run_qt_loop

from kokoon_desktop.services.connection import demo_connection
from kokoon_desktop.ui.main_window import MainWindow

DOCS = Path(__file__).resolve().parent.parent / "docs"


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#25272a",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2f33",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2d2f33",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


async def render(app: QApplication) -> None:
    DOCS.mkdir(exist_ok=True)
    light = app.palette()
    for name, palette in (("main-window.png", light), ("main-window-dark.png", dark_palette())):
        app.setPalette(palette)
        connection = demo_connection()
        window = MainWindow(connection)
        window.show()
        await window.refresh()
        await asyncio.sleep(0.1)  # let the layouts settle before the picture is taken
        window.grab().save(str(DOCS / name))
        print(DOCS / name)
        window.close()
        await connection.aclose()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    run_qt_loop(render(app))


if __name__ == "__main__":
    main()
