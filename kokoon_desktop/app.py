"""``kokoon-desktop``: builds everything, wires it together and runs the qasync loop.

Collaborators are made here and passed to the window through its constructor; nothing is a
global. The profile (settings, history, logs) lives in the per-user folders, or in
``--profile-dir`` for isolated runs and tests.

Start-up shows the window first, with Qt alone; asyncio and qasync (imported in the functions
that use them), the log file, the history file and the connection follow once it is painted.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kokoon_desktop import __version__
from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.instance import may_be_listening, server_name
from kokoon_desktop.log import configure_logging, redact
from kokoon_desktop.paths import ProfilePaths, profile_paths
from kokoon_desktop.resources import resource
from kokoon_desktop.storage.history import HistoryError, HistoryStore
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.storage.token_store import SessionTokenStore
from kokoon_desktop.ui.style import readable_palette
from kokoon_desktop.ui.translations import install as install_translations

# isort: split
# Qt comes after the Qt-free modules above on purpose: once loaded, PySide6 reads the source of
# every module imported after it (to find those that use it, for its ``__feature__`` options),
# which costs start-up time for nothing.
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from kokoon_desktop.ui.crash_reporter import install_excepthook
from kokoon_desktop.ui.flows.quitting import install_quit_triggers
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.messages import MessageCenter
from kokoon_desktop.ui.ui_thread_gc import UiThreadGarbageCollector

if TYPE_CHECKING:
    from kokoon_desktop.self_checks import CheckResult
    from kokoon_desktop.services.connection import Connection
    from kokoon_desktop.services.downloads import Placement
    from kokoon_desktop.services.service_config import CommandLine
    from kokoon_desktop.services.session import ServiceSession, SessionObservers, SessionTuning
    from kokoon_desktop.storage.settings import Settings
    from kokoon_desktop.ui.open_requests import InstanceServer
    from kokoon_desktop.ui.settings_dialog import SettingsDialog

SMOKE_TEST_TIMEOUT_S = 15.0
#: The app's identity on the desktop: its desktop entry, icons and AppStream id.
APP_ID = "io.kokoon.KokoonDesktop"
log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kokoon-desktop", description="Kokoon cloud video super-resolution."
    )
    parser.add_argument("--api-url", metavar="URL", help="API base URL (else KOKOON_API_URL)")
    parser.add_argument(
        "--demo", action="store_true", help="use the built-in simulator, not the real service"
    )
    parser.add_argument(
        "--profile-dir", metavar="DIR", type=Path,
        help="keep settings, history and logs in DIR (isolated runs, tests)",
    )  # fmt: skip
    parser.add_argument(
        "--output-dir", metavar="DIR", type=Path,
        help="put downloaded results in DIR for this session, whatever the settings say",
    )  # fmt: skip
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="build the window, make one round trip to the service, print one JSON line, exit",
    )  # fmt: skip
    parser.add_argument(
        "--exit-when-ready", action="store_true",
        help="quit as soon as the window is shown and responsive (start-up benchmarks)",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"Kokoon Desktop {__version__}")
    parser.add_argument(
        "files", nargs="*", metavar="FILE",
        help="a video to open as the source (given to the running window if there is one)",
    )  # fmt: skip
    return parser.parse_args(argv)


class App:
    """The application's collaborators and how a session is opened for the window."""

    def __init__(
        self,
        args: argparse.Namespace,
        paths: ProfilePaths,
        *,
        open_history: bool = True,
        connect: Callable[[Settings], Connection] | None = None,
        tuning: SessionTuning | None = None,
    ) -> None:
        """``connect`` replaces the choice of service (tests give their own simulator);
        ``tuning`` the services' pace."""
        self.args = args
        self.paths = paths
        self._connect = connect
        self._tuning = tuning
        self.settings = SettingsStore(paths.settings_file)
        #: With ``open_history=False``, opened later by ``history.open()`` (raises HistoryError).
        self.history = HistoryStore(paths.history_file, open_now=open_history)
        self.messages = MessageCenter()
        #: A token kept in memory when no keychain works (never written anywhere).
        self.session_tokens = SessionTokenStore()

    def open_session(self, observers: SessionObservers) -> ServiceSession:
        # Imported here, after the window is on screen: the HTTP stack, the keychain and (in
        # demo mode) the simulator take longer to load than the whole window takes to show.
        from kokoon_desktop.services.connection import open_connection
        from kokoon_desktop.services.service_config import StoredTokens, resolve_service_config
        from kokoon_desktop.services.session import ServiceSession

        settings = self.settings.load()
        if self._connect is not None:
            connection = self._connect(settings)
        else:
            config = resolve_service_config(
                command_line=self.command_line(),
                settings=settings,
                stored=StoredTokens(session=self.session_tokens),
            )
            connection = open_connection(config)
        return ServiceSession(
            connection,
            self.history,
            observers,
            placement=self.placement,
            cache_dir=self.paths.cache_dir,
            tuning=self._tuning,
        )

    def command_line(self) -> CommandLine:
        """What this start's command line says about the service (``--api-url``, ``--demo``)."""
        from kokoon_desktop.services.service_config import CommandLine

        return CommandLine(api_url=self.args.api_url, demo=self.args.demo)

    def placement(self) -> Placement:
        """Where results go now: ``--output-dir``, else the settings (read at each download)."""
        from kokoon_desktop.services.downloads import Placement

        settings = self.settings.load()
        override = getattr(self.args, "output_dir", None)
        return Placement(
            override=Path(override).expanduser().absolute() if override else None,
            folder_setting=settings.output_dir,
            template=settings.name_template,
            automatic=settings.auto_download,
        )

    def build_window(self, *, connect_now: bool = True) -> MainWindow:
        """The main window over these collaborators, not shown yet."""
        return MainWindow(
            history=self.history,
            settings=self.settings,
            messages=self.messages,
            open_session=self.open_session,
            make_settings_dialog=self.settings_dialog,
            connect_now=connect_now,
        )

    def settings_dialog(self, parent: QWidget) -> SettingsDialog:
        from kokoon_desktop.ui.settings_dialog import SettingsDialog

        return SettingsDialog(
            self.settings,
            session_store=self.session_tokens,
            command_line=self.command_line(),
            parent=parent,
        )


