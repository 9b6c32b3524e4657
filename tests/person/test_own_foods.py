"""Foods people actually eat: favourites and recent foods first, own foods, barcodes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
import probatio
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker

from custom_components.mtor_balance.const import (
    DOMAIN,
)

from ..common import async_add_person

SCALE = "sensor.kitchen_scale"
BARCODE = "7310865004703"  # a valid EAN-13
OFF_URL = f"https://world.openfoodfacts.org/api/v2/product/{BARCODE}"
PRODUCT = {
    "status": 1,
    "code": BARCODE,
    "product": {
        "product_name": "Kvarg Vanilj",
        "nutriments": {"proteins_100g": 10.5, "energy-kcal_100g": 61},
        "categories_tags": ["en:dairies", "en:fermented-milk-products"],
    },
}


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> MockConfigEntry:
    """Erik with a kitchen scale."""
    freezer.move_to("2026-11-02 07:00:00+00:00")
    hass.states.async_set(SCALE, "0", {"unit_of_measurement": "g"})
    return await async_add_person(hass, "Erik", scale_entity=SCALE)


async def _options(
    hass: HomeAssistant, entry: MockConfigEntry, step: str
) -> dict[str, Any]:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )


async def _log(hass: HomeAssistant, food: str, grams: float = 100) -> dict[str, Any]:
    return await hass.services.async_call(
        DOMAIN,
        "log_food",
        {"food": food, "grams": grams},
        blocking=True,
        return_response=True,
    )


def _food_options(hass: HomeAssistant) -> list[str]:
    return hass.states.get("select.erik_food").attributes["options"]


async def test_favourites_then_recent_foods_then_common_foods(
    hass: HomeAssistant, erik: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    result = await _options(hass, erik, "add_favorites")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"query": "nothing like this"}
    )
    assert result["errors"] == {"query": "no_foods_found"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"query": "salmon"}
    )
    assert result["step_id"] == "pick_favorites"
    salmon = result["data_schema"].schema["foods"].config["options"][0]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"foods": [salmon["value"]]}
    )
    # Back at the search, so that another can be added; empty is done.
    assert result["step_id"] == "add_favorites"
    assert salmon["label"] in result["description_placeholders"]["favorites"]
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY

    await _log(hass, "01012")  # cottage cheese
    freezer.tick(timedelta(hours=3))
    await _log(hass, "05064")  # chicken breast
    freezer.tick(timedelta(hours=3))
    await _log(hass, "01012")

    options = _food_options(hass)
    assert options[:3] == [salmon["label"], "Cottage cheese", "Chicken breast, roasted"]
    assert len(options) <= 30
    assert len(options) == len(set(options))

    result = await _options(hass, erik, "remove_favorites")
    await hass.config_entries.options.async_configure(
        result["flow_id"], {"foods": [salmon["value"]]}
    )
    assert _food_options(hass)[:2] == ["Cottage cheese", "Chicken breast, roasted"]
    result = await _options(hass, erik, "remove_favorites")
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_favorites"


async def test_selecting_a_food_changes_the_portion_leucine(
    hass: HomeAssistant, erik: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    hass.states.async_set(SCALE, "200", {"unit_of_measurement": "g"})
    await hass.async_block_till_done()
    freezer.tick(timedelta(seconds=3))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    for option, leucine_per_100 in (
        ("Cottage cheese", 1.116),
        ("Chicken breast, roasted", 2.328),
    ):
        await hass.services.async_call(
            "select",
            "select_option",
            {"entity_id": "select.erik_food", "option": option},
            blocking=True,
        )
        portion = hass.states.get("sensor.erik_portion")
        assert portion.state == "200.0"
        assert portion.attributes["leucine_g"] == pytest.approx(
            2 * leucine_per_100, abs=0.01
        )


async def test_own_foods_are_added_changed_logged_kept_and_removed(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    result = await _options(hass, erik, "edit_own_food")
    assert result["reason"] == "no_own_foods"

    result = await _options(hass, erik, "add_own_food")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {"name": "Grandma's bean stew", "protein_g": 8.0, "category": "legumes"},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry = await _log(hass, "grandma's bean stew", 200)
    assert entry["leucine_g"] == pytest.approx(2 * 8.0 * 0.075)
    assert entry["leucine_estimated"] is True
    found = await hass.services.async_call(
        DOMAIN,
        "search_foods",
        {"query": "bean stew"},
        blocking=True,
        return_response=True,
    )
    assert found["foods"][0]["id"] == "custom_grandma_s_bean_stew"

    result = await _options(hass, erik, "edit_own_food")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"food": "custom_grandma_s_bean_stew"}
    )
    assert result["step_id"] == "add_own_food"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "name": "Grandma's bean stew",
            "protein_g": 9.0,
            "leucine_g": 0.7,
            "category": "legumes",
            "kcal": 120,
        },
    )
    await hass.config_entries.async_reload(erik.entry_id)
    await hass.async_block_till_done()
    entry = await _log(hass, "custom_grandma_s_bean_stew", 100)
    assert (entry["leucine_g"], entry["leucine_estimated"], entry["kcal"]) == (
        0.7,
        False,
        120,
    )

    # Changing it again shows the label leucine that was entered, not an estimate.
    result = await _options(hass, erik, "edit_own_food")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"food": "custom_grandma_s_bean_stew"}
    )
    suggested = {
        str(key): key.description["suggested_value"]
        for key in result["data_schema"].schema
        if key.description
    }
    assert suggested["leucine_g"] == 0.7
    assert suggested["protein_g"] == 9.0

    result = await _options(hass, erik, "remove_own_foods")
    await hass.config_entries.options.async_configure(
        result["flow_id"], {"foods": ["custom_grandma_s_bean_stew"]}
    )
    with pytest.raises(ServiceValidationError):
        await _log(hass, "custom_grandma_s_bean_stew")


async def test_a_barcode_adds_a_food_with_estimated_leucine_once(
    hass: HomeAssistant, erik: MockConfigEntry, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(OFF_URL, json=PRODUCT)
    result = await _options(hass, erik, "barcode")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"barcode": "7310865004704"}
    )
    assert result["errors"] == {"barcode": "invalid_barcode"}
    assert aioclient_mock.call_count == 0
    # What was typed stays in the form, and entering the food by hand is offered.
    barcode = next(key for key in result["data_schema"].schema if key == "barcode")
    assert barcode.description["suggested_value"] == "7310865004704"
    assert "by_hand" in result["data_schema"].schema
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"barcode": BARCODE}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY

    entry = await _log(hass, "Kvarg Vanilj", 150)
    assert entry["food"] == f"ean_{BARCODE}"
    assert entry["leucine_estimated"] is True
    assert entry["leucine_g"] == pytest.approx(1.5 * 10.5 * 0.095, abs=0.001)

    food = await hass.services.async_call(
        DOMAIN,
        "add_barcode_food",
        {"barcode": BARCODE},
        blocking=True,
        return_response=True,
    )
    assert food["id"] == f"ean_{BARCODE}"
    assert aioclient_mock.call_count == 1  # looked up once


@pytest.mark.parametrize(
    ("response", "key", "error"),
    [
        ({"status": 404}, "product_not_found", ServiceValidationError),
        (
            {
                "json": {
                    "status": 1,
                    "product": {"product_name": "Water", "nutriments": {}},
                }
            },
            "no_protein",
            ServiceValidationError,
        ),
        ({"status": 429}, "rate_limited", HomeAssistantError),
        ({"exc": TimeoutError()}, "lookup_failed", HomeAssistantError),
        ({"text": "<html>"}, "lookup_failed", HomeAssistantError),
    ],
)
async def test_failed_barcode_lookups_add_nothing(
    hass: HomeAssistant,
    erik: MockConfigEntry,
    aioclient_mock: AiohttpClientMocker,
    response: dict[str, Any],
    key: str,
    error: type[Exception],
) -> None:
    aioclient_mock.get(OFF_URL, **response)
    with pytest.raises(error) as err:
        await hass.services.async_call(
            DOMAIN,
            "add_barcode_food",
            {"barcode": BARCODE},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == key
    result = await _options(hass, erik, "remove_own_foods")
    assert result["reason"] == "no_own_foods"


async def test_options_need_a_loaded_person(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(erik.entry_id)
    result = await hass.config_entries.options.async_init(erik.entry_id)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_loaded"


async def test_a_person_unloaded_while_their_options_are_open_aborts_the_next_step(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(erik.entry_id)
    assert result["type"] is FlowResultType.MENU
    await hass.config_entries.async_unload(erik.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "edit_own_food"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_loaded"


async def test_the_favourites_search_puts_the_usual_food_first_and_ticks_nothing(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    result = await _options(hass, erik, "add_favorites")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"query": "kyckling"}
    )
    assert result["step_id"] == "pick_favorites"
    field = next(key for key in result["data_schema"].schema if key == "foods")
    options = result["data_schema"].schema[field].config["options"]
    # Chicken breast, the chicken people weigh most, before ground chicken.
    assert options[0]["value"] == "05062"
    assert not isinstance(field, probatio.Required)  # optional: nothing is ticked
    assert field.default is probatio.UNDEFINED
    # Submitting nothing adds nothing.
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    assert result["step_id"] == "add_favorites"
    assert result["description_placeholders"]["favorites"] == "-"


async def test_a_barcode_that_is_not_found_can_be_entered_by_hand(
    hass: HomeAssistant, erik: MockConfigEntry, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(OFF_URL, status=404)
    result = await _options(hass, erik, "barcode")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"barcode": BARCODE}
    )
    assert result["errors"] == {"barcode": "product_not_found"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"barcode": BARCODE, "by_hand": True}
    )
    assert result["step_id"] == "add_own_food"
    # The category must be chosen: no silent "other".
    category = next(key for key in result["data_schema"].schema if key == "category")
    assert category.default is probatio.UNDEFINED
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {"name": "Kvarg Vanilj", "protein_g": 10.5, "category": "dairy"},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    # An own food can be weighed at once: it is among the Food select's choices.
    assert "Kvarg Vanilj" in hass.states.get("select.erik_food").attributes["options"]
    assert (await _log(hass, "Kvarg Vanilj", 100))["food"] == "custom_kvarg_vanilj"


async def test_an_own_food_with_a_bad_name_keeps_what_was_typed(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    result = await _options(hass, erik, "add_own_food")
    typed = {"name": "Kvarg\x1b[0m", "protein_g": 12.0, "category": "dairy"}
    result = await hass.config_entries.options.async_configure(result["flow_id"], typed)
    assert result["errors"] == {"name": "invalid_food_name"}
    suggested = {
        str(marker): marker.description.get("suggested_value")
        for marker in result["data_schema"].schema
        if marker.description
    }
    assert suggested["protein_g"] == 12.0  # what was typed stays
