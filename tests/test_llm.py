"""The tools an AI voice assistant gets from the Assist API: log, undo, search, status, log.

Every test takes the tools the way a conversation agent does (`llm.async_get_api` for the
Assist API) and calls them with `APIInstance.async_call_tool`, then checks the result the
model reads and what the person's log and sensors show.
"""

from __future__ import annotations

from functools import cache
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import llm
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import probatio
import pytest
from pytest_homeassistant_custom_component.common import MockUser

from custom_components.mtor_balance import llm as mtor_llm
from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.core.foods import FoodTable
from custom_components.mtor_balance.person.food_table import FOOD_TABLE, FOOD_TABLE_PATH

from .common import async_add_person

ROOT = Path(__file__).parent.parent
TOOLS = {
    "mtor_balance__log_food": ("Log food", (False, False, False, False)),
    "mtor_balance__log_supplement": ("Log supplement", (False, False, False, False)),
    "mtor_balance__undo_last": ("Undo last entry", (False, True, False, False)),
    "mtor_balance__search_foods": ("Search foods", (True, False, True, False)),
    "mtor_balance__get_status": (
        "Get fasting and protein status",
        (True, False, True, False),
    ),
    "mtor_balance__get_log": ("Get the day's log", (True, False, True, False)),
}


@cache
def _food_table() -> FoodTable:
    table = FoodTable.load(FOOD_TABLE_PATH)
    table.build_index()
    return table


def _at(local: str) -> str:
    """Return a time for a local Stockholm time in November (UTC+1)."""
    return f"2026-11-{local}+01:00"


def _context(user_id: str | None = None, language: str = "en") -> llm.LLMContext:
    return llm.LLMContext(
        platform="test",
        context=Context(user_id=user_id),
        language=language,
        assistant="conversation",
        device_id=None,
    )


async def _api(
    hass: HomeAssistant, llm_context: llm.LLMContext | None = None
) -> llm.APIInstance:
    return await llm.async_get_api(hass, llm.LLM_API_ASSIST, llm_context or _context())


async def _call(
    hass: HomeAssistant,
    tool: str,
    llm_context: llm.LLMContext | None = None,
    **args: Any,
) -> llm.ToolResult:
    api = await _api(hass, llm_context)
    result = await api.async_call_tool(llm.ToolInput(f"{DOMAIN}__{tool}", args))
    await hass.async_block_till_done()
    return result


