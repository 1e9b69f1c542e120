"""What goes into the frozen bundle, and what the operating system must provide instead.

PyInstaller collects everything Qt and PyAV could load. The app needs less: this module holds
the rules that trim the bundle to what it uses (Qt plugins, Qt's own translations) and the
table of system libraries that a Linux desktop already has and that the .deb depends on
instead of carrying copies (the X11/xcb stack, fonts, GL, GLib, D-Bus).

Pure functions over destination paths and sonames, so the rules are tested without a build;
the spec (``kokoon-desktop.spec``) and the Linux build (``build_linux.py``) apply them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: Qt plugins the app loads, by folder; a folder missing here is dropped whole. ``None`` keeps
#: every plugin of the folder.
QT_PLUGINS_KEPT: Mapping[str, frozenset[str] | None] = {
    # X11, Wayland, and the headless platform of the smoke test and CI.
    "platforms": frozenset({"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}),
    # The source pictures the service returns are JPEG; window icons are ICO and SVG.
    "imageformats": frozenset({"libqjpeg.so", "libqico.so", "libqsvg.so"}),
    "iconengines": frozenset({"libqsvgicon.so"}),
    # Typing accents and Hangul goes through these.
    "platforminputcontexts": None,
    # The desktop portal gives native file dialogs in sandboxes; the GTK 3 theme would pull
    # GTK itself into the bundle.
    "platformthemes": frozenset({"libqxdgdesktopportal.so"}),
    "styles": None,
    "wayland-shell-integration": frozenset({"libxdg-shell.so"}),
    "wayland-decoration-client": None,
    "xcbglintegrations": frozenset({"libqxcb-glx-integration.so"}),
}

#: Languages whose Qt translations ship (the app's own languages); the rest are dropped.
QT_TRANSLATIONS_KEPT = frozenset({"ko"})

#: glibc's libraries: never bundled (PyInstaller does not either), floor in GLIBC_FLOOR.
GLIBC_SONAMES = frozenset(
    {
        "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1",
        "libutil.so.1", "libresolv.so.2", "libmvec.so.1", "libanl.so.1",
        "ld-linux-x86-64.so.2",
    }
)  # fmt: skip

#: The bundle carries Debian 12's libpython and libstdc++, built against glibc 2.36.
GLIBC_FLOOR = "2.36"

#: System libraries the desktop provides, and the Debian package of each. They are left out of
#: the bundle (a copy of the X11 stack or of GL from the build machine can clash with the
#: user's drivers and display server) and become the .deb's dependencies.
SYSTEM_LIBRARIES: Mapping[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

QT_PREFIX = PurePosixPath("PySide6", "Qt")


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) stays, as far as the
    Qt rules go: unused plugins and translations of languages the app does not speak go."""
    path = PurePosixPath(dest)
    try:
        inner = path.relative_to(QT_PREFIX)
    except ValueError:
        return True
    parts = inner.parts
    if len(parts) >= 3 and parts[0] == "plugins":
        if parts[1] not in QT_PLUGINS_KEPT:
            return False
        kept = QT_PLUGINS_KEPT[parts[1]]
        return kept is None or parts[-1] in kept
    if len(parts) >= 2 and parts[0] == "translations":
        return _translation_language(parts[-1]) in QT_TRANSLATIONS_KEPT
    return True


def _translation_language(name: str) -> str | None:
    """``qtbase_ko.qm`` → ``ko``; ``qt_zh_CN.qm`` → ``zh``; anything else → None."""
    stem, _, suffix = name.rpartition(".")
    if suffix != "qm" or "_" not in stem:
        return None
    language = stem.split("_")[1]
    return language or None


def soname(dest: str) -> str:
    """The file name a bundled library is found by (its last path part)."""
    return PurePosixPath(dest).name


def is_system_library(dest: str) -> bool:
    name = soname(dest)
    return name in SYSTEM_LIBRARIES or name in GLIBC_SONAMES


def is_root(dest: str) -> bool:
    """Whether a bundled binary stays whatever it needs: Python's extension modules, Qt's
    plugins and libpython (loaded by the bootloader). Other libraries stay only if one of
    these reaches them."""
    path = PurePosixPath(dest)
    return (
        (
            path.name.endswith((".abi3.so", ".so"))
            and (".cpython-" in path.name or ".abi3." in path.name)
        )
        or "plugins" in path.parts
        or path.name.startswith("libpython")
    )


@dataclass(frozen=True)
class Closure:
    """Which bundled libraries are reached from the app's own binaries, and what they need from
    the system."""

    kept: frozenset[str]
    system: frozenset[str]
    unresolved: frozenset[str]

    @property
    def debian_packages(self) -> list[str]:
        return sorted({SYSTEM_LIBRARIES[name] for name in self.system})


def closure(roots: Iterable[str], needs: Mapping[str, Iterable[str]]) -> Closure:
    """Walk NEEDED entries from ``roots`` (files that stay whatever they need) through
    ``needs`` (soname → the sonames it needs, for every library the bundle could carry).

    A system library stops the walk: the system provides it and what it needs. What is neither
    bundled nor a system or glibc library is ``unresolved``: the build must stop there.
    """
    kept: set[str] = set()
    system: set[str] = set()
    unresolved: set[str] = set()
    pending = [name for root in roots for name in needs.get(root, ())]
    while pending:
        name = pending.pop()
        if name in kept or name in system or name in GLIBC_SONAMES:
            continue
        if name in SYSTEM_LIBRARIES:
            system.add(name)
        elif name in needs:
            kept.add(name)
            pending.extend(needs[name])
        else:
            unresolved.add(name)
    return Closure(frozenset(kept), frozenset(system), frozenset(unresolved))


def needed_sonames(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file, read with binutils' ``readelf``."""
    out = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [
        line.split("[", 1)[1].split("]", 1)[0]
        for line in out.splitlines()
        if "(NEEDED)" in line and "[" in line
    ]


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def newest_glibc(paths: Iterable[Path]) -> str:
    """The newest ``GLIBC_x.y`` symbol version any of these ELF files needs: the oldest glibc
    the bundle runs on."""
    files = [str(path) for path in paths]
    found = {"2.2.5"}
    for start in range(0, len(files), 200):  # one readelf for many files
        out = subprocess.run(
            ["readelf", "--version-info", "--wide", *files[start : start + 200]],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        found.update(re.findall(r"Name: GLIBC_([0-9]+(?:\.[0-9]+)+)\b", out))
    return max(found, key=version_key)
