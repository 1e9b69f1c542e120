"""Batch manifests: many clips or ranges in one file, one item per JSON object or CSV row.

Items are named with the create-task body's own field names (``task_type``, ``category``,
``use_sr``, ``input_quality``, ``vid``, ``width``, ``height``, ``start_pos``, ``duration``,
``codec``, ``format``, ``use_trim_orig``; the four AI options as an ``option`` object in JSON
and as their own columns in CSV), plus:

* ``file``: a local video instead of ``vid`` (relative paths are read from the manifest's
  folder, so a manifest means the same from wherever it is run);
* ``preset``: a preset's name, whose fields the item's own fields override;
* ``size``: a size rule ("2x", "2160p", "1920x1080") instead of ``width`` and ``height``;
* ``start`` / ``end``: the range as times instead of ``start_pos`` / ``duration``: SMPTE
  timecode ``HH:MM:SS:FF`` (``;`` for drop-frame; it needs the source's frame rate),
  ``HH:MM:SS.mmm`` or milliseconds. ``end`` is exclusive, the first frame after the range,
  as in an edit decision list and in the results' provenance files. ``start`` without ``end``
  (or ``start_pos`` without ``duration``) runs to the end of the source.

Missing fields take the documented defaults (``task_type`` SR, ``input_quality`` medium,
``use_sr`` true, options off, the whole file, h264, mp4, ``use_trim_orig`` false);
``category`` and the size are required unless a preset gives them.

Parsing finds everything it can without the source (each problem with its row number and
field); :func:`row_task_spec` then builds the request from the row, its preset and what is
known of the source, with the task's own rules (``task_spec``): one place for each rule.
Rows are numbered from 1 in both forms (in CSV, row 1 is the line after the header), so the
two forms of the same items give the same rows.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Literal

from kokoon_desktop.core._text import show
from kokoon_desktop.core.ids import NIL_UUID
from kokoon_desktop.core.presets import Preset, check_size_rule, normal_size_rule, size_for_rule
from kokoon_desktop.core.problems import InvalidTaskSpec, Problem
from kokoon_desktop.core.task_spec import OPTION_NAMES, REQUEST_KEYS, TaskSpec
from kokoon_desktop.core.timecode import (
    FrameRate,
    frames_to_ms,
    parse_duration_ms,
    parse_timecode,
)

__all__ = [
    "BODY_FIELDS",
    "CSV_COLUMNS",
    "JSON_KEYS",
    "ClipFacts",
    "Manifest",
    "ManifestError",
    "ManifestKind",
    "ManifestRow",
    "RowProblem",
    "Timecode",
    "manifest_kind",
    "parse_manifest",
    "row_task_spec",
]

ManifestKind = Literal["json", "csv"]

BODY_FIELDS = tuple(key for key in REQUEST_KEYS if key != "option")
"""The create-task body's fields an item may give (``option`` aside), in documented order."""
_EXTRA_FIELDS = ("file", "preset", "size", "start", "end")
JSON_KEYS = (*BODY_FIELDS, "option", *_EXTRA_FIELDS)
CSV_COLUMNS = (*BODY_FIELDS, *OPTION_NAMES, *_EXTRA_FIELDS)

#: Longest manifest read (in rows): a bigger one is a mistake, not a batch.
MAX_ROWS = 100_000
_SMPTE_RE = re.compile(r"[0-9]{1,3}[:;][0-9]{1,2}[:;][0-9]{1,2}[:;][0-9]{1,3}")
_DIGITS_RE = re.compile(r"[0-9]{1,15}")


class ManifestError(ValueError):
    """A manifest that cannot be read at all (not JSON, no header, an unknown column...)."""


@dataclass(frozen=True, slots=True)
class Timecode:
    """A SMPTE timecode as written; read at the source's frame rate once that is known."""

    text: str


