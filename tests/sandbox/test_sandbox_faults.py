"""Injected faults, in-process: each action, counting, the request log, the admin routes."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN, FaultRule, Sandbox, SandboxConfig
from tests.sandbox.sandbox_helpers import task_body, upload

#: How early asyncio may wake a timer: it runs those due within one tick of its clock
#: (time.monotonic: 1 ns on Linux, 15.6 ms on Windows), so a delay is checked to that tick.
TICK_S = time.get_clock_info("monotonic").resolution


def _task_posts(sandbox: Sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.method == "POST" and r.path.endswith("/task"))


async def test_status_fault_with_retry_after(sandbox: Sandbox, client: httpx.AsyncClient) -> None:
    sandbox.faults.add(match="GET /credit/me", status=429, retry_after=7, times=2)
    for _ in range(2):
        response = await client.get("/credit/me")
        assert response.status_code == 429
        assert response.headers["retry-after"] == "7"
        assert response.json() == {"message": "Too Many Requests"}
    assert (await client.get("/credit/me")).status_code == 200
    sandbox.faults.add(match="GET /credit/*", status=503, message="maintenance")
    response = await client.get("/credit/me")
    assert (response.status_code, response.json()) == (503, {"message": "maintenance"})
    assert "retry-after" not in response.headers
    assert [r.fault for r in sandbox.requests] == [
        "status 429",
        "status 429",
        None,
        "status 503",
    ]


async def test_status_fault_does_not_handle_the_request(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    sandbox.faults.add(match="POST /task", status=500)
    assert (await client.post("/task", json=task_body(video["vid"]))).status_code == 500
    assert (await client.get("/task")).json()["all_count"] == 0


@pytest.mark.parametrize("kind", ["text", "json"])
async def test_garbage(sandbox: Sandbox, client: httpx.AsyncClient, kind: str) -> None:
    sandbox.faults.add(match="GET /credit/me", garbage=kind)
    response = await client.get("/credit/me")
    assert response.status_code == 200
    if kind == "text":
        with pytest.raises(ValueError):
            response.json()
    else:
        body = response.json()
        assert isinstance(body, dict) and "credit" not in body


async def test_slow_response_hits_the_client_timeout_after_taking_effect(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    sandbox.faults.add(match="POST /task", slow_s=30)
    with pytest.raises(httpx.ReadTimeout):  # the client gave up; waiting would have answered
        await client.post("/task", json=task_body(video["vid"]), timeout=0.2)
    (post,) = [r for r in sandbox.requests if r.method == "POST" and r.path.endswith("/task")]
    assert post.status is None  # and the simulator is still holding the answer back
    # The task exists and was charged: exactly the case a client must reconcile.
    assert (await client.get("/task")).json()["all_count"] == 1
    assert (await client.get("/credit/me")).json()["credit"] == 4999
    assert _task_posts(sandbox) == 1


async def test_slow_without_timeout_arrives_late(
    sandbox: Sandbox, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(match="GET /credit/me", slow_s=0.2)
    started = time.monotonic()
    assert (await client.get("/credit/me")).status_code == 200
    assert time.monotonic() - started >= 0.2 - TICK_S


async def test_drop_before_nothing_happens(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    sandbox.faults.add(match="POST /task", drop_before=True)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        await client.post("/task", json=task_body(video["vid"]))
    assert (await client.get("/task")).json()["all_count"] == 0
    assert (await client.get("/credit/me")).json()["credit"] == 5000
    dropped = [r for r in sandbox.requests if r.dropped]
    assert len(dropped) == 1 and dropped[0].status is None and dropped[0].fault == "drop_before"


async def test_drop_after_the_task_is_created_and_charged(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    sandbox.faults.add(match="POST /task", drop_after=True)
    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        await client.post("/task", json=task_body(video["vid"]))
    tasks = (await client.get("/task")).json()
    assert tasks["all_count"] == 1
    assert tasks["sr_tasks"][0]["in_vid"] == video["vid"]
    assert (await client.get("/credit/me")).json()["credit"] == 4999
    assert _task_posts(sandbox) == 1
    (entry,) = [r for r in sandbox.requests if r.dropped]
    assert (entry.status, entry.fault) == (200, "drop_after")


async def test_drop_after_on_a_download(
    sandbox: Sandbox,
    client: httpx.AsyncClient,
    storage: httpx.AsyncClient,
    clips: dict[str, Path],
) -> None:
    video = await upload(client, clips["small"])
    sandbox.faults.add(match="GET /storage/*", drop_after=True)
    with pytest.raises(httpx.RemoteProtocolError):
        await storage.get(video["url"])
    assert (await storage.get(video["url"])).status_code == 200


async def test_rules_match_patterns_in_order(sandbox: Sandbox, client: httpx.AsyncClient) -> None:
    sandbox.faults.add(match="GET /task/*", status=502, times=None)
    sandbox.faults.add(match="* *", status=500)
    assert (await client.get("/task/7ebbf920-b9ed-11ee-8fa6-17cde62e8e05")).status_code == 502
    assert (await client.get("/task/7ebbf920-b9ed-11ee-8fa6-17cde62e8e05")).status_code == 502
    assert (await client.get("/task")).status_code == 500  # "* *" used up
    assert (await client.get("/task")).status_code == 200
    sandbox.faults.clear()
    assert (await client.get("/task/7ebbf920-b9ed-11ee-8fa6-17cde62e8e05")).status_code == 404


async def test_random_error_rate(sandbox: Sandbox, client: httpx.AsyncClient) -> None:
    sandbox.faults.error_rate = 1.0
    statuses = {(await client.get("/credit/me")).status_code for _ in range(30)}
    assert statuses <= {500, 502, 503} and len(statuses) >= 2
    sandbox.faults.error_rate = 0.0
    assert (await client.get("/credit/me")).status_code == 200


async def test_latency() -> None:
    with Sandbox(SandboxConfig(latency_s=0.15)) as sandbox:
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
            headers={"Authorization": DEMO_TOKEN},
        ) as client:
            started = time.monotonic()
            await client.get("/credit/me")
            assert time.monotonic() - started >= 0.15 - TICK_S


def test_rule_validation() -> None:
    with pytest.raises(ValueError, match="one action"):
        FaultRule(match="* *", status=500, drop_after=True)
    with pytest.raises(ValueError, match="needs an action"):
        FaultRule(match="* *")
    with pytest.raises(ValueError, match="look like"):
        FaultRule(match="POST", status=500)
    with pytest.raises(ValueError, match="unknown fault keys"):
        FaultRule.from_json({"match": "* *", "status": 500, "colour": "red"})
    rule = FaultRule.from_json({"match": "post /task", "drop_after": True, "times": 2})
    assert rule.matches("POST", "/kokoon/api/sr/v3/task")
    assert not rule.matches("POST", "/kokoon/api/sr/v3/task/x")
    assert not rule.matches("GET", "/kokoon/api/sr/v3/task")
    assert rule.to_json()["match"] == "post /task"


async def test_admin_routes(sandbox: Sandbox, client: httpx.AsyncClient) -> None:
    async with httpx.AsyncClient(
        transport=sandbox.transport(), base_url=sandbox.api_origin + "/_sandbox"
    ) as admin:
        info = (await admin.get("/")).json()
        assert info["base_url"] == sandbox.base_url and DEMO_TOKEN in info["tokens"]
        response = await admin.post(
            "/faults",
            json={
                "rules": [{"match": "GET /credit/me", "status": 503, "retry_after": 1}],
                "task_error_rate": 0.5,
                "fail_next_tasks": 2,
            },
        )
        assert response.status_code == 200
        assert response.json()["rules"][0]["status"] == 503
        assert sandbox.faults.fail_next_tasks == 2
        assert (await client.get("/credit/me")).status_code == 503
        response = await admin.post("/faults", json={"match": "* *", "status": 7})
        assert response.status_code == 400 and "status" in response.json()["message"]
        assert (await admin.delete("/faults")).json()["rules"] == []
        assert sandbox.faults.fail_next_tasks == 0

        assert (await admin.post("/credit", json={"credit": 12})).status_code == 200
        assert (await client.get("/credit/me")).json()["credit"] == 12
        response = await admin.post("/credit", json={"credit": 3, "token": "other-token"})
        assert response.status_code == 200
        assert (await admin.post("/credit", json={"credit": -1})).status_code == 400
        assert (await client.get("/credit/me")).json()["credit"] == 12

        before = sandbox.state.now()
        response = await admin.post("/clock", json={"advance_s": 90})
        assert response.status_code == 200
        assert sandbox.state.now() == pytest.approx(before + 90)

        log = (await admin.get("/requests")).json()
        assert [entry["path"] for entry in log] == ["/kokoon/api/sr/v3/credit/me"] * 3
        assert all(entry["headers"]["authorization"] == "***" for entry in log)
        assert (await admin.delete("/requests")).json() == []
        assert sandbox.requests == []
