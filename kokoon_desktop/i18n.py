"""Texts and numbers in the user's language, for the layers without Qt (core, api, storage,
services, media): `translate` for sentences, `number` and `date_time` for what the locale
writes its own way.

Out of the box everything is English and locale-blind, as the command line and the logs want
it; the window (`ui/translations.py`) installs Qt's translator and the system locale's formats
as hooks when it starts. The simulator (`sandbox/`) and the command line (`cli/`) stay English:
lupdate does not read them, and neither installs a hook.

Mark a sentence where it is made, spelled ``translate("Context", "text")`` (lupdate finds calls
spelled so), with named placeholders filled by ``.format`` after translating; a table of texts
translated where they are shown marks its entries with `QT_TRANSLATE_NOOP`. A text that is also
logged is translated only where it is shown: a log line is never translated.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

__all__ = [
    "QT_TRANSLATE_NOOP",
    "DateTimeFormat",
    "English",
    "NumberFormat",
    "Said",
    "Translator",
    "date_time",
    "english",
    "number",
    "set_formats",
    "set_translator",
    "translate",
]

#: ``(context, source text) -> text shown``.
Translator = Callable[[str, str], str]
#: ``(value, decimals, grouped) -> text``: with the locale's decimal separator, and its digit
#: grouping when ``grouped``.
NumberFormat = Callable[[float | Decimal, int, bool], str]
#: ``aware datetime -> text``: the locale's short date and time, in the local time zone.
DateTimeFormat = Callable[[datetime], str]


def _english_number(value: float | Decimal, decimals: int, grouped: bool) -> str:
    return f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"


def _english_date_time(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


_translator: Translator | None = None
_number: NumberFormat = _english_number
_date_time: DateTimeFormat = _english_date_time


def translate(context: str, text: str) -> str:
    """``text`` in the user's language (itself until a translator is installed)."""
    return text if _translator is None else _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate and returns it untouched: translated where it is shown."""
    return text


class Said(NamedTuple):
    """A sentence twice: in English (for logs and the command line) and as shown to the user."""

    english: str
    shown: str

    def format(self, **fields: object) -> Said:
        return Said(self.english.format(**fields), self.shown.format(**fields))


class English:
    """``english.translate("Context", "text")``: the text in English and in the user's language
    (see `Said`), for an error whose words are logged and also shown."""

    def translate(self, context: str, text: str) -> Said:
        return Said(text, translate(context, text))


english = English()


def number(value: float | Decimal, decimals: int = 0, *, grouped: bool = True) -> str:
    """``value`` with ``decimals`` digits after the separator, digits grouped unless not
    ``grouped``: ``1,234.5``."""
    return _number(value, decimals, grouped)


def date_time(when: datetime) -> str:
    """A moment as a short local date and time: ``2024-05-01 14:30``."""
    return _date_time(when)


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates (None: English again)."""
    global _translator
    _translator = translator


def set_formats(
    number: NumberFormat | None = None, date_time: DateTimeFormat | None = None
) -> None:
    """Install the locale's formats (None: the English, locale-blind ones again)."""
    global _number, _date_time
    _number = number or _english_number
    _date_time = date_time or _english_date_time
