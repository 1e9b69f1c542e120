"""The start-up reference: a bare PySide6 main window, shown, then quit."""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    print(json.dumps({"ready": True}), flush=True)
