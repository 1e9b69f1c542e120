"""``KokoonClient`` against the simulator on real loopback sockets (uvicorn in a thread).

The mocked tests pin the client's logic; these prove it over a real HTTP stack: every endpoint,
streaming both ways, the token kept away from the storage origin, retries, task creation sent
once whatever breaks, resumed downloads and cancelled uploads. The simulator's request log is
the witness of what went over the wire.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import (
    AuthenticationError,
    InsufficientCreditError,
    NotFoundError,
    TaskOutcomeUnknownError,
)
from kokoon_desktop.api.filters import OrigType, SortDirection, TaskFilter, VideoFilter, VideoOrder
from kokoon_desktop.api.models import Task, Video
from kokoon_desktop.api.retry import RetryPolicy
from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.core.enums import Category, Step, TaskType
from kokoon_desktop.core.ids import NIL_UUID
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import DEMO_TOKEN, LoggedRequest, LoopbackSandbox, SandboxConfig
from kokoon_desktop.sandbox.config import API_PREFIX
from kokoon_desktop.sandbox.media import write_clip
from tests.sandbox.sandbox_helpers import padded_video

MIB = 1024 * 1024
#: The default policy's attempts, with waits short enough for a test.
FAST_RETRY = RetryPolicy(base_delay_s=0.01, max_delay_s=0.05)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real H.264 clip: 320x180, 2 s at 30 frames a second."""
    folder = tmp_path_factory.mktemp("loopback-clips")
    return write_clip(folder / "harbour.mp4", width=320, height=180, seconds=2)


