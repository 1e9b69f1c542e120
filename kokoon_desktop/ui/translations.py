"""The interface in the system's language: the app's own translations (`resources/translations`,
made from the `.ts` files by `make`) and Qt's for its standard dialogs and buttons, and numbers
and dates written as the system's locale writes them.

English is the source language: with no translation for the system's language, or none
built, the interface stays in English. ``KOKOON_LANGUAGE`` (``en``, ``ko``) chooses a language
instead of the system's.

The texts of the layers without Qt (messages of services, units of sizes) are translated
through `kokoon_desktop.i18n`, whose hooks `install` sets to Qt's translator and the locale's
number and date formats, and `uninstall` resets.

A language is switched on for users (`SHIPPED`) only once every string of the interface is
marked for translation and translated: half a Korean window is worse than an English one.
"""

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from kokoon_desktop import i18n
from kokoon_desktop.environment import ENV_LANGUAGE
from kokoon_desktop.resources import resource

__all__ = ["LANGUAGES", "SHIPPED", "install", "install_formats", "system_locale", "uninstall"]

#: The languages translated besides English (their `.ts` files).
LANGUAGES = ("ko",)
#: The languages users get; see the module's note.
SHIPPED: tuple[str, ...] = ("ko",)
_APP_FILE = "kokoon_desktop_{}.qm"


def install(
    app: QCoreApplication, locale: QLocale | None = None, languages: tuple[str, ...] = SHIPPED
) -> list[str]:
    """Load the translations for ``locale`` (the system's by default, see `system_locale`) when
    its language is one of ``languages``, and write numbers and dates as ``locale`` does; the
    translation files loaded."""
    locale = locale or system_locale()
    install_formats(locale)
    loaded: list[str] = []
    if locale.name().split("_")[0] not in languages:
        return loaded
    translators: list[QTranslator] = []
    folder = resource("translations")
    for name, directory in (
        ("kokoon_desktop", str(folder)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            translators.append(translator)
            loaded.append(translator.filePath())
    app.setProperty("kokoon_translators", translators)  # kept alive with the app
    if translators:
        i18n.set_translator(QCoreApplication.translate)
    return loaded


def uninstall(app: QCoreApplication) -> None:
    """Back to English and locale-blind numbers and dates (tests that switched languages)."""
    for translator in app.property("kokoon_translators") or []:
        app.removeTranslator(translator)
    app.setProperty("kokoon_translators", [])
    i18n.set_translator(None)
    i18n.set_formats()


def system_locale() -> QLocale:
    """The system's locale, or the language ``KOKOON_LANGUAGE`` names (``en``: English)."""
    chosen = os.environ.get(ENV_LANGUAGE, "").strip()
    if chosen:
        return QLocale(chosen)
    return QLocale.system()


def install_formats(locale: QLocale) -> None:
    """Numbers and dates of the layers without Qt (`kokoon_desktop.i18n`) as ``locale`` writes
    them: its decimal separator and digit grouping, its short date and time."""

    def number(value: float | Decimal, decimals: int, grouped: bool) -> str:
        shown = QLocale(locale)
        if not grouped:
            shown.setNumberOptions(shown.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
        return shown.toString(float(value), "f", decimals)

    def date_time(when: datetime) -> str:
        local = when.astimezone()
        moment = QDateTime(
            QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
        )
        return locale.toString(moment, QLocale.FormatType.ShortFormat)

    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        i18n.set_formats()  # no locale chosen (LANG=C): the plain forms, 2024-05-01 14:30
        return
    i18n.set_formats(number, date_time)
