"""The in-process transport: streaming both ways, hang-ups, timeouts, origins, any loop."""

from __future__ import annotations

import asyncio
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from tests.sandbox.sandbox_helpers import padded_video, task_body, upload

MIB = 1024 * 1024


async def test_refuses_other_hosts(sandbox: Sandbox) -> None:
    async with httpx.AsyncClient(transport=sandbox.transport()) as client:
        with pytest.raises(httpx.ConnectError, match="only serves its own origins"):
            await client.get("https://develop.kokoon.cloud/kokoon/api/sr/v3/credit/me")
        with pytest.raises(httpx.ConnectError):
            await client.get("http://api.sandbox.localhost:8080/")
    assert sandbox.requests == []


async def test_big_transfers_stream_with_flat_memory(
    sandbox: Sandbox, clips: dict[str, Path], tmp_path: Path
) -> None:
    big = padded_video(clips["small"], tmp_path / "big.mp4", 48 * MIB)
    async with (
        httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
            headers={"Authorization": DEMO_TOKEN},
        ) as api,
        httpx.AsyncClient(transport=sandbox.transport()) as plain,
    ):
        tracemalloc.start()
        try:
            with big.open("rb") as source:
                response = await api.post("/video", files={"file": ("big.mp4", source)})
            assert response.status_code == 200, response.text
            video = response.json()
            assert video["size"] == 48 * MIB and video["duration"] == "2.000000"
            _, upload_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            received = 0
            chunks = 0
            async with plain.stream("GET", video["url"]) as download:
                async for chunk in download.aiter_raw():
                    received += len(chunk)
                    chunks += 1
            _, download_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert received == 48 * MIB and chunks >= 48
    assert upload_peak < 8 * MIB, upload_peak
    assert download_peak < 8 * MIB, download_peak


async def test_closing_a_download_early_frees_the_server(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path], tmp_path: Path
) -> None:
    big = padded_video(clips["small"], tmp_path / "big.mp4", 16 * MIB)
    video = sandbox.add_video(big)
    async with httpx.AsyncClient(transport=sandbox.transport()) as plain:
        async with plain.stream("GET", video["url"]) as download:
            first = await anext(download.aiter_raw())
            assert len(first) > 0
        assert (await plain.head(video["url"])).status_code == 200
    assert (await client.get("/credit/me")).status_code == 200


async def test_concurrent_requests(sandbox: Sandbox, client: httpx.AsyncClient) -> None:
    sandbox.faults.add(match="GET /credit/me", slow_s=0.3, times=1)
    slow = asyncio.ensure_future(client.get("/credit/me"))
    fast = await asyncio.gather(*(client.get("/video") for _ in range(20)))
    assert all(r.status_code == 200 for r in fast)
    assert not slow.done()
    assert (await slow).status_code == 200


async def test_requests_still_running_are_stopped_when_the_client_closes(
    sandbox: Sandbox, clips: dict[str, Path]
) -> None:
    video = sandbox.add_video(clips["small"])
    sandbox.faults.add(match="POST /task", slow_s=60)
    async with httpx.AsyncClient(
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
        headers={"Authorization": DEMO_TOKEN},
    ) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post("/task", json=task_body(video["vid"]), timeout=0.1)
    # Leaving the block did not wait 60 s, and no task is left pending (the loop would warn).
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert pending == []


def test_runs_on_a_plain_asyncio_loop(clips: dict[str, Path]) -> None:
    """No pytest-asyncio, no anyio thread pool: just asyncio.run (what qasync stands in for)."""

    async def scenario(sandbox: Sandbox) -> tuple[int, int]:
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
            headers={"Authorization": DEMO_TOKEN},
        ) as client:
            video = await upload(client, clips["small"])
            created = await client.post("/task", json=task_body(video["vid"]))
            async with httpx.AsyncClient(transport=sandbox.transport()) as plain:
                download = await plain.get(video["url"])
            return created.status_code, len(download.content)

    with Sandbox(SandboxConfig()) as sandbox:
        for factory in (asyncio.new_event_loop, asyncio.SelectorEventLoop):
            with asyncio.Runner(loop_factory=factory) as runner:
                status, size = runner.run(scenario(sandbox))
            assert (status, size) == (200, clips["small"].stat().st_size)


async def test_a_failing_request_body_reaches_the_caller(
    sandbox: Sandbox, client: httpx.AsyncClient
) -> None:
    async def broken_body() -> AsyncIterator[bytes]:
        yield b"--boundary\r\nContent-Disposition: form-data; name=file; filename=a.mp4\r\n\r\n"
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="disk went away"):
        await client.post(
            "/video",
            content=broken_body(),
            headers={"content-type": "multipart/form-data; boundary=boundary"},
        )
    assert (await client.get("/video")).json()["all_count"] == 0
    assert list(sandbox.staging_dir.iterdir()) == []
