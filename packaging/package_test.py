"""``make package-test``: the built .deb and tarball, unpacked and run as a user's machine would.

Each program runs from the unpacked files with a bare environment (no virtual environment,
``PATH=/usr/bin:/bin``, a fresh home), so nothing from the build machine's Python can stand in
for a piece the bundle lost. Checked:

- the .deb's files, control fields, desktop entry (``desktop-file-validate``) and AppStream
  metadata (``appstreamcli``);
- ``kokoon-desktop --version``, ``kokoon --version`` and ``kokoon-desktop --demo --smoke-test``
  (offscreen) from the .deb's tree, and the smoke test again from the tarball unpacked
  elsewhere (nothing assumes ``/opt``);
- that each native self-check fails when its piece is taken out of the bundle;
- that stderr holds nothing but the lines allowed below, each with its reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kokoon_desktop import __version__  # noqa: E402

APP_ID = "io.kokoon.KokoonDesktop"
DEB = ROOT / "dist" / f"kokoon-desktop_{__version__}_amd64.deb"
TARBALL = ROOT / "dist" / f"kokoon-desktop-{__version__}-linux-x86_64.tar.gz"
CHECKS = ("decode", "jpeg", "keyring", "tls")

#: What the frozen programs may print on stderr, and why each is harmless.
STDERR_ALLOWED: dict[str, str] = {
    # The bare environment has no LANG: Qt says it switches to a UTF-8 locale by itself.
    r'Detected locale "C" with character encoding "ANSI_X3\.4-1968", which is not UTF-8\.': (
        "bare environment without LANG"
    ),
    r"Qt depends on a UTF-8 locale, and has switched to \"C\.UTF-8\" instead\.": (
        "bare environment without LANG"
    ),
    r"If this causes problems, reconfigure your locale\. See the locale\(1\) manual": (
        "bare environment without LANG"
    ),
    r"for more information\.": "bare environment without LANG (end of Qt's locale note)",
    # The headless platform plugin cannot size native windows; it says so per window shown.
    r"This plugin does not support propagateSizeHints\(\)": "offscreen platform plugin",
}

#: Files taken out of the bundle, one at a time, and the self-check that must then fail.
PIECES: dict[str, str] = {
    "jpeg": "_internal/PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "decode": "_internal/av.libs/libavcodec-*",
}


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def run(
    program: Path,
    *args: str,
    home: Path,
    offscreen: bool = False,
    token: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Ran:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), **(extra_env or {})}
    if token is not None:
        env["KOKOON_TOKEN"] = token
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [str(program), *args], env=env, cwd=home, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    return Ran(done.returncode, done.stdout, done.stderr)


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(re.fullmatch(p, line.strip()) for p in STDERR_ALLOWED)
    ]


def smoke(
    program: Path, home: Path, *, demo: bool = True, extra_env: dict[str, str] | None = None
) -> tuple[Ran, dict[str, object]]:
    """The smoke test in demo mode; or, with ``demo`` False, against a port where nothing
    listens (the self-checks still run and report, without the simulator, which itself needs
    the pieces taken out in check_missing_pieces)."""
    profile = home / "profile"
    service = ["--demo"] if demo else ["--api-url", "http://127.0.0.1:9"]
    ran = run(program, *service, "--smoke-test", "--profile-dir", str(profile), home=home,
              offscreen=True, token=None if demo else "package-test",
              extra_env=extra_env)  # fmt: skip
    lines = [line for line in ran.stdout.splitlines() if line.strip()]
    check(len(lines) == 1, f"smoke test printed {lines!r}; stderr: {ran.stderr}")
    return ran, json.loads(lines[0])


def check_programs(root: Path, home: Path) -> None:
    """--version of both programs and the smoke test, from ``root``'s links in usr/bin."""
    gui, cli = root / "usr" / "bin" / "kokoon-desktop", root / "usr" / "bin" / "kokoon"
    for program, expected in (
        (gui, f"Kokoon Desktop {__version__}"),
        (cli, f"kokoon {__version__}"),
    ):
        ran = run(program, "--version", home=home)
        check(ran.code == 0 and ran.stdout.strip() == expected, f"{program.name} --version: {ran}")
        check(not unexpected_stderr(ran.stderr), f"{program.name} --version stderr: {ran.stderr}")
    ran, outcome = smoke(gui, home)
    check(ran.code == 0 and outcome.get("ok") is True, f"smoke test: {outcome} {ran.stderr}")
    check(
        outcome.get("checks") == dict.fromkeys(CHECKS, True),
        f"self-checks: {outcome.get('checks')} {outcome.get('check_details')}",
    )
    check(not unexpected_stderr(ran.stderr), f"smoke test stderr: {unexpected_stderr(ran.stderr)}")
    print(f"  programs run; self-checks: {outcome.get('check_details')}")


def check_missing_pieces(folder: Path, gui: Path, home: Path) -> None:
    """Take each piece out in turn: its check, and only its, must fail. TLS trusts the system's
    certificate store, which is the machine's, not the bundle's: it is emptied instead."""
    for name, pattern in PIECES.items():
        matches = sorted(folder.glob(pattern))
        check(len(matches) == 1, f"{pattern}: expected one file, found {matches}")
        with _taken_out(matches[0]):
            _only_fails(name, f"without {matches[0].name}", *smoke(gui, home, demo=False))
    empty = home / "no-authorities"
    empty.mkdir(exist_ok=True)
    (empty / "ca-certificates.crt").write_text("")
    store = {"SSL_CERT_FILE": str(empty / "ca-certificates.crt"), "SSL_CERT_DIR": str(empty)}
    ran, outcome = smoke(gui, home, demo=False, extra_env=store)
    _only_fails("tls", "with an empty certificate store", ran, outcome)


