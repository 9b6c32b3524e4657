"""The automation blueprints: valid for Home Assistant, linked for import, and what they do.

Each behaviour test runs a blueprint as an automation next to the integration (a person
named Anna), changes her state through the integration's own machinery (the log_food
action, the clock, her kitchen scale) and checks the actions the automation called.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from functools import cache
import json
import logging
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, patch
from urllib.parse import quote

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.automation.config import AUTOMATION_BLUEPRINT_SCHEMA
from homeassistant.components.blueprint import models
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er, selector
from homeassistant.setup import async_setup_component
from homeassistant.util import yaml as yaml_util
import pytest
from pytest_homeassistant_custom_component.common import (
    async_capture_events,
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.core.foods import FoodTable
from custom_components.mtor_balance.person.food_table import FOOD_TABLE, FOOD_TABLE_PATH

from .common import async_add_person

ROOT = Path(__file__).parent.parent
BLUEPRINT_DIR = ROOT / "blueprints" / "automation"
BLUEPRINTS = sorted(BLUEPRINT_DIR.glob("mtor_balance/*.yaml"))
DOCS = ROOT / "README.md"
RAW_URL = "https://raw.githubusercontent.com/mtor-balance/mtor_balance/main/"
IMPORT_LINK = (
    "https://my.home-assistant.io/create-link/?redirect=blueprint_import&blueprint_url="
)

PHONE = "notify.anna_phone"
MOBILE_APP = "notify.mobile_app_anna_phone"
SCALE = "sensor.kitchen_scale"
TRAINING = "input_boolean.anna_training"


def _blueprint(path: Path) -> models.Blueprint:
    return models.Blueprint(
        yaml_util.load_yaml_dict(path),
        expected_domain="automation",
        path=str(path.relative_to(BLUEPRINT_DIR)),
        schema=AUTOMATION_BLUEPRINT_SCHEMA,
    )


def _at(local: str) -> str:
    """Return a UTC time for a local Stockholm time in November (UTC+1)."""
    return f"2026-11-{local}+01:00"


# --- the files ----------------------------------------------------------------------


def test_there_are_the_six_blueprints() -> None:
    assert [path.stem for path in BLUEPRINTS] == [
        "eating_window_closing",
        "fast_complete",
        "meal_reminder",
        "portion_on_scale",
        "post_training_check",
        "voice",
    ]


@pytest.mark.parametrize("path", BLUEPRINTS, ids=lambda path: path.stem)
def test_blueprint_is_valid_and_points_at_itself(path: Path) -> None:
    blueprint = _blueprint(path)
    metadata = blueprint.metadata
    relative = path.relative_to(ROOT).as_posix()
    # One source of truth: the file a user imports is the file in this repository.
    assert metadata["source_url"] == RAW_URL + relative
    assert metadata["homeassistant"] == {"min_version": "2026.10.0"}
    assert metadata["author"] == "mTOR Balance"
    assert metadata["name"].startswith("mTOR Balance \N{EN DASH} ")
    # The 2024.10+ keys, not the old trigger/condition/action ones.
    assert {"triggers", "actions"} <= blueprint.data.keys()
    assert not {"trigger", "condition", "action"} & blueprint.data.keys()
    # Fasting hours are a goal; nothing claims that a process in the body happened.
    assert "autophagy" not in path.read_text(encoding="utf-8").lower()
    for key, spec in blueprint.inputs.items():
        # Every input says what it is for, and its default is one its own selector takes.
        assert spec.get("name"), key
        assert spec.get("description"), key
        selector.validate_selector(spec["selector"])
        if "default" in spec:
            selector.selector(spec["selector"])(spec["default"])


@pytest.mark.parametrize("path", BLUEPRINTS, ids=lambda path: path.stem)
def test_blueprint_has_an_import_link_in_the_docs(path: Path) -> None:
    raw = RAW_URL + path.relative_to(ROOT).as_posix()
    docs = DOCS.read_text(encoding="utf-8")
    assert docs.count(IMPORT_LINK + quote(raw, safe="")) == 1


def test_docs_link_only_blueprints_that_exist() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    linked = {
        part.split(")", 1)[0].split("&", 1)[0] for part in docs.split(IMPORT_LINK)[1:]
    }
    assert linked == {
        quote(RAW_URL + path.relative_to(ROOT).as_posix(), safe="")
        for path in BLUEPRINTS
    }


# --- running them -------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _load_blueprints_from_the_repository() -> Iterator[None]:
    """Let automations use `mtor_balance/<name>.yaml` straight from blueprints/."""

    def load(self: models.DomainBlueprints, blueprint_path: str) -> models.Blueprint:
        return _blueprint(BLUEPRINT_DIR / blueprint_path)

    with (
        patch.object(models.DomainBlueprints, "_load_blueprint", load),
        # Core's own example blueprints are not copied into the test config folder.
        patch.object(models.DomainBlueprints, "async_populate", AsyncMock()),
    ):
        yield


@pytest.fixture(autouse=True)
def _no_automation_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A template or action error in a blueprint fails the test that hit it."""
    yield
    problems = [
        f"{record.name}: {record.getMessage()}"
        for record in caplog.records
        if record.levelno >= logging.ERROR
        or (
            record.levelno >= logging.WARNING
            and record.name.startswith(AUTOMATION_LOGGERS)
        )
    ]
    assert problems == []


