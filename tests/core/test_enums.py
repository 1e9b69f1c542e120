"""The API vocabularies: exact wire values, terminal steps, and tolerance of unknown steps."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core import (
    Category,
    Codec,
    Container,
    InputQuality,
    Step,
    TaskType,
    ignores_detail_options,
)

STEP_VALUES = {step.value for step in Step}


def test_wire_values_are_the_documented_ones() -> None:
    assert [t.value for t in TaskType] == ["SR", "SR_PREVIEW"]
    assert [c.value for c in Category] == ["person", "animation", "cg", "retro", "general"]
    assert [q.value for q in InputQuality] == ["high", "medium"]
    assert [c.value for c in Codec] == ["h264", "h265"]
    assert [c.value for c in Container] == ["mp4", "mov", "mkv"]
    assert [s.value for s in Step] == [
        "ready",
        "preparing",
        "prepared",
        "running",
        "done",
        "cancel",
        "unknown",
        "error",
    ]


def test_members_are_their_wire_strings() -> None:
    wire: str = Category.PERSON
    assert wire == "person"
    assert Category("person") is Category.PERSON
    assert isinstance(Codec.H265, str)
    assert f"{Container.MKV}" == "mkv"
    assert type(TaskType.SR_PREVIEW.value) is str


def test_only_animation_and_cg_ignore_the_detail_options() -> None:
    ignoring = {c for c in Category if c.ignores_detail_options}
    assert ignoring == {Category.ANIMATION, Category.CG}
    for category in Category:
        assert ignores_detail_options(category) is category.ignores_detail_options


def test_terminal_steps_are_done_error_and_cancel() -> None:
    assert {s for s in Step if s.is_terminal} == {Step.DONE, Step.ERROR, Step.CANCEL}
    # `unknown` is an anomaly to poll through, not an end.
    assert not Step.UNKNOWN.is_terminal


@given(st.sampled_from(Step), st.sampled_from([str.upper, str.title, str.lower]))
def test_parse_reads_every_step_forgiving_case_and_spaces(
    step: Step, case: Callable[[str], str]
) -> None:
    assert Step.parse(step.value) is step
    assert Step.parse(f"  {case(step.value)}\n") is step


@given(st.text().filter(lambda text: text.strip().lower() not in STEP_VALUES))
def test_parse_turns_any_other_text_into_unknown(text: str) -> None:
    assert Step.parse(text) is Step.UNKNOWN


@given(st.one_of(st.none(), st.integers(), st.booleans(), st.floats(), st.binary()))
def test_parse_never_raises_on_other_types(value: object) -> None:
    assert Step.parse(value) is Step.UNKNOWN


def test_parse_of_a_step_the_server_added_later_is_unknown() -> None:
    assert Step.parse("queued") is Step.UNKNOWN
    assert Step.parse("") is Step.UNKNOWN