TimeValue = int | Timecode
"""A time of ``start`` / ``end``: milliseconds, or a timecode waiting for its frame rate."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong with one row (``field`` empty for the row as a whole)."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, {self.field}" if self.field else f"row {self.row}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ManifestRow:
    """One item as written, normalised: ``fields`` holds only what the item gives.

    Values: enum fields as their wire text, numbers as ints, switches as bools, ``option``
    as a dict of the options given, ``start``/``end`` as :data:`TimeValue`, ``file`` as the
    path read from the manifest's folder. ``key`` is a hash of exactly these fields: the
    same item gives the same key whatever its form, position or spelling, and an edited item
    a new one.
    """

    number: int
    fields: Mapping[str, Any]
    key: str

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    @property
    def file(self) -> str | None:
        value = self.fields.get("file")
        return value if isinstance(value, str) else None

    @property
    def vid(self) -> str | None:
        value = self.fields.get("vid")
        return value if isinstance(value, str) else None

    @property
    def preset(self) -> str | None:
        value = self.fields.get("preset")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Manifest:
    """Every row of a manifest, and every problem found in them, in row order."""

    rows: tuple[ManifestRow, ...]
    problems: tuple[RowProblem, ...] = ()

    def invalid_rows(self) -> frozenset[int]:
        return frozenset(problem.row for problem in self.problems)

    def valid_rows(self) -> tuple[ManifestRow, ...]:
        invalid = self.invalid_rows()
        return tuple(row for row in self.rows if row.number not in invalid)


def manifest_kind(name: str, text: str) -> ManifestKind:
    """JSON or CSV: by the file's suffix, else by its first character (``[`` is JSON)."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    return "json" if text.lstrip("\ufeff \t\r\n").startswith("[") else "csv"


def parse_manifest(text: str, kind: ManifestKind, *, base_dir: PurePath | None = None) -> Manifest:
    """Every row of a manifest with the problems found without the source; ``ManifestError``
    when the file is not a manifest at all."""
    raw_rows = _json_rows(text) if kind == "json" else _csv_rows(text)
    if len(raw_rows) > MAX_ROWS:
        raise ManifestError(f"The manifest has {len(raw_rows)} rows; at most {MAX_ROWS} are read.")
    rows: list[ManifestRow] = []
    problems: list[RowProblem] = []
    for number, (raw, form_problems) in enumerate(raw_rows, start=1):
        fields, row_problems = _read_row(raw, base_dir)
        row_problems = form_problems + row_problems
        problems.extend(RowProblem(number, p.field, p.message) for p in row_problems)
        rows.append(ManifestRow(number, fields, _content_key(fields)))
    return Manifest(tuple(rows), tuple(problems))


# --- the two forms ----------------------------------------------------------------------


_RawRow = tuple[dict[str, object], list[Problem]]


def _json_rows(text: str) -> list[_RawRow]:
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except ValueError as exc:
        raise ManifestError(f"The manifest is not valid JSON: {exc}.") from None
    if not isinstance(data, list):
        raise ManifestError("A JSON manifest is a list of objects, one per item.")
    rows: list[_RawRow] = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ManifestError(f"Item {number} of the manifest is not a JSON object.")
        known = {k: v for k, v in item.items() if k in JSON_KEYS and v is not None}
        unknown = [
            Problem(str(k), f"{show(str(k))} is not a manifest field ({_field_hint(str(k))})")
            for k in item
            if k not in JSON_KEYS
        ]
        rows.append((known, unknown))
    return rows


def _csv_rows(text: str) -> list[_RawRow]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = next(reader, None)
        body = list(reader)
    except csv.Error as exc:
        raise ManifestError(f"The manifest is not valid CSV: {exc}.") from None
    if header is None or not any(cell.strip() for cell in header):
        raise ManifestError("A CSV manifest starts with a header row naming its columns.")
    names = [cell.strip().lower() for cell in header]
    unknown = [name for name in names if name and name not in CSV_COLUMNS]
    if unknown:
        raise ManifestError(
            f"The column {unknown[0]!r} is not a manifest field. Columns: "
            + ", ".join(CSV_COLUMNS)
            + "."
        )
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if repeated:
        raise ManifestError(f"The column {repeated[0]!r} appears twice in the header.")
    rows: list[_RawRow] = []
    for cells in body:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines separate groups in spreadsheets; they are not items
        extra = []
        if any(cell.strip() for cell in cells[len(names) :]):
            extra = [Problem("", "The row has more cells than the header has columns")]
        flat = {
            name: cell.strip()
            for name, cell in zip(names, cells, strict=False)
            if name and cell.strip()
        }
        options = {name: flat.pop(name) for name in OPTION_NAMES if name in flat}
        row: dict[str, object] = dict(flat)
        if options:
            row["option"] = options
        rows.append((row, extra))
    return rows


def _field_hint(name: str) -> str:
    if name in OPTION_NAMES:
        return 'in JSON the AI options go in an "option" object'
    if name.startswith("option"):
        return "the AI options are " + ", ".join(OPTION_NAMES)
    return "fields: " + ", ".join(JSON_KEYS)


# --- one row -------------------------------------------------------------------------------


