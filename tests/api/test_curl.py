"""The copied curl command runs as-is in a shell and never holds the token."""

from __future__ import annotations

import json
import shlex

from kokoon_desktop.api.curl import TOKEN_PLACEHOLDER, create_task_curl
from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec


def test_command_parses_back_to_the_body() -> None:
    body = TaskSpec(
        vid="8eb18100-3aa0-11ee-a8b4-73df6b5af037", category=Category.PERSON, width=1920,
        height=1080,
    ).to_request_body()  # fmt: skip
    command = create_task_curl("https://h.test/kokoon/api/sr/v3/", body)
    words = shlex.split(command.replace("\\\n", " "))
    assert words[:4] == ["curl", "-X", "POST", "https://h.test/kokoon/api/sr/v3/task"]
    assert json.loads(words[words.index("-d") + 1]) == body
    assert f"Authorization: {TOKEN_PLACEHOLDER}" in words


def test_bearer_placeholder() -> None:
    command = create_task_curl("https://h.test/x", {"a": "it's"}, AuthScheme.BEARER)
    assert f"Bearer {TOKEN_PLACEHOLDER}" in command
    assert json.loads(shlex.split(command.replace("\\\n", " "))[-1]) == {"a": "it's"}
