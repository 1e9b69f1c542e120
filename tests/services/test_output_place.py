"""Where results go: the folder rule, what is wrong with a folder, and names that are free."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from kokoon_desktop.services import output_place
from kokoon_desktop.services.output_place import (
    claim_output_path,
    default_videos_folder,
    folder_problem,
    output_folder,
    unique_output_path,
)


@pytest.fixture
def videos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's Videos folder, inside the test's own folder."""
    folder = tmp_path / "home" / "Videos"
    monkeypatch.setattr(platformdirs, "user_videos_path", lambda: folder)
    return folder


def test_the_default_folder_is_kokoon_in_videos(videos: Path) -> None:
    assert default_videos_folder() == videos / "Kokoon"


def test_the_override_wins_then_the_setting_then_next_to_the_source(
    videos: Path, tmp_path: Path
) -> None:
    override, chosen = tmp_path / "session", tmp_path / "chosen"
    source = str(tmp_path / "rushes" / "clip.mov")
    assert output_folder(override=override, setting=str(chosen), source_path=source) == override
    assert output_folder(override=None, setting=str(chosen), source_path=source) == chosen
    assert output_folder(override=None, setting=None, source_path=source) == tmp_path / "rushes"
    assert output_folder(override=None, setting="", source_path=None) == videos / "Kokoon"
    assert output_folder(override=None, setting="~/out", source_path=None) == (Path.home() / "out")


def test_a_writable_folder_has_no_problem_and_keeps_no_probe(tmp_path: Path) -> None:
    assert folder_problem(tmp_path, create=False) is None
    assert list(tmp_path.iterdir()) == []


def test_only_the_default_folder_is_created(videos: Path, tmp_path: Path) -> None:
    missing = tmp_path / "unplugged" / "drive"
    assert folder_problem(missing, create=True) == f"The output folder {missing} does not exist."
    assert not missing.exists()

    assert folder_problem(videos / "Kokoon", create=False) is not None
    assert not (videos / "Kokoon").exists()
    assert folder_problem(videos / "Kokoon", create=True) is None
    assert (videos / "Kokoon").is_dir()


def test_a_default_folder_that_cannot_be_made_says_why(videos: Path) -> None:
    videos.parent.mkdir(parents=True)
    videos.write_text("a file where the Videos folder should be")
    problem = folder_problem(videos / "Kokoon", create=True)
    assert problem is not None
    assert problem.startswith(f"The output folder {videos / 'Kokoon'} could not be created: ")


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    file = tmp_path / "clip.mp4"
    file.write_bytes(b"x")
    assert folder_problem(file, create=True) == f"{file} is not a folder."


def test_a_folder_the_system_refuses_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output_place.os, "access", lambda path, mode: False)
    assert folder_problem(tmp_path, create=False) == (
        f"The output folder {tmp_path} is read-only: choose another in Settings."
    )
    assert folder_problem(tmp_path, create=False, advice="choose another with --download") == (
        f"The output folder {tmp_path} is read-only: choose another with --download."
    )


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.EROFS, "is read-only: choose another in Settings."),
        (errno.EACCES, "is read-only: choose another in Settings."),
        (errno.ENOSPC, "Files cannot be written in the output folder"),
    ],
)
def test_the_probe_write_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, words: str
) -> None:
    """Permission bits can say yes where writing fails (a read-only mount, a full disk)."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(output_place.tempfile, "mkstemp", refuse)
    problem = folder_problem(tmp_path, create=False)
    assert problem is not None and words in problem and str(tmp_path) in problem


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield folder
    folder.chmod(stat.S_IRWXU)


def test_a_read_only_folder_for_real(read_only: Path) -> None:
    try:
        (read_only / "try").write_bytes(b"")
    except PermissionError:
        pass
    else:
        pytest.skip("this user writes in read-only folders (root): the test above covers it")
    assert folder_problem(read_only, create=True) == (
        f"The output folder {read_only} is read-only: choose another in Settings."
    )
    assert list(read_only.iterdir()) == []


def test_a_claimed_name_is_taken_by_its_empty_partial_file(tmp_path: Path) -> None:
    first = claim_output_path(tmp_path, "clip.mp4")
    second = claim_output_path(tmp_path, "clip.mp4")
    assert (first, second) == (tmp_path / "clip.mp4", tmp_path / "clip (2).mp4")
    assert (tmp_path / "clip.mp4.part").read_bytes() == b""
    assert (tmp_path / "clip (2).mp4.part").exists()


def test_a_name_taken_between_the_look_and_the_claim_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kokoon_desktop.services.output_place as output_place

    looked = output_place.unique_output_path

    def raced(folder: Path, name: str) -> Path:
        path = looked(folder, name)
        if path.name == "clip.mp4":  # another download claims it right after the look
            (folder / "clip.mp4.part").write_bytes(b"")
        return path

    monkeypatch.setattr(output_place, "unique_output_path", raced)
    assert claim_output_path(tmp_path, "clip.mp4") == tmp_path / "clip (2).mp4"


def test_names_are_numbered_past_files_and_downloads_under_way(tmp_path: Path) -> None:
    assert unique_output_path(tmp_path, "clip.mp4") == tmp_path / "clip.mp4"
    (tmp_path / "clip.mp4").write_bytes(b"done")
    assert unique_output_path(tmp_path, "clip.mp4") == tmp_path / "clip (2).mp4"
    (tmp_path / "clip (2).mp4.part").write_bytes(b"half")
    assert unique_output_path(tmp_path, "clip.mp4") == tmp_path / "clip (3).mp4"
    (tmp_path / "clip (3).mp4").symlink_to(tmp_path / "gone.mp4")  # a broken link is taken
    assert unique_output_path(tmp_path, "clip.mp4") == tmp_path / "clip (4).mp4"
