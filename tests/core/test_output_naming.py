"""Result names: what the fields give, safe file names whatever they hold, and free names."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kokoon_desktop.core.output_naming import (
    DEFAULT_TEMPLATE,
    EXAMPLE_FIELDS,
    MAX_NAME_BYTES,
    TEMPLATE_FIELDS,
    NameFields,
    TemplateError,
    check_template,
    fields_for,
    next_free_name,
    render_name,
)
from tests.core.test_task_spec import ECHOED_BODY

BODY = {
    **ECHOED_BODY, "category": "person", "width": 3840, "height": 2160, "codec": "h265",
    "format": "mov",
}  # fmt: skip
TID = "89f758a0-ba76-11ee-8fa6-17cde62e8e05"
FIELDS = EXAMPLE_FIELDS
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))} | {
    f"LPT{n}" for n in range(1, 10)
}


def assert_safe(name: str) -> None:
    """Valid as a file name on Windows, macOS and Linux."""
    assert name and name not in (".", "..")
    assert not any(char in '/\\:*?"<>|' for char in name), name
    assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in name), name
    assert not name.endswith((".", " ")), name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.split(".", 1)[0].rstrip(" ").upper() not in RESERVED, name


# --- the fields of a result -------------------------------------------------------------------


def test_fields_come_from_the_request_the_source_and_the_task() -> None:
    when = datetime(2024, 1, 24, 12, 0, tzinfo=UTC)
    fields = fields_for(source_name="football_360p_10s.mp4", request_body=BODY, tid=TID, when=when)
    assert fields == dataclasses.replace(
        FIELDS,
        source="football_360p_10s",
        format="mov",
        codec="h265",
        date=when.astimezone().date().isoformat(),
    )
    assert render_name(DEFAULT_TEMPLATE, fields) == "football_360p_10s_person_3840x2160.mov"


@pytest.mark.parametrize(
    ("source_name", "stem"),
    [
        (None, "video"),
        ("", "video"),
        ("clip", "clip"),
        ("take.final.mov", "take.final"),
        ("/home/ed/rushes/clip.mp4", "clip"),
        ("C:\\Users\\ed\\clip.mp4", "clip"),
        (".hidden", ".hidden"),
        ("folder/", "video"),
    ],
)
def test_the_source_is_the_stem_of_its_file_name(source_name: str | None, stem: str) -> None:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    assert fields_for(source_name=source_name, request_body=BODY, tid=TID, when=when).source == (
        stem
    )


def test_a_partial_body_gets_the_api_defaults() -> None:
    fields = fields_for(
        source_name="a.mp4",
        request_body={"width": "1280", "height": True},
        tid=None,
        when=datetime(2024, 1, 1, tzinfo=UTC),
    )
    assert (fields.category, fields.width, fields.height) == ("unknown", 1280, 0)
    assert (fields.format, fields.codec, fields.task_type, fields.task) == ("mp4", "h264", "SR", "")


def test_the_date_is_the_local_date_of_the_finish() -> None:
    late_evening_in_tokyo = datetime(2024, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=9)))
    fields = fields_for(source_name=None, request_body={}, tid=TID, when=late_evening_in_tokyo)
    assert fields.date == late_evening_in_tokyo.astimezone().date().isoformat()


# --- templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "name"),
    [
        (DEFAULT_TEMPLATE, "clip_person_3840x2160.mp4"),
        ("{source}", "clip.mp4"),  # no extension: the container's is added
        ("{source}.mkv", "clip.mkv"),
        ("{source}.{task}", "clip.89f758a0.mp4"),  # a field after the dot is no extension
        ("{date} {source} {task_type} {codec}.{format}", "2024-01-24 clip SR h264.mp4"),
        ("{source}.", "clip.mp4"),
        ("{{{source}}}", "{clip}.mp4"),
        ("CON", "_CON.mp4"),
        ("a:b*c?", "a_b_c_.mp4"),
    ],
)
def test_templates_render(template: str, name: str) -> None:
    check_template(template)
    assert render_name(template, FIELDS) == name


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{resolution}", "{resolution} is not a field"),
        ("{}", "{} is not a field"),
        ("{0}", "{0} is not a field"),
        ("{source.name}", "is not a field"),
        ("{source", "braces do not match"),
        ("source}", "braces do not match"),
        ("{width:05d}", "without a format"),
        ("{source!r}", "without a format"),
        ("", "gives no name"),
        (" . ", "gives no name"),
        ("renders/{source}", '"/"'),
        ("..\\{source}", '"/"'),
    ],
)
def test_bad_templates_say_what_to_do(template: str, words: str) -> None:
    with pytest.raises(TemplateError) as refused:
        check_template(template)
    assert words in str(refused.value)
    with pytest.raises(TemplateError):
        render_name(template, FIELDS)


def test_an_unknown_field_names_the_allowed_ones() -> None:
    with pytest.raises(TemplateError) as refused:
        check_template("{name}_{category}")
    for name in TEMPLATE_FIELDS:
        assert "{" + name + "}" in str(refused.value)


def test_a_reserved_device_name_with_an_extension_is_prefixed() -> None:
    for source in ("nul", "Com1", "LPT9", "aux "):
        name = render_name("{source}.{format}", dataclasses.replace(FIELDS, source=source))
        assert name.startswith("_"), name
        assert_safe(name)
    assert render_name("{source}", dataclasses.replace(FIELDS, source="console")) == "console.mp4"


def test_a_long_name_is_cut_keeping_its_extension() -> None:
    fields = dataclasses.replace(FIELDS, source="é" * 300)
    name = render_name(DEFAULT_TEMPLATE, fields)
    assert name.startswith("éé") and name.endswith("é.mp4")  # the rest of the stem went
    assert len(name.encode()) <= MAX_NAME_BYTES
    assert_safe(name)


# --- properties -------------------------------------------------------------------------------

field_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list('/\\:*?"<>|. \x00\x1f\x7f\n\tCONulé🎬'))),
    st.text(min_size=150, max_size=1000),
    st.sampled_from(["", ".", "..", " ", "CON", "nul", "com1", "LPT3 ", "a" * 5000]),
)
name_fields = st.builds(
    NameFields,
    source=field_text,
    category=field_text,
    width=st.integers(),
    height=st.integers(),
    format=field_text,
    codec=field_text,
    task_type=field_text,
    task=field_text,
    date=field_text,
)
templates = st.lists(
    st.one_of(
        st.sampled_from(["{" + name + "}" for name in TEMPLATE_FIELDS]),
        st.text(alphabet=st.characters(exclude_characters="{}/\\")),
        st.sampled_from([".", "_", " ", "{{", "}}", ":", "CON"]),
    ),
    min_size=1,
    max_size=8,
).map("".join)


@given(fields=name_fields, template=st.one_of(st.just(DEFAULT_TEMPLATE), templates))
@example(fields=dataclasses.replace(FIELDS, width=10**5000), template=DEFAULT_TEMPLATE)
@example(fields=dataclasses.replace(FIELDS, source="..", format=""), template="{source}")
def test_any_fields_give_a_safe_name(fields: NameFields, template: str) -> None:
    try:
        check_template(template)
    except TemplateError:
        return
    assert_safe(render_name(template, fields))


@given(template=st.one_of(st.text(), templates, st.just(DEFAULT_TEMPLATE)), fields=name_fields)
def test_check_template_accepts_exactly_what_render_name_renders(
    template: str, fields: NameFields
) -> None:
    try:
        check_template(template)
    except TemplateError as refused:
        with pytest.raises(TemplateError) as also_refused:
            render_name(template, fields)
        assert str(also_refused.value) == str(refused)
    else:
        assert_safe(render_name(template, fields))


@given(fields=name_fields)
def test_the_default_template_keeps_the_container_as_the_extension(fields: NameFields) -> None:
    plain = dataclasses.replace(fields, format="mkv")
    assert render_name(DEFAULT_TEMPLATE, plain).endswith(".mkv")


safe_names = st.builds(render_name, st.just(DEFAULT_TEMPLATE), name_fields)


@given(name=st.one_of(safe_names, st.text(min_size=1)), taken=st.sets(st.text(), max_size=30))
@example(name="a.mp4", taken={"a.mp4", "a (2).mp4", "a (3).mp4"})
@example(name="a (2).mp4", taken={"a (2).mp4"})
def test_next_free_name_is_free_and_keeps_the_extension(name: str, taken: set[str]) -> None:
    free = next_free_name(name, taken.__contains__)
    assert free not in taken
    if name not in taken:
        assert free == name
    elif "." in name.lstrip("."):
        assert free.rsplit(".", 1)[1] == name.rsplit(".", 1)[1]


@given(fields=name_fields, count=st.integers(min_value=1, max_value=12))
def test_free_names_of_safe_names_stay_safe(fields: NameFields, count: int) -> None:
    taken: set[str] = set()
    for _ in range(count):
        name = next_free_name(render_name(DEFAULT_TEMPLATE, fields), taken.__contains__)
        assert name not in taken
        assert_safe(name)
        taken.add(name)


@pytest.mark.parametrize(
    ("name", "taken", "free"),
    [
        ("a.mp4", set(), "a.mp4"),
        ("a.mp4", {"a.mp4"}, "a (2).mp4"),
        ("a.mp4", {"a.mp4", "a (2).mp4"}, "a (3).mp4"),
        ("a (2).mp4", {"a (2).mp4"}, "a (3).mp4"),
        ("take.final.mov", {"take.final.mov"}, "take.final (2).mov"),
        ("video", {"video"}, "video (2)"),
    ],
)
def test_next_free_name_examples(name: str, taken: set[str], free: str) -> None:
    assert next_free_name(name, taken.__contains__) == free


def test_a_dot_inside_a_long_name_without_a_format_is_no_extension() -> None:
    # A source called "take." and no format: the template's dot is in the middle of the name.
    name = "video._" + "0" * 150 + "_0x0"
    assert len(name.encode()) <= MAX_NAME_BYTES
    free = next_free_name(name, {name}.__contains__)
    assert free == name + " (2)"
    assert_safe(free)
