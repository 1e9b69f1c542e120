"""Editors' files in the window: an upload is counted as a plain decode presents it (a clip
trimmed by stream copy is not longer than its pictures), and a variable-rate clip's range is
sent in its frames' own milliseconds, with a note in the range panel."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.messages import Level
from tests.media.counter_video import NTSC
from tests.media.editor_media import (
    make_counter_video,
    make_trimmed_by_stream_copy,
    make_undecodable,
    make_unknown_format,
    make_variable_rate,
    plain_decode,
    remux_to_transport_stream,
)
from tests.ui.window_fixtures import (
    WindowHarness,
    closes_windows,
    notification,
    shown_message,
    until,
    upload,
)


@closes_windows
async def test_a_clip_trimmed_by_stream_copy_has_only_its_pictures_on_the_timeline(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clean = make_counter_video(tmp_path / "clean.mp4", frames=60)
    trimmed = make_trimmed_by_stream_copy(clean, tmp_path / "trimmed.mp4", first_frame=15)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, trimmed) is not None
    source = window.form.source
    assert source is not None and source.total_frames == 45 == len(plain_decode(trimmed))
    assert window.timeline.total_frames == 45
    panel = window.form.range_panel
    assert panel.marks is not None and panel.marks.total_frames == 45


@closes_windows
async def test_a_transport_stream_counts_from_its_first_frame(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    stream = remux_to_transport_stream(
        make_counter_video(tmp_path / "c.mp4", frames=48), tmp_path / "camcorder.mts"
    )
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, stream) is not None
    panel = window.form.range_panel
    assert panel.marks is not None and panel.marks.total_frames == 48
    panel.set_marks(Marks(48, 12, 23))
    start, duration, _, _ = panel.values()
    # Frames 12-23 at 29.97 fps, exactly as a clean file starting at zero gives them.
    assert (start, duration) == Marks(48, 12, 23).to_request(FrameRate(NTSC)) == (400, 401)


@closes_windows
async def test_a_variable_rate_range_is_sent_in_its_frames_own_milliseconds(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    rng = random.Random(11)
    times = [0]
    for _ in range(59):
        times.append(times[-1] + rng.choice([16, 33, 33, 50, 67]))
    phone = make_variable_rate(tmp_path / "phone.mp4", times)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, phone) is not None
    panel = window.form.range_panel
    assert panel.marks is not None and panel.marks.total_frames == 60
    assert "variable frame rate" in panel.summary.text()
    panel.set_marks(Marks(60, 10, 29))
    start, duration, _, _ = panel.values()
    assert (start, start + duration) == (times[10], times[30])
    assert window.form.spec is not None
    assert (window.form.spec.start_pos, window.form.spec.duration) == (start, duration)


@closes_windows
async def test_an_interlaced_source_is_marked_and_deinterlace_suggested_not_forced(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    from tests.media.editor_media import make_interlaced_transport_stream

    broadcast = make_interlaced_transport_stream(tmp_path / "broadcast.ts")
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, broadcast) is not None
    form = window.form
    assert form.source is not None and form.source.interlaced
    assert form.source_label.text().endswith("· interlaced")
    deinterlace = form.options["deinterlace"]
    assert not deinterlace.isChecked()  # suggested only
    assert form.deinterlace_hint.isVisibleTo(window)
    deinterlace.click()
    assert not form.deinterlace_hint.isVisibleTo(window)
    assert form.spec is not None and form.spec.options.deinterlace


@closes_windows
async def test_files_that_are_no_video_are_said_and_nothing_is_uploaded(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    from tests.media.counter_video import write_audio_only

    empty = tmp_path / "empty.mov"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("not a video, whatever its name says")
    clean = make_counter_video(tmp_path / "clean.mp4", frames=12)
    cases = {
        write_audio_only(tmp_path / "voice.m4a"): "has no video in it",
        make_unknown_format(clean, tmp_path / "exotic.mov"): "cannot decode",
        empty: "is not a video this application can read",
        text: "is not a video this application can read",
        tmp_path / "gone.mp4": "was not found",
    }
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    harness.sandbox.clear_requests()
    for path, reason in cases.items():
        assert await window.upload.upload_file(path) is None
        level, said = notification(window) or (None, "")
        assert level is Level.ERROR and reason in said and "Nothing was uploaded" in said
    assert not [r for r in harness.sandbox.requests if r.method == "POST"]
    assert window.form.source is None


@closes_windows
async def test_a_damaged_file_opens_to_where_it_decodes_and_says_so(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    from tests.media.editor_media import make_cut_short

    clean = make_counter_video(tmp_path / "clean.mp4", frames=60)
    cut = make_cut_short(clean, tmp_path / "card pulled out.mp4")
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, cut) is not None
    frames = len(plain_decode(cut))
    assert window.timeline.total_frames == frames < 60
    level, said = shown_message(window)
    assert level is Level.WARNING and "damaged near its end" in said
    assert f"after frame {frames - 1}" in said


@closes_windows
async def test_the_timeline_works_from_the_headers_until_the_frames_are_counted(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from kokoon_desktop.media import frame_index

    clean = make_counter_video(tmp_path / "clean.mp4", frames=60)
    trimmed = make_trimmed_by_stream_copy(clean, tmp_path / "trimmed.mp4", first_frame=15)
    release = threading.Event()
    real = frame_index.indexed

    def slow(info: object) -> object:
        release.wait(10)  # the index of a long file, still being read
        return real(info)  # type: ignore[arg-type]

    monkeypatch.setattr(frame_index, "indexed", slow)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await window.upload.upload_file(trimmed) is not None
    bar = window.upload_progress
    await until(lambda: bar.isVisible() and "refine the timeline" in bar.format())
    # At once from the headers (which count the 3 pictures the edit list hides), and the
    # upload is over: quitting or the next file need not wait for the count...
    assert window.form.source is not None and window.timeline.total_frames == 48
    assert not window.upload.in_flight
    release.set()
    assert window.upload.counting is not None
    await window.upload.counting
    # ...then refined to the pictures a plain decode presents.
    assert not bar.isVisible()
    assert window.timeline.total_frames == 45 == window.form.source.total_frames


@closes_windows
async def test_another_file_while_the_last_is_counted_becomes_the_source(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from kokoon_desktop.media import frame_index

    first = make_counter_video(tmp_path / "long take.mp4", frames=60)
    second = make_counter_video(tmp_path / "next take.mp4", frames=30)
    release = threading.Event()
    real = frame_index.indexed

    def slow_for_the_first(info: object) -> object:
        if info.path == first:  # type: ignore[attr-defined]
            release.wait(10)
        return real(info)  # type: ignore[arg-type]

    monkeypatch.setattr(frame_index, "indexed", slow_for_the_first)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await window.upload.upload_file(first) is not None
    counting = window.upload.counting
    assert counting is not None and not counting.done()
    # Like a second drop: no "an upload is already running".
    window.upload.start(str(second))
    await until(lambda: source_name(window) == second.name)
    await until(counting.done)
    release.set()
    assert counting.cancelled()
    assert window.timeline.total_frames == 30
    assert "already running" not in shown_message(window)[1]


def source_name(window: MainWindow) -> str | None:
    return window.form.source.name if window.form.source is not None else None


@closes_windows
async def test_a_file_whose_pictures_do_not_decode_stops_its_upload(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    noise = make_undecodable(make_counter_video(tmp_path / "clean.mp4"), tmp_path / "noise.mp4")
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    session = window.session
    assert session is not None
    client = session.connection.client
    started = asyncio.Event()

    async def slow_upload(*_args: object, **_kwargs: object) -> object:
        started.set()
        await asyncio.sleep(30)  # a big file on a slow line: still going when the count fails
        raise AssertionError("the upload was not stopped")

    monkeypatch.setattr(client, "upload_video", slow_upload)
    assert await window.upload.upload_file(noise) is None
    assert started.is_set()
    level, said = shown_message(window)
    assert level is Level.ERROR
    assert said == "“noise.mp4” has no frame that can be shown. The upload was stopped."
    assert window.form.source is None
    assert not window.upload.in_flight


@closes_windows
async def test_pictures_found_not_to_decode_after_the_upload_are_said(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The service reads more than this app's decoder does: a file it accepted whose pictures
    # this app finds it cannot decode once the upload is over (the reading is made to fail
    # here, as a long file in a format the service knows would).
    import threading

    from kokoon_desktop.media import frame_index
    from kokoon_desktop.media.probe import MediaError

    clip = make_counter_video(tmp_path / "camera.mp4")
    release = threading.Event()

    def fails_late(info: object) -> object:
        release.wait(10)
        raise MediaError("“camera.mp4” has no frame that can be shown.")

    monkeypatch.setattr(frame_index, "indexed", fails_late)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await window.upload.upload_file(clip) is not None
    release.set()
    assert window.upload.counting is not None
    await window.upload.counting
    level, said = shown_message(window)
    assert level is Level.WARNING
    assert said == (
        "“camera.mp4” has no frame that can be shown. "
        "The timeline follows what its headers say, and shows no pictures."
    )
    assert window.form.source is not None and window.form.source.name == "camera.mp4"
