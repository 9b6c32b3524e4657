"""A person's log as a file and back: our CSV and JSON, and Cronometer's servings export.

Pure (no Home Assistant): the person layer reads and writes the files, names the foods and
adds what `plan_import` finds new.

- Export: every field of every entry, with the English and Swedish name of its food where
  the food is known, as CSV (`COLUMNS`) or as a versioned JSON document (`to_document`).
  Times are written in the person's time zone with their offset, numbers as Python writes
  them (the shortest text that reads back as the same float), so an import of an export
  gives back the same entries.
- Import (`parse`): the two formats above, and Cronometer's servings CSV
  (`CRONOMETER_COLUMNS`). A row that cannot be an entry is refused with its row number, the
  column and why (`Refusal`); a file that cannot be read at all raises `TransferError`.
- Duplicates (`plan_import`): the same entry id, or the same name, grams and protein
  within a minute, whether already logged or earlier in the same file.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
import hashlib
import io
import json
import re
from typing import Any

from .categories import Category, estimate_leucine
from .model import KCAL_PER_G_PROTEIN, Entry, Source
from .validation import (
    BadTextError,
    NotANumberError,
    NumberRange,
    OutOfRangeError,
    clean_text,
    to_number,
)

# --- the formats -------------------------------------------------------------------------

FORMAT_JSON = "json"
FORMAT_CSV = "csv"
FORMAT_CRONOMETER = "cronometer"
IMPORT_FORMATS = (FORMAT_JSON, FORMAT_CSV, FORMAT_CRONOMETER)
EXPORT_FORMATS = (FORMAT_CSV, FORMAT_JSON)

# The JSON document: {"format": JSON_FORMAT_NAME, "version": JSON_VERSION, ..., "entries"}.
# A new version is needed when a field changes meaning; new fields may be added without.
JSON_FORMAT_NAME = "mtor_balance.log"
JSON_VERSION = 1

# The columns of our CSV (and the keys of a JSON entry): those of the log's other actions
# (`core.entries.entry_as_dict`) and the food's names. `food` is the food's id.
COLUMNS = (
    "time",
    "food",
    "name",
    "name_en",
    "name_sv",
    "grams",
    "protein_g",
    "leucine_g",
    "kcal",
    "leucine_estimated",
    "source",
    "entry_id",
)
# Columns an import of our CSV needs (and one of protein_g and leucine_g).
_REQUIRED = ("time", "name")
# Text columns a spreadsheet could run as a formula: written with a leading apostrophe.
_TEXT_COLUMNS = frozenset({"food", "name", "name_en", "name_sv", "entry_id"})
_FORMULA_START = ("=", "+", "-", "@", "'")
_FORMULA_CHARS = "".join(_FORMULA_START)

MAX_ID = 64  # characters of an entry id or food id
# A day without a time of its own (a date-only time in our formats) is logged at noon.
NO_TIME = time(12, 0)
# Entries this close in time, with the same name, grams and protein, are the same entry.
DUPLICATE_WINDOW = timedelta(minutes=1)

# --- Cronometer's servings export ---------------------------------------------------------

# The columns read from Cronometer's "Servings" export (More > Account > Export Data >
# Food & Recipe Entries), by the name in its header (matched ignoring case and spaces
# around). Every other column (vitamins, minerals, other amino acids) is ignored. Names as
# in gocronometer's servings parser (github.com/jrmycanady/gocronometer, parse.go), which
# reads real exports, and in the fixtures of other public importers; Time is empty (or
# absent) for accounts without time stamps, and the nutrient columns may be missing.
CRONOMETER_COLUMNS: dict[str, str] = {
    "day": "Day",  # 2026-11-02
    "time": "Time",  # "8:05 AM", "07:30 PM", "19:30" or empty
    "group": "Group",  # Breakfast, Lunch, Dinner, Snacks, Uncategorized or the user's own
    "name": "Food Name",
    "amount": "Amount",  # "150.00 g", "1.00 serving", "2 large"
    "kcal": "Energy (kcal)",
    "protein_g": "Protein (g)",
    "leucine_g": "Leucine (g)",
    "category": "Category",  # USDA food group: "Dairy and Egg Products", ...
}
# When a serving has no time: by its diary group, else noon.
CRONOMETER_GROUP_TIMES: dict[str, time] = {
    "breakfast": time(8, 0),
    "lunch": time(12, 30),
    "dinner": time(18, 30),
    "snacks": time(15, 30),
    "snack": time(15, 30),
}
# Weight units of the Amount column, in grams; other units (servings, cups) give no grams.
CRONOMETER_UNITS: dict[str, float] = {
    "g": 1.0,
    "kg": 1000.0,
    "oz": 28.349523125,
    "lb": 453.59237,
}
# The category whose share of leucine estimates a serving's leucine when Cronometer has
# none (foods known by their label only), from its USDA food group.
CRONOMETER_CATEGORIES: dict[str, Category] = {
    "dairy and egg products": Category.DAIRY,
    "beef products": Category.RED_MEAT,
    "pork products": Category.RED_MEAT,
    "lamb, veal, and game products": Category.RED_MEAT,
    "sausages and luncheon meats": Category.RED_MEAT,
    "poultry products": Category.POULTRY,
    "finfish and shellfish products": Category.FISH,
    "legumes and legume products": Category.LEGUMES,
    "cereal grains and pasta": Category.CEREALS,
    "breakfast cereals": Category.CEREALS,
    "baked products": Category.CEREALS,
    "nut and seed products": Category.NUTS,
    "vegetables and vegetable products": Category.VEGETABLES,
}
# Below this much protein a serving's 0 g leucine may be true (coffee, fruit); above it, a
# 0 is a food Cronometer has no amino acids for, and the leucine is estimated.
CRONOMETER_MIN_PROTEIN_FOR_LEUCINE = 1.0
CRONOMETER_ID_PREFIX = "cronometer-"
IMPORT_ID_PREFIX = "import-"  # a row of our CSV or JSON without an entry id
MADE_ID_PREFIXES = (CRONOMETER_ID_PREFIX, IMPORT_ID_PREFIX)

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?", re.ASCII)
_HALF_DAY = 12
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})
_SOURCES = {source.value: source for source in Source}


# --- what can go wrong ------------------------------------------------------------------


class Problem(StrEnum):
    """Why a whole file cannot be imported."""

    NOT_TEXT = "not_text"  # not UTF-8
    UNKNOWN_FORMAT = "unknown_format"
    BAD_JSON = "bad_json"
    BAD_CSV = "bad_csv"
    NOT_AN_EXPORT = "not_an_export"  # JSON, but not an export of this integration
    UNSUPPORTED_VERSION = "unsupported_version"
    MISSING_COLUMNS = "missing_columns"
    NO_NUTRIENTS = "no_nutrients"  # a Cronometer export without protein or leucine


class TransferError(ValueError):
    """The file cannot be imported at all; `detail` is a line, version or column names."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        """Remember what is wrong, and where or with what."""
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


class Reason(StrEnum):
    """Why one row is refused."""

    MISSING = "missing"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    BAD_TEXT = "bad_text"  # empty, too long, or control or invisible characters
    BAD_TIME = "bad_time"
    TIME_OUT_OF_RANGE = "time_out_of_range"  # before 1970 or in the future
    BAD_VALUE = "bad_value"  # not one of the allowed values (source, true/false)
    NOT_AN_OBJECT = "not_an_object"  # a JSON entry that is not an object


@dataclass(frozen=True, slots=True)
class Refusal:
    """A row that cannot be imported: its number, the column and why."""

    row: int
    field: str
    reason: Reason


class _RowError(Exception):
    def __init__(self, field: str, reason: Reason) -> None:
        super().__init__(field, reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Limits:
    """What an imported entry may hold (the ranges of the log's own actions)."""

    grams: NumberRange
    nutrient: NumberRange
    kcal: NumberRange
    text: int  # characters of a name
    earliest: datetime
    latest: datetime


@dataclass(frozen=True, slots=True)
class Parsed:
    """The entries a file holds, each with its row number, and the rows refused."""

    format: str
    rows: int
    entries: list[tuple[int, Entry]]
    refused: list[Refusal]


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A row that is an entry already logged (`of` its id) or an earlier row ("row N")."""

    row: int
    of: str


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import adds, and the rows it skips as duplicates."""

    new: list[tuple[int, Entry]]
    duplicates: list[Duplicate]


# A food's English and Swedish names by its id; None for a food no longer known.
FoodNames = Callable[[str], tuple[str, str] | None]


# --- export -------------------------------------------------------------------------------


def export_rows(
    entries: Iterable[Entry], names: FoodNames, tz: tzinfo
) -> list[dict[str, Any]]:
    """Return the entries as plain rows (the keys of `COLUMNS`), times in `tz`."""
    known: dict[str, tuple[str, str] | None] = {}
    rows = []
    for entry in entries:
        food_names: tuple[str, str] | None = None
        if entry.food_id is not None:
            if entry.food_id not in known:
                known[entry.food_id] = names(entry.food_id)
            food_names = known[entry.food_id]
        rows.append(
            {
                "time": entry.time.astimezone(tz).isoformat(),
                "food": entry.food_id,
                "name": entry.name,
                "name_en": None if food_names is None else food_names[0],
                "name_sv": None if food_names is None else food_names[1],
                "grams": entry.grams,
                "protein_g": entry.protein_g,
                "leucine_g": entry.leucine_g,
                "kcal": entry.kcal,
                "leucine_estimated": entry.leucine_estimated,
                "source": entry.source.value,
                "entry_id": entry.id,
            }
        )
    return rows


def to_document(
    rows: list[dict[str, Any]],
    *,
    person: str,
    time_zone: str,
    exported_at: datetime,
    start: datetime | None,
    end: datetime | None,
    missing_years: list[int] | None = None,
) -> dict[str, Any]:
    """Return the JSON export of `rows` (from `export_rows`).

    `missing_years`: closed years of the range that could not be read (none if empty).
    """
    return {
        "format": JSON_FORMAT_NAME,
        "version": JSON_VERSION,
        "person": person,
        "time_zone": time_zone,
        "exported_at": exported_at.isoformat(),
        "start": None if start is None else start.isoformat(),
        "end": None if end is None else end.isoformat(),
        "count": len(rows),
        "missing_years": list(missing_years or ()),
        "entries": rows,
    }


def to_csv(rows: Iterable[dict[str, Any]], *, header: bool = True) -> str:
    """Return `rows` (from `export_rows`) as CSV text, with a header (`COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header:
        writer.writerow(COLUMNS)
    writer.writerows(
        [_csv_cell(column, row[column]) for column in COLUMNS] for row in rows
    )
    return buffer.getvalue()


def _csv_cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if column in _TEXT_COLUMNS and text.startswith(_FORMULA_START):
        return "'" + text  # read back without it (`_text_cell`)
    return text


# --- import: reading the file -------------------------------------------------------------


def decode(raw: bytes) -> str:
    """Return a file's text (UTF-8, with or without a byte order mark)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise TransferError(Problem.NOT_TEXT) from err


def detect_format(text: str) -> str:
    """Return the format of `text`: JSON, our CSV or Cronometer's servings CSV."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        return FORMAT_JSON
    header = {_header_key(name) for name in _header(stripped)}
    if set(_REQUIRED) <= header and {"protein_g", "leucine_g"} & header:
        return FORMAT_CSV
    cronometer = {
        _header_key(CRONOMETER_COLUMNS["day"]),
        _header_key(CRONOMETER_COLUMNS["name"]),
    }
    if cronometer <= header:
        return FORMAT_CRONOMETER
    raise TransferError(Problem.UNKNOWN_FORMAT)


def parse(text: str, fmt: str | None, *, tz: tzinfo, limits: Limits) -> Parsed:
    """Return the entries of an export in `fmt` (None: detected); raise TransferError.

    Times without an offset are in `tz`. Rows are numbered as a person finds them: a CSV
    row by its line in the file (the header is line 1), a JSON entry by its place in the
    list (from 1).
    """
    text = text.removeprefix("\ufeff")
    fmt = fmt or detect_format(text)
    if fmt == FORMAT_JSON:
        return _parse_json(text, tz, limits)
    records = _csv_records(text)
    header = next(records, None)
    if header is None:
        return Parsed(fmt, 0, [], [])
    columns = _columns(header[1])
    if fmt == FORMAT_CSV:
        return _parse_rows(fmt, records, columns, _our_csv_columns(columns), tz, limits)
    return _parse_rows(fmt, records, columns, _cronometer_columns(columns), tz, limits)


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield each CSV record with its line number; raise TransferError if it is not CSV.

    Lines end only at CR and LF (not at the other line breaks `str.splitlines` knows).
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for record in reader:
            if record:  # an empty line is no row
                yield reader.line_num, record
    except csv.Error as err:
        raise TransferError(Problem.BAD_CSV, str(reader.line_num)) from err


def _header(text: str) -> list[str]:
    try:
        return next((record for _, record in _csv_records(text)), [])
    except TransferError:
        return []


def _header_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _columns(header: list[str]) -> dict[str, int]:
    """Return each column's place by its header key (the first of a repeated name)."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(_header_key(name), index)
    return columns


RowParser = Callable[[Mapping[str, object], tzinfo, Limits], Entry]


def _parse_rows(
    fmt: str,
    records: Iterator[tuple[int, list[str]]],
    columns: dict[str, int],
    parse_row: RowParser,
    tz: tzinfo,
    limits: Limits,
) -> Parsed:
    entries: list[tuple[int, Entry]] = []
    refused: list[Refusal] = []
    count = 0
    for line, record in records:
        count += 1
        cells = {
            name: record[index]
            for name, index in columns.items()
            if index < len(record)
        }
        try:
            entries.append((line, parse_row(cells, tz, limits)))
        except _RowError as err:
            refused.append(Refusal(line, err.field, err.reason))
    return Parsed(fmt, count, _number_repeats(entries), refused)


def _parse_json(text: str, tz: tzinfo, limits: Limits) -> Parsed:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise TransferError(Problem.BAD_JSON, str(err.lineno)) from err
    except (ValueError, RecursionError) as err:  # a huge integer, deep nesting
        raise TransferError(Problem.BAD_JSON, "1") from err
    rows = _json_rows(document)
    entries: list[tuple[int, Entry]] = []
    refused: list[Refusal] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            refused.append(Refusal(number, "entry", Reason.NOT_AN_OBJECT))
            continue
        try:
            entries.append((number, _our_entry(row, tz, limits, text_cells=False)))
        except _RowError as err:
            refused.append(Refusal(number, err.field, err.reason))
    return Parsed(FORMAT_JSON, len(rows), _number_repeats(entries), refused)


def _json_rows(document: object) -> list[object]:
    """Return the entries of a JSON export, of get_log's answer or of a bare list."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise TransferError(Problem.NOT_AN_EXPORT)
    if document.get("format", JSON_FORMAT_NAME) != JSON_FORMAT_NAME:
        raise TransferError(Problem.NOT_AN_EXPORT)
    version = document.get("version", JSON_VERSION)
    if type(version) is not int:
        raise TransferError(Problem.NOT_AN_EXPORT)
    if version != JSON_VERSION:
        raise TransferError(Problem.UNSUPPORTED_VERSION, str(version))
    rows = document.get("entries")
    if not isinstance(rows, list):
        raise TransferError(Problem.NOT_AN_EXPORT)
    return rows


# --- import: one row of our formats -------------------------------------------------------


def _our_csv_columns(columns: dict[str, int]) -> RowParser:
    """Return the parser of our CSV's rows; raise TransferError if columns are missing."""
    missing = [name for name in _REQUIRED if name not in columns]
    if "protein_g" not in columns and "leucine_g" not in columns:
        missing.append("protein_g")
    if missing:
        raise TransferError(Problem.MISSING_COLUMNS, ", ".join(missing))

    def parse_row(cells: Mapping[str, object], tz: tzinfo, limits: Limits) -> Entry:
        return _our_entry(cells, tz, limits, text_cells=True)

    return parse_row


def _our_entry(
    row: Mapping[str, object], tz: tzinfo, limits: Limits, *, text_cells: bool
) -> Entry:
    """Return the entry of a row of our CSV or JSON; raise _RowError.

    Every field is kept as written. Only what an export always has is needed: the time,
    the name, and protein or leucine; leucine missing is estimated from protein, energy
    missing is that of the protein, the source missing is an import.
    """

    def text(key: str, max_length: int) -> str | None:
        value = row.get(key)
        if _missing(value):
            return None
        if text_cells and isinstance(value, str):
            value = _text_cell(value)
        try:
            return clean_text(value, max_length)
        except BadTextError as err:
            raise _RowError(key, Reason.BAD_TEXT) from err

    when = _our_time(row.get("time"), tz, limits)
    name = text("name", limits.text)
    if name is None:
        raise _RowError("name", Reason.MISSING)
    protein = _number(row, "protein_g", limits.nutrient)
    leucine = _number(row, "leucine_g", limits.nutrient)
    if protein is None and leucine is None:
        raise _RowError("protein_g", Reason.MISSING)
    protein = protein or 0.0
    estimated = _flag(row.get("leucine_estimated"), "leucine_estimated")
    if leucine is None:
        leucine = round(estimate_leucine(protein, Category.OTHER), 3)
        estimated = True
    kcal = _number(row, "kcal", limits.kcal)
    source_text = row.get("source")
    if _missing(source_text):
        source = Source.IMPORT
    elif isinstance(source_text, str) and (
        known := _SOURCES.get(source_text.strip().casefold())
    ):
        source = known
    else:
        raise _RowError("source", Reason.BAD_VALUE)
    grams = _number(row, "grams", limits.grams)
    food_id = text("food", MAX_ID)
    entry_id = text("entry_id", MAX_ID) or _made_id(
        IMPORT_ID_PREFIX, when.isoformat(), name, str(grams), str(protein)
    )
    return Entry(
        id=entry_id,
        time=when,
        name=name,
        protein_g=protein,
        leucine_g=leucine,
        kcal=(
            round(KCAL_PER_G_PROTEIN * max(protein, leucine), 1)
            if kcal is None
            else kcal
        ),
        leucine_estimated=bool(estimated),
        source=source,
        food_id=food_id,
        grams=grams,
    )


def _text_cell(value: str) -> str:
    """Undo the apostrophe an export puts before a text a spreadsheet would run."""
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_CHARS:
        return value[1:]
    return value


def _our_time(value: object, tz: tzinfo, limits: Limits) -> datetime:
    """Return an ISO 8601 time (offset, or none: in `tz`; a date: its noon) in UTC."""
    if _missing(value):
        raise _RowError("time", Reason.MISSING)
    if not isinstance(value, str):
        raise _RowError("time", Reason.BAD_TIME)
    text = value.strip()
    try:
        if len(text) == len("2026-11-02"):
            return _in_range(
                "time", datetime.combine(date.fromisoformat(text), NO_TIME), tz, limits
            )
        when = datetime.fromisoformat(text)
    except ValueError as err:
        raise _RowError("time", Reason.BAD_TIME) from err
    return _in_range("time", when, tz, limits)


def _in_range(field: str, when: datetime, tz: tzinfo, limits: Limits) -> datetime:
    """Return `when` (naive: in `tz`) in UTC, if it is in the allowed range."""
    try:
        utc = (when if when.tzinfo else when.replace(tzinfo=tz)).astimezone(UTC)
    except (OverflowError, ValueError) as err:  # at the edge of datetime's range
        raise _RowError(field, Reason.TIME_OUT_OF_RANGE) from err
    if not limits.earliest <= utc <= limits.latest:
        raise _RowError(field, Reason.TIME_OUT_OF_RANGE)
    return utc


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(row: Mapping[str, object], key: str, allowed: NumberRange) -> float | None:
    value = row.get(key)
    if _missing(value):
        return None
    try:
        return allowed.check(value)
    except NotANumberError as err:
        raise _RowError(key, Reason.NOT_A_NUMBER) from err
    except OutOfRangeError as err:
        raise _RowError(key, Reason.OUT_OF_RANGE) from err


def _flag(value: object, key: str) -> bool | None:
    if _missing(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise _RowError(key, Reason.BAD_VALUE)


def _made_id(prefix: str, *parts: str) -> str:
    """Return an id made from a row's content: the same row gets the same id again."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return prefix + digest.hexdigest()[:24]


def _number_repeats(entries: list[tuple[int, Entry]]) -> list[tuple[int, Entry]]:
    """Give the 2nd, 3rd ... of identical rows made ids of their own (`<id>-2`, ...).

    Two eggs logged one by one at breakfast are two rows with the same content, and so
    the same made id; each is an entry. The same file imported again makes the same ids.
    """
    seen: dict[str, int] = {}
    numbered: list[tuple[int, Entry]] = []
    for row, entry in entries:
        count = 0
        if entry.id.startswith(MADE_ID_PREFIXES):
            seen[entry.id] = count = seen.get(entry.id, 0) + 1
        numbered.append(
            (row, entry._replace(id=f"{entry.id}-{count}") if count > 1 else entry)
        )
    return numbered


# --- import: one row of Cronometer's servings export --------------------------------------


def _cronometer_columns(columns: dict[str, int]) -> RowParser:
    """Return the parser of this export's rows; raise TransferError if it cannot have one."""
    keys = {field: _header_key(name) for field, name in CRONOMETER_COLUMNS.items()}
    missing = [CRONOMETER_COLUMNS[f] for f in ("day", "name") if keys[f] not in columns]
    if missing:
        raise TransferError(Problem.MISSING_COLUMNS, ", ".join(missing))
    if keys["protein_g"] not in columns and keys["leucine_g"] not in columns:
        raise TransferError(Problem.NO_NUTRIENTS)

    def parse_row(cells: Mapping[str, object], tz: tzinfo, limits: Limits) -> Entry:
        return _cronometer_entry(
            {field: cells.get(key) for field, key in keys.items()}, tz, limits
        )

    return parse_row


def _cronometer_entry(cells: Mapping[str, object], tz: tzinfo, limits: Limits) -> Entry:
    """Return the entry of one serving (`cells` by the keys of CRONOMETER_COLUMNS)."""

    def cell(field: str) -> str:
        value = cells.get(field)
        return value.strip() if isinstance(value, str) else ""

    def number(field: str, allowed: NumberRange) -> float | None:
        try:
            return _number(cells, field, allowed)
        except _RowError as err:
            raise _RowError(CRONOMETER_COLUMNS[field], err.reason) from err

    try:
        name = clean_text(cell("name"), limits.text)
    except BadTextError as err:
        reason = Reason.MISSING if not cell("name") else Reason.BAD_TEXT
        raise _RowError(CRONOMETER_COLUMNS["name"], reason) from err
    when = _cronometer_time(cell("day"), cell("time"), cell("group"), tz, limits)
    grams = _cronometer_grams(cell("amount"), limits)
    protein = number("protein_g", limits.nutrient) or 0.0
    leucine = number("leucine_g", limits.nutrient)
    kcal = number("kcal", limits.kcal)
    if leucine is None or (
        leucine == 0 and protein >= CRONOMETER_MIN_PROTEIN_FOR_LEUCINE
    ):
        category = CRONOMETER_CATEGORIES.get(_header_key(cell("category")))
        leucine = estimate_leucine(protein, category or Category.OTHER)
        estimated = True
    else:
        estimated = False
    return Entry(
        id=_made_id(
            CRONOMETER_ID_PREFIX,
            cell("day"),
            cell("time"),
            cell("group"),
            name,
            cell("amount"),
        ),
        time=when,
        name=name,
        protein_g=round(protein, 3),
        leucine_g=round(leucine, 3),
        kcal=round(
            KCAL_PER_G_PROTEIN * max(protein, leucine) if kcal is None else kcal, 1
        ),
        leucine_estimated=estimated,
        source=Source.IMPORT,
        grams=None if grams is None else round(grams, 1),
    )


def _cronometer_time(
    day_text: str, clock_text: str, group: str, tz: tzinfo, limits: Limits
) -> datetime:
    """Return a serving's time: its day and clock time, or its group's time, in `tz`."""
    day_column = CRONOMETER_COLUMNS["day"]
    if not day_text:
        raise _RowError(day_column, Reason.MISSING)
    try:
        day = date.fromisoformat(day_text)
    except ValueError as err:
        raise _RowError(day_column, Reason.BAD_TIME) from err
    if clock_text:
        clock = _clock(clock_text)
        field = CRONOMETER_COLUMNS["time"]
    else:
        clock = CRONOMETER_GROUP_TIMES.get(_header_key(group), NO_TIME)
        field = day_column
    return _in_range(field, datetime.combine(day, clock), tz, limits)


def _clock(text: str) -> time:
    """Return a clock time written "19:30", "7:30 PM" or "07:30:15 pm"."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise _RowError(CRONOMETER_COLUMNS["time"], Reason.BAD_TIME)
    hour, minute, second = (int(part or 0) for part in match.group(1, 2, 3))
    if (half := match.group(4)) is not None:
        if not 1 <= hour <= _HALF_DAY:
            raise _RowError(CRONOMETER_COLUMNS["time"], Reason.BAD_TIME)
        hour = hour % _HALF_DAY + (_HALF_DAY if half.casefold() == "pm" else 0)
    try:
        return time(hour, minute, second)
    except ValueError as err:
        raise _RowError(CRONOMETER_COLUMNS["time"], Reason.BAD_TIME) from err


def _cronometer_grams(amount: str, limits: Limits) -> float | None:
    """Return the grams of an Amount in a weight unit ("150.00 g"); None for other units."""
    value, _, unit = amount.partition(" ")
    factor = CRONOMETER_UNITS.get(unit.strip().casefold())
    if factor is None:
        return None
    column = CRONOMETER_COLUMNS["amount"]
    try:
        return limits.grams.check(to_number(value) * factor)
    except NotANumberError as err:
        raise _RowError(column, Reason.NOT_A_NUMBER) from err
    except OutOfRangeError as err:
        raise _RowError(column, Reason.OUT_OF_RANGE) from err


# --- duplicates --------------------------------------------------------------------------


def plan_import(
    rows: Sequence[tuple[int, Entry]], existing: Iterable[Entry]
) -> ImportPlan:
    """Return the rows to add, skipping duplicates of `existing` entries and earlier rows.

    A duplicate has the id of an entry or of an earlier row, or the same name (ignoring
    case), grams (to 0.1 g) and protein (to 0.01 g) as an existing entry within
    `DUPLICATE_WINDOW` of its time. Rows of one file with different ids are different
    entries, however alike (two eggs logged one by one).
    """
    index = _DuplicateIndex()
    for entry in existing:
        index.add(entry, entry.id)
    new: list[tuple[int, Entry]] = []
    duplicates: list[Duplicate] = []
    for row, entry in rows:
        if (of := index.find(entry)) is not None:
            duplicates.append(Duplicate(row, of))
            continue
        index.add_id(entry.id, f"row {row}")
        new.append((row, entry))
    return ImportPlan(new, duplicates)


class _DuplicateIndex:
    """Entries by id and by (name, grams, protein), with their times in order."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._times: dict[tuple[str, float | None, float], list[tuple[float, str]]] = {}

    @staticmethod
    def _key(entry: Entry) -> tuple[str, float | None, float]:
        grams = None if entry.grams is None else round(entry.grams, 1)
        return entry.name.casefold(), grams, round(entry.protein_g, 2)

    def add_id(self, entry_id: str, label: str) -> None:
        self._ids.setdefault(entry_id, label)

    def add(self, entry: Entry, label: str) -> None:
        self.add_id(entry.id, label)
        insort(
            self._times.setdefault(self._key(entry), []),
            (entry.time.timestamp(), label),
        )

    def find(self, entry: Entry) -> str | None:
        if (label := self._ids.get(entry.id)) is not None:
            return label
        times = self._times.get(self._key(entry))
        if not times:
            return None
        stamp = entry.time.timestamp()
        window = DUPLICATE_WINDOW.total_seconds()
        index = bisect_left(times, (stamp - window, ""))
        if index < len(times) and times[index][0] <= stamp + window:
            return times[index][1]
        return None
