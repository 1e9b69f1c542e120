"""Task life: steps driven by the clock, the documented progress quirks, results, failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from kokoon_desktop.media.frames import FrameReader
from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.sandbox.credits import task_cost
from tests.media.counter_video import make_counter_video, read_counter
from tests.sandbox.sandbox_helpers import FakeClock, task_body, upload


async def _task(client: httpx.AsyncClient, tid: str) -> dict[str, Any]:
    response = await client.get(f"/task/{tid}")
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


async def test_sr_task_walks_every_step(
    client: httpx.AsyncClient, storage: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock
) -> None:
    video = await upload(client, clips["small"])  # 60 frames: running lasts max(3, 60/60) = 3 s
    created = (await client.post("/task", json=task_body(video["vid"]))).json()
    result = (await client.get(f"/video/{created['out_vid']}")).json()
    assert result["pid"] == video["vid"] and result["tid"] == created["tid"]
    assert result["state"] == "processing" and result["url"] is None
    assert result["thumb_url"] is None
    assert (result["width"], result["height"]) == (1280, 720)

    seen = []
    for step_s in [0, 1.9, 0.2, 1.0, 0.5, 1.5, 1.3, 0.2]:
        clock.advance(step_s)
        task = await _task(client, created["tid"])
        seen.append((task["step"], task["progress"]))
        if task["step"] in ("ready",):
            assert task["start_time"] is None
        if task["step"] != "done":
            assert task["finish_time"] is None and task["result_message"] is None
    assert seen == [
        ("ready", "0"),
        ("ready", "0"),
        ("preparing", "0"),  # 2.1 s
        ("prepared", "0"),  # 3.1 s
        ("running", "2"),  # 3.6 s: running since 3.5 s, 60 frames in 3 s
        ("running", "32"),  # 5.1 s
        ("running", "58"),  # 6.4 s
        ("done", "255"),  # 6.6 s > 6.5 s; the documented "255" of a finished SR task
    ]
    task = await _task(client, created["tid"])
    assert task["result_message"] == "success"
    assert task["start_time"] == "2024-02-01T12:17:34.699Z"  # request + 2 s in the queue
    assert task["finish_time"] == "2024-02-01T12:17:39.199Z"
    assert task["sr_nb_frames"] == "60"

    result = (await client.get(f"/video/{created['out_vid']}")).json()
    assert result["state"] == "completed"
    assert result["filename"] == "football_360p_2s--sr_1280x720.mp4"
    assert result["last_category"] == "person"
    # The simulator does not upscale: the bytes are the source's.
    download = await storage.get(result["url"])
    assert download.content == clips["small"].read_bytes()
    assert (await storage.get(result["thumb_url"])).content[:2] == b"\xff\xd8"


async def test_preview_task_quirks(
    client: httpx.AsyncClient,
    storage: httpx.AsyncClient,
    clips: dict[str, Path],
    clock: FakeClock,
    sandbox: Sandbox,
) -> None:
    video = await upload(client, clips["small"])
    created = (
        await client.post("/task", json=task_body(video["vid"], task_type="SR_PREVIEW"))
    ).json()
    task = await _task(client, created["tid"])
    assert (task["sr_nb_frames"], task["nb_frames"]) == ("5", "60")
    assert task["preview_orig_url"] is None
    clock.advance(100)
    sandbox.wait_for_pictures()
    task = await _task(client, created["tid"])
    assert (task["step"], task["progress"]) == ("done", "5")
    for key, kind in (("preview_orig_url", "orig"), ("preview_sr_url", "sr")):
        assert f"/{video['vid']}/preview/{kind}_{created['tid']}" in task[key]
        assert (await storage.get(task[key])).status_code == 200
    assert (await client.get("/credit/me")).json()["credit"] == 4999  # a preview costs 1


async def test_range_task_counts_frames_and_keeps_a_trimmed_original(
    client: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock
) -> None:
    video = await upload(client, clips["small"])
    body = task_body(video["vid"], start_pos=1000, duration=500, use_trim_orig=True)
    created = (await client.post("/task", json=body)).json()
    task = await _task(client, created["tid"])
    assert task["sr_nb_frames"] == "15"  # 0.5 s at 30/1
    clock.advance(60)
    assert (await _task(client, created["tid"]))["step"] == "done"
    originals = (await client.get("/video", params={"orig_type": "original"})).json()["videos"]
    trimmed = next(v for v in originals if v["vid"] != video["vid"])
    assert trimmed["filename"] == "football_360p_2s--trim_1S_0.5D.mp4"
    assert (trimmed["pid"], trimmed["tid"]) == (video["pid"], video["tid"])
    assert (trimmed["duration"], trimmed["nb_frames"]) == ("0.500000", "15")
    assert trimmed["last_category"] == "person" and trimmed["state"] == "completed"
    assert trimmed["created_time"] == (await _task(client, created["tid"]))["finish_time"]


async def test_ntsc_rate_frame_counts(client: httpx.AsyncClient, clips: dict[str, Path]) -> None:
    video = await upload(client, clips["ntsc"])
    assert (video["fps"], video["nb_frames"]) == ("30000/1001", "30")
    created = (
        await client.post("/task", json=task_body(video["vid"], start_pos=0, duration=500))
    ).json()
    assert (await _task(client, created["tid"]))["sr_nb_frames"] == "15"  # round(0.5 * 29.97)


async def test_failing_tasks_end_in_error_and_are_refunded(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock
) -> None:
    video = await upload(client, clips["small"])
    sandbox.faults.fail_next_tasks = 1
    failing = (
        await client.post("/task", json=task_body(video["vid"], width=3840, height=2160))
    ).json()
    working = (await client.post("/task", json=task_body(video["vid"]))).json()
    assert (await client.get("/credit/me")).json()["credit"] == 5000 - 8 - 1
    clock.advance(5.2)  # running since 3.5 s; the failing one stops half-way (at 5 s)
    task = await _task(client, failing["tid"])
    assert task["step"] == "error"
    assert task["result_message"] and "failure" in task["result_message"]
    assert task["progress"] == "30" and task["finish_time"] is not None
    assert (await _task(client, working["tid"]))["step"] == "running"
    result = (await client.get(f"/video/{failing['out_vid']}")).json()
    assert result["state"] == "error" and result["url"] is None
    assert (await client.get("/credit/me")).json()["credit"] == 5000 - 1


async def test_time_scale_shrinks_every_step(clips: dict[str, Path], clock: FakeClock) -> None:
    with Sandbox(SandboxConfig(clock=clock, time_scale=0.01)) as sandbox:
        sandbox.add_video(clips["small"])
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
            headers={"Authorization": DEMO_TOKEN},
        ) as client:
            vid = (await client.get("/video")).json()["videos"][0]["vid"]
            created = (await client.post("/task", json=task_body(vid))).json()
            clock.advance(0.066)  # 6.5 s x 0.01
            assert (await _task(client, created["tid"]))["step"] == "done"


async def test_task_list_filters_and_pages(
    client: httpx.AsyncClient, clips: dict[str, Path], clock: FakeClock, sandbox: Sandbox
) -> None:
    video = await upload(client, clips["small"])
    tids = []
    for task_type in ("SR", "SR_PREVIEW", "SR", "SR_PREVIEW"):
        created = (
            await client.post("/task", json=task_body(video["vid"], task_type=task_type))
        ).json()
        tids.append(created["tid"])
        clock.advance(2.5)  # each one is 2.5 s older than the next
    sandbox.wait_for_pictures()  # a preview is done once its pictures are made, too
    listing = (await client.get("/task")).json()
    assert [t["tid"] for t in listing["sr_tasks"]] == tids[::-1]  # newest first
    steps = [t["step"] for t in listing["sr_tasks"]]
    assert steps == ["preparing", "running", "done", "done"]  # ages 2.5, 5, 7.5, 10 s

    previews = (await client.get("/task", params={"task_type": "SR_PREVIEW"})).json()
    assert [t["tid"] for t in previews["sr_tasks"]] == [tids[3], tids[1]]
    running = (await client.get("/task", params={"step": "running,done"})).json()
    assert [t["tid"] for t in running["sr_tasks"]] == [tids[2], tids[1], tids[0]]
    page = (await client.get("/task", params={"page_size": 3, "page_num": 1})).json()
    assert (page["all_count"], page["curr_count"]) == (4, 1)
    assert page["sr_tasks"][0]["tid"] == tids[0]
    dated = (await client.get("/task", params={"start_date": "2024-02-02"})).json()
    assert dated["all_count"] == 0
    dated = (
        await client.get("/task", params={"start_date": "2024-02-01", "end_date": "2024-02-01"})
    ).json()
    assert dated["all_count"] == 4


@pytest.mark.parametrize(
    ("kwargs", "cost"),
    [
        ({"seconds": 10.0, "width": 1920, "height": 1080, "input_quality": "medium"}, 10),
        ({"seconds": 10.0, "width": 1920, "height": 1080, "input_quality": "high"}, 20),
        ({"seconds": 3.0, "width": 1280, "height": 720, "input_quality": "medium"}, 2),
        ({"seconds": 0.1, "width": 640, "height": 360, "input_quality": "medium"}, 1),
        ({"seconds": 2.0, "width": 3840, "height": 2160, "input_quality": "medium"}, 8),
    ],
)
def test_invented_cost_formula(kwargs: dict[str, Any], cost: int) -> None:
    assert task_cost(task_type="SR", **kwargs) == cost
    assert task_cost(task_type="SR_PREVIEW", **kwargs) == 1


async def test_credit_calc_follows_the_range(
    client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])

    async def calc(**overrides: Any) -> int:
        body = task_body(video["vid"], width=3840, height=2160, **overrides)
        credit: int = (await client.post("/credit/calc", json=body)).json()["credit"]
        return credit

    assert await calc() == 8  # whole file: 2 s x 4
    assert await calc(start_pos=0, duration=1000) == 4
    assert await calc(start_pos=0, duration=1000, input_quality="high") == 8
    assert (await client.get("/credit/me")).json()["credit"] == 5000  # quotes are free


async def test_a_preview_shows_the_ranges_frames_and_their_upscale(
    client: httpx.AsyncClient,
    storage: httpx.AsyncClient,
    clock: FakeClock,
    sandbox: Sandbox,
    tmp_path: Path,
) -> None:
    """The preview's "original" is the source's frames from start_pos on, as they are; its
    "SR" is the same frames at the requested size (Lanczos and a sharpening filter): what the
    demo's compare view shows. Until they are made, the task is still running."""
    source = make_counter_video(tmp_path / "counter.mp4", frames=75, width=160, height=90)
    video = await upload(client, source)
    body = task_body(
        video["vid"], task_type="SR_PREVIEW", start_pos=1001, duration=1001,
        width=640, height=360,
    )  # fmt: skip
    created = (await client.post("/task", json=body)).json()
    assert "tid" in created, created
    clock.advance(100)
    sandbox.wait_for_pictures()
    task = await _task(client, created["tid"])
    assert task["step"] == "done"
    for key, size in (("preview_orig_url", (160, 90)), ("preview_sr_url", (640, 360))):
        saved = tmp_path / f"{key}.mp4"
        saved.write_bytes((await storage.get(task[key])).content)
        with FrameReader(saved) as reader:
            assert (reader.info.width, reader.info.height) == size
            numbers = [read_counter(reader.frame_at(i)) for i in range(reader.total_frames)]
        assert numbers == [30, 31, 32, 33, 34]  # 1001 ms at 30000/1001 fps is frame 30
    clock.advance(3601)  # the links expire like every storage link; fresh task info signs anew
    for key in ("preview_orig_url", "preview_sr_url"):
        response = await storage.get(task[key])
        assert (response.status_code, response.json()) == (403, {"message": "Request has expired"})
        fresh = (await _task(client, created["tid"]))[key]
        assert (await storage.get(fresh)).status_code == 200