AUTOMATION_LOGGERS = (
    "homeassistant.components.automation",
    "homeassistant.helpers.script",
    "homeassistant.helpers.template",
    "homeassistant.helpers.event",
    "homeassistant.helpers.trigger",
    "homeassistant.helpers.condition",
)


def _matches(
    entity_filter: dict[str, Any], entry: er.RegistryEntry | None, state: Any
) -> bool:
    """Return whether an entity passes a selector filter, as the frontend decides it."""
    if "integration" in entity_filter and (
        entry is None or entry.platform != entity_filter["integration"]
    ):
        return False
    domains = entity_filter.get("domain")
    if domains and state.domain not in domains:
        return False
    device_classes = entity_filter.get("device_class")
    return not device_classes or state.attributes.get("device_class") in device_classes


@cache
def _food_table() -> FoodTable:
    table = FoodTable.load(FOOD_TABLE_PATH)
    table.build_index()
    return table


@pytest.fixture(autouse=True)
async def _hass_for_blueprints(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Share one loaded food table between the tests, and turn automations off at the end.

    Turning them off detaches their triggers (and timers) before Home Assistant stops.
    """
    if "hass" not in request.fixturenames:
        yield
        return
    hass: HomeAssistant = request.getfixturevalue("hass")
    hass.data[FOOD_TABLE] = _food_table()
    yield
    if hass.services.has_service("automation", "turn_off"):
        await hass.services.async_call(
            "automation", "turn_off", {"entity_id": "all"}, blocking=True
        )


async def _use_blueprints(
    hass: HomeAssistant, name: str, *inputs_list: dict[str, Any]
) -> None:
    """Set up automations from one blueprint, checking the inputs like the UI would.

    They are called `automation.<name>_1`, `automation.<name>_2` and so on.
    """
    blueprint = _blueprint(BLUEPRINT_DIR / "mtor_balance" / f"{name}.yaml")
    registry = er.async_get(hass)
    for inputs in inputs_list:
        for key, value in inputs.items():
            config = blueprint.inputs[key]["selector"]
            selector.selector(config)(value)
            for entity_filter in config.get("entity", {}).get("filter", []):
                if entity_filter.get("integration") == DOMAIN:
                    # The picker offers Anna's entity only if it passes the filter.
                    assert _matches(
                        entity_filter, registry.async_get(value), hass.states.get(value)
                    ), (key, value)
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "id": f"{name}_{number}",
                    "alias": f"{name} {number}",
                    "use_blueprint": {
                        "path": f"mtor_balance/{name}.yaml",
                        "input": inputs,
                    },
                }
                for number, inputs in enumerate(inputs_list, start=1)
            ]
        },
    )
    await hass.async_block_till_done()
    for number in range(1, len(inputs_list) + 1):
        assert hass.states.get(f"automation.{name}_{number}").state == "on"


async def _log(hass: HomeAssistant, food: str, grams: float) -> None:
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": food, "grams": grams}, blocking=True
    )


def _awaited(task: asyncio.Task[Any]) -> list[str]:
    """Return the qualified names of the coroutines a task is in, outermost first."""
    names = []
    coro: Any = task.get_coro()
    while coro is not None and hasattr(coro, "cr_code"):
        names.append(coro.__qualname__)
        coro = coro.cr_await
    return names


def _is_trigger_task(task: asyncio.Task[Any]) -> bool:
    """Return whether the task is an automation's trigger, which starts a script run."""
    names = _awaited(task)
    return bool(names) and names[0].endswith("._async_trigger_if_enabled")


def _is_script_run(task: asyncio.Task[Any]) -> bool:
    """Return whether the task is a run of an automation's actions."""
    names = _awaited(task)
    return bool(names) and names[0].endswith("ScriptRun.async_run")


def _busy(task: asyncio.Task[Any]) -> bool:
    """Return whether a task has work to do now (rather than waiting for later)."""
    if task.done():
        return False
    names = _awaited(task)
    if _is_trigger_task(task):
        # Busy until it has handed over to a script run.
        return "Script.async_run" not in names
    if _is_script_run(task):
        # Busy unless it waits (wait_template, wait_for_trigger, delay) for something
        # that has not happened yet.
        if not any(name.endswith(WAIT_STEPS) for name in names):
            return True
        innermost: Any = task.get_coro()
        while getattr(innermost.cr_await, "cr_code", None) is not None:
            innermost = innermost.cr_await
        futures = innermost.cr_frame.f_locals.get("fs", ())
        return any(future.done() for future in futures)
    return True


WAIT_STEPS = ("._async_wait_with_optional_timeout", "._async_step_delay")


async def _settle(hass: HomeAssistant) -> None:
    """Run everything that can run now, like `hass.async_block_till_done()`.

    That one also waits for automation runs that wait for a trigger, a template or a
    timeout, which with a frozen clock is forever; this one stops when only they are left.
    """
    current = asyncio.current_task()
    idle = 0
    busy: list[asyncio.Task[Any]] = []
    for _ in range(1000):
        runs = [task for task in asyncio.all_tasks() if _is_script_run(task)]
        busy = [
            task
            for task in (*hass._tasks, *runs)
            if task is not current and _busy(task)
        ]
        if not busy:
            # Callbacks already scheduled (an event's listeners, a future's waiters) may
            # still start work: done only after a few quiet turns of the event loop.
            idle += 1
            if idle == 5:
                return
            await asyncio.sleep(0)
            continue
        idle = 0
        if others := [
            task
            for task in busy
            if not _is_script_run(task) and not _is_trigger_task(task)
        ]:
            await asyncio.wait(others)
        else:
            await asyncio.sleep(0)
    raise AssertionError(f"still busy: {busy}")


async def _move_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: str
) -> None:
    freezer.move_to(moment)
    async_fire_time_changed(hass)
    await _settle(hass)


