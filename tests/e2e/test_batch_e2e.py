"""``kokoon batch`` end to end: the installed command against the simulator process.

What a studio relies on is read from the simulator itself (its task list and request log):
a dry run sends nothing, a 50-row manifest creates 50 tasks, a run killed half-way and run
again creates exactly the missing ones, a lost answer is checked on the server instead of
being sent again, and invalid rows stop everything before it is sent.
"""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import KOKOON, RunKokoon, Simulator, cli_env

Result = subprocess.CompletedProcess[str]


def ok(result: Result) -> Result:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


def our_tasks(simulator: Simulator, vids: set[str]) -> list[dict[str, Any]]:
    """Every task of these sources on the simulator, with its request body."""
    listed = simulator.api.get("/task").raise_for_status().json()["sr_tasks"]
    tids = [task["tid"] for task in listed if task.get("in_vid") in vids]
    return [simulator.api.get(f"/task/{tid}").raise_for_status().json() for tid in tids]


def bodies(tasks: list[dict[str, Any]]) -> set[str]:
    return {json.dumps(task["request_body"], sort_keys=True) for task in tasks}


def uploaded_vids(simulator: Simulator, names: set[str]) -> set[str]:
    videos = simulator.api.get("/video", params={"orig_type": "original"}).json()["videos"]
    return {video["vid"] for video in videos if video["filename"] in names}


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def two_videos(simulator: Simulator, make_clip: Callable[[str], Path]) -> list[str]:
    vids = [simulator.upload(make_clip(f"account{n}"))["vid"] for n in range(2)]
    simulator.clear_requests()
    return vids


def fifty_rows(vids: list[str], files: list[Path]) -> list[dict[str, Any]]:
    """50 different tasks: vid and file rows, presets, milliseconds and timecode (1 s clips)."""
    rows: list[dict[str, Any]] = []
    for i in range(15):
        rows.append(
            {"vid": vids[0], "category": "person", "width": 640, "height": 360,
             "start_pos": 10 * i, "duration": 200}
        )  # fmt: skip
    for i in range(10):
        rows.append(
            {"vid": vids[1], "preset": "Animation 2x",
             "start": f"00:00:00:{i:02d}", "end": f"00:00:00:{i + 10:02d}"}
        )  # fmt: skip
    for i in range(15):
        rows.append(
            {"file": files[0].name, "category": "general", "size": "720p",
             "start_pos": 20 * i, "duration": 300, "option": {"deinterlace": True}}
        )  # fmt: skip
    for i in range(10):
        rows.append(
            {"file": files[1].name, "preset": "Interview 1080p", "input_quality": "medium",
             "start": f"00:00:00:{i + 1:02d}", "end": "00:00:00:29"}
        )  # fmt: skip
    return rows


