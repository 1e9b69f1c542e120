"""The app's identity files: the icon rendered at every size, the desktop entry and the AppStream
metadata valid and consistent, and the licence notices complete."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kokoon_desktop import __version__
from tests.packaging.scripts import load

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.kokoon.KokoonDesktop"
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
SVG = ROOT / "resources" / "icons" / "kokoon-desktop.svg"

icons = load("icons")
notices = load("notices")


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_icon_renders_at_every_size_with_something_drawn(qapp: object, tmp_path: Path) -> None:
    pngs = icons.render_pngs(SVG, tmp_path)
    assert sorted(pngs) == list(icons.PNG_SIZES)
    for size, path in pngs.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255, f"{size} px: nothing at the centre"
        assert corner.alpha() < 255, f"{size} px: the tile's rounded corner is missing"


def test_the_ico_and_icns_hold_their_sizes(qapp: object, tmp_path: Path) -> None:
    from PIL import Image

    made = icons.make_icons(SVG, tmp_path)
    with Image.open(made.ico) as ico:
        assert {s[0] for s in ico.info["sizes"]} == set(icons.ICO_SIZES)
    with Image.open(made.icns) as icns:
        assert (512, 512, 1) in icns.info["sizes"] or icns.size[0] >= 512


def test_the_desktop_entry_opens_videos_with_the_app() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "kokoon-desktop %F"
    assert entry["Icon"] == APP_ID
    mime_types = [m for m in entry["MimeType"].split(";") if m]
    assert {"video/mp4", "video/quicktime", "video/mp2t", "video/x-matroska"} <= set(mime_types)
    assert all(m.startswith("video/") for m in mime_types)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_entry_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_the_appstream_metadata_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_appstream_metadata_names_this_version_and_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()  # noqa: S314 - our own file
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("launchable") == DESKTOP.name
    assert __version__ in [r.get("version") for r in root.iter("release")]


def test_the_bundled_distributions_are_the_runtime_ones() -> None:
    names = notices.bundled_distributions()
    assert {"pyside6-essentials", "httpx", "keyring", "av", "platformdirs", "certifi"} <= set(names)
    # Tools of the test, bench and package extras, and the socket server the spec leaves out.
    assert not {"pytest", "pyinstaller", "pillow", "uvicorn", "kokoon-desktop"} & set(names)


def test_the_notices_carry_every_distribution_with_its_licence_text(tmp_path: Path) -> None:
    out = tmp_path / "THIRD-PARTY-NOTICES"
    missing = notices.write_notices(out, notices.bundled_distributions())
    text = out.read_text(encoding="utf-8")
    assert missing == []
    assert "PySide6_Essentials" in text and "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "The Python interpreter" in text and "PSF" in text


def test_the_notices_name_every_native_library_of_a_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "av.libs").mkdir(parents=True)
    for name in ("libx264-d6533a8d.so.165", "libavcodec-5e6b81c2.so.62", "libQt6Core.so.6"):
        (bundle / "av.libs" / name).write_bytes(b"")
    out = tmp_path / "NOTICES"
    assert notices.write_notices(out, [], bundle=bundle) == []
    text = out.read_text(encoding="utf-8")
    assert "x264 (VideoLAN): libx264-d6533a8d.so.165" in text
    assert text.count("GNU GENERAL PUBLIC LICENSE") >= 2  # x264's and FFmpeg's GPL text


def test_an_unknown_native_library_is_reported(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "libmystery.so.1").write_bytes(b"")
    out = tmp_path / "NOTICES"
    assert notices.write_notices(out, [], bundle=bundle) == ["native library libmystery.so.1"]
    assert "WARNING: no licence found for" in out.read_text(encoding="utf-8")
    assert notices.main([str(out), "--bundle", str(bundle)]) == 1
    assert notices.main([str(out), "--bundle", str(bundle), "--allow-missing"]) == 0
