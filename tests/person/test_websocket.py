"""The card's websocket API, through Home Assistant's websocket test client."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed
from pytest_homeassistant_custom_component.typing import (
    MockHAClientWebSocket,
    WebSocketGenerator,
)

from custom_components.mtor_balance.const import DOMAIN

from ..common import async_add_person

NOW = "2026-11-02 07:00:00+00:00"  # Monday 08:00 in Stockholm
NOW_ISO = "2026-11-02T07:00:00+00:00"
SCALE = "sensor.kitchen_scale"


@pytest.fixture
async def client(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
) -> MockHAClientWebSocket:
    # The integration first (it serves the card before the test server freezes its routes),
    # then the client, authenticated before the clock is moved back.
    assert await async_setup_component(hass, DOMAIN, {})
    client = await hass_ws_client(hass)
    EVENTS.clear()
    freezer.move_to(NOW)
    await async_add_person(hass, "Erik", scale_entity=SCALE)
    return client


EVENTS: list[dict[str, Any]] = []


async def _send(client: MockHAClientWebSocket, command: str, **data: Any) -> Any:
    """Send a command; return its result message (pushed events are kept in EVENTS)."""
    await client.send_json_auto_id({"type": f"{DOMAIN}/{command}", **data})
    while (message := await client.receive_json())["type"] == "event":
        EVENTS.append(message)
    return message


async def _call(client: MockHAClientWebSocket, command: str, **data: Any) -> Any:
    response = await _send(client, command, **data)
    assert response["success"], response
    return response["result"]


async def _error(client: MockHAClientWebSocket, command: str, **data: Any) -> Any:
    response = await _send(client, command, **data)
    assert not response["success"], response
    return response["error"]


async def _weigh(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, grams: str
) -> None:
    """Put `grams` on the scale and hold it until it settles."""
    hass.states.async_set(SCALE, grams, {"unit_of_measurement": "g"})
    await hass.async_block_till_done()
    freezer.tick(3)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _view_now(client: MockHAClientWebSocket) -> dict[str, Any]:
    """Return the latest view pushed (a command's answer comes after what was pushed)."""
    await _call(client, "people")
    return EVENTS[-1]["event"]


async def _next_event(client: MockHAClientWebSocket) -> dict[str, Any]:
    return EVENTS.pop(0) if EVENTS else await client.receive_json()


async def test_people(client: MockHAClientWebSocket) -> None:
    (erik,) = (await _call(client, "people"))["people"]
    assert (erik["entry_id"], erik["name"]) == ("entry_erik", "Erik")
    # Entity ids by key, for the dashboard that builds itself.
    assert erik["entities"]["leucine_today"] == "sensor.erik_leucine_today"
    assert erik["entities"]["portion"] == "sensor.erik_portion"


async def test_a_deleted_entry_is_put_back_by_the_cards_undo(
    client: MockHAClientWebSocket,
) -> None:
    logged = await _call(
        client, "log_food", entry_id="entry_erik", food_id="01012", grams=200
    )
    entry_id = logged["entry"]["entry_id"]
    await _call(client, "delete_entry", entry_id="entry_erik", log_entry_id=entry_id)
    restored = await _call(
        client, "restore_entry", entry_id="entry_erik", log_entry_id=entry_id
    )
    assert restored["entry"] == logged["entry"]  # the same id, time and amounts
    error = await _error(
        client, "restore_entry", entry_id="entry_erik", log_entry_id=entry_id
    )
    assert error["translation_key"] == "entry_not_found"
    undone = await _call(client, "undo", entry_id="entry_erik")
    again = await _call(
        client,
        "restore_entry",
        entry_id="entry_erik",
        log_entry_id=undone["entry"]["entry_id"],
    )
    assert again["entry"]["grams"] == 200


async def test_an_entry_is_named_in_the_cards_language_in_every_answer(
    client: MockHAClientWebSocket,
) -> None:
    # Home Assistant's language is English: the entry is stored as "Cottage cheese".
    logged = await _call(
        client,
        "log_food",
        entry_id="entry_erik",
        food_id="01012",
        grams=150,
        language="sv",
    )
    entry = logged["entry"]
    assert (entry["name"], entry["name_en"], entry["name_sv"]) == (
        "Keso",
        "Cottage cheese",
        "Keso",
    )
    undone = await _call(client, "undo", entry_id="entry_erik", language="sv-SE")
    assert undone["entry"]["name"] == "Keso"
    restored = await _call(
        client,
        "restore_entry",
        entry_id="entry_erik",
        log_entry_id=entry["entry_id"],
        language="sv",
    )
    assert restored["entry"]["name"] == "Keso"
    deleted = await _call(
        client,
        "delete_entry",
        entry_id="entry_erik",
        log_entry_id=entry["entry_id"],
        language="en",
    )
    assert deleted["entry"]["name"] == "Cottage cheese"
    assert deleted["entry"]["name_sv"] == "Keso"
    # Without a language: the name as stored, with both food names beside it.
    again = await _call(
        client, "log_food", entry_id="entry_erik", food_id="01012", grams=100
    )
    assert (again["entry"]["name"], again["entry"]["name_sv"]) == (
        "Cottage cheese",
        "Keso",
    )


async def test_search_in_swedish_shows_swedish_names_and_both_names(
    client: MockHAClientWebSocket,
) -> None:
    result = await _call(
        client, "search_foods", entry_id="entry_erik", query="keso", language="sv-SE"
    )
    first = result["foods"][0]
    assert first["id"] == "01012"
    assert first["name"] == "Keso"
    assert (first["name_en"], first["name_sv"]) == ("Cottage cheese", "Keso")
    english = await _call(
        client, "search_foods", entry_id="entry_erik", query="keso", language="en"
    )
    assert english["foods"][0]["name"] == "Cottage cheese"


async def test_the_day_is_pushed_on_every_change(
    hass: HomeAssistant, client: MockHAClientWebSocket
) -> None:
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/subscribe_today",
            "entry_id": "entry_erik",
            "language": "sv",
        }
    )
    subscription = (await client.receive_json())["id"]
    view = (await _next_event(client))["event"]
    assert view["name"] == "Erik"
    assert view["entries"] == []
    assert view["scale_entity"] == SCALE
    assert view["next_meal"]["reason_text"]  # translated, not the bare code

    logged = await _call(
        client, "log_food", entry_id="entry_erik", food_id="01012", grams=200
    )
    event = await _next_event(client)
    assert event["id"] == subscription
    pushed = event["event"]
    assert [entry["entry_id"] for entry in pushed["entries"]] == [
        logged["entry"]["entry_id"]
    ]
    assert pushed["totals"]["leucine_g"] == pytest.approx(2.23, abs=0.01)
    # Logged after the window closed: the next window, the plan's choice, in Swedish.
    assert pushed["next_meal"]["reason_text"] == "När nästa ätfönster öppnas"
    assert pushed["next_meal"]["evidence_text"] == "Din plans val (ingen nytta påstås)"
    assert pushed["next_meal"]["target_evidence"] == "mamerow_2014"
    assert pushed["next_meal"]["add_protein_g"] is None
    assert (
        pushed["entries"][0]["name"] == "Keso"
    )  # Home Assistant's language is English,
    # but the entry keeps the name it was logged with; the card asked for Swedish foods.

    deleted = await _call(
        client,
        "delete_entry",
        entry_id="entry_erik",
        log_entry_id=logged["entry"]["entry_id"],
    )
    assert deleted["entry"]["grams"] == 200
    assert EVENTS[-1]["event"]["entries"] == []