async def _log(hass: HomeAssistant, person: str = "entry_erik") -> list[Any]:
    response = await hass.services.async_call(
        DOMAIN,
        "get_log",
        {"config_entry_id": person},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return [
        (entry["food"] or entry["name"], entry["grams"])
        for entry in response["entries"]
    ]


def _state(hass: HomeAssistant, entity_id: str) -> float:
    return float(hass.states.get(entity_id).state)


@pytest.fixture
async def assist(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """The Assist API (the llm and homeassistant integrations), at noon in Stockholm."""
    freezer.move_to(_at("02 12:00:00"))
    hass.data[FOOD_TABLE] = _food_table()
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "llm", {})


@pytest.fixture
async def erik(hass: HomeAssistant, assist: None) -> None:
    """Erik: fasting goal 16 h, eating window 12:00-20:00, 80 kg, 2.5 g leucine a meal."""
    await async_add_person(hass, "Erik")


# --- the tools on offer ------------------------------------------------------------------


async def test_the_tools_for_the_assist_api(hass: HomeAssistant, erik: None) -> None:
    api = await _api(hass)
    ours = {
        tool.name: tool for tool in api.tools if tool.name.startswith("mtor_balance")
    }
    assert set(ours) == set(TOOLS)
    for name, (title, expected) in TOOLS.items():
        tool = ours[name]
        assert tool.title == title
        assert tool.integration == DOMAIN
        assert tool.description
        assert (
            tool.annotations.read_only,
            tool.annotations.destructive,
            tool.annotations.idempotent,
            tool.annotations.open_world,
        ) == expected, name
        # The model gets every parameter as JSON schema; the person is always optional.
        schema = probatio.to_openapi(
            tool.parameters, custom_serializer=api.custom_serializer
        )
        assert schema["properties"]["person"]["type"] == "string"
        assert "Erik" in schema["properties"]["person"]["description"]
        assert "person" not in schema.get("required", [])
    log_food = probatio.to_openapi(
        ours["mtor_balance__log_food"].parameters,
        custom_serializer=api.custom_serializer,
    )
    assert log_food["required"] == ["food"]  # and grams, or an amount in a unit
    assert log_food["properties"]["grams"]["type"] == "number"
    assert log_food["properties"]["amount"]["type"] == "number"
    assert log_food["properties"]["unit"]["type"] == "string"
    # The prompt: grams or the amount as said, never guessed; the fasting goal is the
    # person's own, no claims.
    assert "never guess grams from pieces" in api.api_prompt
    assert "goal the person chose for themselves" in api.api_prompt
    assert "never claim that fasting caused autophagy" in api.api_prompt


async def test_no_tools_without_a_person_or_for_another_api(
    hass: HomeAssistant, assist: None
) -> None:
    entry = await async_add_person(hass, "Erik")
    assert mtor_llm.async_get_tools(hass, _context(), "some_other_api") is None
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    api = await _api(hass)
    assert not [tool for tool in api.tools if tool.name.startswith("mtor_balance")]
    assert "mTOR Balance" not in api.api_prompt


# --- log a food --------------------------------------------------------------------------


async def test_log_200_g_cottage_cheese(hass: HomeAssistant, erik: None) -> None:
    result = await _call(hass, "log_food", food="cottage cheese", grams=200)
    assert not result.error
    logged = result.data["logged"]
    assert result.data["person"] == "Erik"
    # 200 g at 1.116 g leucine and 11.12 g protein per 100 g.
    assert (logged["name"], logged["food_id"], logged["grams"]) == (
        "Cottage cheese",
        "01012",
        200.0,
    )
    assert (logged["leucine_g"], logged["protein_g"]) == (2.23, 22.2)
    assert logged["time"] == "2026-11-02T12:00+01:00"
    assert await _log(hass) == [("01012", 200.0)]
    # Today's totals are the sensors' values.
    assert result.data["today"]["leucine_g"] == _state(
        hass, "sensor.erik_leucine_today"
    )
    assert result.data["today"]["protein_g"] == _state(
        hass, "sensor.erik_protein_today"
    )


async def test_log_200_gram_keso_in_swedish(hass: HomeAssistant, erik: None) -> None:
    hass.config.language = "sv"
    result = await _call(
        hass, "log_food", _context(language="sv"), food="Keso.", grams="200"
    )
    assert not result.error
    assert result.data["logged"]["name"] == "Keso"
    assert result.data["logged"]["leucine_g"] == 2.23
    assert await _log(hass) == [("01012", 200.0)]


async def test_log_2_slices_of_rye_bread(hass: HomeAssistant, erik: None) -> None:
    result = await _call(hass, "log_food", food="rye bread", amount=2, unit="slice")
    assert not result.error
    logged = result.data["logged"]
    # A slice of SR28's rye bread is 32 g: 64 g at 0.579 g leucine per 100 g.
    assert (logged["food_id"], logged["grams"]) == ("18060", 64.0)
    assert logged["leucine_g"] == round(0.64 * 0.579, 2)
    assert (logged["amount"], logged["unit"]) == (2, "slice")
    assert logged["said"] == "2 \N{MULTIPLICATION SIGN} slice Rye bread"
    assert await _log(hass) == [("18060", 64.0)]


async def test_two_eggs_said_in_swedish(hass: HomeAssistant, erik: None) -> None:
    hass.config.language = "sv"
    result = await _call(
        hass, "log_food", _context(language="sv"), food="ägg", amount="2"
    )
    assert not result.error
    assert result.data["logged"]["name"] == "Ägg, rått"
    assert result.data["logged"]["grams"] == 100.0
    assert await _log(hass) == [("01123", 100.0)]


async def test_a_meal_eaten_earlier_is_logged_at_its_time(
    hass: HomeAssistant, erik: None
) -> None:
    result = await _call(
        hass, "log_food", food="eggs, hard-boiled", grams=100, time="2026-11-02T08:30"
    )
    assert result.data["logged"]["name"] == "Egg, whole, hard-boiled"
    assert result.data["logged"]["time"] == "2026-11-02T08:30+01:00"


def _message(language: str, key: str, **placeholders: str) -> str:
    """Return the integration's translated message of an error, as the actions raise it."""
    path = ROOT / "custom_components" / DOMAIN / "translations" / f"{language}.json"
    template = json.loads(path.read_text(encoding="utf-8"))["exceptions"][key][
        "message"
    ]
    return str(template.format(**placeholders))


@pytest.mark.parametrize("language", ["en", "sv"])
async def test_an_ambiguous_name_returns_the_candidates_to_ask_about(
    hass: HomeAssistant, erik: None, language: str
) -> None:
    hass.config.language = language
    result = await _call(hass, "log_food", food="chicken breast", grams=150)
    assert result.error
    assert result.data["error"] == "ambiguous_food"
    names = [food["name"] for food in result.data["candidates"]]
    # The action's own message, in the person's language, names the same foods.
    assert result.data["message"] == _message(
        language, "ambiguous_food", food="chicken breast", suggestions="; ".join(names)
    )
    assert [(food["id"], food["name"]) for food in result.data["candidates"]] == [
        (
            "05062",
            "Kycklingbröst, utan skinn, rått"
            if language == "sv"
            else "Chicken breast, skinless, raw",
        ),
        (
            "05064",
            "Kycklingbröst, utan skinn, ugnsstekt"
            if language == "sv"
            else "Chicken breast, roasted",
        ),
        (
            "05063",
            "Kycklingbröst, utan skinn, stekt"
            if language == "sv"
            else "Chicken breast, pan-fried",
        ),
    ]
    assert result.data["candidates"][1]["protein_g_per_100g"] == 31.02
    assert await _log(hass) == []
    # The model asks, then logs the one meant by its id.
    again = await _call(hass, "log_food", food="05064", grams=150)
    assert again.data["logged"]["food_id"] == "05064"
    assert await _log(hass) == [("05064", 150.0)]


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (
            {"food": "xyzzy", "grams": 100},
            "unknown_food",
            (
                'No food matches "xyzzy". Use a food\'s ID or its name in English or'
                " Swedish; the mtor_balance__search_foods tool finds both."
            ),
        ),
        (
            {"food": "keso", "grams": 0},
            "value_out_of_range",
            "grams must be a number from 0.05 to 5000 g.",
        ),
        (
            {"food": "keso"},
            "grams_or_amount",
            (
                "Give either grams or an amount (with a unit if the food is not counted in"
                " pieces), not both and not neither. A unit needs an amount."
            ),
        ),
        (
            {"food": "keso", "amount": 2, "unit": "slices"},
            "unknown_unit",
            "Cottage cheese has no slice. It can be logged in: cup, dl, gram, kg.",
        ),
        (
            {"food": "keso", "grams": 100, "time": "2020-01-01T08:00"},
            "time_out_of_range",
            (
                "The time 2020-01-01T08:00:00+01:00 is out of range: entries can be"
                " back-dated up to a year, and set at most 5 minutes ahead."
            ),
        ),
    ],
)
async def test_what_the_action_refuses_comes_back_as_its_message(
    hass: HomeAssistant,
    erik: None,
    args: dict[str, Any],
    error: str,
    message: str,
) -> None:
    result = await _call(hass, "log_food", **args)
    assert result.error
    assert result.data == {"error": error, "message": message}
    assert await _log(hass) == []


