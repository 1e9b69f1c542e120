"""The simulator on real sockets (uvicorn in a thread), driven from the test thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN, LoopbackSandbox, SandboxConfig
from tests.sandbox.sandbox_helpers import padded_video, task_body

MIB = 1024 * 1024


@pytest.fixture
def server() -> Iterator[LoopbackSandbox]:
    with LoopbackSandbox(SandboxConfig(time_scale=0.001)) as running:
        yield running


def test_serves_once_started_and_stops_cleanly() -> None:
    server = LoopbackSandbox().start()
    try:
        # What start() returns is serving: a first request is answered, not refused.
        response = httpx.get(server.base_url + "/credit/me", headers={"Authorization": DEMO_TOKEN})
        assert response.status_code == 200
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.base_url.endswith("/kokoon/api/sr/v3")
        assert server.storage_origin.startswith("http://127.0.0.1:")
        assert server.storage_origin != server.api_origin
        threads = [t.name for t in threading.enumerate()]
        assert "kokoon-sandbox-server" in threads
    finally:
        server.stop()
    assert "kokoon-sandbox-server" not in [t.name for t in threading.enumerate()]
    server.stop()  # idempotent
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.base_url + "/credit/me")


def test_upload_and_range_download_over_sockets(
    server: LoopbackSandbox, clips: dict[str, Path], tmp_path: Path
) -> None:
    big = padded_video(clips["small"], tmp_path / "big.mp4", 24 * MIB)
    with httpx.Client(base_url=server.base_url, headers={"Authorization": DEMO_TOKEN}) as api:
        with big.open("rb") as source:
            response = api.post("/video", files={"file": ("big.mp4", source)})
        assert response.status_code == 200, response.text
        assert response.headers["x-kokoon-simulator"] == "1"
        video = response.json()
        assert video["size"] == 24 * MIB
        assert video["url"].startswith(server.storage_origin + "/storage/")

        created = api.post("/task", json=task_body(video["vid"])).json()
        deadline = time.monotonic() + 5
        while api.get(f"/task/{created['tid']}").json()["step"] != "done":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        result = api.get(f"/video/{created['out_vid']}").json()

    with httpx.Client() as plain:  # storage links get no token
        head = plain.head(result["url"])
        assert int(head.headers["content-length"]) == 24 * MIB
        tail = plain.get(result["url"], headers={"Range": f"bytes={20 * MIB}-"})
        assert tail.status_code == 206
        assert tail.headers["content-range"] == f"bytes {20 * MIB}-{24 * MIB - 1}/{24 * MIB}"
        with big.open("rb") as source:
            source.seek(20 * MIB)
            assert tail.content == source.read()
        response = plain.get(result["url"], headers={"Authorization": DEMO_TOKEN})
        assert response.status_code == 400

    storage_requests = [r for r in server.sandbox.requests if r.origin == "storage"]
    assert [r.has_authorization for r in storage_requests] == [False, False, True]
    assert all(r.host.endswith(server.storage_origin.rsplit(":", 1)[1]) for r in storage_requests)


def test_drops_over_a_real_connection(server: LoopbackSandbox, clips: dict[str, Path]) -> None:
    video = server.sandbox.add_video(clips["small"])
    faults = server.sandbox.faults
    with httpx.Client(base_url=server.base_url, headers={"Authorization": DEMO_TOKEN}) as api:
        faults.add(match="POST /task", drop_before=True)
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            api.post("/task", json=task_body(video["vid"]))
        assert api.get("/task").json()["all_count"] == 0

        faults.add(match="POST /task", drop_after=True)
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            api.post("/task", json=task_body(video["vid"]))
        assert api.get("/task").json()["all_count"] == 1
        assert api.get("/credit/me").json()["credit"] == 4999

        faults.add(match="GET /credit/me", status=503, retry_after=2)
        response = api.get("/credit/me")
        assert (response.status_code, response.headers["retry-after"]) == (503, "2")

        faults.add(match="GET /credit/me", slow_s=30)
        with pytest.raises(httpx.ReadTimeout):
            api.get("/credit/me", timeout=0.2)
    posts = [r for r in server.sandbox.requests if r.method == "POST"]
    assert [(r.fault, r.dropped) for r in posts] == [("drop_before", True), ("drop_after", True)]


def test_admin_routes_over_http(server: LoopbackSandbox) -> None:
    with httpx.Client(base_url=server.api_origin) as admin:
        admin.post("/_sandbox/faults", json={"match": "GET /video", "status": 500})
        admin.post("/_sandbox/credit", json={"credit": 7})
        with httpx.Client(headers={"Authorization": DEMO_TOKEN}) as api:
            assert api.get(server.base_url + "/video").status_code == 500
            assert api.get(server.base_url + "/credit/me").json()["credit"] == 7
        assert len(admin.get("/_sandbox/requests").json()) == 2
        assert "simulator" in admin.get("/").text


def test_client_giving_up_mid_upload_leaves_nothing(
    server: LoopbackSandbox, clips: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    def body() -> Iterator[bytes]:
        yield b"--b\r\nContent-Disposition: form-data; name=file; filename=a.mp4\r\n\r\n"
        yield bytes(4 * MIB)
        raise OSError("user cancelled")

    with httpx.Client(base_url=server.base_url, headers={"Authorization": DEMO_TOKEN}) as api:
        with pytest.raises(OSError, match="user cancelled"):
            api.post(
                "/video",
                content=body(),
                headers={"content-type": "multipart/form-data; boundary=b"},
            )
        deadline = time.monotonic() + 5
        while any(server.sandbox.staging_dir.iterdir()):
            assert time.monotonic() < deadline, "the partial upload was not removed"
            time.sleep(0.01)
        assert api.get("/video").json()["all_count"] == 0
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
