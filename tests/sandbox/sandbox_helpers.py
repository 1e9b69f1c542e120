"""Helpers shared by the simulator's tests (a module name no other test folder uses)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

#: 2024-02-01T12:17:32.699Z, the docs' upload example.
DOCS_EPOCH = 1_706_789_852.699


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: float = DOCS_EPOCH) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def upload(client: httpx.AsyncClient, path: Path, name: str | None = None) -> dict[str, Any]:
    """POST /video and return the JSON (asserting success)."""
    response = await client.post(
        "/video", files={"file": (name or path.name, path.read_bytes(), "video/mp4")}
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def task_body(vid: Any, **overrides: Any) -> dict[str, Any]:
    """The docs' create-task example (§3.6) for ``vid``, whole file by default."""
    body: dict[str, Any] = {
        "task_type": "SR",
        "category": "person",
        "use_sr": True,
        "input_quality": "medium",
        "option": {
            "face_enhance": False,
            "denoise": False,
            "deinterlace": False,
            "add_noise": False,
        },
        "vid": vid,
        "width": 1280,
        "height": 720,
    }
    body.update(overrides)
    return body


def padded_video(source: Path, target: Path, size: int) -> Path:
    """A valid MP4 of ``size`` bytes: ``source`` followed by one big top-level ``free`` box."""
    data = source.read_bytes()
    padding = size - len(data)
    assert padding >= 8
    with target.open("wb") as out:
        out.write(data)
        out.write(padding.to_bytes(4, "big") + b"free")
        zeros = bytes(1 << 20)
        left = padding - 8
        while left > 0:
            out.write(zeros[: min(left, len(zeros))])
            left -= len(zeros)
    return target
