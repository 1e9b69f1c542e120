"""``kokoon batch MANIFEST`` and ``kokoon presets``: many tasks in one go, and their presets.

A batch keeps its journal, the history of its tasks and the memory of its uploads in the
profile (``--profile-dir``, else the user's folders, as the window's), so a second run of the
same manifest sends only what the first did not.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from kokoon_desktop.cli import exit_codes
from kokoon_desktop.cli.commands import Command, Session, UsageError, _download_folder, warn
from kokoon_desktop.cli.output import print_json, table
from kokoon_desktop.core import human
from kokoon_desktop.core.manifest import ManifestError, manifest_kind, parse_manifest
from kokoon_desktop.core.presets import PresetsFormatError
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.core.timecode import format_ms
from kokoon_desktop.paths import ProfilePaths, profile_paths
from kokoon_desktop.services.batch import (
    BatchItem,
    BatchPlan,
    BatchResult,
    BatchRunner,
    ItemReport,
    ItemStatus,
)
from kokoon_desktop.storage.batch_journal import BatchJournal, JournalError, RowState, batch_id
from kokoon_desktop.storage.history import HistoryError, HistoryStore
from kokoon_desktop.storage.presets import Conflict, PresetError, PresetStore

MAX_CONCURRENCY = 32

#: What a run says on stderr as it goes (the rest is in the summary).
_NEWS = {
    ItemStatus.UPLOADING: "uploading",
    ItemStatus.SENT: "sent",
    ItemStatus.ALREADY_SENT: "already sent",
    ItemStatus.CHECKING: "checking on the server",
    ItemStatus.UNKNOWN: "outcome unknown",
    ItemStatus.FAILED: "not sent",
    ItemStatus.DONE: "done",
    ItemStatus.TASK_FAILED: "task failed",
    ItemStatus.DOWNLOADED: "downloaded",
    ItemStatus.DOWNLOAD_FAILED: "download failed",
}


def _profile(args: argparse.Namespace) -> ProfilePaths:
    paths = profile_paths(args.profile_dir)
    paths.ensure()
    return paths


async def batch(session: Session, args: argparse.Namespace) -> int:
    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        raise UsageError(f"--concurrency must be from 1 to {MAX_CONCURRENCY}.")
    if args.dry_run and (args.wait or args.download):
        raise UsageError("--dry-run sends nothing, so there is nothing to --wait for or download.")
    folder = None if args.dry_run else _download_folder(args.download)
    path = Path(args.manifest).expanduser()
    try:
        text = await asyncio.to_thread(path.read_text, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"The manifest {path} cannot be read: {exc}") from None
    try:
        manifest = parse_manifest(
            text, manifest_kind(path.name, text), base_dir=path.absolute().parent
        )
    except ManifestError as exc:
        raise UsageError(f"{path}: {exc}") from None
    paths = _profile(args)
    store = PresetStore(paths.presets_file)
    book = store.load()
    for trouble in store.load_problems:
        warn(trouble)
    try:
        with (
            HistoryStore(paths.history_file) as history,
            BatchJournal(paths.batches_file) as journal,
        ):
            runner = BatchRunner(
                session.client,
                history,
                journal,
                api_url=session.client.base_url,
                find_preset=book.get,
                on_report=None if session.as_json else _News(),
                concurrency=args.concurrency,
            )
            plan = await runner.plan(manifest, batch=batch_id(path, session.client.base_url))
            if plan.problems:
                for problem in plan.problems:
                    print(f"kokoon: {problem}", file=sys.stderr)
                invalid = len(plan.invalid_rows())
                if not args.skip_invalid:
                    print(
                        f"kokoon: {invalid} of {plan.rows} row(s) are invalid: nothing was sent. "
                        "Fix them, or pass --skip-invalid to send the others.",
                        file=sys.stderr,
                    )
                    return exit_codes.INVALID_INPUT
                warn(f"{invalid} invalid row(s) skipped; the other {len(plan.items)} go on.")
            if args.dry_run:
                return await _dry_run(session, runner, plan, journal)
            result = await runner.run(plan, wait=args.wait, download_dir=folder)
    except (JournalError, HistoryError) as exc:
        print(f"kokoon: {exc}", file=sys.stderr)
        return exit_codes.OTHER
    _print_result(session, plan, result)
    return _exit_code(result)


class _News:
    """Each item's news on stderr, once per change of status."""

    def __init__(self) -> None:
        self._last: dict[int, ItemStatus] = {}

    def __call__(self, report: ItemReport) -> None:
        if self._last.get(report.row) is report.status:
            return
        self._last[report.row] = report.status
        _print_news(report)


def _print_news(report: ItemReport) -> None:
    news = _NEWS.get(report.status)
    if news is None:
        return
    tid = f" {report.tid}" if report.tid and report.status.has_task else ""
    why = f": {report.message}" if report.message else ""
    print(f"row {report.row} ({report.source}): {news}{tid}{why}", file=sys.stderr, flush=True)


def _describe(spec: TaskSpec) -> str:
    if spec.is_whole_file:
        span = "whole file"
    else:
        span = f"{format_ms(spec.start_pos)} +{human.duration_ms(spec.duration)}"
    kind = " preview" if spec.task_type.value == "SR_PREVIEW" else ""
    return f"{spec.category.value}{kind} {spec.width}x{spec.height} {span}"


