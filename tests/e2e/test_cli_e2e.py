"""``kokoon`` end to end: the installed command, as a subprocess, against the simulator process.

What a script calling ``kokoon`` relies on is checked here from the outside: exit codes, one
``kokoon:`` line on stderr for every failure (never a traceback), ``--json`` documents on
stdout, and what did (or did not) go over the wire, read from the simulator's request log.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kokoon_desktop import __version__
from kokoon_desktop.cli import main
from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL
from kokoon_desktop.core.ids import is_uuid
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.storage.token_store import KeyringTokenStore
from tests.e2e.conftest import CLIP_SIZE_PX, START_CREDIT, RunKokoon, Simulator
from tests.keyring_stub import MemoryKeyring

Result = subprocess.CompletedProcess[str]


def assert_ok(result: Result) -> Result:
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


def assert_fails(result: Result, code: int, *, stdout_empty: bool = True) -> str:
    """The failure's one stderr line (``kokoon: ...``), after checking the exit code."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kokoon: "), result.stderr
    assert len(lines[0]) > len("kokoon: ") + 10, result.stderr
    if stdout_empty:
        assert result.stdout == ""
    return lines[0]


def json_out(result: Result) -> Any:
    assert_ok(result)
    return json.loads(result.stdout)


def task_args(vid: str, *extra: str) -> list[str]:
    return ["--vid", vid, "--category", "person", *extra]


# --- the command itself --------------------------------------------------------------------


def test_version(run_kokoon: RunKokoon) -> None:
    result = assert_ok(run_kokoon("--version"))
    assert result.stdout.strip() == f"kokoon {__version__}"