def open_window(context: App) -> MainWindow:
    """Build the window, show it and return once it is painted and answers input.

    Only Qt runs until then: asyncio and qasync load after the first paint (see :func:`main`).
    """
    window = context.build_window(connect_now=False)
    install_excepthook(lambda: window, context.paths.log_file, redact)
    window.show()
    _first_paint()
    return window


def _first_paint() -> None:
    """Turn Qt's event loop until the events queued by ``show()`` (layout, paint) are handled.

    A zero-length timer fires after them: from then on the window answers input. Input that
    arrives this early waits for the asyncio loop (the next thing started), since what it
    triggers may start asyncio tasks.
    """
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


async def run_window(
    app: QApplication, context: App, window: MainWindow, *, smoke_test: bool
) -> int:
    """Connect the shown window and run until it is closed (or the smoke test is done)."""
    import asyncio

    try:
        if smoke_test:
            return await _smoke_test(window)
        window.start()
        if context.args.exit_when_ready:
            await window.refresh_credit()
            print(json.dumps({"connected": True}), flush=True)
            return 0
        leaving = asyncio.Event()
        # Every way out (close button, Ctrl+Q, QApplication.quit(), a signal, logging out)
        # ends in the quit flow's decision; the window refuses to close until then.
        window.quitting.confirmed.connect(leaving.set)
        app.aboutToQuit.connect(leaving.set)
        undo = install_quit_triggers(app, window.quitting)
        _announce_results_in_tray(window)
        try:
            await leaving.wait()
        finally:
            undo()
        return 0
    finally:
        # Finish the async work first, while the loop still turns, then close the window.
        await window.aclose()
        window.close()
        context.history.close()


def _announce_results_in_tray(window: MainWindow) -> None:
    """Finished downloads become system notifications where the desktop has a tray."""
    from PySide6.QtWidgets import QStyle, QSystemTrayIcon

    if not QSystemTrayIcon.isSystemTrayAvailable():
        return  # the window's message bar says it instead
    icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
    tray = QSystemTrayIcon(icon, window)
    tray.setToolTip("Kokoon Desktop")
    tray.show()
    window.results.use_tray(tray)


async def _smoke_test(window: MainWindow) -> int:
    """Connect, make one round trip and run the self-checks; print one JSON line.

    The self-checks run first and are reported whatever happens next: a build that lost a
    piece may not even connect (no CA file, no FFmpeg for the simulator), and the line must
    say which piece.
    """
    import asyncio

    checks = _self_checks()
    outcome: dict[str, object] = {}
    try:
        window.start()
        connection = window.live.connection
        outcome.update(service=connection.label, demo=connection.is_demo)
        credit = await asyncio.wait_for(connection.client.get_credit(), SMOKE_TEST_TIMEOUT_S)
    except (KokoonError, TimeoutError) as exc:
        outcome.update(ok=False, error=str(exc) or "timed out")
    except Exception as exc:  # the report is the point: whatever broke is named in it
        log.exception("smoke test: the window could not connect")
        outcome.update(ok=False, error=f"{type(exc).__name__}: {exc}")
    else:
        outcome.update(ok=True, credit=str(credit.credit))
    outcome["history_rows"] = window.history_model.rowCount()
    outcome["checks"] = {name: result.ok for name, result in checks.items()}
    outcome["check_details"] = {name: result.detail for name, result in checks.items()}
    print(json.dumps(outcome), flush=True)
    return 0 if outcome["ok"] and all(result.ok for result in checks.values()) else 1


