"""What each ``kokoon`` command does, over the shared API client and task rules."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import MalformedResponseError
from kokoon_desktop.api.filters import OrigType, TaskFilter, VideoFilter
from kokoon_desktop.api.models import Task, Video
from kokoon_desktop.cli import exit_codes
from kokoon_desktop.cli.output import (
    ProgressLine,
    print_json,
    table,
    task_details,
    video_details,
)
from kokoon_desktop.core import human
from kokoon_desktop.core.enums import Category, Codec, Container, InputQuality, Step, TaskType
from kokoon_desktop.core.ids import NIL_UUID
from kokoon_desktop.core.output_naming import DEFAULT_TEMPLATE, fields_for, render_name
from kokoon_desktop.core.sizes import preset_size
from kokoon_desktop.core.task_spec import AiOptions, TaskSpec
from kokoon_desktop.core.timecode import parse_duration_ms
from kokoon_desktop.services.output_place import claim_output_path, folder_problem
from kokoon_desktop.services.sidecar import Provenance, write_sidecar
from kokoon_desktop.services.task_update import iso_utc

#: Polling of ``--wait``: first wait, growth factor and ceiling, in seconds.
WAIT_FIRST_S = 1.0
WAIT_FACTOR = 1.5
WAIT_MAX_S = 30.0


class UsageError(ValueError):
    """Invalid input found by the command line itself; nothing was sent."""


@dataclass(frozen=True)
class Session:
    """What every command gets: the client and how to print."""

    client: KokoonClient
    as_json: bool


Command = Callable[[Session, argparse.Namespace], Awaitable[int]]


def warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


async def credit(session: Session, _args: argparse.Namespace) -> int:
    result = await session.client.get_credit()
    if session.as_json:
        print_json(result.raw)
    else:
        print(f"Credit: {human.credit(result.credit)}")
        if result.point is not None:
            print(f"Points: {human.credit(result.point)}")
    return exit_codes.OK


async def upload(session: Session, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"{path} is not a file that can be read.")
    progress = ProgressLine(f"Uploading {path.name}")
    try:
        video = await session.client.upload_video(path, progress=progress)
    finally:
        progress.finish()
    if session.as_json:
        print_json(video.raw)
    else:
        print(video_details(video))
    return exit_codes.OK


async def videos(session: Session, args: argparse.Namespace) -> int:
    orig_type = OrigType.ORIGINAL if args.original else OrigType.SR if args.sr else None
    page = await session.client.list_videos(
        VideoFilter(
            orig_type=orig_type,
            filename=args.filename,
            page_size=args.page_size,
            page_num=args.page,
        )
    )
    if session.as_json:
        print_json(page.raw)
        return exit_codes.OK
    rows = [
        [
            v.vid,
            v.filename or "-",
            human.duration(v.duration_s),
            f"{v.width}x{v.height}" if v.size_px else "-",
            human.file_size(v.size),
            v.state or "-",
            human.local_time(v.expired_time),
        ]
        for v in page.videos
    ]
    print(table(["VID", "FILE", "DURATION", "SIZE", "BYTES", "STATE", "EXPIRES"], rows))
    shown = len(page.videos)
    total = page.all_count if page.all_count is not None else shown
    print(f"\n{shown} of {total} video(s)")
    return exit_codes.OK


async def video(session: Session, args: argparse.Namespace) -> int:
    result = await session.client.get_video(args.vid)
    if session.as_json:
        print_json(result.raw)
    else:
        print(video_details(result))
    return exit_codes.OK


def _parse_ms(text: str | None, option: str) -> int:
    if text is None:
        return 0
    try:
        return parse_duration_ms(text)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def _check_size_options(args: argparse.Namespace) -> None:
    if args.size is not None:
        if args.width is not None or args.height is not None:
            raise UsageError("Give either --size or --width with --height, not both.")
    elif args.width is None or args.height is None:
        raise UsageError("Give the output size: --size NAME, or --width W with --height H.")


def _output_size(args: argparse.Namespace, source: Video) -> tuple[int, int]:
    _check_size_options(args)
    if args.size is not None:
        try:
            return preset_size(args.size, source.size_px)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    return (args.width, args.height)


async def build_spec(session: Session, args: argparse.Namespace) -> tuple[TaskSpec, Video]:
    """The task the options describe, checked against its source (also returned) before
    anything is sent."""
    start = _parse_ms(args.start, "--start")
    duration = _parse_ms(args.duration, "--duration")
    # Fail on malformed input before any request (exit code 2 promises nothing was sent):
    # every rule that does not need the source is checked here. Then read the source for its
    # size and duration so the size presets keep its aspect and the range is checked against it.
    _check_size_options(args)
    explicit = args.size is None
    to_the_end = bool(start) and args.duration is None
    TaskSpec(
        vid=args.vid,
        category=Category(args.category),
        width=args.width if explicit else 2,
        height=args.height if explicit else 2,
        start_pos=start,
        # Checked as a one-millisecond range until the source says how long "the end" is.
        duration=1 if to_the_end else duration,
        use_trim_orig=args.trim_orig,
    )
    source = await session.client.get_video(args.vid)
    width, height = _output_size(args, source)
    if to_the_end and source.duration_ms and start < source.duration_ms:
        # --start without --duration runs to the end; the API needs it as a length.
        duration = source.duration_ms - start
    spec = TaskSpec(
        vid=args.vid,
        category=Category(args.category),
        width=width,
        height=height,
        task_type=TaskType.SR_PREVIEW if args.preview else TaskType.SR,
        input_quality=InputQuality(args.quality),
        use_sr=not args.no_sr,
        options=AiOptions(
            face_enhance=args.face_enhance,
            denoise=args.denoise,
            deinterlace=args.deinterlace,
            add_noise=args.add_noise,
        ),
        start_pos=start,
        duration=duration,
        codec=Codec(args.codec),
        container=Container(args.format),
        use_trim_orig=args.trim_orig,
        source_duration_ms=source.duration_ms,
    )
    for name in spec.ignored_options():
        flag = "--" + name.replace("_", "-")
        warn(f"{flag} is ignored for {spec.category.value}: the request sends {name}=false.")
    return spec, source


async def quote(session: Session, args: argparse.Namespace) -> int:
    if args.preview:  # before build_spec, which reads the source: nothing is sent
        raise UsageError("The service quotes full tasks only: drop --preview to get a quote.")
    spec, _ = await build_spec(session, args)
    result = await session.client.quote(spec)
    if session.as_json:
        print_json(result.raw)
    else:
        print(f"Cost: {human.credit(result.credit)} credit(s)")
    return exit_codes.OK


async def submit(session: Session, args: argparse.Namespace) -> int:
    """Create the task; with --wait follow it to its end, with --download bring it home."""
    folder = _download_folder(args.download)  # before anything is sent
    spec, source = await build_spec(session, args)
    body = spec.to_request_body()
    created = await session.client.create_task(spec)
    waiting = args.wait or folder is not None
    if session.as_json and not waiting:
        print_json(created.raw)
    if not session.as_json:
        print(f"Task:         {created.tid}")
        print(f"Source video: {created.in_vid or '-'}")
        print(f"Output video: {created.out_vid or '-'}", flush=True)
    if not waiting:
        return exit_codes.OK
    task = await wait_for_task(session.client, created.tid)
    document: dict[str, Any] = {"task": task.raw}
    if task.step is Step.DONE and folder is not None:
        if task.out_vid is None:
            raise MalformedResponseError(f"Task {task.tid} is done but names no output video.")
        facts = _provenance(task, body=body, source_name=source.filename, source_fps=source.fps)
        target = _result_path(folder, facts, task)
        document.update(await _save(session, task.out_vid, target, facts))
    if session.as_json:
        print_json(document)
    elif task.step is Step.DONE and folder is None:
        print(task_details(task))
    return _finished(task)


def _download_folder(text: str | None) -> Path | None:
    """The folder of ``--download``, refused before anything is sent if results cannot go
    there."""
    if text is None:
        return None
    folder = Path(text).expanduser().absolute()
    problem = folder_problem(folder, create=False, advice="choose another with --download")
    if problem is not None:
        raise UsageError(problem)
    return folder


def _result_path(folder: Path, facts: Provenance, task: Task) -> Path:
    """Where a result goes: its default name in ``folder``, numbered if taken, and claimed
    (results downloaded side by side never take one name)."""
    fields = fields_for(
        source_name=facts.source_name,
        request_body=facts.request_body,
        tid=task.tid,
        when=task.finish_time or datetime.now(UTC),
    )
    return claim_output_path(folder, render_name(DEFAULT_TEMPLATE, fields))


def _provenance(
    task: Task, *, body: Mapping[str, Any], source_name: str | None, source_fps: str | None
) -> Provenance:
    return Provenance(
        request_body=body,
        tid=task.tid,
        in_vid=task.in_vid,
        out_vid=task.out_vid,
        source_name=source_name,
        source_path=None,  # the command line sends videos already uploaded
        source_fps=source_fps,
        request_time=iso_utc(task.request_time),
        start_time=iso_utc(task.start_time),
        finish_time=iso_utc(task.finish_time),
        credits=None,  # what the task cost is not part of its record
    )


async def _save(
    session: Session, vid: str, target: Path, facts: Provenance | None
) -> dict[str, Any]:
    """Download ``vid`` to ``target``, then its sidecar when ``facts`` are given; say where.

    The video is whole on disk before the sidecar is written.
    """
    path = await _download(session, vid, target)
    size = path.stat().st_size
    saved: dict[str, Any] = {"path": str(path), "size": size}
    if facts is not None:
        saved["sidecar"] = str(_write_sidecar(path, facts))
    if not session.as_json:
        print(f"Saved {path} ({human.file_size(size)})")
        if facts is not None:
            print(f"Provenance: {saved['sidecar']}")
    return saved


async def _download(session: Session, vid: str, target: Path) -> Path:
    progress = ProgressLine("Downloading")
    try:
        return await session.client.download_video(vid, target, progress=progress)
    finally:
        progress.finish()


def _steps(text: str | None) -> tuple[Step, ...]:
    if not text:
        return ()
    steps = []
    known = {s.value for s in Step}
    for part in text.split(","):
        name = part.strip().lower()
        if name not in known:
            raise UsageError(
                f"--step: {part.strip()!r} is not a step; steps are {', '.join(sorted(known))}."
            )
        steps.append(Step(name))
    return tuple(steps)


async def tasks(session: Session, args: argparse.Namespace) -> int:
    page = await session.client.list_tasks(
        TaskFilter(
            steps=_steps(args.step),
            task_type=TaskType(args.task_type) if args.task_type else None,
            page_size=args.page_size,
            page_num=args.page,
        )
    )
    if session.as_json:
        print_json(page.raw)
        return exit_codes.OK
    rows = [
        [
            t.tid,
            t.task_type or "-",
            t.step_raw or t.step.value,
            _progress_text(t),
            t.filename or "-",
            human.local_time(t.request_time),
        ]
        for t in page.tasks
    ]
    print(table(["TID", "TYPE", "STEP", "PROGRESS", "FILE", "REQUESTED"], rows))
    total = page.all_count if page.all_count is not None else len(page.tasks)
    print(f"\n{len(page.tasks)} of {total} task(s)")
    return exit_codes.OK


def _progress_text(task: Task) -> str:
    fraction = task.progress_fraction()
    return f"{fraction:.0%}" if fraction is not None else "-"


async def wait_for_task(client: KokoonClient, tid: str) -> Task:
    """Poll ``GET /task/{tid}`` with growing pauses until the task is done, in error or
    cancelled; a terminal's stderr hears of each new step."""
    task = await client.get_task(tid)
    delay = WAIT_FIRST_S
    last_step = None
    while not task.is_finished:
        if task.step_raw != last_step and sys.stderr.isatty():
            print(f"{task.tid}: {task.step_raw} {_progress_text(task)}", file=sys.stderr)
        last_step = task.step_raw
        await asyncio.sleep(delay)
        delay = min(delay * WAIT_FACTOR, WAIT_MAX_S)
        task = await client.get_task(task.tid)
    return task


