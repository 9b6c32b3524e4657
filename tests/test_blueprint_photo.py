"""The "portion on the scale" blueprint with a kitchen camera (issue 24).

The portion's photo is identified through Home Assistant's real AI Task machinery (the
test model and camera of tests/person/test_photo.py); the phone's notification then offers
the candidates, and a tap logs the portion as one of them, marked as from a photo.
"""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_mock_service

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.person.const import (
    CONF_PHOTO_AI_TASK,
    CONF_PHOTO_CAMERA,
)

from .common import async_add_person
from .person.test_photo import (  # noqa: F401  (fixtures)
    CAMERA,
    MODEL,
    ai_task,
    model,
)
from .test_blueprints import (  # noqa: F401  (the blueprints' autouse fixtures)
    PORTION_INPUTS,
    SCALE,
    TAG,
    _at,
    _hass_for_blueprints,
    _load_blueprints_from_the_repository,
    _messages,
    _no_automation_errors,
    _settle,
    _tap,
    _use_blueprints,
    _weigh,
)


async def _log(hass: HomeAssistant) -> list[tuple[str, float, str]]:
    response = await hass.services.async_call(
        DOMAIN, "get_log", {}, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return [(e["food"], e["grams"], e["source"]) for e in response["entries"]]


@pytest.mark.usefixtures("ai_task")
async def test_the_camera_s_candidates_are_buttons_and_a_tap_logs_the_portion(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(_at("02 12:00:00"))
    hass.states.async_set(
        SCALE, "0", {"unit_of_measurement": "g", "device_class": "weight"}
    )
    await async_add_person(
        hass,
        "Anna",
        scale_entity=SCALE,
        log_mode="button",
        **{CONF_PHOTO_AI_TASK: MODEL, CONF_PHOTO_CAMERA: CAMERA},
    )
    mobile = async_mock_service(hass, "notify", "mobile_app_anna_phone")
    await _use_blueprints(hass, "portion_on_scale", PORTION_INPUTS)

    await _weigh(hass, freezer, "150")

    # The notification of the settled portion, replaced by the photo's candidates.
    await _settle(hass)  # the model's answer: the notification is replaced
    last = _messages(mobile)[-1]
    assert last["message"] == (
        "150 g on the scale. From the photo, a guess: Cottage cheese. Which food is it?"
    )
    actions = last["data"]["actions"]
    assert last["data"]["tag"] == TAG
    assert actions[0]["title"] == "Cottage cheese"
    assert 1 < len(actions) <= 3
    assert await _log(hass) == []

    await _tap(hass, actions[0]["action"])
    assert await _log(hass) == [("01012", 150.0, "photo")]
