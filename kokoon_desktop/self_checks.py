"""Checks that the native pieces the app loads at run time are really there.

A frozen build can lose a piece without failing to start: FFmpeg's libraries, a keyring
backend imported by name, the way to the system's certificate store. ``kokoon-desktop
--smoke-test`` runs these checks (and Qt's JPEG plugin, checked in the UI layer) and reports each
one, so a build that lost something never ships. Each check does the real thing the app does,
on a tiny file shipped in ``resources/selfcheck/``, and is true only when it worked.
"""

from __future__ import annotations

import importlib
import ssl
import sys
from dataclasses import dataclass
from pathlib import Path

from kokoon_desktop.resources import resource

SELFCHECK_VIDEO = ("selfcheck", "selfcheck.mp4")
SELFCHECK_JPEG = ("selfcheck", "selfcheck.jpg")


@dataclass(frozen=True)
class CheckResult:
    """One check: whether it worked, and what it found or why it failed (for the report)."""

    ok: bool
    detail: str

    @classmethod
    def failed(cls, exc: BaseException) -> CheckResult:
        return cls(False, f"{type(exc).__name__}: {exc}")


def check_decode(video: Path | None = None) -> CheckResult:
    """Decode the first frame of the shipped video with the app's own frame reader (PyAV)."""
    path = video or resource(*SELFCHECK_VIDEO)
    try:
        from kokoon_desktop.media.frames import FrameReader

        with FrameReader(path) as reader:
            image = reader.frame_at(0)
            codec = reader.info.codec
    except Exception as exc:  # every failure is the answer
        return CheckResult.failed(exc)
    return CheckResult(True, f"{codec} {image.width}x{image.height}")


#: The keychain backends each platform's users have, by module: keyring imports them by name
#: from its entry points, so a frozen build can lose them without noticing.
PLATFORM_BACKENDS = {
    "linux": ("keyring.backends.SecretService", "keyring.backends.kwallet"),
    "darwin": ("keyring.backends.macOS",),
    "win32": ("keyring.backends.Windows",),
}


def check_keyring(platform: str = sys.platform) -> CheckResult:
    """Name the keyring backend that loads, after checking that the platform's own backends are
    there. The fail backend (no keychain on this computer) counts as loaded: the app then keeps
    a token for the session, which works."""
    try:
        import keyring

        for module in PLATFORM_BACKENDS.get(platform, ()):
            importlib.import_module(module)
        backend = keyring.get_keyring()
    except Exception as exc:
        return CheckResult.failed(exc)
    kind = type(backend)
    return CheckResult(True, f"{kind.__module__}.{kind.__qualname__}")


def check_tls() -> CheckResult:
    """Make the TLS context the API client makes, from the system's trust store, and start a
    session with it in memory.

    On Windows and macOS the system verifies each certificate itself (through truststore), and
    keeps its authorities where they cannot be counted; elsewhere the authorities loaded from
    the system's store are counted: none, and every certificate would be refused.
    """
    try:
        from kokoon_desktop.api.tls import client_ssl_context

        context = client_ssl_context()
        context.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="kokoon.cloud")
        system = _SYSTEM_VERIFIERS.get(sys.platform)
        authorities = 0 if system else context.cert_store_stats()["x509_ca"]
    except Exception as exc:
        return CheckResult.failed(exc)
    if system:
        return CheckResult(True, f"verified by the {system}")
    if authorities == 0:
        found = ssl.get_default_verify_paths()
        where = found.cafile or found.openssl_cafile
        return CheckResult(False, f"no certificate authorities in the system's store ({where})")
    return CheckResult(True, f"{authorities} certificate authorities")


_SYSTEM_VERIFIERS = {"win32": "Windows certificate store", "darwin": "macOS keychain"}


def run_native_checks() -> dict[str, CheckResult]:
    """The Qt-free checks, by the names the smoke test reports them under."""
    return {"decode": check_decode(), "keyring": check_keyring(), "tls": check_tls()}
