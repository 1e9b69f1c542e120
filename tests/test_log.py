"""The log file never holds a secret, rotates, and is configured once however often asked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kokoon_desktop import log
from kokoon_desktop.log import (
    REDACTED,
    RedactingFilter,
    close_logging,
    configure_logging,
    redact,
    register_secret,
)

TOKEN = "kk-7f3a9c2e5b1d4e8f-secret-token"
JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLWJ5dGVz"
SIGNED_LINK = (
    "https://storage.example/out.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z"
    "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9"
)


@pytest.fixture(autouse=True)
def clean_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    close_logging()
    root.setLevel(level)
    log._forget_secrets()


def _ours() -> list[logging.Handler]:
    return list(log._our_handlers())


def test_registered_token_never_reaches_the_file(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "app.log"
    configure_logging(log_file)
    register_secret(TOKEN)
    logger = logging.getLogger("kokoon_desktop.test")
    logger.info("signed in with %s", TOKEN)
    logger.warning("header was %r", {"Authorization": TOKEN})
    logger.info(f"inline {TOKEN} in the message itself")
    text = log_file.read_text()
    assert TOKEN not in text
    assert text.count(REDACTED) >= 3
    assert "signed in with [redacted]" in text
    assert "inline [redacted] in the message itself" in text


def test_exception_traceback_is_redacted(tmp_path: Path) -> None:
    configure_logging(tmp_path / "app.log")
    register_secret(TOKEN)
    logger = logging.getLogger("kokoon_desktop.test")

    def fail(token: str) -> None:
        raise RuntimeError(f"the service refused token {token}")

    try:
        fail(TOKEN)
    except RuntimeError:
        logger.exception("request failed")
    text = (tmp_path / "app.log").read_text()
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the service refused token [redacted]" in text
    assert TOKEN not in text


def test_stack_info_is_redacted(tmp_path: Path) -> None:
    configure_logging(tmp_path / "app.log")
    register_secret("literal-secret-in-source")
    logger = logging.getLogger("kokoon_desktop.test")
    logger.warning("here", stack_info=True, extra={"x": "literal-secret-in-source"})
    text = (tmp_path / "app.log").read_text()
    assert "Stack (most recent call last)" in text
    assert "literal-secret-in-source" not in text


def test_unregistered_credentials_are_recognised_in_any_logger(tmp_path: Path) -> None:
    configure_logging(tmp_path / "app.log")
    logging.getLogger("httpx").info("HTTP Request: GET %s 200", SIGNED_LINK)
    logging.getLogger("other").info("Authorization: Bearer %s; jwt=%s", "opaque-value-1", JWT)
    text = (tmp_path / "app.log").read_text()
    assert "0a1b2c3d4e5f60718293a4b5c6d7e8f9" not in text
    assert "X-Amz-Signature=[redacted]" in text
    assert "X-Amz-Expires=3600" in text  # the rest of the link stays useful
    assert "opaque-value-1" not in text and "Authorization: Bearer [redacted]" in text
    assert JWT not in text and "eyJzdWIi" not in text


def test_a_bad_format_keeps_the_record_and_redacts_its_arguments() -> None:
    # Tested on the filter itself: pytest's own log handler, which runs first, raises on it.
    register_secret(TOKEN)
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "%d items", (TOKEN,), None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "%d items ('[redacted]',)"


def test_records_below_the_level_are_not_written(tmp_path: Path) -> None:
    configure_logging(tmp_path / "app.log", level=logging.WARNING)
    logger = logging.getLogger("kokoon_desktop.test")
    logger.info("quiet")
    logger.warning("loud")
    text = (tmp_path / "app.log").read_text()
    assert "loud" in text and "quiet" not in text
    line = text.splitlines()[0]
    assert line[:10].count("-") == 2 and "Z " in line and " WARNING kokoon_desktop.test: " in line


def test_configuring_twice_adds_one_handler(tmp_path: Path) -> None:
    configure_logging(tmp_path / "app.log")
    configure_logging(tmp_path / "app.log", level=logging.DEBUG)
    assert len(_ours()) == 1
    assert logging.getLogger().level == logging.DEBUG
    logging.getLogger("kokoon_desktop.test").info("once")
    assert (tmp_path / "app.log").read_text().count("once") == 1

    configure_logging(tmp_path / "other.log")  # another profile: moves, still one handler
    assert len(_ours()) == 1
    logging.getLogger("kokoon_desktop.test").info("moved")
    assert "moved" in (tmp_path / "other.log").read_text()
    assert "moved" not in (tmp_path / "app.log").read_text()

    close_logging()
    assert _ours() == []


def test_the_file_rotates_and_keeps_a_bounded_number(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    configure_logging(log_file, max_bytes=2_000, backup_count=2)
    logger = logging.getLogger("kokoon_desktop.test")
    for index in range(200):
        logger.info("line %03d %s", index, "x" * 40)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["app.log", "app.log.1", "app.log.2"]
    for path in tmp_path.iterdir():
        assert path.stat().st_size <= 2_000
    assert "line 199" in log_file.read_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abc.def", "Authorization: Bearer [redacted]"),
        ("authorization: raw-token-value", "authorization: [redacted]"),
        ("{'Authorization': 'tok123', 'x': 1}", "{'Authorization': '[redacted]', 'x': 1}"),
        (
            "[(b'authorization', b'secret'), (b'host', b'h')]",
            "[(b'authorization', b'[redacted]'), (b'host', b'h')]",
        ),
        ("Proxy-Authorization: Basic QWxhZGRpbjpvcGVu", "Proxy-Authorization: Basic [redacted]"),
        (f"token {JWT}.", "token [redacted]."),
        (
            "?X-Amz-Security-Token=abc%2F&X-Amz-Signature=ff",
            "?X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]",
        ),
        ("no authorization header was sent", "no authorization header was sent"),
        ("eyJ alone is not a token; nor is a.b.c", "eyJ alone is not a token; nor is a.b.c"),
        ("plain text, 1920x1080, vid 3f2b8c1e", "plain text, 1920x1080, vid 3f2b8c1e"),
    ],
)
def test_redact_patterns(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_registered_forms_and_limits() -> None:
    register_secret("  abc  ")  # too short to be a token: would wreck every message
    assert redact("abc abc") == "abc abc"
    register_secret('we/ird"token+value')
    assert redact('raw we/ird"token+value') == "raw [redacted]"
    assert redact("url we%2Fird%22token%2Bvalue") == "url [redacted]"
    assert redact('json "we/ird\\"token+value"') == 'json "[redacted]"'
    register_secret('we/ird"token+value')  # twice is fine
    register_secret(TOKEN)
    assert redact(f'{TOKEN} and we/ird"token+value') == "[redacted] and [redacted]"
