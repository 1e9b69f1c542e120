"""The Linux desktop entry and AppStream metadata: valid for the freedesktop tools, and
consistent with each other and with the app (its id, programs, version and the videos it opens)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kokoon_desktop import __version__
from kokoon_desktop.app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
DESKTOP = LINUX / "io.kokoon.KokoonDesktop.desktop"
METAINFO = LINUX / "io.kokoon.KokoonDesktop.metainfo.xml"
MIME_DB = Path("/usr/share/mime")  # shared-mime-info, the desktops' list of types
#: The one container of the upload dialog's that is no video/* type.
NON_VIDEO_TYPES = {"application/mxf"}


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_types() -> list[str]:
    return [m for m in _entry()["MimeType"].split(";") if m]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()  # noqa: S314 - our own file


def _project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        project: dict[str, object] = tomllib.load(file)["project"]
    return project


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is missing: apt-get install desktop-file-utils",
)
def test_the_desktop_entry_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), done.stdout


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is missing: apt-get install appstream",
)
def test_the_appstream_metadata_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Only pedantic notes may remain (the id's capitals, which the reverse-DNS id keeps).
    notes = [line for line in done.stdout.splitlines() if re.match(r"^[EWI]: ", line)]
    assert notes == [], done.stdout


def test_the_files_are_named_by_the_app_id() -> None:
    assert APP_ID == "io.kokoon.KokoonDesktop"
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert METAINFO.name == f"{APP_ID}.metainfo.xml"


def test_the_desktop_entry_starts_the_gui_with_the_files_opened() -> None:
    entry = _entry()
    gui_scripts = _project()["gui-scripts"]
    assert isinstance(gui_scripts, dict)
    assert entry["Exec"] == "kokoon-desktop %F"
    assert entry["Exec"].split()[0] in gui_scripts
    assert entry["TryExec"] == "kokoon-desktop"
    assert entry["Icon"] == APP_ID  # installed as hicolor/*/apps/io.kokoon.KokoonDesktop.png
    assert entry["Terminal"] == "false"


def test_the_window_is_matched_to_the_desktop_entry() -> None:
    # Qt's X11 windows have WM_CLASS = (program file name, application name) and name the
    # desktop entry in _GTK_APPLICATION_ID and _KDE_NET_WM_DESKTOP_FILE; on Wayland the
    # desktop file name is the app id. StartupWMClass names the class, which does not
    # depend on how the program was started.
    source = (ROOT / "kokoon_desktop" / "app.py").read_text(encoding="utf-8")
    names = re.findall(r'setApplicationName\("([^"]+)"\)', source)
    assert names == [_entry()["StartupWMClass"]]
    assert "setDesktopFileName(APP_ID)" in source


def test_the_desktop_entry_opens_video_files_only() -> None:
    mime_types = _mime_types()
    assert len(mime_types) == len(set(mime_types))
    assert {"video/mp4", "video/quicktime", "video/x-matroska", "video/mp2t"} <= set(mime_types)
    assert all(m.startswith("video/") or m in NON_VIDEO_TYPES for m in mime_types)


@pytest.mark.skipif(not MIME_DB.is_dir(), reason="no shared-mime-info database to check with")
def test_every_mime_type_is_one_the_desktops_know() -> None:
    known = {
        path.relative_to(MIME_DB).with_suffix("").as_posix() for path in MIME_DB.glob("*/*.xml")
    }
    aliases = (MIME_DB / "aliases").read_text(encoding="utf-8").split()[::2]
    unknown = [m for m in _mime_types() if m not in known and m not in aliases]
    assert unknown == []


@pytest.mark.skipif(not MIME_DB.is_dir(), reason="no shared-mime-info database to check with")
def test_every_file_the_upload_dialog_offers_opens_with_the_app() -> None:
    from kokoon_desktop.ui.flows.upload import VIDEO_FILE_FILTERS

    types_by_glob: dict[str, set[str]] = {}
    for line in (MIME_DB / "globs").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            mime_type, _, glob = line.partition(":")
            types_by_glob.setdefault(glob.lower(), set()).add(mime_type)
    offered = re.findall(r"\*\.(\w+)", VIDEO_FILE_FILTERS[0])
    assert offered
    mime_types = set(_mime_types())
    missing = [s for s in offered if not types_by_glob.get(f"*.{s}", set()) & mime_types]
    assert missing == [], f"the desktop entry's MimeType lacks the type of: {missing}"
    # ...and the other way: a type the app opens from the file manager is offered in the dialog.
    offered_types = set().union(*(types_by_glob.get(f"*.{s}", set()) for s in offered))
    words = (MIME_DB / "aliases").read_text(encoding="utf-8").split()
    canonical = dict(zip(words[::2], words[1::2], strict=True))  # video/x-m4v → video/mp4
    not_offered = sorted(m for m in mime_types if canonical.get(m, m) not in offered_types)
    assert not_offered == [], f"the upload dialog offers no file of: {not_offered}"


def test_the_metainfo_matches_the_desktop_entry_and_the_project() -> None:
    root = _metainfo()
    project = _project()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == project["license"] == "GPL-3.0-or-later"
    assert root.findtext("name") == _entry()["Name"]
    assert root.findtext("launchable") == DESKTOP.name
    binaries = {b.text for b in root.iter("binary")}
    scripts, gui_scripts = project["scripts"], project["gui-scripts"]
    assert isinstance(scripts, dict) and isinstance(gui_scripts, dict)
    assert binaries == {*scripts, *gui_scripts} == {"kokoon", "kokoon-desktop"}
    assert [m.text for m in root.iter("mediatype")] == _mime_types()


def test_the_metainfo_names_this_release() -> None:
    releases = list(_metainfo().iter("release"))
    assert releases[0].get("version") == __version__  # the newest first
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date") or "")
