"""Render the queue and the presets editor for the README, light and dark.

    python -m tools.queue_screenshots          # docs/queue*.png and docs/presets-editor*.png

The window is the real one in demo mode (the built-in simulator) on a throw-away profile, at
1366×860 (the queue's pane dragged taller): the demo clip's ranges marked and added one after the
other (as Ctrl+B does), an item given a preset, and the first two sent.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
WIDTH, HEIGHT = 1366, 860


def _render(dark: bool, queue_out: Path, presets_out: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from qasync import run as run_qt_loop

    from kokoon_desktop.app import App, open_window, parse_args
    from kokoon_desktop.core.timeline import Marks
    from kokoon_desktop.paths import profile_paths
    from kokoon_desktop.storage.queue_store import QueueState
    from kokoon_desktop.ui.style import dark_palette, readable_palette
    from kokoon_desktop.ui.task_form import SourceInfo

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Kokoon Desktop")
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else readable_palette(app.palette()))

    async def until(condition: object, within_s: float = 20.0) -> None:
        async with asyncio.timeout(within_s):
            while not condition():  # type: ignore[operator]  # noqa: ASYNC110
                await asyncio.sleep(0.05)

    async def shoot() -> None:
        with tempfile.TemporaryDirectory(prefix="kokoon-queue-shots-") as profile:
            paths = profile_paths(Path(profile))
            paths.ensure()
            context = App(parse_args(["--profile-dir", profile, "--demo"]), paths)
            window = open_window(context)
            window.resize(WIDTH, HEIGHT)
            window.start()
            await until(lambda: window.session is not None and window.upload_action.isEnabled())
            client = window.live.connection.client
            videos = (await client.list_videos()).videos
            clip = next(v for v in videos if (v.filename or "").startswith("harbour"))
            window.form.set_source(SourceInfo.from_video(clip))
            await until(lambda: window.form.spec is not None and window.timeline.isEnabled())
            window.bottom_tabs.setCurrentWidget(window.queue_pane)
            # The queue's pane dragged taller, as someone lining up a batch does.
            window.main_splitter.setSizes([HEIGHT - 300, 300])
            queue = window.queue
            total = window.timeline.total_frames
            for first, last in ((0, 19), (20, 44), (45, 69), (70, total - 1)):
                window.timeline.set_marks(Marks(total).set_in(first).set_out(last))
                queue.add_range()
            window.timeline.set_marks(Marks(total))
            queue.add_form()
            items = window.queue_model.items
            window.queue_pane.select_ids([items[2].id])
            pane = window.queue_pane
            pane.preset.setCurrentIndex(pane.preset.findText("Archive film → 4K"))
            queue.give_preset()
            queue.submit(items[:2])
            await until(
                lambda: all(i.state is QueueState.SENT for i in window.queue_model.items[:2])
            )
            window.queue_pane.select_ids([items[3].id])
            await until(lambda: "left" in pane.total.text())
            await asyncio.sleep(0.5)
            window.grab().save(str(queue_out))

            dialog = window.presets.open_editor()
            dialog.list.setCurrentRow(1)
            await asyncio.sleep(0.3)
            dialog.grab().save(str(presets_out))
            dialog.close()
            await window.aclose()
            window.close()
            context.history.close()

    run_qt_loop(shoot())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=3, metavar=("DARK", "QUEUE_OUT", "PRESETS_OUT"))
    args = parser.parse_args()
    if args.one:
        dark, queue_out, presets_out = args.one
        _render(dark == "dark", Path(queue_out), Path(presets_out))
        return
    DOCS.mkdir(exist_ok=True)
    for suffix, dark in (("", "light"), ("-dark", "dark")):
        queue_out = DOCS / f"queue{suffix}.png"
        presets_out = DOCS / f"presets-editor{suffix}.png"
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            KOKOON_LANGUAGE="en",
        )
        command = [sys.executable, "-m", "tools.queue_screenshots", "--one", dark]
        subprocess.run([*command, str(queue_out), str(presets_out)], env=env, check=True)
        print(queue_out, presets_out)


if __name__ == "__main__":
    main()