@pytest.mark.parametrize(
    "args",
    [
        {"food": "keso", "grams": "lots"},
        {"food": "keso", "grams": 100, "amount": 1},
        {"food": "keso", "grams": 100, "portion": "big"},
    ],
)
async def test_arguments_that_do_not_fit_are_refused(
    hass: HomeAssistant, erik: None, args: dict[str, Any]
) -> None:
    result = await _call(hass, "log_food", **args)
    assert result.error
    assert result.data["error"] == "invalid_arguments"
    assert result.data["message"]
    assert await _log(hass) == []


# --- supplements and undo ----------------------------------------------------------------


async def test_log_a_supplement(hass: HomeAssistant, erik: None) -> None:
    leucine = await _call(hass, "log_supplement", leucine_g=3, name="Leucine")
    assert leucine.data["logged"] == {
        "entry_id": leucine.data["logged"]["entry_id"],
        "name": "Leucine",
        "grams": None,
        "leucine_g": 3.0,
        "protein_g": 0.0,
        "leucine_estimated": False,
        "time": "2026-11-02T12:00+01:00",
    }
    whey = await _call(hass, "log_supplement", protein_g=25, category="whey")
    # Leucine estimated from whey protein: 11 %.
    assert whey.data["logged"]["leucine_g"] == 2.75
    assert whey.data["logged"]["leucine_estimated"]
    assert whey.data["today"]["leucine_g"] == 5.75
    assert await _log(hass) == [("Leucine", None), ("Supplement", None)]
    nothing = await _call(hass, "log_supplement", name="Air")
    assert nothing.error
    assert nothing.data == {
        "error": "nutrients_required",
        "message": "Give leucine grams, protein grams, or both.",
    }
    bad = await _call(hass, "log_supplement", leucine_g=3, category="candy")
    assert bad.data["error"] == "invalid_arguments"


