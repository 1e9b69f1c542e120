"""The frozen app (``make package``) against the source install, started by turns in one run.

Both start in demo mode on a fresh profile and are timed from launch until they print that
their window is interactive, then connected (see ``bench.startup``). The source install runs
with its bytecode cache, as pip leaves it. The sizes of the folder and of the packages built
from it are read too.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.startup import _time_until

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "dist" / "kokoon-desktop"


def _ensure_built() -> None:
    if not (FOLDER / "kokoon-desktop").is_file():
        # Needs the package extra: `make package` installs it.
        subprocess.run([sys.executable, "packaging/build_linux.py", "--fast"], cwd=ROOT, check=True)


def _mib(path: Path) -> float:
    out = subprocess.run(["du", "-sm", str(path)], check=True, capture_output=True, text=True)
    return float(out.stdout.split()[0])


def run(repeats: int = 7) -> dict[str, float | str]:
    _ensure_built()
    env = {
        k: v for k, v in os.environ.items() if k not in ("KOKOON_TOKEN", "PYTHONDONTWRITEBYTECODE")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    source = [sys.executable, "-m", "kokoon_desktop", "--demo", "--exit-when-ready"]
    frozen = [str(FOLDER / "kokoon-desktop"), "--demo", "--exit-when-ready"]
    ready: dict[str, list[float]] = {"source": [], "frozen": []}
    connected: dict[str, list[float]] = {"source": [], "frozen": []}
    with tempfile.TemporaryDirectory(prefix="kokoon-frozen-startup-") as tmp:
        profiles = Path(tmp)
        # Untimed first starts: demo clips cached, bytecode written, files in the page cache.
        for name, command in (("source", source), ("frozen", frozen)):
            _time_until([*command, "--profile-dir", str(profiles / f"{name}-warm")], env, 2)
        for turn in range(repeats):
            order = (("source", source), ("frozen", frozen))
            for name, command in order if turn % 2 == 0 else order[::-1]:
                profile = ["--profile-dir", str(profiles / f"{name}-{turn}")]
                first, second = _time_until([*command, *profile], env, 2)
                ready[name].append(first)
                connected[name].append(second)
    source_s, frozen_s = statistics.median(ready["source"]), statistics.median(ready["frozen"])
    debs = sorted((ROOT / "dist").glob("kokoon-desktop_*_amd64.deb"))
    tarballs = sorted((ROOT / "dist").glob("kokoon-desktop-*-linux-x86_64.tar.gz"))
    return {
        "source_s": source_s,
        "frozen_s": frozen_s,
        "ratio": frozen_s / source_s,
        "source_connected_s": statistics.median(connected["source"]),
        "frozen_connected_s": statistics.median(connected["frozen"]),
        "folder_mib": _mib(FOLDER),
        "deb_mib": debs[-1].stat().st_size / 2**20 if debs else float("nan"),
        "tarball_mib": tarballs[-1].stat().st_size / 2**20 if tarballs else float("nan"),
        "runs": repeats,
    }
