"""Adding a person, changing their goals and renaming them, through the real flows."""

from __future__ import annotations

from unittest.mock import AsyncMock, patch

from homeassistant.config_entries import SOURCE_USER, ConfigFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.mtor_balance.const import (
    CONF_KIND,
    DOMAIN,
    KIND_PERSON,
)
from custom_components.mtor_balance.person.const import (
    CONF_AGE_GROUP,
    CONF_BODY_MASS,
    CONF_FAST_GOAL,
    CONF_LEUCINE_TARGET,
    CONF_PERSON_NAME,
    CONF_PHOTO_AI_TASK,
    CONF_PHOTO_AUTO_LOG,
    CONF_PHOTO_CAMERA,
    CONF_PLAN,
    CONF_PROTEIN_TARGET,
    CONF_SCALE_ENTITY,
    CONF_TRAINING,
    CONF_TRAINING_ENTITY,
    CONF_TRAINING_MINUTES,
    WEEKDAYS,
)

from ..common import OPTIONS, async_add_person


@pytest.fixture
def mock_setup_entry() -> AsyncMock:
    """Keep the flows from setting the entry up (setup has its own tests)."""
    with patch(
        "custom_components.mtor_balance.async_setup_entry", return_value=True
    ) as mock:
        yield mock


async def _person_step(hass: HomeAssistant, menu: ConfigFlowResult) -> ConfigFlowResult:
    """Choose "A person" in the user step's menu."""
    return await hass.config_entries.flow.async_configure(
        menu["flow_id"], {"next_step_id": "person"}
    )


def _default(result: dict, key: str) -> object:
    for marker in result["data_schema"].schema:
        if marker == key:
            return marker.default()
    raise AssertionError(key)


@pytest.mark.usefixtures("mock_setup_entry")
async def test_adding_a_person_suggests_targets_from_body_mass_and_age(
    hass: HomeAssistant,
) -> None:
    hass.states.async_set("sensor.kitchen_scale", "0", {"unit_of_measurement": "g"})
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["person", "scale"]
    result = await _person_step(hass, result)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "person"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_PERSON_NAME: "  Anna ",
            CONF_BODY_MASS: 62.0,
            CONF_AGE_GROUP: "older",
            CONF_SCALE_ENTITY: "sensor.kitchen_scale",
        },
    )
    assert result["step_id"] == "goals"
    # Older adult: max(3.0, 0.04 x 62) = 3.0 g leucine; 1.2 g/kg protein = 74 g.
    assert _default(result, CONF_LEUCINE_TARGET) == 3.0
    assert _default(result, CONF_PROTEIN_TARGET) == 74

    goals = {
        key: value
        for key, value in OPTIONS.items()
        if key not in (CONF_BODY_MASS, CONF_AGE_GROUP)
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], goals)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Anna"
    assert result["data"] == {CONF_KIND: KIND_PERSON, CONF_PERSON_NAME: "Anna"}
    assert result["options"][CONF_BODY_MASS] == 62.0
    assert result["options"][CONF_SCALE_ENTITY] == "sensor.kitchen_scale"
    assert result["options"][CONF_LEUCINE_TARGET] == 2.5
    assert result["result"].unique_id == "anna"


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_name_without_letters_is_refused_and_the_person_can_correct_it(
    hass: HomeAssistant,
) -> None:
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    body = {CONF_BODY_MASS: 80.0, CONF_AGE_GROUP: "adult"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: " !? ", **body}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_PERSON_NAME: "invalid_name"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "Erik", **body}
    )
    assert result["step_id"] == "goals"


@pytest.mark.usefixtures("mock_setup_entry")
async def test_the_same_person_cannot_be_added_twice(hass: HomeAssistant) -> None:
    await async_add_person(hass, "Erik")
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PERSON_NAME: "erik", CONF_BODY_MASS: 80.0, CONF_AGE_GROUP: "adult"},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_options_change_goals_and_reload_the_person(hass: HomeAssistant) -> None:
    entry = await async_add_person(hass, "Erik")
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "settings"

    new_options = {**OPTIONS, CONF_BODY_MASS: 90.0, CONF_LEUCINE_TARGET: 2.8}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], new_options
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_LEUCINE_TARGET] == 2.8
    state = hass.states.get("sensor.erik_next_suggested_meal")
    assert state is not None
    assert state.attributes["target_leucine_g"] == 2.8