async def test_undo_the_last_entry(hass: HomeAssistant, erik: None) -> None:
    await _call(hass, "log_food", food="keso", grams=200)
    await _call(hass, "log_supplement", leucine_g=3)
    removed = await _call(hass, "undo_last")
    assert removed.data["removed"]["leucine_g"] == 3.0
    assert removed.data["today"]["leucine_g"] == 2.23
    assert await _log(hass) == [("01012", 200.0)]
    removed = await _call(hass, "undo_last")
    assert removed.data["removed"]["name"] == "Cottage cheese"
    assert await _log(hass) == []
    nothing = await _call(hass, "undo_last")
    assert nothing.error
    assert nothing.data == {
        "error": "nothing_to_undo",
        "message": "There is nothing to undo.",
    }


# --- read-only tools ---------------------------------------------------------------------


async def test_search_foods_logs_nothing(hass: HomeAssistant, erik: None) -> None:
    result = await _call(hass, "search_foods", query="ägg")
    assert [food["name"] for food in result.data["foods"]][:3] == [
        "Egg, whole, raw",
        "Egg, whole, hard-boiled",
        "Egg, whole, fried",
    ]
    assert len(result.data["foods"]) == 5
    assert result.data["foods"][0] == {
        "id": "01123",
        "name": "Egg, whole, raw",
        "protein_g_per_100g": 12.56,
        "leucine_g_per_100g": 1.086,
        "leucine_estimated": False,
        "units_g": {
            "piece": 50,
            "large": 50,
            "medium": 44,
            "small": 38,
            "cup": 243,
            "dl": 102.7,
        },
    }
    assert await _log(hass) == []


async def test_status_matches_the_sensors(
    hass: HomeAssistant, erik: None, freezer: FrozenDateTimeFactory
) -> None:
    status = (await _call(hass, "get_status")).data
    assert status["fasting"]["hours"] is None  # nothing logged: no fast to count
    assert status["next_meal"]["reason"] == "no_history"
    assert status["next_meal"]["reason_text"] == "Nothing logged yet"

    await _call(hass, "log_food", food="keso", grams=300)  # 33 g protein, 3.3 g leucine
    freezer.move_to(_at("02 12:10:00"))
    status = (await _call(hass, "get_status")).data
    assert status["fasting"]["fasting"] is False
    assert status["fasting"]["meal_in_progress"] is True
    assert status["fasting"]["meal_open_until"] == "2026-11-02T12:45+01:00"

    freezer.move_to(_at("02 14:30:00"))
    await hass.services.async_call(
        "homeassistant",
        "update_entity",
        {"entity_id": "sensor.erik_fasting_hours"},
        blocking=True,
    )
    status = (await _call(hass, "get_status")).data
    assert status["person"] == "Erik"
    assert status["now"] == "2026-11-02T14:30+01:00"
    assert status["fasting"] == {
        "fasting": True,
        "hours": _state(hass, "sensor.erik_fasting_hours"),
        "since": "2026-11-02T12:00+01:00",
        "meal_in_progress": False,
        "meal_open_until": None,
        "goal_hours": 16.0,
        "goal_end": "2026-11-03T04:00+01:00",
        "goal_reached": False,
    }
    assert status["fasting"]["hours"] == 2.5
    today = status["today"]
    assert today["leucine_g"] == _state(hass, "sensor.erik_leucine_today")
    assert today["protein_g"] == _state(hass, "sensor.erik_protein_today")
    assert today["meals_at_target"] == _state(hass, "sensor.erik_meals_at_target_today")
    assert (today["meals_at_target"], today["meals_planned"]) == (1, 3)
    meal = hass.states.get("sensor.erik_next_suggested_meal")
    next_meal = status["next_meal"]
    assert dt_util.parse_datetime(next_meal["time"]) == dt_util.parse_datetime(
        meal.state
    )
    assert next_meal["time"] == "2026-11-02T15:00+01:00"
    assert next_meal["reason"] == meal.attributes["reason"] == "refractory"
    assert next_meal["reason_text"] == (
        "About 3 hours after your last meal (longer after a large one)"
    )
    assert next_meal["evidence"] == meal.attributes["evidence"] == "areta_2013"
    assert next_meal["evidence_text"].startswith("Areta 2013: about 3 h between meals")
    assert next_meal["target_leucine_g"] == meal.attributes["target_leucine_g"]
    assert next_meal["target_protein_g"] == meal.attributes["target_protein_g"]


