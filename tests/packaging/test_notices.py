"""THIRD-PARTY-NOTICES: every Python distribution the bundle carries with its licence text, the
native parts (Qt, FFmpeg and its codecs, the libraries a bundle takes from the system), the
interpreter; the same file for the same input, and a failure for anything without a licence."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.packaging.scripts import load

ROOT = Path(__file__).resolve().parents[2]
notices = load("notices")


def _key(name: str) -> str:
    return str(notices._normalise(name))


def _direct_requirements() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]
    return {_key(Requirement(spec).name) for spec in dependencies}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    out = tmp_path_factory.mktemp("notices") / "THIRD-PARTY-NOTICES"
    missing = notices.write_notices(out, notices.bundled_distributions())
    return out.read_text(encoding="utf-8"), missing


def test_the_bundled_distributions_are_the_runtime_ones() -> None:
    names = set(notices.bundled_distributions())
    # The app's own requirements, less the simulator's socket server the spec leaves out.
    assert _direct_requirements() - notices.NOT_BUNDLED <= names
    assert {"certifi", "shiboken6", "anyio", "idna"} <= names  # what they need in turn
    # Nothing of the test, bench and package extras, nor the app itself.
    extras = {"pytest", "pytest-qt", "hypothesis", "pyinstaller", "pillow", "imageio-ffmpeg"}
    assert not (extras | {"uvicorn", "httptools", "kokoon-desktop"}) & names


def test_the_bundled_distributions_are_closed_under_their_requirements() -> None:
    names = set(notices.bundled_distributions())
    for name in names:
        for spec in metadata.requires(name) or ():
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                assert _key(requirement.name) in names, f"{name} needs {requirement.name}"


def test_every_distribution_is_there_with_its_licence_text(written: tuple[str, list[str]]) -> None:
    text, missing = written
    assert missing == []
    assert "WARNING" not in text
    for name in notices.bundled_distributions():
        dist = metadata.distribution(name)
        assert f"* {dist.metadata['Name']} {dist.version}\n  Licence: " in text
    assert "--- LICENSE.APACHE ---" in text  # cryptography's, from its dist-info licenses/


def test_qt_ffmpeg_and_the_codecs_are_named_with_their_licences(
    written: tuple[str, list[str]],
) -> None:
    text, _ = written
    native = text.split("\nNative libraries\n", 1)[1].split("\nThe Python interpreter\n", 1)[0]
    assert "* Qt 6 (The Qt Company)\n  Licence: LGPL-3.0-only\n  Files: libQt6" in native
    assert "libQt6Core.so.6" in native
    assert "* FFmpeg\n  Licence: GPL-2.0-or-later\n  Files: libavcodec" in native
    assert "* x264 (VideoLAN)\n  Licence: GPL-2.0-or-later\n  Files: libx264" in native
    assert "* x265 (MulticoreWare)\n  Licence: GPL-2.0-or-later\n  Files: libx265" in native
    assert "* OpenSSL, in cryptography's extension\n  Licence: Apache-2.0" in native
    appendix = text.split("\nLicence texts\n", 1)[1]
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 2, June 1991" in appendix
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in appendix
    assert "Apache License\n                           Version 2.0" in appendix
    assert "adds to the GNU GPL version 3, whose full text is in" in appendix
    assert appendix.count("--- end of ") == 4  # each text once


def test_the_interpreter_comes_with_the_psf_licence(written: tuple[str, list[str]]) -> None:
    text, _ = written
    interpreter = text.split("\nThe Python interpreter\n", 1)[1]
    assert "* Python 3." in interpreter and "Licence: PSF-2.0" in interpreter
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in interpreter


def test_the_same_input_writes_the_same_file(tmp_path: Path) -> None:
    names = notices.bundled_distributions()
    first, second = tmp_path / "first", tmp_path / "second"
    notices.write_notices(first, names)
    notices.write_notices(second, [n.upper() for n in reversed(names)])
    assert first.read_bytes() == second.read_bytes()


def test_a_bundle_is_read_for_its_native_libraries(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "av.libs").mkdir(parents=True)
    (bundle / "PySide6" / "Qt" / "plugins" / "wayland").mkdir(parents=True)
    for name in ("av.libs/libx264-d6533a8d.so.165", "av.libs/libavcodec-5e6b81c2.so.62",
                 "libpython3.11.so.1.0", "libssl.so.3",
                 "PySide6/Qt/plugins/wayland/libdrm-egl-server.so"):  # fmt: skip
        (bundle / name).write_bytes(b"")
    (bundle / "libssl.so").symlink_to("libssl.so.3")
    out = tmp_path / "NOTICES"
    assert notices.write_notices(out, [], bundle=bundle) == []
    text = out.read_text(encoding="utf-8")
    assert (
        "* x264 (VideoLAN)\n  Licence: GPL-2.0-or-later\n  Files: libx264-d6533a8d.so.165" in text
    )
    assert "* OpenSSL\n  Licence: Apache-2.0\n  Files: libssl.so.3\n" in text  # not the link
    assert "* CPython\n" in text
    assert "libdrm" not in text  # a Qt plugin, under Qt's licence


def test_an_unknown_native_library_fails_unless_allowed(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "libmystery.so.1").write_bytes(b"")
    out = tmp_path / "NOTICES"
    assert notices.write_notices(out, [], bundle=bundle) == ["native library libmystery.so.1"]
    assert "WARNING: no licence found for:\n  - native library libmystery.so.1" in out.read_text(
        encoding="utf-8"
    )
    assert notices.main([str(out), "--bundle", str(bundle)]) == 1
    assert notices.main([str(out), "--bundle", str(bundle), "--allow-missing"]) == 0


def test_a_distribution_without_a_licence_file_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = tmp_path / "site" / "unlicensed_thing-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: unlicensed-thing\nVersion: 1.0\nLicense: MIT\n",
        encoding="utf-8",
    )
    (info / "RECORD").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    out = tmp_path / "NOTICES"
    assert notices.write_notices(out, ["unlicensed-thing"]) == ["unlicensed-thing 1.0"]
    assert "  - unlicensed-thing 1.0" in out.read_text(encoding="utf-8")