def _only_fails(name: str, condition: str, ran: Ran, outcome: dict[str, object]) -> None:
    checks, details = outcome.get("checks"), outcome.get("check_details")
    expected = {c: c != name for c in CHECKS}
    check(ran.code != 0 and checks == expected, f"{condition}: {checks} {details}")
    assert isinstance(details, dict)
    print(f"  {condition}: {name} fails ({details[name]})")


@contextmanager
def _taken_out(path: Path) -> Iterator[None]:
    # Out of its folder altogether: Qt looks into every file of a plugin folder, whatever its
    # name, so a renamed plugin would still load.
    with tempfile.TemporaryDirectory() as aside:
        moved = Path(aside) / path.name
        shutil.move(path, moved)
        try:
            yield
        finally:
            shutil.move(moved, path)


def check_deb_metadata(root: Path) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(DEB)], check=True, capture_output=True, text=True
    ).stdout
    check(f"Version: {__version__}" in fields, fields)
    depends = next(line for line in fields.splitlines() if line.startswith("Depends:"))
    for package in (
        "libc6 (>= 2.36)", "libxcb-cursor0", "libxkbcommon-x11-0", "libgl1", "ca-certificates",
    ):  # fmt: skip
        check(package in depends, f"Depends lacks {package}: {depends}")
    internal = root / "opt" / "kokoon-desktop" / "_internal"
    for system_library in ("libxcb.so.1", "libX11.so.6", "libGL.so.1"):
        check(not (internal / system_library).exists(), f"{system_library} is bundled")
    share = root / "usr" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    for path in (
        desktop, metainfo,
        share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        share / "doc" / "kokoon-desktop" / "copyright",
        root / "opt" / "kokoon-desktop" / "THIRD-PARTY-NOTICES",
        root / "opt" / "kokoon-desktop" / "LICENSE",
    ):  # fmt: skip
        check(path.is_file(), f"missing in the .deb: {path.relative_to(root)}")
    validate = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    check(validate.returncode == 0 and not validate.stdout.strip(), validate.stdout)
    appstream = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    check(appstream.returncode == 0, appstream.stdout + appstream.stderr)
    print(f"  {DEB.name}: {depends}")


def check_windows_installer_script(folder: Path, scratch: Path) -> None:
    """Compile the NSIS script over the real folder (Linux files, Windows layout): a syntax and
    completeness check of what the Windows runner will run."""
    if shutil.which("makensis") is None:
        print("  makensis is not installed (Debian: nsis): the installer script is not checked")
        return
    out = scratch / f"KokoonDesktop-{__version__}-setup.exe"
    icon = ROOT / "build" / "icons" / "kokoon-desktop.ico"
    done = subprocess.run(
        ["makensis", "-V2", "-WX", f"-DVERSION={__version__}", f"-DSOURCE_DIR={folder}",
         f"-DOUT_FILE={out}", f"-DICON={icon}", "-DFAST",
         str(HERE / "windows" / "kokoon-desktop.nsi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    check(done.returncode == 0, f"makensis: {done.stdout}{done.stderr}")
    print(f"  NSIS script compiles over the folder ({out.stat().st_size / 2**20:.0f} MiB, stored)")
    out.unlink()


def main() -> int:
    for tool in ("dpkg-deb", "desktop-file-validate", "appstreamcli"):
        if shutil.which(tool) is None:
            print(f"package-test needs {tool} (Debian: dpkg, desktop-file-utils, appstream)")
            return 2
    for made in (DEB, TARBALL):
        if not made.is_file():
            print(f"{made.relative_to(ROOT)} is missing: run `make package` first")
            return 2
    with tempfile.TemporaryDirectory(prefix="kokoon-package-test-") as tmp:
        scratch = Path(tmp)
        home = scratch / "home"
        home.mkdir()
        try:
            print(f"{DEB.name}, unpacked:")
            deb_root = scratch / "deb"
            subprocess.run(["dpkg-deb", "-x", str(DEB), str(deb_root)], check=True)
            check_deb_metadata(deb_root)
            check_programs(deb_root, home)
            check_missing_pieces(
                deb_root / "opt" / "kokoon-desktop",
                deb_root / "usr" / "bin" / "kokoon-desktop",
                home,
            )
            print(f"{TARBALL.name}, unpacked in another place:")
            elsewhere = scratch / "somewhere" / "else"
            with tarfile.open(TARBALL) as archive:
                archive.extractall(elsewhere, filter="tar")
            ran, outcome = smoke(elsewhere / "kokoon-desktop" / "kokoon-desktop", home)
            check(ran.code == 0 and outcome.get("checks") == dict.fromkeys(CHECKS, True),
                  f"from the tarball: {outcome} {ran.stderr}")  # fmt: skip
            print("  smoke test passes from", elsewhere)
            print("Windows installer script:")
            check_windows_installer_script(elsewhere / "kokoon-desktop", scratch)
        except Failed as failure:
            print(f"package-test FAILED: {failure}")
            return 1
    print("package-test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
