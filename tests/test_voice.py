"""Local voice without an AI model: the voice blueprint's sentences, said to Assist.

Each test runs the blueprint as an automation next to the integration and talks to Home
Assistant's own conversation agent (`conversation.async_converse`), in English and Swedish,
then checks what was spoken back and what the person's log holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
import logging
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.automation.config import AUTOMATION_BLUEPRINT_SCHEMA
from homeassistant.components.blueprint import models
from homeassistant.components.conversation import async_converse
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import device_registry as dr, selector
from homeassistant.setup import async_setup_component
from homeassistant.util import yaml as yaml_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockUser,
    async_fire_time_changed,
)

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.core.foods import FoodTable
from custom_components.mtor_balance.person.food_table import FOOD_TABLE, FOOD_TABLE_PATH

from .common import async_add_person

ROOT = Path(__file__).parent.parent
BLUEPRINT_DIR = ROOT / "blueprints" / "automation"
BLUEPRINT = BLUEPRINT_DIR / "mtor_balance" / "voice.yaml"


def _blueprint(path: Path) -> models.Blueprint:
    return models.Blueprint(
        yaml_util.load_yaml_dict(path),
        expected_domain="automation",
        path=str(path.relative_to(BLUEPRINT_DIR)),
        schema=AUTOMATION_BLUEPRINT_SCHEMA,
    )


@cache
def _food_table() -> FoodTable:
    table = FoodTable.load(FOOD_TABLE_PATH)
    table.build_index()
    return table


def _at(local: str) -> str:
    """Return a time for a local Stockholm time in November (UTC+1)."""
    return f"2026-11-{local}+01:00"


@pytest.fixture(autouse=True)
def _blueprints_from_the_repository() -> Iterator[None]:
    def load(self: models.DomainBlueprints, blueprint_path: str) -> models.Blueprint:
        return _blueprint(BLUEPRINT_DIR / blueprint_path)

    with (
        patch.object(models.DomainBlueprints, "_load_blueprint", load),
        patch.object(models.DomainBlueprints, "async_populate", AsyncMock()),
    ):
        yield


def _problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Errors, and warnings of automations and templates: none when all went well."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.ERROR
        or (
            record.levelno >= logging.WARNING
            and record.name.startswith(
                ("homeassistant.components.automation", "homeassistant.helpers")
            )
        )
    ]


def inputs(name: str = "erik", **extra: Any) -> dict[str, Any]:
    return {
        "person_entry": f"entry_{name}",
        "fasting_hours_sensor": f"sensor.{name}_fasting_hours",
        "fast_goal_end_sensor": f"sensor.{name}_fast_goal_end",
        "next_meal_sensor": f"sensor.{name}_next_suggested_meal",
        **extra,
    }


async def _use_voice(hass: HomeAssistant, *inputs_list: dict[str, Any]) -> None:
    blueprint = _blueprint(BLUEPRINT)
    for automation_inputs in inputs_list:
        for key, value in automation_inputs.items():
            selector.selector(blueprint.inputs[key]["selector"])(value)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "id": f"voice_{number}",
                    "alias": f"voice {number}",
                    "use_blueprint": {
                        "path": "mtor_balance/voice.yaml",
                        "input": automation_inputs,
                    },
                }
                for number, automation_inputs in enumerate(inputs_list, start=1)
            ]
        },
    )
    await hass.async_block_till_done()


async def _say(
    hass: HomeAssistant, text: str, language: str, context: Context | None = None
) -> str:
    result = await async_converse(
        hass, text, None, context or Context(), language=language
    )
    await hass.async_block_till_done()
    speech: str = result.response.speech["plain"]["speech"]
    return speech


async def _log(
    hass: HomeAssistant, person: str = "entry_erik"
) -> list[tuple[str, float]]:
    response = await hass.services.async_call(
        DOMAIN,
        "get_log",
        {"config_entry_id": person},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return [(entry["food"], entry["grams"]) for entry in response["entries"]]


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Erik (fasting goal 16 h, eating window 12:00-20:00, 80 kg), at noon."""
    freezer.move_to(_at("02 12:00:00"))
    hass.data[FOOD_TABLE] = _food_table()
    await async_add_person(hass, "Erik")


