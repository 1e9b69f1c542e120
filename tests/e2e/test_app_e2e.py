"""``kokoon-desktop`` as a process: the smoke test, what it loads before its first paint, a
history it cannot use, and a kill in the middle of submissions.

The smoke test is what the packaging checks run on frozen builds: it must print one JSON line
and exit 0 when the service answers, and non-zero when it cannot be reached (it gives up on the
service after 15 s; how fast the app starts is measured in ``bench/startup.py``). The
kill test runs the real app (``kokoon_desktop.app.main``) in demo mode in a child process that
submits tasks one after another, kills it with SIGKILL while a submission is on its way, and
restarts on the same profile: every submission the child showed is there, once, and the one
that was cut off asks to be checked on the server instead of being lost or sent again.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qasync import QEventLoop

from kokoon_desktop.paths import profile_paths
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.services.submitter import INTERRUPTED_MESSAGE, request_key
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, SubmissionState
from tests.e2e.conftest import FAIL_KEYRING, START_CREDIT, Simulator
from tests.ui.window_fixtures import WindowHarness, make_sandbox, posts, rows, state_text

#: The GUI entry point installed next to this interpreter (what a desktop shortcut runs).
KOKOON_DESKTOP = Path(sys.executable).with_name("kokoon-desktop")
UNKNOWN_TEXT = "Unknown — check on server"
#: The child's ``POST /task`` answers this late, so a kill lands while one is on its way.
SLOW_POST_S = 0.5
#: Rows the child shows before it is killed.
KILL_AFTER = 3

CHILD = '''
"""The real app in demo mode, submitting tasks one after another until it is killed."""
import asyncio
import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kokoon_desktop.app import main
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.ui.main_window import MainWindow

PROFILE, SLOW_S = sys.argv[1], float(sys.argv[2])
running = []


def say(**fields):
    print(json.dumps(fields), flush=True)


async def drive(window):
    connection = window.live.connection
    connection.sandbox.faults.add(match="POST /task", slow_s=SLOW_S, times=None)
    vid = (await connection.client.list_videos()).videos[0].vid
    model = window.history_model
    # A row is on screen once the model has it; say so at that moment.
    model.rowsInserted.connect(lambda parent, first, last: say(written=model.entry_at(first).id))
    for number in range(500):
        spec = TaskSpec(vid=vid, category=Category.GENERAL, width=640 + 2 * number, height=360)
        entry = await window.submission.submit(spec)
        say(answered=entry.id, state=entry.state.value, tid=entry.tid)
    window.close()


def start_when_connected():
    # The window is shown before the asyncio loop runs; it has a session once the loop does.
    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is not None and window.session is not None:
        poll.stop()
        running.append(asyncio.ensure_future(drive(window)))


app = QApplication(sys.argv[:1])
poll = QTimer()
poll.timeout.connect(start_when_connected)
poll.start(10)
sys.exit(main(["--demo", "--profile-dir", PROFILE]))
'''


def desktop_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """Headless, no keychain, no KOKOON_ settings of the caller, user folders under tmp_path,
    and English whatever the machine's language (the tests read the window's words)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOKOON_")}
    env.update(
        QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND=FAIL_KEYRING, KOKOON_LANGUAGE="en"
    )
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / "user" / name.lower())
    temp = tmp_path / "tmp"  # a killed simulator cannot clean up its folder: keep it here
    temp.mkdir(exist_ok=True)
    env["TMPDIR"] = str(temp)
    env.update(extra)
    return env


