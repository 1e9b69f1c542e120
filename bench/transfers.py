"""Upload and download of a large file: the Kokoon client against curl, same run, same server.

Both talk to the simulator running in its own process on loopback, and take turns going first.
Files live in memory (``/dev/shm`` where there is one) so that the disk's write-back, which
varies from one gigabyte to the next, does not drown the difference between the two clients.
Each transfer runs in a fresh process whose peak resident memory is sampled from
``/proc/PID/status`` (``VmHWM``); ``wait4``'s figure would include the benchmark's own memory,
which a forked child carries until it executes. The client is also run on a small file: flat
memory means the same peak whatever the size.
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


def _peak_rss_kib(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def _measure(command: Sequence[str], *, timed_by_child: bool) -> Run:
    """Run a command, returning its time (its own report, or wall time) and peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _peak_rss_kib(process.pid) or 0)
            time.sleep(0.01)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"{command[0]} failed ({process.returncode}): {err.read()!r}")
        report = out.read().decode().strip()
    seconds = float(report.splitlines()[-1]) if timed_by_child else wall
    return Run(seconds=seconds, peak_rss_mib=peak / 1024)


class SimulatorProcess:
    """``python -m kokoon_desktop.sandbox`` on a free loopback port."""

    def __init__(self, data_dir: Path, extra: Sequence[str] = ()) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kokoon_desktop.sandbox", "--port", "0",
             "--data-dir", str(data_dir), *extra],
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
    in_memory = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="kokoon-bench-", dir=in_memory) as tmp:
        work = Path(tmp)
        big = make_large_video(work / "big.mp4", size_bytes)
        small = make_large_video(work / "small.mp4", 64 * MiB)
        server = SimulatorProcess(work / "server")
        try:
            uploads: dict[str, list[Run]] = {"client": [], "curl": [], "client_small": []}
            downloads: dict[str, list[Run]] = {"client": [], "curl": [], "client_small": []}
            with httpx.Client(headers={"Authorization": DEMO_TOKEN}) as http:
                for turn in range(repeats):
                    pair = [
                        ("curl", _curl_upload(server.base_url, big), False),
                        ("client", _client("upload", server.base_url, big), True),
                    ]
                    for name, command, timed in pair if turn % 2 == 0 else pair[::-1]:
                        uploads[name].append(_measure(command, timed_by_child=timed))
                    uploads["client_small"].append(
                        _measure(_client("upload", server.base_url, small), timed_by_child=True)
                    )
                videos = http.get(f"{server.base_url}/video").json()["videos"]
                by_size = {v["size"]: v for v in videos}
                big_url, small_url = by_size[size_bytes]["url"], by_size[64 * MiB]["url"]
                target = work / "down.mp4"
                for turn in range(repeats):
                    pair = [
                        ("curl", ["curl", "-sS", "--fail", "-o", str(target), big_url], False),
                        ("client", _client("download", server.base_url, target, big_url,
                                           str(size_bytes)), True),
                    ]  # fmt: skip
                    for name, command, timed in pair if turn % 2 == 0 else pair[::-1]:
                        downloads[name].append(_measure(command, timed_by_child=timed))
                        if target.stat().st_size != size_bytes:
                            raise RuntimeError(f"{name}'s download has the wrong size")
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
