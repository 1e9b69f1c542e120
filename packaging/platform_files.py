"""Files the Windows and macOS builds need, made from the app's version at build time.

- the Windows version resource PyInstaller stamps into both .exe files (Explorer's Details tab,
  the installer's and antivirus vendors' view of the program);
- the macOS bundle's Info.plist entries: identity, version, and the movie types the Finder
  offers to open with the app.
"""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

from packaging.version import Version

APP_NAME = "Kokoon Desktop"
BUNDLE_ID = "io.kokoon.KokoonDesktop"
PUBLISHER = "Kokoon"
#: PySide6 6.7 and later run on macOS 11 (Big Sur) and newer.
MACOS_MINIMUM = "11.0"

#: The movie types "Open With" lists the app for (Uniform Type Identifiers).
MOVIE_TYPES = [
    "public.movie",
    "public.mpeg-4",
    "com.apple.quicktime-movie",
    "public.avi",
    "public.mpeg-2-transport-stream",
    "public.mpeg",
    "org.matroska.mkv",
    "org.webmproject.webm",
]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); pre-release and local parts are dropped (Windows wants four
    numbers)."""
    padded = [*Version(version).release, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def windows_version_info(version: str) -> str:
    """A PyInstaller version file (``EXE(version=...)``) for both programs."""
    numbers = version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": APP_NAME,
        "FileVersion": dotted,
        "InternalName": "kokoon-desktop",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "kokoon-desktop.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"            StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Made by packaging/platform_files.py for PyInstaller's EXE(version=...).
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{entries},
        ],
      )
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ],
)
"""


def macos_info_plist(version: str) -> dict[str, Any]:
    """Entries PyInstaller's BUNDLE(info_plist=...) adds to the app's Info.plist."""
    return {
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": ".".join(str(n) for n in version_tuple(version)[:3]),
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "LSApplicationCategoryType": "public.app-category.video",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follows the system's dark mode
        "NSHumanReadableCopyright": "GPL-3.0-or-later",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Movie",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": MOVIE_TYPES,
            }
        ],
    }


def write_macos_info_plist(version: str, path: Path) -> Path:
    """The same entries as a standalone Info.plist (for inspection and for other tools)."""
    with path.open("wb") as file:
        plistlib.dump(macos_info_plist(version), file)
    return path
