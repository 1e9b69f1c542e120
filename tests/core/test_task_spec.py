"""The task rules and the v3 request body: a property per rule, plus the documented examples."""

from __future__ import annotations

import dataclasses
import json
import pickle
import uuid
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kokoon_desktop.core import (
    MAX_HEIGHT,
    MAX_WIDTH,
    AiOptions,
    Category,
    Codec,
    Container,
    InputQuality,
    InvalidTaskSpec,
    Problem,
    TaskSpec,
    TaskType,
    check_task_spec,
)
from kokoon_desktop.core.task_spec import DETAIL_OPTIONS, OPTION_NAMES, REQUEST_KEYS

# The create-task example of the API reference §3.6 (docs page S5), as JSON text.
DOCUMENTED_BODY_JSON = """{
"task_type": "SR",
"category" : "person",
"use_sr" : true,
"input_quality" : "medium",
"option": {
"face_enhance": false,
"denoise": false,
"deinterlace": false,
"add_noise": false
},
"vid": "8eb18100-3aa0-11ee-a8b4-73df6b5af037",
"width": 1920,
"height": 1080,
"start_pos": 2000,
"duration": 1000,
"codec": "h264",
"format": "mp4",
"use_trim_orig" : true
}"""

# The `request_body` echoed by the task-information example (reference §3.8).
ECHOED_BODY: dict[str, object] = {
    "option": {"face_enhance": True, "denoise": True, "deinterlace": True, "add_noise": True},
    "task_type": "SR",
    "category": "animation",
    "use_sr": True,
    "input_quality": "high",
    "start_pos": 0,
    "duration": 0,
    "vid": "a600c7e0-b5d3-11ee-8bc1-e3593f7b2d5c",
    "width": 1280,
    "height": 720,
    "codec": "h264",
    "format": "mp4",
    "use_trim_orig": False,
}

JSON_TYPES: dict[str, type] = {
    "task_type": str,
    "category": str,
    "use_sr": bool,
    "input_quality": str,
    "option": dict,
    "vid": str,
    "width": int,
    "height": int,
    "start_pos": int,
    "duration": int,
    "codec": str,
    "format": str,
    "use_trim_orig": bool,
}
KNOWN_FIELDS = {*REQUEST_KEYS, "source_duration_ms", "body"}
VID = "8eb18100-3aa0-11ee-a8b4-73df6b5af037"

