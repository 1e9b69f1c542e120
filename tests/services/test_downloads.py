"""Downloads of results: to the right place under the right name, with a sidecar, through every
fault storage and disks have, never a half file under the final name and never a second copy."""

from __future__ import annotations

import asyncio
import errno
import json
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import Sandbox
from kokoon_desktop.sandbox.faults import FaultRule
from kokoon_desktop.services.downloads import DownloadProgress, Downloads, Placement
from kokoon_desktop.services.sidecar import sidecar_path
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, ResultState
from tests.services.services_helpers import Changes, api_requests, until


def storage_gets(sandbox: Sandbox) -> list[dict[str, str]]:
    """Headers of every GET the storage origin received."""
    return [
        r.headers
        for r in sandbox.requests
        if r.method == "GET" and r.path.startswith("/storage/") and "thumbnail" not in r.path
    ]


async def done_row(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, *, source: Path | None = None
) -> HistoryEntry:
    """A row whose task is done on the server, as the tracker leaves it."""
    entry = history.add_submission(
        spec.to_request_body(),
        source_name=source.name if source else "harbour.mp4",
        source_duration_ms=3000,
        source_path=str(source) if source else None,
        source_fps="30/1",
        credits="12",
    )
    created = await client.create_task(spec)
    entry = history.mark_submitted(
        entry.id, tid=created.tid, in_vid=created.in_vid, out_vid=created.out_vid
    )

    async with asyncio.timeout(10):
        while (await client.get_task(created.tid)).step.value != "done":  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    return history.update_task(entry.id, step="done", progress=None, message=None)


class Recorder:
    def __init__(self) -> None:
        self.progress: list[DownloadProgress] = []
        self.finished: list[HistoryEntry] = []


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def downloads(
    client: KokoonClient, history: HistoryStore, changes: Changes, out: Path, recorder: Recorder
) -> AsyncIterator[Downloads]:
    service = make_downloads(client, history, changes, recorder, Placement(out, None, TEMPLATE))
    yield service
    await service.aclose()


TEMPLATE = "{source}_{category}_{width}x{height}.{format}"


def make_downloads(
    client: KokoonClient,
    history: HistoryStore,
    changes: Changes,
    recorder: Recorder,
    placement: Placement,
) -> Downloads:
    async def no_pause(_seconds: float) -> None:
        return None

    return Downloads(
        client,
        history,
        placement=lambda: placement,
        on_change=changes,
        on_progress=recorder.progress.append,
        on_finished=recorder.finished.append,
        sleep=no_pause,
    )


async def download_once(
    client: KokoonClient,
    history: HistoryStore,
    spec: TaskSpec,
    service: Downloads,
    *,
    before: Callable[[], object] = lambda: None,
) -> HistoryEntry:
    """A done task's result asked for once with ``service`` (closed after); the row at the end."""
    try:
        entry = await done_row(client, history, spec)
        before()
        service.want(entry)
        await until(lambda: settled(history, entry.id))
    finally:
        await service.aclose()
    return result_of(history, entry.id)


def failed_for(row: HistoryEntry, words: str, folder: Path) -> None:
    """The row failed saying ``words`` and left no video under a final name in ``folder``."""
    assert row.result_state is ResultState.FAILED
    assert words in (row.result_message or "")
    assert not [p for p in folder.iterdir() if p.suffix == ".mp4"]


def result_of(history: HistoryStore, entry_id: int) -> HistoryEntry:
    entry = history.get(entry_id)
    assert entry is not None
    return entry


def settled(history: HistoryStore, entry_id: int) -> bool:
    state = result_of(history, entry_id).result_state
    return state in (ResultState.DOWNLOADED, ResultState.FAILED)


