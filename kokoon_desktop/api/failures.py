"""Turning failed exchanges into the errors of :mod:`kokoon_desktop.api.errors`.

The documentation lists no status codes, only two ``{"message": ...}`` bodies, so the mapping
leans on the status class and recognises ``insufficient credit`` by its text, whatever status
carries it.
"""

from __future__ import annotations

import json
import os
import socket
import ssl
from collections.abc import Iterator

import httpx

from kokoon_desktop.api.errors import (
    AuthenticationError,
    InsufficientCreditError,
    KokoonError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestRejectedError,
    ServerError,
)
from kokoon_desktop.api.http_transport import proxy_of
from kokoon_desktop.api.retry import parse_retry_after
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, Said, translate

INSUFFICIENT_CREDIT = "insufficient credit"
_MAX_SHOWN_TEXT = 200


def server_message_of(response: httpx.Response) -> str | None:
    """The server's own words: ``message`` of a JSON body, else a short plain-text body."""
    try:
        text = response.text
    except (httpx.ResponseNotRead, UnicodeDecodeError):
        return None
    if not text.strip():
        return None
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        message = body.get("message")
        return str(message) if message is not None else None
    if "<html" in text[:500].lower():
        return None  # a proxy's error page says nothing a person can use
    stripped = " ".join(text.split())
    if len(stripped) > _MAX_SHOWN_TEXT:
        stripped = stripped[: _MAX_SHOWN_TEXT - 3] + "..."
    return stripped


def _said(text: str) -> Said:
    """A sentence of this module (marked with QT_TRANSLATE_NOOP in the context "ApiErrors"), in
    English for the log and the command line and translated for the window."""
    return Said(text, translate("ApiErrors", text))


def _ended(said: str) -> str:
    """The server's words ending with a full stop, where another sentence follows."""
    return said if said.endswith((".", "!", "?")) else said + "."


def error_from_response(response: httpx.Response) -> KokoonError:
    """The error a non-success response stands for."""
    status = response.status_code
    said = server_message_of(response)
    fields = {"status": status, "said": said, "said_ended": _ended(said or "")}
    if said is not None and INSUFFICIENT_CREDIT in said.lower():
        text = _said(QT_TRANSLATE_NOOP("ApiErrors", "Not enough credit for this task."))
        return InsufficientCreditError(
            text.english, status=status, server_message=said, shown=text.shown
        )
    if status in (401, 403):
        text = _said(
            QT_TRANSLATE_NOOP(
                "ApiErrors",
                "The service refused the API token ({status}): {said_ended} Sign in again "
                "with a valid token.",
            )
            if said
            else QT_TRANSLATE_NOOP(
                "ApiErrors",
                "The service refused the API token ({status}). Sign in again with a valid token.",
            )
        ).format(**fields)
        return AuthenticationError(
            text.english, status=status, server_message=said, shown=text.shown
        )
    if status == 404:
        text = _said(
            QT_TRANSLATE_NOOP("ApiErrors", "Not found: {said}")
            if said
            else QT_TRANSLATE_NOOP("ApiErrors", "Not found.")
        ).format(**fields)
        return NotFoundError(text.english, status=status, server_message=said, shown=text.shown)
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is not None:
            text = _said(
                QT_TRANSLATE_NOOP(
                    "ApiErrors",
                    "The service is limiting requests (429): {said_ended} Try again in "
                    "{seconds} s.",
                )
                if said
                else QT_TRANSLATE_NOOP(
                    "ApiErrors",
                    "The service is limiting requests (429). Try again in {seconds} s.",
                )
            ).format(seconds=f"{retry_after:.0f}", **fields)
        else:
            text = _said(
                QT_TRANSLATE_NOOP("ApiErrors", "The service is limiting requests (429): {said}")
                if said
                else QT_TRANSLATE_NOOP("ApiErrors", "The service is limiting requests (429).")
            ).format(**fields)
        return RateLimitedError(
            text.english,
            status=status,
            server_message=said,
            retry_after=retry_after,
            shown=text.shown,
        )
    if 400 <= status < 500:
        text = _said(
            QT_TRANSLATE_NOOP("ApiErrors", "The service refused the request ({status}): {said}")
            if said
            else QT_TRANSLATE_NOOP("ApiErrors", "The service refused the request ({status}).")
        ).format(**fields)
        return RequestRejectedError(
            text.english, status=status, server_message=said, shown=text.shown
        )
    if status >= 500:
        text = _said(
            QT_TRANSLATE_NOOP(
                "ApiErrors", "The service failed ({status}): {said_ended} Try again later."
            )
            if said
            else QT_TRANSLATE_NOOP("ApiErrors", "The service failed ({status}). Try again later.")
        ).format(**fields)
        return ServerError(text.english, status=status, server_message=said, shown=text.shown)
    text = _said(
        QT_TRANSLATE_NOOP("ApiErrors", "The service answered with an unexpected status {status}.")
    ).format(**fields)
    return MalformedResponseError(text.english, status=status, shown=text.shown)


