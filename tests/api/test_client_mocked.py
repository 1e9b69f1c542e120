"""The client against a mocked transport: every endpoint, every error class, the retry policy."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import respx

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import (
    AuthenticationError,
    InsufficientCreditError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestRejectedError,
    ServerError,
    TaskOutcomeUnknownError,
    TransferError,
)
from kokoon_desktop.api.filters import OrigType, TaskFilter, VideoFilter
from kokoon_desktop.api.retry import RetryPolicy
from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.core.enums import Step, TaskType
from kokoon_desktop.core.task_spec import TaskSpec

from .conftest import BASE, TID, TOKEN, VID, RecordedSleep
from .test_models import TASK_EXAMPLE, UPLOAD_EXAMPLE

STORAGE = "https://storage.example.test/video/result.mp4?X-Amz-Signature=abc"
CREATED = {"tid": TID, "in_vid": VID, "out_vid": "7ebbf921-b9ed-11ee-8fa6-17cde62e8e05"}


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock


# --- endpoints -----------------------------------------------------------------------------


async def test_credit_sends_the_raw_token(router: respx.MockRouter, client: KokoonClient) -> None:
    route = router.get("/credit/me").respond(json={"uid": "u", "credit": 4058, "point": 0})
    credit = await client.get_credit()
    assert credit.credit == 4058
    assert route.calls.last.request.headers["Authorization"] == TOKEN


async def test_bearer_scheme_when_configured(router: respx.MockRouter) -> None:
    route = router.get("/credit/me").respond(json={"credit": 1})
    async with KokoonClient(token=TOKEN, base_url=BASE, auth_scheme=AuthScheme.BEARER) as api:
        await api.get_credit()
    assert route.calls.last.request.headers["Authorization"] == f"Bearer {TOKEN}"


async def test_quote_posts_the_documented_body(
    router: respx.MockRouter, client: KokoonClient, spec: TaskSpec
) -> None:
    route = router.post("/credit/calc").respond(json={"credit": 5})
    quote = await client.quote(spec)
    assert quote.credit == 5
    assert json.loads(route.calls.last.request.content) == spec.to_request_body()


async def test_preview_cannot_be_quoted_and_nothing_is_sent(
    router: respx.MockRouter, client: KokoonClient, spec: TaskSpec
) -> None:
    route = router.post("/credit/calc").respond(json={"credit": 5})
    preview = TaskSpec(
        vid=spec.vid, category=spec.category, width=1280, height=720,
        task_type=TaskType.SR_PREVIEW,
    )  # fmt: skip
    with pytest.raises(ValueError, match="full tasks"):
        await client.quote(preview)
    assert not route.called


async def test_create_task(router: respx.MockRouter, client: KokoonClient, spec: TaskSpec) -> None:
    route = router.post("/task").respond(json=CREATED)
    created = await client.create_task(spec)
    assert (created.tid, created.in_vid) == (TID, VID)
    request = route.calls.last.request
    assert json.loads(request.content) == spec.to_request_body()
    assert request.headers["Content-Type"] == "application/json"


async def test_get_task_and_list(router: respx.MockRouter, client: KokoonClient) -> None:
    router.get(f"/task/{TID}").respond(json=dict(TASK_EXAMPLE, tid=TID))
    route = router.get("/task").respond(json={"all_count": 1, "curr_count": 1, "sr_tasks": []})
    assert (await client.get_task(TID.upper())).step is Step.DONE
    page = await client.list_tasks(
        TaskFilter(steps=(Step.RUNNING, Step.DONE), task_type=TaskType.SR_PREVIEW,
                   page_size=2, page_num=0)
    )  # fmt: skip
    assert page.all_count == 1
    params = route.calls.last.request.url.params
    assert params["step"] == "running,done" and params["task_type"] == "SR_PREVIEW"
    assert (params["page_size"], params["page_num"]) == ("2", "0")


async def test_get_video_and_list(router: respx.MockRouter, client: KokoonClient) -> None:
    router.get(f"/video/{VID}").respond(json=dict(UPLOAD_EXAMPLE, vid=VID))
    route = router.get("/video").respond(json={"all_count": 0, "curr_count": 0, "videos": []})
    assert (await client.get_video(VID)).vid == VID
    await client.list_videos(VideoFilter(orig_type=OrigType.ORIGINAL, filename="foot"))
    params = route.calls.last.request.url.params
    assert params["orig_type"] == "original" and params["filename"] == "foot"


@pytest.mark.parametrize("bad", ["", "not-a-uuid", "../credit/me", VID + "0"])
async def test_bad_ids_refused_before_sending(
    router: respx.MockRouter, client: KokoonClient, bad: str
) -> None:
    with pytest.raises(ValueError, match="ID"):
        await client.get_video(bad)
    with pytest.raises(ValueError, match="ID"):
        await client.get_task(bad)
    assert not router.calls


async def test_no_token_is_an_auth_error_before_sending(router: respx.MockRouter) -> None:
    async with KokoonClient(token=None, base_url=BASE) as api:
        with pytest.raises(AuthenticationError, match="sign in"):
            await api.get_credit()
    assert not router.calls


async def test_upload_streams_a_multipart_file_with_progress(
    router: respx.MockRouter, client: KokoonClient, tmp_path: Path
) -> None:
    source = tmp_path / "clip.mp4"
    payload = bytes(range(256)) * 1024  # 256 KiB: several chunks
    source.write_bytes(payload)
    route = router.post("/video").respond(json=dict(UPLOAD_EXAMPLE, filename="clip.mp4"))
    seen: list[tuple[int, int | None]] = []
    video = await client.upload_video(
        source, progress=lambda done, total: seen.append((done, total))
    )
    assert video.filename == "clip.mp4"
    request = route.calls.last.request
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="clip.mp4"' in request.content
    assert payload in request.content
    assert int(request.headers["Content-Length"]) == len(request.content)
    assert seen[-1] == (len(payload), len(payload))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


async def test_upload_of_missing_or_empty_file_sends_nothing(
    router: respx.MockRouter, client: KokoonClient, tmp_path: Path
) -> None:
    with pytest.raises(TransferError, match="Cannot read"):
        await client.upload_video(tmp_path / "missing.mp4")
    (tmp_path / "empty.mp4").touch()
    with pytest.raises(TransferError, match="empty"):
        await client.upload_video(tmp_path / "empty.mp4")
    with pytest.raises(TransferError, match="not a file"):
        await client.upload_video(tmp_path)
    assert not router.calls


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "error", "text"),
    [
        (401, {"message": "Unauthorized"}, AuthenticationError, "Unauthorized"),
        (403, {"message": "Forbidden"}, AuthenticationError, "Sign in again"),
        (404, {"message": "video not found"}, NotFoundError, "video not found"),
        (400, {"message": "must have required property 'use_sr'"}, RequestRejectedError,
         "must have required property 'use_sr'"),
        (402, {"message": "insufficient credit"}, InsufficientCreditError, "Not enough credit"),
        (400, {"message": "insufficient credit"}, InsufficientCreditError, "Not enough credit"),
        (422, "plain words", RequestRejectedError, "plain words"),
        (500, {"message": "boom"}, ServerError, "boom"),
        (501, "<html><body>nginx</body></html>", ServerError, "failed"),
    ],
)  # fmt: skip
async def test_status_maps_to_error_class_with_server_message(
    router: respx.MockRouter,
    client: KokoonClient,
    status: int,
    body: object,
    error: type[Exception],
    text: str,
) -> None:
    response = (
        httpx.Response(status, json=body)
        if isinstance(body, dict)
        else httpx.Response(status, text=str(body))
    )
    route = router.get("/credit/me").mock(return_value=response)
    with pytest.raises(error, match=text) as caught:
        await client.get_credit()
    assert route.call_count == 1  # none of these is worth repeating
    if isinstance(body, dict):
        assert caught.value.server_message == body["message"]  # type: ignore[attr-defined]
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>not json</html>"),
        httpx.Response(200, json=["a", "list"]),
        httpx.Response(200, json={"credit": "lots"}),
        httpx.Response(302, headers={"Location": "https://elsewhere.test/"}),
    ],
)
async def test_garbage_bodies_are_malformed_responses(
    router: respx.MockRouter, client: KokoonClient, response: httpx.Response
) -> None:
    router.get("/credit/me").mock(return_value=response)
    with pytest.raises(MalformedResponseError):
        await client.get_credit()


# --- retries -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_reads_retry_transient_statuses(
    router: respx.MockRouter, client: KokoonClient, sleeps: RecordedSleep, status: int
) -> None:
    route = router.get("/credit/me").mock(
        side_effect=[
            httpx.Response(status),
            httpx.Response(status),
            httpx.Response(200, json={"credit": 3}),
        ]
    )
    assert (await client.get_credit()).credit == 3
    assert route.call_count == 3
    assert len(sleeps.delays) == 2
    assert 0.25 <= sleeps.delays[0] <= 0.5 and 0.5 <= sleeps.delays[1] <= 1.0  # backoff grows


@pytest.mark.parametrize(
    "exc",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("cut")],
)
async def test_reads_retry_network_errors_then_give_up_clearly(
    router: respx.MockRouter, client: KokoonClient, sleeps: RecordedSleep, exc: Exception
) -> None:
    route = router.get(f"/task/{TID}").mock(side_effect=exc)
    with pytest.raises(NetworkError) as caught:
        await client.get_task(TID)
    assert route.call_count == 4  # at least three attempts in all
    assert len(sleeps.delays) == 3
    assert "api.example.test" in str(caught.value)
    assert "Traceback" not in str(caught.value)


async def test_retry_after_is_honoured(
    router: respx.MockRouter, client: KokoonClient, sleeps: RecordedSleep
) -> None:
    router.get("/credit/me").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}, json={"message": "slow down"}),
            httpx.Response(200, json={"credit": 1}),
        ]
    )
    await client.get_credit()
    assert sleeps.delays == [7.0]


async def test_rate_limit_after_the_last_attempt_is_reported(
    router: respx.MockRouter, client: KokoonClient
) -> None:
    router.get("/credit/me").mock(
        return_value=httpx.Response(429, headers={"Retry-After": "2"}, json={"message": "slow"})
    )
    with pytest.raises(RateLimitedError) as caught:
        await client.get_credit()
    assert caught.value.retry_after == 2.0


async def test_500_and_4xx_reads_are_not_retried(
    router: respx.MockRouter, client: KokoonClient, sleeps: RecordedSleep
) -> None:
    route = router.get("/credit/me").respond(500)
    with pytest.raises(ServerError):
        await client.get_credit()
    assert route.call_count == 1 and sleeps.delays == []


@pytest.mark.parametrize(
    ("outcome", "error"),
    [
        (httpx.ConnectError("refused"), NetworkError),
        (httpx.ConnectTimeout("no answer"), NetworkError),
        (httpx.ReadTimeout("sent, no answer"), TaskOutcomeUnknownError),
        (httpx.RemoteProtocolError("dropped after sending"), TaskOutcomeUnknownError),
        (httpx.ReadError("reset"), TaskOutcomeUnknownError),
        (httpx.WriteTimeout("half sent"), TaskOutcomeUnknownError),
        (httpx.Response(500, json={"message": "oops"}), TaskOutcomeUnknownError),
        (httpx.Response(502), TaskOutcomeUnknownError),
        (httpx.Response(504), TaskOutcomeUnknownError),
        (httpx.Response(503), ServerError),
        (httpx.Response(429, headers={"Retry-After": "1"}), RateLimitedError),
        (httpx.Response(400, json={"message": "/width must be integer"}), RequestRejectedError),
        (httpx.Response(402, json={"message": "insufficient credit"}), InsufficientCreditError),
        (httpx.Response(401, json={"message": "Unauthorized"}), AuthenticationError),
        (httpx.Response(200, text="garbage"), TaskOutcomeUnknownError),
        (httpx.Response(201, json={"no": "tid"}), TaskOutcomeUnknownError),
    ],
)
async def test_task_creation_is_sent_exactly_once_whatever_fails(
    router: respx.MockRouter,
    client: KokoonClient,
    sleeps: RecordedSleep,
    spec: TaskSpec,
    outcome: Exception | httpx.Response,
    error: type[Exception],
) -> None:
    route = router.post("/task")
    if isinstance(outcome, httpx.Response):
        route.mock(return_value=outcome)
    else:
        route.mock(side_effect=outcome)
    with pytest.raises(error) as caught:
        await client.create_task(spec)
    assert route.call_count == 1
    assert sleeps.delays == []
    if error is NetworkError:
        assert "not sent" in str(caught.value)
    if error is TaskOutcomeUnknownError:
        assert "check the task list" in str(caught.value).lower()


async def test_upload_retried_only_when_no_connection_was_made(
    router: respx.MockRouter, client: KokoonClient, tmp_path: Path
) -> None:
    source = tmp_path / "clip.mp4"
    source.write_bytes(b"x" * 1000)
    route = router.post("/video").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json=UPLOAD_EXAMPLE)]
    )
    await client.upload_video(source)
    assert route.call_count == 2

    route.reset()
    route.mock(side_effect=httpx.ReadTimeout("sent, no answer"))
    with pytest.raises(NetworkError):
        await client.upload_video(source)
    assert route.call_count == 1

    route.reset()
    route.mock(return_value=httpx.Response(503))
    with pytest.raises(ServerError):
        await client.upload_video(source)
    assert route.call_count == 1


# --- downloads -----------------------------------------------------------------------------


class _BreakingStream(httpx.AsyncByteStream):
    """Sends some bytes and then fails like a dropped connection."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._data
        raise httpx.ReadError("connection reset")


