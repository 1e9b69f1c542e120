"""The rules that trim the frozen bundle and decide what the system provides."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.packaging.scripts import load

rules = load("bundle_rules")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so", False),
        ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
        ("PySide6/Qt/translations/qtbase_ko.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("av.libs/libavcodec-5e6b81c2.so.62.28.102", True),
        ("certifi/cacert.pem", True),
    ],
)
def test_qt_trimming(dest: str, kept: bool) -> None:
    assert rules.keep_qt_file(dest) is kept


@given(st.from_regex(r"[a-z0-9_./-]{1,40}", fullmatch=True))
def test_files_outside_qt_are_never_trimmed(dest: str) -> None:
    assert rules.keep_qt_file(dest) or dest.startswith("PySide6/Qt/")


def test_roots_are_extension_modules_plugins_and_libpython() -> None:
    assert rules.is_root("av/video/frame.cpython-311-x86_64-linux-gnu.so")
    assert rules.is_root("PySide6/QtCore.abi3.so")
    assert rules.is_root("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert rules.is_root("libpython3.11.so.1.0")
    assert not rules.is_root("PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6")
    assert not rules.is_root("libssl.so.3")


NEEDS = {
    "ext.so": ["libQt6Gui.so.6", "libc.so.6"],
    "libQt6Gui.so.6": ["libQt6Core.so.6", "libX11.so.6", "libGL.so.1", "libm.so.6"],
    "libQt6Core.so.6": ["libicuuc.so.73"],
    "libicuuc.so.73": [],
    "libQt6EglFsKmsSupport.so.6": ["libdrm.so.2"],
    "libX11.so.6": ["libxcb.so.1"],  # a copy the build machine had: never reached
}


def test_the_closure_keeps_what_the_roots_reach_and_stops_at_the_system() -> None:
    reach = rules.closure(["ext.so"], NEEDS)
    assert reach.kept == {"libQt6Gui.so.6", "libQt6Core.so.6", "libicuuc.so.73"}
    assert reach.system == {"libX11.so.6", "libGL.so.1"}
    assert reach.unresolved == frozenset()
    assert reach.debian_packages == ["libgl1", "libx11-6"]


def test_a_library_neither_bundled_nor_provided_is_unresolved() -> None:
    reach = rules.closure(["libQt6EglFsKmsSupport.so.6"], NEEDS)
    assert reach.unresolved == {"libdrm.so.2"}


@given(st.lists(st.sampled_from(sorted(NEEDS)), max_size=6))
def test_the_closure_never_keeps_a_system_library(roots: list[str]) -> None:
    reach = rules.closure(roots, NEEDS)
    assert not reach.kept & set(rules.SYSTEM_LIBRARIES)
    assert not reach.kept & rules.GLIBC_SONAMES


def test_every_system_library_maps_to_a_debian_package_name() -> None:
    for soname, package in rules.SYSTEM_LIBRARIES.items():
        assert soname.startswith("lib") and ".so." in soname
        assert package == package.lower() and " " not in package


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files are Linux's")
def test_readelf_reads_what_a_real_library_needs() -> None:
    import _ssl

    needed = rules.needed_sonames(Path(_ssl.__file__))
    assert any(name.startswith(("libssl", "libc.so")) for name in needed)
    assert rules.version_key(rules.newest_glibc([Path(_ssl.__file__)])) >= (2, 2, 5)


def test_versions_compare_as_numbers() -> None:
    assert rules.version_key("2.36") > rules.version_key("2.4")
    assert max(["2.9", "2.36", "2.17"], key=rules.version_key) == "2.36"