vids = st.uuids().map(str)
options = st.builds(AiOptions, st.booleans(), st.booleans(), st.booleans(), st.booleans())
widths = st.integers(1, MAX_WIDTH // 2).map(lambda n: 2 * n)
heights = st.integers(1, MAX_HEIGHT // 2).map(lambda n: 2 * n)
millis = st.integers(0, 10**10)
detail_ignoring = st.sampled_from([Category.ANIMATION, Category.CG])
detail_keeping = st.sampled_from([Category.PERSON, Category.RETRO, Category.GENERAL])
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.binary(),
    st.fractions(),
    st.decimals(),
    st.complex_numbers(),
    st.uuids(),
    vids,
    options,
    st.sampled_from([*Category, *TaskType, *InputQuality, *Codec, *Container]),
    st.sampled_from(["person", "SR", "medium", "h265", "mkv", " cg ", "PERSON"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.just(10**5000),
    st.just(-(10**5000)),
    st.from_type(type).flatmap(st.from_type),
)


@st.composite
def ranges(draw: st.DrawFn) -> tuple[int, int, int | None]:
    """A valid (start_pos, duration, source_duration_ms), with the source known or not."""
    source = draw(st.none() | st.integers(0, 4 * 3600 * 1000))
    if source is None:
        start = draw(millis)
        # A duration of 0 means the whole file only from the start.
        return start, draw(millis if start == 0 else millis.filter(bool)), None
    if source == 0 or draw(st.booleans()):
        return 0, 0, source
    start = draw(st.integers(0, source - 1))
    return start, draw(st.integers(0 if start == 0 else 1, source - start)), source


@st.composite
def specs(draw: st.DrawFn, categories: st.SearchStrategy[Category] | None = None) -> TaskSpec:
    """Any valid task specification."""
    start, duration, source = draw(ranges())
    whole = start == 0 and duration == 0
    return TaskSpec(
        vid=draw(vids),
        category=draw(st.sampled_from(Category) if categories is None else categories),
        width=draw(widths),
        height=draw(heights),
        task_type=draw(st.sampled_from(TaskType)),
        input_quality=draw(st.sampled_from(InputQuality)),
        use_sr=draw(st.booleans()),
        options=draw(options),
        start_pos=start,
        duration=duration,
        codec=draw(st.sampled_from(Codec)),
        container=draw(st.sampled_from(Container)),
        use_trim_orig=False if whole else draw(st.booleans()),
        source_duration_ms=source,
    )


def valid_fields(**changes: object) -> dict[str, Any]:
    """Keyword arguments for a valid spec (the documented example), with some changed."""
    fields: dict[str, Any] = {
        "vid": VID,
        "category": Category.PERSON,
        "width": 1920,
        "height": 1080,
        "start_pos": 2000,
        "duration": 1000,
        "use_trim_orig": True,
    }
    fields.update(changes)
    return fields


def fields_with_problems(problems: list[Problem] | tuple[Problem, ...]) -> set[str]:
    return {problem.field for problem in problems}


def refused(**changes: object) -> InvalidTaskSpec:
    with pytest.raises(InvalidTaskSpec) as caught:
        TaskSpec(**valid_fields(**changes))
    return caught.value


# --- the documented examples ----------------------------------------------------------------


def test_documented_example_body_reads_back_to_the_same_body() -> None:
    body = json.loads(DOCUMENTED_BODY_JSON)
    spec = TaskSpec.from_request_body(body)
    assert spec == TaskSpec(**valid_fields())
    rebuilt = spec.to_request_body()
    assert rebuilt == body
    assert list(rebuilt) == list(body)
    assert json.dumps(rebuilt) == json.dumps(body)


def test_echoed_body_of_an_animation_task_sends_the_detail_options_false() -> None:
    # The echo stores what was sent (every option true), not what the service applied.
    spec = TaskSpec.from_request_body(ECHOED_BODY)
    assert spec.options == AiOptions(True, True, True, True)
    assert spec.is_whole_file
    assert spec.ignored_options() == ("face_enhance", "denoise", "add_noise")
    body = spec.to_request_body()
    assert body["option"] == {
        "face_enhance": False,
        "denoise": False,
        "deinterlace": True,
        "add_noise": False,
    }
    assert {key: value for key, value in body.items() if key != "option"} == {
        key: value for key, value in ECHOED_BODY.items() if key != "option"
    }


def test_defaults_are_sent_explicitly() -> None:
    body = TaskSpec(vid=VID, category=Category.GENERAL, width=1280, height=720).to_request_body()
    assert body == {
        "task_type": "SR",
        "category": "general",
        "use_sr": True,
        "input_quality": "medium",
        "option": {
            "face_enhance": False,
            "denoise": False,
            "deinterlace": False,
            "add_noise": False,
        },
        "vid": VID,
        "width": 1280,
        "height": 720,
        "start_pos": 0,
        "duration": 0,
        "codec": "h264",
        "format": "mp4",
        "use_trim_orig": False,
    }


# --- the body ---------------------------------------------------------------------------------


@given(specs())
def test_body_has_every_documented_key_once_in_order_with_json_types(spec: TaskSpec) -> None:
    body = spec.to_request_body()
    assert tuple(body) == REQUEST_KEYS
    for key, kind in JSON_TYPES.items():
        assert type(body[key]) is kind, key
    option = body["option"]
    assert isinstance(option, dict)
    assert tuple(option) == OPTION_NAMES
    assert all(type(value) is bool for value in option.values())
    assert json.loads(json.dumps(body)) == body


@given(specs(detail_ignoring))
def test_animation_and_cg_send_detail_options_false_and_keep_deinterlace(spec: TaskSpec) -> None:
    option = spec.to_request_body()["option"]
    assert option == {
        "face_enhance": False,
        "denoise": False,
        "deinterlace": spec.options.deinterlace,
        "add_noise": False,
    }
    assert spec.ignored_options() == tuple(
        name for name in DETAIL_OPTIONS if getattr(spec.options, name)
    )


@given(specs(detail_keeping))
def test_other_categories_send_the_options_as_asked(spec: TaskSpec) -> None:
    assert spec.to_request_body()["option"] == dataclasses.asdict(spec.options)
    assert spec.ignored_options() == ()


@given(options, st.sampled_from(Category))
def test_masking_keeps_deinterlace_and_is_idempotent(asked: AiOptions, category: Category) -> None:
    masked = asked.masked_for(category)
    assert masked.deinterlace == asked.deinterlace
    assert masked.masked_for(category) == masked
    if category.ignores_detail_options:
        assert not (masked.face_enhance or masked.denoise or masked.add_noise)
    else:
        assert masked == asked


@given(specs())
def test_body_reads_back_to_the_same_spec_with_options_masked(spec: TaskSpec) -> None:
    expected = dataclasses.replace(
        spec, options=spec.options.masked_for(spec.category), source_duration_ms=None
    )
    assert TaskSpec.from_request_body(spec.to_request_body()) == expected
    through_json = json.loads(json.dumps(spec.to_request_body()))
    assert TaskSpec.from_request_body(through_json) == expected
    assert TaskSpec.from_request_body(
        spec.to_request_body(), source_duration_ms=spec.source_duration_ms
    ) == dataclasses.replace(spec, options=expected.options)


@given(specs())
def test_use_sr_true_is_sent_as_true(spec: TaskSpec) -> None:
    # We follow the examples, not the inverted wording of the docs (reference §8.1).
    assert spec.to_request_body()["use_sr"] is spec.use_sr


# --- totality of the rules ----------------------------------------------------------------------


@settings(max_examples=300)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            name: anything
            for name in [
                "vid",
                "category",
                "width",
                "height",
                "start_pos",
                "duration",
                "use_trim_orig",
                "source_duration_ms",
                "task_type",
                "input_quality",
                "use_sr",
                "options",
                "codec",
                "container",
            ]
        },
    )
)
def test_check_never_raises_whatever_it_gets(values: dict[str, object]) -> None:
    values.setdefault("vid", None)
    values.setdefault("category", None)
    values.setdefault("width", None)
    values.setdefault("height", None)
    problems = check_task_spec(**values)
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.field in KNOWN_FIELDS
        assert problem.message and not problem.message.endswith(".")


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from([*REQUEST_KEYS, "extra", "tid"]) | st.text(max_size=4), anything
    )
)
def test_reading_any_body_gives_a_spec_or_problems(body: dict[str, object]) -> None:
    try:
        spec = TaskSpec.from_request_body(body)
    except InvalidTaskSpec as error:
        assert error.problems
        assert fields_with_problems(error.problems) <= KNOWN_FIELDS
    else:
        assert isinstance(spec, TaskSpec)


