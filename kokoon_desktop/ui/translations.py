"""The interface in the system's language: the app's own translations (`resources/translations`,
made from the `.ts` files by `make`) and Qt's for its standard dialogs and buttons.

English is the source language: with no translation for the system's language, or none
built, the interface stays in English.

A language is switched on for users (`SHIPPED`) only once every string of the interface is
marked for translation and translated: half a Korean window is worse than an English one. The
Korean file holds what is marked so far (the window's menus, toolbar, form, empty states).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kokoon_desktop.resources import resource

__all__ = ["LANGUAGES", "SHIPPED", "install", "uninstall"]

#: The languages translated so far besides English (their `.ts` files).
LANGUAGES = ("ko",)
#: The languages users get; see the module's note.
SHIPPED: tuple[str, ...] = ()
_APP_FILE = "kokoon_desktop_{}.qm"


def install(
    app: QCoreApplication, locale: QLocale | None = None, languages: tuple[str, ...] = SHIPPED
) -> list[str]:
    """Load the translations for ``locale`` (the system's by default) when its language is one
    of ``languages``; the files loaded."""
    locale = locale or QLocale.system()
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
    return loaded


def uninstall(app: QCoreApplication) -> None:
    """Back to English (tests that switched languages)."""
    for translator in app.property("kokoon_translators") or []:
        app.removeTranslator(translator)
    app.setProperty("kokoon_translators", [])
