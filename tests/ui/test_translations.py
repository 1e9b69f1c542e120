"""The interface in Korean: the window's menus, toolbar, form and empty states read from the
translation built from resources/translations; every string the interface marks for translation
is in the Korean file, translated. Korean reaches users once the whole interface is marked."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kokoon_desktop.resources import resource
from kokoon_desktop.ui import translations
from tests.ui.window_fixtures import WindowHarness, closes_windows

KOREAN_TS = resource("translations", "kokoon_desktop_ko.ts")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[list[str]]:
    if not KOREAN_TS.with_suffix(".qm").is_file():
        subprocess.run(["make", "-C", str(ROOT), "translations"], check=True)
    korea = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    loaded = translations.install(qapp, korea, languages=translations.LANGUAGES)
    yield loaded
    translations.uninstall(qapp)


@closes_windows
async def test_a_korean_system_gets_the_korean_interface(
    qtbot: QtBot, harness: WindowHarness, korean: list[str]
) -> None:
    assert any(path.endswith("kokoon_desktop_ko.qm") for path in korean)
    window = harness.open_window(qtbot)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "보기(&V)", "도움말(&H)"]
    assert window.upload_action.text() == "영상 업로드…"
    assert window.form.submit.text() == "제출"
    assert window.history_pane.empty_label.text().startswith("제출한 작업이")
    assert "여기에 영상을 끌어다 놓거나" in window.drop_target.text


@closes_windows
async def test_english_stays_without_a_translation(qtbot: QtBot, harness: WindowHarness) -> None:
    window = harness.open_window(qtbot)
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.upload_action.text() == "Upload video…"


def test_every_marked_string_is_translated_into_korean(tmp_path: Path) -> None:
    """lupdate, run over the interface's code now, finds no string the Korean file lacks, and
    the file has no unfinished translation."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "kokoon_desktop" / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"  # installed with PySide6
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    marked = {m.findtext("source") for m in _messages(fresh)}
    shipped = {m.findtext("source"): m.find("translation") for m in _messages(KOREAN_TS)}
    assert marked - set(shipped) == set(), "run `make translations-update` and translate them"
    unfinished = [
        source
        for source, translation in shipped.items()
        if translation is None or translation.get("type") == "unfinished" or not translation.text
    ]
    assert unfinished == []


def _messages(ts_file: Path) -> list[ET.Element]:
    return list(ET.parse(ts_file).iter("message"))  # noqa: S314 - the project's own files


def test_a_language_reaches_users_only_once_switched_on(qapp: QApplication) -> None:
    korea = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    assert translations.install(qapp, korea, languages=()) == []
    assert "ko" not in translations.SHIPPED  # until every string is marked and translated
