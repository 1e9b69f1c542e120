"""``make package`` on Linux: the frozen folder, its tarball and its .deb, checked as they are made.

    python packaging/build_linux.py [--fast] [--skip-freeze]

1. PyInstaller builds ``dist/kokoon-desktop/`` from ``kokoon-desktop.spec``.
2. The folder is checked: every library any bundled binary needs is in the folder, or is a
   system library the .deb depends on, or is glibc's; the glibc it needs is no newer than the
   documented floor; it fits the size budget. The licence and the third-party notices go in.
3. ``dist/kokoon-desktop-<version>-linux-x86_64.tar.gz`` of the folder.
4. ``dist/kokoon-desktop_<version>_amd64.deb``: the folder under ``/opt/kokoon-desktop``,
   relative links in ``/usr/bin`` (so the unpacked tree runs anywhere), the desktop entry, the
   AppStream metadata and the icons, depending on the desktop's own libraries.

``--fast`` compresses quickly (CI, where the packages are only tested); ``--skip-freeze``
reuses the folder PyInstaller made last (working on the packaging steps).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import bundle_rules  # noqa: E402
import icons  # noqa: E402
import notices  # noqa: E402

from kokoon_desktop import __version__  # noqa: E402

APP_ID = "io.kokoon.KokoonDesktop"
PACKAGE = "kokoon-desktop"
FOLDER = "kokoon-desktop"
PROGRAMS = ("kokoon-desktop", "kokoon")
SIZE_BUDGET_MIB = 220
#: What the .deb needs from the system besides libraries: the certificate authorities TLS is
#: verified against (the system's store, read through truststore).
SYSTEM_DATA_PACKAGES = ("ca-certificates",)
MAINTAINER = "Kokoon Desktop developers <desktop@kokoon.io>"
HOMEPAGE = "https://kokoon.io"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@dataclass(frozen=True)
class Outputs:
    folder: Path
    tarball: Path
    deb: Path
    depends: list[str]
    glibc: str


def freeze(dist: Path, work: Path) -> None:
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(HERE / "kokoon-desktop.spec"),
            "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
        ],
        check=True, cwd=ROOT,
    )  # fmt: skip


def elf_files(folder: Path) -> Iterator[Path]:
    """Every ELF file in the folder (links are not followed: their targets are in it too)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    yield path


def check_libraries(folder: Path) -> tuple[bundle_rules.Closure, str]:
    """What the bundle needs from the system, and the newest glibc symbol version it uses.

    Raises SystemExit when a binary needs a library that is neither bundled nor provided.
    """
    files = list(elf_files(folder))
    needs = {path.name: bundle_rules.needed_sonames(path) for path in files}
    # Links in the folder (libfoo.so.1 -> PySide6/Qt/lib/libfoo.so.1) are found by their name.
    for link in folder.rglob("*"):
        if link.is_symlink() and link.resolve().name in needs:
            needs.setdefault(link.name, needs[link.resolve().name])
    reach = bundle_rules.closure(list(needs), needs)
    if reach.unresolved:
        raise SystemExit(f"needed but neither bundled nor provided: {sorted(reach.unresolved)}")
    floor = bundle_rules.newest_glibc(files)
    if bundle_rules.version_key(floor) > bundle_rules.version_key(bundle_rules.GLIBC_FLOOR):
        raise SystemExit(f"the bundle needs glibc {floor}, newer than {bundle_rules.GLIBC_FLOOR}")
    return reach, floor


def folder_mib(folder: Path) -> int:
    """Size as ``du -sm`` gives it (allocated blocks, links counted once)."""
    out = subprocess.run(["du", "-sm", str(folder)], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[0])


def add_licences(folder: Path) -> None:
    shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
    missing = notices.write_notices(
        folder / "THIRD-PARTY-NOTICES", notices.bundled_distributions(), bundle=folder
    )
    if missing:
        raise SystemExit(f"no licence known for: {', '.join(missing)} (see packaging/notices.py)")