def _storage_handler(payload: bytes, requests: list[httpx.Request], break_at: int | None):
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.host != "storage.example.test":
            video = dict(UPLOAD_EXAMPLE, vid=VID, size=len(payload), url=STORAGE)
            return httpx.Response(200, json=video)
        if request.headers.get("Authorization"):
            return httpx.Response(400, text="Only one auth mechanism allowed")
        range_header = request.headers.get("Range")
        start = int(range_header.removeprefix("bytes=").rstrip("-")) if range_header else 0
        body = payload[start:]
        headers = {"Content-Length": str(len(body)), "Accept-Ranges": "bytes"}
        status = 200
        if range_header:
            status = 206
            headers["Content-Range"] = f"bytes {start}-{len(payload) - 1}/{len(payload)}"
        if break_at is not None and len(requests) <= 2 and not range_header:
            return httpx.Response(status, headers=headers, stream=_BreakingStream(body[:break_at]))
        return httpx.Response(status, headers=headers, content=body)

    return handle


async def test_download_video_never_sends_the_token_to_storage(
    tmp_path: Path, sleeps: RecordedSleep
) -> None:
    payload = b"frame" * 50_000
    requests: list[httpx.Request] = []
    transport = httpx.MockTransport(_storage_handler(payload, requests, None))
    async with KokoonClient(token=TOKEN, base_url=BASE, transport=transport, sleep=sleeps) as api:
        path = await api.download_video(VID, tmp_path)
    assert path == tmp_path / "original.mp4" and path.read_bytes() == payload
    api_request, storage_request = requests
    assert api_request.headers["Authorization"] == TOKEN
    assert "Authorization" not in storage_request.headers
    assert TOKEN not in str(storage_request.url)