def _finished(task: Task) -> int:
    """The exit code of a task waited for: 0 for done, else 1 and one line saying why."""
    if task.step is Step.DONE:
        return exit_codes.OK
    # The exit code alone does not say why; one line on stderr, like every other failure.
    step = task.step_raw or task.step.value
    why = f": {task.result_message}" if task.result_message else "."
    print(f"kokoon: task {task.tid} ended in {step}{why}", file=sys.stderr)
    return exit_codes.OTHER


async def status(session: Session, args: argparse.Namespace) -> int:
    if args.wait:
        task = await wait_for_task(session.client, args.tid)
    else:
        task = await session.client.get_task(args.tid)
    if session.as_json:
        print_json(task.raw)
    else:
        print(task_details(task))
    return _finished(task) if args.wait else exit_codes.OK


async def download(session: Session, args: argparse.Namespace) -> int:
    output = Path(args.output)
    if not output.is_dir() and not output.parent.is_dir():
        raise UsageError(f"{output.parent} is not a folder that exists.")
    facts = await _facts_of_result(session, args.vid) if args.sidecar else None
    saved = await _save(session, args.vid, output, facts)
    if session.as_json:
        print_json({"vid": args.vid, **saved})
    return exit_codes.OK


async def _facts_of_result(session: Session, vid: str) -> Provenance:
    """How a result was made: the video names its task, the task its request and times."""
    video = await session.client.get_video(vid)
    if video.is_original or not video.tid or video.tid == NIL_UUID:
        raise UsageError(
            f"Video {video.vid} is an original upload, not the result of a task: it has no "
            "provenance to write. Download it without --sidecar."
        )
    task = await session.client.get_task(video.tid)
    return _provenance(
        task, body=task.request_body or {}, source_name=task.filename, source_fps=task.fps
    )


def _write_sidecar(path: Path, facts: Provenance) -> Path:
    """The sidecar of a saved result; a failure says the video itself is saved."""
    try:
        return write_sidecar(path, facts)
    except OSError as exc:
        raise OSError(
            exc.errno,
            f"Saved {path}, but its provenance file could not be written: {exc.strerror or exc}",
        ) from None


COMMANDS: dict[str, Command] = {
    "credit": credit,
    "upload": upload,
    "videos": videos,
    "video": video,
    "quote": quote,
    "submit": submit,
    "tasks": tasks,
    "status": status,
    "download": download,
}