def write_json(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return path


# --- dry run ---------------------------------------------------------------------------------


def test_dry_run_prints_the_total_quote_and_sends_nothing(
    run_kokoon: RunKokoon, simulator: Simulator, two_videos: list[str], tmp_path: Path,
    profile: Path, make_clip: Callable[[str], Path],
) -> None:  # fmt: skip
    clip = make_clip("local")
    manifest = write_json(
        tmp_path / "jobs.json",
        [
            {"vid": two_videos[0], "category": "person", "size": "2x"},
            {"vid": two_videos[1], "preset": "Interview 1080p", "start": "00:00:00:10"},
            {"vid": two_videos[1], "preset": "Preview 2x"},
            {"file": clip.name, "preset": "Animation 2x"},
        ],
    )
    document = json.loads(
        ok(
            run_kokoon("batch", str(manifest), "--dry-run", "--json", "--profile-dir", str(profile))
        ).stdout
    )
    quoted = {row["row"]: row["credits"] for row in document["rows"] if row["credits"] is not None}
    assert set(quoted) == {1, 2}
    assert document["total_credits"] == sum(quoted.values()) > 0
    assert document["credit_left"] == simulator.credit()
    not_quoted = {row["row"]: row["not_quoted"] for row in document["rows"]}
    assert "previews" in not_quoted[3] and "not uploaded" in not_quoted[4]
    assert document["rows"][1]["request"]["start_pos"] == 333  # frame 10 at 30 fps
    assert document["rows"][1]["request"]["duration"] == 1000 - 333  # to the end

    human = ok(run_kokoon("batch", str(manifest), "--dry-run", "--profile-dir", str(profile)))
    assert "Total:" in human.stdout and "Dry run: nothing was sent." in human.stdout
    sent = {(r["method"], r["path"].rsplit("/v3", 1)[-1]) for r in simulator.requests()}
    assert ("POST", "/task") not in sent and ("POST", "/video") not in sent
    assert ("POST", "/credit/calc") in sent


# --- a whole manifest, and running it again ---------------------------------------------------


def test_fifty_rows_then_a_rerun_sends_nothing(
    run_kokoon: RunKokoon, simulator: Simulator, two_videos: list[str], tmp_path: Path,
    profile: Path, make_clip: Callable[[str], Path],
) -> None:  # fmt: skip
    files = [make_clip("studio"), make_clip("interview")]
    rows = fifty_rows(two_videos, files)
    manifest = write_json(tmp_path / "fifty.json", rows)
    result = ok(
        run_kokoon(
            "batch", str(manifest), "--json", "--concurrency", "6", "--profile-dir", str(profile)
        )
    )
    document = json.loads(result.stdout)
    assert document["counts"] == {"sent": 50}
    assert len(simulator.sent("POST", "/task")) == 50
    # The two files are copies of one clip: the same content goes up once, for all 25 rows.
    assert len(simulator.sent("POST", "/video")) == 1
    sources = set(two_videos) | uploaded_vids(simulator, {f.name for f in files})
    tasks = our_tasks(simulator, sources)
    assert len(tasks) == 50 and len(bodies(tasks)) == 50
    # The timecode rows: frames at 30 fps, end exclusive.
    animation = [t["request_body"] for t in tasks if t["request_body"]["category"] == "animation"]
    assert {(b["start_pos"], b["duration"]) for b in animation} >= {(0, 333), (300, 333)}
    assert all(b["width"] == 640 for b in animation)  # 2x of 320x180

    simulator.clear_requests()
    again = ok(run_kokoon("batch", str(manifest), "--json", "--profile-dir", str(profile)))
    assert json.loads(again.stdout)["counts"] == {"already sent": 50}
    assert simulator.sent("POST", "/task") == [] and simulator.sent("POST", "/video") == []
    # The same file named by another manifest is not uploaded again either.
    other = write_json(tmp_path / "other.json", [{"file": files[0].name, "preset": "Animation 2x"}])
    ok(run_kokoon("batch", str(other), "--profile-dir", str(profile)))
    assert simulator.sent("POST", "/video") == [] and len(simulator.sent("POST", "/task")) == 1


def test_a_run_killed_half_way_then_run_again_creates_exactly_the_missing_tasks(
    simulator: Simulator, run_kokoon: RunKokoon, two_videos: list[str], tmp_path: Path,
    profile: Path, make_clip: Callable[[str], Path],
) -> None:  # fmt: skip
    files = [make_clip("killed"), make_clip("killed")]
    manifest = write_json(tmp_path / "fifty.json", fifty_rows(two_videos, files))
    # Slow answers: the simulator creates each task, then holds its answer back.
    simulator.add_faults({"match": "POST /task", "slow_s": 0.25, "times": None})
    process = subprocess.Popen(
        [str(KOKOON), "batch", str(manifest), "--concurrency", "3", "--profile-dir", str(profile)],
        env=cli_env(simulator), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 40
        while len(simulator.sent("POST", "/task")) < 20:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the batch did not get half-way"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.communicate()
    simulator.clear_faults()
    sources = set(two_videos) | uploaded_vids(simulator, {f.name for f in files})
    created_before = len(our_tasks(simulator, sources))
    assert 20 <= created_before < 50
    simulator.clear_requests()

    result = ok(run_kokoon("batch", str(manifest), "--json", "--profile-dir", str(profile)))
    document = json.loads(result.stdout)
    counts = document["counts"]
    assert counts.get("sent", 0) + counts.get("already sent", 0) == 50, counts
    # The requests in flight when the run was killed had created their tasks: found, not resent.
    found = [row for row in document["rows"] if row["message"] == "found on the server"]
    assert found, document["rows"]
    sources |= uploaded_vids(simulator, {f.name for f in files})  # files sent after the kill
    tasks = our_tasks(simulator, sources)
    assert len(tasks) == 50 and len(bodies(tasks)) == 50  # none twice
    assert len(simulator.sent("POST", "/task")) == 50 - created_before
    assert counts.get("sent", 0) == 50 - created_before


# --- a lost answer ----------------------------------------------------------------------------


def test_a_lost_answer_is_checked_on_the_server_not_sent_again(
    run_kokoon: RunKokoon, simulator: Simulator, two_videos: list[str], tmp_path: Path,
    profile: Path,
) -> None:  # fmt: skip
    rows = [
        {"vid": two_videos[0], "category": "retro", "width": 640, "height": 360,
         "start_pos": 100 * i, "duration": 100}
        for i in range(3)
    ]  # fmt: skip
    manifest = write_json(tmp_path / "lost.json", rows)
    # The first task is created, then its connection dropped; and the task list is down, so
    # this run cannot find out what became of it.
    simulator.add_faults(
        [
            {"match": "POST /task", "drop_after": True},
            {"match": "GET /task", "status": 500, "times": None},
        ]
    )
    first = run_kokoon(
        "batch", str(manifest), "--json", "--concurrency", "1", "--profile-dir", str(profile)
    )
    assert first.returncode == 6, (first.stdout, first.stderr)
    document = json.loads(first.stdout)
    assert document["counts"] == {"sent": 2, "unknown": 1}
    (lost,) = [row for row in document["rows"] if row["status"] == "unknown"]
    assert "Could not check on the server" in lost["message"]
    assert [r["fault"] for r in simulator.sent("POST", "/task")] == ["drop_after", None, None]
    assert len(our_tasks_with_faults_cleared(simulator, {two_videos[0]})) == 3

    simulator.clear_requests()
    second = ok(run_kokoon("batch", str(manifest), "--json", "--profile-dir", str(profile)))
    document = json.loads(second.stdout)
    assert document["counts"] == {"already sent": 3}
    found = next(row for row in document["rows"] if row["row"] == lost["row"])
    assert found["message"] == "found on the server" and found["tid"]
    assert simulator.sent("POST", "/task") == []  # checked (GET /task), never sent again
    assert simulator.sent("GET", "/task")
    assert len(our_tasks(simulator, {two_videos[0]})) == 3


def our_tasks_with_faults_cleared(simulator: Simulator, vids: set[str]) -> list[dict[str, Any]]:
    simulator.clear_faults()
    return our_tasks(simulator, vids)


def test_a_lost_answer_found_in_the_same_run(
    run_kokoon: RunKokoon, simulator: Simulator, two_videos: list[str], tmp_path: Path,
    profile: Path,
) -> None:  # fmt: skip
    manifest = write_json(
        tmp_path / "one.json",
        [{"vid": two_videos[1], "category": "cg", "width": 640, "height": 360}],
    )
    simulator.add_faults({"match": "POST /task", "drop_after": True})
    result = ok(run_kokoon("batch", str(manifest), "--profile-dir", str(profile)))
    assert "outcome unknown" in result.stderr and "checking on the server" in result.stderr
    assert "already sent" in result.stdout and "found on the server" in result.stdout
    assert len(simulator.sent("POST", "/task")) == 1
    assert len(our_tasks(simulator, {two_videos[1]})) == 1


# --- invalid rows -----------------------------------------------------------------------------


def test_invalid_rows_stop_everything_before_it_is_sent(
    run_kokoon: RunKokoon, simulator: Simulator, two_videos: list[str], tmp_path: Path,
    profile: Path,
) -> None:  # fmt: skip
    manifest = tmp_path / "jobs.csv"
    with manifest.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["vid", "file", "category", "width", "height", "start", "end", "preset"])
        writer.writerow([two_videos[0], "", "person", "640", "360", "", "", ""])
        writer.writerow([two_videos[0], "", "person", "641", "360", "", "", ""])
        writer.writerow(["", "missing.mp4", "", "", "", "", "", "Animation 2x"])
        writer.writerow([two_videos[1], "", "cartoon", "640", "360", "", "", ""])
        writer.writerow(
            [two_videos[1], "", "", "", "", "00:00:00:10", "00:00:00:05", "Animation 2x"]
        )
        writer.writerow([two_videos[1], "", "cg", "640", "360", "", "", ""])
    result = run_kokoon("batch", str(manifest), "--profile-dir", str(profile))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith("kokoon: ") for line in lines)
    text = result.stderr
    assert "row 2, width:" in text and "odd" in text
    assert "row 3, file:" in text and "missing.mp4" in text
    assert "row 4, category: 'cartoon' is not a category" in text
    assert "row 5, end:" in text
    assert "row 1" not in text and "row 6" not in text
    assert "4 of 6 row(s) are invalid: nothing was sent" in lines[-1]
    sent = {(r["method"], r["path"].rsplit("/v3", 1)[-1]) for r in simulator.requests()}
    assert all(method == "GET" for method, _ in sent), sent

    skipped = ok(
        run_kokoon(
            "batch", str(manifest), "--json", "--skip-invalid", "--profile-dir", str(profile)
        )
    )
    assert json.loads(skipped.stdout)["counts"] == {"sent": 2}
    assert "4 invalid row(s) skipped" in skipped.stderr
    assert len(simulator.sent("POST", "/task")) == 2


