"""The profile's named presets, in one JSON file beside the settings (``presets.json``).

The file is a presets document (``core.presets``), the same shape as an export, so a studio
can copy it whole. A profile without the file has the built-in starting points; they are
ordinary presets from then on (renamed, changed or deleted like any other), and a profile
whose presets were all deleted stays empty rather than getting them back.

Loading never raises: a missing file gives the built-ins, an unreadable or damaged one gives
the built-ins too and says why in ``load_problems`` (as ``SettingsStore`` does). Before the
first save over a file that could not be read whole, that file is kept beside it
(``presets.damaged-<time>.json``), so presets the user cannot see are never silently lost.
Every change is load, change, write atomically: a crash leaves the old file or the new one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from kokoon_desktop.core.presets import (
    BUILT_IN_PRESETS,
    Preset,
    PresetsDocument,
    PresetsFormatError,
    name_key,
    presets_document,
    read_presets_document,
)
from kokoon_desktop.storage.atomic import write_atomically

__all__ = ["Conflict", "ImportReport", "PresetBook", "PresetError", "PresetStore"]


class PresetError(ValueError):
    """A change the presets cannot take (a taken or unknown name); the message is for people."""


@dataclass(frozen=True, slots=True)
class PresetBook:
    """The presets of a profile, in the user's order, and the default's name (or None)."""

    presets: tuple[Preset, ...]
    default: str | None = None

    def get(self, name: str) -> Preset | None:
        """The preset of that name, whatever its letter case and surrounding spaces."""
        key = name_key(name)
        return next((preset for preset in self.presets if preset.key == key), None)

    @property
    def default_preset(self) -> Preset | None:
        return self.get(self.default) if self.default is not None else None

    def names(self) -> list[str]:
        return [preset.name for preset in self.presets]


class Conflict(StrEnum):
    """What an import does with a preset whose name the profile already has."""

    RENAME = "rename"  # keep both: the imported one becomes "Name (2)"
    REPLACE = "replace"  # the imported one takes the place of the profile's
    SKIP = "skip"  # keep the profile's


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: names added, replaced, renamed (old → new), skipped, and why some
    presets of the file were left out."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    skipped: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


class PresetStore:
    """Reads and changes the presets kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.load_problems: list[str] = []
        """Why parts of the file were not used, from the last ``load()``; empty when all was."""
        self._damaged = False

    # --- reading ------------------------------------------------------------------------

    def load(self) -> PresetBook:
        """The presets in the file; the built-ins when it is missing or cannot be read."""
        self.load_problems = []
        self._damaged = False
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return PresetBook(BUILT_IN_PRESETS)
        except (OSError, UnicodeDecodeError) as exc:
            return self._damaged_file(f"could not be read ({exc})")
        try:
            document = read_presets_document(json.loads(text))
        except ValueError as exc:  # JSONDecodeError and PresetsFormatError
            reason = str(exc).rstrip(".")
            if not isinstance(exc, PresetsFormatError):
                reason = f"is not valid JSON ({reason})"
            else:
                reason = f"cannot be used: {reason}"
            return self._damaged_file(reason)
        if document.problems:
            self._damaged = True
            self.load_problems = [
                f"In the presets file {self.path}: {p}" for p in document.problems
            ]
        return PresetBook(document.presets, document.default)

    def _damaged_file(self, reason: str) -> PresetBook:
        self._damaged = True
        self.load_problems = [
            f"The presets file {self.path} {reason}; the built-in presets are used. The file "
            "is kept as it is until presets are changed, then set aside beside it."
        ]
        return PresetBook(BUILT_IN_PRESETS)

    # --- changing -----------------------------------------------------------------------

    def save(self, book: PresetBook) -> None:
        """Write the book atomically (after setting a damaged file aside); ``OSError`` if it
        cannot be written, the previous file then left as it was."""
        if self._damaged and self.path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            self.path.replace(self.path.with_name(f"presets.damaged-{stamp}.json"))
        self._damaged = False
        text = json.dumps(
            presets_document(book.presets, book.default), indent=2, ensure_ascii=False
        )
        write_atomically(self.path, text + "\n")

    def _change(self, change: Callable[[PresetBook], PresetBook]) -> PresetBook:
        book = change(self.load())
        self.save(book)
        return book

    def create(self, preset: Preset) -> PresetBook:
        """Add a preset at the end; ``PresetError`` if its name is taken."""

        def change(book: PresetBook) -> PresetBook:
            _refuse_taken(book, preset.name)
            return replace(book, presets=(*book.presets, preset))

        return self._change(change)

    def update(self, name: str, preset: Preset) -> PresetBook:
        """Replace the preset ``name`` by ``preset`` in its place (its name may change: the
        default follows it); ``PresetError`` if ``name`` is unknown or the new name taken."""

        def change(book: PresetBook) -> PresetBook:
            old = _existing(book, name)
            if preset.key != old.key:
                _refuse_taken(book, preset.name)
            presets = tuple(preset if p.key == old.key else p for p in book.presets)
            default = book.default
            if default is not None and name_key(default) == old.key:
                default = preset.name
            return PresetBook(presets, default)

        return self._change(change)

    def rename(self, name: str, new_name: str) -> PresetBook:
        book = self.load()
        return self.update(name, _existing(book, name).renamed(new_name))

    def delete(self, name: str) -> PresetBook:
        """Remove a preset; it stops being the default if it was."""

        def change(book: PresetBook) -> PresetBook:
            old = _existing(book, name)
            presets = tuple(p for p in book.presets if p.key != old.key)
            default = book.default
            if default is not None and name_key(default) == old.key:
                default = None
            return PresetBook(presets, default)

        return self._change(change)

    def set_default(self, name: str | None) -> PresetBook:
        """Make ``name`` the default (None: no default)."""

        def change(book: PresetBook) -> PresetBook:
            default = _existing(book, name).name if name is not None else None
            return replace(book, default=default)

        return self._change(change)

    def restore_built_ins(self) -> PresetBook:
        """Add back the built-in presets whose names are missing (changed ones are kept)."""

        def change(book: PresetBook) -> PresetBook:
            missing = tuple(p for p in BUILT_IN_PRESETS if book.get(p.name) is None)
            return replace(book, presets=(*book.presets, *missing))

        return self._change(change)

    # --- sharing ------------------------------------------------------------------------

    def export(self, path: Path, names: Sequence[str] | None = None) -> int:
        """Write these presets (all when ``names`` is None) to a presets file; how many.
        ``PresetError`` for an unknown name. The default is exported only with all presets."""
        book = self.load()
        chosen = book.presets if names is None else tuple(_existing(book, n) for n in names)
        default = book.default if names is None else None
        text = json.dumps(presets_document(chosen, default), indent=2, ensure_ascii=False)
        write_atomically(Path(path), text + "\n", shared=True)
        return len(chosen)

    def import_file(self, path: Path, *, conflict: Conflict = Conflict.RENAME) -> ImportReport:
        """Add the presets of a presets file; ``PresetsFormatError`` if it is not one, and
        ``OSError`` if it cannot be read. Bad presets of the file are reported, not added."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise PresetsFormatError(f"{path} is not a text file: {exc}.") from None
        except json.JSONDecodeError as exc:
            raise PresetsFormatError(f"{path} is not valid JSON: {exc}.") from None
        return self.import_document(read_presets_document(data), conflict=conflict)

    def import_document(
        self, document: PresetsDocument, *, conflict: Conflict = Conflict.RENAME
    ) -> ImportReport:
        added: list[str] = []
        replaced: list[str] = []
        renamed: list[tuple[str, str]] = []
        skipped: list[str] = []

        def change(book: PresetBook) -> PresetBook:
            presets = list(book.presets)
            for preset in document.presets:
                index = next((i for i, p in enumerate(presets) if p.key == preset.key), None)
                if index is None:
                    presets.append(preset)
                    added.append(preset.name)
                elif presets[index] == preset or conflict is Conflict.SKIP:
                    skipped.append(preset.name)
                elif conflict is Conflict.REPLACE:
                    presets[index] = preset
                    replaced.append(preset.name)
                else:
                    new_name = _free_name(preset.name, (p.name for p in presets))
                    presets.append(preset.renamed(new_name))
                    renamed.append((preset.name, new_name))
            return replace(book, presets=tuple(presets))

        self._change(change)
        return ImportReport(
            tuple(added), tuple(replaced), tuple(renamed), tuple(skipped), document.problems
        )


def _existing(book: PresetBook, name: str) -> Preset:
    preset = book.get(name)
    if preset is None:
        raise PresetError(f"There is no preset named {name!r}.")
    return preset


def _refuse_taken(book: PresetBook, name: str) -> None:
    if book.get(name) is not None:
        raise PresetError(f"A preset named {name.strip()!r} already exists: choose another name.")


def _free_name(name: str, taken: Iterable[str]) -> str:
    """ "Name (2)", "Name (3)"...: the first not taken (names compared as presets compare)."""
    keys = {name_key(t) for t in taken}
    number = 2
    while True:
        candidate = f"{name} ({number})"
        if name_key(candidate) not in keys:
            return candidate
        number += 1