def make_tarball(folder: Path, out: Path, *, fast: bool) -> Path:
    with tarfile.open(out, "w:gz", compresslevel=1 if fast else 9) as archive:
        archive.add(folder, arcname=FOLDER, filter=_root_owned)
    return out


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def stage_deb(folder: Path, stage: Path, depends: list[str], glibc: str, icon_dir: Path) -> None:
    """The .deb's file tree and control file under ``stage``."""
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / "opt" / FOLDER
    # Hard links: the staged tree costs no copy of 200 MB.
    shutil.copytree(folder, opt, symlinks=True, copy_function=os.link)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in PROGRAMS:
        # Relative, so an unpacked tree (dpkg-deb -x) runs wherever it lands.
        (bin_dir / program).symlink_to(Path("..", "..", "opt", FOLDER, program))
    share = stage / "usr" / "share"
    _install(ROOT / "resources" / "linux" / f"{APP_ID}.desktop", share / "applications")
    _install(ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icon_set = icons.make_icons(ROOT / "resources" / "icons" / "kokoon-desktop.svg", icon_dir)
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        _install(icon_set.pngs[size], target.parent, name=target.name)
    _install(
        ROOT / "resources" / "icons" / "kokoon-desktop.svg",
        share / "icons" / "hicolor" / "scalable" / "apps",
        name=f"{APP_ID}.svg",
    )
    doc = share / "doc" / PACKAGE
    _install(folder / "THIRD-PARTY-NOTICES", doc)
    (doc / "copyright").write_text(_copyright(), encoding="utf-8")
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        _control(depends, glibc, installed_kib=_kib(stage)), encoding="utf-8"
    )
    _normalise_modes(stage)


def _install(source: Path, folder: Path, *, name: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, folder / (name or source.name))


def _copyright() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Kokoon Desktop\n"
        f"Source: {HOMEPAGE}\n\n"
        "Files: *\n"
        "License: GPL-3.0-or-later\n"
        " On Debian systems the full text is in /usr/share/common-licenses/GPL-3.\n"
        " The bundled third-party components and their licences are listed in\n"
        " /usr/share/doc/kokoon-desktop/THIRD-PARTY-NOTICES.\n"
    )


def _control(depends: list[str], glibc: str, *, installed_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join([f'libc6 (>= {glibc})', *depends])}\n"
        "Section: video\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        "Description: desktop client for Kokoon cloud video super-resolution\n"
        " Drop a clip on the window, trim it frame-exactly, see the cost, and get the\n"
        " upscaled result back next to your edit. Includes the `kokoon` command line.\n"
        " .\n"
        f" Self-contained (Python, Qt and FFmpeg are bundled); needs glibc {glibc} or newer.\n"
    )


def _kib(folder: Path) -> int:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def _normalise_modes(stage: Path) -> None:
    """Directories 755, programs and libraries 755, everything else 644 (what dpkg expects)."""
    for path in stage.rglob("*"):
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)


def build_deb(stage: Path, out: Path, *, fast: bool) -> Path:
    compression = ["-Zgzip", "-z1"] if fast else ["-Zxz", "-z6"]
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", *compression, "--build", str(stage), str(out)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return out


def build(*, fast: bool, skip_freeze: bool) -> Outputs:
    dist, work = ROOT / "dist", ROOT / "build"
    folder = dist / FOLDER
    started = time.monotonic()
    if not skip_freeze:
        freeze(dist, work)
    print(f"frozen in {time.monotonic() - started:.0f} s: {folder}")
    reach, glibc = check_libraries(folder)
    add_licences(folder)
    size = folder_mib(folder)
    print(f"{folder.name}/: {size} MiB (budget {SIZE_BUDGET_MIB}); needs glibc {glibc}")
    depends = [*reach.debian_packages, *SYSTEM_DATA_PACKAGES]
    print(f"from the system: {', '.join(depends)}")
    if size > SIZE_BUDGET_MIB:
        raise SystemExit(f"the folder is {size} MiB, over the {SIZE_BUDGET_MIB} MiB budget")
    tarball = make_tarball(folder, dist / f"{PACKAGE}-{__version__}-linux-x86_64.tar.gz", fast=fast)
    stage = work / "deb" / f"{PACKAGE}_{__version__}_amd64"
    stage_deb(folder, stage, depends, bundle_rules.GLIBC_FLOOR, work / "icons")
    deb = build_deb(stage, dist / f"{PACKAGE}_{__version__}_amd64.deb", fast=fast)
    for made in (tarball, deb):
        print(f"{made.relative_to(ROOT)}: {made.stat().st_size / 2**20:.1f} MiB")
    print(f"done in {time.monotonic() - started:.0f} s")
    return Outputs(folder, tarball, deb, depends, glibc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--fast", action="store_true", help="quick compression (CI)")
    parser.add_argument("--skip-freeze", action="store_true", help="reuse dist/kokoon-desktop")
    args = parser.parse_args(argv)
    build(fast=args.fast, skip_freeze=args.skip_freeze)
    return 0


if __name__ == "__main__":
    sys.exit(main())
