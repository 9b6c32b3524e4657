"""Diagnostics: useful for debugging, without who the person is or what they ate."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from syrupy.assertion import SnapshotAssertion

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.diagnostics import (
    async_get_config_entry_diagnostics,
)

from ..common import async_add_person


async def test_diagnostics_redact_personal_data(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    snapshot: SnapshotAssertion,
) -> None:
    freezer.move_to("2026-11-02 11:00:00+00:00")
    entry = await async_add_person(hass, "Erik", scale_entity="sensor.kitchen_scale")
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": "01012", "grams": 200}, blocking=True
    )
    diagnostics = await async_get_config_entry_diagnostics(hass, entry)
    assert diagnostics == snapshot
    text = str(diagnostics)
    for personal in ("Erik", "sensor.kitchen_scale", "Cottage cheese", "80.0"):
        assert personal not in text
