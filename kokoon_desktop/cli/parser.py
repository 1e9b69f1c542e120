"""The ``kokoon`` argument parser: global options, the commands and the task options."""

from __future__ import annotations

import argparse

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
    return parser
