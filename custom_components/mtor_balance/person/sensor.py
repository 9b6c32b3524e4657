"""Sensors of a person: fasting, leucine and protein today, the next meal and the portion."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfMass, UnitOfTime
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..core.advice import advice_numbers
from ..core.state import PersonState
from .coordinator import PersonCoordinator
from .entity import PersonEntity


@dataclass(frozen=True, kw_only=True)
class PersonSensorEntityDescription(SensorEntityDescription):
    """How a sensor reads its value (and attributes) from the person's state."""

    value_fn: Callable[[PersonState], float | int | datetime | None]
    attributes_fn: Callable[[PersonState], Mapping[str, Any]] | None = None
    last_reset_fn: Callable[[PersonState], datetime] | None = None


def _portion_attributes(state: PersonState) -> dict[str, Any]:
    portion = state.portion
    scale = {
        # On a shared scale: who else holds it, and portions waiting for someone.
        "scale_in_use_by": state.scale.held_by,
        "pending_portions": [
            {"id": pending.id, "time": pending.time, "grams": pending.grams}
            for pending in state.scale.pending
        ],
    }
    if portion is None or portion.food is None:
        return {
            "food": None,
            "food_id": None,
            "leucine_g": None,
            "protein_g": None,
            "leucine_estimated": None,
            **scale,
        }
    return {
        "food": portion.food_name,
        "food_id": portion.food.id,
        "leucine_g": portion.leucine_g,
        "protein_g": portion.protein_g,
        "leucine_estimated": portion.leucine_estimated,
        **scale,
    }


def _suggestion_attributes(state: PersonState) -> dict[str, Any]:
    """Return the rule behind the next meal and every number it follows from."""
    suggestion = state.suggestion
    return {
        "reason": suggestion.reason.value,
        "evidence": suggestion.evidence.value,
        "target_evidence": suggestion.target_evidence.value,
        **advice_numbers(suggestion),
        "day": None if suggestion.day is None else suggestion.day.isoformat(),
        "window_closes": suggestion.window_closes,
        "leucine_estimated": suggestion.estimated,
    }


SENSORS: tuple[PersonSensorEntityDescription, ...] = (
    PersonSensorEntityDescription(
        key="fasting_hours",
        translation_key="fasting_hours",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.HOURS,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        value_fn=lambda state: state.fasting_hours,
    ),
    PersonSensorEntityDescription(
        key="fasting_since",
        translation_key="fasting_since",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda state: state.fasting_since,
    ),
    PersonSensorEntityDescription(
        key="fast_goal_end",
        translation_key="fast_goal_end",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda state: state.fast_goal_end,
    ),
    PersonSensorEntityDescription(
        key="leucine_today",
        translation_key="leucine_today",
        device_class=SensorDeviceClass.WEIGHT,
        native_unit_of_measurement=UnitOfMass.GRAMS,
        # TOTAL with a daily last_reset: an undo lowers the value without being a new day.
        state_class=SensorStateClass.TOTAL,
        suggested_display_precision=1,
        value_fn=lambda state: round(state.today.leucine_g, 2),
        last_reset_fn=lambda state: state.day_start,
        attributes_fn=lambda state: {
            "leucine_estimated": state.today.leucine_estimated
        },
    ),
    PersonSensorEntityDescription(
        key="protein_today",
        translation_key="protein_today",
        device_class=SensorDeviceClass.WEIGHT,
        native_unit_of_measurement=UnitOfMass.GRAMS,
        state_class=SensorStateClass.TOTAL,
        suggested_display_precision=0,
        value_fn=lambda state: round(state.today.protein_g, 1),
        last_reset_fn=lambda state: state.day_start,
    ),
    PersonSensorEntityDescription(
        key="next_suggested_meal",
        translation_key="next_suggested_meal",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda state: state.suggestion.time,
        attributes_fn=_suggestion_attributes,
    ),
    PersonSensorEntityDescription(
        key="last_meal_leucine",
        translation_key="last_meal_leucine",
        device_class=SensorDeviceClass.WEIGHT,
        native_unit_of_measurement=UnitOfMass.GRAMS,
        suggested_display_precision=1,
        value_fn=lambda state: (
            None if state.last_meal is None else round(state.last_meal.leucine_g, 2)
        ),
        attributes_fn=lambda state: {
            "meal_start": None if state.last_meal is None else state.last_meal.start,
            "protein_g": (
                None if state.last_meal is None else round(state.last_meal.protein_g, 1)
            ),
            "at_target": state.last_meal_at_target,
            "leucine_estimated": (
                None if state.last_meal is None else state.last_meal.leucine_estimated
            ),
        },
    ),
    PersonSensorEntityDescription(
        # The key (and so the unique id and entity id of existing people) keeps its first
        # name; what it counts is meals at target (protein dose and leucine together).
        key="effective_meals_today",
        translation_key="meals_at_target_today",
        value_fn=lambda state: state.meals_at_target_today,
    ),
    PersonSensorEntityDescription(
        # The last seven completed days: the state is protein per calendar day; the
        # attributes hold the rest, per calendar day and per logged day (both named).
        key="week_protein_per_day",
        translation_key="week_protein_per_day",
        device_class=SensorDeviceClass.WEIGHT,
        native_unit_of_measurement=UnitOfMass.GRAMS,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=lambda state: (
            None
            if state.week is None
            else round(state.week.per_day(state.week.protein_g), 1)
        ),
        attributes_fn=lambda state: {} if state.week is None else state.week.as_dict(),
    ),
    PersonSensorEntityDescription(
        key="portion",
        translation_key="portion",
        device_class=SensorDeviceClass.WEIGHT,
        native_unit_of_measurement=UnitOfMass.GRAMS,
        suggested_display_precision=1,
        value_fn=lambda state: None if state.portion is None else state.portion.grams,
        attributes_fn=_portion_attributes,
    ),
)


def add_entities(
    coordinator: PersonCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the person's sensors."""
    async_add_entities(
        PersonSensor(coordinator, description) for description in SENSORS
    )


class PersonSensor(PersonEntity, SensorEntity):
    """A sensor computed from the person's state."""

    entity_description: PersonSensorEntityDescription

    @property
    def native_value(self) -> float | int | datetime | None:
        """Return the value."""
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the attributes, if the sensor has any."""
        if self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(self.coordinator.data)

    @property
    def last_reset(self) -> datetime | None:
        """Return when a daily total started."""
        if self.entity_description.last_reset_fn is None:
            return None
        return self.entity_description.last_reset_fn(self.coordinator.data)