async def test_download_resumes_with_range_after_a_drop(
    tmp_path: Path, sleeps: RecordedSleep
) -> None:
    payload = bytes(range(256)) * 4000
    requests: list[httpx.Request] = []
    transport = httpx.MockTransport(_storage_handler(payload, requests, break_at=300_000))
    progress: list[int] = []
    async with KokoonClient(token=TOKEN, base_url=BASE, transport=transport, sleep=sleeps) as api:
        path = await api.download(
            STORAGE, tmp_path / "out.mp4", expected_size=len(payload),
            progress=lambda done, _total: progress.append(done),
        )  # fmt: skip
    assert path.read_bytes() == payload
    assert requests[1].headers["Range"] == "bytes=300000-"
    assert not (tmp_path / "out.mp4.part").exists()
    assert progress[-1] == len(payload)
    assert len(sleeps.delays) == 1


async def test_download_size_mismatch_is_refused(tmp_path: Path) -> None:
    payload = b"x" * 1000
    transport = httpx.MockTransport(_storage_handler(payload, [], None))
    async with KokoonClient(token=TOKEN, base_url=BASE, transport=transport) as api:
        with pytest.raises(TransferError, match="should be 999"):
            await api.download(STORAGE, tmp_path / "out.mp4", expected_size=999)
    assert not (tmp_path / "out.mp4").exists()


