"""Where the files the app ships beside its code live: icons, desktop files, self-check media.

They sit in the repository's top-level ``resources/`` folder. A frozen build (PyInstaller)
copies that folder into its bundle, next to the bundled modules (``sys._MEIPASS``); a source
install reads it from the checkout. Nothing assumes where the app is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIR_NAME = "resources"


def is_frozen() -> bool:
    """True in a PyInstaller build, where the interpreter and the code are in the bundle."""
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The folder holding the app's resources, wherever the app was unpacked or checked out."""
    bundle = getattr(sys, "_MEIPASS", None)
    if is_frozen() and bundle is not None:
        return Path(bundle) / RESOURCES_DIR_NAME
    return Path(__file__).resolve().parent.parent / RESOURCES_DIR_NAME


def resource(*parts: str) -> Path:
    """A file under the resources folder, e.g. ``resource("icons", "kokoon-desktop.svg")``."""
    return resources_dir().joinpath(*parts)
