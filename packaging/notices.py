"""THIRD-PARTY-NOTICES: the licence of everything the frozen bundle carries, made at build time.

    python packaging/notices.py OUT [--bundle DIR] [--allow-missing]

Three parts, each sorted so the file only changes when the bundle does:

1. The Python distributions the app runs on (its runtime requirements, followed transitively,
   without the developer tools the spec leaves out), each with its licence and the full text
   of its licence files.
2. The native libraries that are not a distribution's own code: Qt (under the LGPL), FFmpeg
   and the codec libraries PyAV brings (libx264 and libx265 are GPL, which is why the app is
   GPL-3.0-or-later), and, in a bundle, the system libraries copied from the build machine.
   They are read from the frozen folder (``--bundle``) or, without one, from the files the
   distributions installed (the same Qt and FFmpeg the build will take). Each file is matched
   against the table below, grouped by component; one it does not know is reported.
3. The Python interpreter (PSF-2.0), with the licence text of the CPython that runs this.

Anything without a licence (a new dependency, an unknown library) makes the command fail unless
``--allow-missing``: a bundle is not shipped with an unlicensed part unnoticed.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePath

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
APP_DISTRIBUTION = "kokoon-desktop"
#: Requirements the spec keeps out of the bundle (the simulator's socket server).
NOT_BUNDLED = frozenset({"uvicorn", "httptools"})
#: A distribution's licence files: by name, or anything in its metadata's licenses/ folder
#: (PEP 639).
LICENCE_FILE = re.compile(
    r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$|\.dist-info/licenses/", re.IGNORECASE
)
#: Folders of Qt's own plugins (platforms, image formats, QML modules): Qt's code, Qt's licence.
QT_PLUGIN_FOLDERS = ("plugins", "qml")
SEPARATOR = "=" * 78
WIDTH = 78

#: FFmpeg's own libraries, as PyAV bundles them.
FFMPEG_LIBRARIES: tuple[str, ...] = ("libavcodec", "libavdevice", "libavfilter", "libavformat")
FFMPEG_LIBRARIES += ("libavutil", "libswresample", "libswscale")

#: Native libraries by the start of their file name: (component, SPDX licence, the licence's
#: text in packaging/licenses/, or None where the notice names the licence by its SPDX id).
#: Libraries of one component share its entry.
NATIVE: dict[str, tuple[str, str, str | None]] = {
    # Qt's plugins (under plugins/ and qml/) are covered by this entry too.
    "libQt6": ("Qt 6 (The Qt Company)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libpyside6": ("PySide6 (The Qt Company)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libshiboken6": ("Shiboken6 (The Qt Company)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libicu": ("ICU (Unicode, Inc.)", "Unicode-3.0", None),
    # PyAV's FFmpeg is built with libx264 and libx265: the build as a whole is GPL.
    **dict.fromkeys(FFMPEG_LIBRARIES, ("FFmpeg", "GPL-2.0-or-later", "GPL-2.0.txt")),
    "libx264": ("x264 (VideoLAN)", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libx265": ("x265 (MulticoreWare)", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libSvtAv1Enc": ("SVT-AV1 (Alliance for Open Media)", "BSD-3-Clause-Clear", None),
    "libdav1d": ("dav1d (VideoLAN)", "BSD-2-Clause", None),
    "libvpx": ("libvpx (The WebM Project)", "BSD-3-Clause", None),
    "libvpl": ("oneVPL dispatcher (Intel)", "MIT", None),
    "libopus": ("Opus (Xiph.Org)", "BSD-3-Clause", None),
    "libmp3lame": ("LAME", "LGPL-2.0-or-later", "LGPL-2.1.txt"),
    "libopencore-amr": ("opencore-amr", "Apache-2.0", "Apache-2.0.txt"),
    "libwebp": ("libwebp (Google)", "BSD-3-Clause", None),
    "libsharpyuv": ("libwebp sharpyuv (Google)", "BSD-3-Clause", None),
    "libgnutls": ("GnuTLS", "LGPL-2.1-or-later", "LGPL-2.1.txt"),
    "libnettle": ("Nettle", "LGPL-3.0-or-later OR GPL-2.0-or-later", "LGPL-3.0.txt"),
    "libhogweed": ("Nettle (hogweed)", "LGPL-3.0-or-later OR GPL-2.0-or-later", "LGPL-3.0.txt"),
    "libgmp": ("GNU MP", "LGPL-3.0-or-later OR GPL-2.0-or-later", "LGPL-3.0.txt"),
    "libunistring": ("GNU libunistring", "LGPL-3.0-or-later OR GPL-2.0-or-later", "LGPL-3.0.txt"),
    "libasound": ("ALSA library", "LGPL-2.1-or-later", "LGPL-2.1.txt"),
    "libdrm": ("libdrm", "MIT", None),
    "libxcb": ("libxcb (X.Org)", "MIT", None),
    "libXau": ("libXau (X.Org)", "MIT", None),
    # From the build machine (Debian 12), beside libpython.
    "libpython": ("CPython", "PSF-2.0", None),
    "libstdc++": ("GCC runtime (libstdc++)", "GPL-3.0-with-GCC-exception", None),
    "libgcc_s": ("GCC runtime (libgcc)", "GPL-3.0-with-GCC-exception", None),
    "libssl": ("OpenSSL", "Apache-2.0", "Apache-2.0.txt"),
    "libcrypto": ("OpenSSL", "Apache-2.0", "Apache-2.0.txt"),
    "libsqlite3": ("SQLite", "blessing", None),
    "libffi": ("libffi", "MIT", None),
    "liblzma": ("XZ Utils", "0BSD", None),
    "libbz2": ("bzip2", "bzip2-1.0.6", None),
    "libz.": ("zlib", "Zlib", None),
    "libzstd": ("Zstandard (Meta)", "BSD-3-Clause OR GPL-2.0-only", None),
    "libbrotli": ("Brotli (Google)", "MIT", None),
    "libgssapi_krb5": ("MIT Kerberos", "MIT", None),
    "libkrb5": ("MIT Kerberos", "MIT", None),
    "libk5crypto": ("MIT Kerberos", "MIT", None),
    "libcom_err": ("MIT Kerberos (com_err)", "MIT", None),
    "libkeyutils": ("keyutils", "LGPL-2.1-or-later", "LGPL-2.1.txt"),
    "libuuid": ("util-linux libuuid", "BSD-3-Clause", None),
    "libcffi": ("cffi", "MIT", None),
}


#: Native code linked statically into a distribution's own extension, by distribution: it has no
#: library file of its own to find.
EMBEDDED: dict[str, tuple[str, str, str | None]] = {
    "cryptography": ("OpenSSL, in cryptography's extension", "Apache-2.0", "Apache-2.0.txt"),
}

#: Distributions whose wheels carry no licence file (PySide6's wheels have none, nor Qt's
#: texts): the text of the licence they are used under here, from packaging/licenses/.
TEXT_FALLBACK = {"pyside6-essentials": "LGPL-3.0.txt", "shiboken6": "LGPL-3.0.txt"}


#: What a licence text builds on, when that text is not complete alone.
TEXT_NOTES = {
    "LGPL-3.0.txt": "The GNU LGPL version 3 adds to the GNU GPL version 3, whose full text is in"
    " LICENSE beside this file.",
}


@dataclass(frozen=True)
class Entry:
    title: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (name, text), printed with the entry
    files: tuple[str, ...] = ()  # for native components: the library files it covers
    shared_text: str | None = None  # a file of packaging/licenses/, printed once at the end


def bundled_distributions() -> list[str]:
    """The app's runtime requirements, transitively, by normalised name (without the app)."""
    seen: set[str] = set()
    pending = [APP_DISTRIBUTION]
    while pending:
        name = pending.pop()
        for spec in metadata.requires(name) or ():
            requirement = Requirement(spec)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = _normalise(requirement.name)
            if key in seen or key in NOT_BUNDLED:
                continue
            seen.add(key)
            pending.append(key)
    return sorted(seen)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_entry(name: str) -> Entry:
    dist = metadata.distribution(name)
    meta = dist.metadata
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License ::" in c
    ]
    licence = (
        _field(meta, "License-Expression")
        or _short_licence(_field(meta, "License"))
        or "; ".join(classifiers)
    )
    texts = []
    for file in sorted(dist.files or [], key=str):
        if LICENCE_FILE.search(str(file)) and file.suffix not in (".py", ".pyc"):
            path = Path(str(file.locate()))
            if path.is_file():
                texts.append((file.name, path.read_text(encoding="utf-8", errors="replace")))
    fallback = None if texts else TEXT_FALLBACK.get(_normalise(meta["Name"]))
    return Entry(f"{meta['Name']} {dist.version}", licence, tuple(texts), shared_text=fallback)


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    """A metadata field, None when absent (indexing raises on newer Pythons)."""
    values = meta.get_all(name)
    return values[0] if values else None


