"""Manifests: the JSON and CSV forms of the same items give the same rows; every problem has
its row number and field; a row's request comes from its preset, its fields and its source."""

from __future__ import annotations

import csv
import io
import json
from pathlib import PurePosixPath
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.enums import Category, Codec, Container, InputQuality, TaskType
from kokoon_desktop.core.manifest import (
    CSV_COLUMNS,
    ClipFacts,
    ManifestError,
    Timecode,
    manifest_kind,
    parse_manifest,
    row_task_spec,
)
from kokoon_desktop.core.presets import BUILT_IN_PRESETS, Preset, name_key
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.core.task_spec import OPTION_NAMES
from kokoon_desktop.core.timecode import FrameRate

VID = "de5e9990-c0fb-11ee-961f-d12490e606ad"
CLIP = ClipFacts(vid=VID, size=(640, 360), duration_ms=10_000, rate=FrameRate.parse("25"))


def find(name: str) -> Preset | None:
    return next((p for p in BUILT_IN_PRESETS if p.key == name_key(name)), None)


# --- the same items in both forms ------------------------------------------------------------

vids = st.uuids().map(str)
items = st.fixed_dictionaries(
    {"vid": vids},
    optional={
        "category": st.sampled_from([c.value for c in Category]),
        "task_type": st.sampled_from([t.value for t in TaskType]),
        "input_quality": st.sampled_from([q.value for q in InputQuality]),
        "use_sr": st.booleans(),
        "codec": st.sampled_from([c.value for c in Codec]),
        "format": st.sampled_from([c.value for c in Container]),
        "use_trim_orig": st.booleans(),
        "width": st.integers(1, 3840).map(lambda n: 2 * n),
        "start_pos": st.integers(0, 10**7),
        "duration": st.integers(1, 10**7),
        "option": st.dictionaries(st.sampled_from(OPTION_NAMES), st.booleans(), max_size=4),
        "preset": st.sampled_from([p.name for p in BUILT_IN_PRESETS]),
        "start": st.one_of(
            st.integers(0, 10**6),
            st.tuples(st.integers(0, 9), st.integers(0, 59), st.integers(0, 24)).map(
                lambda t: f"00:0{t[0]}:{t[1]:02d}:{t[2]:02d}"
            ),
        ),
    },
).map(lambda item: _consistent(item))


def _consistent(item: dict[str, Any]) -> dict[str, Any]:
    """Keep generated items to the combinations a manifest allows (width with height...)."""
    if "width" in item:
        item["height"] = item["width"] // 2 * 2 or 2
    if "start" in item:
        item.pop("start_pos", None)
    if not item.get("option"):
        item.pop("option", None)
    return item


def as_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS))
    writer.writeheader()
    for item in rows:
        flat = {k: v for k, v in item.items() if k != "option"}
        flat.update(item.get("option", {}))
        writer.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in flat.items()})
    return out.getvalue()


@given(st.lists(items, min_size=1, max_size=8))
def test_json_and_csv_forms_give_the_same_rows(rows: list[dict[str, Any]]) -> None:
    from_json = parse_manifest(json.dumps(rows), "json")
    from_csv = parse_manifest(as_csv(rows), "csv")
    assert [r.fields for r in from_json.rows] == [r.fields for r in from_csv.rows]
    assert [r.key for r in from_json.rows] == [r.key for r in from_csv.rows]
    assert from_json.problems == from_csv.problems


@given(st.lists(items, min_size=1, max_size=5), st.integers(0, 4), st.sampled_from(["json", "csv"]))
def test_a_bad_value_is_reported_with_its_row_and_field(
    rows: list[dict[str, Any]], index: int, kind: str
) -> None:
    index %= len(rows)
    rows[index]["category"] = "cartoon"
    text = json.dumps(rows) if kind == "json" else as_csv(rows)
    manifest = parse_manifest(text, "json" if kind == "json" else "csv")
    assert any(p.row == index + 1 and p.field == "category" for p in manifest.problems)
    assert index + 1 in manifest.invalid_rows()
    for problem in manifest.problems:
        if problem.field == "category" and problem.row != index + 1:
            other = rows[problem.row - 1]
            assert "category" not in other and "preset" not in other  # "missing", rightly


