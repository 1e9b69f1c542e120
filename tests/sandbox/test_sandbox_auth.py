"""Tokens, accounts, the simulator label and the error shape of unknown routes."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox
from tests.sandbox.sandbox_helpers import task_body, upload


@pytest.mark.parametrize("headers", [{}, {"Authorization": "wrong"}, {"Authorization": ""}])
async def test_missing_or_unknown_token_is_401(sandbox: Sandbox, headers: dict[str, str]) -> None:
    async with httpx.AsyncClient(transport=sandbox.transport(), base_url=sandbox.base_url) as c:
        for method, path in (("GET", "/credit/me"), ("GET", "/video"), ("POST", "/task")):
            response = await c.request(method, path, headers=headers)
            assert response.status_code == 401
            assert response.json() == {"message": "Unauthorized"}
            assert response.headers["x-kokoon-simulator"] == "1"


@pytest.mark.parametrize("value", [DEMO_TOKEN, f"Bearer {DEMO_TOKEN}", f"bearer  {DEMO_TOKEN}"])
async def test_token_raw_or_bearer(sandbox: Sandbox, value: str) -> None:
    async with httpx.AsyncClient(transport=sandbox.transport(), base_url=sandbox.base_url) as c:
        response = await c.get("/credit/me", headers={"Authorization": value})
    assert response.status_code == 200
    assert response.json()["uid"] == sandbox.uid()


async def test_each_token_is_its_own_account(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    mine = await upload(client, clips["small"])
    task = (await client.post("/task", json=task_body(mine["vid"]))).json()
    async with httpx.AsyncClient(
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
        headers={"Authorization": "other-token"},
    ) as other:
        me = (await other.get("/credit/me")).json()
        assert me["uid"] == sandbox.uid("other-token") != sandbox.uid()
        assert me["credit"] == 5000
        assert (await other.get("/video")).json()["all_count"] == 0
        assert (await other.get("/task")).json()["all_count"] == 0
        # Another account's ids look exactly like unknown ones.
        response = await other.get(f"/video/{mine['vid']}")
        assert (response.status_code, response.json()) == (404, {"message": "video not found"})
        response = await other.get(f"/task/{task['tid']}")
        assert (response.status_code, response.json()) == (404, {"message": "task not found"})
        response = await other.post("/task", json=task_body(mine["vid"]))
        assert (response.status_code, response.json()) == (404, {"message": "video not found"})


async def test_root_page_says_it_is_a_simulator(sandbox: Sandbox) -> None:
    async with httpx.AsyncClient(transport=sandbox.transport()) as c:
        response = await c.get(sandbox.api_origin + "/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "simulator of the Kokoon SR API v3" in response.text
    assert "NOT the real Kokoon service" in response.text
    assert response.headers["x-kokoon-simulator"] == "1"


async def test_unknown_routes_and_methods_answer_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/nothing/here")
    assert (response.status_code, response.json()) == (404, {"message": "Not Found"})
    response = await client.delete("/video")
    assert response.status_code == 405
    assert response.json() == {"message": "Method Not Allowed"}


async def test_identifiers_in_paths_must_be_uuids(client: httpx.AsyncClient) -> None:
    response = await client.get("/video/not-a-uuid")
    assert (response.status_code, response.json()) == (
        400,
        {"message": '/vid must match format "uuid"'},
    )
    response = await client.get("/task/123")
    assert response.json() == {"message": '/tid must match format "uuid"'}
    response = await client.get("/task/7ebbf920-b9ed-11ee-8fa6-17cde62e8e05")
    assert (response.status_code, response.json()) == (404, {"message": "task not found"})


async def test_api_and_storage_live_on_different_origins(
    sandbox: Sandbox, client: httpx.AsyncClient, clips: dict[str, Path]
) -> None:
    video = await upload(client, clips["small"])
    storage_path = httpx.URL(video["url"]).raw_path.decode()
    async with httpx.AsyncClient(transport=sandbox.transport()) as plain:
        # A client that glues a storage path onto the API host is caught...
        response = await plain.get(sandbox.api_origin + storage_path)
        assert response.status_code == 404
        # ...and so is one that sends API calls to the storage host.
        response = await plain.get(
            sandbox.storage_origin + "/kokoon/api/sr/v3/credit/me",
            headers={"Authorization": DEMO_TOKEN},
        )
        assert response.status_code == 404
