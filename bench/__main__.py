"""``python -m bench [--only NAME ...]``: run the benchmarks and update BENCHMARKS.md.

Each benchmark writes its own section; running some of them keeps the other sections as they
were, with their own dates.
"""

from __future__ import annotations

import argparse
import platform
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import (
    account_merge,
    compare_view,
    download_stall,
    exact_seek,
    filmstrip_speed,
    frame_index_speed,
    frozen_startup,
    history_ui,
    loop_stall,
    queue_stall,
    range_sync,
    startup,
    timeline_paint,
    transfers,
)
from bench.machine_load import OtherLoad

REPORT = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
HEADER = (
    "# Benchmarks\n\n"
    "Measured by `make bench` (`python -m bench`); every number is compared with a reference "
    "measured in the same run on the same machine. Sections are updated one by one "
    "(`python -m bench --only startup`), each with its own date and, where the system tells, "
    "how much of the CPUs other processes used meanwhile (the machine may be shared).\n"
)


def _verdict(ok: bool) -> str:
    return "meets" if ok else "misses"


def _startup_section(r: dict[str, Any]) -> str:
    return "\n".join(
        [
            "Fresh process to an interactive window (shown, painted, the event loop turning), "
            f"offscreen, demo mode, a fresh profile; medians of {r['runs']} runs of each kind, "
            "taking turns with the reference. Measured as installed, with Python's bytecode "
            "cache of the app (pip writes it at install; otherwise the first start does), and "
            "again without it: every module of the app compiled from source at each start, as "
            "when PYTHONDONTWRITEBYTECODE is set (the reference always has its cache, PySide6 "
            "is installed compiled). The app shows its window first and loads asyncio, the log "
            "file, the history file, the HTTP client, keychain and simulator right after; the "
            "last row is the time until it is connected and has shown the credit (with the "
            "cache).",
            "",
            "| measure | time | against the bare window (target) |",
            "| --- | --- | --- |",
            f"| bare PySide6 window (reference) | {r['bare_s'] * 1000:.0f} ms | 1.00x |",
            f"| Kokoon Desktop, interactive window | {r['app_s'] * 1000:.0f} ms | "
            f"{r['ratio']:.2f}x ({_verdict(r['ratio'] <= 2)} 2x) |",
            f"| Kokoon Desktop, interactive window, no bytecode cache | "
            f"{r['app_no_bytecode_s'] * 1000:.0f} ms | {r['no_bytecode_ratio']:.2f}x "
            f"({_verdict(r['no_bytecode_ratio'] <= 2)} 2x) |",
            f"| Kokoon Desktop, connected, credit shown | {r['connected_s'] * 1000:.0f} ms | "
            f"{r['connected_s'] / r['bare_s']:.2f}x |",
        ]
    )


def _frozen_section(r: dict[str, Any]) -> str:
    return "\n".join(
        [
            "The frozen app (`make package`, PyInstaller onedir) against the source install "
            "(with its bytecode cache), started by turns: fresh process to an interactive "
            f"window, offscreen, demo mode, a fresh profile; medians of {r['runs']} runs each. "
            "Sizes of what `make package` built (the CI builds its .deb and tarball with fast "
            "compression; a release uses xz and gzip -9, the sizes below are of the last build).",
            "",
            "| measure | source install (reference) | frozen | ratio (target) |",
            "| --- | --- | --- | --- |",
            f"| interactive window | {r['source_s'] * 1000:.0f} ms | {r['frozen_s'] * 1000:.0f} ms"
            f" | {r['ratio']:.2f}x ({_verdict(r['ratio'] <= 1.2)} 1.2x) |",
            f"| connected, credit shown | {r['source_connected_s'] * 1000:.0f} ms | "
            f"{r['frozen_connected_s'] * 1000:.0f} ms | "
            f"{r['frozen_connected_s'] / r['source_connected_s']:.2f}x |",
            "",
            "| built | size (budget) |",
            "| --- | --- |",
            f"| `dist/kokoon-desktop/` (`du -sm`) | {r['folder_mib']:.0f} MiB "
            f"({_verdict(r['folder_mib'] <= 220)} 220 MiB) |",
            f"| .deb | {r['deb_mib']:.1f} MiB |",
            f"| .tar.gz | {r['tarball_mib']:.1f} MiB |",
        ]
    )


