"""A video's ``thumb_url`` picture: fetched without the token, bounded, failures explained."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import respx

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import NetworkError, RequestRejectedError, TransferError
from kokoon_desktop.sandbox import DEMO_TOKEN, LoopbackSandbox, SandboxConfig
from kokoon_desktop.sandbox.media import write_clip

from .conftest import BASE

THUMB = "https://storage.example.test/video/abc/thumbnail/thumbnail.jpg"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as mock:
        yield mock


async def test_the_thumbnail_comes_back_without_the_token(
    router: respx.MockRouter, client: KokoonClient
) -> None:
    route = router.get(THUMB).respond(content=JPEG, headers={"Content-Type": "image/jpeg"})
    assert await client.fetch_thumbnail(THUMB) == JPEG
    assert "Authorization" not in route.calls.last.request.headers


async def test_not_even_a_link_on_the_api_host_gets_the_token(
    router: respx.MockRouter, client: KokoonClient
) -> None:
    url = f"{BASE}/thumbs/abc.jpg"
    route = router.get(url).respond(content=JPEG)
    await client.fetch_thumbnail(url)
    assert "Authorization" not in route.calls.last.request.headers


async def test_failures_say_what_went_wrong(router: respx.MockRouter, client: KokoonClient) -> None:
    router.get(THUMB).respond(404)
    with pytest.raises(TransferError, match=r"HTTP 404"):
        await client.fetch_thumbnail(THUMB)
    router.get(THUMB).respond(content=b"x" * 2048)
    with pytest.raises(TransferError, match="larger than 1024 bytes"):
        await client.fetch_thumbnail(THUMB, max_bytes=1024)
    router.get(THUMB).mock(side_effect=httpx.ReadError("connection reset"))
    with pytest.raises(NetworkError, match=r"storage\.example\.test"):
        await client.fetch_thumbnail(THUMB)
    with pytest.raises(RequestRejectedError, match="not a web address"):
        await client.fetch_thumbnail("file:///etc/passwd")


async def test_the_simulators_thumbnail_is_a_jpeg_of_the_upload(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "harbour.mp4", width=320, height=180, seconds=1)
    with LoopbackSandbox(SandboxConfig(time_scale=0.001)) as server:
        async with KokoonClient(token=DEMO_TOKEN, base_url=server.base_url) as api:
            video = await api.upload_video(clip)
            info = await api.get_video(video.vid)
            assert info.thumb_url
            picture = await api.fetch_thumbnail(info.thumb_url)
        storage = [r for r in server.sandbox.requests if r.origin == "storage"]
    assert picture.startswith(b"\xff\xd8")  # a JPEG
    assert storage and not any(r.has_authorization for r in storage)
