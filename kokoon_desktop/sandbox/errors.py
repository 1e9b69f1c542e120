"""The one error type the simulator's handlers raise; it becomes ``{"message": ...}`` JSON."""

from __future__ import annotations


class ApiError(Exception):
    """An error response: HTTP status plus the text for the documented ``message`` field."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def bad_request(message: str) -> ApiError:
    """400: the body or query did not pass validation (the docs' AJV-style messages)."""
    return ApiError(400, message)


VIDEO_NOT_FOUND = "video not found"
TASK_NOT_FOUND = "task not found"
INSUFFICIENT_CREDIT = "insufficient credit"
UNAUTHORIZED = "Unauthorized"
