"""Fault injection: make chosen requests fail the ways real networks and services fail.

A :class:`FaultRule` matches ``"METHOD /path"`` patterns (shell-style ``*``; API paths are
matched relative to ``/kokoon/api/sr/v3``, anything else by its full path, e.g.
``"GET /storage/*"``) and applies one action to the next ``times`` matching requests:

* ``status``: answer with that status and ``{"message": ...}`` without handling the request
  (``retry_after`` adds a ``Retry-After`` header, for 429/503 tests);
* ``garbage``: answer 200 with a body that is not JSON (``"text"``) or JSON of the wrong shape
  (``"json"``), without handling the request;
* ``drop_before``: close the connection without handling the request (nothing happens);
* ``drop_after``: handle the request fully (a task IS created and charged), then close the
  connection part-way through the response.

``slow_s`` delays the response by that many seconds; it can be used alone or with an action.
The request takes effect first and the answer comes late, which is the case a client with a
timeout finds hardest ("did my task get created?").

Faults also hold the global ``error_rate`` (random 500/502/503 on API calls, for demos) and
the task-outcome faults: ``fail_next_tasks`` and ``task_error_rate``.
"""

from __future__ import annotations

import fnmatch
import random
import threading
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .config import API_PREFIX

GarbageKind = Literal["text", "json"]
_RULE_KEYS = {
    "match",
    "times",
    "status",
    "message",
    "retry_after",
    "garbage",
    "slow_s",
    "drop_before",
    "drop_after",
}


@dataclass
class FaultRule:
    """One injected fault; ``times=None`` keeps it until the faults are cleared."""

    match: str = "* *"
    times: int | None = 1
    status: int | None = None
    message: str | None = None
    retry_after: float | None = None
    garbage: GarbageKind | None = None
    slow_s: float | None = None
    drop_before: bool = False
    drop_after: bool = False
    _method: str = field(init=False, repr=False, default="*")
    _path: str = field(init=False, repr=False, default="*")

    def __post_init__(self) -> None:
        method, _, path = self.match.strip().partition(" ")
        if not path.strip():
            raise ValueError(f"match must look like 'POST /task' or '* *', got {self.match!r}")
        self._method, self._path = method.upper(), path.strip()
        actions = [
            self.status is not None,
            self.garbage is not None,
            self.drop_before,
            self.drop_after,
        ]
        if sum(actions) > 1:
            raise ValueError("a fault has one action: status, garbage, drop_before or drop_after")
        if sum(actions) == 0 and not self.slow_s:
            raise ValueError("a fault needs an action (status, garbage, drop_*) or slow_s")
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError("status must be an HTTP status code")
        if self.garbage not in (None, "text", "json"):
            raise ValueError("garbage is 'text' or 'json'")
        if self.times is not None and self.times < 1:
            raise ValueError("times must be >= 1, or None for 'until cleared'")
        if self.slow_s is not None and self.slow_s < 0:
            raise ValueError("slow_s must be >= 0")

    def matches(self, method: str, path: str) -> bool:
        """Whether this rule applies to a request (``path`` is the full request path)."""
        if self._method != "*" and self._method != method.upper():
            return False
        relative = path[len(API_PREFIX) :] if path.startswith(API_PREFIX + "/") else path
        return fnmatch.fnmatchcase(relative, self._path) or fnmatch.fnmatchcase(path, self._path)

    @property
    def action(self) -> str:
        """A short name of what the rule does, for the request log."""
        if self.status is not None:
            return f"status {self.status}"
        if self.garbage is not None:
            return f"garbage {self.garbage}"
        if self.drop_before:
            return "drop_before"
        if self.drop_after:
            return "drop_after"
        return "slow"

    def to_json(self) -> dict[str, Any]:
        """The JSON form accepted by ``POST /_sandbox/faults``."""
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}

    @classmethod
    def from_json(cls, data: Any) -> FaultRule:
        """Build a rule from JSON; raise ValueError with a readable reason."""
        if not isinstance(data, dict):
            raise ValueError("a fault rule is a JSON object")
        unknown = set(data) - _RULE_KEYS
        if unknown:
            raise ValueError(f"unknown fault keys: {', '.join(sorted(unknown))}")
        try:
            return cls(**data)
        except TypeError as exc:
            raise ValueError(str(exc)) from exc