def smoke_test(tmp_path: Path, *args: str, **env: str) -> tuple[int, dict[str, Any], str]:
    """Run ``kokoon-desktop --smoke-test``; its exit code, its one JSON line and its stderr.

    A smoke test that hangs fails at the timeout."""
    result = subprocess.run(
        [str(KOKOON_DESKTOP), "--smoke-test", "--profile-dir", str(tmp_path / "profile"), *args],
        env=desktop_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout + result.stderr
    return result.returncode, json.loads(lines[0]), result.stderr


def test_smoke_test_in_demo_mode(tmp_path: Path) -> None:
    code, outcome, stderr = smoke_test(tmp_path, "--demo")
    assert code == 0, stderr
    assert outcome["ok"] is True and outcome["demo"] is True
    assert outcome["credit"] == "5000" and outcome["history_rows"] == 0
    # The native pieces a frozen build must carry, each tried for real.
    assert outcome["checks"] == {"decode": True, "jpeg": True, "keyring": True, "tls": True}
    assert set(outcome["check_details"]) == set(outcome["checks"])
    # Everything went into the profile folder.
    assert profile_paths(tmp_path / "profile").history_file.is_file()


def test_exit_when_ready_reports_the_window_then_the_connection(tmp_path: Path) -> None:
    # What the start-up benchmark reads: one line when the window is interactive, one when
    # the service has answered, then a clean exit.
    result = subprocess.run(
        [str(KOKOON_DESKTOP), "--demo", "--exit-when-ready", "--profile-dir",
         str(tmp_path / "profile")],
        env=desktop_env(tmp_path), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"ready": True},
        {"connected": True},
    ]


def test_smoke_test_against_a_service_over_the_network(
    tmp_path: Path, simulator: Simulator
) -> None:
    code, outcome, stderr = smoke_test(
        tmp_path, "--api-url", simulator.base_url, KOKOON_TOKEN=DEMO_TOKEN
    )
    assert code == 0, stderr
    assert outcome["ok"] is True and outcome["demo"] is False
    assert outcome["service"] == "127.0.0.1" and outcome["credit"] == str(START_CREDIT)
    assert len(simulator.sent("GET", "/credit/me")) >= 1
    assert DEMO_TOKEN not in json.dumps(outcome) and DEMO_TOKEN not in stderr


def test_smoke_test_fails_when_the_service_cannot_be_reached(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = "smoke-test-secret-token"
    code, outcome, stderr = smoke_test(
        tmp_path, "--api-url", f"http://127.0.0.1:{port}/x", KOKOON_TOKEN=token
    )
    assert code != 0
    assert outcome["ok"] is False and outcome["demo"] is False
    assert "Could not connect to 127.0.0.1" in outcome["error"]
    assert token not in json.dumps(outcome) and token not in stderr


# --- what loads before the first paint ---------------------------------------------------------

# The real entry point up to its first paint: what is loaded, painted and opened at that moment.
FIRST_PAINT_CHILD = """
import json, os, sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

import kokoon_desktop.app as app_module


class Paints(QObject):
    count = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            Paints.count += 1
        return False


app = QApplication(sys.argv[:1])
paints = Paints()
app.installEventFilter(paints)
open_window = app_module.open_window


def report(context):
    window = open_window(context)
    print(json.dumps({
        "modules": sorted(sys.modules),
        "paints": Paints.count,
        "visible": window.isVisible(),
        "history_file": context.paths.history_file.exists(),
        "history_rows": window.history_model.rowCount(),
    }), flush=True)
    os._exit(0)


app_module.open_window = report
app_module.main(["--demo", "--profile-dir", sys.argv[1]])
"""

#: Loaded only once the window is on screen (or when first used).
NOT_BEFORE_THE_FIRST_PAINT = [
    "asyncio",
    "qasync",
    "httpx",
    "keyring",
    "av",
    "logging.handlers",
    "kokoon_desktop.api.client",
    "kokoon_desktop.api.models",
    "kokoon_desktop.media",
    "kokoon_desktop.sandbox",
    "kokoon_desktop.services",
    "kokoon_desktop.ui.crash_dialog",
    "kokoon_desktop.ui.preview.local_clip",
    "kokoon_desktop.ui.settings_dialog",
    "kokoon_desktop.ui.video_browser",
]


def test_the_first_paint_comes_before_the_slow_parts(tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(FIRST_PAINT_CHILD)
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "profile")],
        env=desktop_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert state["visible"] and state["paints"] > 0
    loaded = set(state["modules"])
    assert "kokoon_desktop.ui.main_window" in loaded
    assert [name for name in NOT_BEFORE_THE_FIRST_PAINT if name in loaded] == []
    # The history file is opened (here: created) right after the first paint, and the pane
    # fills when the window connects.
    assert state["history_file"] is False and state["history_rows"] == 0