def _short_licence(text: str | None) -> str | None:
    """The License field when it names a licence; None when it holds a whole licence text."""
    if not text or "\n" in text.strip() or len(text) > 100:
        return None
    return text.strip()


def bundle_libraries(bundle: Path) -> list[PurePath]:
    """The shared libraries in a frozen folder, relative to it (not the symlinks to them)."""
    return [
        path.relative_to(bundle)
        for path in bundle.rglob("lib*.so*")
        if path.is_file() and not path.is_symlink()
    ]


def distribution_libraries(distributions: Iterable[str]) -> list[PurePath]:
    """The shared libraries the distributions installed: Qt's in PySide6, FFmpeg's in av.libs."""
    found: list[PurePath] = []
    for name in distributions:
        for file in metadata.distribution(name).files or ():
            if file.name.startswith("lib") and ".so" in file.name:
                found.append(PurePath(str(file)))
    return found


def native_entries(libraries: Iterable[PurePath]) -> tuple[list[Entry], list[str]]:
    """One entry per component among the libraries, by its title; and the unknown files."""
    found: dict[tuple[str, str, str | None], set[str]] = {}
    unknown: set[str] = set()
    for path in libraries:
        name = path.name
        if set(QT_PLUGIN_FOLDERS) & set(path.parts[:-1]):
            continue  # a Qt plugin (some are named like other libraries: libdrm-egl-server)
        prefix = next((p for p in NATIVE if name.startswith(p)), None)
        if prefix is None:
            unknown.add(name)
            continue
        found.setdefault(NATIVE[prefix], set()).add(name)
    entries = [
        Entry(component, licence, (), tuple(sorted(files)), text_file)
        for (component, licence, text_file), files in found.items()
    ]
    return sorted(entries, key=_order), sorted(unknown)