async def test_a_done_result_lands_whole_with_its_sidecar(
    downloads: Downloads,
    client: KokoonClient,
    history: HistoryStore,
    spec: TaskSpec,
    sandbox: Sandbox,
    clip: Path,
    out: Path,
    recorder: Recorder,
) -> None:
    entry = await done_row(client, history, spec)
    sandbox.clear_requests()
    assert downloads.want(entry) is None
    await until(lambda: settled(history, entry.id))
    row = result_of(history, entry.id)
    assert row.result_state is ResultState.DOWNLOADED, row.result_message
    path = Path(row.result_path or "")
    assert path == out / "harbour_person_1280x720.mp4"
    assert path.read_bytes() == clip.read_bytes()  # the simulator's result is the source
    assert row.result_bytes == clip.stat().st_size
    assert not list(out.glob("*.part"))
    sidecar = json.loads(sidecar_path(path).read_text())
    assert sidecar["request_body"] == dict(entry.request_body)
    assert "kokoon-sandbox-demo-token" not in sidecar_path(path).read_text()
    # A fresh link was asked for right before, and the token never went to storage.
    assert api_requests(sandbox, "GET", f"/video/{entry.out_vid}") == 1
    assert storage_gets(sandbox)
    assert all("authorization" not in {k.lower() for k in h} for h in storage_gets(sandbox))
    assert [e.id for e in recorder.finished] == [entry.id]
    assert recorder.progress and recorder.progress[-1].done == clip.stat().st_size


