"""Hostile action data: every action refuses it with a translated error and a log unchanged.

One table of inputs per action: wrong types, negative, zero, NaN, infinity, huge numbers,
unknown foods, overlong strings, times far in the past or the future, unknown fields and
people that are not there. Each must raise a `ServiceValidationError` whose translation key
exists (in this integration's en.json, or Home Assistant's own for the config-entry checks)
and whose placeholders fill the message, and the log must read the same afterwards.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
import string
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant import const as ha_const
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import probatio
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.mtor_balance.const import (
    DOMAIN,
)

from .common import async_add_person, person_entry

NOW = "2026-11-02 11:00:00+00:00"  # 12:00 in Stockholm
EVERYTHING = {"start": "2000-01-01T00:00:00+00:00"}
SUN_ENTRY_ID = "sun_entry"

OWN = json.loads(
    (
        Path(__file__).parent.parent
        / "custom_components"
        / DOMAIN
        / "translations"
        / "en.json"
    ).read_text(encoding="utf-8")
)["exceptions"]
CORE = json.loads(
    (
        Path(ha_const.__file__).parent
        / "components"
        / "homeassistant"
        / "translations"
        / "en.json"
    ).read_text(encoding="utf-8")
)["exceptions"]
MESSAGES = {DOMAIN: OWN, "homeassistant": CORE}

INVALID = "invalid_action_data"
NUMBER = "value_out_of_range"  # says which field and the allowed range
TEXT = "invalid_text"  # says which field and how long it may be
NOT_FOUND = "service_config_entry_not_found"
LONG = "x" * 201

# Every case runs through both an interpreted and a compiled copy of the schema: probatio
# compiles a schema after 50 uses, and the compiled one may raise conversion errors itself.


def _case(action: str, data: dict[str, Any], key: str, label: str, *marks: Any) -> Any:
    return pytest.param(action, data, key, id=f"{action}-{label}", marks=marks)


FOOD = {"food": "01012"}
LOG_FOOD = [
    # wrong types
    _case("log_food", {**FOOD, "grams": "lots"}, NUMBER, "grams-text"),
    _case("log_food", {**FOOD, "grams": [100]}, NUMBER, "grams-list"),
    _case("log_food", {**FOOD, "grams": {"g": 100}}, NUMBER, "grams-dict"),
    _case("log_food", {**FOOD, "grams": None}, NUMBER, "grams-none"),
    _case("log_food", {**FOOD, "grams": True}, NUMBER, "grams-bool"),
    _case("log_food", {"food": ["01012"], "grams": 10}, INVALID, "food-list"),
    _case("log_food", {"food": {"id": "01012"}, "grams": 10}, INVALID, "food-dict"),
    _case("log_food", {"food": None, "grams": 10}, INVALID, "food-none"),
    _case(
        "log_food", {**FOOD, "grams": 10, "time": 1_700_000_000}, INVALID, "time-int"
    ),
    _case("log_food", {**FOOD, "grams": 10, "time": True}, INVALID, "time-bool"),
    _case("log_food", {**FOOD, "grams": 10, "time": "yesterday"}, INVALID, "time-text"),
    # negative, zero, NaN, infinity, huge
    _case("log_food", {**FOOD, "grams": -5}, NUMBER, "negative"),
    _case("log_food", {**FOOD, "grams": -0.0}, NUMBER, "minus-zero"),
    _case("log_food", {**FOOD, "grams": 0}, NUMBER, "zero"),
    _case("log_food", {**FOOD, "grams": "0"}, NUMBER, "zero-text"),
    _case("log_food", {**FOOD, "grams": 0.01}, NUMBER, "rounds-to-zero"),
    _case("log_food", {**FOOD, "grams": math.nan}, NUMBER, "nan"),
    _case("log_food", {**FOOD, "grams": "nan"}, NUMBER, "nan-text"),
    _case("log_food", {**FOOD, "grams": math.inf}, NUMBER, "inf"),
    _case("log_food", {**FOOD, "grams": -math.inf}, NUMBER, "minus-inf"),
    _case("log_food", {**FOOD, "grams": "inf"}, NUMBER, "inf-text"),
    _case("log_food", {**FOOD, "grams": 5000.1}, NUMBER, "over-maximum"),
    _case("log_food", {**FOOD, "grams": 1e308}, NUMBER, "huge"),
    _case("log_food", {**FOOD, "grams": 10**400}, NUMBER, "huge-int"),
    # unknown foods and overlong strings
    _case("log_food", {"food": "unobtainium", "grams": 10}, "unknown_food", "unknown"),
    _case("log_food", {"food": "   ", "grams": 10}, TEXT, "blank"),
    _case("log_food", {"food": "\x00", "grams": 10}, TEXT, "nul"),
    _case("log_food", {**FOOD, "grams": "1_000"}, NUMBER, "grams-underscore"),
    _case("log_food", {**FOOD, "grams": "\uff11\uff12"}, NUMBER, "grams-full-width"),
    _case("log_food", {"food": "0101", "grams": 10}, "unknown_food", "partial-id"),
    _case("log_food", {"food": 1012, "grams": 10}, "unknown_food", "number-as-food"),
    _case(
        "log_food",
        {"food": "01012'; DROP TABLE log; --", "grams": 10},
        "unknown_food",
        "injection",
    ),
    _case("log_food", {"food": "", "grams": 10}, TEXT, "empty"),
    _case("log_food", {"food": LONG, "grams": 10}, TEXT, "overlong"),
    _case("log_food", {"food": "é" * 201, "grams": 10}, TEXT, "overlong-unicode"),
    # times far in the past or the future
    _case(
        "log_food",
        {**FOOD, "grams": 10, "time": "1999-01-01T00:00:00+00:00"},
        "time_out_of_range",
        "1999",
    ),
    _case(
        "log_food",
        {**FOOD, "grams": 10, "time": "2025-10-31T11:00:00+00:00"},
        "time_out_of_range",
        "367-days-back",
    ),
    _case(
        "log_food",
        {**FOOD, "grams": 10, "time": "2026-11-02T11:06:00+00:00"},
        "time_out_of_range",
        "6-minutes-ahead",
    ),
    _case(
        "log_food",
        {**FOOD, "grams": 10, "time": "2030-01-01T00:00:00"},
        "time_out_of_range",
        "2030",
    ),
    _case(
        "log_food",
        {**FOOD, "grams": 10, "time": "0001-01-01T00:00:00+14:00"},
        INVALID,  # outside datetime's range once in UTC
        "year-1",
    ),
    _case(
        "log_food",
        {**FOOD, "grams": 10, "time": "9999-12-31T23:59:59-14:00"},
        INVALID,  # outside datetime's range once in UTC
        "year-9999",
    ),
    # unknown and missing fields
    _case("log_food", {**FOOD, "grams": 10, "surprise": 1}, INVALID, "unknown-field"),
    _case(
        "log_food",
        {**FOOD, "grams": 10, "entity_id": "sensor.x"},
        INVALID,
        "entity-id",
    ),
    _case("log_food", FOOD, "grams_or_amount", "no-grams"),
    _case("log_food", {}, INVALID, "nothing"),
]

LOG_NUTRIENTS = [
    _case("log_nutrients", {}, "nutrients_required", "nothing"),
    _case("log_nutrients", {"name": "Powder"}, "nutrients_required", "name-only"),
    _case("log_nutrients", {"leucine_g": "x"}, NUMBER, "leucine-text"),
    _case("log_nutrients", {"leucine_g": None}, NUMBER, "leucine-none"),
    _case("log_nutrients", {"leucine_g": [1]}, NUMBER, "leucine-list"),
    _case("log_nutrients", {"leucine_g": -1}, NUMBER, "leucine-negative"),
    _case("log_nutrients", {"leucine_g": 0}, NUMBER, "leucine-zero"),
    _case(
        "log_nutrients",
        {"leucine_g": 0.0001},
        NUMBER,
        "leucine-rounds-to-zero",
    ),
    _case("log_nutrients", {"leucine_g": math.nan}, NUMBER, "leucine-nan"),
    _case("log_nutrients", {"leucine_g": math.inf}, NUMBER, "leucine-inf"),
    _case("log_nutrients", {"leucine_g": 500.5}, NUMBER, "leucine-over-maximum"),
    _case("log_nutrients", {"protein_g": -1}, NUMBER, "protein-negative"),
    _case("log_nutrients", {"protein_g": 0.0}, NUMBER, "protein-zero"),
    _case("log_nutrients", {"protein_g": "nan"}, NUMBER, "protein-nan"),
    _case("log_nutrients", {"protein_g": 1e9}, NUMBER, "protein-huge"),
    _case("log_nutrients", {"protein_g": 10**400}, NUMBER, "protein-huge-int"),
    _case("log_nutrients", {"protein_g": True}, NUMBER, "protein-bool"),
    _case(
        "log_nutrients", {"leucine_g": 3, "category": "meteorite"}, INVALID, "category"
    ),
    _case("log_nutrients", {"leucine_g": 3, "category": 5}, INVALID, "category-number"),
    _case(
        "log_nutrients", {"leucine_g": 3, "category": None}, INVALID, "category-none"
    ),
    _case("log_nutrients", {"leucine_g": 3, "name": ""}, TEXT, "name-empty"),
    _case("log_nutrients", {"leucine_g": 3, "name": LONG}, TEXT, "name-overlong"),
    _case("log_nutrients", {"leucine_g": 3, "name": ["a"]}, INVALID, "name-list"),
    _case("log_nutrients", {"leucine_g": 3, "name": "Pow\x00der"}, TEXT, "name-nul"),
    _case("log_nutrients", {"leucine_g": 3, "name": "x" * 10_000}, TEXT, "name-10-kB"),
    _case(
        "log_nutrients",
        {"leucine_g": 3, "name": string.whitespace},
        TEXT,
        "name-blank",
    ),
    _case(
        "log_nutrients",
        {"leucine_g": 3, "time": "1999-01-01T00:00:00+00:00"},
        "time_out_of_range",
        "time-1999",
    ),
    _case(
        "log_nutrients",
        {"leucine_g": 3, "time": "2999-01-01T00:00:00+00:00"},
        "time_out_of_range",
        "time-2999",
    ),
    _case(
        "log_nutrients",
        {"leucine_g": 3, "time": "0001-01-01T00:00:00+14:00"},
        INVALID,  # outside datetime's range once in UTC
        "time-year-1",
    ),
    _case("log_nutrients", {"leucine_g": 3, "time": "soon"}, INVALID, "time-text"),
    _case("log_nutrients", {"leucine_g": 3, "grams": 10}, INVALID, "unknown-field"),
]

UNDO_LAST = [
    _case("undo_last", {"surprise": 1}, INVALID, "unknown-field"),
    _case("undo_last", {"entry_id": "x"}, INVALID, "entry-id"),
    _case("undo_last", {"config_entry_id": "nobody"}, NOT_FOUND, "nobody"),
    _case("undo_last", {"config_entry_id": ""}, NOT_FOUND, "empty-person"),
    _case("undo_last", {"config_entry_id": 5}, NOT_FOUND, "number-person"),
    _case("undo_last", {"config_entry_id": ["entry_erik"]}, INVALID, "list-person"),
    _case(
        "undo_last",
        {"config_entry_id": SUN_ENTRY_ID},
        "service_config_entry_wrong_domain",
        "sun-entry",
    ),
]

DELETE_ENTRY = [
    _case("delete_entry", {}, INVALID, "nothing"),
    _case("delete_entry", {"entry_id": None}, INVALID, "none"),
    _case("delete_entry", {"entry_id": ""}, TEXT, "empty"),
    _case("delete_entry", {"entry_id": ["a"]}, INVALID, "list"),
    _case("delete_entry", {"entry_id": LONG}, TEXT, "overlong"),
    _case("delete_entry", {"entry_id": "nope"}, "entry_not_found", "unknown"),
    _case("delete_entry", {"entry_id": 5}, "entry_not_found", "number"),
    _case("delete_entry", {"entry_id": "*"}, "entry_not_found", "wildcard"),
    _case("delete_entry", {"entry_id": "nope", "all": True}, INVALID, "unknown-field"),
    _case(
        "delete_entry",
        {"entry_id": "nope", "config_entry_id": "nobody"},
        NOT_FOUND,
        "nobody",
    ),
]

SEARCH_FOODS = [
    _case("search_foods", {}, INVALID, "nothing"),
    _case("search_foods", {"query": ""}, TEXT, "empty"),
    _case("search_foods", {"query": None}, INVALID, "none"),
    _case("search_foods", {"query": ["egg"]}, INVALID, "list"),
    _case("search_foods", {"query": LONG}, TEXT, "overlong"),
    _case("search_foods", {"query": "egg", "limit": 0}, NUMBER, "limit-zero"),
    _case("search_foods", {"query": "egg", "limit": -1}, NUMBER, "limit-negative"),
    _case("search_foods", {"query": "egg", "limit": 51}, NUMBER, "limit-over"),
    _case("search_foods", {"query": "egg", "limit": 10**400}, NUMBER, "limit-huge"),
    _case("search_foods", {"query": "egg", "limit": "ten"}, NUMBER, "limit-text"),
    _case("search_foods", {"query": "egg", "limit": math.nan}, NUMBER, "limit-nan"),
    _case("search_foods", {"query": "egg", "limit": math.inf}, NUMBER, "limit-inf"),
    _case("search_foods", {"query": "egg", "limit": None}, NUMBER, "limit-none"),
    _case("search_foods", {"query": "egg", "lang": "sv"}, INVALID, "unknown-field"),
]

GET_LOG = [
    _case("get_log", {"start": "garbage"}, INVALID, "start-text"),
    _case("get_log", {"end": 5}, INVALID, "end-number"),
    _case("get_log", {"start": ["2026-01-01"]}, INVALID, "start-list"),
    _case(
        "get_log",
        {"start": "2026-11-02T12:00:00+00:00", "end": "2026-11-02T11:00:00+00:00"},
        "start_after_end",
        "start-after-end",
    ),
    _case(
        "get_log",
        {"start": "0001-01-01T00:00:00+14:00"},
        INVALID,
        "start-year-1",
    ),
    _case(
        "get_log",
        {"end": "9999-12-31T23:59:59-14:00"},
        INVALID,
        "end-year-9999",
    ),
    _case("get_log", {"end": "0001-01-01T00:00:00"}, INVALID, "end-naive-year-1"),
    _case("get_log", {"surprise": 5}, INVALID, "unknown-field"),
    _case("get_log", {"limit": 0}, NUMBER, "limit-zero"),
    _case("get_log", {"limit": 10_001}, NUMBER, "limit-over"),
    _case("get_log", {"limit": 10**400}, NUMBER, "limit-huge"),
    _case("get_log", {"limit": math.nan}, NUMBER, "limit-nan"),
    _case("get_log", {"limit": "all"}, NUMBER, "limit-text"),
    _case("get_log", {"cursor": ["1.1"]}, INVALID, "cursor-list"),
    _case("get_log", {"cursor": "1" * 41}, INVALID, "cursor-long"),
    _case("get_log", {"cursor": "yesterday"}, "invalid_cursor", "cursor-text"),
    _case("get_log", {"cursor": "9" * 18 + ".1"}, "invalid_cursor", "cursor-far"),
]


async def _call(hass: HomeAssistant, action: str, data: dict[str, Any]) -> Any:
    return await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True
    )


async def _everything(hass: HomeAssistant) -> list[dict[str, Any]]:
    return list((await _call(hass, "get_log", EVERYTHING))["entries"])


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Any:
    """Erik with two entries (so undo and delete have something to lose)."""
    freezer.move_to(NOW)
    entry = await async_add_person(hass, "Erik")
    MockConfigEntry(domain="sun", entry_id=SUN_ENTRY_ID).add_to_hass(hass)
    await _call(hass, "log_food", {"food": "01012", "grams": 100})
    await _call(hass, "log_nutrients", {"leucine_g": 3, "name": "Leucine powder"})
    return entry


def _use_schema(hass: HomeAssistant, action: str, *, compiled: bool) -> None:
    """Give the action a fresh copy of its schema, interpreted or compiled.

    probatio interprets a schema for its first 50 validations and then compiles it, so a
    running Home Assistant meets both; each case is checked with both.
    """
    service = hass.services.async_services_for_domain(DOMAIN)[action]
    schema = service.schema
    assert isinstance(schema, probatio.Schema)
    service.schema = type(schema)(schema.schema, extra=schema.extra, compile=compiled)


def _check_translated(err: ServiceValidationError, key: str) -> None:
    assert err.translation_key == key
    messages = MESSAGES.get(str(err.translation_domain))
    assert messages is not None, err.translation_domain
    assert key in messages, f"{key} is not in {err.translation_domain}'s en.json"
    # Every placeholder of the message is given (a missing one shows as {name} to the user).
    messages[key]["message"].format(**(err.translation_placeholders or {}))


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("action", "data", "key"),
    [*LOG_FOOD, *LOG_NUTRIENTS, *UNDO_LAST, *DELETE_ENTRY, *SEARCH_FOODS, *GET_LOG],
)
async def test_hostile_data_is_refused_with_a_translated_error_and_the_log_unchanged(
    hass: HomeAssistant, action: str, data: dict[str, Any], key: str
) -> None:
    before = await _everything(hass)
    leucine = hass.states.get("sensor.erik_leucine_today").state
    assert len(before) == 2

    for compiled in (False, True):
        _use_schema(hass, action, compiled=compiled)
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, action, data)
        _check_translated(err.value, key)
        await hass.async_block_till_done()
        assert await _everything(hass) == before
        assert hass.states.get("sensor.erik_leucine_today").state == leucine


async def test_a_person_not_loaded_and_two_people_without_a_name_are_refused(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    erik = await async_add_person(hass, "Erik")
    await _call(hass, "log_food", {"food": "01012", "grams": 100})
    anna = person_entry("Anna")
    anna.add_to_hass(hass)  # not set up
    before = await _call(
        hass, "get_log", {**EVERYTHING, "config_entry_id": erik.entry_id}
    )

    for data, key in (
        ({"config_entry_id": anna.entry_id}, "service_config_entry_not_loaded"),
        ({}, "service_found_multiple_config_entry_for_domain"),
    ):
        for action, extra in (
            ("log_food", {"food": "01012", "grams": 10}),
            ("log_nutrients", {"leucine_g": 3}),
            ("undo_last", {}),
            ("delete_entry", {"entry_id": "nope"}),
            ("search_foods", {"query": "egg"}),
            ("get_log", {}),
        ):
            with pytest.raises(ServiceValidationError) as err:
                await _call(hass, action, {**extra, **data})
            _check_translated(err.value, key)
    after = await _call(
        hass, "get_log", {**EVERYTHING, "config_entry_id": erik.entry_id}
    )
    assert after == before
