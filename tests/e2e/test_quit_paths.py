"""Every way of quitting ``kokoon-desktop`` while a task is followed and its result downloads: exit
code 0, nothing on stderr, and the download finished at the next start.

Each test runs the real app (``kokoon_desktop.app.main``) in a child process against the
simulator process (which outlives the app, as the real service does), with results going to
``--output-dir``. The child submits one task; its result's storage answers slowly, so the
download is still in flight when the child (or this test) quits the way a person or the system
would: the window's close button, Ctrl+Q, ``QApplication.quit()``, SIGTERM, SIGINT. A person
quitting is asked first ("1 download in progress — it resumes next time") and the child answers
Quit. Then the app starts again on the same profile, with storage answering promptly.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from kokoon_desktop.paths import profile_paths
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.services.sidecar import sidecar_path
from kokoon_desktop.storage.history import HistoryStore, ResultState
from tests.e2e.conftest import Simulator
from tests.e2e.test_app_e2e import desktop_env

#: The one line the offscreen platform plugin (headless tests only) writes for every window.
#: How long one run of the app may take before it counts as hung.
CHILD_LIMIT_S = 45
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"

CHILD = '''
"""The real app: submit, let the result download slowly, then quit as told."""
import asyncio
import json
import os
import signal
import sys

from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from kokoon_desktop.app import main
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.storage.history import ResultState
from kokoon_desktop.ui.main_window import MainWindow

PROFILE, OUT, HOW, VID = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
running = []


def say(**fields):
    print(json.dumps(fields), flush=True)


def answer_quit():
    """Click Quit in the question the window asks, once it is there."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "confirm_quit":
            say(asked=widget.text())
            button = next(b for b in widget.buttons() if b.objectName() == "confirm_quit_quit")
            button.click()
            return
    QTimer.singleShot(20, answer_quit)


async def until(condition):
    while not condition():
        await asyncio.sleep(0.02)


async def first_run(window):
    spec = TaskSpec(vid=VID, category=Category.GENERAL, width=640, height=360)
    entry = await window.submission.submit(spec)
    def downloading():
        return any(
            e.result_state is ResultState.DOWNLOADING for e in window.history_model.all_entries()
        )
    await until(downloading)
    say(downloading=entry.id)
    if HOW == "close":
        QTimer.singleShot(0, answer_quit)
        window.close()
    elif HOW == "ctrl_q":
        QTimer.singleShot(0, answer_quit)
        window.activateWindow()
        target = QApplication.focusWidget() or window.form.vid
        QTest.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    elif HOW == "app_quit":
        QTimer.singleShot(0, answer_quit)
        QApplication.quit()
    # sigterm / sigint: the test sends the signal now


async def second_run(window):
    def own():  # the simulator's account also holds other tests' tasks, merged as such
        return next(e for e in window.history_model.all_entries() if not e.from_account)
    await until(lambda: own().result_state in (ResultState.DOWNLOADED, ResultState.FAILED))
    say(downloaded=own().result_path, state=own().result_state.value, why=own().result_message)
    window.close()


def start_when_connected():
    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is not None and window.session is not None:
        poll.stop()
        drive = second_run if HOW == "again" else first_run
        running.append(asyncio.ensure_future(drive(window)))


app = QApplication(sys.argv[:1])
poll = QTimer()
poll.timeout.connect(start_when_connected)
poll.start(10)
sys.exit(main(["--profile-dir", PROFILE, "--output-dir", OUT]))
'''


def run_child(
    tmp_path: Path,
    simulator: Simulator,
    vid: str,
    how: str,
    *,
    send: signal.Signals | None = None,
) -> list[Any]:
    """The child's JSON lines; asserts it exited 0 with nothing on stderr."""
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    lines: list[Any] = []
    with subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "profile"), str(out), how, vid],
        env=desktop_env(tmp_path, KOKOON_API_URL=simulator.base_url, KOKOON_TOKEN=DEMO_TOKEN),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        # A child that hangs is killed, so the test says what it printed instead of timing out.
        watchdog = threading.Timer(CHILD_LIMIT_S, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None and child.stderr is not None
            for line in child.stdout:
                lines.append(json.loads(line))
                if send is not None and "downloading" in lines[-1]:
                    child.send_signal(send)
            code = child.wait(timeout=60)
            errors = child.stderr.read()
        finally:
            watchdog.cancel()
            if child.poll() is None:
                child.kill()
    stderr = [line for line in errors.splitlines() if OFFSCREEN_NOISE not in line]
    assert code == 0, "\n".join([*map(str, lines), *stderr])
    assert stderr == []
    return lines


@pytest.mark.slow
@pytest.mark.parametrize(
    ("how", "send", "asks"),
    [
        ("close", None, True),
        ("ctrl_q", None, True),
        ("app_quit", None, True),
        ("sigterm", signal.SIGTERM, False),
        ("sigint", signal.SIGINT, False),
    ],
)
def test_quitting_mid_download_exits_0_and_the_download_resumes(
    tmp_path: Path,
    simulator: Simulator,
    source_video: dict[str, Any],
    how: str,
    send: signal.Signals | None,
    asks: bool,
) -> None:
    vid = source_video["vid"]
    simulator.add_faults({"match": "GET /storage/*", "slow_s": 60, "times": None})
    first = run_child(tmp_path, simulator, vid, how, send=send)
    assert any("downloading" in line for line in first)
    asked = [line["asked"] for line in first if "asked" in line]
    assert asked == (["1 download in progress — it resumes next time."] if asks else [])
    with HistoryStore(profile_paths(tmp_path / "profile").history_file) as history:
        (row,) = [entry for entry in history.entries() if not entry.from_account]
    assert row.result_state is ResultState.DOWNLOADING  # left to resume, not lost
    assert not Path(row.result_path or "").exists()  # and nothing half-written under its name

    simulator.clear_faults()  # storage answers promptly again
    second = run_child(tmp_path, simulator, vid, "again")
    (outcome,) = [line for line in second if "downloaded" in line]
    assert outcome["state"] == "downloaded", outcome["why"]
    done = outcome["downloaded"]
    assert Path(done).parent == tmp_path / "out"
    assert Path(done).stat().st_size > 0
    assert sidecar_path(Path(done)).is_file()
