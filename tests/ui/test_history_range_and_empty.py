"""The history's Range column speaks the range panel's unit (timecode, frames or ms), from the
source's frame rate recorded with the task; an empty history says how tasks get there, and a
search that finds nothing says so."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from pytestqt.qtbot import QtBot

from kokoon_desktop.core.time_entry import TimeUnit
from kokoon_desktop.sandbox.media import write_clip
from tests.ui.window_fixtures import WindowHarness, cells, closes_windows, until, upload


@closes_windows
async def test_the_range_column_follows_the_panels_unit(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = write_clip(tmp_path / "pier.mp4", width=64, height=64, fps=Fraction(25), seconds=4.0)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    panel = window.form.range_panel
    panel.set_range(1000, 2000)  # frames 25 to 74 at 25 fps
    spec = window.form.spec
    assert spec is not None
    entry = await window.submission.submit(spec)
    assert entry is not None and entry.source_fps == "25/1"
    panel.set_unit(TimeUnit.TIMECODE)
    assert cells(window, entry.id)["Range"] == "00:00:01:00 – 00:00:02:24"
    panel.set_unit(TimeUnit.FRAMES)
    assert cells(window, entry.id)["Range"] == "25 – 74"
    panel.set_unit(TimeUnit.MILLISECONDS)
    assert cells(window, entry.id)["Range"] == "00:00:01.000 – 00:00:03.000"


@closes_windows
async def test_an_empty_history_says_how_tasks_get_there(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    pane = window.history_pane
    assert pane.empty_label.isVisibleTo(window)
    assert pane.empty_label.text().startswith("Tasks you submit appear here")
    clip = write_clip(tmp_path / "pier.mp4", width=64, height=64, seconds=0.5)
    assert await upload(window, clip) is not None
    spec = window.form.spec
    assert spec is not None
    assert await window.submission.submit(spec) is not None
    await until(lambda: not pane.empty_label.isVisibleTo(window))
    qtbot.keyClicks(pane.search, "no such take")
    await until(lambda: pane.empty_label.isVisibleTo(window))
    assert pane.empty_label.text() == "No task matches “no such take”."
    pane.search.clear()
    await until(lambda: not pane.empty_label.isVisibleTo(window))