async def test_status_texts_are_in_the_persons_language(
    hass: HomeAssistant, erik: None
) -> None:
    hass.config.language = "sv"
    status = (await _call(hass, "get_status")).data
    assert status["next_meal"]["reason_text"] == "Inget loggat ännu"
    assert status["next_meal"]["evidence_text"] == (
        "Din plans val (ingen nytta påstås)"
    )


async def test_the_days_log(
    hass: HomeAssistant, erik: None, freezer: FrozenDateTimeFactory
) -> None:
    await _call(hass, "log_food", food="keso", grams=200)
    freezer.move_to(_at("03 09:00:00"))
    await _call(hass, "log_food", food="05064", grams=150)
    await _call(hass, "log_supplement", leucine_g=2, name="Leucine")
    today = (await _call(hass, "get_log")).data
    assert today["date"] == "2026-11-03"
    assert [(e["name"], e["grams"], e["time"]) for e in today["entries"]] == [
        ("Chicken breast, roasted", 150.0, "2026-11-03T09:00+01:00"),
        ("Leucine", None, "2026-11-03T09:00+01:00"),
    ]
    assert today["totals"] == {
        "leucine_g": 5.49,
        "protein_g": 46.5,
        "leucine_estimated": False,
    }
    hass.config.language = "sv"  # foods are named in the person's language
    yesterday = (await _call(hass, "get_log", date="2026-11-02")).data
    assert [(e["name"], e["leucine_g"]) for e in yesterday["entries"]] == [
        ("Keso", 2.23)
    ]
    assert (await _call(hass, "get_log", date="2026-10-01")).data["entries"] == []
    bad = await _call(hass, "get_log", date="yesterday")
    assert bad.error
    assert bad.data["error"] == "invalid_arguments"


async def test_the_days_log_totals_are_the_sensors_not_a_sum_of_rounded_entries(
    hass: HomeAssistant, erik: None
) -> None:
    for _ in range(3):
        await _call(hass, "log_food", food="keso", grams=40)  # 0.4464 g leucine each
    log = (await _call(hass, "get_log")).data
    shown = [entry["leucine_g"] for entry in log["entries"]]
    assert shown == [0.45, 0.45, 0.45]  # 1.35 if the rounded entries were summed
    assert log["totals"]["leucine_g"] == 1.34
    assert log["totals"]["leucine_g"] == _state(hass, "sensor.erik_leucine_today")
    status = (await _call(hass, "get_status")).data
    assert status["today"]["leucine_g"] == log["totals"]["leucine_g"]


async def test_status_explains_the_next_meals_numbers_in_its_own_fields(
    hass: HomeAssistant, erik: None, freezer: FrozenDateTimeFactory
) -> None:
    await _call(hass, "log_food", food="keso", grams=300)  # 33.4 g protein at 12:00
    freezer.move_to(_at("02 12:50:00"))
    status = (await _call(hass, "get_status")).data
    next_meal = status["next_meal"]
    sensor = hass.states.get("sensor.erik_next_suggested_meal").attributes
    # 80 kg: 128 g a day (1.6 g/kg); 33 g eaten leaves 95 g for the meals that still
    # fit before 20:00 (15:00, and a last one 2 h later), 47 g each: more than a planned
    # meal of 43 g, so the day is behind (Morton 2018).
    assert next_meal["day"] == "2026-11-02"
    assert next_meal["day_protein_target_g"] == 128
    assert next_meal["day_protein_eaten_g"] == 33
    assert next_meal["day_protein_remaining_g"] == 95
    assert next_meal["meals_left"] == 2
    assert next_meal["target_protein_g"] == 47
    assert next_meal["meal_max_protein_g"] == 100
    assert next_meal["behind"] is True
    assert next_meal["target_evidence"] == "morton_2018"
    assert next_meal["target_evidence_text"].startswith("Morton 2018")
    assert next_meal["explanation"] == (
        "A meal of 47 g protein: the 95 g left of the day over 2 meal(s), more than a"
        " planned meal because the day is behind. The day's target is 128 g protein:"
        " 33 g eaten, 95 g left for 2 meal(s). The day is behind its plan, so the meal"
        " is larger than a planned one."
    )
    for key in (
        "target_protein_g",
        "target_leucine_g",
        "day_protein_target_g",
        "day_protein_eaten_g",
        "day_protein_remaining_g",
        "meals_left",
        "meal_max_protein_g",
        "behind",
        "day",
    ):
        assert next_meal[key] == sensor[key], key
    hass.config.language = "sv"
    status = (await _call(hass, "get_status")).data
    assert status["next_meal"]["explanation"].startswith(
        "En måltid med 47 g protein: dagens 95 g som är kvar på 2 måltid(er)"
    )


