"""The non-secret settings of a profile, in one small JSON file.

Never a secret: the token lives in the keychain (``token_store``), and this file can hold only
the fields of :class:`Settings`, each checked against what it may contain (an API address
without user name or password, a known category, base64 window blobs...). Loading is tolerant:
a missing, unreadable or half-written file gives the defaults, a bad value gives that field's
default, and the reasons are kept in ``SettingsStore.load_problems`` for the window to show.
Saving replaces the file atomically, so a crash mid-save leaves the previous file whole.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import json
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme, check_base_url
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.output_naming import DEFAULT_TEMPLATE, TemplateError, check_template
from kokoon_desktop.core.presets import Preset
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.core.sizes import SIZE_PRESETS
from kokoon_desktop.core.time_entry import TimeUnit
from kokoon_desktop.storage.atomic import write_atomically

__all__ = ["CUSTOM_SIZE", "Settings", "SettingsStore"]

CUSTOM_SIZE = "custom"
"""The size choice when the user typed the width and height (not one of ``SIZE_PRESETS``)."""


@dataclass(frozen=True)
class Settings:
    """What a profile remembers between runs. Deliberately no token field: see the module."""

    api_url: str = DEFAULT_BASE_URL
    auth_scheme: AuthScheme = AuthScheme.RAW
    demo_mode: bool = False  # user explicitly chose demo
    window_geometry: str | None = None  # base64 of QMainWindow.saveGeometry()
    splitter_state: str | None = None  # the form and timeline above, the history below
    top_splitter_state: str | None = None  # the form beside the timeline
    history_columns: str | None = None  # base64 of the history header's saveState()
    last_category: str | None = None  # the form's category last chosen (None: its default)
    last_size_preset: str | None = None  # the form's output size last chosen
    time_unit: str = TimeUnit.TIMECODE.value  # how the range fields show time
    auto_download: bool = True  # a finished task's result downloads by itself
    output_dir: str | None = None  # None: next to the source file, else Videos/Kokoon
    name_template: str = DEFAULT_TEMPLATE  # file names of results (core.output_naming)
    #: The form's treatment and output last used, as a preset's JSON (core.presets).
    last_settings: dict[str, Any] | None = None
    queue_concurrency: int = 4  # queue items sent at once by Submit all


_FIELDS = tuple(field.name for field in dataclasses.fields(Settings))
_DEFAULTS = Settings()


def _check_api_url(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("it is not text")
    return check_base_url(value)


def _check_auth_scheme(value: object) -> object:
    try:
        return AuthScheme(value.strip().lower() if isinstance(value, str) else "")
    except ValueError:
        raise ValueError(f"it is not one of {', '.join(s.value for s in AuthScheme)}") from None


def _check_bool(value: object) -> object:
    if not isinstance(value, bool):
        raise ValueError("it is not true or false")
    return value


def _check_blob(value: object) -> object:
    """Window state saved by Qt, as base64 text (or nothing)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("it is not base64 text")
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("it is not base64 text") from None
    return value


def _check_folder(value: object) -> object:
    """A folder the user chose: absolute (``~`` allowed), so it means the same from anywhere."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        raise ValueError("it is not a folder path")
    folder = value.strip()
    if not Path(folder).expanduser().is_absolute():
        raise ValueError("it is not an absolute folder path")
    return folder


def _check_template(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("it is not text")
    try:
        check_template(value)
    except TemplateError as exc:
        raise ValueError(str(exc).rstrip(".")) from None
    return value


def _check_preset(value: object) -> object:
    if value is None:
        return None
    try:
        return Preset.from_json(value).to_json()
    except InvalidTaskSpec as exc:
        raise ValueError(str(exc).rstrip(".")) from None


def _check_concurrency(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 16:
        raise ValueError("it is not a whole number from 1 to 16")
    return value


def _choice(choices: tuple[str | None, ...]) -> Callable[[object], object]:
    def check(value: object) -> object:
        if value not in choices:
            raise ValueError(f"it is not one of {', '.join(c for c in choices if c)}")
        return value

    return check


_CHECKS: Mapping[str, Callable[[object], object]] = {
    "api_url": _check_api_url,
    "auth_scheme": _check_auth_scheme,
    "demo_mode": _check_bool,
    "window_geometry": _check_blob,
    "splitter_state": _check_blob,
    "top_splitter_state": _check_blob,
    "history_columns": _check_blob,
    "last_category": _choice((None, *(category.value for category in Category))),
    "last_size_preset": _choice((None, *SIZE_PRESETS, CUSTOM_SIZE)),
    "time_unit": _choice(tuple(unit.value for unit in TimeUnit)),
    "auto_download": _check_bool,
    "output_dir": _check_folder,
    "name_template": _check_template,
    "last_settings": _check_preset,
    "queue_concurrency": _check_concurrency,
}
assert set(_CHECKS) == set(_FIELDS), "every setting has a check"


def _checked(values: Mapping[str, object]) -> tuple[dict[str, Any], list[str]]:
    """The known fields of ``values`` that pass their check, and why the others did not."""
    good: dict[str, Any] = {}
    problems: list[str] = []
    for name in _FIELDS:
        if name not in values:
            continue
        try:
            good[name] = _CHECKS[name](values[name])
        except ValueError as exc:
            problems.append(f"The setting {name}{_shown(name, values[name])} was not used: {exc}.")
    return good, problems


def _shown(name: str, value: object) -> str:
    """The refused value for a message; the API address is left to its check's own words."""
    if name == "api_url":
        return ""
    return f" = {reprlib.repr(value)}"


