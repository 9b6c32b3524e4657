"""Diagnostics of a person: settings and log statistics, without who they are or what they ate."""

from __future__ import annotations

from collections import Counter
from typing import Any

from homeassistant.components.diagnostics import async_redact_data

from .const import CONF_BODY_MASS, CONF_HA_PERSON, CONF_PERSON_NAME, CONF_SCALE_ENTITY
from .coordinator import PersonCoordinator

TO_REDACT = {
    CONF_PERSON_NAME,
    CONF_BODY_MASS,
    CONF_SCALE_ENTITY,
    CONF_HA_PERSON,
    "title",
    "unique_id",
}


def person_diagnostics(coordinator: PersonCoordinator) -> dict[str, Any]:
    """Return what helps to debug a person's setup."""
    entry = coordinator.config_entry
    state = coordinator.data
    log = coordinator.record.log
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
            "sources": dict(Counter(entry.source.value for entry in log)),
            "deleted_kept": len(coordinator.record.trash),
        },
        "state": {
            "day_type": state.day_type.value,
            "fasting": state.fasting,
            "fasting_hours": state.fasting_hours,
            "fast_goal_reached": state.fast_goal_reached,
            "entries_today": state.today.count,
            "meals_at_target_today": state.meals_at_target_today,
            "window_open": state.window_open,
            "suggestion_reason": state.suggestion.reason.value,
            "portion_on_scale": state.portion is not None,
        },
        "food_table_size": len(coordinator.record.foods),
        "storage_path": coordinator.store.path.rsplit("/", 1)[-1],
    }
