"""The storage host: signed, expiring links; no Authorization; HEAD and byte ranges; counts."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox
from kokoon_desktop.sandbox.storage import ByteRange, Unsatisfiable, parse_range
from tests.sandbox.sandbox_helpers import FakeClock, upload


@pytest.fixture
async def video(client: httpx.AsyncClient, clips: dict[str, Path]) -> dict[str, object]:
    return await upload(client, clips["small"])


async def test_download_whole_file(
    storage: httpx.AsyncClient, video: dict[str, str], clips: dict[str, Path]
) -> None:
    response = await storage.get(video["url"])
    assert response.status_code == 200
    assert response.content == clips["small"].read_bytes()
    assert response.headers["content-length"] == str(clips["small"].stat().st_size)
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["content-type"] == "video/mp4"
    assert response.headers["x-kokoon-simulator"] == "1"


async def test_head_and_ranges(
    storage: httpx.AsyncClient, video: dict[str, str], clips: dict[str, Path]
) -> None:
    data = clips["small"].read_bytes()
    size = len(data)
    head = await storage.head(video["url"])
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == str(size)

    cases = {
        "bytes=0-99": (0, 99),
        "bytes=100-": (100, size - 1),
        f"bytes=10-{size + 50}": (10, size - 1),
        "bytes=-10": (size - 10, size - 1),
    }
    for header, (start, end) in cases.items():
        response = await storage.get(video["url"], headers={"Range": header})
        assert response.status_code == 206, header
        assert response.headers["content-range"] == f"bytes {start}-{end}/{size}"
        assert response.content == data[start : end + 1]
        assert response.headers["content-length"] == str(end - start + 1)

    response = await storage.get(video["url"], headers={"Range": f"bytes={size}-"})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{size}"
    # Several ranges or nonsense: the whole file, like S3.
    response = await storage.get(video["url"], headers={"Range": "bytes=0-1,5-6"})
    assert (response.status_code, len(response.content)) == (200, size)


def test_parse_range() -> None:
    assert parse_range(None, 10) is None
    assert parse_range("bytes=2-4", 10) == ByteRange(2, 4)
    assert parse_range("bytes=4-2", 10) is None
    assert parse_range("items=1-2", 10) is None
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=-0", 10)
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=0-", 0)


async def test_authorization_header_is_refused(
    storage: httpx.AsyncClient, video: dict[str, str], sandbox: Sandbox
) -> None:
    response = await storage.get(video["url"], headers={"Authorization": DEMO_TOKEN})
    assert response.status_code == 400
    assert "Only one auth mechanism allowed" in response.json()["message"]
    (logged,) = [r for r in sandbox.requests if r.origin == "storage"]
    assert logged.has_authorization and logged.headers["authorization"] == "***"
    assert DEMO_TOKEN not in repr(sandbox.requests)


async def test_signature_and_expiry(
    storage: httpx.AsyncClient,
    client: httpx.AsyncClient,
    video: dict[str, str],
    clock: FakeClock,
) -> None:
    url = httpx.URL(video["url"])
    tampered = url.copy_set_param("X-Amz-Expires", "999999")
    assert (await storage.get(tampered)).status_code == 403
    other_file = url.copy_with(path=url.path.replace(".mp4", ".mov"))
    assert (await storage.get(other_file)).status_code == 403
    unsigned = url.copy_with(query=None)
    response = await storage.get(unsigned)
    assert (response.status_code, response.json()) == (403, {"message": "Access Denied"})

    clock.advance(3599)  # X-Amz-Date has whole seconds: the link lives 3600 s from 12:17:32
    assert (await storage.get(url)).status_code == 200
    clock.advance(2)
    response = await storage.get(url)
    assert (response.status_code, response.json()) == (403, {"message": "Request has expired"})
    # A fresh video object carries a fresh link.
    fresh = (await client.get(f"/video/{video['vid']}")).json()["url"]
    assert (await storage.get(fresh)).status_code == 200


async def test_download_count(
    storage: httpx.AsyncClient, client: httpx.AsyncClient, video: dict[str, str]
) -> None:
    await storage.get(video["url"])
    await storage.head(video["url"])  # not a download
    await storage.get(video["url"], headers={"Range": "bytes=100-"})  # a resumed download
    await storage.get(video["thumb_url"])  # not the video
    info = (await client.get(f"/video/{video['vid']}")).json()
    assert info["download_cnt"] == 1
    await storage.get(video["url"], headers={"Range": "bytes=0-"})
    assert (await client.get(f"/video/{video['vid']}")).json()["download_cnt"] == 2


async def test_thumbnail_is_a_jpeg(storage: httpx.AsyncClient, video: dict[str, str]) -> None:
    response = await storage.get(video["thumb_url"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.content[:3] == b"\xff\xd8\xff"


async def test_unknown_object(storage: httpx.AsyncClient, sandbox: Sandbox) -> None:
    url = sandbox.signer.sign("/storage/nobody/nothing/file.mp4", sandbox.state.now())
    response = await storage.get(url)
    assert (response.status_code, response.json()) == (
        404,
        {"message": "The specified key does not exist."},
    )