@given(items, items)
def test_an_edited_item_has_a_new_key(first: dict[str, Any], second: dict[str, Any]) -> None:
    keys = parse_manifest(json.dumps([first, second, first]), "json").rows
    assert keys[0].key == keys[2].key
    assert (keys[0].key == keys[1].key) == (keys[0].fields == keys[1].fields)


# --- problems ---------------------------------------------------------------------------------


def problems_of(rows: list[dict[str, Any]]) -> list[str]:
    return [str(p) for p in parse_manifest(json.dumps(rows), "json").problems]


def test_each_problem_names_its_row_and_field() -> None:
    found = problems_of(
        [
            {"vid": VID, "category": "person", "width": 1920, "height": 1080},
            {"vid": "nope", "category": "person", "width": 1921, "height": 1080, "widht": 2},
            {"file": "a.mp4", "vid": VID, "preset": "Animation 2x"},
            {"category": "person", "size": "3x"},
            {"vid": VID, "preset": "x", "start": "00:00:02:00", "start_pos": 5, "end": -1},
            {"vid": VID, "preset": "x", "use_trim_orig": True},
        ]
    )
    text = "\n".join(found)
    assert "row 1" not in text
    assert "row 2, widht: 'widht' is not a manifest field" in text
    assert "row 2, vid:" in text and "row 2, width:" in text and "odd" in text
    assert "row 3, file: Give either file or vid, not both" in text
    assert "row 4, vid: Each row needs a vid or a file" in text
    assert "row 4, size: '3x' is not a size" in text
    assert "row 5, start: Give either start or start_pos" in text
    assert "row 5, end:" in text and "negative" in text
    assert "row 6, use_trim_orig:" in text and "whole file" in text


def test_missing_category_and_size_need_a_preset() -> None:
    text = "\n".join(problems_of([{"vid": VID}]))
    assert "row 1, category: The category is missing" in text
    assert "row 1, size: The output size is missing" in text
    assert problems_of([{"vid": VID, "preset": "Animation 2x"}]) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{}", "list of objects"),
        ("[1]", "Item 1 of the manifest is not a JSON object"),
        ("[", "not valid JSON"),
    ],
)
def test_json_that_is_no_manifest(text: str, words: str) -> None:
    with pytest.raises(ManifestError, match=words):
        parse_manifest(text, "json")


def test_csv_header_problems() -> None:
    with pytest.raises(ManifestError, match="'widht' is not a manifest field"):
        parse_manifest("vid,widht\n", "csv")
    with pytest.raises(ManifestError, match="header"):
        parse_manifest("", "csv")
    with pytest.raises(ManifestError, match="twice"):
        parse_manifest("vid,vid\n", "csv")


def test_csv_blank_lines_and_cells() -> None:
    text = (
        f"vid,category,width,height,denoise\n\n{VID},person,1920,1080,\n{VID},cg,2,2,TRUE,extra\n"
    )
    manifest = parse_manifest(text, "csv")
    assert [r.number for r in manifest.rows] == [1, 2]
    assert "option" not in manifest.rows[0].fields  # an empty cell is a missing field
    assert [str(p) for p in manifest.problems] == [
        "row 2: The row has more cells than the header has columns"
    ]


def test_kind_by_suffix_or_content() -> None:
    assert manifest_kind("jobs.CSV", "[") == "csv"
    assert manifest_kind("jobs.json", "vid") == "json"
    assert manifest_kind("jobs", " \n[{}]") == "json"
    assert manifest_kind("jobs", "vid,category") == "csv"


def test_files_are_read_from_the_manifest_folder() -> None:
    base = PurePosixPath("/projects/reel")
    rows = parse_manifest(
        json.dumps(
            [
                {"file": "clips/a.mp4", "preset": "Animation 2x"},
                {"file": "/abs/b.mp4", "preset": "Animation 2x"},
            ]
        ),
        "json",
        base_dir=base,
    ).rows
    assert rows[0].file == "/projects/reel/clips/a.mp4"
    assert rows[1].file == "/abs/b.mp4"


# --- the request of a row ---------------------------------------------------------------------


