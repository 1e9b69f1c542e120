"""Short texts people read: sizes, durations, dates, credit. Shared by the CLI and the window."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal


def file_size(size: int | None) -> str:
    if size is None:
        return "—"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"  # pragma: no cover - the loop always returns


def duration(seconds: Decimal | None) -> str:
    if seconds is None:
        return "—"
    return duration_ms(int(seconds * 1000))


def duration_ms(total_ms: int | None) -> str:
    """``M:SS.mmm``, or ``H:MM:SS.mmm`` from an hour on."""
    if total_ms is None:
        return "—"
    minutes, ms = divmod(total_ms, 60_000)
    hours, minutes = divmod(minutes, 60)
    secs = ms / 1000
    return f"{hours}:{minutes:02d}:{secs:06.3f}" if hours else f"{minutes}:{secs:06.3f}"


def local_time(when: datetime | None) -> str:
    if when is None:
        return "—"
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def credit(value: Decimal | None) -> str:
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0").rstrip(".")


def duration_between(start: datetime, end: datetime) -> str:
    """How long until ``end``, roughly, as people say it: "2 days", "5 h", "12 min"."""
    seconds = max(0, int((end - start).total_seconds()))
    if seconds >= 2 * 86_400:
        return f"{seconds // 86_400} days"
    if seconds >= 3_600:
        return f"{seconds // 3_600} h"
    return f"{max(1, seconds // 60)} min"
