"""Help ▸ About Kokoon Desktop: the versions of the app and of what it is built on (what a bug
report needs), and the licences, the app's and its components', as shipped with it."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop import __version__
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.resources import is_frozen, resource

__all__ = ["AboutDialog", "licence_files", "versions"]

LICENCE_SUMMARY = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Kokoon Desktop is free software: you can redistribute it and modify it under the terms of "
    "the GNU General Public License, version 3 or (at your option) any later version. It comes "
    "with no warranty. The components it includes keep their own licences, listed below.",
)

#: The distributions whose versions a bug report needs, by the name shown.
_COMPONENTS = {
    "PyAV": "av",
    "httpx": "httpx",
    "qasync": "qasync",
    "keyring": "keyring",
}


def versions() -> list[tuple[str, str]]:
    """(component, version) of the app, Python, Qt and the libraries that matter; in English
    whatever the interface's language, as bug reports want them."""
    found = [
        ("Kokoon Desktop", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),  # its distribution's name varies (-Essentials)
    ]
    for shown, distribution in _COMPONENTS.items():
        try:
            found.append((shown, metadata.version(distribution)))
        except metadata.PackageNotFoundError:
            found.append((shown, "not installed"))
    try:
        import av

        found.append(("FFmpeg (libavcodec)", ".".join(map(str, av.library_versions["libavcodec"]))))
    except (ImportError, KeyError):
        pass
    found.append(("System", f"{platform.system()} {platform.release()} ({platform.machine()})"))
    return found


def licence_files() -> list[Path]:
    """The app's licence and its components' notices as shipped: beside the executable in an
    installed app, the source tree's LICENSE when run from a checkout."""
    folder = Path(sys.executable).resolve().parent if is_frozen() else resource().parent
    names = ("LICENSE", "THIRD-PARTY-NOTICES")
    return [folder / name for name in names if (folder / name).is_file()]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Kokoon Desktop"))
        self.resize(620, 480)

        heading = QLabel(f"<h2>Kokoon Desktop {__version__}</h2>")
        heading.setObjectName("about_heading")
        heading.setTextFormat(Qt.TextFormat.RichText)
        blurb = QLabel(
            self.tr(
                "Cloud video super-resolution for editors: drop a clip, trim it, and get it "
                "back upscaled next to your edit."
            )
        )
        blurb.setWordWrap(True)

        self.versions_text = QPlainTextEdit(
            "\n".join(f"{name}: {version}" for name, version in versions())
        )
        self.versions_text.setObjectName("about_versions")
        self.versions_text.setAccessibleName(self.tr("Versions"))
        self.versions_text.setReadOnly(True)

        licences = QWidget()
        licences_layout = QVBoxLayout(licences)
        summary = QLabel(self.tr(LICENCE_SUMMARY))
        summary.setWordWrap(True)
        licences_layout.addWidget(summary)
        files = licence_files()
        self.licence_text = QPlainTextEdit(
            "\n\n".join(path.read_text(encoding="utf-8", errors="replace") for path in files)
            or self.tr("The licence files were not found beside the application.")
        )
        self.licence_text.setObjectName("about_licences")
        self.licence_text.setAccessibleName(self.tr("Licences"))
        self.licence_text.setReadOnly(True)
        licences_layout.addWidget(self.licence_text, 1)

        tabs = QTabWidget()
        tabs.addTab(self.versions_text, self.tr("Versions"))
        tabs.addTab(licences, self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        copy = buttons.addButton(self.tr("Copy versions"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copy_versions")
        copy.clicked.connect(self._copy_versions)

        layout = QVBoxLayout(self)
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource("icons", "kokoon-desktop.svg"))).pixmap(64, 64))
        layout.addWidget(icon)
        layout.addWidget(heading)
        layout.addWidget(blurb)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def _copy_versions(self) -> None:
        """For a bug report: the versions as text (nothing in them is secret)."""
        QApplication.clipboard().setText(self.versions_text.toPlainText())
