"""Running a benchmark's worker module in a fresh, offscreen Python process.

Each worker prints its results as one JSON line, last on stdout; a worker that fails takes
its stderr's end into the error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

__all__ = ["run_worker"]


def run_worker(module: str, *args: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Run ``python -m module args…`` offscreen (plus `env`) and return its JSON report."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed: {done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report
