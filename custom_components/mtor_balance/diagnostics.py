"""Diagnostics for one person (settings and log statistics, personal data redacted) or scale."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_BODY_MASS, CONF_PERSON_NAME, CONF_SCALE_ENTITY
from .coordinator import MtorConfigEntry, PersonCoordinator
from .scale_coordinator import ScaleConfigEntry, is_scale_entry

TO_REDACT = {CONF_PERSON_NAME, CONF_BODY_MASS, CONF_SCALE_ENTITY, "title", "unique_id"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: MtorConfigEntry | ScaleConfigEntry
) -> dict[str, Any]:
    """Return what helps to debug a person's setup without who they are or what they ate."""
    if is_scale_entry(entry):
        return _scale_diagnostics(entry)
    coordinator = entry.runtime_data
    state = coordinator.data
    log = coordinator.log
    first, last = next(iter(log), None), log.last
    return {
        "entry": async_redact_data(
            {
                "title": entry.title,
                "data": dict(entry.data),
                "options": dict(entry.options),
            },
            TO_REDACT,
        ),
        "log": {
            "entries": len(log),
            "first": None if first is None else first.time.isoformat(),
            "last": None if last is None else last.time.isoformat(),
            "sources": _count_sources(coordinator),
        },
        "state": {
            "day_type": state.day_type.value,
            "fasting": state.fasting,
            "fasting_hours": state.fasting_hours,
            "fast_goal_reached": state.fast_goal_reached,
            "entries_today": state.today.count,
            "effective_meals_today": state.effective_meals_today,
            "window_open": state.window_open,
            "suggestion_reason": state.suggestion.reason.value,
            "portion_on_scale": state.portion is not None,
        },
        "food_table_size": len(coordinator.foods),
        "storage_path": coordinator.store.path.rsplit("/", 1)[-1],
    }


def _count_sources(coordinator: PersonCoordinator) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in coordinator.log:
        counts[entry.source.value] = counts.get(entry.source.value, 0) + 1
    return counts


def _scale_diagnostics(entry: ScaleConfigEntry) -> dict[str, Any]:
    """Return a scale's protocol and connection state (its address is not personal)."""
    coordinator = entry.runtime_data
    connection = coordinator.connection
    reading = connection.last_reading
    return {
        "entry": {"data": dict(entry.data)},
        "protocol": coordinator.protocol.key,
        "available": connection.available,
        "supports_tare": connection.supports_tare,
        "battery": connection.battery,
        "last_reading": None
        if reading is None
        else {"grams": reading.grams, "stable": reading.stable},
    }
