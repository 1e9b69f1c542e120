"""The profile's presets: built-ins on first use, every change written atomically, a damaged
file said and set aside rather than lost, import and export as JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.presets import BUILT_IN_PRESETS, Preset, PresetsFormatError
from kokoon_desktop.storage.presets import Conflict, PresetError, PresetStore


@pytest.fixture
def store(tmp_path: Path) -> PresetStore:
    return PresetStore(tmp_path / "config" / "presets.json")


def test_a_new_profile_has_the_built_ins(store: PresetStore) -> None:
    book = store.load()
    assert book.presets == BUILT_IN_PRESETS
    assert book.default is None
    assert store.load_problems == []
    assert not store.path.exists()  # nothing written until something changes


def test_create_rename_delete_and_default(store: PresetStore) -> None:
    look = Preset(name="Studio look", category=Category.PERSON, size="1440p")
    book = store.create(look)
    assert book.names()[-1] == "Studio look"
    with pytest.raises(PresetError, match="already exists"):
        store.create(Preset(name="studio LOOK", category=Category.CG))
    store.set_default("studio look")
    book = store.rename("Studio look", "House style")
    assert book.default == "House style"  # the default follows its preset
    assert book.get("house style") == look.renamed("House style")
    with pytest.raises(PresetError, match="already exists"):
        store.rename("House style", "Animation 2x")
    book = store.delete("House style")
    assert book.default is None and book.get("House style") is None
    with pytest.raises(PresetError, match="no preset named"):
        store.delete("House style")
    # Built-ins are ordinary presets: changed and deleted like any other, and stay so.
    changed = book.get("Animation 2x")
    assert changed is not None
    store.update(
        "Animation 2x", Preset(name="Animation 2x", category=Category.ANIMATION, size="4x")
    )
    store.delete("Interview 1080p")
    again = PresetStore(store.path).load()
    assert again.get("Animation 2x").size == "4x"  # type: ignore[union-attr]
    assert again.get("Interview 1080p") is None
    assert again.get("Interview 1080p") is None and len(again.presets) == len(BUILT_IN_PRESETS) - 1
    book = store.restore_built_ins()
    assert book.get("Interview 1080p") is not None
    assert book.get("Animation 2x").size == "4x"  # type: ignore[union-attr]


def test_all_deleted_stays_empty(store: PresetStore) -> None:
    for preset in BUILT_IN_PRESETS:
        store.delete(preset.name)
    assert store.load().presets == ()


def test_writes_are_atomic(store: PresetStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.set_default("Animation 2x")
    before = store.path.read_text(encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        store.create(Preset(name="New", category=Category.CG))
    monkeypatch.undo()
    assert store.path.read_text(encoding="utf-8") == before
    assert [p.name for p in store.path.parent.iterdir()] == ["presets.json"]  # no temporary left


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "is not valid JSON"),
        ('{"format": "kokoon-desktop-presets", "version": 9, "presets": []}', "newer"),
        (b"\xff\xfe\x00", "could not be read"),
    ],
)
def test_a_damaged_file_gives_the_built_ins_and_is_set_aside(
    store: PresetStore, content: str | bytes, words: str
) -> None:
    store.path.parent.mkdir(parents=True)
    if isinstance(content, bytes):
        store.path.write_bytes(content)
    else:
        store.path.write_text(content, encoding="utf-8")
    book = store.load()
    assert book.presets == BUILT_IN_PRESETS
    assert len(store.load_problems) == 1 and words in store.load_problems[0]
    assert str(store.path) in store.load_problems[0]
    store.set_default("Preview 2x")
    kept = [p for p in store.path.parent.iterdir() if p.name.startswith("presets.damaged-")]
    assert len(kept) == 1
    assert (kept[0].read_bytes() if isinstance(content, bytes) else kept[0].read_text()) == content
    assert store.load().default == "Preview 2x" and store.load_problems == []


def test_one_bad_preset_is_reported_and_the_others_kept(store: PresetStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        json.dumps(
            {"presets": [{"name": "Ok", "category": "cg"}, {"name": "Bad", "category": "?"}]}
        ),
        encoding="utf-8",
    )
    book = store.load()
    assert book.names() == ["Ok"]
    assert "Preset 2 ('Bad') was left out" in store.load_problems[0]


def test_export_and_import(store: PresetStore, tmp_path: Path) -> None:
    store.set_default("Interview 1080p")
    shared = tmp_path / "studio.json"
    assert store.export(shared) == len(BUILT_IN_PRESETS)
    document = json.loads(shared.read_text(encoding="utf-8"))
    assert document["format"] == "kokoon-desktop-presets" and document["version"] == 1
    assert document["default"] == "Interview 1080p"
    assert store.export(tmp_path / "one.json", ["animation 2x"]) == 1

    other = PresetStore(tmp_path / "other" / "presets.json")
    other.update(
        "Animation 2x", Preset(name="Animation 2x", category=Category.ANIMATION, size="4x")
    )
    report = other.import_file(shared)
    assert report.renamed == (("Animation 2x", "Animation 2x (2)"),)
    assert set(report.skipped) == {p.name for p in BUILT_IN_PRESETS} - {"Animation 2x"}
    assert other.load().get("Animation 2x (2)").size == "2x"  # type: ignore[union-attr]
    report = other.import_file(tmp_path / "one.json", conflict=Conflict.REPLACE)
    assert report.replaced == ("Animation 2x",)
    assert other.load().get("Animation 2x").size == "2x"  # type: ignore[union-attr]

    (tmp_path / "bad.json").write_text('{"format": "something"}', encoding="utf-8")
    with pytest.raises(PresetsFormatError, match="not a presets file"):
        other.import_file(tmp_path / "bad.json")
    (tmp_path / "broken.json").write_text("[", encoding="utf-8")
    with pytest.raises(PresetsFormatError, match="not valid JSON"):
        other.import_file(tmp_path / "broken.json")
