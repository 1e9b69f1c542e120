"""THIRD-PARTY-NOTICES: the licence of everything the frozen bundle carries, made at build time.

    python packaging/notices.py OUT [--bundle DIR] [--allow-missing]

Three parts, each sorted so the file only changes when the bundle does:

1. The Python distributions the app runs on (its runtime requirements, followed transitively,
   without the developer tools the spec leaves out), each with its licence and the full text
   of its licence files.
2. The native libraries in the bundle that are not a distribution's own code: Qt (under the
   LGPL), FFmpeg and the codec libraries PyAV brings (libx264 and libx265 are GPL, which is why
   the app is GPL-3.0-or-later), and the system libraries copied from the build machine. Each
   file is matched against the table below; one it does not know is reported.
3. The Python interpreter (PSF-2.0).

Anything without a licence (a new dependency, an unknown library) makes the command fail unless
``--allow-missing``: a bundle is not shipped with an unlicensed part unnoticed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
APP_DISTRIBUTION = "kokoon-desktop"
#: Requirements the spec keeps out of the bundle (the simulator's socket server).
NOT_BUNDLED = frozenset({"uvicorn", "httptools"})
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)
SEPARATOR = "=" * 78

#: Native libraries by the start of their file name: (component, SPDX licence, licence text
#: shipped in packaging/licenses/ or None when the component's text is its SPDX licence's
#: well-known short form quoted in the notice).
NATIVE: dict[str, tuple[str, str, str | None]] = {
    "libQt6": ("Qt 6 (The Qt Company)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libpyside6": ("PySide6 (The Qt Company)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libshiboken6": ("Shiboken6 (The Qt Company)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libqxcb": ("Qt 6 platform plugins", "LGPL-3.0-only", "LGPL-3.0.txt"),
    "libicu": ("ICU (Unicode, Inc.)", "Unicode-3.0", None),
    # PyAV's FFmpeg is built with libx264 and libx265: the build as a whole is GPL.
    "libavcodec": ("FFmpeg libavcodec", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libavdevice": ("FFmpeg libavdevice", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libavfilter": ("FFmpeg libavfilter", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libavformat": ("FFmpeg libavformat", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libavutil": ("FFmpeg libavutil", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libswresample": ("FFmpeg libswresample", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libswscale": ("FFmpeg libswscale", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libx264": ("x264 (VideoLAN)", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libx265": ("x265 (MulticoreWare)", "GPL-2.0-or-later", "GPL-2.0.txt"),
    "libSvtAv1Enc": ("SVT-AV1 (Alliance for Open Media)", "BSD-3-Clause-Clear", None),
    "libdav1d": ("dav1d (VideoLAN)", "BSD-2-Clause", None),
    "libvpx": ("libvpx (The WebM Project)", "BSD-3-Clause", None),
    "libvpl": ("oneVPL dispatcher (Intel)", "MIT", None),
    "libopus": ("Opus (Xiph.Org)", "BSD-3-Clause", None),
    "libmp3lame": ("LAME", "LGPL-2.0-or-later", "LGPL-2.1.txt"),
    "libopencore-amr": ("opencore-amr", "Apache-2.0", None),
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
    "libssl": ("OpenSSL", "Apache-2.0", None),
    "libcrypto": ("OpenSSL", "Apache-2.0", None),
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


#: Distributions whose wheels carry no licence file: the text of the licence they are used
#: under here, from packaging/licenses/.
TEXT_FALLBACK = {"pyside6-essentials": "LGPL-3.0.txt", "shiboken6": "LGPL-3.0.txt"}


@dataclass(frozen=True)
class Entry:
    title: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (name, text)


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
    fallback = TEXT_FALLBACK.get(_normalise(meta["Name"]))
    if not texts and fallback:
        texts.append((fallback, (HERE / "licenses" / fallback).read_text(encoding="utf-8")))
    return Entry(f"{meta['Name']} {dist.version}", licence, tuple(texts))


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    """A metadata field, None when absent (indexing raises on newer Pythons)."""
    values = meta.get_all(name)
    return values[0] if values else None


def _short_licence(text: str | None) -> str | None:
    """The License field when it names a licence; None when it holds a whole licence text."""
    if not text or "\n" in text.strip() or len(text) > 100:
        return None
    return text.strip()


def native_entries(bundle: Path) -> tuple[list[Entry], list[str]]:
    """One entry per component found among the bundle's libraries; and the unknown files."""
    found: dict[str, list[str]] = {}
    unknown: list[str] = []
    for path in sorted(bundle.rglob("*")):
        name = path.name
        if not name.startswith("lib") or ".so" not in name or path.is_symlink():
            continue
        prefix = next((p for p in NATIVE if name.startswith(p)), None)
        if prefix is None:
            if "/plugins/" not in path.as_posix():  # Qt's plugins are Qt's own
                unknown.append(name)
            continue
        found.setdefault(prefix, []).append(name)
    entries = []
    for prefix, files in sorted(found.items()):
        component, licence, text_file = NATIVE[prefix]
        text = (HERE / "licenses" / text_file).read_text(encoding="utf-8") if text_file else None
        texts = ((text_file, text),) if text_file and text else ()
        entries.append(Entry(f"{component}: {', '.join(sorted(files))}", licence, texts))
    return entries, unknown


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
    for heading, entries in sections:
        lines += [SEPARATOR, heading, SEPARATOR, ""]
        for entry in entries:
            lines += [f"* {entry.title}", f"  Licence: {entry.licence or 'UNKNOWN'}", ""]
            for name, text in entry.texts:
                lines += [f"  --- {name} ---", "", text.rstrip(), ""]
    return "\n".join(lines) + "\n"


def write_notices(out: Path, distributions: Iterable[str], bundle: Path | None = None) -> list[str]:
    """Write the notices; returns what lacks a licence (empty when all is well)."""
    python_entries = [distribution_entry(name) for name in distributions]
    missing = [e.title for e in python_entries if not e.licence or not e.texts]
    sections = [("Python packages", python_entries)]
    if bundle is not None:
        native, unknown = native_entries(bundle)
        missing += [f"native library {name}" for name in unknown]
        sections.append(("Native libraries", native))
    sections.append(("The Python interpreter", [python_entry()]))
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
