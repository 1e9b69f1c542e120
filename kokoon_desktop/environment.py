"""Environment variables that take precedence over stored settings (automation, kiosks)."""

from __future__ import annotations

ENV_TOKEN = "KOKOON_TOKEN"  # noqa: S105 - the variable's name, not a secret
ENV_API_URL = "KOKOON_API_URL"
ENV_AUTH_SCHEME = "KOKOON_AUTH_SCHEME"
#: The interface's language ("en", "ko") instead of the system's: for screenshots, support, and
#: tests that must read the same words on every machine.
ENV_LANGUAGE = "KOKOON_LANGUAGE"