async def _move_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str
) -> None:
    freezer.move_to(moment)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _script_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The actions the automations refused (logged as errors by Home Assistant)."""
    return [
        record.getMessage().split(" at pos ", 1)[1].split(": ", 1)[1]
        for record in caplog.records
        if record.levelno >= logging.ERROR
    ]


# --- logging a food --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "food", "grams", "answer"),
    [
        (
            "I ate 200 grams of cottage cheese",
            "01012",
            200.0,
            # 200 g at 1.116 g leucine and 11.12 g protein per 100 g.
            "Logged 200 g Cottage cheese for Erik: 2.2 g leucine and 22 g protein.",
        ),
        (
            "I had 150 g of the Chicken Breast roasted.",
            "05064",
            150.0,
            (
                "Logged 150 g Chicken breast, roasted for Erik: 3.5 g leucine and 47 g"
                " protein."
            ),
        ),
        (
            "log 3 grams of leucine",
            "leucine_powder",
            3.0,
            "Logged 3 g L-leucine powder for Erik: 3 g leucine and 0 g protein.",
        ),
        (
            "I just ate 1,000 grams of cottage cheeses",
            "01012",
            1000.0,
            "Logged 1000 g Cottage cheese for Erik: 11.2 g leucine and 111 g protein.",
        ),
        (
            "log 2.5 g leucine",
            "leucine_powder",
            2.5,
            "Logged 2.5 g L-leucine powder for Erik: 2.5 g leucine and 0 g protein.",
        ),
        (  # a decimal comma, as a Swedish speaker's speech-to-text may write it
            "log 2,5 g leucine",
            "leucine_powder",
            2.5,
            "Logged 2.5 g L-leucine powder for Erik: 2.5 g leucine and 0 g protein.",
        ),
    ],
)
async def test_english_sentences_log_the_food_and_say_what(
    hass: HomeAssistant,
    erik: None,
    caplog: pytest.LogCaptureFixture,
    sentence: str,
    food: str,
    grams: float,
    answer: str,
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, sentence, "en") == answer
    assert await _log(hass) == [(food, grams)]
    assert _problems(caplog) == []


@pytest.mark.parametrize(
    ("sentence", "food", "grams", "answer"),
    [
        (
            "jag åt 200 gram keso",
            "01012",
            200.0,
            "Loggade 200 gram Keso för Erik: 2,2 gram leucin och 22 gram protein.",
        ),
        (
            "Logga 3 gram leucin.",
            "leucine_powder",
            3.0,
            "Loggade 3 gram L-leucinpulver för Erik: 3 gram leucin och 0 gram protein.",
        ),
        (
            "logga 2,5 gram leucin",
            "leucine_powder",
            2.5,
            (
                "Loggade 2,5 gram L-leucinpulver för Erik: 2,5 gram leucin och 0 gram"
                " protein."
            ),
        ),
        (
            "jag har ätit 150 gram ugnsstekt kycklingbröst",
            "05064",
            150.0,
            (
                "Loggade 150 gram Kycklingbröst, utan skinn, ugnsstekt för Erik: 3,5 gram leucin och 47"
                " gram protein."
            ),
        ),
        (
            "jag åt 1 000 gram keson",
            "01012",
            1000.0,
            "Loggade 1000 gram Keso för Erik: 11,2 gram leucin och 111 gram protein.",
        ),
    ],
)
async def test_swedish_sentences_log_the_food_and_answer_in_swedish(
    hass: HomeAssistant,
    erik: None,
    caplog: pytest.LogCaptureFixture,
    sentence: str,
    food: str,
    grams: float,
    answer: str,
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, sentence, "sv") == answer
    assert await _log(hass) == [(food, grams)]
    assert _problems(caplog) == []


async def test_a_name_that_fits_several_foods_is_asked_about_not_logged(
    hass: HomeAssistant, erik: None, caplog: pytest.LogCaptureFixture
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, "I ate 150 grams of chicken breast", "en") == (
        "chicken breast could be Chicken breast, skinless, raw; Chicken breast,"
        " roasted or Chicken breast, pan-fried. Which one do you mean? Nothing was"
        " logged."
    )
    assert await _say(hass, "jag åt 100 gram kycklingbröst utan skinn", "sv") == (
        "Flera livsmedel passar kycklingbröst utan skinn: Kycklingbröst, utan skinn,"
        " rått; Kycklingbröst, utan skinn, ugnsstekt eller Kycklingbröst, utan skinn,"
        " stekt. Vilket menar du? Inget loggades."
    )
    assert await _log(hass) == []
    # Nothing reached log_food, so Home Assistant's log has no error for it either.
    assert _script_errors(caplog) == []
    # Said again with the one meant, it is logged.
    assert await _say(hass, "I ate 150 grams of roasted chicken breast", "en") == (
        "Logged 150 g Chicken breast, roasted for Erik: 3.5 g leucine and 47 g protein."
    )
    assert await _log(hass) == [("05064", 150.0)]


@pytest.mark.parametrize(
    ("sentence", "language", "answer"),
    [
        (
            "I ate 100 grams of xyzzy",
            "en",
            "I know no food called xyzzy. Nothing was logged.",
        ),
        (
            "jag åt 100 gram xyzzy",
            "sv",
            "Jag hittar inget livsmedel som heter xyzzy. Inget loggades.",
        ),
        ("I ate two hundred grams of keso", "en", "I did not catch how many grams."),
        ("jag åt tvåhundra gram keso", "sv", "Jag uppfattade inte hur många gram."),
        ("log 0 grams of keso", "en", "I did not catch how many grams."),
        (
            "log 0.01 grams of keso",
            "en",
            "That is less than 0.05 grams. Nothing was logged.",
        ),
        (
            "logga 0,01 gram keso",
            "sv",
            "Det är mindre än 0,05 gram. Inget loggades.",
        ),
        (
            "I ate 6000 grams of keso",
            "en",
            "That is more than 5000 grams. Nothing was logged.",
        ),
        (
            "jag åt 6 000 gram keso",
            "sv",
            "Det är mer än 5000 gram. Inget loggades.",
        ),
        ("I ate 200 grams of the", "en", "I did not catch what you ate."),
        ("jag åt 200 gram av en", "sv", "Jag uppfattade inte vad du åt."),
    ],
)
async def test_unknown_foods_and_amounts_log_nothing(
    hass: HomeAssistant,
    erik: None,
    caplog: pytest.LogCaptureFixture,
    sentence: str,
    language: str,
    answer: str,
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, sentence, language) == answer
    assert await _log(hass) == []
    assert _problems(caplog) == []


# --- fasting and the next meal -----------------------------------------------------------


async def test_how_long_have_i_been_fasting(
    hass: HomeAssistant,
    erik: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, "how long have I been fasting", "en") == (
        "Nothing is logged yet, so there is no fast to count."
    )
    assert await _say(hass, "hur länge har jag fastat", "sv") == (
        "Inget är loggat ännu, så det finns ingen fasta att räkna."
    )
    await _say(hass, "I ate 300 grams of cottage cheese", "en")
    await _move_to(hass, freezer, _at("02 12:20:00"))
    assert await _say(hass, "how long have I been fasting", "en") == (
        "You are not fasting: a meal is in progress."
    )
    assert await _say(hass, "hur länge har jag fastat nu", "sv") == (
        "Du äter: en måltid pågår."
    )
    # The meal ended 45 minutes after 12:00; the fast counts from 12:00 (goal 16 h).
    await _move_to(hass, freezer, _at("02 14:30:00"))
    assert hass.states.get("sensor.erik_fasting_hours").state == "2.5"
    assert await _say(hass, "how long have I been fasting", "en") == (
        "You have been fasting for 2.5 hours. You reach your fasting goal tomorrow at"
        " 04:00."
    )
    assert await _say(hass, "hur länge har jag fastat", "sv") == (
        "Du har fastat i 2,5 timmar. Du når ditt fastemål i morgon kl. 04:00."
    )
    await _move_to(hass, freezer, _at("03 04:00:00"))
    await _move_to(hass, freezer, _at("03 05:00:00"))
    assert hass.states.get("sensor.erik_fasting_hours").state == "17.0"
    assert await _say(hass, "How long is my fast", "en") == (
        "You have been fasting for 17 hours. You reached your fasting goal at 04:00."
    )
    assert await _say(hass, "hur lång är min fasta", "sv") == (
        "Du har fastat i 17 timmar. Du nådde ditt fastemål kl. 04:00."
    )
    assert _problems(caplog) == []


async def test_when_is_my_next_meal(
    hass: HomeAssistant,
    erik: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await _use_voice(hass, inputs())
    meal = "sensor.erik_next_suggested_meal"
    first = hass.states.get(meal).attributes
    assert first["reason"] == "no_history"
    assert await _say(hass, "when is my next meal", "en") == (
        "You can eat now: nothing is logged yet. Aim for"
        f" {first['target_leucine_g']} g leucine, about {first['target_protein_g']} g"
        " protein."
    )
    await _say(hass, "I ate 300 grams of cottage cheese", "en")  # 33 g protein: a meal
    await _move_to(hass, freezer, _at("02 13:00:00"))
    state = hass.states.get(meal)
    assert state.state == "2026-11-02T14:00:00+00:00"  # 15:00 in Stockholm
    assert state.attributes["reason"] == "refractory"
    leucine = state.attributes["target_leucine_g"]
    protein = state.attributes["target_protein_g"]
    assert await _say(hass, "when is my next meal", "en") == (
        "Your next meal is suggested at 15:00: about 3 hours after your last meal."
        f" Aim for {leucine} g leucine, about {protein} g protein."
    )
    swedish_leucine = str(leucine).replace(".", ",")
    assert await _say(hass, "när ska jag äta", "sv") == (
        "Nästa måltid föreslås kl. 15:00: cirka 3 timmar efter din senaste måltid."
        f" Sikta på {swedish_leucine} gram leucin, cirka {protein} gram protein."
    )
    # After the window closes (20:00), the next meal is tomorrow when it opens.
    await _move_to(hass, freezer, _at("02 21:00:00"))
    state = hass.states.get(meal)
    assert state.state == "2026-11-03T11:00:00+00:00"
    assert state.attributes["reason"] == "next_window"
    answer = await _say(hass, "when can I eat", "en")
    assert answer.startswith(
        "Your next meal is suggested tomorrow at 12:00: the next eating window opens"
        " then. Aim for "
    )
    answer = await _say(hass, "när kan jag äta", "sv")
    assert answer.startswith(
        "Nästa måltid föreslås i morgon kl. 12:00: då öppnas nästa ätfönster. Sikta på "
    )
    assert _problems(caplog) == []


# --- undo --------------------------------------------------------------------------------


async def test_undo_my_last_meal(
    hass: HomeAssistant, erik: None, caplog: pytest.LogCaptureFixture
) -> None:
    await _use_voice(hass, inputs())
    await _say(hass, "I ate 200 grams of cottage cheese", "en")
    await _say(hass, "log 3 grams of leucine", "en")
    assert await _say(hass, "undo the last entry", "en") == (
        "Removed 3 g L-leucine powder (3 g leucine)."
    )
    assert await _log(hass) == [("01012", 200.0)]
    assert await _say(hass, "ångra senaste måltiden", "sv") == (
        "Tog bort 200 gram Cottage cheese (2,2 gram leucin)."
    )
    assert await _log(hass) == []
    assert _problems(caplog) == []
    assert await _say(hass, "undo my last meal", "en") == "There is nothing to undo."
    assert await _say(hass, "ångra den senaste posten", "sv") == (
        "Det finns inget att ångra."
    )
    assert _script_errors(caplog) == ["There is nothing to undo"] * 2


async def test_undo_a_supplement_without_grams(hass: HomeAssistant, erik: None) -> None:
    await _use_voice(hass, inputs())
    await hass.services.async_call(
        DOMAIN, "log_nutrients", {"leucine_g": 0.5, "name": "BCAA"}, blocking=True
    )
    assert (
        await _say(hass, "undo my last entry", "en") == "Removed BCAA (0.50 g leucine)."
    )


# --- a household -------------------------------------------------------------------------


async def test_each_person_answers_only_their_own_people_and_devices(
    hass: HomeAssistant, erik: None, caplog: pytest.LogCaptureFixture
) -> None:
    await async_add_person(hass, "Anna")
    erik_user = MockUser(name="Erik").add_to_hass(hass)
    anna_user = MockUser(name="Anna").add_to_hass(hass)
    assert await async_setup_component(
        hass,
        "person",
        {
            "person": [
                {"id": "erik", "name": "Erik", "user_id": erik_user.id},
                {"id": "anna", "name": "Anna", "user_id": anna_user.id},
            ]
        },
    )
    kitchen = dr.async_get(hass).async_get_or_create(
        config_entry_id="entry_anna", identifiers={(DOMAIN, "kitchen_satellite")}
    )
    await _use_voice(
        hass,
        inputs("erik", people=["person.erik"]),
        inputs("anna", people=["person.anna"], devices=[kitchen.id]),
    )
    assert await _say(
        hass, "I ate 200 grams of keso", "en", Context(user_id=erik_user.id)
    ) == ("Logged 200 g Cottage cheese for Erik: 2.2 g leucine and 22 g protein.")
    assert await _say(
        hass, "jag åt 100 gram keso", "sv", Context(user_id=anna_user.id)
    ) == ("Loggade 100 gram Keso för Anna: 1,1 gram leucin och 11 gram protein.")
    result = await async_converse(
        hass, "log 3 grams of leucine", None, Context(), "en", device_id=kitchen.id
    )
    await hass.async_block_till_done()
    assert result.response.speech["plain"]["speech"] == (
        "Logged 3 g L-leucine powder for Anna: 3 g leucine and 0 g protein."
    )
    assert await _log(hass, "entry_erik") == [("01012", 200.0)]
    assert await _log(hass, "entry_anna") == [
        ("01012", 100.0),
        ("leucine_powder", 3.0),
    ]
    assert _problems(caplog) == []


# --- household amounts: "I ate 2 eggs", "jag åt ett glas mjölk" ------------------------------


async def test_two_eggs_are_logged_as_two_large_eggs(
    hass: HomeAssistant, erik: None, caplog: pytest.LogCaptureFixture
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, "I ate 2 eggs", "en") == (
        "Logged 2 Egg, whole, raw (100 g) for Erik: 1.1 g leucine and 13 g protein."
    )
    assert await _log(hass) == [("01123", 100.0)]
    assert await _say(hass, "jag åt två ägg", "sv") == (
        "Loggade 2 Ägg, rått (100 gram) för Erik: 1,1 gram leucin och 13 gram protein."
    )
    assert await _log(hass) == [("01123", 100.0), ("01123", 100.0)]
    assert _problems(caplog) == []


async def test_a_glass_of_milk_is_logged_in_grams(
    hass: HomeAssistant, erik: None, caplog: pytest.LogCaptureFixture
) -> None:
    await _use_voice(hass, inputs())
    # A glass is 2 dl: SR28's cup of whole milk (244 g) / 2.366 dl x 2.
    assert await _say(hass, "jag åt ett glas mjölk", "sv") == (
        "Loggade 1 glas Mjölk, 3,25 % fett (helmjölk) (206,3 gram) för Erik:"
        " 0,62 gram leucin och 6 gram protein."
    )
    assert await _say(hass, "I had a glass of milk", "en") == (
        "Logged 1 glass Milk, whole, 3.25% fat (206.3 g) for Erik: 0.62 g leucine and"
        " 6 g protein."
    )
    assert await _say(hass, "I ate two slices of rye bread", "en") == (
        "Logged 2 slice Rye bread (64 g) for Erik: 0.37 g leucine and 5 g protein."
    )
    assert await _log(hass) == [("01077", 206.3), ("01077", 206.3), ("18060", 64.0)]
    assert _problems(caplog) == []


@pytest.mark.parametrize(
    ("sentence", "language", "answer"),
    [
        (
            "I had a glass of cottage cheese",
            "en",
            "Cottage cheese has no glass measure. Say the grams. Nothing was logged.",
        ),
        (
            "jag åt en skiva keso",
            "sv",
            "Keso har inget mått skiva. Säg hur många gram. Inget loggades.",
        ),
        ("I ate some eggs", "en", "I did not catch how much you ate."),
        ("jag åt lite ägg", "sv", "Jag uppfattade inte hur mycket du åt."),
        (
            "I ate 2 xyzzy",
            "en",
            "I know no food called 2 xyzzy. Nothing was logged.",
        ),
    ],
)
async def test_household_amounts_that_cannot_be_logged_are_answered(
    hass: HomeAssistant,
    erik: None,
    caplog: pytest.LogCaptureFixture,
    sentence: str,
    language: str,
    answer: str,
) -> None:
    await _use_voice(hass, inputs())
    assert await _say(hass, sentence, language) == answer
    assert await _log(hass) == []
    assert _problems(caplog) == []