def _normalized(settings: Settings) -> Settings:
    """The settings as ``load`` would read them back; ``ValueError`` for a value it refuses."""
    if not isinstance(settings, Settings):
        raise TypeError(f"Expected Settings, not {type(settings).__name__}.")
    values = {name: getattr(settings, name) for name in _FIELDS}
    good, problems = _checked(values)
    if problems:
        raise ValueError(" ".join(problems).replace("was not used", "cannot be saved"))
    return Settings(**good)


def _to_json(settings: Settings) -> dict[str, object]:
    """Exactly the fields of Settings, whatever else the object carries."""
    return {name: _plain(getattr(settings, name)) for name in _FIELDS}


def _plain(value: object) -> object:
    return value.value if isinstance(value, AuthScheme) else value


class SettingsStore:
    """Loads, saves and announces the settings kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.load_problems: list[str] = []
        """Why parts of the file were not used, from the last ``load()``; empty when all was."""
        self._subscribers: list[Callable[[Settings], None]] = []

    def load(self) -> Settings:
        """The settings in the file; defaults for anything missing or wrong. Never raises."""
        self.load_problems = []
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _DEFAULTS
        except (OSError, UnicodeDecodeError) as exc:
            self.load_problems.append(f"The settings file {self.path} could not be read: {exc}.")
            return _DEFAULTS
        try:
            data = json.loads(text)
        except ValueError as exc:
            self.load_problems.append(
                f"The settings file {self.path} is not valid JSON ({exc}); defaults are used."
            )
            return _DEFAULTS
        if not isinstance(data, dict):
            self.load_problems.append(
                f"The settings file {self.path} does not hold a JSON object; defaults are used."
            )
            return _DEFAULTS
        good, self.load_problems = _checked(data)
        return dataclasses.replace(_DEFAULTS, **good)

    def save(self, settings: Settings) -> None:
        """Write the settings atomically: only Settings' own fields, each checked first.

        Raises ``TypeError`` for anything but a Settings, ``ValueError`` for a value ``load``
        would refuse (so what is saved is what is loaded back), ``OSError`` if the file cannot
        be written (the previous file is then left as it was).
        """
        text = json.dumps(_to_json(_normalized(settings)), indent=2, ensure_ascii=False)
        write_atomically(self.path, text + "\n")

    def update(self, **changes: Any) -> Settings:
        """Load, change the given fields, save, and tell subscribers if anything changed."""
        unknown = sorted(set(changes) - set(_FIELDS))
        if unknown:
            raise TypeError(f"Unknown setting(s): {', '.join(unknown)}.")
        current = self.load()
        updated = _normalized(dataclasses.replace(current, **changes))
        self.save(updated)
        if updated != current:
            self._notify(updated)
        return updated

    def subscribe(self, callback: Callable[[Settings], None]) -> Callable[[], None]:
        """Call ``callback`` with the new settings after each change; returns unsubscribe."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):  # already unsubscribed
                self._subscribers.remove(callback)

        return unsubscribe

    def _notify(self, settings: Settings) -> None:
        """Every subscriber hears of the change, even if one of them fails (then re-raised)."""
        failure: BaseException | None = None
        for callback in list(self._subscribers):
            try:
                callback(settings)
            except Exception as exc:
                failure = failure or exc
        if failure is not None:
            raise failure
