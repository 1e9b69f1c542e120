"""A done preview's two pictures, fetched into the cache against the simulator: fresh task info
first, no token sent to storage, reused from the cache, an expired link asked for again once,
and every other fault a plain reason with nothing half-written left behind."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.media.compare_frames import CompareFrames
from kokoon_desktop.sandbox import Sandbox
from kokoon_desktop.sandbox.faults import FaultRule
from kokoon_desktop.services.preview_assets import PreviewAssets, PreviewAssetsError
from tests.media.editor_media import make_undecodable
from tests.services.services_helpers import api_requests


async def done_preview(client: KokoonClient, spec: TaskSpec) -> str:
    created = await client.create_task(
        spec.with_changes(task_type=TaskType.SR_PREVIEW, start_pos=1000, duration=1000)
    )
    async with asyncio.timeout(10):
        while (await client.get_task(created.tid)).step.value != "done":  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    return created.tid


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


async def test_a_done_previews_pictures_land_in_the_cache_and_compare(
    client: KokoonClient, spec: TaskSpec, sandbox: Sandbox, cache: Path
) -> None:
    tid = await done_preview(client, spec)
    sandbox.clear_requests()
    files = await PreviewAssets(client, cache).fetch(tid)
    assert files.before.parent == files.after.parent == cache / "previews" / tid
    assert api_requests(sandbox, "GET", f"/task/{tid}") == 1  # fresh links, right before
    storage = [r for r in sandbox.requests if r.origin == "storage"]
    assert len(storage) == 2
    assert not any(r.has_authorization for r in storage)
    with CompareFrames(files.before, files.after) as pairs:
        assert pairs.count == 5
        assert pairs.size == (1280, 720) and pairs.before_size == (320, 180)
    assert not list((cache / "previews" / tid).glob("*.part"))


async def test_a_second_open_reads_the_cache_not_the_network(
    client: KokoonClient, spec: TaskSpec, sandbox: Sandbox, cache: Path
) -> None:
    tid = await done_preview(client, spec)
    assets = PreviewAssets(client, cache)
    first, second = await asyncio.gather(assets.fetch(tid), assets.fetch(tid))
    assert first == second
    sandbox.clear_requests()
    assert await assets.fetch(tid) == first
    assert await PreviewAssets(client, cache).fetch(tid) == first  # also after a restart
    assert sandbox.requests == []


async def test_an_expired_link_is_asked_for_again_once(
    client: KokoonClient, spec: TaskSpec, sandbox: Sandbox, cache: Path
) -> None:
    tid = await done_preview(client, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", status=403, message="Request has expired"))
    sandbox.clear_requests()
    files = await PreviewAssets(client, cache).fetch(tid)
    assert files.after.is_file()
    assert api_requests(sandbox, "GET", f"/task/{tid}") == 2
    sandbox.faults.add(FaultRule(match="GET /storage/*", status=403, times=None))
    with pytest.raises(PreviewAssetsError, match="refused the download link"):
        await PreviewAssets(client, cache / "other").fetch(tid)


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        (FaultRule(match="GET /storage/*", status=404), "no longer on the service"),
        (FaultRule(match="GET /storage/*", status=503, times=None), "storage failed"),
        (FaultRule(match="GET /task/*", status=500, times=None), ""),
    ],
)
async def test_storage_and_service_faults_are_said(
    client: KokoonClient, spec: TaskSpec, sandbox: Sandbox, cache: Path, fault: FaultRule,
    words: str,
) -> None:  # fmt: skip
    tid = await done_preview(client, spec)
    sandbox.faults.add(fault)
    with pytest.raises(PreviewAssetsError) as raised:
        await PreviewAssets(client, cache).fetch(tid)
    assert words.lower() in raised.value.message.lower()
    assert raised.value.message
    folder = cache / "previews" / tid
    assert not folder.exists() or not [p for p in folder.iterdir() if p.suffix == ".mp4"]


async def test_pictures_that_do_not_decode_are_thrown_away(
    client: KokoonClient, spec: TaskSpec, sandbox: Sandbox, cache: Path
) -> None:
    tid = await done_preview(client, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", garbage="text", times=None))
    with pytest.raises(PreviewAssetsError, match="cannot be read"):
        await PreviewAssets(client, cache).fetch(tid)
    assert not (cache / "previews" / tid).exists()


async def test_pictures_damaged_past_their_headers_are_thrown_away(
    client: KokoonClient, spec: TaskSpec, sandbox: Sandbox, cache: Path
) -> None:
    """Headers intact (it probes as the video it was), not one picture decodes."""
    tid = await done_preview(client, spec)
    (stored,) = sandbox.data_dir.rglob(f"sr_{tid}.mp4")
    damaged = make_undecodable(stored, stored.with_name("damaged.mp4"))
    damaged.replace(stored)
    with pytest.raises(PreviewAssetsError, match="cannot be read"):
        await PreviewAssets(client, cache).fetch(tid)
    assert not (cache / "previews" / tid).exists()


async def test_a_preview_not_done_or_without_pictures_is_said(
    client: KokoonClient, spec: TaskSpec, cache: Path
) -> None:
    running = await client.create_task(spec.with_changes(task_type=TaskType.SR_PREVIEW))
    with pytest.raises(PreviewAssetsError, match="not done yet"):
        await PreviewAssets(client, cache).fetch(running.tid)
    full = await client.create_task(spec)
    async with asyncio.timeout(10):
        while (await client.get_task(full.tid)).step.value != "done":  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    with pytest.raises(PreviewAssetsError, match="names no preview pictures"):
        await PreviewAssets(client, cache).fetch(full.tid)


async def test_an_unwritable_cache_is_said(
    client: KokoonClient, spec: TaskSpec, tmp_path: Path
) -> None:
    tid = await done_preview(client, spec)
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    with pytest.raises(PreviewAssetsError, match="could not be saved in the cache"):
        await PreviewAssets(client, blocked).fetch(tid)


async def test_old_previews_are_pruned(client: KokoonClient, spec: TaskSpec, cache: Path) -> None:
    import kokoon_desktop.services.preview_assets as module

    old = cache / "previews"
    for index in range(module.KEPT_PREVIEWS + 5):
        (old / f"old-{index}").mkdir(parents=True)
    tid = await done_preview(client, spec)
    await PreviewAssets(client, cache).fetch(tid)
    kept = [p.name for p in old.iterdir()]
    assert tid in kept and len(kept) == module.KEPT_PREVIEWS