async def test_a_settled_portion_is_logged_with_one_command(
    hass: HomeAssistant, client: MockHAClientWebSocket, freezer: FrozenDateTimeFactory
) -> None:
    error = await _error(client, "log_portion", entry_id="entry_erik", food_id="01012")
    assert error["translation_key"] == "no_portion"
    hass.states.async_set(SCALE, "0", {"unit_of_measurement": "g"})
    hass.states.async_set(SCALE, "150", {"unit_of_measurement": "g"})
    freezer.tick(3)
    hass.states.async_set(SCALE, "150.2", {"unit_of_measurement": "g"})
    await hass.async_block_till_done()
    assert hass.states.get("sensor.erik_portion").state == "150.2"
    result = await _call(client, "log_portion", entry_id="entry_erik", food_id="01012")
    assert result["entry"]["grams"] == 150.2
    assert result["entry"]["source"] == "scale"


async def test_a_food_added_to_a_bowl_on_the_scale_is_shown_with_the_scales_reading(
    hass: HomeAssistant, client: MockHAClientWebSocket, freezer: FrozenDateTimeFactory
) -> None:
    """The card compares the live weight with what the scale read, not the portion's grams.

    After 150 g are logged from a bowl that stays on, 50 g added read 200 g on the scale.
    """
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/subscribe_today",
            "entry_id": "entry_erik",
            "language": "en",
        }
    )
    await client.receive_json()
    hass.states.async_set(SCALE, "0", {"unit_of_measurement": "g"})
    await _weigh(hass, freezer, "150")
    assert (await _view_now(client))["portion"]["scale_g"] == 150
    await _call(client, "log_portion", entry_id="entry_erik", food_id="01012")
    await _weigh(hass, freezer, "200")
    portion = (await _view_now(client))["portion"]
    assert (portion["grams"], portion["scale_g"]) == (50, 200)
    result = await _call(client, "log_portion", entry_id="entry_erik", food_id="01123")
    assert result["entry"]["grams"] == 50


