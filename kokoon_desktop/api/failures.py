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


def error_from_response(response: httpx.Response) -> KokoonError:
    """The error a non-success response stands for."""
    status = response.status_code
    said = server_message_of(response)
    with_said = f": {said}" if said else "."
    # Where another sentence follows, end the server's words with a full stop.
    ended = with_said if with_said.endswith((".", "!", "?")) else with_said + "."
    if said is not None and INSUFFICIENT_CREDIT in said.lower():
        return InsufficientCreditError(
            "Not enough credit for this task.", status=status, server_message=said
        )
    if status in (401, 403):
        return AuthenticationError(
            f"The service refused the API token ({status}){ended} "
            "Sign in again with a valid token.",
            status=status,
            server_message=said,
        )
    if status == 404:
        return NotFoundError(f"Not found{with_said}", status=status, server_message=said)
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        wait = f" Try again in {retry_after:.0f} s." if retry_after is not None else ""
        return RateLimitedError(
            f"The service is limiting requests (429){ended if wait else with_said}{wait}",
            status=status,
            server_message=said,
            retry_after=retry_after,
        )
    if 400 <= status < 500:
        return RequestRejectedError(
            f"The service refused the request ({status}){with_said}",
            status=status,
            server_message=said,
        )
    if status >= 500:
        return ServerError(
            f"The service failed ({status}){ended} Try again later.",
            status=status,
            server_message=said,
        )
    return MalformedResponseError(
        f"The service answered with an unexpected status {status}.", status=status
    )


def decode_json(response: httpx.Response) -> object:
    """The body of a success response as JSON, or a malformed-response error."""
    try:
        return json.loads(response.content)
    except ValueError:
        raise MalformedResponseError(
            f"The service sent an answer that is not JSON (status {response.status_code}).",
            status=response.status_code,
        ) from None


def network_error(exc: httpx.TransportError, host: str) -> NetworkError:
    """A person's sentence for a transport failure; never the exception's repr. A failure
    through a proxy names it (``host:port``, never its credentials)."""
    proxy = proxy_of(exc)
    via = f" through the proxy {proxy}" if proxy else ""
    if proxy:
        reach, check = f"Could not reach {host}{via}", "Check the proxy settings and the network."
    else:
        reach, check = f"Could not connect to {host}", "Check the network and the API address."
    if _caused_by(exc, ssl.SSLCertVerificationError):
        trust = (
            "A proxy that inspects encrypted traffic needs its authority in the system's "
            "certificate store."
            if proxy
            else "Check the API address, or ask whoever runs the network which authority to trust."
        )
        text = f"{reach}: the certificate presented for {host} is not trusted here. {trust}"
    elif isinstance(exc, httpx.ProxyError):
        # httpcore's words are the proxy's status line ("407 Proxy Authentication Required").
        said = " ".join(str(exc).split())[:_MAX_SHOWN_TEXT] or "no reason given"
        text = f"{reach}: the proxy refused ({said}). Check the proxy settings."
    elif isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        text = f"{reach}: no answer in time. {check}"
    elif isinstance(exc, httpx.ConnectError):
        reason = _system_reason(exc)
        text = f"{reach}: {reason}. {check}" if reason else f"{reach}. {check}"
    elif isinstance(exc, httpx.TimeoutException):
        text = f"{host} took too long to answer{via}."
    elif isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        text = f"The connection to {host}{via} broke off before the exchange was complete."
    else:
        text = f"Network error talking to {host}{via}."
    return NetworkError(text)


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