class Faults:
    """The active fault rules and rates; safe to change from any thread while serving."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._rng = rng or random.Random()
        self.error_rate = 0.0
        self.task_error_rate = 0.0
        self.fail_next_tasks = 0

    def add(self, rule: FaultRule | None = None, /, **kwargs: Any) -> FaultRule:
        """Add a rule (``faults.add(match="POST /task", drop_after=True)``); first added wins."""
        if rule is None:
            rule = FaultRule(**kwargs)
        elif kwargs:
            raise TypeError("pass a FaultRule or keyword arguments, not both")
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        """Remove every rule and reset the rates."""
        with self._lock:
            self._rules.clear()
            self.error_rate = 0.0
            self.task_error_rate = 0.0
            self.fail_next_tasks = 0

    @property
    def rules(self) -> list[FaultRule]:
        """A snapshot of the active rules."""
        with self._lock:
            return list(self._rules)

    def take(self, method: str, path: str) -> FaultRule | None:
        """The first rule matching this request, using up one of its ``times``."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    if rule.times is not None:
                        rule.times -= 1
                        if rule.times == 0:
                            self._rules.remove(rule)
                    return rule
        return None

    def random_error(self) -> int | None:
        """A 500/502/503 with probability ``error_rate``, else None."""
        with self._lock:
            if self.error_rate > 0 and self._rng.random() < self.error_rate:
                return self._rng.choice((500, 502, 503))
        return None

    def take_task_failure(self) -> bool:
        """Whether the task being created should end in ``error``."""
        with self._lock:
            if self.fail_next_tasks > 0:
                self.fail_next_tasks -= 1
                return True
            return self.task_error_rate > 0 and self._rng.random() < self.task_error_rate

    def configure(self, data: Any) -> None:
        """Apply the JSON of ``POST /_sandbox/faults`` (validated first, applied atomically).

        Accepted: one rule object, a list of rules, or
        ``{"rules": [...], "error_rate": x, "task_error_rate": y, "fail_next_tasks": n}``.
        """
        rules: list[FaultRule] = []
        rates: dict[str, float] = {}
        if isinstance(data, list):
            rules = [FaultRule.from_json(item) for item in data]
        elif isinstance(data, dict) and "match" in data:
            rules = [FaultRule.from_json(data)]
        elif isinstance(data, dict):
            unknown = set(data) - {"rules", "error_rate", "task_error_rate", "fail_next_tasks"}
            if unknown:
                raise ValueError(f"unknown keys: {', '.join(sorted(unknown))}")
            rules = [FaultRule.from_json(item) for item in data.get("rules", [])]
            for key in ("error_rate", "task_error_rate"):
                if key in data:
                    value = data[key]
                    if isinstance(value, bool) or not isinstance(value, int | float):
                        raise ValueError(f"{key} must be a number between 0 and 1")
                    if not 0 <= value <= 1:
                        raise ValueError(f"{key} must be a number between 0 and 1")
                    rates[key] = float(value)
            if "fail_next_tasks" in data:
                value = data["fail_next_tasks"]
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError("fail_next_tasks must be an integer >= 0")
                rates["fail_next_tasks"] = value
        else:
            raise ValueError("expected a fault rule, a list of rules or a settings object")
        with self._lock:
            self._rules.extend(rules)
            self.error_rate = rates.get("error_rate", self.error_rate)
            self.task_error_rate = rates.get("task_error_rate", self.task_error_rate)
            self.fail_next_tasks = int(rates.get("fail_next_tasks", self.fail_next_tasks))

    def to_json(self) -> dict[str, Any]:
        """The current settings, as ``GET /_sandbox/faults`` shows them."""
        with self._lock:
            return {
                "rules": [rule.to_json() for rule in self._rules],
                "error_rate": self.error_rate,
                "task_error_rate": self.task_error_rate,
                "fail_next_tasks": self.fail_next_tasks,
            }