def _messages(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    return [dict(call.data) for call in calls]


# --- fast_complete ------------------------------------------------------------------

FAST_INPUTS = {
    "fast_goal_sensor": "binary_sensor.anna_fast_goal_reached",
    "tts_entity": ["tts.home_assistant_cloud"],
    "media_players": ["media_player.kitchen"],
    "notify_entities": [PHONE],
}
ANNOUNCED = "Anna, you have reached your fasting goal."


@pytest.fixture
async def fasting_anna(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> dict[str, list[ServiceCall]]:
    """Anna with a 14 h fasting goal, and the speaker and phone calls to look at."""
    freezer.move_to(_at("02 12:00:00"))
    await async_add_person(hass, "Anna", fast_goal_h=14.0)
    return {
        "tts": async_mock_service(hass, "tts", "speak"),
        "notify": async_mock_service(hass, "notify", "send_message"),
    }


async def _fast_until(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, last_meal: str, until: str
) -> None:
    """Log a meal at `last_meal`, then let the clock run to `until` (day HH:MM)."""
    await _move_to(hass, freezer, _at(f"{last_meal}:00"))
    await _log(hass, "01012", 250)
    day, clock = until.split()
    for moment in ("06:59", "07:00", "07:59", "08:00"):
        if moment <= clock:
            await _move_to(hass, freezer, _at(f"{day} {moment}:00"))
    await _move_to(hass, freezer, _at(f"{until}:00"))


async def test_fast_complete_announces_and_notifies_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    fasting_anna: dict[str, list[ServiceCall]],
) -> None:
    await _use_blueprints(hass, "fast_complete", FAST_INPUTS)
    # Dinner at 18:00: the goal is reached at 08:00, after the quiet hours.
    await _fast_until(hass, freezer, "02 18:00", "03 07:59")
    assert hass.states.get("binary_sensor.anna_fast_goal_reached").state == "off"
    assert fasting_anna["tts"] == []
    await _move_to(hass, freezer, _at("03 08:00:00"))
    assert hass.states.get("binary_sensor.anna_fast_goal_reached").state == "on"
    assert _messages(fasting_anna["tts"]) == [
        {
            "entity_id": ["tts.home_assistant_cloud"],
            "media_player_entity_id": ["media_player.kitchen"],
            "message": ANNOUNCED,
        }
    ]
    assert _messages(fasting_anna["notify"]) == [
        {
            "entity_id": [PHONE],
            "title": "Anna: fasting goal reached",
            "message": ANNOUNCED,
        }
    ]
    # Dinner at 17:00: the goal is reached as the quiet hours end, and said once.
    await _fast_until(hass, freezer, "03 17:00", "04 07:00")
    assert len(fasting_anna["tts"]) == 2
    assert len(fasting_anna["notify"]) == 2


async def test_fast_complete_in_quiet_hours_waits_for_their_end(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    fasting_anna: dict[str, list[ServiceCall]],
) -> None:
    await _use_blueprints(hass, "fast_complete", FAST_INPUTS)
    # Dinner at 16:00: the goal is reached at 06:00, in quiet hours.
    await _fast_until(hass, freezer, "02 16:00", "03 06:59")
    assert hass.states.get("binary_sensor.anna_fast_goal_reached").state == "on"
    assert fasting_anna["tts"] == []
    assert fasting_anna["notify"] == []
    await _move_to(hass, freezer, _at("03 07:00:00"))
    assert [call.data["message"] for call in fasting_anna["tts"]] == [ANNOUNCED]
    assert [call.data["message"] for call in fasting_anna["notify"]] == [ANNOUNCED]
    # Dinner at 20:00: the goal (10:00) is not reached when the quiet hours end.
    await _fast_until(hass, freezer, "03 20:00", "04 07:30")
    assert len(fasting_anna["tts"]) == 1


async def test_fast_complete_phones_in_quiet_hours_if_allowed(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    fasting_anna: dict[str, list[ServiceCall]],
) -> None:
    await _use_blueprints(
        hass, "fast_complete", {**FAST_INPUTS, "notify_in_quiet_hours": True}
    )
    await _fast_until(hass, freezer, "02 16:00", "03 06:00")
    assert fasting_anna["tts"] == []
    assert [call.data["message"] for call in fasting_anna["notify"]] == [ANNOUNCED]
    await _move_to(hass, freezer, _at("03 07:00:00"))
    assert [call.data["message"] for call in fasting_anna["tts"]] == [ANNOUNCED]
    assert len(fasting_anna["notify"]) == 1  # the phone already knows
    # Reached in quiet hours, but she ate before they ended: nothing is said.
    await _fast_until(hass, freezer, "03 16:00", "04 06:30")
    assert len(fasting_anna["notify"]) == 2
    await _log(hass, "01012", 100)
    await _move_to(hass, freezer, _at("04 07:00:00"))
    assert len(fasting_anna["tts"]) == 1


async def test_fast_complete_with_own_actions_and_no_quiet_hours(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    fasting_anna: dict[str, list[ServiceCall]],
) -> None:
    mobile = async_mock_service(hass, "notify", "mobile_app_anna_phone")
    await _use_blueprints(
        hass,
        "fast_complete",
        {
            "fast_goal_sensor": "binary_sensor.anna_fast_goal_reached",
            "notify_actions": [
                {
                    "action": MOBILE_APP,
                    "data": {"title": "{{ title }}", "message": "{{ message }}"},
                }
            ],
            "quiet_start": "12:00:00",
            "quiet_end": "12:00:00",  # the same time: no quiet hours
        },
    )
    await _fast_until(hass, freezer, "02 13:00", "03 03:00")
    assert fasting_anna["tts"] == []
    assert fasting_anna["notify"] == []
    assert _messages(mobile) == [
        {"title": "Anna: fasting goal reached", "message": ANNOUNCED}
    ]
    await _move_to(hass, freezer, _at("03 12:00:00"))
    assert len(mobile) == 1


# --- meal_reminder ------------------------------------------------------------------

# The English reason, as the integration translates it (its wording may change).
REASON_REFRACTORY = json.loads(
    (ROOT / "custom_components" / DOMAIN / "translations" / "en.json").read_text(
        encoding="utf-8"
    )
)["entity"]["sensor"]["next_suggested_meal"]["state_attributes"]["reason"]["state"][
    "refractory"
]


async def test_meal_reminder_at_the_suggested_time_with_reason_and_target(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(_at("02 12:10:00"))
    await async_add_person(hass, "Anna")
    notify = async_mock_service(hass, "notify", "send_message")
    mobile = async_mock_service(hass, "notify", "mobile_app_anna_phone")
    await _use_blueprints(
        hass,
        "meal_reminder",
        {
            "next_meal_sensor": "sensor.anna_next_suggested_meal",
            "notify_entities": [PHONE],
            "notify_actions": [
                {
                    "action": MOBILE_APP,
                    "data": {
                        "message": "{{ reason }} / {{ target_leucine_g }} g",
                        "data": {"tag": "meal"},
                    },
                }
            ],
        },
    )
    meal = "sensor.anna_next_suggested_meal"
    await _log(hass, "01012", 100)  # 11 g protein, 1.1 g leucine: add to this meal now
    assert hass.states.get(meal).attributes["reason"] == "add_to_meal"
    await _move_to(hass, freezer, _at("02 12:40:00"))
    await _log(hass, "01012", 200)  # the same meal grows to 3.3 g: 3 h after 12:40
    assert hass.states.get(meal).state == "2026-11-02T14:40:00+00:00"
    assert hass.states.get(meal).attributes["reason"] == "refractory"

    await _move_to(hass, freezer, _at("02 13:10:00"))
    await _move_to(hass, freezer, _at("02 15:39:59"))
    assert notify == []
    await _move_to(hass, freezer, _at("02 15:40:00"))
    # 128 g a day, 33 g eaten: the two meals left (15:40, 18:40) hold about 47 g each.
    expected = f"{REASON_REFRACTORY}. Aim for 2.5 g leucine (about 47 g protein)."
    assert _messages(notify) == [
        {"entity_id": [PHONE], "title": "Anna: time to eat", "message": expected}
    ]
    assert _messages(mobile) == [
        {"message": f"{REASON_REFRACTORY} / 2.5 g", "data": {"tag": "meal"}}
    ]
    # The due suggestion stays put until the next meal: no second reminder.
    assert hass.states.get(meal).state == "2026-11-02T14:40:00+00:00"
    assert hass.states.get(meal).attributes["reason"] == "refractory"
    await _move_to(hass, freezer, _at("02 16:30:00"))
    assert len(notify) == 1


# --- eating_window_closing ----------------------------------------------------------


async def test_eating_window_closing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(_at("02 11:00:00"))
    await async_add_person(hass, "Anna")  # eating window 12:00-20:00
    notify = async_mock_service(hass, "notify", "send_message")
    sensors = {
        "next_meal_sensor": "sensor.anna_next_suggested_meal",
        # The input keeps its first name (existing automations use it).
        "effective_meals_sensor": "sensor.anna_meals_at_target_today",
    }
    await _use_blueprints(
        hass,
        "eating_window_closing",
        {**sensors, "notify_entities": ["notify.two_meals_60_min"]},
        {
            **sensors,
            "notify_entities": ["notify.two_meals_30_min"],
            "minutes_before": 30,
        },
        {**sensors, "notify_entities": ["notify.one_meal"], "wanted_meals": 1},
    )
    await _move_to(hass, freezer, _at("02 12:10:00"))
    await _log(hass, "01012", 250)  # 27.8 g protein, 2.8 g leucine: at target
    await _move_to(hass, freezer, _at("02 16:00:00"))
    await _log(hass, "01012", 100)  # 11 g protein, under the 24 g dose: does not count
    assert hass.states.get("sensor.anna_meals_at_target_today").state == "1"

    def warned() -> list[str]:
        return [call.data["entity_id"][0].split(".")[1] for call in notify]

    target_protein_g = hass.states.get("sensor.anna_next_suggested_meal").attributes[
        "target_protein_g"
    ]
    for minute, expected in (
        ("18:59", []),
        ("19:00", ["two_meals_60_min"]),
        ("19:29", ["two_meals_60_min"]),
        ("19:30", ["two_meals_60_min", "two_meals_30_min"]),
        ("20:00", ["two_meals_60_min", "two_meals_30_min"]),
        ("20:01", ["two_meals_60_min", "two_meals_30_min"]),
    ):
        await _move_to(hass, freezer, _at(f"02 {minute}:00"))
        assert warned() == expected, minute
    assert notify[0].data == {
        "entity_id": ["notify.two_meals_60_min"],
        "title": "Anna: eating window closes soon",
        "message": (
            "Your eating window closes at 20:00. You have had 1 of 2 meals at target"
            f" today; aim for {target_protein_g} g protein and 2.5 g leucine in the next"
            " one."
        ),
    }
    # The next day's window is a new one; nothing was eaten that day.
    await _move_to(hass, freezer, _at("03 19:00:00"))
    assert sorted(warned()[2:]) == ["one_meal", "two_meals_60_min"]


# --- post_training_check ------------------------------------------------------------

NO_MEAL = "No meal logged in the 120 minutes since training."


async def test_post_training_check(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(_at("02 12:10:00"))
    await async_add_person(hass, "Anna")
    notify = async_mock_service(hass, "notify", "send_message")
    await _use_blueprints(
        hass,
        "post_training_check",
        {
            "last_meal_sensor": "sensor.anna_last_meal_leucine",
            "training_entities": [TRAINING],
            "notify_entities": [PHONE],
        },
    )
    # Each day: lunch at 12:10 (does not count), training 16:00-17:00, maybe a meal;
    # the meal after it should come within 2 hours (Jager 2017).
    for day, meal, message in (
        ("02", None, NO_MEAL),
        (
            "03",
            ("17:30", "01012", 100),  # 11 g protein: under the 24 g dose
            (
                "Your meal after training had 11 g protein and 1.1 g leucine, under"
                " your meal target. Adding protein to it while the meal is open"
                " counts."
            ),
        ),
        ("04", ("17:30", "05064", 150), None),  # chicken breast, 46 g protein
        ("05", ("19:01", "05064", 150), NO_MEAL),  # too late
    ):
        notify.clear()
        await _move_to(hass, freezer, _at(f"{day} 12:10:00"))
        await _log(hass, "01012", 250)
        await _move_to(hass, freezer, _at(f"{day} 16:00:00"))
        hass.states.async_set(TRAINING, "on")
        await _move_to(hass, freezer, _at(f"{day} 17:00:00"))
        hass.states.async_set(TRAINING, "off")
        await _settle(hass)
        for moment in ("17:30", "18:59", "19:00", "19:01", "19:30"):
            await _move_to(hass, freezer, _at(f"{day} {moment}:00"))
            if meal is not None and meal[0] == moment:
                await _log(hass, meal[1], meal[2])
            if moment < "19:00":
                assert notify == [], (day, moment)
        assert _messages(notify) == (
            []
            if message is None
            else [
                {
                    "entity_id": [PHONE],
                    "title": "Anna: meal after training",
                    "message": message,
                }
            ]
        ), day
    # No training, no nudge: the fixed time (18:00 by default) is not switched on.
    notify.clear()
    await _move_to(hass, freezer, _at("06 18:00:00"))
    await _move_to(hass, freezer, _at("06 20:00:00"))
    assert notify == []


async def test_post_training_check_at_a_fixed_time_on_chosen_days(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(_at("02 12:10:00"))
    await async_add_person(hass, "Anna")
    notify = async_mock_service(hass, "notify", "send_message")
    await _use_blueprints(
        hass,
        "post_training_check",
        {
            "last_meal_sensor": "sensor.anna_last_meal_leucine",
            "use_training_time": True,
            "training_time": "18:00:00",
            "training_weekdays": ["mon", "wed"],
            "within_minutes": 30,
            "notify_entities": [PHONE],
        },
    )
    # Monday: a meal of 150 g cottage cheese at 18:15 is under the 24 g dose.
    await _move_to(hass, freezer, _at("02 18:00:00"))
    freezer.move_to(_at("02 18:15:00"))
    await _log(hass, "01012", 150)
    await _move_to(hass, freezer, _at("02 18:30:00"))
    assert [call.data["message"] for call in notify] == [
        (
            "Your meal after training had 17 g protein and 1.7 g leucine, under your"
            " meal target. Adding protein to it while the meal is open counts."
        )
    ]
    # Tuesday is not a training day.
    await _move_to(hass, freezer, _at("03 18:00:00"))
    await _move_to(hass, freezer, _at("03 19:00:00"))
    assert len(notify) == 1
    # Wednesday.
    await _move_to(hass, freezer, _at("04 18:00:00"))
    await _move_to(hass, freezer, _at("04 18:30:00"))
    assert [call.data["message"] for call in notify][1] == (
        "No meal logged in the 30 minutes since training."
    )


# --- portion_on_scale ---------------------------------------------------------------

PORTION_INPUTS = {
    "portion_sensor": "sensor.anna_portion",
    "food_select": "select.anna_food",
    "log_button": "button.anna_log_portion",
    "notify_action": MOBILE_APP,
}
TAG = "mtor_balance_sensor_anna_portion"


async def _weigh(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, grams: str
) -> None:
    hass.states.async_set(
        SCALE, grams, {"unit_of_measurement": "g", "device_class": "weight"}
    )
    await _settle(hass)
    freezer.tick(timedelta(seconds=3))
    async_fire_time_changed(hass)
    await _settle(hass)


async def _tap(hass: HomeAssistant, action: str) -> None:
    hass.bus.async_fire("mobile_app_notification_action", {"action": action})
    await _settle(hass)


async def _logged(hass: HomeAssistant) -> list[tuple[str, float]]:
    response = await hass.services.async_call(
        DOMAIN, "get_log", {}, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return [(entry["food"], entry["grams"]) for entry in response["entries"]]


@pytest.fixture
async def weighing_anna(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, request: pytest.FixtureRequest
) -> list[ServiceCall]:
    """Anna, who ate chicken and then cottage cheese, with her kitchen scale empty."""
    freezer.move_to(_at("02 12:00:00"))
    hass.states.async_set(
        SCALE, "0", {"unit_of_measurement": "g", "device_class": "weight"}
    )
    await async_add_person(
        hass, "Anna", scale_entity=SCALE, log_mode=getattr(request, "param", "button")
    )
    await _log(hass, "05064", 150)
    await _log(hass, "01012", 200)
    mobile = async_mock_service(hass, "notify", "mobile_app_anna_phone")
    await _use_blueprints(hass, "portion_on_scale", PORTION_INPUTS)
    return mobile


async def test_portion_on_scale_tapping_a_food_selects_and_logs_it(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    weighing_anna: list[ServiceCall],
) -> None:
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    foods = hass.states.get("select.anna_food").attributes["options"][:3]
    assert foods[0].startswith("Cottage cheese")  # the most recent food first
    assert foods[1].startswith("Chicken breast")
    assert hass.states.get("select.anna_food").state == "unknown"

    await _weigh(hass, freezer, "152.3")
    portion = hass.states.get("sensor.anna_portion")
    assert portion.state == "152.3"
    prefix = f"MTOR_BALANCE_PORTION_{portion.context.id}"
    assert _messages(weighing_anna) == [
        {
            "title": "What is on the scale?",
            "message": "152 g on the scale. Which food is it?",
            "data": {
                "tag": TAG,
                "actions": [
                    {"action": f"{prefix}_{number}", "title": food}
                    for number, food in enumerate(foods, start=1)
                ],
            },
        }
    ]
    # A button of an older notification does nothing.
    await _tap(hass, "MTOR_BALANCE_PORTION_01OLDCONTEXT_2")
    assert await _logged(hass) == [("05064", 150), ("01012", 200)]

    calls.clear()
    await _tap(hass, f"{prefix}_2")
    assert [
        (call.data["domain"], call.data["service"], call.data["service_data"])
        for call in calls
        if call.data["domain"] != "notify"
    ] == [
        (
            "select",
            "select_option",
            {"entity_id": ["select.anna_food"], "option": foods[1]},
        ),
        ("button", "press", {"entity_id": ["button.anna_log_portion"]}),
    ]
    assert await _logged(hass) == [("05064", 150), ("01012", 200), ("05064", 152.3)]
    assert hass.states.get("sensor.anna_portion").state == "unknown"
    assert len(weighing_anna) == 1  # nothing cleared: the phone removes a tapped one


@pytest.mark.parametrize("weighing_anna", ["on_removal"], indirect=True)
async def test_portion_on_scale_notification_goes_when_the_portion_does(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    weighing_anna: list[ServiceCall],
) -> None:
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.anna_food", "option": "Cottage cheese"},
        blocking=True,
    )
    await _weigh(hass, freezer, "80")
    assert weighing_anna[0].data["message"] == (
        "80 g on the scale. Selected: Cottage cheese (0.9 g leucine). Which food is it?"
    )
    prefix = weighing_anna[0].data["data"]["actions"][0]["action"][:-2]
    await _weigh(hass, freezer, "0")  # taken off: logged as the selected cottage cheese
    assert await _logged(hass) == [("05064", 150), ("01012", 200), ("01012", 80)]
    assert _messages(weighing_anna)[1] == {
        "message": "clear_notification",
        "data": {"tag": TAG},
    }
    await _tap(hass, f"{prefix}_2")  # too late: nothing happens
    assert await _logged(hass) == [("05064", 150), ("01012", 200), ("01012", 80)]

    # Left on the scale and not answered: the notification is removed after 10 minutes.
    await _weigh(hass, freezer, "50")
    assert len(weighing_anna) == 3
    await _move_to(hass, freezer, _at("02 12:09:00"))
    assert len(weighing_anna) == 3
    await _move_to(hass, freezer, _at("02 12:11:00"))
    assert _messages(weighing_anna)[3] == {
        "message": "clear_notification",
        "data": {"tag": TAG},
    }
    assert hass.states.get("sensor.anna_portion").state == "50.0"