def _self_checks() -> dict[str, CheckResult]:
    """The native pieces a frozen build must carry, each tried for real (see self_checks)."""
    from kokoon_desktop.self_checks import run_native_checks
    from kokoon_desktop.ui.image_plugins import check_jpeg

    checks = run_native_checks()
    checks["jpeg"] = check_jpeg()
    return dict(sorted(checks.items()))


def _take_open_requests(
    app: QApplication, window: MainWindow, instance_name: str, files: list[str]
) -> InstanceServer:
    """Become the instance later starts hand their files to, and open this start's own."""
    from kokoon_desktop.ui.open_requests import FileOpenEvents, InstanceServer

    server = InstanceServer(instance_name, window)
    server.received.connect(window.opening.open)
    if not server.listen():
        log.info("another window of this profile listens for open requests")
    events = FileOpenEvents(window)
    events.requested.connect(window.opening.open)
    app.installEventFilter(events)
    if files:
        window.opening.open(files)
    return server


if sys.platform == "win32":

    def _console_for_output() -> None:
        """A windowed Windows build has no standard output: attach to the console it was
        started from, so ``--version`` and ``--smoke-test`` can print there (a runner reads
        the line)."""
        import ctypes

        if getattr(sys, "stdout", None) is None and ctypes.windll.kernel32.AttachConsole(-1):
            sys.stdout = Path("CONOUT$").open("w", encoding="utf-8")  # noqa: SIM115 - for good
            sys.stderr = sys.stdout

else:

    def _console_for_output() -> None:
        """Elsewhere a program started from a console writes to it already."""


def _keep_frame_indexes(paths: ProfilePaths) -> None:
    """Frame indexes outlive the run: a long file opened again is not read again."""
    from kokoon_desktop.media import index_store

    index_store.use_folder(paths.cache_dir / "frame-indexes")


def main(argv: Sequence[str] | None = None) -> int:
    _console_for_output()
    args = parse_args(argv)
    paths = profile_paths(args.profile_dir)
    paths.ensure()
    context = App(args, paths, open_history=False)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kokoon Desktop")
    app.setApplicationDisplayName("Kokoon Desktop")
    app.setOrganizationName("Kokoon")
    # Ties the windows to the desktop entry (Wayland's app id, the taskbar's grouping).
    app.setDesktopFileName(APP_ID)
    # Every text readable on its ground (WCAG AA), whatever the platform's palette.
    app.setPalette(readable_palette(app.palette()))
    install_translations(app)  # the system's language, where the app has it
    # Starts that only automate (smoke test, benchmarks) never meet a running window.
    automation = args.smoke_test or args.exit_when_ready
    files = [str(Path(f).expanduser().absolute()) for f in args.files]
    instance_name = server_name(paths.config_dir)
    if not automation and may_be_listening(instance_name):
        from kokoon_desktop.ui.open_requests import hand_over

        if hand_over(instance_name, files):
            return 0  # the running window took them
    # Quitting is ours to do once the async work is wound down (run_window returns); letting Qt
    # quit on the last window would stop the loop under tasks still finishing.
    app.setQuitOnLastWindowClosed(False)
    window = open_window(context)
    if args.exit_when_ready:
        print(json.dumps({"ready": True}), flush=True)
    # Set once the window is shown: drawing the SVG would delay the first paint.
    app.setWindowIcon(QIcon(str(resource("icons", "kokoon-desktop.svg"))))
    server = None if automation else _take_open_requests(app, window, instance_name, files)
    # The log file and the history are opened once the window is on screen: nothing before
    # logs, the history is read when the window connects (right after), and on a first start
    # creating the history file waits for the disk.
    configure_logging(paths.log_file)
    _keep_frame_indexes(paths)
    try:
        context.history.open()
    except HistoryError as exc:
        window.close()
        print(f"kokoon-desktop: {exc}", file=sys.stderr)
        return 1
    # Imported once the window is on screen: asyncio and qasync take longer to load than the
    # window takes to build, and nothing before the first paint needs them. (PySide6 is loaded
    # by now, so qasync picks this binding and no other.)
    from qasync import run as run_qt_loop

    # From here on, garbage is collected on this thread only, never in a worker (see the
    # module); no thread but this one has run yet.
    UiThreadGarbageCollector(app)
    try:
        result: int = run_qt_loop(run_window(app, context, window, smoke_test=args.smoke_test))
    except ValueError as exc:  # a bad API address from the command line or the environment
        print(f"kokoon-desktop: {exc}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.close()  # removes the socket: the next start need not probe it
    return result


if __name__ == "__main__":
    sys.exit(main())
