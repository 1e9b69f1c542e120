"""Suite-wide configuration: headless Qt, per-test profile folders and keyring."""

from __future__ import annotations

import os

# Set before anything imports Qt: the suite always runs headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