def test_a_history_it_cannot_use_is_reported_and_the_app_exits(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    history_file = profile_paths(profile).history_file
    history_file.parent.mkdir(parents=True)
    content = b"this is a text file, not a database\n" * 40
    history_file.write_bytes(content)
    result = subprocess.run(
        [str(KOKOON_DESKTOP), "--demo", "--exit-when-ready", "--profile-dir", str(profile)],
        env=desktop_env(tmp_path), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "damaged or is not a history database" in result.stderr
    assert history_file.read_bytes() == content  # left as it was


# --- killed in the middle of submissions ----------------------------------------------------


def _read_lines(stream: Any, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-clips")


@pytest.mark.usefixtures("ui_thread_gc")
def test_killed_in_the_middle_of_submissions_loses_and_repeats_nothing(
    qtbot: QtBot, tmp_path: Path, seed_cache: Path
) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    profile = tmp_path / "profile"
    with (tmp_path / "child-stderr.txt").open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(script), str(profile), str(SLOW_POST_S)],
            env=desktop_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            text=True,
        )
    assert child.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(child.stdout, lines), daemon=True)
    reader.start()
    said: list[dict[str, Any]] = []
    try:
        while sum("written" in fields for fields in said) < KILL_AFTER:
            line = lines.get(timeout=60)
            assert line is not None, (tmp_path / "child-stderr.txt").read_text()
            said.append(json.loads(line))
        os.kill(child.pid, signal.SIGKILL)  # while the last row's request is on its way
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        reader.join(timeout=10)
        child.stdout.close()
    while (line := lines.get_nowait()) is not None:  # what it printed before dying
        said.append(json.loads(line))

    written = [fields["written"] for fields in said if "written" in fields]
    answered = {fields["answered"]: fields for fields in said if "answered" in fields}
    assert len(written) >= KILL_AFTER and len(set(written)) == len(written)

    history_file = profile_paths(profile).history_file
    with HistoryStore(history_file) as store:
        stored = {entry.id: entry for entry in store.entries()}
    # Every row the child showed is in the file; at most one more (written in the instant
    # between its commit and its line), and no request twice.
    assert set(written) <= set(stored) and len(stored) <= len(written) + 1
    assert len({request_key(entry.request_body) for entry in stored.values()}) == len(stored)
    for entry_id, fields in answered.items():
        assert (stored[entry_id].state.value, stored[entry_id].tid) == (
            fields["state"],
            fields["tid"],
        )
    cut_off = [e.id for e in stored.values() if e.state is SubmissionState.SUBMITTING]
    assert cut_off, "the kill was meant to land while a submission was on its way"

    loop = QEventLoop(QApplication.instance())
    try:
        loop.run_until_complete(_restart(qtbot, tmp_path, seed_cache, profile, stored, cut_off))
    finally:
        loop.close()


async def _restart(
    qtbot: QtBot,
    tmp_path: Path,
    seed_cache: Path,
    profile: Path,
    stored: dict[int, HistoryEntry],
    cut_off: list[int],
) -> None:
    """Open the app's window on the dead child's profile and check what it shows."""
    harness = WindowHarness(make_sandbox(seed_cache, tmp_path / "sandbox"), profile)
    try:
        window = harness.open_window(qtbot)
        shown = {entry.id: entry for entry in rows(window)}
        assert sorted(shown) == sorted(stored)
        for entry_id, before in stored.items():
            entry = shown[entry_id]
            if entry_id in cut_off:
                assert entry.state is SubmissionState.UNKNOWN
                assert entry.message == INTERRUPTED_MESSAGE
                assert state_text(window, entry_id) == UNKNOWN_TEXT
            else:
                assert (entry.state, entry.tid) == (before.state, before.tid)
        assert posts(harness.sandbox) == 0  # nothing was sent again on its own
    finally:
        await harness.aclose()