@given(anything.filter(lambda value: not isinstance(value, Mapping)))
def test_reading_something_that_is_not_an_object_is_a_problem(body: object) -> None:
    with pytest.raises(InvalidTaskSpec) as caught:
        TaskSpec.from_request_body(body)  # type: ignore[arg-type]
    assert fields_with_problems(caught.value.problems) == {"body"}


@given(specs())
def test_check_accepts_exactly_what_the_constructor_accepts(spec: TaskSpec) -> None:
    fields = {field.name: getattr(spec, field.name) for field in dataclasses.fields(spec)}
    assert check_task_spec(**fields) == []


# --- vid ---------------------------------------------------------------------------------------


@given(st.text().filter(lambda text: not _looks_like_uuid(text)))
def test_any_non_uuid_vid_is_refused_on_vid(text: str) -> None:
    error = refused(vid=text)
    assert fields_with_problems(error.problems) == {"vid"}
    assert "IDs look like" in str(error)


def _looks_like_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text.strip())) == text.strip().lower()
    except ValueError:
        return False


@given(st.uuids(), st.booleans())
def test_vid_is_stored_stripped_and_lowercase(value: uuid.UUID, upper: bool) -> None:
    typed = f"  {str(value).upper() if upper else value}\n"
    spec = TaskSpec(**valid_fields(vid=typed))
    assert spec.vid == str(value)
    assert spec == TaskSpec(**valid_fields(vid=str(value)))
    assert spec.to_request_body()["vid"] == str(value)