async def test_expired_link_is_not_called_a_bad_token(tmp_path: Path) -> None:
    transport = httpx.MockTransport(
        lambda _request: httpx.Response(403, text="Request has expired")
    )
    async with KokoonClient(token=TOKEN, base_url=BASE, transport=transport) as api:
        with pytest.raises(RequestRejectedError, match="link") as caught:
            await api.download(STORAGE, tmp_path / "out.mp4")
    assert not isinstance(caught.value, AuthenticationError)


async def test_download_gives_up_after_repeated_drops(
    tmp_path: Path, sleeps: RecordedSleep
) -> None:
    transport = httpx.MockTransport(
        lambda _request: (_ for _ in ()).throw(httpx.ReadError("reset"))
    )
    async with KokoonClient(
        token=TOKEN, base_url=BASE, transport=transport, sleep=sleeps, retry=RetryPolicy(attempts=3)
    ) as api:
        with pytest.raises(NetworkError, match=r"storage\.example\.test"):
            await api.download(STORAGE, tmp_path / "out.mp4")
    assert len(sleeps.delays) == 2


async def test_api_calls_beyond_the_limit_wait_their_turn_in_the_client() -> None:
    in_flight = 0
    most = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return httpx.Response(200, json={"credit": 1})

    transport = httpx.MockTransport(handler)
    async with KokoonClient(
        token=TOKEN, base_url=BASE, transport=transport, max_concurrent_requests=3
    ) as api:
        results = await asyncio.gather(*(api.get_credit() for _ in range(20)))
    assert len(results) == 20
    assert most == 3