def decode_json(response: httpx.Response) -> object:
    """The body of a success response as JSON, or a malformed-response error."""
    try:
        return json.loads(response.content)
    except ValueError:
        text = _said(
            QT_TRANSLATE_NOOP(
                "ApiErrors", "The service sent an answer that is not JSON (status {status})."
            )
        ).format(status=response.status_code)
        raise MalformedResponseError(
            text.english, status=response.status_code, shown=text.shown
        ) from None


#: A transport failure's sentences, each twice: (directly, through a proxy).
_NETWORK = {
    "untrusted": (
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not connect to {host}: the certificate presented for {host} is not trusted "
            "here. Check the API address, or ask whoever runs the network which authority to "
            "trust.",
        ),
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not reach {host} through the proxy {proxy}: the certificate presented for "
            "{host} is not trusted here. A proxy that inspects encrypted traffic needs its "
            "authority in the system's certificate store.",
        ),
    ),
    "proxy_refused": (
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not connect to {host}: the proxy refused ({reason}). Check the proxy settings.",
        ),
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not reach {host} through the proxy {proxy}: the proxy refused ({reason}). "
            "Check the proxy settings.",
        ),
    ),
    "connect_timeout": (
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not connect to {host}: no answer in time. Check the network and the API "
            "address.",
        ),
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not reach {host} through the proxy {proxy}: no answer in time. Check the "
            "proxy settings and the network.",
        ),
    ),
    "connect_reason": (
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not connect to {host}: {reason}. Check the network and the API address.",
        ),
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not reach {host} through the proxy {proxy}: {reason}. Check the proxy "
            "settings and the network.",
        ),
    ),
    "connect": (
        QT_TRANSLATE_NOOP(
            "ApiErrors", "Could not connect to {host}. Check the network and the API address."
        ),
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "Could not reach {host} through the proxy {proxy}. Check the proxy settings and the "
            "network.",
        ),
    ),
    "slow": (
        QT_TRANSLATE_NOOP("ApiErrors", "{host} took too long to answer."),
        QT_TRANSLATE_NOOP("ApiErrors", "{host} took too long to answer through the proxy {proxy}."),
    ),
    "broke_off": (
        QT_TRANSLATE_NOOP(
            "ApiErrors", "The connection to {host} broke off before the exchange was complete."
        ),
        QT_TRANSLATE_NOOP(
            "ApiErrors",
            "The connection to {host} through the proxy {proxy} broke off before the exchange "
            "was complete.",
        ),
    ),
    "other": (
        QT_TRANSLATE_NOOP("ApiErrors", "Network error talking to {host}."),
        QT_TRANSLATE_NOOP(
            "ApiErrors", "Network error talking to {host} through the proxy {proxy}."
        ),
    ),
}


def network_error(exc: httpx.TransportError, host: str) -> NetworkError:
    """A person's sentence for a transport failure; never the exception's repr. A failure
    through a proxy names it (``host:port``, never its credentials)."""
    proxy = proxy_of(exc)
    reason: str | None = None
    if _caused_by(exc, ssl.SSLCertVerificationError):
        case = "untrusted"
    elif isinstance(exc, httpx.ProxyError):
        # httpcore's words are the proxy's status line ("407 Proxy Authentication Required").
        case = "proxy_refused"
        reason = " ".join(str(exc).split())[:_MAX_SHOWN_TEXT] or translate(
            "ApiErrors", "no reason given"
        )
    elif isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        case = "connect_timeout"
    elif isinstance(exc, httpx.ConnectError):
        reason = _system_reason(exc)
        case = "connect_reason" if reason else "connect"
    elif isinstance(exc, httpx.TimeoutException):
        case = "slow"
    elif isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        case = "broke_off"
    else:
        case = "other"
    text = _said(_NETWORK[case][1 if proxy else 0]).format(host=host, proxy=proxy, reason=reason)
    return NetworkError(text.english, shown=text.shown)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what caused it: httpx's error, httpcore's, the socket's or TLS's."""
    seen: BaseException | None = exc
    for _ in range(8):  # such chains are short; a cycle must not loop forever
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    return any(isinstance(cause, kind) for cause in _causes(exc))


def _system_reason(exc: BaseException) -> str | None:
    """The operating system's words for a failed connection ("connection refused")."""
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror) and cause.strerror:
            words = cause.strerror  # the resolver's own ("Name or service not known")
        elif isinstance(cause, OSError) and not isinstance(cause, ssl.SSLError) and cause.errno:
            words = os.strerror(cause.errno)  # asyncio's text also holds the address
        else:
            continue
        return words[:1].lower() + words[1:]
    return None


def never_reached_server(exc: httpx.TransportError) -> bool:
    """True when the request certainly did not reach the service: no connection was made, or
    a proxy refused to make one."""
    return isinstance(
        exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout | httpx.ProxyError
    )
