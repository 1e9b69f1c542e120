"""Qt's image plugins, checked: the source pictures the service returns are JPEG, and Qt reads
JPEG only through a plugin that a frozen build can lose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImageReader

from kokoon_desktop.resources import resource
from kokoon_desktop.self_checks import SELFCHECK_JPEG, CheckResult


def check_jpeg(picture: Path | None = None) -> CheckResult:
    """Decode the shipped JPEG through Qt's image plugins."""
    path = picture or resource(*SELFCHECK_JPEG)
    reader = QImageReader(str(path), b"jpeg")
    image = reader.read()
    if image.isNull():
        formats = b", ".join(bytes(f.data()) for f in QImageReader.supportedImageFormats())
        return CheckResult(
            False, f"{reader.errorString()} (Qt reads: {formats.decode() or 'nothing'})"
        )
    return CheckResult(True, f"{image.width()}x{image.height()}")