async def test_errors_are_translated(client: MockHAClientWebSocket) -> None:
    error = await _error(
        client, "log_food", entry_id="entry_erik", food_id="nope", grams=10
    )
    assert error["translation_key"] == "unknown_food"
    assert error["translation_placeholders"] == {"food": "nope"}
    error = await _error(client, "undo", entry_id="entry_erik")
    assert error["translation_key"] == "nothing_to_undo"
    error = await _error(client, "people_nope")
    assert error["code"] == "unknown_command"
    error = await _error(client, "undo", entry_id="entry_anna")
    assert error["translation_key"] == "person_not_found"
    error = await _error(
        client, "log_food", entry_id="entry_erik", food_id="01012", grams="NaN"
    )
    assert error["code"] == "invalid_format"


async def test_a_shared_scale_from_the_card_claim_assign_drop_and_clear(
    hass: HomeAssistant, client: MockHAClientWebSocket, freezer: FrozenDateTimeFactory
) -> None:
    await async_add_person(hass, "Anna", scale_entity=SCALE)
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/subscribe_today",
            "entry_id": "entry_anna",
            "language": "en",
        }
    )
    await client.receive_json()
    view = (await _next_event(client))["event"]
    assert view["scale"] == {"shared": True, "claimed": False, "in_use_by": None}

    # A portion nobody claimed shows on everyone's card as unclaimed; one tap logs it.
    for grams in ("0", "90"):
        await _weigh(hass, freezer, grams)
    view = await _view_now(client)
    assert view["portion"]["unclaimed"] is True
    assert view["portion"]["grams"] == 90
    result = await _call(client, "log_portion", entry_id="entry_anna", food_id="01012")
    assert result["entry"]["grams"] == 90
    assert (await _view_now(client))["scale"]["claimed"] is True

    # Weighed while Anna's claim runs but for Erik: Erik claims, and it is his.
    await _call(client, "claim_scale", entry_id="entry_erik")
    for grams in ("0", "40"):
        await _weigh(hass, freezer, grams)
    view = await _view_now(client)
    assert view["scale"]["in_use_by"] == "Erik"
    assert hass.states.get("sensor.erik_portion").state == "40.0"
    # Erik has no food selected: taken off, it waits; Anna assigns it to herself.
    await _weigh(hass, freezer, "0")
    pending = (await _view_now(client))["pending"]
    assert [portion["grams"] for portion in pending] == [40]
    result = await _call(
        client,
        "assign_portion",
        entry_id="entry_anna",
        portion_id=pending[0]["id"],
        food_id="01012",
    )
    assert result["entry"]["grams"] == 40
    assert (await _view_now(client))["pending"] == []
    error = await _error(client, "drop_portion", entry_id="entry_anna")
    assert error["translation_key"] == "no_pending_portion"

    # The selection can be cleared from the card.
    await _call(client, "select_food", entry_id="entry_anna", food_id="01012")
    assert hass.states.get("select.anna_food").state == "Cottage cheese"
    await _call(client, "select_food", entry_id="entry_anna", food_id=None)
    assert hass.states.get("select.anna_food").state == "unknown"


async def test_saved_meals_from_the_card(
    hass: HomeAssistant, client: MockHAClientWebSocket
) -> None:
    first = await _call(
        client, "log_food", entry_id="entry_erik", food_id="01012", grams=200
    )
    second = await _call(
        client, "log_food", entry_id="entry_erik", food_id="09040", grams=120
    )
    ids = [first["entry"]["entry_id"], second["entry"]["entry_id"]]
    await _call(
        client, "save_meal", entry_id="entry_erik", name="Frukost", log_entry_ids=ids
    )
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/subscribe_today",
            "entry_id": "entry_erik",
            "language": "sv",
        }
    )
    await client.receive_json()
    pushed = (await client.receive_json())["event"]
    assert pushed["saved_meals"] == [
        {
            "id": "meal_frukost",
            "name": "Frukost",
            "items": [
                {"name": "Keso", "grams": 200},
                {"name": "Banan", "grams": 120},
            ],
        }
    ]
    logged = await _call(
        client, "log_saved_meal", entry_id="entry_erik", meal_id="meal_frukost"
    )
    assert logged["entry"]["grams"] == 120
    error = await _error(
        client, "save_meal", entry_id="entry_erik", name="x", log_entry_ids=["nope"]
    )
    assert error["translation_key"] == "nothing_to_save"