@given(st.one_of(st.none(), st.integers(), st.uuids(), st.binary()))
def test_vid_that_is_not_text_is_refused(value: object) -> None:
    assert fields_with_problems(refused(vid=value).problems) == {"vid"}


# --- width and height ----------------------------------------------------------------------------


@given(st.sampled_from(["width", "height"]), st.integers())
def test_dimension_rules(field: str, value: int) -> None:
    limit = MAX_WIDTH if field == "width" else MAX_HEIGHT
    problems = check_task_spec(**valid_fields(**{field: value}))
    valid = 0 < value <= limit and value % 2 == 0
    assert (problems == []) is valid
    if not valid:
        assert fields_with_problems(problems) == {field}
        assert len(problems) == 1


@given(st.sampled_from(["width", "height"]), st.booleans() | st.text() | st.floats() | st.none())
def test_dimensions_must_be_integers_not_booleans_text_or_floats(field: str, value: object) -> None:
    assert fields_with_problems(check_task_spec(**valid_fields(**{field: value}))) == {field}


def test_dimension_messages_mention_the_value_and_the_limit() -> None:
    (too_wide,) = refused(width=8000).problems
    assert "8000" in too_wide.message and "7680" in too_wide.message
    (too_tall,) = refused(height=4322).problems
    assert "4322" in too_tall.message and "4320" in too_tall.message
    (odd,) = refused(width=1921).problems
    assert "1921" in odd.message and "1920 or 1922" in odd.message
    (zero,) = refused(height=0).problems
    assert "positive" in zero.message
    (boolean,) = refused(width=True).problems
    assert "whole number of pixels" in boolean.message


# --- range ---------------------------------------------------------------------------------------


@given(st.sampled_from(["start_pos", "duration"]), st.integers(max_value=-1))
def test_negative_positions_are_refused(field: str, value: int) -> None:
    assert fields_with_problems(refused(**{field: value}).problems) == {field}


@given(
    st.sampled_from(["start_pos", "duration", "source_duration_ms"]),
    st.booleans() | st.floats() | st.text(),
)
def test_positions_must_be_integer_milliseconds(field: str, value: object) -> None:
    assert field in fields_with_problems(check_task_spec(**valid_fields(**{field: value})))


@given(specs(), st.just(True))
def test_keeping_the_trim_with_the_whole_file_is_always_refused(spec: TaskSpec, keep: bool) -> None:
    fields = {field.name: getattr(spec, field.name) for field in dataclasses.fields(spec)}
    fields.update(start_pos=0, duration=0, use_trim_orig=keep)
    problems = check_task_spec(**fields)
    assert [problem.field for problem in problems] == ["use_trim_orig"]
    assert "needs a range" in problems[0].message
    with pytest.raises(InvalidTaskSpec):
        TaskSpec(**fields)


@given(millis, millis, st.integers(0, 10**10))
def test_range_must_lie_inside_a_known_source(start: int, duration: int, source: int) -> None:
    problems = check_task_spec(
        **valid_fields(
            start_pos=start, duration=duration, use_trim_orig=False, source_duration_ms=source
        )
    )
    whole = start == 0 and duration == 0
    starts_too_late = not whole and start >= source
    ends_too_late = not whole and duration > 0 and start + duration > source
    open_ended = start > 0 and duration == 0
    assert (problems == []) is not (starts_too_late or ends_too_late or open_ended)
    if starts_too_late:
        assert fields_with_problems(problems) == {"start_pos"}
    elif ends_too_late or open_ended:
        assert fields_with_problems(problems) == {"duration"}