def _frame_index_section(r: dict[str, Any]) -> str:
    rows = []
    for name, label in (("mp4", "MP4"), ("ts", "MPEG-TS (the same packets)")):
        m = r[name]
        rows.append(
            f"| {label} | {m['frames']:,} | {m['demux_s'] * 1000:.0f} ms | "
            f"{m['index_s'] * 1000:.0f} ms ({_verdict(m['index_s'] < 1)} 1 s) | "
            f"{m['index_s'] / m['demux_s']:.2f}x | {m['worst_gap_s'] * 1000:.1f} ms "
            f"({_verdict(m['worst_gap_s'] <= 0.05)} 50 ms) | "
            f"{m['stored_s'] * 1000:.0f} ms |"
        )
    return "\n".join(
        [
            f"{r['video']}. The frame index (one pass over the packets, first and last GOP "
            "decoded), cache cleared, against PyAV reading every packet of the stream and "
            f"nothing else, taking turns; medians of {r['runs']} runs. The longest gap of an "
            "asyncio heartbeat on the main thread while the index is built on a worker thread, "
            "as the window builds it. And the index read back from the store on disk with "
            "nothing in memory, as when the file is opened again after a restart.",
            "",
            "| file | frames | read packets only (reference) | frame index (target) | ratio "
            "| worst loop gap (target) | from the store |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *rows,
        ]
    )


def _stall_table(idle: dict[str, Any], busy: dict[str, Any], label: str) -> list[str]:
    """The heartbeat's stalls, idle (the reference) against busy, as table lines."""
    return [
        "",
        "| window | worst stall | 99th percentile | median |",
        "| --- | --- | --- | --- |",
        f"| idle (reference) | {idle['worst_ms']:.1f} ms | {idle['p99_ms']:.1f} ms | "
        f"{idle['median_ms']:.2f} ms |",
        f"| {label} | {busy['worst_ms']:.1f} ms ({_verdict(busy['worst_ms'] < 50)} 50 ms) | "
        f"{busy['p99_ms']:.1f} ms | {busy['median_ms']:.2f} ms |",
    ]


def _stall_section(r: dict[str, Any]) -> str:
    idle, busy = r["idle"], r["busy"]
    return "\n".join(
        [
            f"A 5 ms heartbeat timer on the window's event loop; how late it fires. Busy: "
            f"200 submissions made at once, a {r['upload_mib']} MiB upload, and the tracker "
            f"polling every task to its end, against the simulator in another process with "
            f"50 ms latency per call ({busy['beats']} beats over {r['busy_seconds']:.1f} s; "
            f"{r['done']} tasks done, {r['failed']} failed).",
            *_stall_table(idle, busy, "busy"),
        ]
    )


def _queue_stall_section(r: dict[str, Any]) -> str:
    idle, adding, busy = r["idle"], r["adding"], r["busy"]
    adding_line = (
        f"| adding {r['items']} items at once | {adding['worst_ms']:.1f} ms | "
        f"{adding['p99_ms']:.1f} ms | {adding['median_ms']:.2f} ms |"
    )
    table = _stall_table(idle, busy, f"sending, {r['concurrency']} at a time")
    return "\n".join(
        [
            f"A 5 ms heartbeat timer on the window's event loop; how late it fires. A queue of "
            f"{r['items']} items (ranges of one uploaded clip) is put in the window's queue "
            f"({r['add_ms']:.0f} ms, its total quoted meanwhile), then Submit all sends them "
            f"{r['concurrency']} at a time through the window's submitter, each written to the "
            f"history and linked in the queue before its request leaves, while the tracker "
            f"follows the tasks and their results download, against the simulator in another "
            f"process with 50 ms latency per call ({busy['beats']} beats over "
            f"{r['send_seconds']:.1f} s of sending and 2 s after; {r['sent']} sent, "
            f"{r['failed']} failed, {r['unknown']} unknown, {r['distinct_tasks']} distinct "
            f"tasks, {r['history_rows']} history rows).",
            *table[:-1],
            adding_line,
            table[-1],
        ]
    )


