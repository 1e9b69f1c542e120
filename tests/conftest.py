"""Suite-wide configuration: headless Qt, and a fresh in-memory keychain for every test."""

from __future__ import annotations

import os

# Set before anything imports Qt: the suite always runs headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from collections.abc import Iterator

import keyring
import pytest

from tests.keyring_stub import MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets its own empty keychain; none touches the real one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
