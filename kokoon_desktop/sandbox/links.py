"""Pre-signed storage links in the style of S3 query-string authentication.

The real service hands out S3 links that expire. The simulator signs its own links with a
secret that lives only as long as the sandbox, so a client that stores links, edits them or
uses them after ``X-Amz-Expires`` gets the same 403 it would get from S3.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from enum import Enum
from urllib.parse import quote, urlencode

from .timestamps import amz_date, parse_amz_date

_ALGORITHM = "AWS4-HMAC-SHA256"


class LinkCheck(Enum):
    """Why a storage request's signature was accepted or refused."""

    OK = "ok"
    MISSING = "missing"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"


class LinkSigner:
    """Makes and checks links ``{origin}{path}?X-Amz-...&X-Amz-Signature=...``."""

    def __init__(self, origin: str, ttl_s: int, secret: bytes | None = None) -> None:
        self.origin = origin.rstrip("/")
        self.ttl_s = ttl_s
        self._secret = secret or secrets.token_bytes(32)

    def _signature(self, path: str, date: str, expires: str) -> str:
        message = f"{path}\n{date}\n{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def sign(self, path: str, now: float) -> str:
        """A link to ``path`` (decoded, starting with ``/storage/``) valid for ``ttl_s``."""
        date = amz_date(now)
        expires = str(self.ttl_s)
        query = urlencode(
            {
                "X-Amz-Algorithm": _ALGORITHM,
                "X-Amz-Date": date,
                "X-Amz-Expires": expires,
                "X-Amz-SignedHeaders": "host",
                "X-Amz-Signature": self._signature(path, date, expires),
            }
        )
        return f"{self.origin}{quote(path)}?{query}"

    def check(self, path: str, query: Mapping[str, str], now: float) -> LinkCheck:
        """Verify the query of a storage request for the (decoded) ``path``."""
        date = query.get("X-Amz-Date")
        expires = query.get("X-Amz-Expires")
        signature = query.get("X-Amz-Signature")
        if not date or not expires or not signature:
            return LinkCheck.MISSING
        expected = self._signature(path, date, expires)
        if not hmac.compare_digest(expected, signature):
            return LinkCheck.BAD_SIGNATURE
        issued = parse_amz_date(date)
        if issued is None or not expires.isdigit():
            return LinkCheck.BAD_SIGNATURE
        if now > issued + int(expires):
            return LinkCheck.EXPIRED
        return LinkCheck.OK
