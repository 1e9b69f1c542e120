"""A request as a curl command people can paste, with the token left as a placeholder."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping

from kokoon_desktop.core.endpoint import AuthScheme

TOKEN_PLACEHOLDER = "$KOKOON_TOKEN"  # noqa: S105 - a placeholder, never a real token


def create_task_curl(
    base_url: str, body: Mapping[str, object], scheme: AuthScheme = AuthScheme.RAW
) -> str:
    """``POST /task`` with this body, as the documentation's examples write it.

    The token is never put in: the command reads it from the shell's ``KOKOON_TOKEN``.
    """
    header = "Bearer " + TOKEN_PLACEHOLDER if scheme is AuthScheme.BEARER else TOKEN_PLACEHOLDER
    payload = json.dumps(dict(body), indent=2)
    return (
        f"curl -X POST {shlex.quote(base_url.rstrip('/') + '/task')} \\\n"
        f"  -H 'Content-Type: application/json' \\\n"
        f'  -H "Authorization: {header}" \\\n'
        f"  -d {shlex.quote(payload)}"
    )
