"""The smoke test's self-checks: each is true when its piece works, and false, with a reason,
when the piece is missing or broken, as it would be in a frozen build that lost it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtGui import QColor, QImage

from kokoon_desktop import self_checks
from kokoon_desktop.resources import resource
from kokoon_desktop.self_checks import check_decode, check_keyring, check_tls
from kokoon_desktop.ui.image_plugins import check_jpeg
from tests.keyring_stub import MemoryKeyring
from tests.media.counter_video import make_counter_video


def test_the_shipped_media_are_what_the_checks_read() -> None:
    assert resource(*self_checks.SELFCHECK_VIDEO).is_file()
    assert resource(*self_checks.SELFCHECK_JPEG).is_file()


def test_decode_reads_the_first_frame_of_the_shipped_video() -> None:
    result = check_decode()
    assert result.ok, result.detail
    assert "h264" in result.detail


def test_decode_reads_another_video(tmp_path: Path) -> None:
    clip = make_counter_video(tmp_path / "clip.mp4", frames=3)
    result = check_decode(clip)
    assert result.ok and result.detail.endswith(("x48", "x64", "x90", "x120", "x180", "x240"))


def test_decode_fails_without_the_video(tmp_path: Path) -> None:
    result = check_decode(tmp_path / "gone.mp4")
    assert not result.ok and "gone.mp4" in result.detail


def test_decode_fails_on_a_file_that_is_no_video(tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x01 not a video " * 100)
    assert not check_decode(junk).ok


def test_decode_fails_when_pyav_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a bundle without FFmpeg's libraries gives: the reader's module cannot be imported.
    monkeypatch.setitem(sys.modules, "kokoon_desktop.media.frames", None)
    result = check_decode()
    assert not result.ok and result.detail.startswith(("ImportError", "ModuleNotFoundError"))


def test_keyring_names_the_backend_that_loads(memory_keyring: MemoryKeyring) -> None:
    result = check_keyring()
    assert result.ok and result.detail.endswith("MemoryKeyring")


def test_the_fail_backend_counts_as_loaded_and_is_named() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    result = check_keyring()
    assert result.ok and result.detail == "keyring.backends.fail.Keyring"


def test_keyring_fails_when_it_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)
    assert not check_keyring().ok


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_keyring_fails_when_the_platforms_backend_is_missing(
    monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    # A frozen build without the hidden imports: the backend modules are not in the bundle.
    for module in self_checks.PLATFORM_BACKENDS[platform]:
        monkeypatch.setitem(sys.modules, module, None)
    result = check_keyring(platform)
    assert not result.ok and "keyring.backends" in result.detail


def test_keyring_fails_when_no_backend_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> keyring.backend.KeyringBackend:
        raise RuntimeError("no backend could be imported")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    result = check_keyring()
    assert not result.ok and "no backend" in result.detail


linux_only = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the system verifies there: nothing to count"
)


@linux_only
def test_tls_counts_the_system_s_authorities_in_the_client_s_context() -> None:
    result = check_tls()
    assert result.ok and result.detail.endswith("certificate authorities")
    assert int(result.detail.split()[0]) > 10


@linux_only
def test_tls_fails_with_an_empty_system_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # OpenSSL reads the system's store from these when they are set: here, nothing.
    empty = tmp_path / "ca-certificates.crt"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    result = check_tls()
    assert not result.ok and "no certificate authorities" in result.detail


def test_tls_fails_when_the_context_cannot_be_made(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a bundle that lost a piece gives: the client cannot make its TLS context.
    monkeypatch.setitem(sys.modules, "kokoon_desktop.api.tls", None)
    result = check_tls()
    assert not result.ok and result.detail.startswith(("ImportError", "ModuleNotFoundError"))


def test_jpeg_decodes_the_shipped_picture(qapp: object) -> None:
    result = check_jpeg()
    assert result.ok, result.detail


def test_jpeg_decodes_through_the_plugin(qapp: object, tmp_path: Path) -> None:
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    assert picture.save(str(tmp_path / "p.jpg"), "JPG")
    assert check_jpeg(tmp_path / "p.jpg").detail == "40x30"


def test_jpeg_fails_on_a_file_that_is_no_jpeg(qapp: object, tmp_path: Path) -> None:
    (tmp_path / "p.jpg").write_bytes(b"not a picture")
    assert not check_jpeg(tmp_path / "p.jpg").ok


def test_jpeg_fails_when_qt_has_no_image_plugins(tmp_path: Path) -> None:
    # A fresh process whose Qt finds its platform plugins but no image plugins: a bundle that
    # lost them.
    import PySide6

    empty = tmp_path / "plugins"
    empty.mkdir()
    qt_plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    (empty / "platforms").symlink_to(qt_plugins / "platforms")
    script = (
        "import json, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        f"QCoreApplication.setLibraryPaths([{str(empty)!r}])\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['check', '-platform', 'offscreen'])\n"
        "from kokoon_desktop.ui.image_plugins import check_jpeg\n"
        "r = check_jpeg()\n"
        "print(json.dumps([r.ok, r.detail]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    ok, detail = done.stdout.strip().splitlines()[-1].strip("[]").split(", ", 1)
    assert ok == "false" and "jpeg" not in detail.split("Qt reads:")[1]