async def test_a_full_result_is_the_range_upscaled_when_asked_to_render(
    clock: FakeClock, tmp_path: Path
) -> None:
    source = make_counter_video(tmp_path / "counter.mp4", frames=75, width=160, height=90)
    config = SandboxConfig(clock=clock, render_results=True)
    with Sandbox(config) as sandbox:
        vid = sandbox.add_video(source)["vid"]
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
            headers={"Authorization": DEMO_TOKEN},
        ) as client:
            body = task_body(vid, start_pos=2002, duration=334, width=320, height=180)
            created = (await client.post("/task", json=body)).json()
            assert "tid" in created, created
            clock.advance(600)
            sandbox.wait_for_pictures()
            assert (await _task(client, created["tid"]))["step"] == "done"
            result = (await client.get(f"/video/{created['out_vid']}")).json()
            saved = tmp_path / "result.mp4"
            async with httpx.AsyncClient(transport=sandbox.transport()) as plain:
                download = await plain.get(result["url"])  # storage takes no token
            assert download.status_code == 200, download.text[:200]
            saved.write_bytes(download.content)
    with FrameReader(saved) as reader:
        assert (reader.info.width, reader.info.height) == (320, 180)
        numbers = [read_counter(reader.frame_at(i)) for i in range(reader.total_frames)]
    assert numbers == list(range(60, 70))  # 334 ms at 29.97 fps: 10 frames from frame 60
