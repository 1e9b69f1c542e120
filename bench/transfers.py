"""Upload and download of a large file: the Kokoon client against curl, same run, same server.

Both talk to the simulator running in its own process on loopback. Each transfer runs in a
fresh process so its peak resident memory (from ``wait4``) is its own. The client is also run
on a small file: flat memory means the same peak whatever the size.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.videofile import make_large_video
from kokoon_desktop.sandbox.config import DEMO_TOKEN

MiB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float


def _measure(command: Sequence[str], *, timed_by_child: bool) -> Run:
    """Run a command, returning its time (its own report, or wall time) and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if process.stdout:
        process.stdout.close()
    if process.stderr:
        process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({process.returncode}): {err.strip()}")
    seconds = float(out.strip().splitlines()[-1]) if timed_by_child else wall
    return Run(seconds=seconds, peak_rss_mib=usage.ru_maxrss / 1024)


class SimulatorProcess:
    """``python -m kokoon_desktop.sandbox`` on a free loopback port."""

    def __init__(self, data_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kokoon_desktop.sandbox", "--port", "0",
             "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        if self.process.stdout:
            self.process.stdout.close()


def _curl_upload(base_url: str, path: Path) -> list[str]:
    return [
        "curl", "-sS", "--fail", "-o", os.devnull, "-H", f"Authorization: {DEMO_TOKEN}",
        "-H", "Expect:", "-F", f"file=@{path}", f"{base_url}/video",
    ]  # fmt: skip


def _client(action: str, base_url: str, path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "bench.transfer_worker", action, base_url, DEMO_TOKEN,
            str(path), *extra]  # fmt: skip


def run(size_bytes: int, repeats: int = 3) -> dict[str, object]:
    if shutil.which("curl") is None:
        raise RuntimeError("curl is needed as the reference: install it (apt-get install curl)")
    with tempfile.TemporaryDirectory(prefix="kokoon-bench-") as tmp:
        work = Path(tmp)
        big = make_large_video(work / "big.mp4", size_bytes)
        small = make_large_video(work / "small.mp4", 64 * MiB)
        server = SimulatorProcess(work / "server")
        try:
            uploads: dict[str, list[Run]] = {"client": [], "curl": [], "client_small": []}
            downloads: dict[str, list[Run]] = {"client": [], "curl": [], "client_small": []}
            with httpx.Client(headers={"Authorization": DEMO_TOKEN}) as http:
                for _ in range(repeats):
                    uploads["curl"].append(
                        _measure(_curl_upload(server.base_url, big), timed_by_child=False)
                    )
                    uploads["client"].append(
                        _measure(_client("upload", server.base_url, big), timed_by_child=True)
                    )
                    uploads["client_small"].append(
                        _measure(_client("upload", server.base_url, small), timed_by_child=True)
                    )
                videos = http.get(f"{server.base_url}/video").json()["videos"]
                by_size = {v["size"]: v for v in videos}
                big_url, small_url = by_size[size_bytes]["url"], by_size[64 * MiB]["url"]
                target = work / "down.mp4"
                for _ in range(repeats):
                    downloads["curl"].append(
                        _measure(["curl", "-sS", "--fail", "-o", str(target), big_url],
                                 timed_by_child=False)
                    )  # fmt: skip
                    target.unlink()
                    downloads["client"].append(
                        _measure(_client("download", server.base_url, target, big_url,
                                         str(size_bytes)), timed_by_child=True)
                    )  # fmt: skip
                    if target.stat().st_size != size_bytes:
                        raise RuntimeError("the client's download has the wrong size")
                    target.unlink()
                    downloads["client_small"].append(
                        _measure(_client("download", server.base_url, target, small_url,
                                         str(64 * MiB)), timed_by_child=True)
                    )  # fmt: skip
                    target.unlink()
        finally:
            server.close()
    return {"size": size_bytes, "upload": _summary(uploads), "download": _summary(downloads)}


def _summary(runs: dict[str, list[Run]]) -> dict[str, float]:
    median = {k: statistics.median(r.seconds for r in v) for k, v in runs.items()}
    peak = {k: max(r.peak_rss_mib for r in v) for k, v in runs.items()}
    return {
        "client_s": median["client"],
        "curl_s": median["curl"],
        "ratio": median["client"] / median["curl"],
        "client_peak_mib": peak["client"],
        "client_small_peak_mib": peak["client_small"],
        "curl_peak_mib": peak["curl"],
    }
