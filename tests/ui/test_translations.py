"""The interface in Korean: the window, its dialogs and what the services say read from the
translation built from resources/translations; numbers and dates are written as the locale writes
them; every string marked for translation, in the interface and in the layers below it, is in the
Korean file, translated. An English system, and the test session, stay English."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop import i18n
from kokoon_desktop.api.failures import error_from_response
from kokoon_desktop.core import human
from kokoon_desktop.environment import ENV_LANGUAGE
from kokoon_desktop.resources import resource
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.ui import translations
from kokoon_desktop.ui.messages import Level
from kokoon_desktop.ui.settings_dialog import SettingsDialog, default_make_client
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from tests.ui.window_fixtures import (
    WindowHarness,
    closes_windows,
    enter_into,
    notification,
    until,
)

KOREAN_TS = resource("translations", "kokoon_desktop_ko.ts")
ROOT = Path(__file__).resolve().parents[2]
KOREA = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
GERMANY = QLocale(QLocale.Language.German, QLocale.Country.Germany)
VID = "75530d14-e830-11f1-97d1-02fc00000001"
#: The package's code lupdate reads: all but the simulator and the command line (English).
UNTRANSLATED = ("sandbox", "cli")


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[list[str]]:
    if not KOREAN_TS.with_suffix(".qm").is_file():
        subprocess.run(["make", "-C", str(ROOT), "translations"], check=True)
    loaded = translations.install(qapp, KOREA)
    yield loaded
    translations.uninstall(qapp)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[list[str]]:
    loaded = translations.install(qapp, GERMANY)
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
    assert window.form.task_type.itemText(0) == "전체 작업"
    assert window.form.category.findText("인물") >= 0
    assert window.form.range_panel.whole_file.text() == "파일 전체"
    assert window.history_pane.empty_label.text().startswith("제출한 작업이")
    assert "여기에 영상을 끌어다 놓거나" in window.drop_target.text
    model = window.history_model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[:3] == ["일시", "소스", "유형"] and "작업 ID" in headers
    await until(lambda: window.session is not None)
    assert window.credit_label.text().startswith("크레딧: ")
    assert window.sign_in_button.text() == "로그인…"


@closes_windows
async def test_a_file_that_is_no_video_is_refused_in_korean(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path, korean: list[str]
) -> None:
    notes = tmp_path / "notes.mp4"
    notes.write_text("not a video")
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await window.upload.upload_file(notes) is None
    assert notification(window) == (
        Level.ERROR,
        "“notes.mp4”은(는) 이 애플리케이션이 읽을 수 있는 영상이 아닙니다. "
        "아무것도 업로드하지 않았습니다.",
    )


def test_a_service_error_is_shown_in_korean_and_logged_in_english(korean: list[str]) -> None:
    answer = httpx.Response(500, json={"message": "disk full"})
    error = error_from_response(answer)
    assert error.message == "서비스에 오류가 발생했습니다(500): disk full. 나중에 다시 시도하세요."
    assert str(error) == "The service failed (500): disk full. Try again later."


def test_the_form_checks_in_korean(qtbot: QtBot, korean: list[str]) -> None:
    form = TaskForm()
    qtbot.addWidget(form)
    form.show()
    form.set_source(SourceInfo(vid=VID, name="harbour.mp4", size=(640, 360), duration_ms=3000))
    enter_into(qtbot, form.range_panel.in_point, "00:00:02.500")
    enter_into(qtbot, form.range_panel.duration, "1000")
    assert form.spec is None
    said = form.range_panel.duration_message.text()
    assert said.startswith("구간이 소스의 끝") and "최대" in said
    form.size_preset.setCurrentIndex(form.size_preset.findData("custom"))
    form.width_spin.setValue(1921)
    assert "짝수 픽셀" in form.size_message.text()


def test_the_settings_dialog_in_korean(qtbot: QtBot, tmp_path: Path, korean: list[str]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = SettingsDialog(
        SettingsStore(tmp_path / "settings.json"), default_make_client, environ={}, parent=parent
    )
    dialog.show()
    assert dialog.windowTitle() == "설정"
    assert dialog.test_button.text() == "연결 테스트"
    assert dialog.demo_mode.text() == "데모 모드(시뮬레이션 서비스)"
    dialog.api_url.setText("http://example.com")
    assert (dialog.url_error() or "").startswith("example.com에는 암호화되지 않은 http://")
    dialog.api_url.clear()
    assert (
        dialog.url_error() == "API 주소를 입력하거나, 기본값을 눌러 문서에 나온 주소를 사용하세요."
    )
    dialog.reject()


def test_numbers_and_dates_follow_a_korean_locale(korean: list[str]) -> None:
    assert human.file_size(1_500_000) == "1.5 MB"
    assert human.credit(Decimal("12345.5")) == "12,345.5"
    assert (
        human.duration_between(datetime(2024, 5, 1, tzinfo=UTC), datetime(2024, 5, 4, tzinfo=UTC))
        == "3일"
    )
    moment = datetime(2024, 5, 1, 14, 30, tzinfo=UTC)
    local = moment.astimezone()
    expected = KOREA.toString(
        QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)),
        QLocale.FormatType.ShortFormat,
    )
    assert human.local_time(moment) == expected
    assert ("오전" in expected or "오후" in expected) and "24. 5. 1." in expected


def test_numbers_and_dates_follow_a_german_locale(german: list[str]) -> None:
    assert german == []  # no German translation: the words stay English
    assert human.file_size(1_500_000) == "1,5 MB"
    assert human.file_size(999_950) == "1000,0 KB"  # sizes are not grouped
    assert human.credit(Decimal("12345.5")) == "12.345,5"
    assert human.credit(Decimal("1234")) == "1.234"
    assert human.percent(0.42) == "42%"
    moment = datetime(2024, 5, 1, 14, 30, tzinfo=UTC)
    assert human.local_time(moment).startswith(moment.astimezone().strftime("%d.%m.%y"))


@closes_windows
async def test_english_stays_without_a_translation(qtbot: QtBot, harness: WindowHarness) -> None:
    window = harness.open_window(qtbot)
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.upload_action.text() == "Upload video…"
    assert window.history_model.headerData(0, Qt.Orientation.Horizontal) == "When"


def test_an_english_system_stays_english(qapp: QApplication) -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert translations.install(qapp, english) == []
    try:
        assert i18n.translate("Downloads", "The app is closing.") == "The app is closing."
        assert human.credit(Decimal("12345.5")) == "12,345.5"
    finally:
        translations.uninstall(qapp)


def test_after_uninstall_the_words_and_numbers_are_english_again(qapp: QApplication) -> None:
    translations.install(qapp, KOREA)
    translations.uninstall(qapp)
    assert i18n.translate("Downloads", "The app is closing.") == "The app is closing."
    assert human.file_size(1_500_000) == "1.5 MB"
    assert human.local_time(datetime(2024, 5, 1, tzinfo=UTC)) == datetime(
        2024, 5, 1, tzinfo=UTC
    ).astimezone().strftime("%Y-%m-%d %H:%M")


def test_the_language_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_LANGUAGE, "ko")
    assert translations.system_locale().language() is QLocale.Language.Korean
    monkeypatch.setenv(ENV_LANGUAGE, "en")
    assert translations.system_locale().language() is QLocale.Language.English
    monkeypatch.delenv(ENV_LANGUAGE)
    assert translations.system_locale() == QLocale.system()


def test_every_marked_string_is_translated_into_korean(tmp_path: Path) -> None:
    """lupdate, run over the code now (the interface and the layers whose words it shows), finds
    no string the Korean file lacks, and the file has no unfinished translation."""
    fresh = tmp_path / "fresh.ts"
    package = ROOT / "kokoon_desktop"
    sources = sorted(
        str(p) for p in package.rglob("*.py") if p.relative_to(package).parts[0] not in UNTRANSLATED
    )
    assert any(source.endswith("core/task_spec.py") for source in sources)
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


def test_translations_keep_their_placeholders() -> None:
    """A translation names the same ``{fields}`` and accelerators as its English."""

    def marks(text: str) -> list[str]:
        import re

        return sorted(set(re.findall(r"\{[a-z_]*\}", text))) + re.findall(r"&\w", text)

    wrong = [
        (message.findtext("source"), message.findtext("translation"))
        for message in _messages(KOREAN_TS)
        if marks(message.findtext("source") or "") != marks(message.findtext("translation") or "")
    ]
    assert wrong == []


def _messages(ts_file: Path) -> list[ET.Element]:
    return list(ET.parse(ts_file).iter("message"))  # noqa: S314 - the project's own files


def test_korean_reaches_users(qapp: QApplication) -> None:
    assert "ko" in translations.SHIPPED
    assert translations.install(qapp, KOREA, languages=()) == []  # only what is switched on
    translations.uninstall(qapp)
