from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from kokoon_desktop.core.timecode import FrameRate, frames_to_ms
from kokoon_desktop.media.probe import MediaError, probe
from tests.media.counter_video import write_audio_only
from tests.media.editor_media import make_undecodable, make_unknown_format


def test_probe_reads_the_exact_rate_and_frame_count(counter_video: Path) -> None:
    info = probe(counter_video)
    assert info.path == counter_video
    assert (info.width, info.height) == (160, 90)
    assert info.rate == FrameRate(Fraction(30000, 1001))
    assert info.total_frames == 75
    assert info.duration_ms == frames_to_ms(75, info.rate) == 2503
    assert info.codec == "h264"


def test_probe_counts_frames_from_the_duration_when_the_file_has_no_count(
    counter_video_25: Path,
) -> None:
    info = probe(str(counter_video_25))
    assert info.rate == FrameRate(Fraction(25))
    assert info.total_frames == 50
    assert info.duration_ms == 2000


def test_a_missing_file_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"“nothing\.mp4” was not found"):
        probe(tmp_path / "nothing.mp4")


def test_a_folder_is_not_a_video(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="is not a file"):
        probe(tmp_path)


def test_a_text_file_is_not_a_video(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("these are not moving pictures\n" * 20)
    with pytest.raises(MediaError, match=r"“notes\.mp4” is not a video"):
        probe(path)


def test_an_audio_file_has_no_video(tmp_path: Path) -> None:
    path = write_audio_only(tmp_path / "sound.wav")
    with pytest.raises(MediaError, match=r"“sound\.wav” has no video"):
        probe(path)


def test_media_error_is_a_value_error() -> None:
    assert issubclass(MediaError, ValueError)


def test_a_format_no_decoder_knows_is_said_before_anything_else(
    counter_video: Path, tmp_path: Path
) -> None:
    exotic = make_unknown_format(counter_video, tmp_path / "exotic.mov")
    with pytest.raises(MediaError, match=r"“exotic\.mov” is in a video format this application"):
        probe(exotic)


def test_pictures_that_do_not_decode_leave_no_frame_to_index(
    counter_video: Path, tmp_path: Path
) -> None:
    from kokoon_desktop.media.frame_index import indexed

    noise = make_undecodable(counter_video, tmp_path / "noise.mp4")
    info = probe(noise)  # the headers are intact
    with pytest.raises(MediaError, match=r"“noise\.mp4” has no frame that can be shown"):
        indexed(info)
