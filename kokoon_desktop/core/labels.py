"""The English words the window shows for the request's choices, marked for translation.

One table each, read by the form, the queue, the presets editor and the history where they
show a choice, and by the history's search, which finds a row by the word shown for its
category or kind in the user's language as well as by the stored English.
"""

from __future__ import annotations

from typing import Final

from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP

__all__ = ["CATEGORY_LABELS", "KIND_LABELS", "category_label_of", "kind_of"]

#: The form's Category list (context "TaskForm").
CATEGORY_LABELS: Final = {
    Category.PERSON: QT_TRANSLATE_NOOP("TaskForm", "Person"),
    Category.ANIMATION: QT_TRANSLATE_NOOP("TaskForm", "Animation"),
    Category.CG: QT_TRANSLATE_NOOP("TaskForm", "CG"),
    Category.RETRO: QT_TRANSLATE_NOOP("TaskForm", "Retro"),
    Category.GENERAL: QT_TRANSLATE_NOOP("TaskForm", "General"),
}

#: The history's Type column (context "HistoryTableModel"); a row's text holds the value.
KIND_LABELS: Final = {
    "full": QT_TRANSLATE_NOOP("HistoryTableModel", "Full"),
    "preview": QT_TRANSLATE_NOOP("HistoryTableModel", "Preview"),
}


def category_label_of(category: str) -> str:
    """The English label of a category as the API spells it (itself when unknown)."""
    for known, label in CATEGORY_LABELS.items():
        if known.value == category:
            return label
    return category


def kind_of(task_type: str | None) -> str:
    """ "preview" or "full": the key of `KIND_LABELS` for a request's task type."""
    return "preview" if task_type == TaskType.SR_PREVIEW.value else "full"
