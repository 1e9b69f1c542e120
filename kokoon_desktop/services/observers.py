"""Calling the window's plain-callback observers without letting one break the services.

A failing observer (a bug in a view) must not leave a submission half-recorded or stop the
polling of every task. Its exception goes to the running loop's exception handler, where the
app routes unhandled errors to the crash dialog, and the service carries on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger(__name__)

_T = TypeVar("_T")


def notify(callback: Callable[[_T], None] | None, value: _T) -> None:
    """Call ``callback(value)``; report an exception instead of raising it."""
    if callback is None:
        return
    try:
        callback(value)
    except Exception as exc:
        report_exception(exc, f"observer {callback!r} raised")


def report_exception(exc: BaseException, message: str) -> None:
    """Hand an exception no caller will see to the loop's handler (or the log, without one)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        log.error("%s", message, exc_info=exc)
        return
    loop.call_exception_handler({"message": message, "exception": exc})