@pytest.fixture(scope="module")
def big_clip(clip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clip padded to 8 MiB: still a valid MP4, big enough to stop or cut mid-transfer."""
    return padded_video(clip, tmp_path_factory.mktemp("loopback-big") / "big.mp4", 8 * MIB)


@pytest.fixture
def server() -> Iterator[LoopbackSandbox]:
    # Tasks take 6.5 simulated seconds: 6.5 ms here.
    with LoopbackSandbox(SandboxConfig(time_scale=0.001)) as running:
        yield running


@pytest.fixture
async def api(server: LoopbackSandbox) -> AsyncIterator[KokoonClient]:
    async with KokoonClient(token=DEMO_TOKEN, base_url=server.base_url, retry=FAST_RETRY) as client:
        yield client


def sent(server: LoopbackSandbox, method: str, endpoint: str) -> list[LoggedRequest]:
    """Logged requests for ``METHOD endpoint``; endpoint is an API path (``/task``)."""
    path = API_PREFIX + endpoint
    return [r for r in server.sandbox.requests if r.method == method and r.path == path]


def spec_for(video: Video, **changes: Any) -> TaskSpec:
    fields: dict[str, Any] = {"category": Category.PERSON, "width": 640, "height": 360}
    fields.update(changes)
    return TaskSpec(vid=video.vid, source_duration_ms=video.duration_ms, **fields)


async def finished(api: KokoonClient, tid: str) -> Task:
    """Poll ``GET /task/{tid}`` until the task is done, in error or cancelled."""
    deadline = time.monotonic() + 10
    while not (task := await api.get_task(tid)).is_finished:
        assert time.monotonic() < deadline, f"task {tid} still {task.step_raw}"
        await asyncio.sleep(0.01)
    return task


async def uploaded(api: KokoonClient, clip: Path, tmp_path: Path, name: str) -> Video:
    copy = tmp_path / name
    shutil.copyfile(clip, copy)
    return await api.upload_video(copy)


# --- every endpoint ------------------------------------------------------------------------


async def test_upload_reports_progress_up_to_the_file_size(
    server: LoopbackSandbox, api: KokoonClient, big_clip: Path
) -> None:
    calls: list[tuple[int, int | None]] = []
    video = await api.upload_video(
        big_clip, progress=lambda done, total: calls.append((done, total))
    )
    size = big_clip.stat().st_size
    assert calls[-1] == (size, size)
    assert len(calls) > 10  # reported as the bytes went out, not once at the end
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert (video.filename, video.size, video.size_px) == ("big.mp4", size, (320, 180))
    assert video.is_original and video.is_ready
    assert video.url is not None and video.url.startswith(server.storage_origin + "/storage/")
    (post,) = sent(server, "POST", "/video")
    assert post.status == 200 and int(post.headers["content-length"]) > size


async def test_credit_quote_and_tasks(
    server: LoopbackSandbox, api: KokoonClient, clip: Path, tmp_path: Path
) -> None:
    source = await uploaded(api, clip, tmp_path, "source.mp4")
    credit = await api.get_credit()
    assert credit.credit == 5000 and credit.point == 0
    assert credit.uid == server.sandbox.uid()

    spec = spec_for(source, width=1920, height=1080)
    quote = await api.quote(spec)
    assert (await api.get_credit()).credit == 5000  # a quote charges nothing

    created = await api.create_task(spec)
    assert created.in_vid == source.vid and created.out_vid
    assert (await api.get_credit()).credit == 5000 - quote.credit  # charged what was quoted
    task = await finished(api, created.tid)
    assert task.step is Step.DONE and task.out_vid == created.out_vid
    assert task.request_body is not None
    assert {k: task.request_body[k] for k in spec.to_request_body()} == spec.to_request_body()

    preview = await api.create_task(spec_for(source, task_type=TaskType.SR_PREVIEW))
    await finished(api, preview.tid)
    with pytest.raises(NotFoundError):
        await api.get_task("7ebbf920-b9ed-11ee-8fa6-17cde62e8e05")

    everything = await api.list_tasks()
    assert [t.tid for t in everything.tasks] == [preview.tid, created.tid]  # newest first
    previews = await api.list_tasks(TaskFilter(task_type=TaskType.SR_PREVIEW))
    assert [t.tid for t in previews.tasks] == [preview.tid]
    done = await api.list_tasks(TaskFilter(steps=(Step.DONE, Step.ERROR)))
    assert done.all_count == 2
    assert (await api.list_tasks(TaskFilter(steps=(Step.RUNNING,)))).all_count == 0
    pages = [await api.list_tasks(TaskFilter(page_size=1, page_num=n)) for n in (0, 1, 2)]
    assert [(p.all_count, p.curr_count) for p in pages] == [(2, 1), (2, 1), (2, 0)]
    assert [p.tasks[0].tid for p in pages[:2]] == [preview.tid, created.tid]
    (listed,) = sent(server, "GET", "/task")[-1:]
    assert listed.query == "page_size=1&page_num=2"


async def test_get_and_list_videos(
    server: LoopbackSandbox, api: KokoonClient, clip: Path, tmp_path: Path
) -> None:
    alpha = await uploaded(api, clip, tmp_path, "alpha.mp4")
    beta = await uploaded(api, clip, tmp_path, "beta.mp4")
    created = await api.create_task(spec_for(alpha))
    await finished(api, created.tid)
    assert created.out_vid is not None

    result = await api.get_video(created.out_vid)
    assert (result.pid, result.tid, result.size_px) == (alpha.vid, created.tid, (640, 360))
    assert not result.is_original and result.is_ready
    info = await api.get_video(beta.vid.upper())  # IDs are normalised
    assert (info.vid, info.filename, info.pid) == (beta.vid, "beta.mp4", NIL_UUID)

    originals = await api.list_videos(VideoFilter(orig_type=OrigType.ORIGINAL))
    assert {v.vid for v in originals.videos} == {alpha.vid, beta.vid}
    results = await api.list_videos(VideoFilter(orig_type=OrigType.SR))
    assert [v.vid for v in results.videos] == [created.out_vid]
    named = await api.list_videos(VideoFilter(filename="alph"))
    assert {v.vid for v in named.videos} == {alpha.vid, result.vid}
    by_name = await api.list_videos(
        VideoFilter(order_field=VideoOrder.FILENAME, order=SortDirection.ASC)
    )
    names = [v.filename or "" for v in by_name.videos]
    assert names == sorted(names) and len(names) == 3
    pages = [await api.list_videos(VideoFilter(page_size=2, page_num=n)) for n in (0, 1)]
    assert [(p.all_count, p.curr_count) for p in pages] == [(3, 2), (3, 1)]
    assert len({v.vid for p in pages for v in p.videos}) == 3
    with pytest.raises(NotFoundError):
        await api.get_video("de5e9990-c0fb-11ee-961f-d12490e606ad")


async def test_download_is_identical_and_the_token_stays_with_the_api(
    server: LoopbackSandbox, api: KokoonClient, big_clip: Path, tmp_path: Path
) -> None:
    source = await api.upload_video(big_clip)
    created = await api.create_task(spec_for(source))
    await finished(api, created.tid)
    assert created.out_vid is not None
    calls: list[tuple[int, int | None]] = []
    path = await api.download_video(
        created.out_vid, tmp_path, progress=lambda done, total: calls.append((done, total))
    )
    assert path == tmp_path / "big--sr_640x360.mp4"
    assert path.read_bytes() == big_clip.read_bytes()
    assert calls[-1] == (big_clip.stat().st_size,) * 2
    assert not list(tmp_path.glob("*.part"))

    requests = server.sandbox.requests
    storage = [r for r in requests if r.origin == "storage"]
    assert len(storage) == 1 and storage[0].status == 200
    assert not any(r.has_authorization for r in storage)
    assert all(r.has_authorization for r in requests if r.origin == "api")


async def test_bearer_scheme_and_a_refused_token(server: LoopbackSandbox) -> None:
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=server.base_url, auth_scheme=AuthScheme.BEARER
    ) as bearer:
        assert (await bearer.get_credit()).credit == 5000
    async with KokoonClient(token="not-the-token", base_url=server.base_url) as wrong:
        with pytest.raises(AuthenticationError) as refused:
            await wrong.get_credit()
    assert refused.value.status == 401
    assert "not-the-token" not in str(refused.value)
    assert [r.status for r in sent(server, "GET", "/credit/me")] == [200, 401]


# --- retries and task creation ------------------------------------------------------------


async def test_reads_are_retried_over_a_real_socket(
    server: LoopbackSandbox, api: KokoonClient
) -> None:
    server.sandbox.faults.add(match="GET /credit/me", status=503, times=2)
    assert (await api.get_credit()).credit == 5000
    log = sent(server, "GET", "/credit/me")
    assert [(r.status, r.fault) for r in log] == [
        (503, "status 503"),
        (503, "status 503"),
        (200, None),
    ]


@pytest.mark.parametrize(
    ("fault", "created"),
    [
        ({"status": 500}, False),  # answered by the fault: the task was never handled
        ({"drop_before": True}, False),  # hung up before handling it
        ({"drop_after": True}, True),  # created and charged, then the answer was cut
        ({"slow_s": 2.0}, True),  # created, but the answer comes after the client gave up
    ],
    ids=["status-500", "drop-before", "drop-after", "slow"],
)
async def test_a_failed_task_creation_is_sent_once(
    server: LoopbackSandbox, clip: Path, tmp_path: Path, fault: dict[str, Any], created: bool
) -> None:
    async with KokoonClient(
        token=DEMO_TOKEN,
        base_url=server.base_url,
        retry=FAST_RETRY,
        timeout=httpx.Timeout(0.5),
    ) as api:
        source = await uploaded(api, clip, tmp_path, "once.mp4")
        spec = spec_for(source)
        cost = (await api.quote(spec)).credit
        server.sandbox.faults.add(match="POST /task", **fault)
        with pytest.raises(TaskOutcomeUnknownError, match="task list"):
            await api.create_task(spec)
        assert len(sent(server, "POST", "/task")) == 1
        tasks = await api.list_tasks()
        assert tasks.all_count == (1 if created else 0)
        assert (await api.get_credit()).credit == 5000 - (cost if created else 0)
    # Nothing was sent again behind the caller's back, not even later.
    assert len(sent(server, "POST", "/task")) == 1


async def test_insufficient_credit_creates_nothing(
    server: LoopbackSandbox, api: KokoonClient, clip: Path, tmp_path: Path
) -> None:
    source = await uploaded(api, clip, tmp_path, "poor.mp4")
    server.sandbox.set_credit(0)
    with pytest.raises(InsufficientCreditError) as refused:
        await api.create_task(spec_for(source))
    assert refused.value.server_message == "insufficient credit"
    assert (await api.list_tasks()).all_count == 0
    assert (await api.get_credit()).credit == 0
    assert len(sent(server, "POST", "/task")) == 1


# --- interrupted transfers -----------------------------------------------------------------


async def test_a_download_cut_off_midway_resumes_with_range(
    server: LoopbackSandbox, api: KokoonClient, big_clip: Path, tmp_path: Path
) -> None:
    video = await api.upload_video(big_clip)
    server.sandbox.faults.add(match="GET /storage/*", drop_after=True)
    path = await api.download_video(video.vid, tmp_path / "copy.mp4")
    assert path.read_bytes() == big_clip.read_bytes()
    assert not (tmp_path / "copy.mp4.part").exists()

    first, second = [r for r in server.sandbox.requests if r.origin == "storage"]
    assert (first.fault, first.dropped, first.headers.get("range")) == ("drop_after", True, None)
    resumed_from = int(second.headers["range"].removeprefix("bytes=").removesuffix("-"))
    assert 0 < resumed_from < big_clip.stat().st_size
    assert second.status == 206
    assert not first.has_authorization and not second.has_authorization


async def test_a_partial_file_is_resumed(
    server: LoopbackSandbox, api: KokoonClient, big_clip: Path, tmp_path: Path
) -> None:
    video = await api.upload_video(big_clip)
    data = big_clip.read_bytes()
    half = len(data) // 2
    (tmp_path / "copy.mp4.part").write_bytes(data[:half])
    path = await api.download_video(video.vid, tmp_path / "copy.mp4")
    assert path.read_bytes() == data
    (download,) = [r for r in server.sandbox.requests if r.origin == "storage"]
    assert (download.headers["range"], download.status) == (f"bytes={half}-", 206)


async def test_cancelling_an_upload_midway(
    server: LoopbackSandbox, api: KokoonClient, big_clip: Path, clip: Path
) -> None:
    size = big_clip.stat().st_size
    seen: list[int] = []

    def progress(done: int, total: int | None) -> None:
        seen.append(done)
        if done >= MIB and not upload.cancelling():
            upload.cancel()  # from inside the upload, at a known point: 1 MiB of 8 sent

    upload = asyncio.create_task(api.upload_video(big_clip, progress=progress))
    with pytest.raises(asyncio.CancelledError):
        await upload
    assert upload.cancelled()
    assert MIB <= max(seen) < size

    # The client is still usable, and the server kept nothing of the cut-off upload.
    assert (await api.get_credit()).credit == 5000
    assert (await api.list_videos()).all_count == 0
    video = await api.upload_video(clip)
    assert video.size == clip.stat().st_size
    deadline = time.monotonic() + 5
    while any(server.sandbox.staging_dir.iterdir()):
        assert time.monotonic() < deadline, "the cut-off upload was left in the staging folder"
        await asyncio.sleep(0.01)
    assert [v.vid for v in (await api.list_videos()).videos] == [video.vid]


async def test_cancelling_a_download_midway_keeps_the_part_to_resume(
    server: LoopbackSandbox, api: KokoonClient, big_clip: Path, tmp_path: Path
) -> None:
    video = await api.upload_video(big_clip)
    size = big_clip.stat().st_size
    seen: list[int] = []

    def progress(done: int, total: int | None) -> None:
        seen.append(done)
        if done >= MIB and not download.cancelling():
            download.cancel()  # 1 MiB of 8 received

    target = tmp_path / "copy.mp4"
    download = asyncio.create_task(api.download_video(video.vid, target, progress=progress))
    with pytest.raises(asyncio.CancelledError):
        await download
    assert download.cancelled()
    assert MIB <= max(seen) < size
    part = tmp_path / "copy.mp4.part"
    assert not target.exists() and part.stat().st_size == max(seen)

    # The connection was given up cleanly: the next download resumes where this one stopped.
    path = await api.download_video(video.vid, target)
    assert path.read_bytes() == big_clip.read_bytes()
    resumed = [r for r in server.sandbox.requests if r.origin == "storage"][-1]
    assert (resumed.headers["range"], resumed.status) == (f"bytes={max(seen)}-", 206)
