"""A profile is four folders: the system's per-user ones, or four under --profile-dir."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kokoon_desktop.paths import ProfilePaths, profile_paths


def test_profile_dir_holds_config_data_and_logs(tmp_path: Path) -> None:
    paths = profile_paths(tmp_path / "profile")
    assert paths == ProfilePaths(
        config_dir=tmp_path / "profile" / "config",
        data_dir=tmp_path / "profile" / "data",
        log_dir=tmp_path / "profile" / "logs",
        cache_dir=tmp_path / "profile" / "cache",
    )
    assert paths.settings_file == tmp_path / "profile" / "config" / "settings.json"
    assert paths.history_file == tmp_path / "profile" / "data" / "history.sqlite3"
    assert paths.log_file == tmp_path / "profile" / "logs" / "kokoon-desktop.log"


def test_nothing_is_created_until_ensure(tmp_path: Path) -> None:
    paths = profile_paths(tmp_path / "a" / "b")
    assert not (tmp_path / "a").exists()
    paths.ensure()
    paths.ensure()  # again: already there is fine
    assert paths.config_dir.is_dir() and paths.data_dir.is_dir() and paths.log_dir.is_dir()


def test_relative_profile_dir_is_fixed_at_call_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = profile_paths(Path("rel"))
    assert paths.data_dir == tmp_path / "rel" / "data"
    assert paths.data_dir.is_absolute()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG variables are how Linux places them")
def test_default_is_the_users_platform_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    paths = profile_paths()
    assert paths.config_dir == tmp_path / "cfg" / "Kokoon Desktop"
    assert paths.data_dir == tmp_path / "share" / "Kokoon Desktop"
    assert paths.log_dir.is_relative_to(tmp_path / "state" / "Kokoon Desktop")
    assert len({paths.config_dir, paths.data_dir, paths.log_dir}) == 3
