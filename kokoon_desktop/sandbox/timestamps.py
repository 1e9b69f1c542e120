"""Time formats of the v3 API: ISO-8601 UTC with milliseconds, and YYYY-MM-DD date filters."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: An original video expires this long after it was created (documented: 14 days).
ORIGINAL_LIFETIME_S = 14 * 24 * 3600


def iso_ms(t: float) -> str:
    """Format like the docs' examples: ``2024-02-01T12:17:32.699Z``."""
    moment = datetime.fromtimestamp(t, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def utc_date(t: float) -> date:
    """The UTC calendar day of a timestamp; the date filters compare against it."""
    return datetime.fromtimestamp(t, UTC).date()


def parse_date(text: str) -> date | None:
    """A strict ``YYYY-MM-DD`` (what the docs show), or None when it is not one."""
    if not _DATE_RE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def amz_date(t: float) -> str:
    """The compact UTC form S3 uses in ``X-Amz-Date`` (``20240201T121732Z``)."""
    return datetime.fromtimestamp(t, UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_amz_date(text: str) -> float | None:
    """Inverse of :func:`amz_date`; None for anything malformed."""
    try:
        moment = datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return moment.timestamp()