async def test_the_trash_lists_what_the_viewer_may_restore(
    hass: HomeAssistant,
    client: MockHAClientWebSocket,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    old = await hass.services.async_call(
        DOMAIN,
        "log_food",
        {"food": "01012", "grams": 100, "time": "2026-10-30 07:00:00+00:00"},
        blocking=True,
        return_response=True,
    )
    new = await _call(
        client, "log_food", entry_id="entry_erik", food_id="01123", grams=50
    )
    for entry_id in (old["entry_id"], new["entry"]["entry_id"]):
        await _call(
            client, "delete_entry", entry_id="entry_erik", log_entry_id=entry_id
        )
    assert await _call(client, "trash", entry_id="entry_erik") == {
        "entries": [
            {**new["entry"], "name": "Egg, whole, raw", "deleted": NOW_ISO},
            {
                **old,
                "name": "Cottage cheese",
                "name_en": "Cottage cheese",
                "name_sv": "Keso",
                "deleted": NOW_ISO,
            },
        ],
        "kept_days": 30,
    }
    swedish = await _call(client, "trash", entry_id="entry_erik", language="sv")
    assert [entry["name"] for entry in swedish["entries"]] == ["Ägg, rått", "Keso"]

    # Another user of the household sees (and may restore) only the last 24 hours.
    member = await hass_ws_client(hass, hass_read_only_access_token)
    await member.send_json_auto_id(
        {"type": f"{DOMAIN}/trash", "entry_id": "entry_erik", "language": "sv"}
    )
    answer = (await member.receive_json())["result"]
    assert [entry["entry_id"] for entry in answer["entries"]] == [
        new["entry"]["entry_id"]
    ]
    await member.send_json_auto_id(
        {
            "type": f"{DOMAIN}/restore_entry",
            "entry_id": "entry_erik",
            "log_entry_id": old["entry_id"],
        }
    )
    refused = await member.receive_json()
    assert refused["error"]["translation_key"] == "only_own_old_entries"

    await _call(
        client, "restore_entry", entry_id="entry_erik", log_entry_id=old["entry_id"]
    )
    left = await _call(client, "trash", entry_id="entry_erik")
    assert [entry["entry_id"] for entry in left["entries"]] == [
        new["entry"]["entry_id"]
    ]


async def test_household_units_from_search_to_log(
    client: MockHAClientWebSocket,
) -> None:
    found = await _call(
        client, "search_foods", entry_id="entry_erik", query="ägg", language="sv"
    )
    egg = next(food for food in found["foods"] if food["id"] == "01123")
    assert egg["units"]["piece"] == 50
    assert egg["units"]["large"] == 50

    # Counted (no unit: pieces), a unit word in Swedish, a unit key: the grams the
    # log_food action gives for the same amount.
    two_eggs = await _call(
        client, "log_food", entry_id="entry_erik", food_id="01123", amount=2
    )
    assert (two_eggs["entry"]["grams"], two_eggs["amount"], two_eggs["unit"]) == (
        100,
        2,
        "piece",
    )
    glass = await _call(
        client,
        "log_food",
        entry_id="entry_erik",
        food_id="01077",
        amount=1,
        unit="glas",
        language="sv",
    )
    assert glass["entry"]["grams"] == 206.3
    assert glass["unit"] == "glass"
    assert glass["entry"]["name"] == "Mjölk, 3,25 % fett (helmjölk)"
    slices = await _call(
        client,
        "log_food",
        entry_id="entry_erik",
        food_id="18060",
        amount=2,
        unit="slice",
    )
    assert slices["entry"]["grams"] == 64

    # A unit the food lacks names its units; neither or a unit with grams is refused.
    error = await _error(
        client, "log_food", entry_id="entry_erik", food_id="18060", amount=1
    )
    assert error["translation_key"] == "unknown_unit"
    assert "slice" in error["translation_placeholders"]["units"]
    for wrong in ({}, {"grams": 10, "unit": "slice"}):
        error = await _error(
            client, "log_food", entry_id="entry_erik", food_id="18060", **wrong
        )
        assert error["translation_key"] == "grams_or_amount"
    error = await _error(
        client, "log_food", entry_id="entry_erik", food_id="18060", amount=1, unit="x"
    )
    assert error["translation_key"] == "unknown_unit_word"
