"""``python -m kokoon_desktop.sandbox``: run the simulator on loopback until interrupted.

The first line on stdout is the API base URL and nothing else, so scripts can read it; the
rest (what this is, which tokens work) goes to stderr.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from .config import DEMO_TOKEN, SandboxConfig
from .server import LoopbackSandbox, is_loopback


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kokoon_desktop.sandbox",
        description="Run the Kokoon Desktop simulator of the Kokoon SR API v3 "
        "(NOT the real service).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (loopback only)")
    parser.add_argument("--port", type=int, default=0, help="API port (0: any free port)")
    parser.add_argument("--storage-port", type=int, default=0, help="storage host port")
    parser.add_argument(
        "--token",
        action="append",
        dest="tokens",
        metavar="T",
        help=f"accepted token, one account each; repeatable (default: {DEMO_TOKEN})",
    )
    parser.add_argument("--credit", type=int, default=5000, help="starting credit per account")
    parser.add_argument(
        "--time-scale", type=float, default=1.0, help="multiplies simulated processing time"
    )
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to API calls")
    parser.add_argument("--data-dir", type=Path, help="keep uploads and results here")
    parser.add_argument(
        "--seed-demo-videos", action="store_true", help="start each account with sample clips"
    )
    parser.add_argument(
        "--allow-remote", action="store_true", help="allow binding a non-loopback address"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGINT or SIGTERM; exit 0."""
    args = _parser().parse_args(argv)
    if not is_loopback(args.host) and not args.allow_remote:
        print(
            f"refusing to listen on {args.host}: this simulator has no real security; "
            "pass --allow-remote if you really mean it",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    tokens = tuple(args.tokens or (DEMO_TOKEN,))
    try:
        config = SandboxConfig(
            tokens=tokens,
            initial_credit=args.credit,
            time_scale=args.time_scale,
            latency_s=args.latency,
            data_dir=args.data_dir,
            seed_demo_videos=args.seed_demo_videos,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    server = LoopbackSandbox(config, host=args.host, port=args.port, storage_port=args.storage_port)
    try:
        server.start()
    except OSError as exc:
        print(f"error: cannot listen on {args.host}: {exc}", file=sys.stderr)
        return 1
    with server:
        print(server.base_url, flush=True)
        print(
            "Kokoon Desktop SIMULATOR of the Kokoon SR API v3 (not the real Kokoon service).\n"
            f"  API:      {server.base_url}\n"
            f"  storage:  {server.storage_origin}\n"
            f"  tokens:   {', '.join(tokens)}\n"
            f"  controls: {server.api_origin}/_sandbox/ (faults, credit, clock, requests)\n"
            "Stop with Ctrl+C.",
            file=sys.stderr,
            flush=True,
        )
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
