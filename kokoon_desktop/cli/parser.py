"""The ``kokoon`` argument parser: global options, the commands and the task options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from kokoon_desktop import __version__
from kokoon_desktop.cli.exit_codes import EPILOG
from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.core.enums import Category, Codec, Container, InputQuality, Step, TaskType
from kokoon_desktop.core.sizes import SIZE_PRESETS

WAIT_HELP = "poll until the task is done, in error or cancelled; exit 0 only for done"


def _global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """Global options, accepted before or after the command name."""
    default = argparse.SUPPRESS if suppress else None
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("global options")
    group.add_argument(
        "--api-url", metavar="URL", default=default,
        help="API base URL (else KOKOON_API_URL, else the documented host)",
    )  # fmt: skip
    group.add_argument(
        "--token", metavar="TOKEN", default=default,
        help="API token (else KOKOON_TOKEN, else the system keychain)",
    )  # fmt: skip
    group.add_argument(
        "--auth-scheme", choices=[s.value for s in AuthScheme], default=default,
        help="how the token is sent: raw, as the documentation shows (default), or bearer",
    )  # fmt: skip
    group.add_argument(
        "--timeout", type=float, metavar="SECONDS", default=default,
        help="how long to wait for each answer from the service (default 30)",
    )  # fmt: skip
    group.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help="print one JSON document on stdout",
    )  # fmt: skip
    return parent


def _task_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vid", required=True, help="the original video's ID")
    parser.add_argument(
        "--category", required=True, choices=[c.value for c in Category],
        help="what the video shows; animation and cg ignore face-enhance, denoise, add-noise",
    )  # fmt: skip
    parser.add_argument(
        "--quality", choices=[q.value for q in InputQuality], default=InputQuality.MEDIUM.value,
        help="quality of the source (default: medium)",
    )  # fmt: skip
    parser.add_argument("--no-sr", action="store_true", help="do not upscale (use_sr false)")
    parser.add_argument("--preview", action="store_true", help="a short preview task (SR_PREVIEW)")
    options = parser.add_argument_group("AI options")
    options.add_argument("--face-enhance", action="store_true")
    options.add_argument("--denoise", action="store_true")
    options.add_argument("--deinterlace", action="store_true")
    options.add_argument("--add-noise", action="store_true", help="film grain")
    size = parser.add_argument_group("output size (--size, or --width with --height)")
    size.add_argument("--width", type=int, metavar="W")
    size.add_argument("--height", type=int, metavar="H")
    size.add_argument(
        "--size", choices=SIZE_PRESETS,
        help="a named size; keeps the source's aspect ratio; 2x and 4x scale the source",
    )  # fmt: skip
    span = parser.add_argument_group("range (milliseconds, or HH:MM:SS.mmm; default whole file)")
    span.add_argument("--start", metavar="T", help="where to start in the source")
    span.add_argument(
        "--duration", metavar="T", help="how much to process from --start (default: to the end)"
    )
    parser.add_argument("--codec", choices=[c.value for c in Codec], default=Codec.H264.value)
    parser.add_argument(
        "--format", choices=[c.value for c in Container], default=Container.MP4.value,
        help="output container",
    )  # fmt: skip
    parser.add_argument(
        "--trim-orig", action="store_true",
        help="also keep the trimmed range as a new original (needs --start or --duration)",
    )  # fmt: skip


def _paging(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--page", type=int, metavar="N", help="page number, from 0")
    parser.add_argument("--page-size", type=int, metavar="N", help="items per page")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kokoon",
        description="Kokoon cloud video super-resolution from the command line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"kokoon {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = [_global_options(suppress=True)]

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=text, description=text, parents=common, epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip

    command("login", "store an API token in the system keychain (read without echo)")
    command("logout", "remove the stored API token")
    command("credit", "show the credit left")
    upload = command("upload", "upload a video file as a new original")
    upload.add_argument("file", metavar="FILE")
    videos = command("videos", "list the account's videos")
    kind = videos.add_mutually_exclusive_group()
    kind.add_argument("--original", action="store_true", help="uploaded originals only")
    kind.add_argument("--sr", action="store_true", help="SR results only")
    videos.add_argument("--filename", metavar="TEXT", help="part of the file name")
    _paging(videos)
    video = command("video", "show one video")
    video.add_argument("vid", metavar="VID")
    _task_options(command("quote", "the credit a task would cost (charges nothing)"))
    submit = command("submit", "create a task (charges credit)")
    _task_options(submit)
    submit.add_argument("--wait", action="store_true", help=WAIT_HELP)
    submit.add_argument(
        "--download", metavar="DIR",
        help="wait, then download the result into DIR (an existing folder) under a name such "
        "as clip_person_3840x2160.mp4, with its provenance file NAME.kokoon.json beside it",
    )  # fmt: skip
    tasks = command("tasks", "list tasks")
    tasks.add_argument(
        "--step", metavar="STEP[,STEP...]",
        help="only tasks in these steps: " + ", ".join(s.value for s in Step),
    )  # fmt: skip
    tasks.add_argument("--type", choices=[t.value for t in TaskType], dest="task_type")
    _paging(tasks)
    status = command("status", "show a task's state")
    status.add_argument("tid", metavar="TID")
    status.add_argument("--wait", action="store_true", help=WAIT_HELP)
    download = command("download", "download a finished video")
    download.add_argument("vid", metavar="VID")
    download.add_argument(
        "-o", "--output", required=True, metavar="PATH", help="file or existing folder"
    )
    download.add_argument(
        "--sidecar", action="store_true",
        help="also write how the result was made (its task and request) to PATH.kokoon.json",
    )  # fmt: skip
    _batch_parsers(command)
    return parser


def _profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile-dir", metavar="DIR", type=Path,
        help="keep the profile (presets, history, batch journal) in DIR instead of the "
        "user's folders, as the window's --profile-dir",
    )  # fmt: skip


def _batch_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    batch = command("batch", "create the tasks of a manifest (JSON or CSV), each once, resumably")
    batch.add_argument(
        "manifest", metavar="MANIFEST",
        help="a JSON list of objects or a CSV file with a header row, one task each, named "
        "with the request's fields (task_type, category, use_sr, input_quality, vid, width, "
        "height, start_pos, duration, codec, format, use_trim_orig, the AI options), plus "
        "file, preset, size, start and end (see the README)",
    )  # fmt: skip
    batch.add_argument(
        "--concurrency", type=int, default=4, metavar="N",
        help="items uploaded or sent at once (default 4)",
    )  # fmt: skip
    batch.add_argument(
        "--dry-run", action="store_true",
        help="check every row and print the total quote; sends nothing",
    )  # fmt: skip
    batch.add_argument("--wait", action="store_true", help="follow every task to its end")
    batch.add_argument(
        "--download", metavar="DIR",
        help="wait, then download each result into DIR with its provenance file",
    )  # fmt: skip
    batch.add_argument(
        "--skip-invalid", action="store_true",
        help="send the valid rows even when others are invalid (else nothing is sent)",
    )  # fmt: skip
    _profile_option(batch)
    presets = command("presets", "list, export or import the named presets of the profile")
    actions = presets.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the presets (* marks the default)")
    export = actions.add_parser("export", help="write presets to a JSON file to share")
    export.add_argument("file", metavar="FILE")
    export.add_argument("names", metavar="NAME", nargs="*", help="these presets only")
    imports = actions.add_parser("import", help="add the presets of a JSON file")
    imports.add_argument("file", metavar="FILE")
    same = imports.add_mutually_exclusive_group()
    same.add_argument("--replace", action="store_true", help="replace presets of the same name")
    same.add_argument("--skip", action="store_true", help="keep presets of the same name")
    for sub in (presets, listing, export, imports):
        _profile_option(sub)
