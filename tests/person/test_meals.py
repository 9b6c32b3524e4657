"""Recipes and saved meals, through the actions, the options flow and the scale."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import DOMAIN

from ..common import async_add_person

SCALE = "sensor.kitchen_scale"
NOW = "2026-11-02 11:00:00+00:00"  # Monday 12:00 in Stockholm
WEIGHT = {"unit_of_measurement": "g", "device_class": "weight"}

# By hand, from foods.csv (per 100 g): chicken breast raw 22.5 g protein / 1.861 g leucine,
# kidney beans cooked 8.67 / 0.693, tomatoes raw 0.88 / 0.025 (estimated).
# 600 g + 400 g + 300 g: leucine 11.166 + 2.772 + 0.075 = 14.013 g, protein 135.0 + 34.68
# + 2.64 = 172.32 g, in a pot of 1150 g cooked; 350 g of it: 4.265 g leucine, 52.45 g protein.
INGREDIENTS = [
    {"food": "Chicken breast, skinless, raw", "grams": 600},
    {"food": "16033", "grams": 400},
    {"food": "tomater, råa", "grams": 300},
]


async def _weigh(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, grams: str
) -> None:
    hass.states.async_set(SCALE, grams, WEIGHT)
    await hass.async_block_till_done()
    freezer.tick(timedelta(seconds=3))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _call(hass: HomeAssistant, action: str, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True
    )


async def _log(hass: HomeAssistant) -> list[dict[str, Any]]:
    return (await _call(hass, "get_log"))["entries"]


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Any:
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", WEIGHT)
    return await async_add_person(hass, "Erik", scale_entity=SCALE)


@pytest.mark.usefixtures("erik")
async def test_a_recipe_cooked_on_the_scale_then_a_portion_of_it(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _weigh(hass, freezer, "1150")  # the cooked chili, the pot tared
    chili = await _call(
        hass,
        "save_recipe",
        name="Chicken chili",
        name_sv="Kycklingchili",
        category="poultry",
        ingredients=INGREDIENTS,
    )
    assert chili["cooked_grams"] == 1150.0
    assert chili["leucine_g"] == pytest.approx(14.013 / 11.5, abs=0.0005)
    assert chili["leucine_estimated"] is True  # the tomatoes' leucine is estimated
    await _weigh(hass, freezer, "0")  # the pot is no portion: nothing logged or kept
    assert await _log(hass) == []
    assert hass.states.get("sensor.erik_portion").attributes["pending_portions"] == []

    # A portion of it is weighed like any food.
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": "Chicken chili"},
        blocking=True,
    )
    await _weigh(hass, freezer, "350")
    await _weigh(hass, freezer, "0")
    (entry,) = await _log(hass)
    assert entry["grams"] == 350
    assert entry["leucine_g"] == pytest.approx(4.265, abs=0.002)
    assert entry["protein_g"] == pytest.approx(52.45, abs=0.02)
    assert entry["leucine_estimated"] is True


@pytest.mark.usefixtures("erik")
async def test_a_recipe_needs_a_cooked_weight_and_known_foods(
    hass: HomeAssistant,
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "save_recipe", name="Chili", ingredients=INGREDIENTS)
    assert err.value.translation_key == "no_cooked_weight"
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass,
            "save_recipe",
            name="Chili",
            ingredients=[{"food": "unicorn", "grams": 10}],
            cooked_grams=100,
        )
    assert err.value.translation_key == "unknown_food"
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass,
            "save_recipe",
            name="Chili",
            ingredients=[{"food": "keso", "grams": float("nan")}],
            cooked_grams=100,
        )
    assert err.value.translation_key == "value_out_of_range"


@pytest.mark.usefixtures("erik")
async def test_a_saved_meal_is_logged_in_one_go(hass: HomeAssistant) -> None:
    meal = await _call(
        hass,
        "save_meal",
        name="Breakfast",
        items=[{"food": "keso", "grams": 200}, {"food": "banan", "grams": 120}],
    )
    assert [item["grams"] for item in meal["items"]] == [200, 120]
    assert meal["items"][0]["name"] == "Cottage cheese"
    logged = await _call(hass, "log_meal", meal="breakfast")
    assert logged["meal"] == "Breakfast"
    assert [entry["grams"] for entry in logged["entries"]] == [200, 120]
    assert len({entry["time"] for entry in logged["entries"]}) == 1
    assert len(await _log(hass)) == 2
    assert hass.states.get("sensor.erik_leucine_today").state != "0"
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "log_meal", meal="Lunch")
    assert err.value.translation_key == "unknown_meal"
    assert err.value.translation_placeholders["meals"] == "Breakfast"
    await _call(hass, "delete_meal", meal="Breakfast")
    with pytest.raises(ServiceValidationError):
        await _call(hass, "log_meal", meal="Breakfast")


async def test_recipes_and_meals_from_the_options_flow(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, erik: Any
) -> None:
    await _weigh(hass, freezer, "1150")
    flow = await hass.config_entries.options.async_init(erik.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "add_recipe"}
    )
    # The pot on the scale is suggested as the cooked weight.
    suggested = {
        str(marker): marker.description.get("suggested_value")
        for marker in flow["data_schema"].schema
        if marker.description
    }
    assert suggested["cooked_grams"] == 1150.0
    lines = "600 g kycklingbröst, utan skinn, rått\n400 g 16033\nsome tomatoes"
    form = {"name": "Chili", "category": "poultry", "ingredients": lines}
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {**form, "cooked_grams": 1150}
    )
    assert flow["errors"] == {"ingredients": "unreadable_line"}
    assert flow["description_placeholders"]["problem"] == "some tomatoes"
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"],
        {**form, "ingredients": "600 g unicorn", "cooked_grams": 1150},
    )
    assert flow["errors"] == {"ingredients": "unknown_food"}
    good = lines.replace("some tomatoes", "300 g 11529")
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {**form, "ingredients": good}
    )
    assert flow["errors"] == {"cooked_grams": "no_cooked_weight"}
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {**form, "ingredients": good, "cooked_grams": 1150}
    )
    assert flow["type"] is FlowResultType.CREATE_ENTRY
    found = await _call(hass, "search_foods", query="chili")
    assert found["foods"][0]["leucine_g"] == pytest.approx(14.013 / 11.5, abs=0.0005)
    await _weigh(
        hass, freezer, "0"
    )  # the pot: used as the cooked weight, not a portion
    assert hass.states.get("sensor.erik_portion").attributes["pending_portions"] == []

    flow = await hass.config_entries.options.async_init(erik.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "remove_meals"}
    )
    assert (flow["type"], flow["reason"]) == (FlowResultType.ABORT, "no_saved_meals")
    flow = await hass.config_entries.options.async_init(erik.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "add_meal"}
    )
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"name": "Frukost", "items": "200 g keso\nägg, rått 60"}
    )
    assert flow["type"] is FlowResultType.CREATE_ENTRY
    logged = await _call(hass, "log_meal", meal="frukost")
    assert [entry["grams"] for entry in logged["entries"]] == [200, 60]
    flow = await hass.config_entries.options.async_init(erik.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "remove_meals"}
    )
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"meals": ["meal_frukost"]}
    )
    assert flow["type"] is FlowResultType.CREATE_ENTRY
    with pytest.raises(ServiceValidationError):
        await _call(hass, "log_meal", meal="frukost")


async def test_recipe_and_meal_forms_say_what_is_wrong(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    entry = await async_add_person(hass, "Bo")  # no kitchen scale

    async def form(step: str, data: dict[str, Any]) -> Any:
        flow = await hass.config_entries.options.async_init(entry.entry_id)
        flow = await hass.config_entries.options.async_configure(
            flow["flow_id"], {"next_step_id": step}
        )
        return await hass.config_entries.options.async_configure(flow["flow_id"], data)

    base = {"name": "Chili", "category": "red_meat", "cooked_grams": 900}
    for lines, problem in (
        ("   \n  ", ""),  # nothing but blanks
        ("6000 g keso", "6000 g keso"),  # more than any plate
    ):
        result = await form("add_recipe", {**base, "ingredients": lines})
        assert result["errors"] == {"ingredients": "unreadable_line"}
        assert result["description_placeholders"]["problem"] == problem
    result = await form(
        "add_recipe", {**base, "name": "\x07", "ingredients": "200 g keso"}
    )
    assert result["errors"] == {"name": "invalid_food_name"}
    for cooked in ("NaN", 0, 50000):
        result = await form(
            "add_recipe", {**base, "cooked_grams": cooked, "ingredients": "200 g keso"}
        )
        assert result["errors"] == {"cooked_grams": "range_cooked_grams"}
        placeholders = result["description_placeholders"]
        assert (placeholders["cooked_grams_min"], placeholders["cooked_grams_max"]) == (
            "1",
            "20000",
        )
    # Without a scale the typed cooked weight is used as it is.
    result = await form("add_recipe", {**base, "ingredients": "600 g 13317"})
    assert result["type"] is FlowResultType.CREATE_ENTRY

    result = await form("add_meal", {"name": "Lunch", "items": "200 g unicorn"})
    assert result["errors"] == {"items": "unknown_food"}
    assert result["step_id"] == "add_meal"  # shown again, with what was typed


async def test_a_cooked_weight_typed_over_the_scales_leaves_the_portion_alone(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, erik: Any
) -> None:
    await _weigh(hass, freezer, "250")  # a bowl, not the pot
    flow = await hass.config_entries.options.async_init(erik.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "add_recipe"}
    )
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"],
        {
            "name": "Soup",
            "category": "vegetables",
            "ingredients": "300 g 11529",
            "cooked_grams": 800,
        },
    )
    assert flow["type"] is FlowResultType.CREATE_ENTRY
    assert hass.states.get("sensor.erik_portion").state == "250.0"  # still a portion
