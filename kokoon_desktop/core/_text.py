"""Rendering of bad values inside messages: short, safe, and never raising."""

from __future__ import annotations

__all__ = ["show"]

_SHOWN_MAX = 48
_LARGE = 10**40


def show(value: object) -> str:
    """Show a value the user gave, for a message: quoted text, plain numbers, cut if long.

    Messages are built from whatever reached a check (a form field, a stored body), so this
    must work for any object: it never calls an arbitrary `__repr__`, which could raise.
    """
    if isinstance(value, str):
        text = value.strip()
        if len(text) > _SHOWN_MAX:
            text = text[: _SHOWN_MAX - 1] + "…"
        return repr(text)
    if type(value) is int and abs(value) >= _LARGE:
        # str() of a huge int is slow, and refused past 4300 digits: describe it instead.
        return f"a {int(value.bit_length() * 0.30103) + 1}-digit number"
    if value is None or type(value) in (bool, int, float):
        text = repr(value)
        if len(text) > _SHOWN_MAX:
            text = text[: _SHOWN_MAX - 1] + "…"
        return text
    return f"a value of type {type(value).__name__}"