def _download_stall_section(r: dict[str, Any]) -> str:
    idle, busy = r["idle"], r["busy"]
    return "\n".join(
        [
            f"A 5 ms heartbeat timer on the window's event loop; how late it fires. Busy: "
            f"{r['downloaded']} results of {r['download_mib']:.0f} MiB each downloading by "
            f"themselves while at least {r['min_tracked_while_downloading']} other tasks are "
            f"followed, against the simulator in another process with 50 ms latency per call "
            f"({busy['beats']} beats over {r['busy_seconds']:.1f} s).",
            *_stall_table(idle, busy, "downloading"),
        ]
    )


def _history_section(r: dict[str, Any]) -> str:
    listed = r.get("listed_s", {})
    filters = [
        f"| filter `{needle}`: {r['found'][needle]:,} row{'' if r['found'][needle] == 1 else 's'} "
        f"found | {seconds * 1000:.0f} ms{_listed(seconds, listed.get(needle))} | "
        f"{_verdict(seconds < 0.05)} 50 ms |"
        for needle, seconds in r["filters_s"].items()
    ]
    return "\n".join(
        [
            f"The history pane with {int(r['rows']):,} finished tasks, offscreen, "
            f"{r['first_screen_rows']} rows on screen. The reference is a bare "
            "`SELECT *` of the same SQLite file in the same process, taking turns with "
            "opening; medians of 5 runs each. A filter is timed until the table is repainted "
            "with the rows a search text finds; for a text most rows hold, those are the first "
            "rows found, shown at once, and the time until every row found is listed (on a "
            "worker thread, joining below them) is given after it.",
            "",
            "| measure | time | target |",
            "| --- | --- | --- |",
            f"| bare `SELECT *` (reference) | {r['bare_select_s'] * 1000:.0f} ms | |",
            f"| open: store to table painted with its first screen | {r['open_s'] * 1000:.0f} ms "
            f"({r['open_ratio']:.2f}x the reference) | {_verdict(r['open_ratio'] <= 1.5)} "
            "1.5x |",
            *filters,
            "",
            HISTORY_NOTE,
        ]
    )


HISTORY_NOTE = (
    "A text every row holds costs the index most: the FTS5 trigram index walks the positions "
    "of 100,000 rows for each of its trigrams. So the pane first looks at the newest 400 rows "
    "one by one; when they hold more than a screenful, those are shown at once and the index "
    "lists the rest on a worker thread, the window free meanwhile."
)


def _listed(shown_s: float, listed_s: float | None) -> str:
    """ "; every row listed in N ms" when the rest of the rows came later."""
    if listed_s is None or listed_s == shown_s:
        return ""
    return f" (every row listed: {listed_s * 1000:.0f} ms)"


def _account_section(r: dict[str, Any]) -> str:
    first, second = r["first"], r["second"]
    return "\n".join(
        [
            f"A history file of {r['history_rows']:,} finished submissions (their task IDs "
            "as scattered as the service's), and an account of "
            f"{r['account_tasks']:,} tasks listed newest first in pages of {r['page_size']} by "
            "a stub of the service behind the real client (no network: the time is the app's "
            f"own). The account holds {int(first['updated']):,} of the history's tasks (done "
            f"since their last poll), {int(first['resolved'])} tasks of rows whose answer was "
            "lost (each confirmed by its own `GET /task/{tid}`) and the rest made elsewhere. "
            "The merge runs on an asyncio loop with a 5 ms heartbeat timer; the reference is "
            "reading the whole history once (`HistoryStore.entries()`, as the window opens "
            "it) in the same run.",
            "",
            "| measure | time | target |",
            "| --- | --- | --- |",
            f"| whole history read once, `entries()` (reference) | {_ms(r['entries_s'])} | |",
            f"| first merge: {int(first['added']):,} added, {int(first['updated']):,} updated, "
            f"{int(first['resolved'])} found, {int(first['pages'])} pages | "
            f"{_ms(first['seconds'])} ({first['seconds'] / r['entries_s']:.2f}x the reference) "
            f"| {_verdict(first['seconds'] < 2)} 2 s |",
            f"| … worst event-loop stall (99th percentile {first['stall_p99_ms']:.1f} ms, "
            f"idle loop {r['idle_worst_ms']:.1f} ms) | {first['stall_worst_ms']:.1f} ms | "
            f"{_verdict(first['stall_worst_ms'] < 50)} 50 ms |",
            f"| … one page into the store (median; worst) | "
            f"{first['median_store_call_ms']:.1f} ms; {first['worst_store_call_ms']:.1f} ms | |",
            f"| merge again, nothing new ({int(second['pages'])} page read) | "
            f"{_ms(second['seconds'])} | |",
            "",
            "A merge's commits leave the copy of SQLite's write-ahead log into the file (a "
            "checkpoint, which ends with an fsync: 60 to 150 ms on this machine's disk) to a "
            "worker thread; before that, each 1,000 pages of log stalled the loop that long.",
        ]
    )


