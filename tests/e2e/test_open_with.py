"""``kokoon-desktop FILE`` as the file manager runs it: the file becomes the source of a new
window, or of the window already open on that profile (the second start hands it over and
exits); automation (the smoke test) never meets a running window."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kokoon_desktop.sandbox.media import write_clip
from tests.e2e.test_app_e2e import KOKOON_DESKTOP, desktop_env

LIMIT_S = 60

#: The real app, which says when it is connected and when a file has become its source.
CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kokoon_desktop.app import main
from kokoon_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
said = set()

def say(**fields):
    print(json.dumps(fields), flush=True)

def watch():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    if window is not None and window.session is not None and "ready" not in said:
        said.add("ready")
        say(ready=True)
    source = window.form.source if window is not None else None
    if source is not None and source.local_path:
        say(source=source.local_path)
        QApplication.quit()
        return
    QTimer.singleShot(30, watch)

QTimer.singleShot(0, watch)
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    # A short temporary folder: the single-instance socket lives there, and Unix socket paths
    # are limited to about 100 bytes (pytest's own folders are longer).
    with tempfile.TemporaryDirectory(prefix="kk") as short:
        yield desktop_env(tmp_path, TMPDIR=short)


def start_app(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, "--demo", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def next_line(process: subprocess.Popen[str]) -> dict[str, Any]:
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.wait(timeout=LIMIT_S)
        raise AssertionError(
            f"the app ended early: {process.stderr.read() if process.stderr else ''}"
        )
    return dict(json.loads(line))


def finish(process: subprocess.Popen[str]) -> None:
    try:
        _, stderr = process.communicate(timeout=LIMIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    assert process.returncode == 0, stderr


def test_a_file_given_at_start_becomes_the_source(tmp_path: Path, env: dict[str, str]) -> None:
    clip = write_clip(tmp_path / "scene 12.mp4", width=64, height=64, seconds=0.5)
    app = start_app(env, "--profile-dir", str(tmp_path / "profile"), str(clip))
    try:
        assert next_line(app) == {"ready": True}
        assert next_line(app) == {"source": str(clip)}
    finally:
        finish(app)


def test_a_second_start_hands_its_file_to_the_running_window(
    tmp_path: Path, env: dict[str, str]
) -> None:
    clip = write_clip(tmp_path / "take 3.mov", width=64, height=64, seconds=0.5)
    profile = str(tmp_path / "profile")
    app = start_app(env, "--profile-dir", profile)
    try:
        assert next_line(app) == {"ready": True}
        second = subprocess.run(
            [str(KOKOON_DESKTOP), "--demo", "--profile-dir", profile, "take 3.mov"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=LIMIT_S, check=False,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert second.stdout == ""
        # The relative path was made absolute by the start that was given it.
        assert next_line(app) == {"source": str(clip)}
    finally:
        finish(app)


def test_the_smoke_test_never_hands_over_to_a_running_window(
    tmp_path: Path, env: dict[str, str]
) -> None:
    clip = write_clip(tmp_path / "clip.mp4", width=64, height=64, seconds=0.5)
    profile = str(tmp_path / "profile")
    app = start_app(env, "--profile-dir", profile)
    try:
        assert next_line(app) == {"ready": True}
        smoke = subprocess.run(
            [str(KOKOON_DESKTOP), "--demo", "--smoke-test", "--profile-dir", profile, str(clip)],
            env=env, capture_output=True, text=True, timeout=LIMIT_S, check=False,
        )  # fmt: skip
        assert smoke.returncode == 0, smoke.stderr
        assert json.loads(smoke.stdout)["ok"] is True  # it ran its own window
        # The running window was not given the file: it is still without a source, and a real
        # second start still reaches it (the smoke test did not take its socket).
        second = subprocess.run(
            [str(KOKOON_DESKTOP), "--demo", "--profile-dir", profile, str(clip)],
            env=env, capture_output=True, text=True, timeout=LIMIT_S, check=False,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert next_line(app) == {"source": str(clip)}
    finally:
        finish(app)
