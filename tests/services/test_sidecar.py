"""The provenance sidecar: what it records, timecode of the range, written whole or not at all."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kokoon_desktop import __version__
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.services.sidecar import (
    FINGERPRINT_SPAN,
    Provenance,
    quick_fingerprint,
    sidecar_document,
    sidecar_path,
    write_sidecar,
)
from kokoon_desktop.storage import atomic
from tests.core.test_task_spec import ECHOED_BODY

BODY: dict[str, Any] = {
    **ECHOED_BODY, "category": "person", "start_pos": 61_000, "duration": 10_000, "width": 3840,
    "height": 2160,
}  # fmt: skip


@pytest.fixture
def output(tmp_path: Path) -> Path:
    video = tmp_path / "out" / "clip_person_3840x2160.mp4"
    video.parent.mkdir()
    video.write_bytes(b"\x00" * 1234)
    return video


@pytest.fixture
def source(tmp_path: Path) -> Path:
    clip = tmp_path / "rushes" / "clip.mov"
    clip.parent.mkdir()
    clip.write_bytes(os.urandom(3 * FINGERPRINT_SPAN))
    return clip


def facts(source: Path | None = None, **changes: Any) -> Provenance:
    made = Provenance(
        request_body=BODY,
        tid="89f758a0-ba76-11ee-8fa6-17cde62e8e05",
        in_vid=BODY["vid"],
        out_vid="89f758a1-ba76-11ee-8fa6-17cde62e8e05",
        source_name="clip.mov",
        source_path=str(source) if source else None,
        source_fps="30000/1001",
        request_time="2024-01-24T05:07:58.000Z",
        start_time="2024-01-24T05:09:06.000Z",
        finish_time="2024-01-24T05:09:32.000Z",
        credits="12.5",
    )
    return dataclasses.replace(made, **changes)


def test_the_sidecar_sits_beside_the_output(output: Path) -> None:
    assert sidecar_path(output) == output.parent / "clip_person_3840x2160.mp4.kokoon.json"


def test_the_document_records_how_the_result_was_made(output: Path, source: Path) -> None:
    written = write_sidecar(output, facts(source))
    assert written == sidecar_path(output)
    document = json.loads(written.read_text(encoding="utf-8"))
    assert list(document) == [
        "format", "app", "written_at", "output", "source", "range", "task", "request_body",
    ]  # fmt: skip
    assert document["format"] == "kokoon-desktop-provenance/1"
    assert document["app"] == {"name": "Kokoon Desktop", "version": __version__}
    assert document["request_body"] == BODY
    assert document["task"] == {
        "tid": "89f758a0-ba76-11ee-8fa6-17cde62e8e05",
        "type": "SR",
        "in_vid": BODY["vid"],
        "out_vid": "89f758a1-ba76-11ee-8fa6-17cde62e8e05",
        "request_time": "2024-01-24T05:07:58.000Z",
        "start_time": "2024-01-24T05:09:06.000Z",
        "finish_time": "2024-01-24T05:09:32.000Z",
        "credits": "12.5",
    }
    assert document["source"] == {
        "name": "clip.mov",
        "size": 3 * FINGERPRINT_SPAN,
        "fingerprint": quick_fingerprint(source),
    }
    assert document["output"] == {"file": output.name, "size": 1234}
    written_at = datetime.fromisoformat(document["written_at"].replace("Z", "+00:00"))
    assert abs(datetime.now(UTC) - written_at) < timedelta(minutes=1)
    assert written.read_text(encoding="utf-8").startswith('{\n  "format"')  # indented


def test_no_token_and_no_link_reach_the_file(output: Path) -> None:
    text = write_sidecar(output, facts()).read_text(encoding="utf-8")
    assert DEMO_TOKEN not in text
    assert "http" not in text and "url" not in text.lower()


def test_a_source_that_is_not_a_local_file_has_no_size_or_fingerprint(
    output: Path, tmp_path: Path
) -> None:
    for path in (None, str(tmp_path / "moved-away.mov"), str(tmp_path)):
        document = sidecar_document(facts(source_path=path), output)
        assert document["source"] == {"name": "clip.mov", "size": None, "fingerprint": None}
    nameless = sidecar_document(
        facts(source_name=None, source_path=str(tmp_path / "a.mp4")), output
    )
    assert nameless["source"]["name"] == "a.mp4"


@pytest.mark.parametrize(
    ("fps", "start", "end"),
    [
        # 61 s at 29.97 fps is frame 1828, 00:01:01;00 in drop-frame (non-drop would say
        # 00:01:00:28); 71 s is frame 2127, the last one before 00:01:11;00.
        ("30000/1001", "00:01:01;00", "00:01:10;29"),
        ("25/1", "00:01:01:00", "00:01:11:00"),
        (None, None, None),
        ("not a rate", None, None),
    ],
)
def test_the_range_in_timecode(output: Path, fps: str | None, start: str, end: str) -> None:
    document = sidecar_document(facts(source_fps=fps), output)
    assert document["range"] == {
        "start_ms": 61_000,
        "duration_ms": 10_000,
        "whole_file": False,
        "fps": fps,
        "start": start,
        "end": end,
    }


def test_the_whole_file_has_no_end(output: Path) -> None:
    whole = {**BODY, "start_pos": 0, "duration": 0}
    document = sidecar_document(facts(request_body=whole, source_fps="25/1"), output)
    assert document["range"] == {
        "start_ms": 0,
        "duration_ms": 0,
        "whole_file": True,
        "fps": "25/1",
        "start": "00:00:00:00",
        "end": None,
    }


def test_the_fingerprint_follows_the_content(tmp_path: Path, source: Path) -> None:
    first = quick_fingerprint(source)
    assert first.startswith("sha256:") and len(first) == len("sha256:") + 64
    assert quick_fingerprint(source) == first

    data = bytearray(source.read_bytes())
    for where in (0, len(data) - 1):  # the first and the last MiB are read
        changed = tmp_path / f"changed-{where}.mov"
        data[where] ^= 0xFF
        changed.write_bytes(bytes(data))
        data[where] ^= 0xFF
        assert quick_fingerprint(changed) != first
    longer = tmp_path / "longer.mov"
    longer.write_bytes(bytes(data[:FINGERPRINT_SPAN]) + b"\x00" + bytes(data[FINGERPRINT_SPAN:]))
    assert quick_fingerprint(longer) != first, "the size counts"


def test_the_fingerprint_of_a_small_file(tmp_path: Path) -> None:
    small = tmp_path / "small.mp4"
    small.write_bytes(b"abc")
    expected = hashlib.sha256((3).to_bytes(8, "big") + b"abc" + b"abc").hexdigest()
    assert quick_fingerprint(small) == f"sha256:{expected}"


def test_a_full_disk_leaves_no_file_behind(output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError) as failed:
        write_sidecar(output, facts())
    assert failed.value.errno == errno.ENOSPC
    assert sorted(path.name for path in output.parent.iterdir()) == [output.name]


def test_a_new_sidecar_replaces_the_old_whole(output: Path) -> None:
    write_sidecar(output, facts(credits="1"))
    write_sidecar(output, facts(credits="2"))
    document = json.loads(sidecar_path(output).read_text(encoding="utf-8"))
    assert document["task"]["credits"] == "2"
    assert len(list(output.parent.iterdir())) == 2


def test_the_sidecar_is_readable_like_the_video_beside_it(output: Path) -> None:
    previous = os.umask(0o022)
    try:
        written = write_sidecar(output, facts())
    finally:
        os.umask(previous)
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