def _order(entry: Entry) -> tuple[str, str]:
    return entry.title.lower(), entry.licence


def python_entry() -> Entry:
    licence = Path(sys.base_prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}")
    candidates = [licence / "LICENSE.txt", Path(sys.base_prefix, "LICENSE.txt")]
    texts = tuple((p.name, p.read_text(encoding="utf-8")) for p in candidates if p.is_file())[:1]
    return Entry(f"Python {sys.version.split()[0]}", "PSF-2.0", texts)


def render(sections: Iterable[tuple[str, list[Entry]]], missing: list[str]) -> str:
    lines = [
        "Kokoon Desktop — third-party notices",
        "",
        "Kokoon Desktop is free software under the GNU General Public License, version 3 or",
        "later (see LICENSE). It bundles the components below, each under its own licence.",
        "",
    ]
    if missing:
        lines += ["WARNING: no licence found for:", *(f"  - {m}" for m in missing), ""]
    shared: set[str] = set()
    for heading, entries in sections:
        lines += [SEPARATOR, heading, SEPARATOR, ""]
        for entry in entries:
            lines += [f"* {entry.title}", f"  Licence: {entry.licence or 'UNKNOWN'}"]
            if entry.files:
                lines += _wrap("Files: " + ", ".join(entry.files), "  ", "    ")
            if entry.shared_text:
                shared.add(entry.shared_text)
                lines.append(f"  Licence text: {entry.shared_text}, under “Licence texts” below")
            lines.append("")
            for name, text in entry.texts:
                lines += [f"  --- {name} ---", "", text.rstrip(), ""]
                lines += [f"  --- end of {name} ---", ""]
    if shared:
        lines += [SEPARATOR, "Licence texts", SEPARATOR, ""]
        for name in sorted(shared):
            lines += [f"--- {name} ---", ""]
            if name in TEXT_NOTES:
                lines += [*_wrap(TEXT_NOTES[name]), ""]
            lines += [(HERE / "licenses" / name).read_text(encoding="utf-8").rstrip(), ""]
            lines += [f"--- end of {name} ---", ""]
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "", subsequent: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent or indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


def write_notices(out: Path, distributions: Iterable[str], bundle: Path | None = None) -> list[str]:
    """Write the notices for these distributions and the native libraries of the bundle (or,
    without one, those the distributions installed). Returns what lacks a licence, empty when
    all is well; each of those is also a warning at the top of the file."""
    names = sorted(set(distributions), key=_normalise)
    python_entries = [distribution_entry(name) for name in names]
    missing = [e.title for e in python_entries if not e.licence or not (e.texts or e.shared_text)]
    libraries = bundle_libraries(bundle) if bundle is not None else distribution_libraries(names)
    native, unknown = native_entries(libraries)
    embedded = [EMBEDDED[key] for key in map(_normalise, names) if key in EMBEDDED]
    native = sorted([*native, *(Entry(c, lic, (), (), t) for c, lic, t in embedded)], key=_order)
    missing += [f"native library {name}" for name in unknown]
    interpreter = python_entry()
    if not interpreter.texts:
        missing.append(f"{interpreter.title} (no LICENSE.txt under {sys.base_prefix})")
    sections = [
        ("Python packages", python_entries),
        ("Native libraries", native),
        ("The Python interpreter", [interpreter]),
    ]
    out.write_text(render(sections, missing), encoding="utf-8")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write THIRD-PARTY-NOTICES.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--bundle", type=Path, help="the frozen folder, for its native libraries")
    parser.add_argument("--allow-missing", action="store_true")
    args = parser.parse_args(argv)
    missing = write_notices(args.out, bundled_distributions(), args.bundle)
    for item in missing:
        print(f"no licence: {item}", file=sys.stderr)
    return 1 if missing and not args.allow_missing else 0


if __name__ == "__main__":
    sys.exit(main())
