"""The models read the documented examples and survive the documentation's type mix-ups."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.api.errors import MalformedResponseError
from kokoon_desktop.api.fields import Fields
from kokoon_desktop.api.models import CreatedTask, Credit, Task, TaskPage, Video, VideoPage
from kokoon_desktop.core.enums import Step
from tests.core.test_task_spec import ECHOED_BODY

UPLOAD_EXAMPLE: dict[str, Any] = {
    "uid": "539e3480-929a-11ee-ada2-51e4bfe11414",
    "vid": "de5e9990-c0fb-11ee-961f-d12490e606ad",
    "pid": "00000000-0000-0000-0000-000000000000",
    "tid": "00000000-0000-0000-0000-000000000000",
    "created_time": "2024-02-01T12:17:32.699Z",
    "filename": "original.mp4",
    "size": 939073,
    "codec_name": "h264",
    "fps": "30/1",
    "duration": "10.000000",
    "nb_frames": "300",
    "bitrate": "739484",
    "width": 640,
    "height": 360,
    "download_cnt": 0,
    "expired_time": "2024-02-15T12:17:32.699Z",
    "state": "completed",
    "url": "https://sr-inner-api-storage-local.s3.amazonaws.com/video/539e/x.mp4",
    "thumb_url": "https://sr-inner-api-storage-local.s3.amazonaws.com/video/539e/x.jpg",
    "is_rotated": False,
    "is_interlaced": False,
}

TASK_EXAMPLE: dict[str, Any] = {
    "request_body": ECHOED_BODY,
    "uid": "539e3480-929a-11ee-ada2-51e4bfe11414",
    "tid": "89f758a0-ba76-11ee-8fa6-17cde62e8e05",
    "in_vid": "a600c7e0-b5d3-11ee-8bc1-e3593f7b2d5c",
    "out_vid": "89f758a1-ba76-11ee-8fa6-17cde62e8e05",
    "task_type": "SR",
    "step": "done",
    "filename": "football_360p_10s.mp4",
    "request_time": "2024-01-24T05:07:58.000Z",
    "start_time": "2024-01-24T05:09:06.000Z",
    "finish_time": "2024-01-24T05:09:32.000Z",
    "result_message": "success",
    "bitrate": "739484",
    "fps": "30/1",
    "nb_frames": "300",
    "sr_nb_frames": "300",
    "progress": "255",
}


def test_upload_example_reads_with_numbers_from_strings() -> None:
    video = Video.from_json(UPLOAD_EXAMPLE)
    assert video.vid == "de5e9990-c0fb-11ee-961f-d12490e606ad"
    assert video.is_original and video.is_ready
    assert video.nb_frames == 300 and video.bitrate == 739484
    assert video.duration_s == Decimal("10.000000") and video.duration_ms == 10_000
    assert video.size_px == (640, 360)
    assert video.created_time is not None and video.created_time.tzinfo is not None
    assert video.last_category is None  # the upload answer has none


def test_result_video_is_not_original_and_not_ready_until_completed() -> None:
    data = dict(UPLOAD_EXAMPLE, pid="a600c7e0-b5d3-11ee-8bc1-e3593f7b2d5c", state="processing")
    video = Video.from_json(data)
    assert not video.is_original and not video.is_ready


def test_unknown_fields_are_kept() -> None:
    video = Video.from_json(dict(UPLOAD_EXAMPLE, brand_new_field=[1, 2]))
    assert video.raw["brand_new_field"] == [1, 2]


def test_task_example_judged_by_step_not_progress() -> None:
    task = Task.from_json(TASK_EXAMPLE)
    assert task.step is Step.DONE and task.is_finished
    assert task.progress == 255
    assert task.progress_fraction() is None  # 255 of 300 on a finished task means nothing
    assert task.request_body is not None and task.request_body["category"] == "animation"


@pytest.mark.parametrize(
    ("step", "progress", "frames", "expected"),
    [
        ("running", "150", "300", 0.5),
        ("running", "0", "300", 0.0),
        ("running", "300", "300", 1.0),
        ("running", "255", "5", None),
        ("running", None, "300", None),
        ("running", "10", "0", None),
        ("ready", "0", "300", None),
        ("done", "300", "300", None),
    ],
)
def test_progress_fraction_only_when_it_makes_sense(
    step: str, progress: str | None, frames: str, expected: float | None
) -> None:
    data = dict(TASK_EXAMPLE, step=step, progress=progress, sr_nb_frames=frames)
    assert Task.from_json(data).progress_fraction() == expected


def test_unknown_step_is_kept_as_unknown_not_a_crash() -> None:
    task = Task.from_json(dict(TASK_EXAMPLE, step="teleporting"))
    assert task.step is Step.UNKNOWN and task.step_raw == "teleporting"
    assert not task.is_finished


def test_list_pages_read_the_documented_shapes() -> None:
    page = VideoPage.from_json(
        {
            "all_count": 7,
            "curr_count": 1,
            "page_size": "2",
            "page_num": "0",
            "videos": [UPLOAD_EXAMPLE],
        }
    )
    assert page.all_count == 7 and page.page_size == 2 and page.page_num == 0
    assert page.videos[0].filename == "original.mp4"
    tasks = TaskPage.from_json({"all_count": 9, "curr_count": 1, "sr_tasks": [TASK_EXAMPLE]})
    assert tasks.tasks[0].tid == TASK_EXAMPLE["tid"]


def test_credit_as_number_or_string() -> None:
    assert Credit.from_json({"uid": "u", "credit": 4058, "point": 0}).credit == 4058
    assert Credit.from_json({"credit": "12.5", "point": "1"}).credit == Decimal("12.5")
    with pytest.raises(MalformedResponseError):
        Credit.from_json({"point": 0})


@pytest.mark.parametrize(
    "bad",
    [
        [],
        "text",
        {"tid": 5.5},
        {"in_vid": "x"},
        {"tid": ["a"]},
    ],
)
def test_created_task_bad_shapes_are_malformed(bad: object) -> None:
    with pytest.raises(MalformedResponseError):
        CreatedTask.from_json(bad)


def test_bad_value_names_the_field() -> None:
    with pytest.raises(MalformedResponseError, match=r"video\.width"):
        Video.from_json(dict(UPLOAD_EXAMPLE, width="wide"))


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_int_fields_read_numbers_and_their_strings(value: int) -> None:
    f = Fields({"a": value, "b": str(value), "c": f" {value} ", "d": float(value)}, "x")
    assert f.opt_int("a") == f.opt_int("b") == f.opt_int("c") == f.opt_int("d") == value


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(JSON)
def test_any_json_is_a_model_or_a_malformed_error(data: object) -> None:
    for model in (Video, VideoPage, Task, TaskPage, Credit, CreatedTask):
        with contextlib.suppress(MalformedResponseError):
            model.from_json(data)  # type: ignore[attr-defined]


@given(
    st.fixed_dictionaries(
        {},
        optional={
            key: st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.floats())
            for key in UPLOAD_EXAMPLE
        },
    )
)
def test_any_field_values_never_crash_the_video_model(fields: dict[str, object]) -> None:
    data = dict(fields, vid="de5e9990-c0fb-11ee-961f-d12490e606ad")
    with contextlib.suppress(MalformedResponseError):
        Video.from_json(json.loads(json.dumps(data, default=str)))
