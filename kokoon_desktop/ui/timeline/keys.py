"""The timeline's key map: one table of what it answers to, in the editors' conventions
(brief §4), from which the widget's key handling, the shortcuts overlay, the tooltip and the
accessible description are all made. A key added here is handled, listed and described.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence

from kokoon_desktop.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "SHORTCUTS",
    "Press",
    "Shortcut",
    "accessible_description",
    "action_of",
    "groups",
    "shown",
    "tooltip",
]

_NONE = Qt.KeyboardModifier.NoModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_ALT = Qt.KeyboardModifier.AltModifier


@dataclass(frozen=True)
class Press:
    """One key with its modifiers, and the widget's handler it calls (a method's name)."""

    key: Qt.Key
    modifiers: Qt.KeyboardModifier
    action: str
    #: Whether the help names it (not a variant the keyboard makes anyway).
    listed: bool = True

    @property
    def label(self) -> str:
        """As the platform writes it ("Shift+Left"; on macOS "⇧←")."""
        combination = QKeySequence(self.modifiers.value | self.key.value)
        return combination.toString(QKeySequence.SequenceFormat.NativeText)


@dataclass(frozen=True)
class Shortcut:
    """One line of the help: its group, the presses (none for a mouse gesture, whose words are
    ``gesture``), what they do, and, for the tooltip's line of main keys, the few words that
    follow its keys there ("set In and Out")."""

    group: str
    what: str
    presses: tuple[Press, ...] = ()
    gesture: str = ""
    brief: str = ""

    @property
    def label(self) -> str:
        """ "I  /  O" for presses that do different things, "F1  or  ?" for one thing."""
        return self._joined("  ")

    @property
    def short_label(self) -> str:
        """The label in a line of text: "I / O"."""
        return self._joined(" ")

    def _joined(self, space: str) -> str:
        if not self.presses:
            return shown(self.gesture)
        labels = list(dict.fromkeys(press.label for press in self.presses if press.listed))
        word = shown("or") if len({press.action for press in self.presses}) == 1 else "/"
        return f"{space}{word}{space}".join(labels)


def shown(text: str) -> str:
    """A text of the table (its entries are English, marked for translation) as shown."""
    return QCoreApplication.translate("TimelineKeys", text)


QT_TRANSLATE_NOOP("TimelineKeys", "or")  # between keys that do one thing: "F1 or ?"


def _presses(*presses: tuple[Qt.Key, Qt.KeyboardModifier, str]) -> tuple[Press, ...]:
    return tuple(Press(key, modifiers, action) for key, modifiers, action in presses)


K = Qt.Key
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Marks"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Set In / Out at the playhead"),
        _presses((K.Key_I, _NONE, "_key_set_in"), (K.Key_O, _NONE, "_key_set_out")),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "set In and Out"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Marks"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Go to In / Out"),
        _presses((K.Key_I, _SHIFT, "_key_go_in"), (K.Key_O, _SHIFT, "_key_go_out")),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "go to them"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Marks"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Clear In / Out"),
        _presses((K.Key_I, _ALT, "_key_clear_in"), (K.Key_O, _ALT, "_key_clear_out")),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "clear them"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Marks"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Clear both: the whole file"),
        _presses((K.Key_X, _ALT, "_key_clear")),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Moving"),
        QT_TRANSLATE_NOOP("TimelineKeys", "One frame back / forward"),
        _presses((K.Key_Left, _NONE, "_key_left"), (K.Key_Right, _NONE, "_key_right")),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "one frame"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Moving"),
        QT_TRANSLATE_NOOP("TimelineKeys", "One second back / forward"),
        _presses(
            (K.Key_Left, _SHIFT, "_key_second_back"), (K.Key_Right, _SHIFT, "_key_second_forward")
        ),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Moving"),
        QT_TRANSLATE_NOOP("TimelineKeys", "First / last frame"),
        _presses((K.Key_Home, _NONE, "_key_home"), (K.Key_End, _NONE, "_key_end")),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Moving"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Move the playhead (snaps to marks; Shift: no snap)"),
        gesture=QT_TRANSLATE_NOOP("TimelineKeys", "Click or drag the ruler"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Moving"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Move the In or Out mark"),
        gesture=QT_TRANSLATE_NOOP("TimelineKeys", "Drag [ or ]"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Playing"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Play the range / pause"),
        _presses((K.Key_Space, _NONE, "_key_space")),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "plays"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Playing"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Play forward / backward; press again to go faster"),
        _presses((K.Key_L, _NONE, "_key_l"), (K.Key_J, _NONE, "_key_j")),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "shuttle"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "Playing"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Stop"),
        _presses((K.Key_K, _NONE, "_key_k")),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "View"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Zoom around the mouse"),
        gesture=QT_TRANSLATE_NOOP("TimelineKeys", "Ctrl+wheel, pinch"),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "zoom"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "View"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Scroll along the clip"),
        gesture=QT_TRANSLATE_NOOP("TimelineKeys", "Wheel"),
    ),
    Shortcut(
        QT_TRANSLATE_NOOP("TimelineKeys", "View"),
        QT_TRANSLATE_NOOP("TimelineKeys", "Show or hide this list"),
        (
            *_presses((K.Key_F1, _NONE, "_key_help"), (K.Key_Question, _NONE, "_key_help")),
            # Most layouts need Shift to type "?": the same key to the person pressing it.
            Press(K.Key_Question, _SHIFT, "_key_help", listed=False),
        ),
        brief=QT_TRANSLATE_NOOP("TimelineKeys", "lists all keys"),
    ),
)
"""What the timeline answers to, in the order the help lists it."""

_ACTIONS: dict[tuple[int, int], str] = {
    (press.key.value, press.modifiers.value): press.action
    for shortcut in SHORTCUTS
    for press in shortcut.presses
}


def action_of(key: int, modifiers: Qt.KeyboardModifier) -> str | None:
    """The handler's name for a key press, if the timeline answers to it (the keypad's
    modifier is ignored: its arrows are arrows)."""
    modifiers &= ~Qt.KeyboardModifier.KeypadModifier
    return _ACTIONS.get((key, modifiers.value))


def groups() -> list[tuple[str, list[Shortcut]]]:
    """The shortcuts by group (its name as shown), groups in order of first appearance."""
    grouped: dict[str, list[Shortcut]] = {}
    for shortcut in SHORTCUTS:
        grouped.setdefault(shown(shortcut.group), []).append(shortcut)
    return list(grouped.items())


def tooltip() -> str:
    """The main keys on one line."""
    line = QCoreApplication.translate("TimelineKeys", "{keys} {what}")
    return " · ".join(
        line.format(keys=s.short_label, what=shown(s.brief)) for s in SHORTCUTS if s.brief
    )


def accessible_description() -> str:
    """Every line of the help, for screen readers."""
    line = QCoreApplication.translate("TimelineKeys", "{keys}: {what}")
    return "; ".join(
        line.format(keys=shortcut.label, what=shown(shortcut.what)) for shortcut in SHORTCUTS
    )