@given(millis, millis)
def test_any_range_is_accepted_while_the_source_is_unknown(start: int, duration: int) -> None:
    if start > 0 and duration == 0:
        return  # refused whatever the source: see the next test
    trim = not (start == 0 and duration == 0)
    spec = TaskSpec(**valid_fields(start_pos=start, duration=duration, use_trim_orig=trim))
    assert spec.is_whole_file is (not trim)


@given(st.integers(1, 10**9), st.one_of(st.none(), st.integers(1, 10**10)))
def test_duration_zero_after_a_start_is_refused(start: int, source: int | None) -> None:
    # The documentation gives 0/0 a meaning (the whole file) and nothing else: "to the end"
    # is sent as an explicit duration.
    fields = valid_fields(start_pos=start, duration=0, source_duration_ms=source)
    problems = check_task_spec(**fields)
    if source is not None and start >= source:
        assert [p.field for p in problems] == ["start_pos"]
    else:
        assert [p.field for p in problems] == ["duration"]
        assert "Give a duration" in problems[0].message


def test_range_messages_read_like_an_editor_would() -> None:
    (late,) = refused(start_pos=5000, duration=6000, source_duration_ms=10_000).problems
    assert late.field == "duration"
    assert "00:00:11.000" in late.message and "00:00:10.000" in late.message
    assert "5000 ms" in late.message
    (after,) = refused(start_pos=10_000, duration=0, source_duration_ms=10_000).problems
    assert after.field == "start_pos"
    assert "00:00:10.000" in after.message
    (whole,) = refused(start_pos=0, duration=0, use_trim_orig=True).problems
    assert whole.message == (
        "Keeping the trimmed range as a new original needs a range: "
        "the whole file is selected (start 0, duration 0)"
    )


def test_huge_numbers_get_messages_not_crashes() -> None:
    problems = check_task_spec(
        **valid_fields(width=10**5000, start_pos=10**5000, source_duration_ms=10)
    )
    assert fields_with_problems(problems) == {"width", "start_pos"}
    assert all(len(problem.message) < 300 for problem in problems)


# --- enums and booleans ------------------------------------------------------------------------


@given(
    st.sampled_from(
        [
            ("category", "category", Category),
            ("task_type", "task_type", TaskType),
            ("input_quality", "input_quality", InputQuality),
            ("codec", "codec", Codec),
            ("container", "format", Container),
        ]
    ),
    st.text() | st.integers() | st.none() | st.booleans(),
)
def test_enum_fields_must_be_members(case: tuple[str, str, type[Category]], value: object) -> None:
    argument, field, kind = case
    problems = check_task_spec(**valid_fields(**{argument: value}))
    valid = isinstance(value, str) and value in {member.value for member in kind}
    assert (problems == []) is valid
    if not valid:
        assert fields_with_problems(problems) == {field}
        assert "choose" in problems[0].message.lower()


def test_enum_values_given_as_text_are_stored_as_members() -> None:
    spec = TaskSpec(**valid_fields(category="cg", codec="h265", container="mkv"))
    assert spec.category is Category.CG
    assert spec.codec is Codec.H265
    assert spec.container is Container.MKV
    assert type(spec.to_request_body()["category"]) is str


@given(
    st.sampled_from(["use_sr", "use_trim_orig"]),
    st.integers() | st.text() | st.none() | st.floats(),
)
def test_switches_must_be_booleans(field: str, value: object) -> None:
    assert field in fields_with_problems(check_task_spec(**valid_fields(**{field: value})))


@given(st.sampled_from(OPTION_NAMES), st.integers() | st.text() | st.none())
def test_ai_options_must_be_booleans(name: str, value: object) -> None:
    asked = AiOptions(**{name: value})  # type: ignore[arg-type]
    assert fields_with_problems(check_task_spec(**valid_fields(options=asked))) == {"option"}