async def test_a_result_already_downloaded_is_not_copied_again(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    sandbox: Sandbox, out: Path,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    downloads.want(entry)
    await until(lambda: settled(history, entry.id))
    sandbox.clear_requests()
    said = downloads.want(result_of(history, entry.id))
    assert said is not None and said.startswith("Already downloaded")
    assert storage_gets(sandbox) == []
    assert len([p for p in out.iterdir() if p.suffix == ".mp4"]) == 1


async def test_names_never_overwrite_another_file(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec, out: Path
) -> None:
    (out / "harbour_person_1280x720.mp4").write_bytes(b"an editor's own file")
    entry = await done_row(client, history, spec)
    downloads.want(entry)
    await until(lambda: settled(history, entry.id))
    assert result_of(history, entry.id).result_path == str(out / "harbour_person_1280x720 (2).mp4")
    assert (out / "harbour_person_1280x720.mp4").read_bytes() == b"an editor's own file"


async def test_results_of_one_clip_finishing_together_each_get_their_own_name(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    clip: Path, out: Path,
) -> None:  # fmt: skip
    # Ranges of one clip with the same settings: one name until numbered. Asked for in the
    # same turn of the loop, before any of them has written a byte.
    entries = [await done_row(client, history, spec) for _ in range(3)]
    for entry in entries:
        downloads.want(entry)
    await until(lambda: all(settled(history, entry.id) for entry in entries))
    paths = {result_of(history, entry.id).result_path for entry in entries}
    assert paths == {
        str(out / name)
        for name in (
            "harbour_person_1280x720.mp4",
            "harbour_person_1280x720 (2).mp4",
            "harbour_person_1280x720 (3).mp4",
        )
    }
    assert all(Path(path or "").read_bytes() == clip.read_bytes() for path in paths)
    assert not list(out.glob("*.part"))


async def test_an_expired_link_is_asked_for_again_once(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    sandbox: Sandbox,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", status=403, message="expired"))
    sandbox.clear_requests()
    downloads.want(entry)
    await until(lambda: settled(history, entry.id))
    assert result_of(history, entry.id).result_state is ResultState.DOWNLOADED
    assert api_requests(sandbox, "GET", f"/video/{entry.out_vid}") == 2


async def test_storage_failures_end_in_a_clear_state_and_retry_finishes(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    sandbox: Sandbox, out: Path,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", status=503, times=None))
    downloads.want(entry)
    await until(lambda: settled(history, entry.id))
    failed = result_of(history, entry.id)
    assert failed.result_state is ResultState.FAILED
    assert "storage failed" in (failed.result_message or "").lower()
    assert not [p for p in out.iterdir() if p.suffix == ".mp4"]  # no half file under the name
    sandbox.faults.clear()
    assert downloads.want(failed) is None  # Retry
    await until(lambda: result_of(history, entry.id).result_state is ResultState.DOWNLOADED)


async def test_a_dropped_connection_resumes_where_it_stopped(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    sandbox: Sandbox, clip: Path,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", drop_after=True))
    downloads.want(entry)
    await until(lambda: settled(history, entry.id))
    row = result_of(history, entry.id)
    assert row.result_state is ResultState.DOWNLOADED, row.result_message
    assert Path(row.result_path or "").read_bytes() == clip.read_bytes()


async def test_a_missing_output_folder_is_said_and_nothing_is_fetched(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, sandbox: Sandbox,
    changes: Changes, recorder: Recorder, tmp_path: Path,
) -> None:  # fmt: skip
    missing = tmp_path / "gone"
    service = make_downloads(
        client, history, changes, recorder, Placement(None, str(missing), TEMPLATE)
    )
    row = await download_once(client, history, spec, service, before=sandbox.clear_requests)
    assert row.result_state is ResultState.FAILED
    assert str(missing) in (row.result_message or "")
    assert storage_gets(sandbox) == []
    assert not missing.exists()


async def test_a_full_disk_is_said_and_leaves_no_file_under_the_name(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    out: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    real_open = Path.open

    def full_disk(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self.name.endswith(".part") and ("w" in mode or "a" in mode):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", full_disk)
    row = await download_once(client, history, spec, downloads)
    failed_for(row, "full", out)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 KiB file system (smaller than the clip), where this user may mount one."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


async def test_a_really_full_disk(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, changes: Changes,
    recorder: Recorder, small_disk: Path,
) -> None:  # fmt: skip
    service = make_downloads(
        client, history, changes, recorder, Placement(small_disk, None, TEMPLATE)
    )
    row = await download_once(client, history, spec, service)
    failed_for(row, "full", small_disk)


async def test_a_partial_file_deleted_while_downloading_starts_over(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, changes: Changes,
    recorder: Recorder, out: Path, clip: Path,
) -> None:  # fmt: skip
    deleted: list[Path] = []

    def delete_once(progress: DownloadProgress) -> None:
        recorder.progress.append(progress)
        if not deleted:
            for part in out.glob("*.part"):
                part.unlink()
                deleted.append(part)

    service = make_downloads(client, history, changes, recorder, Placement(out, None, TEMPLATE))
    service._on_progress = delete_once  # the user's file manager, mid-download
    try:
        entry = await done_row(client, history, spec)
        service.want(entry)
        await until(lambda: settled(history, entry.id))
    finally:
        await service.aclose()
    assert deleted
    row = result_of(history, entry.id)
    assert row.result_state is ResultState.DOWNLOADED, row.result_message
    assert Path(row.result_path or "").read_bytes() == clip.read_bytes()


async def test_an_interrupted_download_resumes_with_a_range_next_time(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, changes: Changes,
    recorder: Recorder, out: Path, clip: Path, sandbox: Sandbox,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    target = out / "harbour_person_1280x720.mp4"
    half = clip.read_bytes()[: clip.stat().st_size // 2]
    Path(str(target) + ".part").write_bytes(half)
    history.set_result(entry.id, ResultState.DOWNLOADING, path=str(target))
    sandbox.clear_requests()
    service = make_downloads(client, history, changes, recorder, Placement(out, None, TEMPLATE))
    try:
        assert service.resume() == 1
        await until(lambda: settled(history, entry.id))
    finally:
        await service.aclose()
    assert result_of(history, entry.id).result_path == str(target)
    assert target.read_bytes() == clip.read_bytes()
    ranges = [h.get("range") or h.get("Range") for h in storage_gets(sandbox)]
    assert ranges == [f"bytes={len(half)}-"]


async def test_closing_keeps_the_row_downloading_for_the_next_start(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, changes: Changes,
    recorder: Recorder, out: Path, sandbox: Sandbox,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", slow_s=5.0))
    service = make_downloads(client, history, changes, recorder, Placement(out, None, TEMPLATE))
    service.want(entry)
    await until(lambda: result_of(history, entry.id).result_state is ResultState.DOWNLOADING)
    await service.aclose()
    sandbox.interrupt_sleeps()
    row = result_of(history, entry.id)
    assert row.result_state is ResultState.DOWNLOADING
    assert row.result_path == str(out / "harbour_person_1280x720.mp4")
    assert not Path(row.result_path).exists()


async def test_only_done_tasks_have_results(
    downloads: Downloads, history: HistoryStore, spec: TaskSpec
) -> None:
    entry = history.add_submission(
        spec.to_request_body(), source_name=None, source_duration_ms=None
    )
    assert downloads.want(entry) == "Only a task that is done has a result to download."
    assert not downloads.in_flight


async def test_a_task_done_while_followed_downloads_by_itself_unless_turned_off(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, changes: Changes,
    recorder: Recorder, out: Path, sandbox: Sandbox,
) -> None:  # fmt: skip
    automatic = make_downloads(client, history, changes, recorder, Placement(out, None, TEMPLATE))
    manual = make_downloads(
        client, history, changes, recorder, Placement(out, None, TEMPLATE, automatic=False)
    )
    try:
        first = await done_row(client, history, spec)
        automatic.task_done(first)
        await until(lambda: settled(history, first.id))
        other = TaskSpec(vid=spec.vid, category=Category.RETRO, width=1280, height=720)
        second = await done_row(client, history, other)
        manual.task_done(second)
        await until(lambda: result_of(history, second.id).expires_at is not None)
    finally:
        await automatic.aclose()
        await manual.aclose()
    assert result_of(history, first.id).result_state is ResultState.DOWNLOADED
    assert result_of(history, second.id).result_state is None


async def test_retry_pressed_as_the_failure_shows_starts_again(
    downloads: Downloads, client: KokoonClient, history: HistoryStore, spec: TaskSpec,
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    entry = await done_row(client, history, spec)
    sandbox.faults.add(FaultRule(match="GET /storage/*", status=503, times=None))
    answers: list[str | None] = []
    record = downloads._record

    def record_then_retry(entry_id: int, state: ResultState, **kw: object) -> HistoryEntry:
        row = record(entry_id, state, **kw)  # type: ignore[arg-type]
        if state is ResultState.FAILED and not answers:
            # The user's Retry, while the failed download's task is still unwinding.
            assert downloads.is_running(entry_id)
            sandbox.faults.clear()
            answers.append(downloads.want(row))
        return row

    monkeypatch.setattr(downloads, "_record", record_then_retry)
    downloads.want(entry)
    await until(lambda: result_of(history, entry.id).result_state is ResultState.DOWNLOADED)
    assert answers == [None]


async def test_a_done_preview_is_not_downloaded_by_itself_but_can_be_asked_for(
    client: KokoonClient, history: HistoryStore, spec: TaskSpec, changes: Changes,
    recorder: Recorder, out: Path,
) -> None:  # fmt: skip
    """A preview is looked at in the compare view; its few frames are not put beside the
    editor's footage unless asked for."""
    automatic = make_downloads(client, history, changes, recorder, Placement(out, None, TEMPLATE))
    try:
        preview = await done_row(client, history, spec.with_changes(task_type=TaskType.SR_PREVIEW))
        automatic.task_done(preview)
        await until(lambda: result_of(history, preview.id).expires_at is not None)
        assert result_of(history, preview.id).result_state is None
        assert automatic.want(preview) is None
        await until(lambda: settled(history, preview.id))
    finally:
        await automatic.aclose()
    assert result_of(history, preview.id).result_state is ResultState.DOWNLOADED
