"""Presets: valid by construction, applied with the task's own rules, shared as JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.enums import Category, Codec, Container, InputQuality, TaskType
from kokoon_desktop.core.presets import (
    BUILT_IN_PRESETS,
    PRESETS_VERSION,
    Preset,
    PresetsFormatError,
    name_key,
    presets_document,
    read_presets_document,
    size_for_rule,
)
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.core.sizes import SIZE_PRESETS
from kokoon_desktop.core.task_spec import AiOptions

VID = "de5e9990-c0fb-11ee-961f-d12490e606ad"

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "")
even = st.integers(min_value=1, max_value=3840).map(lambda n: 2 * n)
size_rules = st.one_of(
    st.sampled_from(SIZE_PRESETS),
    st.tuples(even.filter(lambda n: n <= 7680), even.filter(lambda n: n <= 4320)).map(
        lambda wh: f"{wh[0]}x{wh[1]}"
    ),
)
options = st.builds(
    AiOptions,
    face_enhance=st.booleans(),
    denoise=st.booleans(),
    deinterlace=st.booleans(),
    add_noise=st.booleans(),
)
presets = st.builds(
    Preset,
    name=names,
    category=st.sampled_from(Category),
    size=size_rules,
    task_type=st.sampled_from(TaskType),
    input_quality=st.sampled_from(InputQuality),
    use_sr=st.booleans(),
    options=options,
    codec=st.sampled_from(Codec),
    container=st.sampled_from(Container),
)


@given(st.lists(presets, max_size=6, unique_by=lambda p: p.key), st.data())
def test_export_then_import_gives_the_same_presets(
    listed: list[Preset], data: st.DataObject
) -> None:
    default = data.draw(st.sampled_from([None, *(p.name for p in listed)]))
    text = json.dumps(presets_document(listed, default), ensure_ascii=False)
    document = read_presets_document(json.loads(text))
    assert list(document.presets) == listed
    assert document.default == default
    assert document.problems == ()


@given(presets, st.sampled_from([(320, 180), (1920, 1080), (1080, 1920), (640, 480)]))
def test_applying_masks_the_detail_options_by_the_task_rule(
    preset: Preset, source: tuple[int, int]
) -> None:
    try:
        spec = preset.apply(vid=VID, source_size=source)
    except InvalidTaskSpec as exc:
        # Only the size can fail on a real source: too large for the service.
        assert {p.field for p in exc.problems} == {"size"}
        return
    body = spec.to_request_body()
    assert spec.options == preset.options  # the wish is kept
    assert body["option"] == preset.options.masked_for(preset.category).to_dict()
    if preset.category in (Category.ANIMATION, Category.CG):
        assert body["option"]["face_enhance"] is False
        assert body["option"]["denoise"] is False
        assert body["option"]["add_noise"] is False
    assert body["option"]["deinterlace"] == preset.options.deinterlace
    assert (spec.width, spec.height) == size_for_rule(preset.size, source)
    assert (body["task_type"], body["codec"], body["format"]) == (
        preset.task_type.value,
        preset.codec.value,
        preset.container.value,
    )


def test_size_rules_follow_the_source() -> None:
    animation = next(p for p in BUILT_IN_PRESETS if p.name == "Animation 2x")
    assert animation.apply(vid=VID, source_size=(640, 360)).width == 1280
    archive = next(p for p in BUILT_IN_PRESETS if p.name.startswith("Archive film"))
    assert (archive.apply(vid=VID, source_size=(720, 576)).height) == 2160
    with pytest.raises(InvalidTaskSpec) as caught:
        animation.apply(vid=VID, source_size=None)
    assert caught.value.for_field("size")


def test_a_preset_is_checked_by_the_task_rules() -> None:
    with pytest.raises(InvalidTaskSpec) as caught:
        Preset(name="  ", category="bogus", size="1921x1080")  # type: ignore[arg-type]
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"name", "category", "size"}
    assert "odd" in str(caught.value)


def test_names_compare_without_case_and_spaces() -> None:
    assert name_key(" Animation 2X ") == name_key("animation 2x")
    preset = Preset(name="  Studio look  ", category=Category.PERSON, size="2X")
    assert preset.name == "Studio look" and preset.size == "2x"
    assert Preset(name="x", category=Category.PERSON, size=" 1920 × 1080 ").size == "1920x1080"


def test_reading_is_tolerant_and_says_what_was_left_out() -> None:
    document = read_presets_document(
        {
            "format": "kokoon-desktop-presets",
            "version": 1,
            "default": "missing",
            "presets": [
                {"name": "Good", "category": "Person", "use_sr": "true", "size": "1080P", "x": 1},
                {"name": "Bad", "category": "cartoon"},
                {"name": "good", "category": "cg"},
                "not an object",
            ],
        }
    )
    assert [p.name for p in document.presets] == ["Good"]
    assert document.presets[0].size == "1080p"
    assert document.default is None
    joined = "\n".join(document.problems)
    assert "Preset 2 ('Bad')" in joined and "'cartoon' is not a category" in joined
    assert "Preset 3 ('good')" in joined and "same name" in joined
    assert "Preset 4 was left out" in joined
    assert "'missing'" in joined


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"format": "something-else", "presets": []}, "not a presets file"),
        ({"version": PRESETS_VERSION + 1, "presets": []}, "newer Kokoon Desktop"),
        ({"presets": {}}, "list of presets"),
        ("text", "JSON object"),
    ],
)
def test_documents_that_are_not_presets_are_refused(data: object, words: str) -> None:
    with pytest.raises(PresetsFormatError, match=words):
        read_presets_document(data)


def test_a_bare_list_is_read() -> None:
    document = read_presets_document([{"name": "A", "category": "retro", "size": "4x"}])
    assert document.presets[0].category is Category.RETRO


def test_built_ins_are_valid_and_distinct() -> None:
    assert len({p.key for p in BUILT_IN_PRESETS}) == len(BUILT_IN_PRESETS)
    assert any(p.name == "Interview 1080p" for p in BUILT_IN_PRESETS)
