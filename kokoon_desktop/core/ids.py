"""Identifiers: users, videos and tasks are UUID strings (API reference §1.4).

IDs are pasted by people (from e-mails, logs, web pages), so the checks here are strict about
the shape but forgive surrounding whitespace and upper case, and say what a valid ID looks like.
"""

from __future__ import annotations

import re

from kokoon_desktop.core._text import show
from kokoon_desktop.i18n import translate

__all__ = ["EXAMPLE_UUID", "NIL_UUID", "is_uuid", "normalize_uuid", "not_a_uuid_message"]

NIL_UUID = "00000000-0000-0000-0000-000000000000"
"""The all-zero ID the API puts in `pid` and `tid` of an original upload: "no parent"."""

EXAMPLE_UUID = "de5e9990-c0fb-11ee-961f-d12490e606ad"
"""A real-looking ID (the upload example of the docs), shown in messages as a model."""

# Explicit ASCII classes: `\d` would also accept other scripts' digits.
_UUID_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


def is_uuid(text: str) -> bool:
    """True for the canonical 8-4-4-4-12 hex form, in any case, with nothing around it.

    Total: anything that is not a string is simply not a UUID.
    """
    return isinstance(text, str) and _UUID_RE.fullmatch(text) is not None


def normalize_uuid(text: str, what: str = "ID") -> str:
    """Return the ID stripped and lower-cased, or raise ValueError saying what an ID looks like.

    `what` names the kind of ID in the message ("video ID", "task ID"), so the same check
    serves every field and command-line argument.
    """
    candidate = text.strip() if isinstance(text, str) else text
    if isinstance(candidate, str) and is_uuid(candidate):
        return candidate.lower()
    raise ValueError(not_a_uuid_message(text, what))


def not_a_uuid_message(value: object, what: str = "ID") -> str:
    """The person-readable refusal used by `normalize_uuid` and the task-spec rules."""
    if what == "video ID":  # the form's: whole sentences, translated
        if isinstance(value, str) and not value.strip():
            return translate("Ids", "No video ID given: IDs look like {example}").format(
                example=EXAMPLE_UUID
            )
        return translate("Ids", "{value} is not a video ID: IDs look like {example}").format(
            value=show(value), example=EXAMPLE_UUID
        )
    hint = f"IDs look like {EXAMPLE_UUID}"
    if isinstance(value, str) and not value.strip():
        return f"No {what} given: {hint}"
    article = "an" if what[:1] and what[0].upper() in "AEIOU" else "a"
    return f"{show(value)} is not {article} {what}: {hint}"
