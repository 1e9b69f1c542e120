"""Any sequence of operations, reopenings included, keeps the store equal to a simple model.

The model restates the state machine of ``history.py`` in a few plain lines; Hypothesis runs
random sequences of every method against both and compares what every query returns.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from kokoon_desktop.storage.history import (
    EntryNotFoundError,
    HistoryStore,
    SubmissionState,
    TransitionError,
)

S = SubmissionState
TERMINAL = {"done", "error", "cancel"}


@dataclass(frozen=True)
class Row:
    body: dict[str, object]
    source_name: str | None
    state: SubmissionState = S.SUBMITTING
    tid: str | None = None
    in_vid: str | None = None
    out_vid: str | None = None
    step: str | None = None
    progress: float | None = None
    message: str | None = None


class HistoryModel(RuleBasedStateMachine):
    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kokoon-history-model-"))
        self.path = self.folder / "history.sqlite3"
        self.store = HistoryStore(self.path)
        self.model: dict[int, Row] = {}

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _expect(self, error: type[Exception] | None, action: object) -> None:
        assert callable(action)
        if error is None:
            action()
        else:
            with pytest.raises(error):
                action()

    @rule(
        target=ids,
        index=st.integers(0, 5),
        source_name=st.none() | st.sampled_from(["a.mov", "é.mkv"]),
    )
    def add(self, index: int, source_name: str | None) -> int:
        body = {"vid": f"v{index}", "width": 1920 + 2 * index, "category": "general"}
        entry = self.store.add_submission(body, source_name=source_name, source_duration_ms=None)
        assert entry.id not in self.model
        assert all(entry.id > known for known in self.model)
        self.model[entry.id] = Row(body, source_name)
        return entry.id

    @rule(
        entry_id=ids | st.just(10**9),
        tid=st.sampled_from(["t1", "t2", "t3"]),
        in_vid=st.none() | st.just("in"),
        out_vid=st.none() | st.just("out"),
    )
    def mark_submitted(
        self, entry_id: int, tid: str, in_vid: str | None, out_vid: str | None
    ) -> None:
        row = self.model.get(entry_id)
        taken = any(r.tid == tid for i, r in self.model.items() if i != entry_id)
        error: type[Exception] | None = None
        if row is None:
            error = EntryNotFoundError
        elif taken or row.state is S.FAILED or (row.state is S.SUBMITTED and row.tid != tid):
            error = TransitionError
        elif row.state is S.SUBMITTED:
            self.model[entry_id] = replace(
                row, in_vid=in_vid or row.in_vid, out_vid=out_vid or row.out_vid
            )
        else:
            self.model[entry_id] = replace(
                row, state=S.SUBMITTED, tid=tid, in_vid=in_vid, out_vid=out_vid, message=None
            )
        self._expect(
            error,
            lambda: self.store.mark_submitted(entry_id, tid=tid, in_vid=in_vid, out_vid=out_vid),
        )

    @rule(entry_id=ids, failed=st.booleans(), message=st.sampled_from(["m1", "m2"]))
    def mark_outcome(self, entry_id: int, failed: bool, message: str) -> None:
        row = self.model.get(entry_id)
        error: type[Exception] | None = None
        if row is None:
            error = EntryNotFoundError
        elif row.state in (S.SUBMITTING, S.UNKNOWN):
            state = S.FAILED if failed else S.UNKNOWN
            self.model[entry_id] = replace(row, state=state, message=message)
        else:
            error = TransitionError
        mark = self.store.mark_failed if failed else self.store.mark_unknown
        self._expect(error, lambda: mark(entry_id, message))

    @rule(
        entry_id=ids,
        step=st.sampled_from(["ready", "running", "done", "error", "cancel", "unknown", " Done "]),
        progress=st.sampled_from([None, 0.0, 0.5, 1.0]),
        message=st.none() | st.just("result"),
    )
    def update_task(
        self, entry_id: int, step: str, progress: float | None, message: str | None
    ) -> None:
        row = self.model.get(entry_id)
        error: type[Exception] | None = None
        if row is None:
            error = EntryNotFoundError
        elif row.state is S.SUBMITTED:
            self.model[entry_id] = replace(row, step=step, progress=progress, message=message)
        else:
            error = TransitionError
        self._expect(
            error,
            lambda: self.store.update_task(entry_id, step=step, progress=progress, message=message),
        )

    @rule(entry_id=ids)
    def remove(self, entry_id: int) -> None:
        row = self.model.get(entry_id)
        if row is not None and row.state is S.SUBMITTING:
            self._expect(TransitionError, lambda: self.store.remove(entry_id))
            return
        self.model.pop(entry_id, None)
        self.store.remove(entry_id)

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = HistoryStore(self.path)

    def _active(self, row: Row) -> bool:
        return row.state is S.SUBMITTED and (row.step or "").strip().lower() not in TERMINAL

    @invariant()
    def queries_match_the_model(self) -> None:
        entries = self.store.entries()
        assert [e.id for e in entries] == sorted(self.model, reverse=True)
        for entry in entries:
            row = self.model[entry.id]
            seen = Row(
                dict(entry.request_body),
                entry.source_name,
                entry.state,
                entry.tid,
                entry.in_vid,
                entry.out_vid,
                entry.step,
                entry.progress,
                entry.message,
            )
            assert seen == row
            assert entry.updated_at >= entry.created_at
            assert entry.is_active == self._active(row)
            assert entry.is_finished == (
                row.state is S.FAILED or (row.state is S.SUBMITTED and not self._active(row))
            )
            assert self.store.get(entry.id) == entry
        newest_first = sorted(self.model, reverse=True)
        for state in SubmissionState:
            assert [e.id for e in self.store.by_state(state)] == [
                i for i in newest_first if self.model[i].state is state
            ]
        assert [e.id for e in self.store.active()] == [
            i for i in newest_first if self._active(self.model[i])
        ]
        assert [e.id for e in self.store.interrupted()] == [
            i for i in newest_first if self.model[i].state is S.SUBMITTING
        ]


HistoryModel.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
TestHistoryModel = HistoryModel.TestCase