def spec_of(item: dict[str, Any], clip: ClipFacts = CLIP) -> dict[str, Any]:
    (row,) = parse_manifest(json.dumps([item]), "json").rows
    return row_task_spec(row, clip, find).to_request_body()


def test_missing_fields_take_the_documented_defaults() -> None:
    body = spec_of({"vid": VID, "category": "person", "width": 1920, "height": 1080})
    assert body == {
        "task_type": "SR",
        "category": "person",
        "use_sr": True,
        "input_quality": "medium",
        "option": {
            "face_enhance": False,
            "denoise": False,
            "deinterlace": False,
            "add_noise": False,
        },
        "vid": VID,
        "width": 1920,
        "height": 1080,
        "start_pos": 0,
        "duration": 0,
        "codec": "h264",
        "format": "mp4",
        "use_trim_orig": False,
    }


def test_row_fields_override_the_preset_and_options_merge() -> None:
    body = spec_of(
        {"vid": VID, "preset": "Interview 1080p", "codec": "h265", "option": {"deinterlace": True}}
    )
    assert (body["category"], body["input_quality"], body["codec"]) == ("person", "high", "h265")
    assert body["option"] == {
        "face_enhance": True,
        "denoise": True,
        "deinterlace": True,
        "add_noise": False,
    }
    assert (body["width"], body["height"]) == (1920, 1080)
    # The animation rule is the task's: options asked for are sent false.
    masked = spec_of({"vid": VID, "preset": "Interview 1080p", "category": "animation"})
    assert masked["option"] == {
        "face_enhance": False,
        "denoise": False,
        "deinterlace": False,
        "add_noise": False,
    }


def test_timecode_start_and_end_at_the_source_rate() -> None:
    body = spec_of(
        {"vid": VID, "preset": "Animation 2x", "start": "00:00:01:12", "end": "00:00:03:00"}
    )
    # 25 fps: frame 37 starts at 1480 ms; the end frame 75 at 3000 ms (exclusive).
    assert (body["start_pos"], body["duration"]) == (1480, 1520)
    ntsc = ClipFacts(
        vid=VID, size=(640, 360), duration_ms=60_000, rate=FrameRate.parse("30000/1001")
    )
    body = spec_of({"vid": VID, "preset": "Animation 2x", "start": "00:00:10;00"}, ntsc)
    assert body["start_pos"] == 10_010  # 300 frames at 29.97 run to the end of the clip
    assert body["duration"] == 60_000 - 10_010


def test_times_in_milliseconds_and_clock_form() -> None:
    body = spec_of({"vid": VID, "preset": "Animation 2x", "start": 2500, "end": "00:00:04.000"})
    assert (body["start_pos"], body["duration"]) == (2500, 1500)
    body = spec_of({"vid": VID, "preset": "Animation 2x", "start_pos": 9000})
    assert (body["start_pos"], body["duration"]) == (9000, 1000)  # to the end


def test_problems_only_the_source_can_show() -> None:
    (row,) = parse_manifest(
        json.dumps(
            [{"vid": VID, "preset": "Animation 2x", "start": "00:00:01:00", "end": "00:00:20:00"}]
        ),
        "json",
    ).rows
    with pytest.raises(InvalidTaskSpec) as caught:
        row_task_spec(row, CLIP, find)
    assert caught.value.for_field("duration")  # past the end of the 10 s source
    with pytest.raises(InvalidTaskSpec) as caught:
        row_task_spec(row, ClipFacts(vid=VID), find)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"size", "start", "end"}  # 2x needs the size; timecode needs the rate
    (missing,) = parse_manifest(json.dumps([{"vid": VID, "preset": "Nope"}]), "json").rows
    with pytest.raises(InvalidTaskSpec, match="no preset named 'Nope'"):
        row_task_spec(missing, CLIP, find)


def test_start_end_kept_as_written_until_the_source_is_known() -> None:
    (row,) = parse_manifest(
        json.dumps([{"vid": VID, "preset": "Animation 2x", "start": "00:00:01:00", "end": "3000"}]),
        "json",
    ).rows
    assert row.fields["start"] == Timecode("00:00:01:00")
    assert row.fields["end"] == 3000