async def test_options_refuse_another_persons_portion_as_the_kitchen_scale(
    hass: HomeAssistant,
) -> None:
    """Anna's Portion carries grams, but weighing on it would log her portions twice."""
    await async_add_person(hass, "Anna")
    entry = await async_add_person(hass, "Bo")
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    for own_sensor in ("sensor.anna_portion", "sensor.bo_protein_today"):
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {**OPTIONS, CONF_SCALE_ENTITY: own_sensor}
        )
        assert result["type"] is FlowResultType.FORM
        assert result["errors"] == {CONF_SCALE_ENTITY: "scale_is_a_persons_sensor"}
    hass.states.async_set("sensor.kitchen_scale", "0", {"unit_of_measurement": "g"})
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**OPTIONS, CONF_SCALE_ENTITY: "sensor.kitchen_scale"}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_SCALE_ENTITY] == "sensor.kitchen_scale"


async def test_reconfigure_renames_the_person(hass: HomeAssistant) -> None:
    entry = await async_add_person(hass, "Erik")
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "?"}
    )
    assert result["errors"] == {CONF_PERSON_NAME: "invalid_name"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "Erik Svensson"}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.title == "Erik Svensson"
    assert entry.unique_id == "erik_svensson"
    assert entry.data[CONF_PERSON_NAME] == "Erik Svensson"


async def test_reconfigure_keeping_the_name_and_refusing_another_persons_name(
    hass: HomeAssistant,
) -> None:
    await async_add_person(hass, "Anna")
    entry = await async_add_person(hass, "Erik")

    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "Anna"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"

    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "Erik"}
    )
    assert result["reason"] == "reconfigure_successful"
    assert entry.title == "Erik"
    await hass.async_block_till_done()  # the reload it started


FAST_MONDAYS = {CONF_PLAN: {**dict.fromkeys(WEEKDAYS, "normal"), "mon": "fast"}}
OLDER_ANNA = {CONF_BODY_MASS: 62.0, CONF_AGE_GROUP: "older", CONF_PROTEIN_TARGET: 74.0}


@pytest.mark.usefixtures("mock_setup_entry")
async def test_an_older_adults_fast_day_is_warned_about_before_saving(
    hass: HomeAssistant,
) -> None:
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PERSON_NAME: "Anna", CONF_BODY_MASS: 62.0, CONF_AGE_GROUP: "older"},
    )
    goals = {
        key: value
        for key, value in {**OPTIONS, **OLDER_ANNA, **FAST_MONDAYS}.items()
        if key not in (CONF_BODY_MASS, CONF_AGE_GROUP)
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], goals)
    # One fast day a week plans 0 g, under ESPEN's 1.0 g/kg (62 g) for older adults.
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "below_espen"
    assert result["description_placeholders"] == {
        "days": "1",
        "lowest_g": "0",
        "minimum_g": "62",
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["options"][CONF_PLAN]["mon"] == "fast"  # the plan is theirs


async def test_a_plan_under_espen_is_a_repair_issue_until_it_is_changed(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    entry = await async_add_person(hass, "Anna", **OLDER_ANNA, **FAST_MONDAYS)
    issue = issue_registry.async_get_issue(DOMAIN, f"plan_below_espen_{entry.entry_id}")
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.WARNING
    assert not issue.is_fixable
    assert issue.translation_placeholders == {
        "name": "Anna",
        "days": "1",
        "lowest_g": "0",
        "minimum_g": "62",
    }

    # Saving the same plan again warns again, and saves once confirmed.
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**entry.options, CONF_TRAINING: {}}
    )
    assert result["step_id"] == "below_espen"
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, f"plan_below_espen_{entry.entry_id}")

    # A plan without the fast day: no warning, and the issue goes away.
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {**entry.options, CONF_PLAN: dict.fromkeys(WEEKDAYS, "normal")},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert (
        issue_registry.async_get_issue(DOMAIN, f"plan_below_espen_{entry.entry_id}")
        is None
    )