def _read_row(
    raw: Mapping[str, object], base_dir: PurePath | None
) -> tuple[dict[str, Any], list[Problem]]:
    """The row's normalised fields, and its problems (as far as they show without the
    source)."""
    problems: list[Problem] = []
    fields: dict[str, Any] = {}
    for name in ("file", "preset"):
        if name in raw:
            value = raw[name]
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(name, f"{name} is a text, not {show(value)}"))
            elif name == "file":
                path = PurePath(value.strip())
                fields[name] = str(base_dir / path if base_dir is not None else path)
            else:
                fields[name] = unicodedata.normalize("NFC", value).strip()
    if "size" in raw:
        size_problems = check_size_rule(raw["size"])
        problems += size_problems
        if not size_problems:
            fields["size"] = normal_size_rule(str(raw["size"]))
    for name in ("start", "end"):
        if name in raw:
            try:
                fields[name] = _read_time(raw[name])
            except ValueError as exc:
                problems.append(Problem(name, str(exc).rstrip(".")))
    option = raw.get("option")
    if option is not None and not isinstance(option, Mapping):
        problems.append(Problem("option", f"option is an object of switches, not {show(option)}"))
        option = None
    if isinstance(option, Mapping):
        unknown = [key for key in option if key not in OPTION_NAMES]
        if unknown:
            problems.append(
                Problem(
                    "option",
                    f"{show(str(unknown[0]))} is not an AI option: they are "
                    + ", ".join(OPTION_NAMES),
                )
            )
    problems += _combination_problems(raw, fields)
    body_fields, body_problems = _read_body_fields(raw, fields)
    fields.update(body_fields)
    problems += body_problems
    return fields, problems