def test_a_manifest_that_is_not_one(
    run_kokoon: RunKokoon, simulator: Simulator, tmp_path: Path
) -> None:
    manifest = tmp_path / "jobs.csv"
    manifest.write_text("vid,widht\n", encoding="utf-8")
    result = run_kokoon("batch", str(manifest), "--profile-dir", str(tmp_path / "p"))
    assert result.returncode == 2 and "'widht' is not a manifest field" in result.stderr
    assert simulator.requests() == []


def test_wait_and_download_bring_the_results_home(
    run_kokoon: RunKokoon, simulator: Simulator, two_videos: list[str], tmp_path: Path,
    profile: Path,
) -> None:  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    manifest = write_json(
        tmp_path / "home.json",
        [
            {"vid": two_videos[0], "preset": "Animation 2x"},
            {"vid": two_videos[0], "preset": "Animation 2x"},  # the same task: sent once
        ],
    )
    result = ok(
        run_kokoon(
            "batch", str(manifest), "--download", str(out), "--json", "--profile-dir", str(profile)
        )
    )
    document = json.loads(result.stdout)
    assert document["counts"] == {"downloaded": 2}
    assert document["rows"][1]["message"] == "the same task as row 1: sent once"
    saved = sorted(p.name for p in out.iterdir())
    assert len(saved) == 2 and saved[1] == saved[0] + ".kokoon.json"
    assert len(simulator.sent("POST", "/task")) == 1
    # Again: nothing sent, nothing downloaded twice.
    again = ok(
        run_kokoon("batch", str(manifest), "--download", str(out), "--profile-dir", str(profile))
    )
    assert "downloaded" in again.stdout
    assert sorted(p.name for p in out.iterdir()) == saved
    assert len(simulator.sent("POST", "/task")) == 1
