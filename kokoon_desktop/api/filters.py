"""Query parameters of the two list endpoints, checked before anything is sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kokoon_desktop.core.enums import Step, TaskType


class OrigType(StrEnum):
    ORIGINAL = "original"
    SR = "sr"


class VideoOrder(StrEnum):
    CREATED_TIME = "created_time"
    EXPIRED_TIME = "expired_time"
    FILENAME = "filename"


class SortDirection(StrEnum):
    ASC = "asc"
    DESC = "desc"


def _check_paging(page_size: int | None, page_num: int | None) -> None:
    # The documentation marks each of the two as requiring the other.
    if (page_size is None) != (page_num is None):
        raise ValueError("Give both a page number and a page size, or neither.")
    if page_size is not None and page_size < 1:
        raise ValueError(f"The page size must be at least 1, not {page_size}.")
    if page_num is not None and page_num < 0:
        raise ValueError(f"Pages are numbered from 0; {page_num} is not a page.")


def _check_dates(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and start > end:
        raise ValueError(f"The start date {start} is after the end date {end}.")


def _paging_params(
    params: dict[str, str],
    page_size: int | None,
    page_num: int | None,
    start: date | None,
    end: date | None,
) -> dict[str, str]:
    if page_size is not None and page_num is not None:
        params["page_size"] = str(page_size)
        params["page_num"] = str(page_num)
    if start is not None:
        params["start_date"] = start.isoformat()
    if end is not None:
        params["end_date"] = end.isoformat()
    return params


@dataclass(frozen=True, slots=True)
class VideoFilter:
    """Filters of ``GET /video``; every one is optional."""

    orig_type: OrigType | None = None
    filename: str | None = None
    order_field: VideoOrder | None = None
    order: SortDirection | None = None
    page_size: int | None = None
    page_num: int | None = None
    start_date: date | None = None
    end_date: date | None = None

    def __post_init__(self) -> None:
        _check_paging(self.page_size, self.page_num)
        _check_dates(self.start_date, self.end_date)

    def to_params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.orig_type is not None:
            params["orig_type"] = self.orig_type.value
        if self.filename:
            params["filename"] = self.filename
        if self.order_field is not None:
            params["order_field"] = self.order_field.value
        if self.order is not None:
            params["order"] = self.order.value
        return _paging_params(params, self.page_size, self.page_num, self.start_date, self.end_date)


@dataclass(frozen=True, slots=True)
class TaskFilter:
    """Filters of ``GET /task``; several steps are sent comma-separated, as documented."""

    steps: tuple[Step, ...] = ()
    task_type: TaskType | None = None
    page_size: int | None = None
    page_num: int | None = None
    start_date: date | None = None
    end_date: date | None = None

    def __post_init__(self) -> None:
        _check_paging(self.page_size, self.page_num)
        _check_dates(self.start_date, self.end_date)

    def to_params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.steps:
            params["step"] = ",".join(step.value for step in self.steps)
        if self.task_type is not None:
            params["task_type"] = self.task_type.value
        return _paging_params(params, self.page_size, self.page_num, self.start_date, self.end_date)
