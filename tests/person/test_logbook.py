"""The logbook says what happened: who logged or removed what, with grams and leucine.

Through Home Assistant's recorder and logbook (its websocket API), in English and Swedish.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_capture_events
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.mtor_balance.const import DOMAIN, EVENT_MEAL

from ..common import async_add_person


async def _logbook(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> list[Any]:
    await async_wait_recording_done(hass)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "logbook/get_events",
            "start_time": (dt_util.utcnow() - timedelta(hours=1)).isoformat(),
        }
    )
    response = await client.receive_json()
    assert response["success"], response
    return [row for row in response["result"] if row.get("domain") == DOMAIN]


@pytest.mark.usefixtures("recorder_mock")
@pytest.mark.parametrize(
    ("language", "logged", "removed"),
    [
        (
            "en",
            "logged 150 g Cottage cheese (1.7 g leucine)",
            "removed 150 g Cottage cheese (1.7 g leucine)",
        ),
        (
            "sv",
            "loggade 150 g Keso (1,7 g leucin)",
            "tog bort 150 g Keso (1,7 g leucin)",
        ),
    ],
)
async def test_the_logbook_names_the_food_the_grams_and_the_leucine(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    language: str,
    logged: str,
    removed: str,
) -> None:
    await hass.config.async_update(language=language)
    assert await async_setup_component(hass, "logbook", {})
    await async_add_person(hass, "Erik")
    meals = async_capture_events(hass, EVENT_MEAL)
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": "01012", "grams": 150}, blocking=True
    )
    await hass.services.async_call(DOMAIN, "undo_last", {}, blocking=True)
    await hass.async_block_till_done()

    assert [event.data["type"] for event in meals] == ["logged", "removed"]
    assert meals[0].data["grams"] == 150
    rows = await _logbook(hass, hass_ws_client)
    assert [(row["name"], row["message"]) for row in rows] == [
        ("Erik", logged),
        ("Erik", removed),
    ]
    assert rows[0]["entity_id"] == hass.states.async_entity_ids("event")[0]
