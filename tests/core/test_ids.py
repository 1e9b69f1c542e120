"""UUID checks: strict shape, forgiving of case and surrounding whitespace, helpful messages."""

from __future__ import annotations

import re
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core import NIL_UUID, is_uuid, normalize_uuid

CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SPACES = st.text(alphabet=" \t\r\n", max_size=3)


def test_documented_ids_are_uuids() -> None:
    assert is_uuid("de5e9990-c0fb-11ee-961f-d12490e606ad")
    assert is_uuid(NIL_UUID)
    assert normalize_uuid(NIL_UUID) == NIL_UUID


@given(st.uuids(), SPACES, SPACES, st.booleans())
def test_normalize_strips_and_lowercases(
    value: uuid.UUID, before: str, after: str, up: bool
) -> None:
    text = str(value).upper() if up else str(value)
    assert is_uuid(text)
    normalized = normalize_uuid(before + text + after)
    assert normalized == str(value)
    assert CANONICAL.fullmatch(normalized)


@given(st.uuids(), st.text(alphabet=" \t\n", min_size=1, max_size=2))
def test_is_uuid_does_not_accept_surrounding_whitespace(value: uuid.UUID, pad: str) -> None:
    assert not is_uuid(pad + str(value))
    assert not is_uuid(str(value) + pad)


@given(st.text())
def test_any_text_is_either_a_uuid_or_refused_with_a_message(text: str) -> None:
    if CANONICAL.fullmatch(text.strip().lower()):
        assert normalize_uuid(text) == text.strip().lower()
        return
    with pytest.raises(ValueError, match="IDs look like de5e9990-c0fb-11ee-961f-d12490e606ad"):
        normalize_uuid(text, what="task ID")


@given(st.uuids(), st.data())
def test_near_misses_are_refused(value: uuid.UUID, data: st.DataObject) -> None:
    text = str(value)
    position = data.draw(st.integers(0, len(text) - 1))
    variants = [
        text[:position] + text[position + 1 :],  # a character lost
        text[:position] + "g" + text[position + 1 :],  # a non-hex letter
        text.replace("-", ""),  # the 32-digit form
        "{" + text + "}",
        "urn:uuid:" + text,
        text + "0",
    ]
    for variant in variants:
        assert not is_uuid(variant)
        with pytest.raises(ValueError, match="is not a video ID"):
            normalize_uuid(variant, what="video ID")


def test_message_names_the_value_and_shows_an_example() -> None:
    with pytest.raises(ValueError) as caught:
        normalize_uuid("abc", what="video ID")
    assert str(caught.value) == (
        "'abc' is not a video ID: IDs look like de5e9990-c0fb-11ee-961f-d12490e606ad"
    )
    with pytest.raises(ValueError, match=r"^'abc' is not an ID: "):
        normalize_uuid("abc")
    with pytest.raises(ValueError, match=r"^No task ID given: "):
        normalize_uuid("   ", what="task ID")


def test_long_pastes_are_cut_in_the_message() -> None:
    with pytest.raises(ValueError) as caught:
        normalize_uuid("x" * 500)
    assert len(str(caught.value)) < 150


@given(st.one_of(st.none(), st.integers(), st.binary(), st.uuids()))
def test_non_text_is_not_a_uuid(value: object) -> None:
    assert not is_uuid(value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="IDs look like"):
        normalize_uuid(value)  # type: ignore[arg-type]


def test_other_scripts_digits_are_refused() -> None:
    arabic = "\u0660" * 8 + "-0000-0000-0000-" + "0" * 12  # ARABIC-INDIC DIGIT ZERO
    assert not is_uuid(arabic)
