"""Fixtures for the API client tests: a recorded sleep so retries cost no wall time, and TLS."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator

import pytest
import trustme

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.retry import RetryPolicy
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec

BASE = "https://api.example.test/kokoon/api/sr/v3"
TOKEN = "eyJraWQiOiJPMGs5.secret-test-token"
VID = "8eb18100-3aa0-11ee-a8b4-73df6b5af037"
TID = "7ebbf920-b9ed-11ee-8fa6-17cde62e8e05"


class RecordedSleep:
    """Stands in for asyncio.sleep: remembers every wait instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
async def client(sleeps: RecordedSleep) -> AsyncIterator[KokoonClient]:
    async with KokoonClient(
        token=TOKEN, base_url=BASE, retry=RetryPolicy(attempts=4), sleep=sleeps
    ) as api:
        yield api


@pytest.fixture
def spec() -> TaskSpec:
    return TaskSpec(vid=VID, category=Category.PERSON, width=1920, height=1080)


@pytest.fixture(scope="session")
def authority() -> trustme.CA:
    """A certificate authority of the tests' own, trusted by nothing unless told."""
    return trustme.CA()


@pytest.fixture(scope="session")
def server_tls(authority: trustme.CA) -> ssl.SSLContext:
    """A server's TLS settings with a certificate for localhost from :func:`authority`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    return context


#: The variables that name proxies or certificate authorities: cleared for the tests that set
#: their own, so the machine's never interfere.
NETWORK_VARIABLES = (
    "http_proxy", "https_proxy", "all_proxy", "no_proxy", "ssl_cert_file", "ssl_cert_dir",
)  # fmt: skip


@pytest.fixture
def network_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No proxy and no extra authority in the environment, until the test sets them."""
    for name in NETWORK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    yield monkeypatch