# --- whose log ---------------------------------------------------------------------------


@pytest.fixture
async def household(hass: HomeAssistant, assist: None) -> dict[str, MockUser]:
    """Erik and Åsa in mTOR Balance; Åsa is also a Home Assistant person with a user."""
    await async_add_person(hass, "Erik")
    await async_add_person(hass, "Åsa")
    asa = MockUser(name="Åsa").add_to_hass(hass)
    guest = MockUser(name="Guest").add_to_hass(hass)
    assert await async_setup_component(
        hass,
        "person",
        {
            "person": [
                {"id": "asa", "name": "Åsa", "user_id": asa.id},
                {"id": "guest", "name": "Guest", "user_id": guest.id},
            ]
        },
    )
    return {"asa": asa, "guest": guest}


async def test_with_two_people_the_tool_asks_whose_log(
    hass: HomeAssistant, household: dict[str, MockUser]
) -> None:
    for llm_context in (_context(), _context(household["guest"].id)):
        result = await _call(hass, "log_food", llm_context, food="keso", grams=100)
        assert result.error
        assert result.data["error"] == "which_person"
        assert result.data["people"] == ["Erik", "Åsa"]
    assert await _log(hass, "entry_erik") == []
    assert await _log(hass, "entry_åsa") == []


async def test_the_person_by_name_or_by_the_user_talking(
    hass: HomeAssistant, household: dict[str, MockUser]
) -> None:
    # By name, ignoring case and accents.
    result = await _call(hass, "log_food", food="keso", grams=100, person="erik")
    assert result.data["person"] == "Erik"
    result = await _call(hass, "log_food", food="keso", grams=50, person="ASA")
    assert result.data["person"] == "Åsa"
    # The user talking is Åsa's Home Assistant person.
    result = await _call(
        hass, "log_food", _context(household["asa"].id), food="keso", grams=25
    )
    assert result.data["person"] == "Åsa"
    # A name given wins over the user talking.
    result = await _call(
        hass,
        "get_status",
        _context(household["asa"].id),
        person="Erik",
    )
    assert result.data["person"] == "Erik"
    assert await _log(hass, "entry_erik") == [("01012", 100.0)]
    assert await _log(hass, "entry_åsa") == [("01012", 50.0), ("01012", 25.0)]
    unknown = await _call(hass, "undo_last", person="Bertil")
    assert unknown.error
    assert unknown.data == {
        "error": "unknown_person",
        "message": "Nobody called Bertil is set up in mTOR Balance.",
        "people": ["Erik", "Åsa"],
    }
    assert len(await _log(hass, "entry_åsa")) == 2


async def test_a_person_removed_while_talking(
    hass: HomeAssistant, assist: None
) -> None:
    entry = await async_add_person(hass, "Erik")
    api = await _api(hass)
    assert await hass.config_entries.async_unload(entry.entry_id)
    result = await api.async_call_tool(llm.ToolInput("mtor_balance__get_status", {}))
    assert result.error
    assert result.data == {
        "error": "no_person",
        "message": "Nobody is set up in mTOR Balance.",
    }


async def test_home_assistant_errors_keep_their_own_message(
    hass: HomeAssistant, erik: None
) -> None:
    result = await mtor_llm._async_error(
        hass, "sv", HomeAssistantError("The disk is full")
    )
    assert result.error
    assert result.data == {"error": "HomeAssistantError", "message": "The disk is full"}
