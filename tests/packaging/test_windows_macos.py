"""What the Windows and macOS runners build with, checked as far as Linux allows: the version
resource and Info.plist as their tools read them, the NSIS script compiled by Debian's
makensis, the shell scripts, and the workflows that run them."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml

from kokoon_desktop import __version__
from tests.packaging.scripts import load

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
NSIS = ROOT / "packaging" / "windows" / "kokoon-desktop.nsi"
SCRIPTS = sorted((ROOT / "packaging" / "macos").glob("*.sh"))

platform_files = load("platform_files")


def test_version_tuples_have_four_numbers() -> None:
    assert platform_files.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert platform_files.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert platform_files.version_tuple("2.0") == (2, 0, 0, 0)


def test_pyinstaller_reads_the_windows_version_resource(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PyInstaller's parser imports two Windows-only modules it does not need for reading.
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", types.ModuleType("win32api"), raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    path = tmp_path / "version_info.txt"
    path.write_text(platform_files.windows_version_info("1.4.2"), encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((1 << 16) | 4, 2 << 16)
    text = str(info)
    assert "'ProductName', 'Kokoon Desktop'" in text and "'ProductVersion', '1.4.2'" in text
    assert len(info.toRaw()) > 300  # it serialises into a real resource


def test_the_info_plist_opens_movies_and_says_who_the_app_is(tmp_path: Path) -> None:
    path = platform_files.write_macos_info_plist(__version__, tmp_path / "Info.plist")
    with path.open("rb") as file:
        plist: dict[str, Any] = plistlib.load(file)
    assert plist["CFBundleIdentifier"] == "io.kokoon.KokoonDesktop"
    assert plist["CFBundleShortVersionString"] == __version__
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["CFBundleTypeRole"] == "Viewer" and document["LSHandlerRank"] == "Alternate"
    assert {"public.movie", "com.apple.quicktime-movie", "public.mpeg-4"} <= set(
        document["LSItemContentTypes"]
    )


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (Debian: nsis)")
def test_the_nsis_script_compiles(tmp_path: Path) -> None:
    # makensis does not care what the files are: a folder shaped like the frozen one will do.
    folder = tmp_path / "kokoon-desktop"
    (folder / "_internal" / "PySide6").mkdir(parents=True)
    for name in ("kokoon-desktop.exe", "kokoon.exe", "_internal/python311.dll"):
        (folder / name).write_bytes(b"MZ")
    (folder / "LICENSE").write_text("GPL-3.0-or-later", encoding="utf-8")
    out = tmp_path / f"KokoonDesktop-{__version__}-setup.exe"  # the name the runner gives it
    done = subprocess.run(
        ["makensis", "-V2", "-WX", f"-DVERSION={__version__}", f"-DSOURCE_DIR={folder}",
         f"-DOUT_FILE={out}", "-DFAST", str(NSIS)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_the_nsis_script_registers_every_type_the_desktop_entry_opens() -> None:
    script = NSIS.read_text(encoding="utf-8")
    for extension in (".mp4", ".mov", ".mkv", ".mts", ".m2ts", ".ts", ".webm"):
        assert f'!insertmacro ${{MACRO}} "{extension}"' in script
    assert "RequestExecutionLevel user" in script and "HKLM" not in script


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_the_shell_scripts_parse(script: Path) -> None:
    subprocess.run(["bash", "-n", str(script)], check=True)
    if shutil.which("shellcheck"):
        done = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout


def test_signing_is_skipped_cleanly_without_secrets(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "RUNNER_TEMP": str(tmp_path)}
    script = ROOT / "packaging" / "macos" / "sign_and_notarize.sh"
    done = subprocess.run(
        ["bash", str(script), str(tmp_path / "Kokoon Desktop.app")],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and "unsigned" in done.stdout


def _workflows() -> dict[str, dict[str, Any]]:
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(WORKFLOWS.glob("*.yml"))
    }


def test_each_platform_has_a_workflow_that_freezes_with_the_one_spec() -> None:
    workflows = _workflows()
    assert {"ci-linux.yml", "build-windows.yml", "build-macos.yml"} <= set(workflows)
    for name in ("build-windows.yml", "build-macos.yml"):
        runs = " ".join(
            step.get("run", "") for job in workflows[name]["jobs"].values() for step in job["steps"]
        )
        assert "pyinstaller packaging/kokoon-desktop.spec" in runs
        assert "--smoke-test" in runs


def test_the_workflows_run_files_that_exist() -> None:
    for name, workflow in _workflows().items():
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                for word in step.get("run", "").replace("\\\\", "/").split():
                    word = word.strip("\"'")
                    if word.startswith(("packaging/", ".ci/")):
                        assert (ROOT / word).exists(), f"{name}: {word}"
