"""The app's log: a rotating file in the profile's log folder, with secrets taken out.

Everything that reaches the file goes through :class:`RedactingFilter` first: the message with
its arguments, the traceback of a logged exception and a logged stack. It removes the values the
app registers (the API token, at sign-in) and anything shaped like a credential even when nobody
registered it: ``Authorization`` headers, JWTs, and the signature and credential parameters of
pre-signed storage links. :func:`redact` does the same for any text (crash reports).

The secrets registry is process-wide on purpose: a token may end up in any logger's record.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

#: What takes secrets out of a text (a crash report, a log line) before it is shown or kept.
Redact = Callable[[str], str]

__all__ = [
    "BACKUP_COUNT",
    "MAX_BYTES",
    "REDACTED",
    "Redact",
    "RedactingFilter",
    "close_logging",
    "configure_logging",
    "redact",
    "register_secret",
]

MAX_BYTES = 1_000_000
"""Size at which the log file is rotated."""
BACKUP_COUNT = 5
"""Rotated files kept (``.1`` newest ... ``.5`` oldest): the log never takes more than ~6 MB."""
REDACTED = "[redacted]"

MIN_SECRET_LENGTH = 4
"""Shorter values are not registered: replacing every "ab" would make the log unreadable, and
no real token is that short."""

_AUTHORIZATION = re.compile(
    r"""
    (\b(?:proxy-)?authorization\b         # the header's name, in any case
      (?: ["']?\s*[:=]\s*(?:b?["'])?      # Authorization: x, 'authorization': 'x', auth=x
        | ["']\s*,\s*b?["'] )             # (b'authorization', b'x') in raw header lists
    )
    ((?:bearer|basic|token)\s+)?          # the scheme stays readable
    [^\s"',;}\])]+                        # the credential
    """,
    re.IGNORECASE | re.VERBOSE,
)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_QUERY_SECRETS = re.compile(
    r"""
    (?<![\w-])
    ((?:x-amz-signature|x-amz-security-token|x-amz-credential|x-goog-signature
       |x-goog-credential|signature|sig|token|access_token|api_key|apikey)=)
    [^&\s"'#]+
    """,
    re.IGNORECASE | re.VERBOSE,
)

_lock = threading.Lock()
_secrets: set[str] = set()
_registered: re.Pattern[str] | None = None


def register_secret(value: str) -> None:
    """Redact ``value`` from every log record and report from now on (the token at sign-in).

    Its URL-encoded and JSON-escaped forms are redacted too, as a value can be logged as part
    of a URL or a JSON body.
    """
    global _registered
    value = value.strip() if isinstance(value, str) else ""
    if len(value) < MIN_SECRET_LENGTH:
        return
    forms = {value, quote(value, safe=""), json.dumps(value)[1:-1]}
    with _lock:
        if forms <= _secrets:
            return
        _secrets.update(forms)
        ordered = sorted(_secrets, key=len, reverse=True)  # a longer form wins over its part
        _registered = re.compile("|".join(re.escape(secret) for secret in ordered))


def _forget_secrets() -> None:
    """For tests: start again with no registered secret."""
    global _registered
    with _lock:
        _secrets.clear()
        _registered = None


def redact(text: str) -> str:
    """``text`` with registered secrets and credential-shaped values replaced by ``[redacted]``."""
    registered = _registered
    if registered is not None:
        text = registered.sub(REDACTED, text)
    text = _AUTHORIZATION.sub(lambda m: f"{m[1]}{m[2] or ''}{REDACTED}", text)
    text = _JWT.sub(REDACTED, text)
    return _QUERY_SECRETS.sub(lambda m: f"{m[1]}{REDACTED}", text)


class RedactingFilter(logging.Filter):
    """Redacts a record in place before its handler formats it; never drops a record.

    The arguments are merged into the message first (a secret is usually an argument), and a
    logged exception's traceback is formatted here so it can be redacted too.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            # Logging would print the arguments to stderr while reporting the bad format.
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _utc_formatter() -> logging.Formatter:
    """Times in UTC with milliseconds (ISO-8601), so logs from anywhere line up."""
    formatter = logging.Formatter(
        "%(asctime)s.%(msecs)03dZ %(process)d %(levelname)s %(name)s: %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
    )
    formatter.converter = _gmtime
    return formatter


def _gmtime(seconds: float | None) -> time.struct_time:
    return time.gmtime(seconds)


#: The name of our handler on the root logger, so it is told apart from any other and added
#: only once.
_HANDLER_NAME = "kokoon_desktop.profile_log"


def _our_handlers() -> list[RotatingFileHandler]:
    # Imported on first use: the app sets up its log once the window is on screen, and this
    # module (with the socket, pickle and queue modules it loads) is not needed before.
    from logging.handlers import RotatingFileHandler

    return [
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, RotatingFileHandler) and handler.get_name() == _HANDLER_NAME
    ]


def configure_logging(
    log_file: Path,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> None:
    """Send every logger's records at ``level`` and above to ``log_file``, rotated and redacted.

    Idempotent: calling it again changes the level (and the file, if another is given) without
    adding a second handler.
    """
    from logging.handlers import RotatingFileHandler

    log_file = Path(log_file).absolute()
    root = logging.getLogger()
    for ours in _our_handlers():
        same = (
            Path(ours.baseFilename) == log_file
            and ours.maxBytes == max_bytes
            and ours.backupCount == backup_count
        )
        if same:
            root.setLevel(level)
            return
        root.removeHandler(ours)
        ours.close()
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        log_file, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(_utc_formatter())
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)


def close_logging() -> None:
    """Remove and close the handler ``configure_logging`` added (at exit, and in tests)."""
    root = logging.getLogger()
    for handler in _our_handlers():
        root.removeHandler(handler)
        handler.close()
