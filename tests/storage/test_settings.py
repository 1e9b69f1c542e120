"""Settings load whatever the file holds, save atomically, announce changes, and hold no secret."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from kokoon_desktop.core.endpoint import DEFAULT_BASE_URL, AuthScheme
from kokoon_desktop.core.output_naming import DEFAULT_TEMPLATE
from kokoon_desktop.storage import atomic
from kokoon_desktop.storage.settings import Settings, SettingsStore

TOKEN = "kk-7f3a9c2e5b1d4e8f-secret-token"


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "config" / "settings.json")


def test_missing_file_gives_defaults_without_problems(store: SettingsStore) -> None:
    assert store.load() == Settings()
    assert store.load_problems == []
    assert Settings().api_url == DEFAULT_BASE_URL
    assert Settings().auth_scheme is AuthScheme.RAW


def test_round_trip_of_every_field(store: SettingsStore) -> None:
    chosen = Settings(
        api_url="http://127.0.0.1:8765/kokoon/api/sr/v3",
        auth_scheme=AuthScheme.BEARER,
        demo_mode=True,
        window_geometry="AdnQywADAAA=",
        top_splitter_state="AAAA/wAAAAD9",
        history_columns="AAAA/wAAAAE0",
        splitter_state="AAAA",
        last_category="animation",
        last_size_preset="custom",
        time_unit="frames",
        auto_download=False,
        output_dir="/srv/renders",
        name_template="{date}_{source}_{task}.{format}",
    )
    store.save(chosen)
    loaded = SettingsStore(store.path).load()
    assert loaded == chosen
    assert loaded.auth_scheme is AuthScheme.BEARER


@pytest.mark.parametrize(
    "text",
    ["", "{", "not json at all", "[1, 2]", '"a string"', "null", "\x00\x01garbage"],
)
def test_corrupt_file_gives_defaults_and_says_why(store: SettingsStore, text: str) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(text)
    assert store.load() == Settings()
    assert len(store.load_problems) == 1
    assert str(store.path) in store.load_problems[0]


def test_undecodable_file_gives_defaults(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b'{"demo_mode": true, "x": "\xff\xfe"}')
    assert store.load() == Settings()
    assert store.load_problems


def test_bad_values_fall_back_one_by_one(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        json.dumps(
            {
                "api_url": "http://kokoon.example/kokoon/api/sr/v3",  # plain http, not loopback
                "auth_scheme": "digest",
                "demo_mode": "yes",
                "window_geometry": "not base64!",
                "top_splitter_state": 42,
                "splitter_state": None,
                "last_category": "person",  # good
                "last_size_preset": "8k",
                "time_unit": "seconds",
                "unknown_key": "ignored",
            }
        )
    )
    loaded = store.load()
    assert loaded == Settings(last_category="person")
    problems = " ".join(store.load_problems)
    for name in ("api_url", "auth_scheme", "demo_mode", "window_geometry", "top_splitter_state"):
        assert f"setting {name}" in problems
    assert "last_size_preset" in problems and "time_unit" in problems
    assert "Refusing plain http://" in problems
    assert "unknown_key" not in problems and "setting splitter_state" not in problems
    assert len(store.load_problems) == 7


def test_api_url_is_normalised_on_load_and_tolerant_forms_accepted(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps({"api_url": " https://h.test/api/ ", "auth_scheme": "BEARER"}))
    loaded = store.load()
    assert loaded.api_url == "https://h.test/api"
    assert loaded.auth_scheme is AuthScheme.BEARER
    assert store.load_problems == []


@pytest.mark.parametrize(
    "url",
    [
        f"https://user:{TOKEN}@h.test/api",
        f"https://{TOKEN}@h.test/api",
        f"https://h.test/api?token={TOKEN}",
        f"https://h.test/api#{TOKEN}",
    ],
)
def test_an_api_url_carrying_a_credential_is_refused_without_quoting_it(
    store: SettingsStore, url: str
) -> None:
    with pytest.raises(ValueError, match="api_url") as refused:
        store.update(api_url=url)
    assert TOKEN not in str(refused.value)
    assert not store.path.exists()

    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"api_url": url}))
    assert store.load().api_url == DEFAULT_BASE_URL
    assert len(store.load_problems) == 1
    assert TOKEN not in store.load_problems[0]


def test_saved_file_holds_exactly_the_settings_fields(store: SettingsStore) -> None:
    store.save(Settings(demo_mode=True))
    saved = json.loads(store.path.read_text())
    assert set(saved) == {field.name for field in dataclasses.fields(Settings)}
    assert saved["auth_scheme"] == "raw" and saved["demo_mode"] is True


def test_no_token_can_reach_the_file(store: SettingsStore) -> None:
    # The type has nowhere to put one.
    names = {field.name for field in dataclasses.fields(Settings)}
    assert not {n for n in names if any(w in n for w in ("token", "secret", "password", "key"))}

    # update() refuses unknown names, and nothing is written.
    with pytest.raises(TypeError, match="Unknown setting"):
        store.update(token=TOKEN)
    assert not store.path.exists()

    # A Settings carrying something extra (a subclass, an attribute) is saved without it.
    @dataclass(frozen=True)
    class WithToken(Settings):
        token: str = TOKEN

    store.save(WithToken())
    store.update(demo_mode=True)
    text = store.path.read_text()
    assert TOKEN not in text and "token" not in text

    # Only Settings are accepted at all.
    with pytest.raises(TypeError):
        store.save({"api_url": DEFAULT_BASE_URL, "token": TOKEN})  # type: ignore[arg-type]
    assert TOKEN not in store.path.read_text()


def test_save_refuses_what_load_would_refuse(store: SettingsStore) -> None:
    store.save(Settings(last_category="cg"))
    before = store.path.read_text()
    with pytest.raises(ValueError, match="last_category"):
        store.save(Settings(last_category="sports"))
    with pytest.raises(ValueError, match="api_url"):
        store.update(api_url="ftp://h.test/")
    assert store.path.read_text() == before


def test_update_saves_normalises_and_notifies(store: SettingsStore) -> None:
    heard: list[Settings] = []
    unsubscribe = store.subscribe(heard.append)
    result = store.update(api_url="https://h.test/api/", auth_scheme="bearer")
    assert result.api_url == "https://h.test/api" and result.auth_scheme is AuthScheme.BEARER
    assert SettingsStore(store.path).load() == result
    assert heard == [result]

    store.update(api_url="https://h.test/api")  # no change: nobody is told
    assert heard == [result]

    unsubscribe()
    unsubscribe()  # twice is fine
    store.update(demo_mode=True)
    assert len(heard) == 1


def test_every_subscriber_hears_even_if_one_fails(store: SettingsStore) -> None:
    heard: list[bool] = []

    def broken(_: Settings) -> None:
        raise RuntimeError("subscriber bug")

    store.subscribe(broken)
    store.subscribe(lambda s: heard.append(s.demo_mode))
    with pytest.raises(RuntimeError, match="subscriber bug"):
        store.update(demo_mode=True)
    assert heard == [True]
    assert store.load().demo_mode is True  # saved before anyone was told


def test_a_failed_save_leaves_the_previous_file(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(Settings(last_category="retro"))
    before = store.path.read_text()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError, match="No space left"):
        store.save(Settings(last_category="person"))
    assert store.path.read_text() == before
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.json"]  # no temp left


def test_save_creates_the_folder(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "new" / "deeper" / "settings.json")
    store.save(Settings())
    assert store.load() == Settings() and store.load_problems == []


def test_results_settings_default_to_automatic_downloads_next_to_the_source(
    store: SettingsStore,
) -> None:
    settings = store.load()
    assert settings.auto_download is True
    assert settings.output_dir is None
    assert settings.name_template == DEFAULT_TEMPLATE


def test_bad_results_settings_fall_back_and_say_why(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        json.dumps(
            {
                "auto_download": "sometimes",
                "output_dir": "renders/today",
                "name_template": "{source}_{resolution}.{format}",
            }
        )
    )
    assert store.load() == Settings()
    problems = store.load_problems
    assert len(problems) == 3
    assert problems[0].endswith(
        "auto_download = 'sometimes' was not used: it is not true or false."
    )
    assert "output_dir" in problems[1] and "absolute" in problems[1]
    assert problems[2].startswith("The setting name_template = '{source}_{re")
    assert "{resolution} is not a field: use {source}," in problems[2]
    assert problems[2].endswith(", {date}.") and not problems[2].endswith("..")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "not a folder path"),
        (42, "not a folder path"),
        ("/a\x00b", "not a folder path"),
        ("relative/folder", "absolute"),
    ],
)
def test_an_output_folder_must_be_an_absolute_path(
    store: SettingsStore, value: object, words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        store.update(output_dir=value)
    assert store.update(output_dir="~/Renders").output_dir == "~/Renders"
    assert store.update(output_dir=None).output_dir is None


@pytest.mark.parametrize("template", ["", "{source", "a/{source}", "{width:04d}", 7])
def test_a_template_that_cannot_name_files_is_not_saved(
    store: SettingsStore, template: object
) -> None:
    with pytest.raises(ValueError, match="name_template"):
        store.update(name_template=template)
    assert not store.path.exists()
    assert store.update(name_template="{source}.{format}").name_template == "{source}.{format}"