async def _dry_run(
    session: Session, runner: BatchRunner, plan: BatchPlan, journal: BatchJournal
) -> int:
    quote = await runner.quote(plan)
    known = journal.rows(plan.batch)
    unquoted = dict(quote.unquoted)

    def state(item: BatchItem) -> str:
        if item.same_as is not None:
            return f"same as row {item.same_as}"
        entry = known.get(item.row.key)
        if entry is None or entry.state in (RowState.PENDING, RowState.FAILED):
            return "to send"
        return "sent before" if entry.state is RowState.SENT else "to check on the server"

    states = {item.number: state(item) for item in plan.items}
    to_send = sum(
        (credit for row, credit in quote.per_row.items() if states[row] == "to send"),
        start=Decimal(0),
    )
    if session.as_json:
        print_json(
            {
                "dry_run": True,
                "rows": [
                    {
                        "row": item.number,
                        "source": item.source_name,
                        "request": item.spec.to_request_body(),
                        "file": str(item.file) if item.file else None,
                        "state": states[item.number],
                        "credits": quote.per_row.get(item.number),
                        "not_quoted": unquoted.get(item.number),
                    }
                    for item in plan.items
                ],
                "invalid": [str(problem) for problem in plan.problems],
                "total_credits": quote.total,
                "credits_to_send": to_send,
                "credit_left": quote.credit_left,
            }
        )
        return exit_codes.OK
    rows = [
        [
            str(item.number),
            item.source_name,
            _describe(item.spec),
            states[item.number],
            human.credit(quote.per_row[item.number])
            if item.number in quote.per_row
            else f"- ({unquoted.get(item.number, '?')})",
        ]
        for item in plan.items
    ]
    print(table(["ROW", "SOURCE", "REQUEST", "STATE", "CREDITS"], rows))
    quoted = len(quote.per_row)
    print(
        f"\nTotal: {human.credit(quote.total)} credit(s) for {quoted} quoted row(s); "
        f"{human.credit(to_send)} for the rows still to send. "
        f"Credit left: {human.credit(quote.credit_left)}."
    )
    if quote.unquoted:
        print(f"{len(quote.unquoted)} row(s) not quoted (see CREDITS).")
    print("Dry run: nothing was sent.")
    return exit_codes.OK


def _print_result(session: Session, plan: BatchPlan, result: BatchResult) -> None:
    if session.as_json:
        document: dict[str, Any] = {
            "rows": [
                {
                    "row": r.row,
                    "status": r.status.value,
                    "source": r.source,
                    "tid": r.tid,
                    "message": r.message,
                    "result_path": r.result_path,
                }
                for r in result.reports
            ],
            "counts": result.counts(),
            "invalid": [str(problem) for problem in plan.problems],
        }
        print_json(document)
        return
    rows = [
        [str(r.row), r.status.value, r.tid or "-", r.result_path or r.message or ""]
        for r in result.reports
    ]
    print(table(["ROW", "STATUS", "TASK", "NOTE"], rows))
    counts = ", ".join(f"{count} {status}" for status, count in sorted(result.counts().items()))
    print(f"\n{len(result.reports)} row(s): {counts}")


def _exit_code(result: BatchResult) -> int:
    if result.with_status(ItemStatus.UNKNOWN):
        return exit_codes.FAILED  # run again: those rows are checked on the server
    failed = result.with_status(
        ItemStatus.FAILED, ItemStatus.TASK_FAILED, ItemStatus.DOWNLOAD_FAILED
    )
    return exit_codes.OTHER if failed else exit_codes.OK


# --- presets ------------------------------------------------------------------------------


def presets(args: argparse.Namespace) -> int:
    """``kokoon presets list|export|import``: no network, the profile's presets file only."""
    store = PresetStore(_profile(args).presets_file)
    try:
        if args.action == "list":
            book = store.load()
            for problem in store.load_problems:
                warn(problem)
            if args.json:
                print_json(
                    {
                        "default": book.default,
                        "presets": [preset.to_json() for preset in book.presets],
                    }
                )
                return exit_codes.OK
            rows = [
                [
                    ("* " if book.default_preset == p else "  ") + p.name,
                    p.category.value,
                    p.size,
                    p.task_type.value,
                    p.input_quality.value,
                    ",".join(p.options.enabled()) or "-",
                    f"{p.codec.value}/{p.container.value}",
                ]
                for p in book.presets
            ]
            print(table(["NAME", "CATEGORY", "SIZE", "TYPE", "QUALITY", "OPTIONS", "OUTPUT"], rows))
            return exit_codes.OK
        if args.action == "export":
            count = store.export(Path(args.file), args.names or None)
            print(f"Exported {count} preset(s) to {args.file}", file=sys.stderr)
            return exit_codes.OK
        conflict = (
            Conflict.REPLACE if args.replace else Conflict.SKIP if args.skip else Conflict.RENAME
        )
        report = store.import_file(Path(args.file), conflict=conflict)
    except (PresetError, PresetsFormatError) as exc:
        print(f"kokoon: {str(exc).rstrip('.')}.", file=sys.stderr)
        return exit_codes.INVALID_INPUT
    except OSError as exc:
        print(f"kokoon: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return exit_codes.OTHER
    for problem in report.problems:
        warn(problem)
    for old, new in report.renamed:
        print(f"{old!r} exists already: imported as {new!r}", file=sys.stderr)
    print(
        f"Imported {len(report.added) + len(report.renamed) + len(report.replaced)} preset(s)"
        f" ({len(report.replaced)} replaced, {len(report.skipped)} skipped).",
        file=sys.stderr,
    )
    return exit_codes.OK


BATCH_COMMANDS: dict[str, Command] = {"batch": batch}
