"""The cost of the form's current settings, next to the credit left, without flooding the service.

Every change of the form calls :meth:`Quoter.request`; only a spec left alone for
``debounce_s`` is quoted, and a newer request cancels an older one whether it is still waiting
or already on the wire, so a late answer can never overwrite a newer one. ``POST /credit/calc``
and ``GET /credit/me`` go out together.

Previews: the service quotes full tasks only (API reference §3.4). Quoting the equivalent full
task would show a price the preview does not have, so a preview's result carries the balance,
no cost, and a sentence saying why in ``error``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.api.models import Credit, CreditQuote
from kokoon_desktop.core.enums import TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate
from kokoon_desktop.services.observers import notify, report_exception

log = logging.getLogger(__name__)

PREVIEW_NOT_QUOTED = QT_TRANSLATE_NOOP(
    "Quoter", "The service quotes full tasks only: a preview's cost is not known in advance."
)


@dataclass(frozen=True)
class QuoteResult:
    """What a spec costs and what the account has; ``error`` says why something is missing."""

    spec: TaskSpec
    credit: Decimal | None  # cost
    balance: Decimal | None  # credit left (GET /credit/me, fetched with the quote)
    error: str | None

    @property
    def affordable(self) -> bool | None:
        """Whether the balance covers the cost; None when either is unknown."""
        if self.credit is None or self.balance is None:
            return None
        return self.balance >= self.credit


class Quoter:
    """Debounced quotes for the form; results go to ``on_quote``, errors as text, never raised."""

    def __init__(
        self,
        client: KokoonClient,
        on_quote: Callable[[QuoteResult], None],
        *,
        debounce_s: float = 0.35,
    ) -> None:
        self._client = client
        self._on_quote = on_quote
        self._debounce_s = debounce_s
        self._current: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self.last_result: QuoteResult | None = None
        """The latest result delivered (None after ``request(None)``), for a check at submit."""

    def request(self, spec: TaskSpec | None) -> None:
        """Quote ``spec`` once it stays unchanged for ``debounce_s``; cancels the previous
        pending or in-flight quote. ``None`` cancels and reports nothing."""
        if self._current is not None:
            self._current.cancel()
            self._current = None
        if spec is None:
            self.last_result = None
            return
        if self._closed:
            return
        task = asyncio.get_running_loop().create_task(self._quote_later(spec), name="quote")
        self._current = task
        self._tasks.add(task)
        task.add_done_callback(self._ended)

    async def quote(self, spec: TaskSpec) -> QuoteResult:
        """Quote now, without debouncing (the caller owns cancellation)."""
        if spec.task_type is not TaskType.SR:
            try:
                credit = await self._client.get_credit()
            except KokoonError as exc:
                said = translate(
                    "Quoter",
                    "The service quotes full tasks only: a preview's cost is not known in "
                    "advance. {reason}",
                ).format(reason=exc.message)
                return QuoteResult(spec, None, None, said)
            return QuoteResult(spec, None, credit.credit, translate("Quoter", PREVIEW_NOT_QUOTED))
        quote, balance = await asyncio.gather(
            self._client.quote(spec), self._client.get_credit(), return_exceptions=True
        )
        return _result(spec, quote, balance)

    async def aclose(self) -> None:
        """Cancel any quote and wait for it to end."""
        self._closed = True
        self._current = None
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _quote_later(self, spec: TaskSpec) -> None:
        await asyncio.sleep(self._debounce_s)
        result = await self.quote(spec)
        if self._current is not asyncio.current_task():
            return  # superseded while the answer was on its way
        self._current = None
        self.last_result = result
        notify(self._on_quote, result)

    def _ended(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if self._current is task:
            self._current = None
        if not task.cancelled() and (exc := task.exception()) is not None:
            report_exception(exc, "quoting the task failed")


def _result(
    spec: TaskSpec,
    quote: CreditQuote | BaseException,
    balance: Credit | BaseException,
) -> QuoteResult:
    """Both answers, or the text of what failed; anything but a service error is a bug."""
    for outcome in (quote, balance):
        if isinstance(outcome, BaseException) and not isinstance(outcome, KokoonError):
            raise outcome
    cost = quote.credit if isinstance(quote, CreditQuote) else None
    left = balance.credit if isinstance(balance, Credit) else None
    error = None
    if isinstance(quote, KokoonError):
        error = quote.message
    elif isinstance(balance, KokoonError):
        error = translate("Quoter", "The credit left is unknown: {reason}").format(
            reason=balance.message
        )
    return QuoteResult(spec, cost, left, error)