def _transfer_section(r: dict[str, Any]) -> str:
    rows = []
    for name in ("upload", "download"):
        t = r[name]
        rows.append(
            f"| {name} | {t['client_s']:.2f} s | {t['curl_s']:.2f} s | {t['ratio']:.2f}x "
            f"({_verdict(t['ratio'] <= 1.25)} 1.25x) | {t['client_peak_mib']:.0f} MiB | "
            f"{t['client_small_peak_mib']:.0f} MiB | {t['curl_peak_mib']:.0f} MiB |"
        )
    return "\n".join(
        [
            f"File: {r['size'] / 2**30:.2f} GiB valid MP4, over loopback to the simulator in "
            "its own process; files in memory (/dev/shm) so disk write-back does not drown the "
            "difference. Times are medians; the client's time is the transfer itself (without "
            "interpreter start-up), curl's is its whole run. Peak memory is sampled from "
            "/proc (VmHWM).",
            "",
            "| transfer | Kokoon client | curl | ratio (target) | client peak RSS | "
            "client peak RSS, 64 MiB file | curl peak RSS |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *rows,
            "",
            "How the download keeps up: the client reads its sockets through its own asyncio "
            "backend for httpcore (kokoon_desktop/api/network.py), straight into one buffer "
            "per connection that grows to 1 MiB, and hands over everything that has arrived in "
            "one piece. httpx's default backend went through anyio 64 KiB at a time, each "
            "piece a trip through anyio, h11 and the event loop, and took about twice curl's "
            "time; raising that read size alone came to about 1.3x. Pieces of 256 KiB or 4 MiB "
            "measured slower than 1 MiB here (probably the core's 1 MiB cache). The 1 MiB "
            "pieces, a few copies in flight through h11 and httpx, add about 7 MiB to the "
            "client's peak memory, the same for any file size. Run to run, both times vary "
            "here by up to 3x (a shared virtual machine); the client copies each byte more "
            "often than curl (h11 and httpx copy every piece four times), so a busy machine "
            "slows it down more. Uploads are limited by the server, equally for both clients.",
        ]
    )


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.0f} ms" if ms >= 99.5 else f"{ms:.1f} ms" if ms >= 0.995 else f"{ms:.2f} ms"


def _filmstrip_section(r: dict[str, Any]) -> str:
    ours, ffmpeg = r["ours_s"], r["ffmpeg_s"]
    return "\n".join(
        [
            f"File: {r['video']}; keyframes average {r['key_kb']:.0f} kB, other frames "
            f"{r['other_kb']:.0f} kB. It is made once (minutes) and cached outside the "
            "repository; it is in the page cache when measured. Ours: "
            "`Filmstrip.request(20, 90)` to the 20th thumbnail delivered "
            f"({r['thumb_size']} rgb24, the keyframe at or before each slot's middle), a new "
            "filmstrip and an empty thumbnail cache each time, the file probed beforehand as "
            f"the app does. Medians of {r['repeats']} runs taking turns with ffmpeg, whose time "
            "is its whole run (one process, launch to exit) extracting the same keyframes at "
            "the same size with the same scaler:",
            "",
            f"`{r['command']}`",
            "",
            "| measure | time | against ffmpeg | target |",
            "| --- | --- | --- | --- |",
            f"| ffmpeg, 20 keyframes (reference) | {_ms(ffmpeg)} | 1.00x | |",
            f"| first filmstrip, 20 thumbnails | {_ms(ours)} | {ours / ffmpeg:.2f}x | "
            f"{_verdict(ours < 1)} 1 s |",
            f"| refined filmstrip: the keyframes, then each slot's exact frame | "
            f"{_ms(r['refined_s'])} | {r['refined_s'] / ffmpeg:.2f}x | "
            f"{_verdict(r['refined_s'] < 3)} 3 s |",
            "",
            "The refined strip (median of 3) is what the window shows when slots span seconds: "
            "the keyframes first, then each slot's own frame, asked for cheapest first (the "
            "fewest pictures to decode after its keyframe), with the file's frame index.",
            "",
            f"All runs: ours {', '.join(_ms(t) for t in r['ours_all_s'])}; ffmpeg "
            f"{', '.join(_ms(t) for t in r['ffmpeg_all_s'])}. Both show the same frames: the "
            f"largest mean difference between a thumbnail and ffmpeg's is "
            f"{r['worst_difference']:.2f} levels of 255.",
        ]
    )


