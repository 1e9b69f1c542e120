"""One transfer through the Kokoon client, in its own process so its peak memory is its own.

Usage: ``python -m bench.transfer_worker upload|download BASE_URL TOKEN PATH [URL SIZE]``.
Prints the elapsed seconds of the transfer itself on stdout.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from kokoon_desktop.api.client import KokoonClient


async def _run(argv: list[str]) -> float:
    action, base_url, token, path = argv[:4]
    async with KokoonClient(token=token, base_url=base_url) as client:
        started = time.perf_counter()
        if action == "upload":
            await client.upload_video(Path(path))
        else:
            url, size = argv[4], int(argv[5])
            await client.download(url, Path(path), expected_size=size)
        return time.perf_counter() - started


if __name__ == "__main__":
    print(f"{asyncio.run(_run(sys.argv[1:])):.6f}")
