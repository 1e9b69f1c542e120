"""Every endpoint's answer has the documented field names, order and JSON types."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from kokoon_desktop.sandbox import Sandbox
from tests.sandbox.sandbox_helpers import FakeClock, task_body, upload

NIL = "00000000-0000-0000-0000-000000000000"
UUID_V1 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")
ISO_MS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")

# Key order and JSON type of the docs' examples (§3.1, §3.2, §3.3, §3.7, §3.8).
UPLOAD_FIELDS = {
    "uid": str,
    "vid": str,
    "pid": str,
    "tid": str,
    "created_time": str,
    "filename": str,
    "size": int,
    "codec_name": str,
    "fps": str,
    "duration": str,
    "nb_frames": str,
    "bitrate": str,
    "width": int,
    "height": int,
    "download_cnt": int,
    "expired_time": str,
    "state": str,
    "url": str,
    "thumb_url": str,
    "is_rotated": bool,
    "is_interlaced": bool,
}
LIST_ITEM_KEYS = [
    "uid",
    "vid",
    "pid",
    "tid",
    "created_time",
    "filename",
    "size",
    "codec_name",
    "width",
    "height",
    "fps",
    "nb_frames",
    "duration",
    "bitrate",
    "expired_time",
    "download_cnt",
    "last_category",
    "state",
    "url",
    "thumb_url",
]
TASK_SUMMARY_KEYS = [
    "tid",
    "uid",
    "in_vid",
    "out_vid",
    "task_type",
    "step",
    "filename",
    "request_time",
    "start_time",
    "finish_time",
    "nb_frames",
    "sr_nb_frames",
    "progress",
]
TASK_INFO_KEYS = [
    "request_body",
    "uid",
    "tid",
    "in_vid",
    "out_vid",
    "task_type",
    "step",
    "filename",
    "request_time",
    "start_time",
    "finish_time",
    "result_message",
    "bitrate",
    "fps",
    "nb_frames",
    "sr_nb_frames",
    "progress",
    "preview_orig_url",
    "preview_sr_url",
]


def _check_types(obj: dict[str, object], fields: dict[str, type]) -> None:
    for key, kind in fields.items():
        assert type(obj[key]) is kind, (key, obj[key])


async def test_upload_answers_with_the_documented_video_object(
    client: httpx.AsyncClient, clips: dict[str, Path], sandbox: Sandbox
) -> None:
    video = await upload(client, clips["small"])
    assert list(video) == list(UPLOAD_FIELDS)
    _check_types(video, UPLOAD_FIELDS)
    assert UUID_V1.match(video["vid"]) and UUID_V1.match(video["uid"])
    assert video["uid"] == sandbox.uid()
    assert (video["pid"], video["tid"]) == (NIL, NIL)
    # The docs' upload example was created at exactly this instant; expiry is 14 days on.
    assert video["created_time"] == "2024-02-01T12:17:32.699Z"
    assert video["expired_time"] == "2024-02-15T12:17:32.699Z"
    assert video["filename"] == "football_360p_2s.mp4"
    assert video["size"] == clips["small"].stat().st_size
    assert (video["codec_name"], video["fps"], video["duration"], video["nb_frames"]) == (
        "h264",
        "30/1",
        "2.000000",
        "60",
    )
    assert video["bitrate"].isdigit() and int(video["bitrate"]) > 0
    assert (video["width"], video["height"]) == (320, 180)
    assert video["download_cnt"] == 0
    assert video["state"] == "completed"
    assert video["url"].startswith(sandbox.storage_origin + "/storage/")
    assert (video["is_rotated"], video["is_interlaced"]) == (False, False)


async def test_video_info_adds_last_category(
    client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    info = (await client.get(f"/video/{video['vid']}")).json()
    assert list(info) == [*UPLOAD_FIELDS, "last_category"]
    assert info["last_category"] is None
    await client.post("/task", json=task_body(video["vid"], category="retro"))
    info = (await client.get(f"/video/{video['vid']}")).json()
    assert info["last_category"] == "retro"


async def test_video_list_items_have_their_own_shape(
    client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    await upload(client, clips["small"])
    listing = (await client.get("/video")).json()
    assert listing["all_count"] == 1 and listing["curr_count"] == 1
    (item,) = listing["videos"]
    assert list(item) == LIST_ITEM_KEYS  # last_category in, is_rotated/is_interlaced out
    assert type(item["size"]) is int and type(item["nb_frames"]) is str


async def test_credit_me_is_numbers(client: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await client.get("/credit/me")
    assert response.json() == {"uid": sandbox.uid(), "credit": 5000, "point": 0}


async def test_task_create_list_and_info_shapes(
    client: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock
) -> None:
    video = await upload(client, clips["small"])
    created = (await client.post("/task", json=task_body(video["vid"]))).json()
    assert list(created) == ["tid", "in_vid", "out_vid"]
    assert created["in_vid"] == video["vid"]
    assert UUID_V1.match(created["tid"]) and UUID_V1.match(created["out_vid"])

    listing = (await client.get("/task")).json()
    assert (listing["all_count"], listing["curr_count"]) == (1, 1)
    (summary,) = listing["sr_tasks"]
    assert list(summary) == TASK_SUMMARY_KEYS
    assert summary["step"] == "ready"
    assert summary["start_time"] is None and summary["finish_time"] is None
    assert ISO_MS.match(summary["request_time"])
    assert (summary["nb_frames"], summary["sr_nb_frames"], summary["progress"]) == ("60", "60", "0")

    clock.advance(3600)
    info = (await client.get(f"/task/{created['tid']}")).json()
    assert list(info) == TASK_INFO_KEYS
    assert info["request_body"] == {
        "option": {
            "face_enhance": False,
            "denoise": False,
            "deinterlace": False,
            "add_noise": False,
        },
        "task_type": "SR",
        "category": "person",
        "use_sr": True,
        "input_quality": "medium",
        "start_pos": 0,
        "duration": 0,
        "vid": video["vid"],
        "width": 1280,
        "height": 720,
        "codec": "h264",
        "format": "mp4",
        "use_trim_orig": False,
    }
    assert list(info["request_body"]) == [
        "option",
        "task_type",
        "category",
        "use_sr",
        "input_quality",
        "start_pos",
        "duration",
        "vid",
        "width",
        "height",
        "codec",
        "format",
        "use_trim_orig",
    ]
    assert info["step"] == "done" and info["result_message"] == "success"
    assert (info["bitrate"], info["fps"]) == (video["bitrate"], "30/1")
    assert all(ISO_MS.match(info[key]) for key in ("request_time", "start_time", "finish_time"))
    assert info["preview_orig_url"] is None and info["preview_sr_url"] is None


async def test_list_echoes_filters_as_strings(client: httpx.AsyncClient) -> None:
    videos = (
        await client.get(
            "/video",
            params={
                "orig_type": "original",
                "filename": "football",
                "order_field": "expired_time",
                "order": "asc",
                "page_size": 2,
                "page_num": 0,
                "start_date": "2023-01-01",
                "end_date": "2024-05-01",
            },
        )
    ).json()
    assert videos == {
        "all_count": 0,
        "curr_count": 0,
        "page_size": "2",
        "page_num": "0",
        "orig_type": "original",
        "filename": "football",
        "start_date": "2023-01-01",
        "end_date": "2024-05-01",
        "order_field": "expired_time",
        "order": "asc",
        "videos": [],
    }
    tasks = (
        await client.get(
            "/task",
            params={
                "step": "running,done",
                "task_type": "SR_PREVIEW",
                "page_num": 0,
                "page_size": 2,
                "start_date": "2023-01-01",
                "end_date": "2024-05-01",
            },
        )
    ).json()
    assert tasks == {
        "all_count": 0,
        "curr_count": 0,
        "page_size": "2",
        "page_num": "0",
        "step": "running,done",
        "task_type": "SR_PREVIEW",
        "start_date": "2023-01-01",
        "end_date": "2024-05-01",
        "sr_tasks": [],
    }