def _seek_section(r: dict[str, Any]) -> str:
    gop = r["gop"]
    ratio = r["ours_median_s"] / r["plain_median_s"]
    return "\n".join(
        [
            f"The file of the filmstrip section (a keyframe every second), in "
            f"{r.get('container', 'MP4')}, opened with its frame index as an upload opens it. "
            f"{r['seeks']} seeks to random frames over the whole file (fixed seed), each "
            "timed from `LocalClip.request_frame(index)` to `frame_ready` for that frame on "
            "the UI thread's event loop: the exact frame, 960×540 rgb24, as a QImage (the "
            "window then only scales it into its label). Each starts with the preview's "
            "worker idle, as when a person looks at a frame before moving on. References in "
            "the same run, taking turns seek by seek: PyAV's plain decode in this process "
            "(seek to the keyframe, decode every frame up to the target with the same threads, "
            "convert the same way), and ffmpeg's command line for one exact frame, a whole "
            "process each:",
            "",
            f"`{r['command']}`",
            "",
            "| measure | median | 90th percentile | target |",
            "| --- | --- | --- | --- |",
            f"| ffmpeg command line (reference) | {_ms(r['ffmpeg_median_s'])} | "
            f"{_ms(r['ffmpeg_p90_s'])} | |",
            f"| PyAV plain decode (reference) | {_ms(r['plain_median_s'])} | "
            f"{_ms(r['plain_p90_s'])} | |",
            f"| exact frame shown after a seek to a random place | {_ms(r['ours_median_s'])} | "
            f"{_ms(r['ours_p90_s'])} | {_verdict(r['ours_median_s'] < 0.05)} 50 ms median |",
            f"| ours against the plain decode | {ratio:.2f}x | | {_verdict(ratio <= 0.75)} 0.75x |",
            f"| … frames 0–{gop // 3 - 1} after a keyframe ({r['near_count']} seeks) | "
            f"{_ms(r['near_median_s'])} | | |",
            f"| … frames {gop * 2 // 3}–{gop - 1} after a keyframe ({r['far_count']} seeks) | "
            f"{_ms(r['far_median_s'])} | | |",
            f"| exact frame shown after an editor's move near the playhead "
            f"({r['moves']} moves) | {_ms(r['moves_median_s'])} | {_ms(r['moves_p90_s'])} | "
            f"{_verdict(r['moves_median_s'] < 0.05)} 50 ms median |",
            "",
            "The moves: from 12 of the seeks' frames, Right three times, Left five times, "
            "Shift+Right (a second on), Shift+Left twice, End and Home, one every 200 ms as "
            f"a person presses keys; {r['moves_within_frame']} of the {r['moves']} were shown "
            "within one 60 Hz frame (16.7 ms). After a frame is shown, the preview's worker "
            "decodes the second before and the second after it into memory while nothing "
            "else is asked (at preview size, at most 128 MiB), then the frames the window "
            "pins: the ends and the In and Out marks. That took "
            f"{_ms(r['fill_median_s'])} at the median after each random seek.",
            "",
            f"Every frame shown was byte-identical to the plain decode's "
            f"({r['seeks'] - r['mismatches']} of {r['seeks']}); ffmpeg's differs by at most "
            f"{r['ffmpeg_worst_difference']:.2f} levels of 255 on average (its scaler's "
            "rounding). Why a random seek takes what it takes: on the way to the frame, "
            "pictures no other picture refers to (here two of every three B-frames) are not "
            "decoded at all, and the decoder is drained as soon as the frame's own picture is "
            "in, instead of decoding the pictures B-frame reordering holds it behind. What "
            f"remains is the keyframe ({_ms(r['key_decode_s'])} to decode on one thread here; "
            "it is one slice, so it cannot be split between cores) and every reference frame "
            f"up to the target (other frames take {_ms(r['other_decode_s'])} at the median), "
            "each needing the one before it: frame threads overlap neighbours only partly. So "
            "the time grows with the distance from the keyframe, as the rows above show: on "
            f"this machine the first third of a one-second keyframe interval "
            f"{'is shown within' if r['near_median_s'] < 0.05 else 'comes close to'} 50 ms, "
            f"the last third takes {_ms(r['far_median_s'])}, and a file with longer intervals "
            "seeks more slowly.",
        ]
    )


