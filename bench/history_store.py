"""Opening a long history: ``HistoryStore.entries()`` against a bare ``SELECT *`` of the same file.

The target (brief §7) is a history of 100,000 tasks open in well under a second. The reference,
measured in the same run on the same file, is what sqlite3 alone takes to hand over every row
as tuples: the difference is the cost of the store's own work (timestamps, states, entries).

Rows are written through ``add_submission`` (timed: one committed transaction each, as the app
writes them), then given what a finished task has (tid, vids, step, message) in one bulk
statement, untimed, so the rows read back are as full as real ones.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kokoon_desktop.storage.history import HistoryStore

REPEATS = 5


def _body(index: int) -> dict[str, object]:
    """A realistic request body (what ``TaskSpec.to_request_body`` makes), varied by index."""
    return {
        "task_type": "SR" if index % 5 else "SR_PREVIEW",
        "category": ("person", "animation", "cg", "retro", "general")[index % 5],
        "use_sr": True,
        "input_quality": "medium",
        "option": {
            "face_enhance": False,
            "denoise": True,
            "deinterlace": False,
            "add_noise": False,
        },
        "vid": str(uuid.UUID(int=index)),
        "width": 3840,
        "height": 2160,
        "start_pos": index * 1000,
        "duration": 10_000,
        "codec": "h264",
        "format": "mp4",
        "use_trim_orig": False,
    }


def _finish_all(path: Path) -> None:
    """Give every row a finished task's fields, in one transaction (not part of the timing),
    then their searchable texts (the UPDATE went around the store)."""
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE history SET state = 'submitted', tid = printf('%08d-aaaa-4bbb-8ccc-%012d', "
            "id, id), in_vid = vid, out_vid = printf('%08d-dddd-4eee-8fff-%012d', id, id), "
            "step = 'done', message = 'finished'"
        )
    db.close()
    with HistoryStore(path) as store:
        store.reindex()


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    del result
    gc.collect()  # the next measurement does not pay for freeing this one's rows
    return elapsed


def run(n: int = 100_000) -> dict[str, float]:
    """Insert ``n`` rows, then time ``entries()`` and a bare ``SELECT *`` (medians)."""
    with tempfile.TemporaryDirectory(prefix="kokoon-bench-history-") as folder:
        path = Path(folder) / "history.sqlite3"
        store = HistoryStore(path)
        started = time.perf_counter()
        for index in range(n):
            store.add_submission(
                _body(index), source_name=f"clip-{index:06d}.mov", source_duration_ms=600_000
            )
        insert_s = time.perf_counter() - started
        store.close()
        _finish_all(path)

        started = time.perf_counter()
        store = HistoryStore(path)
        open_s = time.perf_counter() - started
        bare = sqlite3.connect(path)
        entries_times: list[float] = []
        bare_times: list[float] = []
        try:
            count = len(store.entries())  # warm the page cache for both
            assert count == n, f"expected {n} entries, read {count}"
            for repeat in range(REPEATS):
                # Take turns going first, so neither always runs on a cache the other warmed.
                measurements = [
                    (entries_times, store.entries),
                    (bare_times, lambda: bare.execute("SELECT * FROM history").fetchall()),
                ]
                for times, action in measurements[:: 1 if repeat % 2 else -1]:
                    times.append(_timed(action))
        finally:
            bare.close()
            store.close()
    entries_s = statistics.median(entries_times)
    bare_s = statistics.median(bare_times)
    result = {
        "rows": float(n),
        "insert_s": insert_s,
        "insert_per_row_ms": insert_s / n * 1000,
        "open_s": open_s,
        "entries_s": entries_s,
        "bare_select_s": bare_s,
        "entries_ratio": entries_s / bare_s,
    }
    print(
        f"history of {n:,} rows: insert {insert_s:.2f} s ({result['insert_per_row_ms']:.3f} ms "
        f"per committed row), open {open_s * 1000:.1f} ms, entries() {entries_s * 1000:.0f} ms, "
        f"bare SELECT * {bare_s * 1000:.0f} ms, ratio {result['entries_ratio']:.2f}x "
        f"(target: entries() well under 1 s)"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.history_store")
    parser.add_argument("--rows", type=int, default=100_000)
    run(parser.parse_args().rows)


if __name__ == "__main__":
    main()
