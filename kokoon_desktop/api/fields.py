"""Lenient readers for the service's JSON, which mixes types freely.

The documentation types numbers as strings in some places and the examples send JSON numbers
(and the other way round), so every numeric reader accepts both. A value that cannot be read
as what it should be is a :class:`MalformedResponseError`, never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kokoon_desktop.api.errors import MalformedResponseError


def as_object(value: object, context: str) -> Mapping[str, Any]:
    """The JSON object at ``context``, or a malformed-response error."""
    if not isinstance(value, Mapping):
        raise MalformedResponseError(
            f"The service sent an unexpected answer: {context} is not an object."
        )
    return value


class Fields:
    """Typed access to one JSON object's fields, naming the field in every error."""

    def __init__(self, data: object, context: str) -> None:
        self.data = as_object(data, context)
        self.context = context

    def _bad(self, key: str, expected: str) -> MalformedResponseError:
        shown = repr(self.data.get(key))
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return MalformedResponseError(
            f"The service sent an unexpected answer: {self.context}.{key} should be "
            f"{expected}, got {shown}."
        )

    def req_str(self, key: str) -> str:
        """A required text field, such as an ID: numbers are not taken for text here."""
        value = self.data.get(key)
        if not isinstance(value, str) or not value:
            raise self._bad(key, "present as text")
        return value

    def opt_str(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise self._bad(key, "text")

    def opt_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise self._bad(key, "a whole number")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                raise self._bad(key, "a whole number") from None
            if number.is_finite() and number == number.to_integral_value():
                return int(number)
        raise self._bad(key, "a whole number")

    def req_int(self, key: str) -> int:
        value = self.opt_int(key)
        if value is None:
            raise self._bad(key, "present")
        return value

    def opt_decimal(self, key: str) -> Decimal | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise self._bad(key, "a number")
        if isinstance(value, int | float | str):
            try:
                number = Decimal(str(value).strip())
            except InvalidOperation:
                raise self._bad(key, "a number") from None
            if number.is_finite():
                return number
        raise self._bad(key, "a number")

    def opt_bool(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        raise self._bad(key, "true or false")

    def opt_time(self, key: str) -> datetime | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                pass
        raise self._bad(key, "an ISO-8601 time")

    def opt_object(self, key: str) -> Mapping[str, Any] | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, Mapping):
            return value
        raise self._bad(key, "an object")

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        raise self._bad(key, "a list")
