"""The command line's exit codes, one per kind of outcome a script may want to branch on."""

from __future__ import annotations

from kokoon_desktop.api.errors import (
    AuthenticationError,
    InsufficientCreditError,
    KokoonError,
    RequestRejectedError,
)

OK = 0
OTHER = 1
INVALID_INPUT = 2
AUTH = 3
CREDIT = 4
REFUSED = 5
FAILED = 6

EPILOG = """\
exit codes:
  0  success
  1  anything else (including `status --wait` and `submit --wait` for a task that ended in
     error or cancel)
  2  invalid input or usage: nothing was sent (`download --sidecar` of an original upload:
     only its details were read)
  3  authentication failed, or no token
  4  insufficient credit
  5  the server refused the request (other 4xx: validation, not found, rate limited)
  6  the server or the network failed (5xx, timeout, connection, malformed response,
     a task creation whose outcome is unknown, an incomplete transfer)

The token is read from --token, else KOKOON_TOKEN, else the system keychain (kokoon login).
The API address is read from --api-url, else KOKOON_API_URL, else the documented host.
"""


def exit_code_for(error: KokoonError) -> int:
    """The exit code of an API error."""
    if isinstance(error, AuthenticationError):
        return AUTH
    if isinstance(error, InsufficientCreditError):
        return CREDIT
    if isinstance(error, RequestRejectedError):
        return REFUSED
    return FAILED