def _paint_section(r: dict[str, Any]) -> str:
    rows = []
    for name, level in r["levels"].items():
        rows.append(
            f"| timeline, {name} ({level['px_per_frame']:.2f} px per frame, "
            f"{level['visible_s']:.0f} s visible) | {_ms(level['median_s'])} | "
            f"{_ms(level['worst_s'])} | {_verdict(level['median_s'] < 0.004)} 4 ms |"
        )
    return "\n".join(
        [
            f"`TimelineWidget` {r['width']}×{r['height']} px, offscreen, showing the 10-minute "
            "clip at 30000/1001 fps with In and Out marks, the playhead between them and a "
            f"full filmstrip ({r['thumbnails']} thumbnails of the file). Medians of "
            f"{r['repaints']} synchronous `repaint()` calls per zoom level, taking turns with "
            "the reference: a bare QWidget of the same size whose paint event fills one "
            "rectangle.",
            "",
            "| widget | median | worst | target |",
            "| --- | --- | --- | --- |",
            f"| bare QWidget, one fillRect (reference) | {_ms(r['bare_median_s'])} | | |",
            *rows,
        ]
    )


def _range_section(r: dict[str, Any]) -> str:
    rows = []
    for key, name in (
        ("reference", "timeline alone, drag step (reference)"),
        ("bound", "timeline, fields and form, drag step"),
        ("typed", "Out typed and applied: fields, timeline and form"),
    ):
        t = r[key]
        ratio = t["median_ms"] / r["reference"]["median_ms"]
        rows.append(
            f"| {name} | {t['median_ms']:.2f} ms | {ratio:.1f}x | {t['p99_ms']:.1f} ms "
            f"({_verdict(t['p99_ms'] < 16.7)} 16.7 ms) | {t['worst_ms']:.1f} ms |"
        )
    return "\n".join(
        [
            "One step of an Out-handle drag on an hour-long 25 fps clip, from the new marks to "
            "the painted window: bound, the step also reformats the In/Out/Duration fields and "
            "rechecks the task form. The reference is an unbound timeline, the same steps, "
            f"taking turns in the same offscreen process ({r['bound']['count']} steps each, "
            f"{r['typed']['count']} typed entries); the target is a 60 Hz frame. The worst "
            "step follows whatever else the machine is doing.",
            "",
            "| measure | median | against the reference | 99th percentile (target) | worst |",
            "| --- | --- | --- | --- | --- |",
            *rows,
        ]
    )


