"""A preview's two pictures, brought into the cache for the compare view.

A done ``SR_PREVIEW`` task names two storage links in its task info: ``preview_orig_url`` (the
source's frames of the range) and ``preview_sr_url`` (the same frames through SR). They are
asked for right before (links expire and are never stored), fetched without the token like any
storage link, and kept in the profile's cache folder, ``previews/<task ID>/``, written whole or
not at all (``.part`` files renamed once complete), so opening the same preview again reads no
network. A link refused as expired is asked for once more; files that do not decode are thrown
away with a plain reason.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.errors import KokoonError, NotFoundError, RequestRejectedError
from kokoon_desktop.api.models import Task
from kokoon_desktop.core.enums import Step
from kokoon_desktop.i18n import translate

__all__ = ["PreviewAssets", "PreviewAssetsError", "PreviewFiles"]

log = logging.getLogger(__name__)

#: How many previews the cache keeps (the most recently fetched).
KEPT_PREVIEWS = 40
_EXPIRED = (400, 401, 403)
_KINDS = ("orig", "sr")


class PreviewAssetsError(Exception):
    """Why a preview cannot be shown; ``message`` is the sentence for the window."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class PreviewFiles:
    """A preview's pictures on disk: the source's frames (``before``) and the SR ones."""

    tid: str
    before: Path
    after: Path


class PreviewAssets:
    """Fetches previews into ``cache_dir/previews``."""

    def __init__(self, client: KokoonClient, cache_dir: Path) -> None:
        self._client = client
        self._folder = cache_dir / "previews"
        self._locks: dict[str, asyncio.Lock] = {}

    def cached(self, tid: str) -> PreviewFiles | None:
        """The preview's files when both are in the cache."""
        folder = self._folder / tid
        found = {kind: _whole_file(folder, kind) for kind in _KINDS}
        before, after = found["orig"], found["sr"]
        if before is None or after is None:
            return None
        return PreviewFiles(tid, before, after)

    async def fetch(self, tid: str) -> PreviewFiles:
        """The preview of task ``tid``, from the cache or the service; PreviewAssetsError
        says why not."""
        lock = self._locks.setdefault(tid, asyncio.Lock())
        async with lock:  # a second ask for the same preview waits for the first
            found = self.cached(tid)
            if found is not None:
                return found
            files = await self._download(tid)
        await asyncio.to_thread(self._prune, keep=tid)
        return files

    async def _download(self, tid: str) -> PreviewFiles:
        task = await self._task(tid)
        folder = self._folder / tid
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PreviewAssetsError(_disk_problem(exc)) from exc
        paths: dict[str, Path] = {}
        for kind in _KINDS:
            try:
                paths[kind] = await self._fetch_one(task, kind, folder)
            except RequestRejectedError as exc:
                if exc.status not in _EXPIRED:
                    raise PreviewAssetsError(exc.message) from exc
                log.info("preview link of %s refused (%s): asking for a fresh one", tid, exc.status)
                task = await self._task(tid)  # links expire: a fresh one, once
                paths[kind] = await self._fetch_one(task, kind, folder, last_try=True)
        await asyncio.to_thread(_check_decodable, folder, paths)
        return PreviewFiles(tid, paths["orig"], paths["sr"])

    async def _task(self, tid: str) -> Task:
        try:
            task = await self._client.get_task(tid)
        except KokoonError as exc:
            raise PreviewAssetsError(exc.message) from exc
        if task.step is not Step.DONE:
            raise PreviewAssetsError(
                translate(
                    "PreviewAssets", "The preview is not done yet (the service says {step})."
                ).format(step=task.step_raw or task.step.value)
            )
        if not task.preview_orig_url or not task.preview_sr_url:
            raise PreviewAssetsError(
                translate(
                    "PreviewAssets",
                    "The service names no preview pictures for this task (they may have expired).",
                )
            )
        return task

    async def _fetch_one(
        self, task: Task, kind: str, folder: Path, *, last_try: bool = False
    ) -> Path:
        url = task.preview_orig_url if kind == "orig" else task.preview_sr_url
        assert url is not None  # checked by _task
        target = folder / f"{kind}{_suffix(url)}"
        try:
            return await self._client.download(url, target)
        except NotFoundError as exc:
            raise PreviewAssetsError(
                translate("PreviewAssets", "The preview's pictures are no longer on the service.")
            ) from exc
        except RequestRejectedError as exc:
            if last_try:
                raise PreviewAssetsError(exc.message) from exc
            raise
        except KokoonError as exc:
            raise PreviewAssetsError(exc.message) from exc
        except OSError as exc:
            raise PreviewAssetsError(_disk_problem(exc)) from exc

    def _prune(self, *, keep: str) -> None:
        """Keep the most recent previews; the one just fetched always stays."""
        try:
            folders = [p for p in self._folder.iterdir() if p.is_dir() and p.name != keep]
            folders.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in folders[KEPT_PREVIEWS - 1 :]:
            shutil.rmtree(old, ignore_errors=True)


def _whole_file(folder: Path, kind: str) -> Path | None:
    """The cached file of ``kind`` (only whole files carry the final name)."""
    try:
        return next((p for p in folder.glob(f"{kind}.*") if not p.name.endswith(".part")), None)
    except OSError:
        return None


def _suffix(url: str) -> str:
    """The link's file type (``.mp4`` when it names none)."""
    suffix = PurePosixPath(httpx.URL(url).path).suffix.lower()
    return suffix if suffix and len(suffix) <= 6 and suffix[1:].isalnum() else ".mp4"


def _check_decodable(folder: Path, paths: dict[str, Path]) -> None:
    """Both files open as video and their first picture decodes, or both are thrown away (a
    storage error page saved as .mp4, or pictures damaged on the way, must not sit in the
    cache as a preview)."""
    from kokoon_desktop.media.frames import FrameReader
    from kokoon_desktop.media.probe import MediaError, probe

    try:
        for path in paths.values():
            info = probe(path)
            if info.total_frames < 1:
                raise MediaError(path.name)
            with FrameReader(path, info) as reader:
                reader.exact_frame(0)
    except MediaError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise PreviewAssetsError(
            translate("PreviewAssets", "The preview's pictures cannot be read: {reason}").format(
                reason=exc
            )
        ) from exc


def _disk_problem(exc: OSError) -> str:
    return translate(
        "PreviewAssets", "The preview could not be saved in the cache: {reason}"
    ).format(reason=exc.strerror or exc)