async def test_training_settings_are_checked_and_kept(hass: HomeAssistant) -> None:
    entry = await async_add_person(hass, "Erik")
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **OPTIONS,
            CONF_TRAINING_ENTITY: "input_boolean.gym",
            CONF_TRAINING_MINUTES: float("nan"),
        },
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {
        CONF_TRAINING_ENTITY: "entity_not_found",
        CONF_TRAINING_MINUTES: "range_training_minutes",
    }
    assert result["description_placeholders"]["training_minutes_min"] == "10"
    assert result["description_placeholders"]["training_minutes_max"] == "300"

    hass.states.async_set("input_boolean.gym", "off")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **OPTIONS,
            CONF_TRAINING: {"tue": "17:30:00"},
            CONF_TRAINING_ENTITY: "input_boolean.gym",
            CONF_TRAINING_MINUTES: 75,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options[CONF_TRAINING] == {"tue": "17:30:00"}
    assert entry.options[CONF_TRAINING_ENTITY] == "input_boolean.gym"
    assert entry.options[CONF_TRAINING_MINUTES] == 75


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_name_with_control_characters_and_a_missing_scale_are_refused(
    hass: HomeAssistant,
) -> None:
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_PERSON_NAME: "Erik\x00",
            CONF_BODY_MASS: 80.0,
            CONF_AGE_GROUP: "adult",
            CONF_SCALE_ENTITY: "sensor.no_such_scale",
        },
    )
    assert result["errors"] == {
        CONF_PERSON_NAME: "invalid_name",
        CONF_SCALE_ENTITY: "scale_not_found",
    }


