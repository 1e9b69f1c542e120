"""Render the window as a new user first sees it, for the README: demo mode (no token), on a
machine without a keychain, at the screens people have, light and dark.

    python -m tools.first_run_screenshots          # all of them, into docs/

Also in Korean (a Korean system), at 1366×768, light and dark: the font is the system's (on
Debian, fonts-noto-cjk gives Hangul).

Each picture is made in its own process, since the scale factor (150%) is fixed when Qt
starts. The window is the real one, run against the built-in simulator on a throw-away
profile, sized to what the screen leaves for it (less a taskbar and a title bar).
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

#: (file name, window width and height in logical pixels, scale factor)
SCREENS = (
    ("first-run-1366x768", 1366, 768 - 40 - 30, 1.0),
    ("first-run-1920x1080-150", 1280, 720 - 27 - 23, 1.5),
)
#: (file name, window size, scale factor, language) of the translated ones.
TRANSLATED = (("first-run-1366x768-ko", 1366, 768 - 40 - 30, 1.0, "ko"),)


def _render(width: int, height: int, dark: bool, out: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from qasync import run as run_qt_loop

    from kokoon_desktop.app import App, open_window, parse_args
    from kokoon_desktop.paths import profile_paths
    from kokoon_desktop.ui.style import dark_palette, readable_palette
    from kokoon_desktop.ui.translations import install as install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Kokoon Desktop")
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else readable_palette(app.palette()))
    install_translations(app)  # KOKOON_LANGUAGE, as the app does

    async def shoot() -> None:
        with tempfile.TemporaryDirectory(prefix="kokoon-first-run-") as profile:
            paths = profile_paths(Path(profile))
            paths.ensure()
            context = App(parse_args(["--profile-dir", profile]), paths)
            window = open_window(context)
            window.resize(width, height)
            window.start()
            while window.session is None or not window.upload_action.isEnabled():  # noqa: ASYNC110 - no event to wait on
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.6)  # the credit, the first quote
            window.grab().save(str(out))
            await window.aclose()
            window.close()
            context.history.close()

    run_qt_loop(shoot())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=4, metavar=("WIDTH", "HEIGHT", "DARK", "OUT"))
    args = parser.parse_args()
    if args.one:
        width, height, dark, out = args.one
        _render(int(width), int(height), dark == "dark", Path(out))
        return
    DOCS.mkdir(exist_ok=True)
    screens = [(*screen, "en") for screen in SCREENS] + list(TRANSLATED)
    for name, width, height, scale, language in screens:
        for suffix, dark in (("", "light"), ("-dark", "dark")):
            out = DOCS / f"{name}{suffix}.png"
            env = dict(
                os.environ,
                QT_QPA_PLATFORM="offscreen",
                QT_SCALE_FACTOR=str(scale),
                # A machine without a keychain: keyring's backend that refuses everything.
                PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
                KOKOON_LANGUAGE=language,
            )
            command = [sys.executable, "-m", "tools.first_run_screenshots", "--one"]
            subprocess.run([*command, str(width), str(height), dark, str(out)], env=env, check=True)
            print(out)


if __name__ == "__main__":
    main()
