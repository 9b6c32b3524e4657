"""Export and import of a log (core.transfer): formats, hostile rows, duplicates, round trips."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core import transfer
from custom_components.mtor_balance.core.categories import LEUCINE_FRACTION, Category
from custom_components.mtor_balance.core.model import Entry, Source
from custom_components.mtor_balance.core.transfer import (
    COLUMNS,
    CRONOMETER_ID_PREFIX,
    FORMAT_CRONOMETER,
    FORMAT_CSV,
    FORMAT_JSON,
    JSON_FORMAT_NAME,
    JSON_VERSION,
    Duplicate,
    Limits,
    Parsed,
    Problem,
    Reason,
    Refusal,
    TransferError,
    decode,
    detect_format,
    export_rows,
    parse,
    plan_import,
    to_csv,
    to_document,
)
from custom_components.mtor_balance.core.validation import NumberRange, clean_text

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 2, 11, 0, tzinfo=UTC)  # 12:00 in Stockholm
LIMITS = Limits(
    grams=NumberRange(0.0, 5000.0, "g"),
    nutrient=NumberRange(0.0, 500.0, "g"),
    kcal=NumberRange(0.0, 45000.0, "kcal"),
    text=200,
    earliest=datetime(1970, 1, 1, tzinfo=UTC),
    latest=NOW + timedelta(minutes=5),
)
FIXTURE = Path(__file__).parent.parent / "fixtures" / "cronometer_servings.csv"
HEADER = ",".join(COLUMNS)
CRONO_HEADER = (
    "Day,Time,Group,Food Name,Amount,Energy (kcal),Protein (g),Leucine (g),Category"
)


def _names(food_id: str) -> tuple[str, str] | None:
    return {"01012": ("Cottage cheese", "Keso")}.get(food_id)


COTTAGE = Entry(
    id="a1",
    time=datetime(2026, 11, 1, 7, 3, 4, 123456, tzinfo=UTC),
    name="Cottage cheese",
    protein_g=11.12,
    leucine_g=1.116,
    kcal=98.0,
    leucine_estimated=False,
    source=Source.SCALE,
    food_id="01012",
    grams=100.0,
)
POWDER = Entry(
    id="b2",
    time=datetime(2026, 11, 1, 8, 0, tzinfo=UTC),
    name="Leucine, powder",
    protein_g=0.0,
    leucine_g=3.0,
    kcal=12.0,
    leucine_estimated=False,
    source=Source.ACTION,
)
GONE = Entry(  # of an own food since removed: no names
    id="c3",
    time=datetime(2026, 6, 1, 16, 0, tzinfo=UTC),
    name="Grandma's stew",
    protein_g=25.5,
    leucine_g=2.04,
    kcal=310.0,
    leucine_estimated=True,
    source=Source.ACTION,
    food_id="custom_stew",
    grams=350.0,
)
ENTRIES = [GONE, COTTAGE, POWDER]


def _csv(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def _parse(text: str, fmt: str | None = None) -> Parsed:
    return parse(text, fmt, tz=TZ, limits=LIMITS)


def _json(rows: list[Any]) -> str:
    return json.dumps({"format": JSON_FORMAT_NAME, "version": 1, "entries": rows})


# --- export -------------------------------------------------------------------------------


def test_export_rows_have_every_field_names_of_known_foods_and_local_times() -> None:
    asked: list[str] = []

    def names(food_id: str) -> tuple[str, str] | None:
        asked.append(food_id)
        return _names(food_id)

    rows = export_rows([COTTAGE, POWDER, GONE, COTTAGE], names, TZ)
    assert rows[0] == {
        "time": "2026-11-01T08:03:04.123456+01:00",
        "food": "01012",
        "name": "Cottage cheese",
        "name_en": "Cottage cheese",
        "name_sv": "Keso",
        "grams": 100.0,
        "protein_g": 11.12,
        "leucine_g": 1.116,
        "kcal": 98.0,
        "leucine_estimated": False,
        "source": "scale",
        "entry_id": "a1",
    }
    assert set(rows[1]) == set(COLUMNS)
    assert rows[1]["food"] is None
    assert rows[1]["name_en"] is None
    assert rows[2]["time"] == "2026-06-01T18:00:00+02:00"  # summer time
    assert (rows[2]["name_en"], rows[2]["name_sv"]) == (None, None)
    assert asked == ["01012", "custom_stew"]  # each food looked up once


def test_csv_export_has_the_header_plain_values_and_no_formula_cells() -> None:
    formula = COTTAGE._replace(name="=HYPERLINK(1)", id="@x", food_id="+1")
    text = to_csv(export_rows([formula, POWDER], _names, TZ))
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert lines[1].split(",")[:3] == [
        "2026-11-01T08:03:04.123456+01:00",
        "'+1",
        "'=HYPERLINK(1)",
    ]
    assert lines[1].endswith(",false,scale,'@x")
    assert lines[2] == (
        '2026-11-01T09:00:00+01:00,,"Leucine, powder",,,,0.0,3.0,12.0,false,action,b2'
    )
    assert [e for _, e in _parse(text).entries] == [formula, POWDER]


def test_json_document_is_versioned_and_says_whose_and_when() -> None:
    rows = export_rows(ENTRIES, _names, TZ)
    document = to_document(
        rows,
        person="Erik",
        time_zone="Europe/Stockholm",
        exported_at=NOW.astimezone(TZ),
        start=None,
        end=NOW,
    )
    assert document == {
        "format": JSON_FORMAT_NAME,
        "version": JSON_VERSION,
        "person": "Erik",
        "time_zone": "Europe/Stockholm",
        "exported_at": "2026-11-02T12:00:00+01:00",
        "start": None,
        "end": "2026-11-02T11:00:00+00:00",
        "count": 3,
        "missing_years": [],  # every closed year of the range was read
        "entries": rows,
    }


@pytest.mark.parametrize("fmt", [FORMAT_CSV, FORMAT_JSON])
def test_an_export_reads_back_as_the_same_entries(fmt: str) -> None:
    text = _export(ENTRIES, fmt)
    parsed = _parse(text)
    assert parsed.format == fmt
    assert parsed.refused == []
    assert parsed.rows == 3
    assert [entry for _, entry in parsed.entries] == ENTRIES
    assert [row for row, _ in parsed.entries] == (
        [2, 3, 4] if fmt == FORMAT_CSV else [1, 2, 3]
    )
    assert all(entry.time.tzinfo is UTC for _, entry in parsed.entries)


def _export(entries: list[Entry], fmt: str) -> str:
    rows = export_rows(entries, _names, TZ)
    if fmt == FORMAT_CSV:
        return to_csv(rows)
    return json.dumps(
        to_document(
            rows,
            person="Erik",
            time_zone="Europe/Stockholm",
            exported_at=NOW,
            start=None,
            end=None,
        )
    )


# --- the round trip, for any entries ------------------------------------------------------


def _clean(max_length: int) -> st.SearchStrategy[str]:
    """Text a person could have logged: printable, stripped (what clean_text keeps)."""

    def valid(text: str) -> bool:
        try:
            return clean_text(text, max_length) == text
        except ValueError:
            return False

    alphabet = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn"))
    starts = st.sampled_from(["", "=", "+", "-", "@", "'", "''", "'=", '"', ","])
    return st.builds(
        lambda start, rest: (start + rest)[:max_length],
        starts,
        st.text(alphabet, min_size=1, max_size=40),
    ).filter(valid)


def _amount(maximum: float) -> st.SearchStrategy[float]:
    return st.floats(
        min_value=0.0, max_value=maximum, allow_nan=False, allow_infinity=False
    )


_entries = st.builds(
    Entry,
    id=_clean(64),
    time=st.datetimes(
        min_value=datetime(1970, 1, 2),  # noqa: DTZ001 (hypothesis wants naive bounds)
        max_value=datetime(2026, 11, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    name=_clean(200),
    protein_g=_amount(500.0),
    leucine_g=_amount(500.0),
    kcal=_amount(45000.0),
    leucine_estimated=st.booleans(),
    source=st.sampled_from(Source),
    food_id=st.none() | _clean(64),
    grams=st.none() | _amount(5000.0),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_entries, max_size=8, unique_by=lambda entry: entry.id),
    st.sampled_from([FORMAT_CSV, FORMAT_JSON]),
)
def test_any_log_exported_and_imported_is_the_same_log(
    entries: list[Entry], fmt: str
) -> None:
    parsed = _parse(_export(entries, fmt), fmt)
    assert parsed.refused == []
    assert [entry for _, entry in parsed.entries] == entries
    # ... and importing it again adds nothing.
    assert plan_import(parsed.entries, entries).new == []


# --- detecting the format -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"entries": []}', FORMAT_JSON),
        ("\ufeff \n [1]", FORMAT_JSON),
        (HEADER + "\n", FORMAT_CSV),
        ("time,name,leucine_g\n", FORMAT_CSV),
        (CRONO_HEADER + "\n", FORMAT_CRONOMETER),
        (" day , TIME,Group, food  name\n", FORMAT_CRONOMETER),
    ],
)
def test_the_format_is_recognised(text: str, fmt: str) -> None:
    assert detect_format(text) == fmt


@pytest.mark.parametrize(
    "text",
    ["", "hello", "time,name\n", "Date,Meal,Calories\n", '"unterminated\n', "3"],
)
def test_anything_else_is_no_known_format(text: str) -> None:
    with pytest.raises(TransferError) as err:
        _parse(text)
    assert err.value.problem is Problem.UNKNOWN_FORMAT


def test_an_empty_csv_has_no_rows() -> None:
    assert _parse("", FORMAT_CSV) == Parsed(FORMAT_CSV, 0, [], [])
    assert _parse(HEADER + "\n\n\n") == Parsed(FORMAT_CSV, 0, [], [])


def test_decode_takes_utf8_with_or_without_a_byte_order_mark() -> None:
    assert decode("Ägg".encode()) == "Ägg"
    assert decode(b"\xef\xbb\xbftime") == "time"
    with pytest.raises(TransferError) as err:
        decode(b"\xff\xfe t\x00")
    assert err.value.problem is Problem.NOT_TEXT
    assert str(err.value) == "not_text"


# --- our formats: what a row may leave out ------------------------------------------------


def test_a_minimal_row_gets_estimated_leucine_energy_a_source_and_a_stable_id() -> None:
    text = _csv(
        "2026-11-01T08:00:00+01:00,,Shake,,,,20,,,,,",
        "2026-11-01 09:00,,Leucine,,,,,2.5,,,,",
        "2026-10-31,,Dinner,,,,10.0,,,,,",
    )
    entries = [entry for _, entry in _parse(text).entries]
    shake, leucine, dinner = entries
    assert shake.leucine_g == round(20 * LEUCINE_FRACTION[Category.OTHER], 3)
    assert shake.leucine_estimated
    assert shake.kcal == 80.0
    assert shake.source is Source.IMPORT  # no source column: made elsewhere
    assert shake.food_id is None
    assert shake.grams is None
    assert shake.id.startswith("import-")
    assert (leucine.protein_g, leucine.leucine_g, leucine.kcal) == (0.0, 2.5, 10.0)
    assert not leucine.leucine_estimated
    assert leucine.time == datetime(2026, 11, 1, 8, 0, tzinfo=UTC)  # naive: local
    assert dinner.time == datetime(2026, 10, 31, 11, 0, tzinfo=UTC)  # a day: its noon
    assert [e.id for _, e in _parse(text).entries] == [e.id for e in entries]
    assert len({e.id for e in entries}) == 3


def test_true_false_and_sources_are_read_in_any_case() -> None:
    text = _csv(
        "2026-11-01T08:00:00+01:00,,A,,,,1,0.1,4,TRUE,Scale,x1",
        "2026-11-01T08:00:00+01:00,,B,,,,1,0.1,4, 0 , action ,x2",
    )
    first, second = (entry for _, entry in _parse(text).entries)
    assert first.leucine_estimated
    assert not second.leucine_estimated
    assert (first.source, second.source) == (Source.SCALE, Source.ACTION)


def test_json_takes_get_logs_answer_and_a_bare_list() -> None:
    row = export_rows([COTTAGE], _names, TZ)[0]
    assert [e for _, e in _parse(json.dumps({"entries": [row]})).entries] == [COTTAGE]
    assert [e for _, e in _parse(json.dumps([row])).entries] == [COTTAGE]
    # Keys it does not know (of a later version) are ignored.
    assert [e for _, e in _parse(_json([{**row, "mood": "happy"}])).entries] == [
        COTTAGE
    ]


def test_columns_in_another_order_and_extra_columns_are_fine() -> None:
    text = "kcal,notes,name,time,protein_g,entry_id\n98,yum,Keso,2026-11-01T08:00:00+01:00,11,k1\n"
    ((_, entry),) = _parse(text).entries
    assert (entry.id, entry.name, entry.protein_g, entry.kcal) == (
        "k1",
        "Keso",
        11.0,
        98.0,
    )


def test_a_short_row_lacks_its_last_cells() -> None:
    text = _csv("2026-11-01T08:00:00+01:00,,Keso,,,,11")
    ((_, entry),) = _parse(text).entries
    assert entry.id.startswith("import-")
    assert entry.leucine_estimated


# --- hostile rows: each refused with its row, column and reason; the others kept -----------

GOOD = "2026-11-01T08:00:00+01:00,,Keso,,,100,11,1.1,98,false,scale,good"


def _row(**cells: str) -> str:
    values = dict(zip(COLUMNS, GOOD.split(","), strict=True))
    values.update(cells)
    return ",".join(values[column] for column in COLUMNS)


@pytest.mark.parametrize(
    ("cells", "field", "reason"),
    [
        ({"protein_g": "NaN"}, "protein_g", Reason.NOT_A_NUMBER),
        ({"protein_g": "nan"}, "protein_g", Reason.NOT_A_NUMBER),
        ({"leucine_g": "inf"}, "leucine_g", Reason.NOT_A_NUMBER),
        ({"leucine_g": "-Infinity"}, "leucine_g", Reason.NOT_A_NUMBER),
        ({"kcal": "1e999"}, "kcal", Reason.NOT_A_NUMBER),
        ({"grams": "1_000"}, "grams", Reason.NOT_A_NUMBER),
        (
            {"grams": "\uff11\uff10\uff10"},
            "grams",
            Reason.NOT_A_NUMBER,
        ),  # full-width 100
        ({"grams": "0x10"}, "grams", Reason.NOT_A_NUMBER),
        ({"grams": "12 g"}, "grams", Reason.NOT_A_NUMBER),
        ({"protein_g": "-1"}, "protein_g", Reason.OUT_OF_RANGE),
        ({"protein_g": "500.1"}, "protein_g", Reason.OUT_OF_RANGE),
        ({"leucine_g": "1e6"}, "leucine_g", Reason.OUT_OF_RANGE),
        ({"grams": "5000.5"}, "grams", Reason.OUT_OF_RANGE),
        ({"grams": "-0.1"}, "grams", Reason.OUT_OF_RANGE),
        ({"kcal": "45001"}, "kcal", Reason.OUT_OF_RANGE),
        ({"name": ""}, "name", Reason.MISSING),
        ({"name": "  "}, "name", Reason.MISSING),
        ({"name": "Keso\x00"}, "name", Reason.BAD_TEXT),
        ({"name": "Ke\x1bso"}, "name", Reason.BAD_TEXT),
        ({"name": "Ke\u200bso"}, "name", Reason.BAD_TEXT),  # zero width space
        ({"name": "\u202eosek"}, "name", Reason.BAD_TEXT),  # right-to-left override
        ({"name": "x" * 201}, "name", Reason.BAD_TEXT),
        ({"entry_id": "x" * 65}, "entry_id", Reason.BAD_TEXT),
        ({"food": "a\tb"}, "food", Reason.BAD_TEXT),
        ({"time": ""}, "time", Reason.MISSING),
        ({"time": "yesterday"}, "time", Reason.BAD_TIME),
        ({"time": "2026-13-01T08:00:00"}, "time", Reason.BAD_TIME),
        ({"time": "2026-11-01T25:00:00"}, "time", Reason.BAD_TIME),
        ({"time": "2026-02-30"}, "time", Reason.BAD_TIME),
        ({"time": "1969-12-31T23:59:59+00:00"}, "time", Reason.TIME_OUT_OF_RANGE),
        ({"time": "0001-01-01T00:00:00+05:00"}, "time", Reason.TIME_OUT_OF_RANGE),
        ({"time": "9999-12-31T23:59:59-05:00"}, "time", Reason.TIME_OUT_OF_RANGE),
        ({"time": "2026-11-02T12:06:00+01:00"}, "time", Reason.TIME_OUT_OF_RANGE),
        ({"protein_g": "", "leucine_g": ""}, "protein_g", Reason.MISSING),
        ({"source": "cronometer"}, "source", Reason.BAD_VALUE),
        ({"leucine_estimated": "maybe"}, "leucine_estimated", Reason.BAD_VALUE),
    ],
)
def test_a_hostile_csv_row_is_refused_and_the_others_kept(
    cells: dict[str, str], field: str, reason: Reason
) -> None:
    text = _csv(GOOD, _row(**cells), _row(entry_id="good2"))
    parsed = _parse(text)
    assert parsed.refused == [Refusal(3, field, reason)]
    assert [(row, entry.id) for row, entry in parsed.entries] == [
        (2, "good"),
        (4, "good2"),
    ]
    assert parsed.rows == 3


def test_the_latest_allowed_time_is_a_few_minutes_ahead() -> None:
    text = _csv(_row(time="2026-11-02T12:05:00+01:00"))
    assert _parse(text).refused == []


def test_a_multi_line_name_is_one_row_numbered_by_its_last_line() -> None:
    text = _csv('2026-11-01T08:00:00+01:00,,"Two\nlines",,,,1,,,,,', GOOD)
    parsed = _parse(text)
    assert parsed.refused == [Refusal(3, "name", Reason.BAD_TEXT)]
    assert [row for row, _ in parsed.entries] == [4]


def test_a_line_break_that_is_no_csv_line_break_stays_in_the_name() -> None:
    name = "Keso\u2028och\u2029sylt\x85"
    ((_, entry),) = _parse(_csv(_row(name=name))).entries
    assert entry.name == name.strip()


@pytest.mark.parametrize(
    ("value", "field", "reason"),
    [
        (float("nan"), "protein_g", Reason.NOT_A_NUMBER),
        (True, "protein_g", Reason.NOT_A_NUMBER),
        ("12", None, None),  # a number as text is a number
        ([1], "protein_g", Reason.NOT_A_NUMBER),
    ],
)
def test_json_numbers_are_numbers(
    value: object, field: str | None, reason: Reason | None
) -> None:
    row = {**export_rows([COTTAGE], _names, TZ)[0], "protein_g": value}
    parsed = _parse(json.dumps({"entries": [row]}))
    if field is None:
        assert parsed.entries[0][1].protein_g == 12.0
    else:
        assert parsed.refused == [Refusal(1, field, reason)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("time", 1761980000, Reason.BAD_TIME),
        ("name", 42, Reason.BAD_TEXT),
        ("entry_id", None, None),
        ("leucine_estimated", 1, Reason.BAD_VALUE),
        ("source", None, None),
        ("source", 1, Reason.BAD_VALUE),
    ],
)
def test_json_values_of_the_wrong_type_are_refused(
    key: str, value: object, reason: Reason | None
) -> None:
    row = {**export_rows([COTTAGE], _names, TZ)[0], key: value}
    parsed = _parse(_json([row]))
    if reason is None:
        assert parsed.refused == []
    else:
        assert parsed.refused == [Refusal(1, key, reason)]


def test_json_entries_that_are_not_objects_are_refused() -> None:
    good = export_rows([COTTAGE], _names, TZ)[0]
    parsed = _parse(_json([good, [1, 2], "x", None]))
    assert parsed.refused == [
        Refusal(2, "entry", Reason.NOT_AN_OBJECT),
        Refusal(3, "entry", Reason.NOT_AN_OBJECT),
        Refusal(4, "entry", Reason.NOT_AN_OBJECT),
    ]
    assert parsed.rows == 4
    assert len(parsed.entries) == 1


def test_json_nan_and_infinity_are_refused_rows_not_a_crash() -> None:
    text = _json([]).replace(
        "[]",
        '[{"time": "2026-11-01T08:00:00+01:00", "name": "x", "protein_g": NaN}, {"time": "2026-11-01T08:00:00+01:00", "name": "x", "leucine_g": -Infinity}]',
    )
    assert _parse(text).refused == [
        Refusal(1, "protein_g", Reason.NOT_A_NUMBER),
        Refusal(2, "leucine_g", Reason.NOT_A_NUMBER),
    ]


# --- whole files that cannot be imported --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt", "problem", "detail"),
    [
        ('{"entries": [\n1,\n', None, Problem.BAD_JSON, "3"),
        pytest.param(
            "[" * 100_000 + "]" * 100_000, None, Problem.BAD_JSON, "1", id="deep"
        ),
        pytest.param(
            '{"entries": [' + "1" * 5000 + "]}",
            None,
            Problem.BAD_JSON,
            "1",
            id="huge-int",
        ),
        (HEADER, FORMAT_JSON, Problem.BAD_JSON, "1"),
        ("3", FORMAT_JSON, Problem.NOT_AN_EXPORT, ""),
        ('"entries"', FORMAT_JSON, Problem.NOT_AN_EXPORT, ""),
        ('{"format": "other", "entries": []}', None, Problem.NOT_AN_EXPORT, ""),
        ('{"version": "1", "entries": []}', None, Problem.NOT_AN_EXPORT, ""),
        ('{"version": true, "entries": []}', None, Problem.NOT_AN_EXPORT, ""),
        ('{"version": 2, "entries": []}', None, Problem.UNSUPPORTED_VERSION, "2"),
        ('{"entries": {"a": 1}}', None, Problem.NOT_AN_EXPORT, ""),
        ('{"rows": []}', None, Problem.NOT_AN_EXPORT, ""),
        (_csv('2026,"x"y'), FORMAT_CSV, Problem.BAD_CSV, "2"),
        pytest.param(
            _csv(GOOD, '"' + "x" * 200_000 + '"'),
            FORMAT_CSV,
            Problem.BAD_CSV,
            "3",
            id="huge-field",
        ),
        ("time,protein_g\n", FORMAT_CSV, Problem.MISSING_COLUMNS, "name"),
        ("name\n", FORMAT_CSV, Problem.MISSING_COLUMNS, "time, protein_g"),
        (CRONO_HEADER + "\n", FORMAT_CSV, Problem.MISSING_COLUMNS, "name, protein_g"),
        (HEADER + "\n", FORMAT_CRONOMETER, Problem.MISSING_COLUMNS, "Day, Food Name"),
        ("Day,Group,Food Name,Amount,Category\n", None, Problem.NO_NUTRIENTS, ""),
    ],
)
def test_a_file_that_cannot_be_imported_raises_what_is_wrong(
    text: str, fmt: str | None, problem: Problem, detail: str
) -> None:
    with pytest.raises(TransferError) as err:
        _parse(text, fmt)
    assert err.value.problem is problem
    assert err.value.detail == detail


# --- Cronometer's servings export ---------------------------------------------------------


def _crono(*rows: str, header: str = CRONO_HEADER) -> list[Entry]:
    parsed = _parse(_csv(*rows, header=header))
    assert parsed.format == FORMAT_CRONOMETER
    assert parsed.refused == []
    return [entry for _, entry in parsed.entries]


def _local(day: str, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=TZ).astimezone(UTC)


def test_a_week_of_cronometer_servings() -> None:
    parsed = _parse(FIXTURE.read_text(encoding="utf-8"))
    assert parsed.format == FORMAT_CRONOMETER
    assert parsed.refused == []
    assert parsed.rows == len(parsed.entries) == 57
    entries = {
        (e.time.astimezone(TZ).date().isoformat(), e.name): e for _, e in parsed.entries
    }
    oats = entries["2026-10-27", "Oats, Rolled, Dry"]
    assert oats == Entry(
        id=oats.id,
        time=_local("2026-10-27", "07:15"),
        name="Oats, Rolled, Dry",
        protein_g=7.89,
        leucine_g=0.77,
        kcal=227.4,
        leucine_estimated=False,
        source=Source.IMPORT,  # from another app
        food_id=None,
        grams=60.0,
    )
    assert oats.id.startswith(CRONOMETER_ID_PREFIX)
    assert entries["2026-10-27", "Chicken Breast, Roasted"].time == _local(
        "2026-10-27", "12:40"
    )
    assert entries["2026-10-27", "Lentils, Boiled"].time == _local(
        "2026-10-27", "19:10"
    )
    # A free account's day: times by diary group, noon for Uncategorized.
    assert entries["2026-11-01", "Egg, Whole, Cooked, Hard-Boiled"].time == _local(
        "2026-11-01", "08:00"
    )
    assert entries["2026-11-01", "Beef, Ground, 90% Lean, Cooked"].time == _local(
        "2026-11-01", "12:30"
    )
    assert entries["2026-11-01", "Almonds"].time == _local("2026-11-01", "15:30")
    assert entries["2026-11-01", "Salmon, Atlantic, Farmed, Cooked"].time == _local(
        "2026-11-01", "18:30"
    )
    assert entries["2026-11-01", "Multivitamin"].time == _local("2026-11-01", "12:00")
    # Foods with label data only: leucine estimated from protein by their category.
    whey = entries["2026-10-27", "Whey Protein Isolate, Vanilla"]
    assert (whey.protein_g, whey.grams, whey.leucine_estimated) == (25.0, None, True)
    assert whey.leucine_g == round(25 * LEUCINE_FRACTION[Category.OTHER], 3)
    # 0 g leucine in a little protein is believed (coffee).
    coffee = entries["2026-11-02", "Coffee, Brewed"]
    assert (coffee.leucine_g, coffee.leucine_estimated, coffee.grams) == (
        0.0,
        False,
        240.0,
    )
    assert len({entry.id for _, entry in parsed.entries}) == 57


def test_cronometer_clock_times_in_every_spelling() -> None:
    day = "2026-10-30"
    rows = [
        f"{day},{clock},Lunch,Food {i},100.00 g,100,10,1,"
        for i, clock in enumerate(
            [
                "12:00 AM",
                "12:30 PM",
                "1:05 pm",
                "07:30 PM",
                "19:30",
                "7:05",
                " 08:15 ",
                "06:00:30 AM",
            ]
        )
    ]
    times = [entry.time.astimezone(TZ).time() for entry in _crono(*rows)]
    assert times == [
        time(0, 0),
        time(12, 30),
        time(13, 5),
        time(19, 30),
        time(19, 30),
        time(7, 5),
        time(8, 15),
        time(6, 0, 30),
    ]


def test_cronometer_amounts_in_weight_units_are_grams_others_are_not() -> None:
    rows = [
        f"2026-10-30,,Lunch,Food {i},{amount},100,10,1,"
        for i, amount in enumerate(
            [
                "150.00 g",
                "0.25 kg",
                "2.00 oz",
                "1 lb",
                "1.00 cup",
                "2 large",
                "",
                "1.00 full recipe",
                "250.00 ml",
            ]
        )
    ]
    grams = [entry.grams for entry in _crono(*rows)]
    assert grams == [150.0, 250.0, 56.7, 453.6, None, None, None, None, None]


def test_cronometer_leucine_estimated_by_the_foods_group_when_missing_or_zero() -> None:
    entries = _crono(
        "2026-10-30,,Lunch,Beef,100.00 g,200,20,,Beef Products",
        "2026-10-30,,Lunch,Tofu,100.00 g,80,10,0.00,Legumes and Legume Products",
        "2026-10-30,,Lunch,Bar,1.00 bar,200,20,,",
        "2026-10-30,,Lunch,Apple,100.00 g,52,0.26,0.00,Fruits and Fruit Juices",
        "2026-10-30,,Lunch,Leucine,5.00 g,,,5.00,Supplements",
    )
    beef, tofu, bar, apple, leucine = entries
    assert (beef.leucine_g, beef.leucine_estimated) == (1.6, True)
    assert (tofu.leucine_g, tofu.leucine_estimated) == (0.75, True)
    assert (bar.leucine_g, bar.leucine_estimated) == (1.6, True)
    assert (apple.leucine_g, apple.leucine_estimated) == (0.0, False)
    assert (leucine.protein_g, leucine.leucine_g, leucine.kcal) == (0.0, 5.0, 20.0)
    assert beef.kcal == 200.0


def test_cronometer_without_a_leucine_column_estimates_every_serving() -> None:
    (entry,) = _crono(
        "2026-10-30,Dinner,Cod,100.00 g,,20,",
        header="Day,Group,Food Name,Amount,Energy (kcal),Protein (g),Category",
    )
    assert (entry.leucine_g, entry.leucine_estimated, entry.kcal) == (1.6, True, 80.0)
    assert entry.time == _local("2026-10-30", "18:30")


def test_cronometer_ids_are_the_same_for_the_same_serving_on_every_import() -> None:
    rows = (
        "2026-10-30,8:00 AM,Breakfast,Egg,50.00 g,70,6.3,0.54,",
        "2026-10-30,8:00 AM,Breakfast,Egg,100.00 g,140,12.6,1.08,",
    )
    first = _crono(*rows)
    assert [entry.id for entry in _crono(*rows)] == [entry.id for entry in first]
    assert first[0].id != first[1].id


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        (",8:00 AM,Breakfast,Egg,50.00 g,70,6,0.5,", "Day", Reason.MISSING),
        ("30/10/2026,8:00 AM,Breakfast,Egg,50.00 g,70,6,0.5,", "Day", Reason.BAD_TIME),
        ("2026-10-32,,Breakfast,Egg,50.00 g,70,6,0.5,", "Day", Reason.BAD_TIME),
        (
            "1969-12-31,,Breakfast,Egg,50.00 g,70,6,0.5,",
            "Day",
            Reason.TIME_OUT_OF_RANGE,
        ),
        (
            "2026-11-03,,Breakfast,Egg,50.00 g,70,6,0.5,",
            "Day",
            Reason.TIME_OUT_OF_RANGE,
        ),
        (
            "2026-11-02,6:00 PM,Dinner,Egg,50.00 g,70,6,0.5,",
            "Time",
            Reason.TIME_OUT_OF_RANGE,
        ),
        ("2026-10-30,25:00,Breakfast,Egg,50.00 g,70,6,0.5,", "Time", Reason.BAD_TIME),
        ("2026-10-30,7:61,Breakfast,Egg,50.00 g,70,6,0.5,", "Time", Reason.BAD_TIME),
        (
            "2026-10-30,13:00 PM,Breakfast,Egg,50.00 g,70,6,0.5,",
            "Time",
            Reason.BAD_TIME,
        ),
        ("2026-10-30,0:30 AM,Breakfast,Egg,50.00 g,70,6,0.5,", "Time", Reason.BAD_TIME),
        (
            "2026-10-30,breakfast,Breakfast,Egg,50.00 g,70,6,0.5,",
            "Time",
            Reason.BAD_TIME,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,,50.00 g,70,6,0.5,",
            "Food Name",
            Reason.MISSING,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Egg\x07,50.00 g,70,6,0.5,",
            "Food Name",
            Reason.BAD_TEXT,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Egg,abc g,70,6,0.5,",
            "Amount",
            Reason.NOT_A_NUMBER,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Water,6000.00 g,0,0,0,",
            "Amount",
            Reason.OUT_OF_RANGE,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Egg,50.00 g,70,NaN,0.5,",
            "Protein (g)",
            Reason.NOT_A_NUMBER,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Egg,50.00 g,70,-6,0.5,",
            "Protein (g)",
            Reason.OUT_OF_RANGE,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Egg,50.00 g,70,6,inf,",
            "Leucine (g)",
            Reason.NOT_A_NUMBER,
        ),
        (
            "2026-10-30,8:00 AM,Breakfast,Egg,50.00 g,1e9,6,0.5,",
            "Energy (kcal)",
            Reason.OUT_OF_RANGE,
        ),
    ],
)
def test_a_hostile_cronometer_row_is_refused(
    row: str, field: str, reason: Reason
) -> None:
    good = "2026-10-30,8:00 AM,Breakfast,Toast,30.00 g,80,3,0.2,"
    parsed = _parse(_csv(good, row, header=CRONO_HEADER))
    assert parsed.refused == [Refusal(3, field, reason)]
    assert [line for line, _ in parsed.entries] == [2]


def test_cronometer_times_around_the_change_of_clocks() -> None:
    early, late = _crono(
        "2026-03-29,2:30 AM,Snacks,Gap,10.00 g,10,1,0.1,",  # no such time: 1 h later
        "2026-10-25,2:30 AM,Snacks,Twice,10.00 g,10,1,0.1,",  # twice: the first
    )
    assert early.time == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert late.time == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


# --- duplicates ---------------------------------------------------------------------------


def _numbered(*entries: Entry) -> list[tuple[int, Entry]]:
    return list(enumerate(entries, start=2))


def test_an_entry_already_logged_is_a_duplicate_by_id() -> None:
    moved = COTTAGE._replace(time=COTTAGE.time + timedelta(days=3), name="Other")
    plan = plan_import(_numbered(moved, POWDER), [COTTAGE])
    assert plan.duplicates == [Duplicate(2, "a1")]
    assert plan.new == [(3, POWDER)]


@pytest.mark.parametrize(
    ("change", "duplicate"),
    [
        ({"time_s": 59}, True),
        ({"time_s": -60}, True),
        ({"time_s": 61}, False),
        ({"time_s": -61}, False),
        ({"name": "COTTAGE CHEESE"}, True),
        ({"name": "Cottage cheese 2%"}, False),
        ({"grams": 100.04}, True),
        ({"grams": 101.0}, False),
        ({"grams": None}, False),
        ({"protein_g": 11.121}, True),
        ({"protein_g": 11.2}, False),
        ({"leucine_g": 9.0, "kcal": 1.0, "source": Source.ACTION}, True),
    ],
)
def test_the_same_food_grams_and_protein_within_a_minute_is_a_duplicate(
    change: dict[str, Any], duplicate: bool
) -> None:
    seconds = change.pop("time_s", 0)
    other = COTTAGE._replace(
        id="other", time=COTTAGE.time + timedelta(seconds=seconds), **change
    )
    plan = plan_import(_numbered(other), [POWDER, COTTAGE])
    assert plan.duplicates == ([Duplicate(2, "a1")] if duplicate else [])
    assert len(plan.new) == (0 if duplicate else 1)


def test_rows_of_one_file_are_duplicates_only_by_their_id() -> None:
    # Another egg 30 s later is another egg; the same entry twice is one.
    again = COTTAGE._replace(id="again", time=COTTAGE.time + timedelta(seconds=30))
    plan = plan_import(_numbered(COTTAGE, POWDER, again, POWDER), [])
    assert plan.new == [(2, COTTAGE), (3, POWDER), (4, again)]
    assert plan.duplicates == [Duplicate(5, "row 3")]


def test_identical_cronometer_servings_are_each_imported_and_once_only() -> None:
    servings = "\n".join(
        [CRONO_HEADER]
        + ["2026-10-30,,Breakfast,Egg,50.00 g,72,6.3,0.54,Dairy and Egg Products"] * 2
    )
    first = parse(servings, FORMAT_CRONOMETER, tz=TZ, limits=LIMITS)
    assert len({entry.id for _, entry in first.entries}) == 2
    plan = plan_import(first.entries, [])
    assert len(plan.new) == 2
    again = plan_import(
        parse(servings, FORMAT_CRONOMETER, tz=TZ, limits=LIMITS).entries,
        [entry for _, entry in plan.new],
    )
    assert again.new == []
    assert [d.row for d in again.duplicates] == [2, 3]


def test_nothing_is_a_duplicate_of_nothing() -> None:
    assert plan_import([], []).new == []
    assert plan_import(_numbered(GONE), [COTTAGE]).new == [(2, GONE)]


def test_a_transfer_error_says_what_and_where() -> None:
    assert str(TransferError(Problem.BAD_CSV, "7")) == "bad_csv: 7"
    assert transfer.IMPORT_FORMATS == (FORMAT_JSON, FORMAT_CSV, FORMAT_CRONOMETER)
