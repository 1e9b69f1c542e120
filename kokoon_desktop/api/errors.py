"""One hierarchy for everything that can go wrong talking to the service.

Every error carries a sentence fit for a person: ``message``, in the user's language (see
`kokoon_desktop.i18n`), and ``str(error)``, the same in English for logs. When the server sent
its own ``message``, it is kept verbatim in ``server_message``. Callers map classes to what they
show: the CLI to exit codes, the window to messages. No traceback is meant to reach a user.
"""

from __future__ import annotations


class KokoonError(Exception):
    """Base of every error the API client raises."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        server_message: str | None = None,
        shown: str | None = None,
    ) -> None:
        super().__init__(message)
        #: As shown to the user: ``shown`` when given (the translation), else ``message``.
        self.message = message if shown is None else shown
        self.status = status
        self.server_message = server_message


class AuthenticationError(KokoonError):
    """No token, or the service refused it (401/403): the user needs to sign in again."""


class InsufficientCreditError(KokoonError):
    """The account cannot pay for the task (the service says ``insufficient credit``)."""


class RequestRejectedError(KokoonError):
    """The service refused the request as invalid (a 4xx other than the ones below)."""


class NotFoundError(RequestRejectedError):
    """The video or task does not exist, or belongs to another account (404)."""


class RateLimitedError(RequestRejectedError):
    """Too many requests (429); ``retry_after`` is the wait the server asked for, if any."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = 429,
        server_message: str | None = None,
        retry_after: float | None = None,
        shown: str | None = None,
    ) -> None:
        super().__init__(message, status=status, server_message=server_message, shown=shown)
        self.retry_after = retry_after


class ServerError(KokoonError):
    """The service failed (5xx)."""


class NetworkError(KokoonError):
    """The service could not be reached or the exchange broke off (DNS, connect, timeout)."""


class TaskOutcomeUnknownError(KokoonError):
    """A task creation may have reached the service but no usable answer came back.

    The task may exist and may have been charged. It is never retried automatically: the way to
    find out is to look for it with ``GET /task``, not to send it again.
    """


class MalformedResponseError(KokoonError):
    """The service answered with a body that is not the documented shape."""


class TransferError(KokoonError):
    """An upload or download did not complete intact (size mismatch, unreadable file)."""
