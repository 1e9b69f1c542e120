"""The ``kokoon`` command and the simulator, both as real processes, talking over loopback.

One simulator process serves the whole module (``python -m kokoon_desktop.sandbox``); every
test starts from no faults, an empty request log and the starting credit, and works on videos
of its own, so tests stay independent of each other and of their order.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.sandbox.media import write_clip

#: The console script installed next to this interpreter (what a user runs).
KOKOON = Path(sys.executable).with_name("kokoon")
#: Tasks take 6.5 simulated seconds before scaling: about 0.13 s here.
TIME_SCALE = 0.02
START_CREDIT = 5000
#: keyring's backend that fails every call: no test may touch a real keychain.
FAIL_KEYRING = "keyring.backends.fail.Keyring"
#: The clip every test uploads: 320x180, 1 s at 30 frames a second.
CLIP_SIZE_PX = (320, 180)


class Simulator:
    """The simulator process, its controls (``/_sandbox``) and a signed-in API client."""

    def __init__(self, process: subprocess.Popen[str], base_url: str) -> None:
        self.process = process
        self.base_url = base_url
        self.api_origin = str(httpx.URL(base_url).copy_with(path="")).rstrip("/")
        self.admin = httpx.Client(base_url=self.api_origin + "/_sandbox", timeout=10)
        self.api = httpx.Client(
            base_url=base_url, headers={"Authorization": DEMO_TOKEN}, timeout=30
        )

    # --- controls ----------------------------------------------------------------------------

    def _admin(self, method: str, path: str, body: object = None) -> Any:
        response = self.admin.request(method, path, json=body)
        assert response.status_code == 200, response.text
        return response.json()

    def add_faults(self, config: object) -> None:
        """A rule, a list of rules or a settings object, as ``POST /_sandbox/faults`` takes."""
        self._admin("POST", "/faults", config)

    def clear_faults(self) -> None:
        self._admin("DELETE", "/faults")

    def set_credit(self, credit: int) -> None:
        self._admin("POST", "/credit", {"credit": credit})

    def requests(self) -> list[dict[str, Any]]:
        """Every API and storage request since the last clear (``/_sandbox`` excluded)."""
        entries: list[dict[str, Any]] = self._admin("GET", "/requests")
        return entries

    def clear_requests(self) -> None:
        self._admin("DELETE", "/requests")

    def sent(self, method: str, endpoint: str) -> list[dict[str, Any]]:
        """The logged requests for ``METHOD /endpoint`` (an API path, e.g. ``POST /task``)."""
        path = httpx.URL(self.base_url).path + endpoint
        return [r for r in self.requests() if r["method"] == method and r["path"] == path]

    # --- the account, read and written directly (not through the command under test) -------

    def credit(self) -> int:
        credit: int = self.api.get("/credit/me").raise_for_status().json()["credit"]
        return credit

    def task_count(self) -> int:
        count: int = self.api.get("/task").raise_for_status().json()["all_count"]
        return count

    def upload(self, path: Path) -> dict[str, Any]:
        with path.open("rb") as file:
            response = self.api.post("/video", files={"file": (path.name, file, "video/mp4")})
        assert response.status_code == 200, response.text
        video: dict[str, Any] = response.json()
        return video

    def close(self) -> None:
        self.admin.close()
        self.api.close()


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    """``python -m kokoon_desktop.sandbox`` on a free loopback port, for the whole module."""
    folder = tmp_path_factory.mktemp("simulator")
    with (folder / "stderr.txt").open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "kokoon_desktop.sandbox",
                "--port", "0",
                "--time-scale", str(TIME_SCALE),
                "--credit", str(START_CREDIT),
                "--data-dir", str(folder / "data"),
            ],
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            text=True,
        )  # fmt: skip
        sim: Simulator | None = None
        try:
            assert process.stdout is not None
            base_url = process.stdout.readline().strip()
            assert base_url.startswith("http://127.0.0.1:"), (folder / "stderr.txt").read_text()
            sim = Simulator(process, base_url)
            yield sim
        finally:
            if sim is not None:
                sim.close()
            process.terminate()
            try:
                process.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
    # Whatever the tests did to it (faults, drops, timeouts), the simulator must not crash.
    logged = (folder / "stderr.txt").read_text()
    assert "Traceback" not in logged and "ERROR" not in logged, logged


@pytest.fixture(autouse=True)
def fresh_simulator(simulator: Simulator) -> Simulator:
    """No faults, an empty request log and the starting credit, before every test."""
    simulator.clear_faults()
    simulator.set_credit(START_CREDIT)
    simulator.clear_requests()
    return simulator


@pytest.fixture(scope="module")
def clip_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real (PyAV-encoded) H.264 clip; tests copy it under names of their own."""
    folder = tmp_path_factory.mktemp("clips")
    width, height = CLIP_SIZE_PX
    return write_clip(folder / "clip.mp4", width=width, height=height, seconds=1)


@pytest.fixture
def make_clip(clip_file: Path, tmp_path: Path) -> Callable[[str], Path]:
    """A copy of the clip under a name no other test uses (``prefix-<uuid>.mp4``)."""

    def make(prefix: str = "clip") -> Path:
        target = tmp_path / f"{prefix}-{uuid.uuid4().hex[:12]}.mp4"
        shutil.copyfile(clip_file, target)
        return target

    return make


@pytest.fixture
def source_video(simulator: Simulator, make_clip: Callable[[str], Path]) -> dict[str, Any]:
    """An original uploaded directly (not by the command under test); the log is cleared."""
    video = simulator.upload(make_clip("source"))
    simulator.clear_requests()
    return video


class RunKokoon(Protocol):
    def __call__(
        self, *args: str, env: Mapping[str, str | None] | None = None, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]: ...


def cli_env(simulator: Simulator) -> dict[str, str]:
    """This process's environment without any KOKOON_ setting, then the simulator's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOKOON_")}
    env.update(
        KOKOON_API_URL=simulator.base_url,
        KOKOON_TOKEN=DEMO_TOKEN,
        PYTHON_KEYRING_BACKEND=FAIL_KEYRING,
    )
    return env


def _secrets(args: tuple[str, ...], env: Mapping[str, str], stdin: str | None) -> set[str]:
    """Every token this run was given: none of them may be printed."""
    found = {DEMO_TOKEN}
    if env.get("KOKOON_TOKEN"):
        found.add(env["KOKOON_TOKEN"])
    for index, arg in enumerate(args):
        if arg == "--token" and index + 1 < len(args):
            found.add(args[index + 1])
        elif arg.startswith("--token="):
            found.add(arg.partition("=")[2])
    if stdin and stdin.strip():
        found.add(stdin.strip())
    return {secret for secret in found if secret}


@pytest.fixture
def run_kokoon(simulator: Simulator) -> RunKokoon:
    """Run ``kokoon *args`` as a subprocess against the simulator; the token is never shown.

    ``env`` overrides the environment (``None`` removes a variable); ``stdin`` is the text fed
    to the command (an empty stdin otherwise, never the terminal's).
    """
    base = cli_env(simulator)

    def run(
        *args: str, env: Mapping[str, str | None] | None = None, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        full = dict(base)
        for name, value in (env or {}).items():
            if value is None:
                full.pop(name, None)
            else:
                full[name] = value
        result = subprocess.run(
            [str(KOKOON), *args],
            env=full,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        for secret in _secrets(args, full, stdin):
            assert secret not in result.stdout, f"a token was printed on stdout by {args}"
            assert secret not in result.stderr, f"a token was printed on stderr by {args}"
        return result

    return run
