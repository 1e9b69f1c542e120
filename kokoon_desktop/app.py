"""``kokoon-desktop``: builds the window, wires it to the service and runs the qasync loop."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence

# PySide6 is imported before qasync, so qasync picks this binding and no other.
from PySide6.QtWidgets import QApplication
from qasync import run as run_qt_loop

from kokoon_desktop import __version__
from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.services.connection import Connection, open_connection
from kokoon_desktop.ui.main_window import MainWindow

SMOKE_TEST_TIMEOUT_S = 15.0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kokoon-desktop", description="Kokoon cloud video super-resolution."
    )
    parser.add_argument("--api-url", metavar="URL", help="API base URL (else KOKOON_API_URL)")
    parser.add_argument(
        "--demo", action="store_true", help="use the built-in simulator, not the real service"
    )
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="build the window, make one round trip to the service, print one JSON line, exit",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"Kokoon Desktop {__version__}")
    return parser.parse_args(argv)


async def run_window(app: QApplication, connection: Connection, *, smoke_test: bool) -> int:
    window = MainWindow(connection)
    window.show()
    try:
        if smoke_test:
            return await _smoke_test(connection)
        closed = asyncio.Event()
        app.aboutToQuit.connect(closed.set)
        app.lastWindowClosed.connect(closed.set)
        window.start_refresh()
        await closed.wait()
        return 0
    finally:
        window.close()
        await connection.aclose()


async def _smoke_test(connection: Connection) -> int:
    outcome: dict[str, object] = {"service": connection.label, "demo": connection.is_demo}
    try:
        credit = await asyncio.wait_for(connection.client.get_credit(), SMOKE_TEST_TIMEOUT_S)
    except (KokoonError, TimeoutError) as exc:
        outcome.update(ok=False, error=str(exc) or "timed out")
    else:
        outcome.update(ok=True, credit=str(credit.credit))
    print(json.dumps(outcome), flush=True)
    return 0 if outcome["ok"] else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        connection = open_connection(api_url=args.api_url, demo=args.demo)
    except ValueError as exc:
        print(f"kokoon-desktop: {exc}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kokoon Desktop")
    app.setApplicationDisplayName("Kokoon Desktop")
    app.setOrganizationName("Kokoon")
    result: int = run_qt_loop(run_window(app, connection, smoke_test=args.smoke_test))
    return result


if __name__ == "__main__":
    sys.exit(main())