def _combination_problems(raw: Mapping[str, object], fields: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if "file" in raw and "vid" in raw:
        problems.append(Problem("file", "Give either file or vid, not both"))
    elif "file" not in raw and "vid" not in raw:
        problems.append(Problem("vid", "Each row needs a vid or a file"))
    if ("width" in raw) != ("height" in raw):
        given, missing = ("width", "height") if "width" in raw else ("height", "width")
        problems.append(Problem(missing, f"{given} is given without {missing}: give both"))
    if "size" in raw and ("width" in raw or "height" in raw):
        problems.append(Problem("size", "Give either size or width and height, not both"))
    no_preset = "preset" not in raw
    if no_preset and not ({"size", "width", "height"} & set(raw)):
        problems.append(
            Problem("size", "The output size is missing: give size, width and height, or a preset")
        )
    if no_preset and "category" not in raw:
        problems.append(Problem("category", "The category is missing: give it, or a preset"))
    if "start" in raw and "start_pos" in raw:
        problems.append(Problem("start", "Give either start or start_pos, not both"))
    if "end" in raw and "duration" in raw:
        problems.append(Problem("end", "Give either end or duration, not both"))
    start, end = fields.get("start"), fields.get("end")
    if isinstance(start, int) and isinstance(end, int) and end <= start:
        problems.append(
            Problem("end", f"The end ({end} ms) must come after the start ({start} ms)")
        )
    return problems


def _read_body_fields(
    raw: Mapping[str, object], fields: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    """The body fields given, read and checked by the task's own rules.

    The rules need a whole request, so what the row leaves to its preset or its source is
    filled with a stand-in that passes; only problems of the fields the row gives are kept.
    """
    given = {name for name in (*BODY_FIELDS, "option") if name in raw}
    body: dict[str, object] = {name: raw[name] for name in given}
    body.setdefault("vid", NIL_UUID)
    body.setdefault("category", "general")
    body.setdefault("width", 2)
    body.setdefault("height", 2)
    if "option" in body and isinstance(body["option"], Mapping):
        body["option"] = {k: v for k, v in body["option"].items() if k in OPTION_NAMES}
    ranged = bool({"start", "end"} & set(raw)) or "start_pos" in raw
    if ranged and "duration" not in raw:
        body["duration"] = 1  # to the end, or to `end`: known once the source is
    try:
        spec = TaskSpec.from_request_body(body)
    except InvalidTaskSpec as exc:
        problems = [p for p in exc.problems if p.field in given]
        if "start" in fields or "end" in fields:
            problems = [p for p in problems if p.field != "use_trim_orig"]
        return {}, problems
    read = spec.to_request_body()
    values: dict[str, Any] = {name: read[name] for name in given if name != "option"}
    if "option" in given and isinstance(raw["option"], Mapping):
        values["option"] = {
            name: getattr(spec.options, name) for name in OPTION_NAMES if name in raw["option"]
        }
    return values, []


def _read_time(value: object) -> TimeValue:
    """Milliseconds (a number, or digits), SMPTE timecode, or HH:MM:SS.mmm."""
    if isinstance(value, bool):
        raise ValueError(f"A time is milliseconds or a timecode, not {show(value)}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"A time cannot be negative ({value} ms)")
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if not isinstance(value, str):
        raise ValueError(f"A time is milliseconds or a timecode, not {show(value)}")
    text = value.strip()
    if _DIGITS_RE.fullmatch(text):
        return int(text)
    if _SMPTE_RE.fullmatch(text):
        return Timecode(text)
    return parse_duration_ms(text)


def _content_key(fields: Mapping[str, Any]) -> str:
    plain = {
        name: {"timecode": value.text} if isinstance(value, Timecode) else value
        for name, value in fields.items()
    }
    text = json.dumps(plain, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the request of a row --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClipFacts:
    """What is known of a row's source: its vid (None until a file is uploaded), its size
    as shown, its duration and frame rate."""

    vid: str | None = None
    size: tuple[int, int] | None = None
    duration_ms: int | None = None
    rate: FrameRate | None = None


def row_task_spec(
    row: ManifestRow, clip: ClipFacts, find_preset: Callable[[str], Preset | None]
) -> TaskSpec:
    """The request of a row on its source: the preset's fields, the row's over them, the
    size and range worked out on the source. ``InvalidTaskSpec`` with every reason.

    Until a file is uploaded its vid is a stand-in (the nil UUID): the request is checked
    whole, and sent with the real vid.
    """
    problems: list[Problem] = []
    preset: Preset | None = None
    if row.preset is not None:
        preset = find_preset(row.preset)
        if preset is None:
            problems.append(Problem("preset", f"There is no preset named {row.preset!r}"))
    body: dict[str, Any] = dict(preset.body_fields()) if preset is not None else {}
    options = dict(body.get("option", {}))
    options.update(row.get("option") or {})
    for name in BODY_FIELDS:
        if name in row.fields:
            body[name] = row.fields[name]
    body["option"] = {name: bool(options.get(name, False)) for name in OPTION_NAMES}
    if "width" not in row.fields:
        rule = row.get("size") or (preset.size if preset is not None else None)
        if rule is not None:
            try:
                body["width"], body["height"] = size_for_rule(rule, clip.size)
            except ValueError as exc:
                problems.append(Problem("size", str(exc).rstrip(".")))
    start, duration = _range(row, clip, problems)
    body["start_pos"], body["duration"] = start, duration
    body["vid"] = clip.vid or NIL_UUID
    if problems:
        try:
            TaskSpec.from_request_body(body, source_duration_ms=clip.duration_ms)
        except InvalidTaskSpec as exc:
            fields = {p.field for p in problems}
            if "size" in fields:
                fields |= {"width", "height"}  # said already: the size could not be made
            problems += [p for p in exc.problems if p.field not in fields]
        raise InvalidTaskSpec(problems)
    return TaskSpec.from_request_body(body, source_duration_ms=clip.duration_ms)


def _range(row: ManifestRow, clip: ClipFacts, problems: list[Problem]) -> tuple[int, int]:
    """(start_pos, duration) in ms; a start with no end runs to the source's end."""
    start = row.get("start_pos")
    if start is None:
        start = _ms_of(row.get("start"), "start", clip, problems)
    start = start or 0
    duration = row.get("duration")
    if duration is not None:
        return start, duration
    end = _ms_of(row.get("end"), "end", clip, problems)
    if end is not None:
        if end <= start:
            problems.append(
                Problem("end", f"The end ({end} ms) must come after the start ({start} ms)")
            )
            return start, 0
        return start, end - start
    if start > 0 and clip.duration_ms is not None and start < clip.duration_ms:
        return start, clip.duration_ms - start  # to the end, which the API needs as a length
    return start, 0


def _ms_of(
    value: TimeValue | None, name: str, clip: ClipFacts, problems: list[Problem]
) -> int | None:
    if value is None or isinstance(value, int):
        return value
    if clip.rate is None:
        problems.append(
            Problem(
                name,
                f"The timecode {value.text} needs the source's frame rate, which is not known: "
                "give the time in milliseconds or as HH:MM:SS.mmm",
            )
        )
        return None
    try:
        return frames_to_ms(parse_timecode(value.text, clip.rate), clip.rate)
    except ValueError as exc:
        problems.append(Problem(name, str(exc).rstrip(".")))
        return None
