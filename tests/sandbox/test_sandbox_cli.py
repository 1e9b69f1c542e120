"""``python -m kokoon_desktop.sandbox`` as a user runs it."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx

from kokoon_desktop.sandbox import DEMO_TOKEN


def test_serves_until_terminated() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kokoon_desktop.sandbox", "--port", "0", "--credit", "42"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/kokoon/api/sr/v3")
        response = httpx.get(base_url + "/credit/me", headers={"Authorization": DEMO_TOKEN})
        assert response.status_code == 200
        assert response.json()["credit"] == 42
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert stdout == ""
    assert "SIMULATOR" in stderr and "not the real Kokoon service" in stderr
    assert DEMO_TOKEN in stderr
    assert "Traceback" not in stderr


def test_sigint_and_custom_tokens() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kokoon_desktop.sandbox", "--token", "t1", "--token", "t2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        uids = {
            httpx.get(base_url + "/credit/me", headers={"Authorization": token}).json()["uid"]
            for token in ("t1", "t2")
        }
        assert len(uids) == 2
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert "t1, t2" in stderr


def test_refuses_remote_hosts_without_the_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kokoon_desktop.sandbox", "--host", "0.0.0.0"],  # noqa: S104
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--allow-remote" in result.stderr
