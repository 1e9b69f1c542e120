"""Suite-wide configuration: headless Qt, private user folders, a fresh in-memory keychain."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator

import keyring
import pytest

from tests.keyring_stub import MemoryKeyring

pytest_plugins = ["tests.qt_gc"]

# Set before anything imports Qt: the suite always runs headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

# No test reads or writes the real per-user folders (platformdirs follows these on Linux).
_USER_DIRS = tempfile.mkdtemp(prefix="kokoon-tests-")
atexit.register(shutil.rmtree, _USER_DIRS, True)
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_USER_DIRS, _name.lower())  # noqa: PTH118


@pytest.fixture(autouse=True)
def no_stored_frame_indexes() -> Iterator[None]:
    """Frame indexes stay in memory unless a test (or the App it makes) names a folder, and
    that folder is forgotten after the test."""
    from kokoon_desktop.media import index_store

    index_store.use_folder(None)
    yield
    index_store.use_folder(None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets its own empty keychain; none touches the real one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
