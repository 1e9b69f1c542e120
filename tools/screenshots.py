"""Render the main window offscreen to PNG for the README and docs/: ``make screenshots``.

The window runs against the in-process simulator (demo mode) on a throw-away profile, with a
few real submissions in its history, so the pictures show real data through the real client,
in the light and a dark palette. The dialogs have their own renders (see docs/).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from qasync import run as run_qt_loop

from kokoon_desktop.app import App, parse_args
from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.style import dark_palette
from kokoon_desktop.ui.task_form import SourceInfo
from tools import dialog_screenshots, timeline_screenshots

DOCS = Path(__file__).resolve().parent.parent / "docs"


async def _populated_window(profile: Path) -> tuple[App, MainWindow]:
    results = profile / "results"
    results.mkdir()
    context = App(
        parse_args(["--demo", "--profile-dir", str(profile), "--output-dir", str(results)]),
        profile_paths(profile),
    )
    window = context.build_window()
    window.show()
    client = window.live.connection.client
    videos = (await client.list_videos()).videos
    form = window.form
    form.set_source(SourceInfo.from_video(videos[-1]))
    done = form.spec
    assert done is not None
    await window.submission.submit(done)
    sandbox = window.live.connection.sandbox
    assert sandbox is not None
    sandbox.set_credit(0)
    await window.submission.submit(
        done.with_changes(category=Category.RETRO, width=2560, height=1440)
    )
    sandbox.set_credit(4200)
    await asyncio.sleep(7.5)  # the first task runs to done in simulated real time
    clip = write_clip(
        profile / "harbour_dusk.mp4", width=640, height=360, fps=Fraction(25), seconds=6.0
    )
    await window.upload.upload_file(clip)  # a local file: exact preview and a filmstrip
    form.category.setCurrentIndex(form.category.findData(Category.ANIMATION.value))
    form.task_type.setCurrentIndex(form.task_type.findData(TaskType.SR_PREVIEW.value))
    form.range_panel.set_range(1000, 3000)
    window.timeline.set_playhead(90)
    running = form.spec
    assert running is not None
    await window.submission.submit(running)
    await asyncio.sleep(3.6)  # the preview is running
    form.task_type.setCurrentIndex(form.task_type.findData(TaskType.SR.value))
    form.size_preset.setCurrentIndex(form.size_preset.findData("2160p"))
    window.notification_bar.dismiss()
    window.messages.info("Task submitted: the history follows it until it is done.")
    await asyncio.sleep(1.0)  # a fresh quote for the settings shown
    return context, window


async def _until(condition: Callable[[], object]) -> None:
    """Let the loop run until ``condition()`` holds (state changes with no event to wait on)."""
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.05)


async def _history_with_results(profile: Path) -> tuple[App, MainWindow]:
    """A window whose history shows every state a result can be in, reached for real:
    downloaded, downloading, failed (storage refusing), expiring soon, and a task made
    elsewhere that the account merge brought in."""
    results = profile / "results"
    results.mkdir()
    context = App(
        parse_args(["--demo", "--profile-dir", str(profile), "--output-dir", str(results)]),
        profile_paths(profile),
    )
    context.settings.update(auto_download=False)
    window = context.build_window()
    window.resize(1400, 760)
    window.show()
    window.main_splitter.setSizes([330, 430])
    live = window.live
    client = live.connection.client
    sandbox = live.connection.sandbox
    assert sandbox is not None
    sandbox.config.time_scale = 0.05
    videos = (await client.list_videos()).videos
    window.form.set_source(SourceInfo.from_video(videos[-1]))
    base = window.form.spec
    assert base is not None
    entries = []
    for category in (Category.PERSON, Category.RETRO, Category.GENERAL, Category.CG):
        entry = await window.submission.submit(base.with_changes(category=category))
        assert entry is not None
        entries.append(entry)
    elsewhere = await client.create_task(base.with_changes(category=Category.ANIMATION))
    await _until(lambda: all(window.history_model.entry(e.id).is_done for e in entries))  # type: ignore[union-attr]
    current = [window.history_model.entry(e.id) for e in entries]
    downloaded, failing, slow, expiring = (e for e in current if e is not None)
    window.results.download([downloaded])
    await _until(lambda: not live.downloads.in_flight)
    sandbox.faults.add(match="GET /storage/*", status=503, times=3)
    window.results.download([failing])
    await _until(lambda: not live.downloads.in_flight)
    sandbox.faults.add(match="GET /storage/*", slow_s=30, times=None)
    window.results.download([slow])
    soon = datetime.now(UTC) + timedelta(hours=20)
    window.submission.entry_changed(
        window.history_store.set_expiry(expiring.id, soon.isoformat().replace("+00:00", "Z"))
    )
    await window.results.refresh()  # the task made elsewhere joins the history
    assert any(e.tid == elsewhere.tid for e in window.history_model.all_entries())
    window.history_pane.select_entry(downloaded.id)
    window.history_pane.table.scrollToTop()
    window.notification_bar.dismiss()
    await asyncio.sleep(0.5)
    return context, window


async def render(app: QApplication) -> None:
    DOCS.mkdir(exist_ok=True)
    await dialog_screenshots.render_all(DOCS)
    light = app.palette()
    timeline_screenshots.render_all(DOCS, {"": light, "-dark": dark_palette()})
    app.setPalette(light)
    with tempfile.TemporaryDirectory(prefix="kokoon-shots-") as tmp:
        context, window = await _history_with_results(Path(tmp))
        window.history_pane.grab().save(str(DOCS / "history-results.png"))
        print(DOCS / "history-results.png")
        await window.aclose()
        window.close()
        context.history.close()
    for name, palette in (("main-window.png", light), ("main-window-dark.png", dark_palette())):
        app.setPalette(palette)
        with tempfile.TemporaryDirectory(prefix="kokoon-shots-") as tmp:
            context, window = await _populated_window(Path(tmp))
            window.grab().save(str(DOCS / name))
            print(DOCS / name)
            await window.aclose()
            window.close()
            context.history.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)  # dialogs close one after another
    run_qt_loop(render(app))


if __name__ == "__main__":
    main()
