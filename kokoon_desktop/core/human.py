"""Short texts people read: sizes, durations, dates, credit. Shared by the CLI and the window.

Numbers, dates and units follow the user's language and locale through `kokoon_desktop.i18n`
(the window installs them; the CLI keeps the English, locale-blind forms). Durations are clock
times (``M:SS.mmm``), the same in every language.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kokoon_desktop.i18n import date_time, number, translate


def file_size(size: int | None) -> str:
    if size is None:
        return "—"
    value = float(size)
    if value < 1000:
        return translate("human", "{size} B").format(size=number(value, 0, grouped=False))
    for unit in ("KB", "MB"):
        value /= 1000
        if value < 1000:
            sized = (
                translate("human", "{size} KB") if unit == "KB" else translate("human", "{size} MB")
            )
            return sized.format(size=number(value, 1, grouped=False))
    return translate("human", "{size} GB").format(size=number(value / 1000, 1, grouped=False))


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
    return date_time(when)


def credit(value: Decimal | None) -> str:
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return number(int(value), 0)
    exponent = value.normalize().as_tuple().exponent
    return number(value, -exponent if isinstance(exponent, int) else 0)


def percent(fraction: float) -> str:
    """``0.42`` as ``42%``."""
    return translate("human", "{percent}%").format(percent=number(fraction * 100, 0))


def duration_between(start: datetime, end: datetime) -> str:
    """How long until ``end``, roughly, as people say it: "2 days", "5 h", "12 min"."""
    seconds = max(0, int((end - start).total_seconds()))
    if seconds >= 2 * 86_400:
        return translate("human", "{count} days").format(count=seconds // 86_400)
    if seconds >= 3_600:
        return translate("human", "{count} h").format(count=seconds // 3_600)
    return translate("human", "{count} min").format(count=max(1, seconds // 60))
