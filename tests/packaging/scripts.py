"""The scripts under packaging/, loaded by path for their tests.

``packaging/`` is deliberately not a Python package: a folder of that name would shadow the
``packaging`` library that pip and PyInstaller import.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module (once; later calls give the same module)."""
    key = f"kokoon_packaging_{name}"
    if key in sys.modules:
        return sys.modules[key]
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # the scripts import each other by plain name
    spec = importlib.util.spec_from_file_location(key, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module
