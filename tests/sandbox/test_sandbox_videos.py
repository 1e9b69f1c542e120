"""Uploads, probing, the video list's filters, sort orders, paging, dates and expiry."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.sandbox.probe import ProbeError, probe_video
from kokoon_desktop.sandbox.validation import Paging, parse_video_query
from tests.sandbox.sandbox_helpers import FakeClock, task_body, upload

DAY = 24 * 3600


async def test_probe_reports_wire_formats(clips: dict[str, Path]) -> None:
    ntsc = probe_video(clips["ntsc"])
    assert (ntsc.fps, ntsc.nb_frames, ntsc.duration) == ("30000/1001", "30", "1.001000")
    assert (ntsc.width, ntsc.height, ntsc.codec_name) == (160, 90, "h264")
    assert probe_video(clips["rotated"]).is_rotated is True
    assert probe_video(clips["small"]).is_rotated is False
    assert probe_video(clips["mpeg4"]).codec_name == "mpeg4"
    with pytest.raises(ProbeError):
        probe_video(clips["not_video"])


async def test_upload_of_something_else_is_refused(
    client: httpx.AsyncClient, clips: dict[str, Path], sandbox: Sandbox
) -> None:
    response = await client.post("/video", files={"file": ("notes.mp4", b"hello")})
    assert response.status_code == 400
    assert response.json() == {"message": "the uploaded file is not a supported video"}
    response = await client.post("/video", files={"other": ("x.mp4", b"hello")})
    assert response.json() == {"message": "must have required property 'file'"}
    response = await client.post("/video", content=clips["small"].read_bytes())
    assert response.status_code == 400
    assert (await client.get("/video")).json()["all_count"] == 0
    assert list(sandbox.staging_dir.iterdir()) == []  # nothing left behind


async def test_upload_keeps_a_safe_filename(
    client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"], name="../../etc/Élan vital?.mp4")
    assert video["filename"] == "Élan vital_.mp4"
    info = (await client.get(f"/video/{video['vid']}")).json()
    assert info["filename"] == "Élan vital_.mp4"


async def test_list_filters_and_orders(
    client: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock
) -> None:
    names = ["b_football.mp4", "a_tennis.mp4", "c_FOOTBALL_night.mp4"]
    vids = []
    for name in names:
        vids.append((await upload(client, clips["small"], name=name))["vid"])
        clock.advance(DAY)
    created = (await client.post("/task", json=task_body(vids[0]))).json()

    async def listing(**params: Any) -> list[str]:
        response = await client.get("/video", params=params)
        assert response.status_code == 200
        return [video["filename"] for video in response.json()["videos"]]

    assert await listing(orig_type="original") == names[::-1]  # newest first by default
    assert await listing(orig_type="original", order="asc") == names
    assert await listing(orig_type="original", order_field="filename", order="asc") == sorted(names)
    assert (
        await listing(orig_type="original", order_field="expired_time", order="desc") == names[::-1]
    )
    assert await listing(filename="football", orig_type="original") == [names[2], names[0]]
    sr_only = (await client.get("/video", params={"orig_type": "sr"})).json()
    assert [v["vid"] for v in sr_only["videos"]] == [created["out_vid"]]
    assert len(await listing()) == 4
    assert await listing(orig_type="original", start_date="2024-02-02") == names[:0:-1]
    assert await listing(orig_type="original", end_date="2024-02-02") == names[1::-1]
    assert await listing(start_date="2024-02-02", end_date="2024-02-02") == [names[1]]


async def test_originals_expire_after_14_days(
    client: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock
) -> None:
    video = await upload(client, clips["small"])
    clock.advance(14 * DAY - 1)
    assert (await client.get(f"/video/{video['vid']}")).status_code == 200
    clock.advance(1)
    assert (await client.get(f"/video/{video['vid']}")).status_code == 404
    assert (await client.get("/video")).json()["all_count"] == 0
    response = await client.post("/task", json=task_body(video["vid"]))
    assert response.json() == {"message": "video not found"}


async def test_concurrent_uploads(client: httpx.AsyncClient, clips: dict[str, Path]) -> None:
    results = await asyncio.gather(
        *(upload(client, clips["small"], name=f"clip{i}.mp4") for i in range(5))
    )
    assert len({r["vid"] for r in results}) == 5
    assert (await client.get("/video")).json()["all_count"] == 5


def test_seeded_demo_videos(clock: FakeClock) -> None:
    config = SandboxConfig(clock=clock, seed_demo_videos=True, tokens=(DEMO_TOKEN, "b"))
    with Sandbox(config) as sandbox:
        for token in config.tokens:
            listing = sandbox.state.list_videos(
                sandbox.uid(token),
                parse_video_query({"order": "asc"}),
            )
            assert [(v["width"], v["height"], v["fps"]) for v in listing["videos"]] == [
                (640, 360, "30/1"),
                (1280, 720, "30000/1001"),
            ]
            assert all(v["state"] == "completed" and v["url"] for v in listing["videos"])


@pytest.fixture(scope="module")
def listed_sandbox(clips: dict[str, Path]) -> Iterator[Sandbox]:
    """Eleven originals with some equal creation times (ties must still page cleanly)."""
    clock = FakeClock()
    with Sandbox(SandboxConfig(clock=clock)) as sandbox:
        for index in range(11):
            sandbox.add_video(clips["small"], filename=f"clip_{index % 4}.mp4")
            if index % 3 == 0:
                clock.advance(60)
        yield sandbox


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page_size=st.integers(min_value=1, max_value=13),
    order_field=st.sampled_from(["created_time", "expired_time", "filename"]),
    order=st.sampled_from(["asc", "desc"]),
)
def test_pages_cover_every_item_exactly_once(
    listed_sandbox: Sandbox, page_size: int, order_field: str, order: str
) -> None:
    uid = listed_sandbox.uid()
    everything = listed_sandbox.state.list_videos(
        uid, parse_video_query({"order_field": order_field, "order": order})
    )["videos"]
    collected: list[str] = []
    page_num = 0
    while True:
        page = listed_sandbox.state.list_videos(
            uid,
            parse_video_query(
                {
                    "order_field": order_field,
                    "order": order,
                    "page_size": str(page_size),
                    "page_num": str(page_num),
                }
            ),
        )
        assert page["all_count"] == 11
        assert page["curr_count"] == len(page["videos"]) <= page_size
        if not page["videos"]:
            break
        collected.extend(video["vid"] for video in page["videos"])
        page_num += 1
    assert collected == [video["vid"] for video in everything]
    assert len(set(collected)) == 11


@given(total=st.integers(0, 50), size=st.integers(1, 20), num=st.integers(0, 10))
def test_paging_window(total: int, size: int, num: int) -> None:
    start, stop = Paging(size, num).window(total)
    assert 0 <= start <= stop <= total
    assert stop - start == max(0, min(size, total - size * num))