def _compare_section(r: dict[str, Any]) -> str:
    width, height = r["size"]
    rows = [
        f"| {name} | {_ms(c['median_s'])} | {_ms(c['p99_s'])} "
        f"({_verdict(c['p99_s'] < 0.008)} 8 ms) | {_ms(c['worst_s'])} |"
        for name, c in r["cases"].items()
    ]
    opened = r["open_median_s"]
    return "\n".join(
        [
            f"Opening: a 5-frame {width}×{height} H.264 preview and its 1920×1080 source, local "
            "files as a preview leaves them in the cache; from making the compare window to the "
            "first pair painted (files opened, frame 0 of each decoded exactly, the source scaled "
            "to the output size with Lanczos, converted for painting, the window shown and "
            "painted). The reference is decoding frame 0 of the 4K file alone with PyAV, in the "
            "same run. Medians of 7.",
            "",
            "| measure | median | worst | target |",
            "| --- | --- | --- | --- |",
            f"| decode frame 0 of the 4K file alone (reference) | {_ms(r['reference_median_s'])} "
            "| | |",
            f"| compare view open to the first pair painted | {_ms(opened)} "
            f"({opened / r['reference_median_s']:.1f}x the reference) | {_ms(r['open_worst_s'])} "
            f"| {_verdict(opened < 0.3)} 300 ms |",
            "",
            f"Repainting: the window at {r['window'][0]}×{r['window'][1]} showing the 4K pair; "
            f"each of {r['steps']} steps moves the divider or pans, then a synchronous "
            "`repaint()` of the picture area, taking turns with the reference: a bare QWidget of "
            "the same size whose paint event fills one rectangle.",
            "",
            "| step | median | 99th percentile (target) | worst |",
            "| --- | --- | --- | --- |",
            f"| bare QWidget, one fillRect (reference) | {_ms(r['bare_median_s'])} | "
            f"{_ms(r['bare_p99_s'])} | |",
            *rows,
        ]
    )


SECTIONS: dict[str, tuple[str, Callable[[], dict[str, Any]], Callable[[dict[str, Any]], str]]] = {
    "startup": ("Start-up", startup.run, _startup_section),
    "frozen": ("Frozen app: start-up and size", frozen_startup.run, _frozen_section),
    "loop": ("Event-loop stalls under load", loop_stall.run, _stall_section),
    "downloads": (
        "Event-loop stalls while results download",
        download_stall.run,
        _download_stall_section,
    ),
    "queue": (
        "Event-loop stalls while a 500-item queue is sent",
        queue_stall.run,
        _queue_stall_section,
    ),
    "history": ("History of 100,000 tasks", history_ui.run, _history_section),
    "account": (
        "Merging the account's 10,000 tasks into the history",
        account_merge.run,
        _account_section,
    ),
    "range": ("Range fields following the timeline", range_sync.run, _range_section),
    "transfers": (
        "Uploads and downloads against curl",
        lambda: transfers.run(1024 * 1024 * 1024, repeats=5),
        _transfer_section,
    ),
    "filmstrip": (
        "Timeline: first filmstrip of a 10-minute 1080p file",
        filmstrip_speed.run,
        _filmstrip_section,
    ),
    "seek": ("Timeline: exact frame after a seek", exact_seek.run, _seek_section),
    "seek-ts": (
        "Timeline: exact frame after a seek, MPEG-TS",
        lambda: exact_seek.run(transport_stream=True),
        _seek_section,
    ),
    "index": (
        "Timeline: frame index of a 10-minute 1080p file",
        frame_index_speed.run,
        _frame_index_section,
    ),
    "paint": ("Timeline: painting at 3840 px", timeline_paint.run, _paint_section),
    "compare": ("Compare view at 4K", compare_view.run, _compare_section),
}


def _existing_sections(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in re.finditer(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, re.S | re.M):
        found[match.group(1).strip()] = match.group(2).strip()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--only", nargs="*", choices=sorted(SECTIONS), default=sorted(SECTIONS))
    args = parser.parse_args()
    existing = _existing_sections(REPORT.read_text()) if REPORT.exists() else {}
    machine = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    for key in args.only:
        title, run, render = SECTIONS[key]
        print(f"running {key}…", flush=True)
        with OtherLoad() as load:
            result = run()
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        busy = "" if load.share is None else f"; other processes used {load.share:.0%} of the CPUs"
        existing[title] = f"Last run: {when}, {machine}{busy}.\n\n{render(result)}"
        print(existing[title], flush=True)
    body = "\n\n".join(
        f"## {title}\n\n{existing[title]}" for title, _, _ in SECTIONS.values() if title in existing
    )
    REPORT.write_text(f"{HEADER}\n{body}\n")


if __name__ == "__main__":
    main()
