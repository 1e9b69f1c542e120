"""How results look on a terminal, and in ``--json`` mode as one JSON document."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, TextIO

from kokoon_desktop.api.models import Task, Video
from kokoon_desktop.core import human


def print_json(document: object, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    json.dump(document, out, indent=2, ensure_ascii=False, default=_json_default)
    out.write("\n")


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def video_details(video: Video) -> str:
    size = f"{video.width}x{video.height}" if video.size_px else "-"
    fields: list[tuple[str, Any]] = [
        ("Video", video.vid),
        ("File", video.filename or "-"),
        ("Kind", "original" if video.is_original else f"SR result of {video.pid}"),
        ("State", video.state or "-"),
        ("Resolution", size),
        ("Frame rate", video.fps or "-"),
        ("Duration", human.duration(video.duration_s)),
        ("Frames", video.nb_frames if video.nb_frames is not None else "-"),
        ("Codec", video.codec_name or "-"),
        ("Size", human.file_size(video.size)),
        ("Created", human.local_time(video.created_time)),
        ("Expires", human.local_time(video.expired_time)),
        ("Downloads", video.download_cnt if video.download_cnt is not None else "-"),
    ]
    if video.last_category:
        fields.append(("Last category", video.last_category))
    if video.tid and not video.is_original:
        fields.append(("Task", video.tid))
    return _key_values(fields)


def task_details(task: Task) -> str:
    fraction = task.progress_fraction()
    progress = f"{fraction:.0%}" if fraction is not None else "-"
    fields: list[tuple[str, Any]] = [
        ("Task", task.tid),
        ("Type", task.task_type or "-"),
        ("Step", task.step_raw or task.step.value),
        ("Progress", progress),
        ("Source", f"{task.filename or '-'} ({task.in_vid or '-'})"),
        ("Output video", task.out_vid or "-"),
        ("Requested", human.local_time(task.request_time)),
        ("Started", human.local_time(task.start_time)),
        ("Finished", human.local_time(task.finish_time)),
    ]
    if task.result_message:
        fields.append(("Result", task.result_message))
    return _key_values(fields)


def _key_values(fields: Sequence[tuple[str, Any]]) -> str:
    width = max(len(name) for name, _ in fields)
    return "\n".join(f"{name + ':':<{width + 1}} {value}" for name, value in fields)


class ProgressLine:
    """A one-line progress display on a terminal's stderr, redrawn at most ten times a second."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self._label = label
        self._stream = stream or sys.stderr
        self._enabled = self._stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != total:
            return
        self._last = now
        share = f"{done / total:4.0%} " if total else ""
        amount = (
            f"{human.file_size(done)} of {human.file_size(total)}"
            if total
            else human.file_size(done)
        )
        self._stream.write(f"\r{self._label}: {share}({amount})\x1b[K")
        self._stream.flush()

    def finish(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()
