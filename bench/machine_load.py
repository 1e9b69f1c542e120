"""How busy other processes kept the machine while a benchmark ran, to judge its numbers.

Linux only (/proc/stat): the CPU time all processes used, less this process's and its
waited-for children's, over the wall time times the number of CPUs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["OtherLoad"]

_STAT = Path("/proc/stat")


def _busy_seconds() -> float | None:
    try:
        fields = _STAT.read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(value) for value in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and waiting for I/O
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class OtherLoad:
    """`with OtherLoad() as load:` around a run; then `load.share` (0 to 1) or None."""

    share: float | None = None

    def __enter__(self) -> OtherLoad:
        self._busy = _busy_seconds()
        self._own = _own_seconds()
        self._started = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        busy = _busy_seconds()
        wall = (time.monotonic() - self._started) * (os.cpu_count() or 1)
        if busy is None or self._busy is None or wall <= 0:
            return
        others = busy - self._busy - (_own_seconds() - self._own)
        self.share = min(1.0, max(0.0, others / wall))