def test_help_lists_the_exit_codes(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    result = assert_ok(run_kokoon("--help"))
    assert "exit codes:" in result.stdout
    for line in (
        "0  success",
        "2  invalid input or usage: nothing was sent",
        "3  authentication failed, or no token",
        "4  insufficient credit",
        "5  the server refused the request",
        "6  the server or the network failed",
    ):
        assert line in result.stdout
    assert simulator.requests() == []


# --- credit and signing in -----------------------------------------------------------------


def test_credit_human_and_json(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    simulator.set_credit(12345)
    human = assert_ok(run_kokoon("credit"))
    assert "Credit: 12,345" in human.stdout
    document = json_out(run_kokoon("credit", "--json"))
    assert document["credit"] == 12345
    assert is_uuid(document["uid"])
    # The token went to the API as the documentation sends it (the log masks its value).
    assert [r["headers"]["authorization"] for r in simulator.requests()] == ["***", "***"]


def test_no_token_says_how_to_sign_in(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    line = assert_fails(run_kokoon("credit", env={"KOKOON_TOKEN": None}), 3)
    assert "kokoon login" in line and "KOKOON_TOKEN" in line and "--token" in line
    assert simulator.requests() == []


@pytest.mark.parametrize("how", ["option", "environment"])
def test_wrong_token_is_refused(run_kokoon: RunKokoon, simulator: Simulator, how: str) -> None:
    wrong = "wrong-token-" + uuid.uuid4().hex
    if how == "option":
        result = run_kokoon("--token", wrong, "credit")
    else:
        result = run_kokoon("credit", env={"KOKOON_TOKEN": wrong})
    line = assert_fails(result, 3)
    assert "401" in line and "Sign in again" in line
    assert [r["status"] for r in simulator.sent("GET", "/credit/me")] == [401]


def test_login_without_a_keychain_fails_clearly(run_kokoon: RunKokoon) -> None:
    result = run_kokoon("login", stdin="a-token-that-cannot-be-kept\n")
    line = assert_fails(result, 1)
    assert "no working system keychain" in line.lower()
    assert "KOKOON_TOKEN" in line


def test_login_and_logout_with_a_keychain(
    memory_keyring: MemoryKeyring,
    simulator: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In-process, with the suite's in-memory keychain: the token is kept, used and removed."""
    for name in ("KOKOON_TOKEN", "KOKOON_API_URL", "KOKOON_AUTH_SCHEME"):
        monkeypatch.delenv(name, raising=False)
    api = ["--api-url", simulator.base_url]
    store = KeyringTokenStore(simulator.base_url)

    monkeypatch.setattr(sys, "stdin", io.StringIO(DEMO_TOKEN + "\n"))
    assert main([*api, "login"]) == 0
    assert store.load() == DEMO_TOKEN
    assert KeyringTokenStore(DEFAULT_BASE_URL).load() is None  # one token per API origin
    assert main([*api, "credit"]) == 0  # signed in with the stored token alone

    assert main([*api, "logout"]) == 0
    assert store.load() is None
    assert memory_keyring.entries == {}
    assert main([*api, "credit"]) == 3

    out, err = capsys.readouterr()
    assert DEMO_TOKEN not in out and DEMO_TOKEN not in err
    assert "Credit: 5,000" in out
    assert "Token stored" in err and "Signed out" in err and "kokoon login" in err


# --- videos --------------------------------------------------------------------------------


def test_upload(
    run_kokoon: RunKokoon, simulator: Simulator, make_clip: Callable[[str], Path]
) -> None:
    clip = make_clip("upload")
    human = assert_ok(run_kokoon("upload", str(clip)))
    assert clip.name in human.stdout and "original" in human.stdout

    video = json_out(run_kokoon("upload", str(clip), "--json"))
    assert is_uuid(video["vid"])
    assert video["filename"] == clip.name
    assert video["size"] == clip.stat().st_size
    assert (video["width"], video["height"]) == CLIP_SIZE_PX
    assert len(simulator.sent("POST", "/video")) == 2


def test_upload_of_a_missing_file(
    run_kokoon: RunKokoon, simulator: Simulator, tmp_path: Path
) -> None:
    line = assert_fails(run_kokoon("upload", str(tmp_path / "missing.mp4")), 2)
    assert "missing.mp4" in line
    assert simulator.requests() == []


def test_videos_filters_and_pages(
    run_kokoon: RunKokoon, simulator: Simulator, make_clip: Callable[[str], Path]
) -> None:
    tag = "list" + uuid.uuid4().hex[:8]
    first = simulator.upload(make_clip(tag))
    second = simulator.upload(make_clip(tag))
    mine = {first["vid"], second["vid"]}

    everything = json_out(run_kokoon("videos", "--original", "--json"))
    assert mine <= {v["vid"] for v in everything["videos"]}
    assert all(v["pid"] == "00000000-0000-0000-0000-000000000000" for v in everything["videos"])

    filtered = json_out(run_kokoon("videos", "--filename", tag, "--json"))
    assert {v["vid"] for v in filtered["videos"]} == mine
    assert filtered["all_count"] == 2

    paging = ["--filename", tag, "--page-size", "1", "--json"]
    pages = [json_out(run_kokoon("videos", *paging, "--page", str(n))) for n in (0, 1)]
    assert [(p["all_count"], p["curr_count"]) for p in pages] == [(2, 1), (2, 1)]
    assert {p["videos"][0]["vid"] for p in pages} == mine

    human = assert_ok(run_kokoon("videos", "--filename", tag))
    assert first["vid"] in human.stdout and "2 of 2 video(s)" in human.stdout


def test_page_without_page_size(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    line = assert_fails(run_kokoon("videos", "--page", "0"), 2)
    assert "page size" in line
    assert simulator.requests() == []


def test_video(run_kokoon: RunKokoon, source_video: dict[str, Any]) -> None:
    vid = source_video["vid"]
    human = assert_ok(run_kokoon("video", vid))
    assert vid in human.stdout and source_video["filename"] in human.stdout
    assert json_out(run_kokoon("video", vid, "--json"))["vid"] == vid


def test_video_id_that_is_not_a_uuid(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    line = assert_fails(run_kokoon("video", "not-a-uuid"), 2)
    assert "not-a-uuid" in line and "video ID" in line
    assert simulator.requests() == []


def test_unknown_video(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    line = assert_fails(run_kokoon("video", str(uuid.uuid4())), 5)
    assert "not found" in line.lower()
    assert [r["status"] for r in simulator.requests()] == [404]


# --- quotes and tasks ----------------------------------------------------------------------


def test_quote(run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]) -> None:
    args = task_args(source_video["vid"], "--size", "1080p")
    human = assert_ok(run_kokoon("quote", *args))
    cost = json_out(run_kokoon("quote", *args, "--json"))["credit"]
    assert isinstance(cost, int) and cost >= 1
    assert human.stdout.strip() == f"Cost: {cost} credit(s)"
    assert simulator.credit() == START_CREDIT  # a quote charges nothing
    assert len(simulator.sent("POST", "/credit/calc")) == 2


def test_quote_of_a_preview(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    result = run_kokoon("quote", *task_args(source_video["vid"], "--size", "720p", "--preview"))
    assert "full tasks" in assert_fails(result, 2)
    assert simulator.requests() == []


def test_submit_wait_and_download(
    run_kokoon: RunKokoon,
    simulator: Simulator,
    source_video: dict[str, Any],
    clip_file: Path,
    tmp_path: Path,
) -> None:
    args = task_args(source_video["vid"], "--size", "720p")
    cost = json_out(run_kokoon("quote", *args, "--json"))["credit"]

    created = json_out(run_kokoon("submit", *args, "--json"))
    assert created["in_vid"] == source_video["vid"]
    assert simulator.credit() == START_CREDIT - cost  # charged what was quoted

    waited = assert_ok(run_kokoon("status", created["tid"], "--wait"))
    assert "Step:" in waited.stdout and "done" in waited.stdout
    listed = json_out(run_kokoon("tasks", "--step", "done", "--json"))
    assert created["tid"] in {t["tid"] for t in listed["sr_tasks"]}

    result = json_out(run_kokoon("video", created["out_vid"], "--json"))
    assert (result["width"], result["height"]) == (1280, 720)
    simulator.clear_requests()
    saved = json_out(run_kokoon("download", created["out_vid"], "-o", str(tmp_path), "--json"))
    path = Path(saved["path"])
    assert path.parent == tmp_path and path.name == result["filename"]
    assert path.stat().st_size == saved["size"] == result["size"]
    assert path.read_bytes() == clip_file.read_bytes()  # the simulator "upscales" by copying
    assert not list(tmp_path.glob("*.part"))

    # The token went to the API only, never to the storage origin of the link.
    origins = [(r["origin"], "authorization" in r["headers"]) for r in simulator.requests()]
    assert origins == [("api", True), ("storage", False)]


@pytest.fixture
def renders(tmp_path: Path) -> Path:
    """An empty folder for results (``tmp_path`` also holds the test's source clip)."""
    folder = tmp_path / "renders"
    folder.mkdir()
    return folder


def test_submit_download_brings_the_result_home_with_its_provenance(
    run_kokoon: RunKokoon,
    simulator: Simulator,
    source_video: dict[str, Any],
    clip_file: Path,
    renders: Path,
) -> None:
    stem = Path(source_video["filename"]).stem
    (renders / f"{stem}_person_1280x720.mp4").write_bytes(b"an earlier render")
    args = task_args(source_video["vid"], "--size", "720p", "--start", "200", "--duration", "500")

    document = json_out(run_kokoon("submit", *args, "--download", str(renders), "--json"))
    assert document["task"]["step"] == "done"
    path = Path(document["path"])
    assert path == renders / f"{stem}_person_1280x720 (2).mp4", "the earlier file is kept"
    assert path.read_bytes() == clip_file.read_bytes()  # the simulator "upscales" by copying
    assert document["size"] == path.stat().st_size
    assert Path(document["sidecar"]) == path.with_name(path.name + ".kokoon.json")
    assert sorted(p.name for p in renders.iterdir()) == sorted(
        [f"{stem}_person_1280x720.mp4", path.name, path.name + ".kokoon.json"]
    )

    sidecar = json.loads(Path(document["sidecar"]).read_text(encoding="utf-8"))
    sent = {
        "task_type": "SR", "category": "person", "use_sr": True, "input_quality": "medium",
        "option": {"face_enhance": False, "denoise": False, "deinterlace": False,
                   "add_noise": False},
        "vid": source_video["vid"], "width": 1280, "height": 720, "start_pos": 200,
        "duration": 500, "codec": "h264", "format": "mp4", "use_trim_orig": False,
    }  # fmt: skip
    assert sidecar["request_body"] == sent
    assert list(sidecar["request_body"]) == list(sent), "as sent, in the order sent"
    received = json_out(run_kokoon("status", document["task"]["tid"], "--json"))
    assert received["request_body"] == sent
    assert sidecar["task"]["tid"] == document["task"]["tid"]
    assert sidecar["task"]["out_vid"] == document["task"]["out_vid"]
    assert sidecar["source"] == {
        "name": source_video["filename"],
        "size": None,
        "fingerprint": None,
    }
    assert sidecar["range"]["start"] == "00:00:00:06" and sidecar["range"]["end"] == "00:00:00:21"
    assert sidecar["output"] == {"file": path.name, "size": path.stat().st_size}
    assert DEMO_TOKEN not in Path(document["sidecar"]).read_text(encoding="utf-8")

    # Sent once; the link fetched right before the download; the token kept from storage.
    assert len(simulator.sent("POST", "/task")) == 1
    storage = [r for r in simulator.requests() if r["origin"] == "storage"]
    assert len(storage) == 1 and "authorization" not in storage[0]["headers"]


def test_submit_download_prints_where_it_saved(
    run_kokoon: RunKokoon, source_video: dict[str, Any], tmp_path: Path
) -> None:
    args = task_args(source_video["vid"], "--size", "720p", "--format", "mkv")
    result = assert_ok(run_kokoon("submit", *args, "--download", str(tmp_path)))
    name = f"{Path(source_video['filename']).stem}_person_1280x720.mkv"
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Task:")
    assert lines[-2].startswith(f"Saved {tmp_path / name} (")
    assert lines[-1] == f"Provenance: {tmp_path / name}.kokoon.json"


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_submit_download_to_a_bad_folder_sends_nothing(
    run_kokoon: RunKokoon,
    simulator: Simulator,
    source_video: dict[str, Any],
    tmp_path: Path,
    kind: str,
) -> None:
    target = tmp_path / "renders"
    if kind == "file":
        target.write_text("not a folder")
    args = task_args(source_video["vid"], "--size", "720p", "--download", str(target))
    line = assert_fails(run_kokoon("submit", *args, "--wait"), 2)
    assert str(target) in line
    assert ("does not exist" if kind == "missing" else "is not a folder") in line
    assert simulator.requests() == []
    assert simulator.sent("POST", "/task") == []


def test_submit_download_of_a_task_that_fails(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any], renders: Path
) -> None:
    simulator.add_faults({"fail_next_tasks": 1})
    args = task_args(source_video["vid"], "--size", "720p", "--download", str(renders))
    result = run_kokoon("submit", *args, "--json")
    line = assert_fails(result, 1, stdout_empty=False)
    document = json.loads(result.stdout)
    assert document["task"]["step"] == "error" and "path" not in document
    assert document["task"]["tid"] in line and "error" in line
    assert list(renders.iterdir()) == []
    assert [r["origin"] for r in simulator.requests() if r["origin"] == "storage"] == []


def test_submit_wait_without_download(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    result = assert_ok(
        run_kokoon("submit", *task_args(source_video["vid"], "--size", "720p"), "--wait")
    )
    assert "Step:" in result.stdout and "done" in result.stdout
    assert [r for r in simulator.requests() if r["origin"] == "storage"] == []


def test_download_with_a_sidecar(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any], tmp_path: Path
) -> None:
    args = task_args(source_video["vid"], "--size", "720p", "--json")
    created = json_out(run_kokoon("submit", *args))
    task = json_out(run_kokoon("status", created["tid"], "--wait", "--json"))
    simulator.clear_requests()

    target = tmp_path / "mine.mp4"
    saved = json_out(
        run_kokoon("download", created["out_vid"], "-o", str(target), "--sidecar", "--json")
    )
    assert saved["path"] == str(target) and target.stat().st_size == saved["size"]
    assert saved["sidecar"] == str(tmp_path / "mine.mp4.kokoon.json")
    sidecar = json.loads(Path(saved["sidecar"]).read_text(encoding="utf-8"))
    assert sidecar["request_body"] == task["request_body"]
    assert sidecar["task"]["tid"] == created["tid"]
    assert sidecar["task"]["in_vid"] == source_video["vid"]
    assert sidecar["task"]["finish_time"] == task["finish_time"]
    assert sidecar["source"]["name"] == source_video["filename"]
    assert sidecar["range"]["whole_file"] is True and sidecar["range"]["fps"] == "30/1"
    # The video names its task, the task its request; then a fresh link, then storage.
    assert [(r["method"], r["origin"]) for r in simulator.requests()] == [
        ("GET", "api"), ("GET", "api"), ("GET", "api"), ("GET", "storage"),
    ]  # fmt: skip

    human_run = assert_ok(
        run_kokoon("download", created["out_vid"], "-o", str(tmp_path / "again.mp4"), "--sidecar")
    )
    assert human_run.stdout.splitlines()[-1] == f"Provenance: {tmp_path / 'again.mp4'}.kokoon.json"


def test_download_sidecar_of_an_original_downloads_nothing(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any], renders: Path
) -> None:
    line = assert_fails(
        run_kokoon("download", source_video["vid"], "-o", str(renders), "--sidecar"), 2
    )
    assert "original" in line and "--sidecar" in line
    assert list(renders.iterdir()) == []
    assert [r["origin"] for r in simulator.requests()] == ["api"]


def test_trim_orig_of_the_whole_file_sends_nothing(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    args = task_args(source_video["vid"], "--width", "640", "--height", "360", "--trim-orig")
    line = assert_fails(run_kokoon("submit", *args), 2)
    assert "whole file" in line
    assert simulator.requests() == []


def test_odd_width_sends_nothing(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    args = task_args(source_video["vid"], "--width", "1921", "--height", "1080")
    line = assert_fails(run_kokoon("submit", *args), 2)
    assert "1921" in line and "even" in line
    assert simulator.requests() == []


def test_size_2x_follows_the_source(run_kokoon: RunKokoon, source_video: dict[str, Any]) -> None:
    args = task_args(source_video["vid"], "--size", "2x", "--json")
    created = json_out(run_kokoon("submit", *args))
    task = json_out(run_kokoon("status", created["tid"], "--json"))
    width, height = CLIP_SIZE_PX
    body = task["request_body"]
    assert (body["width"], body["height"]) == (2 * width, 2 * height)
    assert (body["start_pos"], body["duration"], body["use_trim_orig"]) == (0, 0, False)


def test_a_start_without_duration_runs_to_the_end(
    run_kokoon: RunKokoon, source_video: dict[str, Any]
) -> None:
    args = task_args(source_video["vid"], "--size", "720p", "--start", "500", "--json")
    created = json_out(run_kokoon("submit", *args))
    body = json_out(run_kokoon("status", created["tid"], "--json"))["request_body"]
    source_ms = round(float(source_video["duration"]) * 1000)
    assert (body["start_pos"], body["duration"]) == (500, source_ms - 500)


def test_animation_ignores_detail_options(
    run_kokoon: RunKokoon, source_video: dict[str, Any]
) -> None:
    args = [
        "--vid", source_video["vid"], "--category", "animation", "--size", "720p",
        "--face-enhance", "--denoise", "--deinterlace",
    ]  # fmt: skip
    result = assert_ok(run_kokoon("submit", *args, "--json"))
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert "--face-enhance" in warnings[0] and "face_enhance=false" in warnings[0]
    assert "--denoise" in warnings[1] and "denoise=false" in warnings[1]
    task = json_out(run_kokoon("status", json.loads(result.stdout)["tid"], "--json"))
    assert task["request_body"]["category"] == "animation"
    assert task["request_body"]["option"] == {
        "face_enhance": False,
        "denoise": False,
        "deinterlace": True,  # still applies to animation
        "add_noise": False,
    }


def test_insufficient_credit(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    simulator.set_credit(0)
    tasks_before = simulator.task_count()
    line = assert_fails(run_kokoon("submit", *task_args(source_video["vid"], "--size", "720p")), 4)
    assert "credit" in line.lower()
    assert simulator.task_count() == tasks_before
    assert [r["status"] for r in simulator.sent("POST", "/task")] == [402]


def test_status_wait_on_a_task_that_fails(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    simulator.add_faults({"fail_next_tasks": 1})
    args = task_args(source_video["vid"], "--size", "720p", "--json")
    created = json_out(run_kokoon("submit", *args))
    result = run_kokoon("status", created["tid"], "--wait")
    line = assert_fails(result, 1, stdout_empty=False)
    assert created["tid"] in line and "error" in line
    assert "Step:" in result.stdout and "error" in result.stdout


# --- failures of the service and the network -----------------------------------------------


def test_server_error(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    simulator.add_faults({"match": "GET /credit/me", "status": 500})
    line = assert_fails(run_kokoon("credit"), 6)
    assert "500" in line


@pytest.mark.parametrize("kind", ["text", "json"])
def test_garbage_answer(run_kokoon: RunKokoon, simulator: Simulator, kind: str) -> None:
    simulator.add_faults({"match": "GET /credit/me", "garbage": kind})
    line = assert_fails(run_kokoon("credit", "--json"), 6)
    assert "unexpected answer" in line or "not JSON" in line


def test_submit_whose_answer_is_lost(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    """The task is created, the answer is cut off: exit 6, and the task is never sent again."""
    tasks_before = simulator.task_count()
    simulator.add_faults({"match": "POST /task", "drop_after": True})
    line = assert_fails(run_kokoon("submit", *task_args(source_video["vid"], "--size", "720p")), 6)
    assert "task list" in line
    assert simulator.task_count() == tasks_before + 1
    posts = simulator.sent("POST", "/task")
    assert [(r["fault"], r["dropped"]) for r in posts] == [("drop_after", True)]


def test_submit_timeout(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    simulator.add_faults({"match": "POST /task", "slow_s": 3})
    args = task_args(source_video["vid"], "--size", "720p")
    line = assert_fails(run_kokoon("--timeout", "1", "submit", *args), 6)
    assert "task list" in line
    assert len(simulator.sent("POST", "/task")) == 1


def test_submit_refused_with_a_message(
    run_kokoon: RunKokoon, simulator: Simulator, source_video: dict[str, Any]
) -> None:
    message = "must have required property 'use_sr'"
    simulator.add_faults({"match": "POST /task", "status": 400, "message": message})
    line = assert_fails(run_kokoon("submit", *task_args(source_video["vid"], "--size", "720p")), 5)
    assert message in line
    assert len(simulator.sent("POST", "/task")) == 1


def test_plain_http_to_another_host_is_refused(run_kokoon: RunKokoon, simulator: Simulator) -> None:
    line = assert_fails(run_kokoon("--api-url", "http://example.com/x", "credit"), 2)
    assert "http://" in line and "example.com" in line
    assert simulator.requests() == []


def test_connection_refused(run_kokoon: RunKokoon) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/kokoon/api/sr/v3"
    line = assert_fails(run_kokoon("credit", env={"KOKOON_API_URL": url}), 6)
    assert "Could not connect to 127.0.0.1" in line
