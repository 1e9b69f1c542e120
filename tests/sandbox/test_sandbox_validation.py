"""Server-side validation: AJV-style messages, range rules, credit, and bodies that never crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop.sandbox import Sandbox
from kokoon_desktop.sandbox.errors import ApiError
from kokoon_desktop.sandbox.validation import (
    TaskRequest,
    check_range,
    parse_calc_body,
    parse_task_body,
    parse_task_query,
    parse_video_query,
)
from tests.sandbox.sandbox_helpers import task_body, upload

VID = "8eb18100-3aa0-11ee-a8b4-73df6b5af037"


def _message(body: Any) -> str:
    with pytest.raises(ApiError) as caught:
        parse_task_body(body)
    assert caught.value.status == 400
    return caught.value.message


def _without(key: str) -> dict[str, Any]:
    body = task_body(VID)
    del body[key]
    return body


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_without("use_sr"), "must have required property 'use_sr'"),
        (_without("task_type"), "must have required property 'task_type'"),
        ([], "must be object"),
        (None, "must be object"),
        (task_body(VID, category="sports"), "/category must be equal to one of the allowed values"),
        (
            task_body(VID, task_type="SR_IMAGE"),
            "/task_type must be equal to one of the allowed values",
        ),
        (
            task_body(VID, input_quality="low"),
            "/input_quality must be equal to one of the allowed values",
        ),
        (task_body(VID, use_sr="true"), "/use_sr must be boolean"),
        (task_body(VID, width="1920"), "/width must be integer"),
        (task_body(VID, width=1920.5), "/width must be integer"),
        (task_body(VID, width=True), "/width must be integer"),
        (task_body(VID, width=0), "/width must be >= 1"),
        (task_body(VID, width=7681), "/width must be <= 7680"),
        (task_body(VID, height=4321), "/height must be <= 4320"),
        (task_body(VID, start_pos=-1), "/start_pos must be >= 0"),
        (task_body(VID, duration=1.5), "/duration must be integer"),
        (task_body(VID, codec="vp9"), "/codec must be equal to one of the allowed values"),
        (task_body(VID, format="avi"), "/format must be equal to one of the allowed values"),
        (task_body(VID, use_trim_orig=1), "/use_trim_orig must be boolean"),
        (task_body("abc"), '/vid must match format "uuid"'),
        (task_body(42), "/vid must be string"),
        (task_body(VID, option=[]), "/option must be object"),
        (
            task_body(VID, option={"face_enhance": True}),
            "/option must have required property 'denoise'",
        ),
        (
            task_body(VID, option={**task_body(VID)["option"], "sharpen": True}),
            "/option must NOT have additional properties",
        ),
        (
            task_body(VID, option={**task_body(VID)["option"], "denoise": "yes"}),
            "/option/denoise must be boolean",
        ),
        (task_body(VID, ai_model_name="bluewhale"), "must NOT have additional properties"),
    ],
)
def test_ajv_style_messages(body: Any, message: str) -> None:
    assert _message(body) == message


def test_defaults_are_filled_and_integral_floats_accepted() -> None:
    request = parse_task_body(task_body(VID.upper(), width=1920.0))
    assert request == TaskRequest(
        task_type="SR",
        category="person",
        use_sr=True,
        input_quality="medium",
        option=dict.fromkeys(("face_enhance", "denoise", "deinterlace", "add_noise"), False),
        vid=VID,
        width=1920,
        height=720,
    )
    assert (request.start_pos, request.duration, request.codec, request.format) == (
        0,
        0,
        "h264",
        "mp4",
    )
    assert request.use_trim_orig is False and request.whole_file


def test_credit_calc_accepts_only_sr() -> None:
    assert parse_calc_body(task_body(VID)).task_type == "SR"
    with pytest.raises(ApiError) as caught:
        parse_calc_body(task_body(VID, task_type="SR_PREVIEW"))
    assert caught.value.status == 400
    assert "SR_PREVIEW" in caught.value.message


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"use_trim_orig": True}, "use_trim_orig is not allowed for the whole file"),
        ({"start_pos": 1000, "duration": 1001}, "start_pos and duration exceed the video duration"),
        ({"start_pos": 2000, "duration": 1}, "start_pos and duration exceed the video duration"),
        ({"start_pos": 500}, "duration must be greater than 0 when start_pos is not 0"),
    ],
)
def test_range_rules(overrides: dict[str, Any], message: str) -> None:
    request = parse_task_body(task_body(VID, **overrides))
    with pytest.raises(ApiError) as caught:
        check_range(request, 2.0)
    assert caught.value.message == message


def test_range_may_end_exactly_at_the_end() -> None:
    check_range(parse_task_body(task_body(VID, start_pos=1000, duration=1000)), 2.0)
    # 2.0005 s rounds up to 2001 ms: the client's rounding of the last frame is tolerated.
    check_range(parse_task_body(task_body(VID, start_pos=1000, duration=1001)), 2.0005)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page_size": "2"}, "must have property page_num when property page_size is present"),
        ({"page_num": "0"}, "must have property page_size when property page_num is present"),
        ({"page_size": "x", "page_num": "0"}, "/page_size must be integer"),
        ({"page_size": "0", "page_num": "0"}, "/page_size must be >= 1"),
        ({"page_size": "2", "page_num": "-1"}, "/page_num must be >= 0"),
        ({"order": "up"}, "/order must be equal to one of the allowed values"),
        ({"order_field": "size"}, "/order_field must be equal to one of the allowed values"),
        ({"orig_type": "copy"}, "/orig_type must be equal to one of the allowed values"),
        ({"start_date": "2024-13-01"}, '/start_date must match format "date"'),
        ({"end_date": "01/02/2024"}, '/end_date must match format "date"'),
    ],
)
def test_video_query_messages(params: dict[str, str], message: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_video_query(params)
    assert caught.value.message == message


def test_task_query_steps() -> None:
    assert parse_task_query({"step": "running,done"}).steps == ("running", "done")
    with pytest.raises(ApiError) as caught:
        parse_task_query({"step": "running,finished"})
    assert caught.value.message == "/step must be equal to one of the allowed values"


async def test_validation_over_http(client: httpx.AsyncClient, clips: dict[str, Path]) -> None:
    video = await upload(client, clips["small"])
    body = task_body(video["vid"])
    del body["use_sr"]
    for path in ("/task", "/credit/calc"):
        response = await client.post(path, json=body)
        assert response.status_code == 400
        assert response.json() == {"message": "must have required property 'use_sr'"}
    response = await client.post(
        "/credit/calc", json=task_body(video["vid"], task_type="SR_PREVIEW")
    )
    assert response.status_code == 400
    response = await client.post("/task", json=task_body(video["vid"], use_trim_orig=True))
    assert response.json() == {"message": "use_trim_orig is not allowed for the whole file"}
    response = await client.post(
        "/task", json=task_body(video["vid"], start_pos=1500, duration=1000)
    )
    assert response.json() == {"message": "start_pos and duration exceed the video duration"}
    response = await client.post("/task", json=task_body("7ebbf920-b9ed-11ee-8fa6-17cde62e8e05"))
    assert (response.status_code, response.json()) == (404, {"message": "video not found"})
    response = await client.get("/video", params={"page_size": 1})
    assert response.status_code == 400
    # Nothing was created or charged by any of these.
    assert (await client.get("/task")).json()["all_count"] == 0
    assert (await client.get("/credit/me")).json()["credit"] == 5000


async def test_body_not_declared_as_json_is_empty(
    client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    response = await client.post(
        "/task", content=json.dumps(task_body(video["vid"])), headers={"content-type": "text/plain"}
    )
    assert response.json() == {"message": "must have required property 'task_type'"}
    response = await client.post(
        "/task", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400


async def test_results_cannot_be_processed_again(
    client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    created = (await client.post("/task", json=task_body(video["vid"]))).json()
    response = await client.post("/task", json=task_body(created["out_vid"]))
    assert response.status_code == 400
    assert response.json() == {"message": "vid must be an original video, not an SR result"}


async def test_insufficient_credit_is_402_with_the_documented_body(
    client: httpx.AsyncClient, clips: dict[str, Path], sandbox: Sandbox
) -> None:
    video = await upload(client, clips["small"])
    cost = (
        await client.post("/credit/calc", json=task_body(video["vid"], width=7680, height=4320))
    ).json()
    assert cost == {"credit": 32}  # 2 s x 16 Full-HD frames of pixels
    sandbox.set_credit(31)
    response = await client.post("/task", json=task_body(video["vid"], width=7680, height=4320))
    assert response.status_code == 402
    assert response.content == b'{"message":"insufficient credit"}'
    assert response.json() == {"message": "insufficient credit"}
    assert (await client.get("/task")).json()["all_count"] == 0
    assert (await client.get("/video", params={"orig_type": "sr"})).json()["all_count"] == 0
    assert (await client.get("/credit/me")).json()["credit"] == 31
    sandbox.set_credit(32)
    response = await client.post("/task", json=task_body(video["vid"], width=7680, height=4320))
    assert response.status_code == 200
    assert (await client.get("/credit/me")).json()["credit"] == 0


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    overrides=st.dictionaries(
        st.sampled_from(sorted(task_body(VID))) | st.text(max_size=6), _json_values, max_size=4
    ),
    drop=st.sets(st.sampled_from(sorted(task_body(VID))), max_size=3),
)
def test_any_body_gets_a_verdict_never_a_crash(overrides: dict[str, Any], drop: set[str]) -> None:
    body = {k: v for k, v in {**task_body(VID), **overrides}.items() if k not in drop}
    try:
        request = parse_task_body(body)
    except ApiError as error:
        assert error.status == 400 and error.message
        return
    assert 1 <= request.width <= 7680 and 1 <= request.height <= 4320
    assert request.start_pos >= 0 and request.duration >= 0