async def test_nan_and_infinity_typed_over_the_rest_api_are_refused_with_the_range(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """The options form over the frontend's REST API: each bad number says its range.

    Typed text reaches the flow as a string; "NaN" and "inf" pass float() and every range
    comparison, so they used to be saved (and left the person unable to start).
    """
    assert await async_setup_component(hass, "config", {})
    entry = await async_add_person(hass, "Erik")
    saved = dict(entry.options)
    client = await hass_client()
    response = await client.post(
        "/api/config/config_entries/options/flow", json={"handler": entry.entry_id}
    )
    flow_id = (await response.json())["flow_id"]
    url = f"/api/config/config_entries/options/flow/{flow_id}"
    await client.post(url, json={"next_step_id": "settings"})

    response = await client.post(
        url,
        json={
            **OPTIONS,
            CONF_BODY_MASS: "NaN",
            CONF_FAST_GOAL: "inf",
            CONF_LEUCINE_TARGET: "-Infinity",
            CONF_PROTEIN_TARGET: 5000,
        },
    )
    result = await response.json()
    assert response.status == 200, result
    assert result["type"] == "form"
    assert result["errors"] == {
        CONF_BODY_MASS: "range_body_mass_kg",
        CONF_FAST_GOAL: "range_fast_goal_h",
        CONF_LEUCINE_TARGET: "range_leucine_target_g",
        CONF_PROTEIN_TARGET: "range_protein_target_g",
    }
    placeholders = result["description_placeholders"]
    assert (placeholders["body_mass_kg_min"], placeholders["body_mass_kg_max"]) == (
        "20",
        "300",
    )
    assert (placeholders["protein_target_g_max"], placeholders["fast_goal_h_max"]) == (
        "400",
        "72",
    )
    # Nothing was saved: the person still starts and shows their state.
    assert entry.options == saved
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.erik_fasting_hours").state != "unavailable"


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_fasting_goal_over_a_day_is_saved_only_with_its_notice_ticked(
    hass: HomeAssistant,
) -> None:
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PERSON_NAME: "Erik", CONF_BODY_MASS: 80.0, CONF_AGE_GROUP: "adult"},
    )
    goals = {
        key: value
        for key, value in {**OPTIONS, CONF_FAST_GOAL: 36.0}.items()
        if key not in (CONF_BODY_MASS, CONF_AGE_GROUP)
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], goals)
    # Over 24 h, for everyone: the safety notice, with a box that must be ticked.
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "long_fast"
    assert result["description_placeholders"] == {"hours": "36"}
    assert _default(result, "long_fast_understood") is False
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"long_fast_understood": False}
    )
    assert result["step_id"] == "long_fast"
    assert result["errors"] == {"long_fast_understood": "long_fast_not_confirmed"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"long_fast_understood": True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["options"][CONF_FAST_GOAL] == 36.0
    assert "long_fast_understood" not in result["options"]  # asked at every save


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_goal_of_a_day_needs_no_notice(hass: HomeAssistant) -> None:
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PERSON_NAME: "Erik", CONF_BODY_MASS: 80.0, CONF_AGE_GROUP: "adult"},
    )
    goals = {
        key: value
        for key, value in {**OPTIONS, CONF_FAST_GOAL: 24.0}.items()
        if key not in (CONF_BODY_MASS, CONF_AGE_GROUP)
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], goals)
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.usefixtures("mock_setup_entry")
async def test_an_older_adult_is_warned_of_a_long_fast_after_its_notice(
    hass: HomeAssistant,
) -> None:
    result = await _person_step(
        hass,
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PERSON_NAME: "Anna", CONF_BODY_MASS: 62.0, CONF_AGE_GROUP: "older"},
    )
    goals = {
        key: value
        for key, value in {**OPTIONS, **OLDER_ANNA, CONF_FAST_GOAL: 36.0}.items()
        if key not in (CONF_BODY_MASS, CONF_AGE_GROUP)
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], goals)
    assert result["step_id"] == "long_fast"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"long_fast_understood": True}
    )
    # Normal days only, yet a 36-h goal leaves every other day without a meal.
    assert result["step_id"] == "below_espen"
    assert result["description_placeholders"] == {
        "days": "4",
        "lowest_g": "0",
        "minimum_g": "62",
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_a_long_fast_is_confirmed_in_the_options_and_is_a_repair_issue(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    entry = await async_add_person(hass, "Anna", **OLDER_ANNA)
    issue_id = f"plan_below_espen_{entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**entry.options, CONF_TRAINING: {}, CONF_FAST_GOAL: 36.0}
    )
    assert result["step_id"] == "long_fast"
    assert result["description_placeholders"] == {"hours": "36"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"long_fast_understood": False}
    )
    assert result["errors"] == {"long_fast_understood": "long_fast_not_confirmed"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"long_fast_understood": True}
    )
    assert result["step_id"] == "below_espen"
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders["days"] == "4"

    # An adult's long goal: the notice, and no ESPEN warning after it.
    entry = await async_add_person(hass, "Erik")
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**entry.options, CONF_TRAINING: {}, CONF_FAST_GOAL: 48.0}
    )
    assert result["step_id"] == "long_fast"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"long_fast_understood": True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options[CONF_FAST_GOAL] == 48.0


async def test_photo_settings_are_checked_and_kept(hass: HomeAssistant) -> None:
    """Weigh it, show it: the model and the camera must exist; off by default."""
    entry = await async_add_person(hass, "Erik")
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **OPTIONS,
            CONF_PHOTO_AI_TASK: "ai_task.gone",
            CONF_PHOTO_CAMERA: "camera.gone",
        },
    )
    assert result["errors"] == {
        CONF_PHOTO_AI_TASK: "entity_not_found",
        CONF_PHOTO_CAMERA: "entity_not_found",
    }
    hass.states.async_set("ai_task.model", "unknown")
    hass.states.async_set("camera.kitchen", "idle")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **OPTIONS,
            CONF_PHOTO_AI_TASK: "ai_task.model",
            CONF_PHOTO_CAMERA: "camera.kitchen",
            CONF_PHOTO_AUTO_LOG: True,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options[CONF_PHOTO_AI_TASK] == "ai_task.model"
    assert entry.options[CONF_PHOTO_CAMERA] == "camera.kitchen"
    assert entry.options[CONF_PHOTO_AUTO_LOG] is True
