"""Where a profile keeps its settings, history, logs and cache.

By default the operating system's per-user folders (through ``platformdirs``), so the app behaves
like any other on that system. ``--profile-dir DIR`` puts them all under one folder instead, for
isolated runs, tests and kiosks: nothing is then read from or written to the user's own folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Kokoon Desktop"
APP_AUTHOR = "Kokoon"

SETTINGS_FILE_NAME = "settings.json"
HISTORY_FILE_NAME = "history.sqlite3"
PRESETS_FILE_NAME = "presets.json"
BATCHES_FILE_NAME = "batches.sqlite3"
LOG_FILE_NAME = "kokoon-desktop.log"


@dataclass(frozen=True)
class ProfilePaths:
    """The three folders of one profile, and the files the app keeps in them."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    #: What can be made again, kept to save time (frame indexes of the files opened).
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE_NAME

    @property
    def history_file(self) -> Path:
        return self.data_dir / HISTORY_FILE_NAME

    @property
    def presets_file(self) -> Path:
        """Named presets of the treatment and output (``storage.presets``)."""
        return self.config_dir / PRESETS_FILE_NAME

    @property
    def batches_file(self) -> Path:
        """The journal of ``kokoon batch`` runs and the memory of uploads
        (``storage.batch_journal``)."""
        return self.data_dir / BATCHES_FILE_NAME

    @property
    def log_file(self) -> Path:
        return self.log_dir / LOG_FILE_NAME

    def ensure(self) -> None:
        """Create the folders (and their parents) if they do not exist yet (the cache folder
        is made by whoever first writes there)."""
        for folder in (self.config_dir, self.data_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)


def profile_paths(profile_dir: Path | None = None) -> ProfilePaths:
    """platformdirs.PlatformDirs("Kokoon Desktop", "Kokoon") user dirs; with profile_dir, its
    subfolders config/, data/, logs/, cache/.

    A relative ``profile_dir`` is made absolute now, so a later change of working directory
    cannot move the profile. Nothing is created here: call :meth:`ProfilePaths.ensure`.
    """
    if profile_dir is not None:
        base = Path(profile_dir).expanduser().absolute()
        return ProfilePaths(
            config_dir=base / "config",
            data_dir=base / "data",
            log_dir=base / "logs",
            cache_dir=base / "cache",
        )
    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return ProfilePaths(
        config_dir=Path(dirs.user_config_dir),
        data_dir=Path(dirs.user_data_dir),
        log_dir=Path(dirs.user_log_dir),
        cache_dir=Path(dirs.user_cache_dir),
    )
