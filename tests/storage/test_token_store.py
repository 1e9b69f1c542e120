"""The token lives in the keychain, one per API origin; a broken keychain is reported, never
worked around with a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from kokoon_desktop.storage.token_store import (
    KeyringTokenStore,
    KeyringUnavailableError,
    SessionTokenStore,
    account_for,
)
from tests.keyring_stub import MemoryKeyring


@pytest.fixture
def failing_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


def test_round_trip_per_origin(memory_keyring: MemoryKeyring) -> None:
    develop = KeyringTokenStore("https://develop.kokoon.cloud/kokoon/api/sr/v3")
    local = KeyringTokenStore("http://127.0.0.1:8765/kokoon/api/sr/v3")
    assert develop.load() is None
    develop.save("  tok-develop\n")
    local.save("tok-local")
    assert develop.load() == "tok-develop"
    assert local.load() == "tok-local"
    develop.delete()
    develop.delete()  # signing out twice is fine
    assert develop.load() is None and local.load() == "tok-local"


def test_same_origin_shares_the_token(memory_keyring: MemoryKeyring) -> None:
    assert account_for("https://h.test/kokoon/api/sr/v3") == account_for("https://h.test:443/x")
    assert account_for("https://h.test/") != account_for("https://h.test:8443/")


def test_empty_token_refused(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError, match="empty"):
        KeyringTokenStore("https://h.test/").save("   ")
    assert memory_keyring.entries == {}


def test_fail_backend_is_reported_on_reads_and_writes(
    failing_keyring: None, tmp_path: Path
) -> None:
    store = KeyringTokenStore("https://h.test/")
    for action in (store.load, lambda: store.save("secret-token-value"), store.delete):
        with pytest.raises(KeyringUnavailableError, match="No working system keychain") as caught:
            action()
        assert "secret-token-value" not in str(caught.value)
    assert not any(tmp_path.iterdir())  # and nothing was written anywhere as a fallback


def test_session_store_keeps_the_token_in_memory_only() -> None:
    store = SessionTokenStore()
    assert not store.persistent and store.load() is None
    store.save(" t ")
    assert store.load() == "t"
    store.delete()
    assert store.load() is None


def test_the_reason_names_the_problem_and_suggests_no_other_package(
    failing_keyring: None,
) -> None:
    with pytest.raises(KeyringUnavailableError) as caught:
        KeyringTokenStore("https://h.test/").load()
    reason = str(caught.value)
    assert "No recommended backend was available." in reason
    assert "keyrings.alt" not in reason and "install" not in reason.lower()
