"""Render the dialogs offscreen to docs/: the video browser, the settings and the crash report.

Part of ``make screenshots``. The dialogs run against the in-process simulator with a few
realistic clips, and against an in-memory keychain, so nothing touches the real one.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from PySide6.QtWidgets import QMainWindow, QWidget

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.storage.token_store import KeyringTokenStore
from kokoon_desktop.ui.crash_dialog import CrashDialog, build_report, summary_of
from kokoon_desktop.ui.settings_dialog import SettingsDialog
from kokoon_desktop.ui.video_browser import VideoBrowserDialog
from tests.keyring_stub import MemoryKeyring

CLIPS = (
    ("interview_cam_a_take3.mov", 480, 270, Fraction(25), 2.0),
    ("archive_reel_1987_transfer.mp4", 320, 240, Fraction(30000, 1001), 3.0),
    ("drone_coastline_4k_proxy.mp4", 640, 360, Fraction(24000, 1001), 1.5),
    ("wedding_ceremony_wide.mp4", 480, 270, Fraction(50), 1.0),
)


async def _until(condition: Callable[[], object], timeout_s: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the dialog did not get there in time")
        await asyncio.sleep(0.02)


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


async def video_browser(docs: Path) -> None:
    with Sandbox(SandboxConfig(seed_demo_videos=True)) as sandbox:
        folder = Path(tempfile.mkdtemp(prefix="kokoon-shots-"))
        for name, width, height, fps, seconds in CLIPS:
            clip = write_clip(folder / name, width=width, height=height, fps=fps, seconds=seconds)
            sandbox.add_video(clip, filename=name)
        async with KokoonClient(
            token=DEMO_TOKEN, base_url=sandbox.base_url, transport=sandbox.transport()
        ) as client:
            window = QMainWindow()
            later = datetime.now(UTC) + timedelta(days=11, hours=12)  # some expire soon
            dialog = VideoBrowserDialog(client, window, clock=lambda: later)
            dialog.show()
            await _until(lambda: not dialog.is_loading() and dialog.model.rowCount())
            dialog.table.selectRow(1)
            await asyncio.sleep(0.2)
            _save(dialog, docs / "video-browser.png")
            dialog.close()
            window.close()


async def crash_dialog(docs: Path) -> None:
    try:
        {"tid": 1}["step"]
    except KeyError as exc:
        report = build_report(type(exc), exc, exc.__traceback__, redact=str)
        summary = summary_of(type(exc), exc, str)
    dialog = CrashDialog(
        summary, report, Path("~/.local/state/Kokoon Desktop/log/kokoon-desktop.log")
    )
    dialog.show()
    dialog.set_report_visible(True)
    await asyncio.sleep(0.1)
    _save(dialog, docs / "crash-dialog.png")
    dialog.close()


async def settings_dialog(docs: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with Sandbox(SandboxConfig()) as sandbox:

            def make_client(url: str, token: str, scheme: AuthScheme) -> KokoonClient:
                return KokoonClient(
                    token=token, base_url=url, auth_scheme=scheme, transport=sandbox.transport()
                )

            store = SettingsStore(Path(tempfile.mkdtemp(prefix="kokoon-shots-")) / "s.json")
            store.update(api_url=sandbox.base_url)
            KeyringTokenStore(sandbox.base_url).save(DEMO_TOKEN)
            dialog = SettingsDialog(store, make_client, environ={})
            dialog.show()
            dialog.start_test()
            await _until(lambda: not dialog.is_testing())
            await asyncio.sleep(0.1)
            _save(dialog, docs / "settings-dialog.png")
            dialog.close()
    finally:
        keyring.set_keyring(previous)


async def render_all(docs: Path) -> None:
    for render in (video_browser, settings_dialog, crash_dialog):
        await render(docs)