def test_options_of_the_wrong_kind_are_a_problem() -> None:
    problems = check_task_spec(**valid_fields(options={"denoise": True}))
    assert fields_with_problems(problems) == {"option"}


# --- the tolerant reader --------------------------------------------------------------------------


def test_reader_accepts_strings_for_numbers_and_booleans_and_any_case() -> None:
    spec = TaskSpec.from_request_body(
        {
            "vid": VID.upper(),
            "category": " Person ",
            "task_type": "sr_preview",
            "input_quality": "HIGH",
            "use_sr": "false",
            "width": "1920",
            "height": 1080.0,
            "start_pos": "2000",
            "duration": " 1000 ",
            "codec": "H265",
            "format": "MOV",
            "use_trim_orig": "True",
            "option": {"denoise": "true"},
            "tid": "not ours: ignored",
        }
    )
    assert spec == TaskSpec(
        vid=VID,
        category=Category.PERSON,
        task_type=TaskType.SR_PREVIEW,
        input_quality=InputQuality.HIGH,
        use_sr=False,
        width=1920,
        height=1080,
        start_pos=2000,
        duration=1000,
        codec=Codec.H265,
        container=Container.MOV,
        use_trim_orig=True,
        options=AiOptions(denoise=True),
    )


def test_reader_fills_optional_fields_with_defaults() -> None:
    spec = TaskSpec.from_request_body(
        {"vid": VID, "category": "retro", "width": 640, "height": 480}
    )
    assert spec == TaskSpec(vid=VID, category=Category.RETRO, width=640, height=480)


def test_reader_reports_every_missing_required_field() -> None:
    with pytest.raises(InvalidTaskSpec) as caught:
        TaskSpec.from_request_body({"task_type": "SR"})
    assert fields_with_problems(caught.value.problems) == {"vid", "category", "width", "height"}
    assert "The output width is required" in str(caught.value)


def test_reader_refuses_what_the_rules_refuse() -> None:
    body = json.loads(DOCUMENTED_BODY_JSON) | {"start_pos": 0, "duration": 0, "width": 1919}
    with pytest.raises(InvalidTaskSpec) as caught:
        TaskSpec.from_request_body(body)
    assert fields_with_problems(caught.value.problems) == {"width", "use_trim_orig"}
    body["option"] = ["denoise"]
    with pytest.raises(InvalidTaskSpec) as caught:
        TaskSpec.from_request_body(body)
    assert "option" in fields_with_problems(caught.value.problems)


# --- the value object ---------------------------------------------------------------------------


def test_spec_is_frozen_and_changes_are_checked_again() -> None:
    spec = TaskSpec(**valid_fields())
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.width = 1280  # type: ignore[misc]
    smaller = spec.with_changes(width=1280, height=720)
    assert (smaller.width, smaller.height, smaller.vid) == (1280, 720, spec.vid)
    with pytest.raises(InvalidTaskSpec):
        spec.with_changes(width=1281)
    with pytest.raises(InvalidTaskSpec):
        spec.with_changes(start_pos=0, duration=0)
    assert hash(spec) == hash(TaskSpec(**valid_fields()))


def test_invalid_task_spec_joins_messages_and_keeps_its_problems() -> None:
    error = refused(vid="abc", width=3, start_pos=0, duration=0)
    assert isinstance(error, ValueError)
    assert [problem.field for problem in error.problems] == ["vid", "width", "use_trim_orig"]
    assert str(error) == "; ".join(problem.message for problem in error.problems)
    assert error.for_field("width") == (error.problems[1],)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 -- our own object, round trip
    assert copy.problems == error.problems
    assert str(copy) == str(error)


def test_end_of_range() -> None:
    assert TaskSpec(**valid_fields()).end_ms == 3000
    whole = TaskSpec(**valid_fields(start_pos=0, duration=0, use_trim_orig=False))
    assert whole.end_ms is None
    assert whole.with_changes(source_duration_ms=9000).end_ms == 9000
