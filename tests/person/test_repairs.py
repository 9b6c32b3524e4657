"""A person is never stuck: unusable options and a missing scale are repair issues with a fix.

Through Home Assistant's own repairs integration (its fix-flow manager and issue registry).
"""

from __future__ import annotations

import math
from typing import Any

from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.person.const import (
    CONF_BEDTIME,
    CONF_BODY_MASS,
    CONF_FAST_GOAL,
    CONF_LEUCINE_TARGET,
    CONF_PRE_SLEEP,
    CONF_SCALE_ENTITY,
    CONF_TRAINING,
    CONF_TRAINING_ENTITY,
)

from ..common import async_add_person


@pytest.fixture(autouse=True)
async def repairs(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, "repairs", {})


async def _fix(hass: HomeAssistant, issue_id: str, user_input: dict[str, Any]) -> Any:
    manager = repairs_flow_manager(hass)
    assert manager is not None
    result = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
    assert result["type"] is FlowResultType.FORM
    result = await manager.async_configure(result["flow_id"], user_input)
    await hass.async_block_till_done()
    return result


@pytest.mark.parametrize(
    "stored",
    [
        {CONF_BODY_MASS: math.nan},
        {CONF_BODY_MASS: None},
        {CONF_FAST_GOAL: math.inf},
        {CONF_LEUCINE_TARGET: "lots", CONF_FAST_GOAL: -3},
    ],
)
async def test_unusable_options_keep_the_person_working_and_are_fixed_from_repairs(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry, stored: dict[str, Any]
) -> None:
    entry = await async_add_person(hass, **stored)

    # Not stuck in setup_retry: the person works, with the defaults for those options.
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.erik_leucine_today").state == "0"
    issue = issue_registry.async_get_issue(DOMAIN, "unusable_options_entry_erik")
    assert issue is not None
    assert issue.is_fixable
    assert set(issue.translation_placeholders["options"].split(", ")) == set(stored)

    # Configure still opens, showing usable values.
    flow = await hass.config_entries.options.async_init(entry.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "settings"}
    )
    assert flow["type"] is FlowResultType.FORM
    for key in stored:
        suggested = next(
            marker.description["suggested_value"]
            for marker in flow["data_schema"].schema
            if marker == key
        )
        assert isinstance(suggested, float)
        assert math.isfinite(suggested)
    hass.config_entries.options.async_abort(flow["flow_id"])

    # The fix stores the defaults, the person reloads and the issue goes away.
    result = await _fix(hass, "unusable_options_entry_erik", {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    for key in stored:
        assert math.isfinite(entry.options[key])
    assert entry.state is ConfigEntryState.LOADED
    assert issue_registry.async_get_issue(DOMAIN, "unusable_options_entry_erik") is None


async def test_unusable_sleep_and_training_options_fall_back_to_their_defaults(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    stored = {
        CONF_BEDTIME: "late",
        CONF_PRE_SLEEP: "yes",
        CONF_TRAINING: {"mon": "25:99"},
        CONF_TRAINING_ENTITY: 42,
    }
    entry = await async_add_person(hass, **stored)
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.erik_next_suggested_meal") is not None
    issue = issue_registry.async_get_issue(DOMAIN, "unusable_options_entry_erik")
    assert set(issue.translation_placeholders["options"].split(", ")) == set(stored)
    result = await _fix(hass, "unusable_options_entry_erik", {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_BEDTIME] == "23:00:00"
    assert entry.options[CONF_PRE_SLEEP] is False
    assert entry.options[CONF_TRAINING] == {}
    assert entry.options.get(CONF_TRAINING_ENTITY) is None


async def test_a_scale_that_does_not_exist_is_a_repair_issue_fixed_by_choosing_another(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    hass.states.async_set("sensor.new_scale", "0", {"unit_of_measurement": "g"})
    entry = await async_add_person(hass, scale_entity="sensor.gone_scale")
    issue = issue_registry.async_get_issue(DOMAIN, "scale_missing_entry_erik")
    assert issue is not None
    assert issue.translation_placeholders["entity_id"] == "sensor.gone_scale"

    result = await _fix(
        hass, "scale_missing_entry_erik", {CONF_SCALE_ENTITY: "sensor.new_scale"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_SCALE_ENTITY] == "sensor.new_scale"
    assert issue_registry.async_get_issue(DOMAIN, "scale_missing_entry_erik") is None


async def test_a_scale_removed_later_raises_the_issue_and_none_is_a_fix(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    scale = entity_registry.async_get_or_create("sensor", "demo", "scale-1")
    hass.states.async_set(scale.entity_id, "0", {"unit_of_measurement": "g"})
    entry = await async_add_person(hass, scale_entity=scale.entity_id)
    assert issue_registry.async_get_issue(DOMAIN, "scale_missing_entry_erik") is None

    hass.states.async_remove(scale.entity_id)
    entity_registry.async_remove(scale.entity_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, "scale_missing_entry_erik")

    result = await _fix(hass, "scale_missing_entry_erik", {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_SCALE_ENTITY not in entry.options
    assert issue_registry.async_get_issue(DOMAIN, "scale_missing_entry_erik") is None


async def test_removing_the_person_removes_their_issues(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    entry = await async_add_person(
        hass, scale_entity="sensor.gone_scale", body_mass_kg=math.nan
    )
    assert len(issue_registry.issues) == 2
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert not issue_registry.issues
