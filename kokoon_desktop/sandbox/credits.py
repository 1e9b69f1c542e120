"""The simulator's price list.

The real cost formula of the Kokoon service is not published. This one is the simulator's own
invention, chosen only so that costs react the way users expect (longer range, bigger output and
higher input quality all cost more) and stay small whole numbers:

    SR:          max(1, ceil(seconds * (width * height) / (1920 * 1080) * factor))
                 factor = 2 when input_quality == "high", else 1
                 seconds = the selected range (duration ms / 1000), or the source's whole
                 duration when start_pos = duration = 0
    SR_PREVIEW:  1

Clients must never copy this formula; they ask ``POST /credit/calc``.
"""

from __future__ import annotations

import math

PREVIEW_COST = 1
_FULL_HD_PIXELS = 1920 * 1080


def task_cost(
    *, task_type: str, seconds: float, width: int, height: int, input_quality: str
) -> int:
    """Credits a task costs; see the module docstring for the (invented) rule."""
    if task_type != "SR":
        return PREVIEW_COST
    factor = 2 if input_quality == "high" else 1
    # Round to micro-units first so float noise (3.0000000001) does not add a whole credit.
    raw = round(seconds * (width * height) / _FULL_HD_PIXELS * factor, 6)
    return max(1, math.ceil(raw))
