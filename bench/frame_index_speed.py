"""Building the frame index of the 10-minute 1080p benchmark file, in MP4 and in MPEG-TS.

Timed: ``frame_index`` with its cache cleared (one pass over the packets, the first and last
GOP decoded). Reference, in the same run and taking turns: PyAV reading every packet of the
video stream and nothing else, the floor for anything that reads the whole file. While an index
is built on a worker thread (as the window builds it), a heartbeat on an asyncio loop in the
main thread measures its longest gap: the index must never stall the event loop. Also timed:
the same index read back from the store on disk, as after a restart.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import av

from bench.long_video import LongVideo, long_video
from kokoon_desktop.media import index_store
from kokoon_desktop.media.frame_index import clear_cache, frame_index
from kokoon_desktop.media.probe import probe

BEAT_S = 0.005


def remuxed_to_transport_stream(source: Path) -> Path:
    """The same packets remuxed into MPEG-TS next to the cached file (made once)."""
    target = source.with_suffix(".ts")
    if target.exists():
        return target
    partial = target.with_suffix(".part.ts")
    with av.open(str(source)) as reader, av.open(str(partial), "w", format="mpegts") as writer:
        video = reader.streams.video[0]
        out = writer.add_stream_from_template(video)
        for packet in reader.demux(video):
            if packet.dts is None:
                continue
            packet.stream = out
            writer.mux(packet)
    partial.replace(target)
    return target


def _demux_only(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for p in container.demux(container.streams.video[0]) if p.size)


def _timed_index(path: Path) -> tuple[float, int]:
    rate = probe(path).rate
    clear_cache()
    started = time.perf_counter()
    index = frame_index(path, rate)
    return time.perf_counter() - started, index.total_frames


def _timed_stored(path: Path, repeats: int) -> float:
    """The median time to get the index from the store on disk with nothing in memory."""
    rate = probe(path).rate
    with tempfile.TemporaryDirectory() as folder:
        index_store.use_folder(Path(folder))
        try:
            clear_cache()
            frame_index(path, rate)  # built and stored
            times = []
            for _ in range(repeats):
                clear_cache()
                started = time.perf_counter()
                frame_index(path, rate)
                times.append(time.perf_counter() - started)
        finally:
            index_store.use_folder(None)
    return statistics.median(times)


async def _worst_gap_while_indexing(path: Path) -> float:
    rate = probe(path).rate
    clear_cache()
    worst = 0.0
    job = asyncio.get_running_loop().run_in_executor(None, frame_index, path, rate)
    last = time.perf_counter()
    while not job.done():
        await asyncio.sleep(BEAT_S)
        now = time.perf_counter()
        worst = max(worst, now - last - BEAT_S)
        last = now
    await job
    return worst


def run(repeats: int = 5) -> dict[str, Any]:
    spec = LongVideo()
    mp4 = long_video(spec)
    ts = remuxed_to_transport_stream(mp4)
    results: dict[str, Any] = {"video": spec.describe(), "runs": repeats}
    for name, path in (("mp4", mp4), ("ts", ts)):
        ours, reference, frames = [], [], 0
        _demux_only(path)  # the file in the page cache for both
        for _ in range(repeats):
            started = time.perf_counter()
            _demux_only(path)
            reference.append(time.perf_counter() - started)
            seconds, frames = _timed_index(path)
            ours.append(seconds)
        results[name] = {
            "index_s": statistics.median(ours),
            "demux_s": statistics.median(reference),
            "frames": frames,
            "worst_gap_s": asyncio.run(_worst_gap_while_indexing(path)),
            "stored_s": _timed_stored(path, repeats),
        }
    return results
