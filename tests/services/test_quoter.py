"""Quoting: one request per pause in typing, the newest settings win, failures become text."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox
from kokoon_desktop.services.quoter import PREVIEW_NOT_QUOTED, Quoter, QuoteResult
from tests.services.services_helpers import api_requests, make_client, until


class Quotes(list[QuoteResult]):
    def __call__(self, result: QuoteResult) -> None:
        self.append(result)


@pytest.fixture
def quotes() -> Quotes:
    return Quotes()


@pytest.fixture
async def quoter(client: KokoonClient, quotes: Quotes) -> AsyncIterator[Quoter]:
    quoter = Quoter(client, quotes, debounce_s=0.05)
    yield quoter
    await quoter.aclose()


def calcs(sandbox: Sandbox) -> int:
    return api_requests(sandbox, "POST", "/credit/calc")


def quote_tasks() -> set[asyncio.Task[object]]:
    """The quoter's tasks not ended yet (it names each "quote"): once none is left, nothing
    more can be sent or reported."""
    return {task for task in asyncio.all_tasks() if task.get_name() == "quote"}


async def all_ended(tasks: set[asyncio.Task[object]]) -> None:
    assert tasks, "no quote task to wait for"
    await asyncio.wait(tasks, timeout=5)
    assert all(task.done() for task in tasks), "a quote task is still running"


async def test_a_burst_of_changes_sends_one_quote(
    sandbox: Sandbox, client: KokoonClient, quoter: Quoter, quotes: Quotes, spec: TaskSpec
) -> None:
    widths = [640, 960, 1280, 1600, 1920]
    started: set[asyncio.Task[object]] = set()
    for width in widths:
        quoter.request(spec.with_changes(width=width, height=width * 9 // 16))
        started |= quote_tasks()
        await asyncio.sleep(0.005)
    await all_ended(started)  # every quote the burst started, sent and reported or cancelled

    last = spec.with_changes(width=1920, height=1080)
    expected = (await client.quote(last)).credit
    assert quotes == [QuoteResult(last, expected, Decimal(5000), None)]
    assert quotes[0].affordable is True
    assert quoter.last_result == quotes[0]
    assert calcs(sandbox) == 2  # the quoter's one, and this test's own
    assert api_requests(sandbox, "GET", "/credit/me") == 1


async def test_newer_settings_cancel_a_quote_in_flight(
    sandbox: Sandbox, quoter: Quoter, quotes: Quotes, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /credit/calc", slow_s=30)  # answered when the test says
    quoter.request(spec)
    (first,) = quote_tasks()
    await until(lambda: calcs(sandbox) == 1)
    newer = spec.with_changes(width=640, height=360)
    quoter.request(newer)
    await until(lambda: bool(quotes))
    sandbox.interrupt_sleeps()  # the first answer comes now, to whoever still waits for it
    await all_ended({first})
    assert first.cancelled()
    assert [result.spec for result in quotes] == [newer]
    assert calcs(sandbox) == 2


async def test_none_cancels_and_reports_nothing(
    sandbox: Sandbox, quoter: Quoter, quotes: Quotes, spec: TaskSpec
) -> None:
    quoter.request(spec)
    (pending,) = quote_tasks()
    quoter.request(None)
    await all_ended({pending})
    assert pending.cancelled()
    assert quotes == []
    assert calcs(sandbox) == 0
    assert quoter.last_result is None


async def test_preview_reports_the_balance_and_why_there_is_no_cost(
    sandbox: Sandbox, quoter: Quoter, quotes: Quotes, spec: TaskSpec
) -> None:
    preview = spec.with_changes(task_type=TaskType.SR_PREVIEW)
    quoter.request(preview)
    await until(lambda: bool(quotes))
    assert quotes == [QuoteResult(preview, None, Decimal(5000), PREVIEW_NOT_QUOTED)]
    assert quotes[0].affordable is None
    assert calcs(sandbox) == 0


async def test_a_refused_quote_becomes_text(
    sandbox: Sandbox, quoter: Quoter, quotes: Quotes, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="POST /credit/calc", status=400, message="video not found")
    quoter.request(spec)
    await until(lambda: bool(quotes))
    (result,) = quotes
    assert result.credit is None and result.balance == Decimal(5000)
    assert result.error == "The service refused the request (400): video not found"


async def test_an_unreadable_balance_becomes_text(
    sandbox: Sandbox, quoter: Quoter, quotes: Quotes, spec: TaskSpec
) -> None:
    sandbox.faults.add(match="GET /credit/me", garbage="json")
    quoter.request(spec)
    await until(lambda: bool(quotes))
    (result,) = quotes
    assert result.credit is not None and result.balance is None
    assert result.error is not None and result.error.startswith("The credit left is unknown:")
    assert result.affordable is None


async def test_wrong_token_and_short_balance(
    sandbox: Sandbox, quotes: Quotes, spec: TaskSpec
) -> None:
    async with make_client(sandbox, token="not-a-token") as client:
        quoter = Quoter(client, quotes, debounce_s=0.01)
        quoter.request(spec)
        await until(lambda: bool(quotes))
        await quoter.aclose()
    (refused,) = quotes
    assert refused.credit is None and refused.balance is None
    assert refused.error is not None and "(401)" in refused.error

    sandbox.set_credit(1)
    async with make_client(sandbox) as client:
        short = await Quoter(client, quotes).quote(spec)
    assert short.credit is not None and short.credit > 1
    assert short.balance == 1 and short.affordable is False and short.error is None
