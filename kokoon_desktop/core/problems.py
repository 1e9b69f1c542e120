"""Validation results as data: a form shows them inline, the CLI prints them, both from one list.

Rules report *problems* rather than raising on the first one, so a person sees everything wrong
with a request at once, each message next to the field it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["InvalidTaskSpec", "Problem"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a request.

    `field` is the API's field name (vid, width, height, start_pos, duration, use_trim_orig,
    category, format, option, ...) so the form, the CLI and server messages agree on names.
    `message` is a sentence for the person who typed the value, without a final full stop,
    so several can be joined with "; " (as `InvalidTaskSpec` does) or shown one per line.
    """

    field: str
    message: str


class InvalidTaskSpec(ValueError):
    """A task request that breaks the rules; `problems` lists every reason, in field order."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problem.message for problem in self.problems))

    def __str__(self) -> str:
        return "; ".join(problem.message for problem in self.problems)

    def __reduce__(self) -> tuple[type[InvalidTaskSpec], tuple[tuple[Problem, ...]]]:
        # The default pickling would rebuild from the joined message, losing the problems.
        return (type(self), (self.problems,))

    def for_field(self, field: str) -> tuple[Problem, ...]:
        """The problems that concern one field, for showing next to its control."""
        return tuple(problem for problem in self.problems if problem.field == field)
