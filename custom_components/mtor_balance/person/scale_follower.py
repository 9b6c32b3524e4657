"""Weigh-and-log: follow the person's weight sensor and turn settled weights into portions.

Any sensor with a mass unit can be the scale (core's acaia and bookoo, ESPHome HX711 builds,
BTHome scales, this integration's own Bluetooth scales). Readings go through the core
settled-weight detector; a settled portion shows on the Portion sensor, and taking it off the
scale logs it (or the Log portion button does, as the person chooses).
"""

from __future__ import annotations

from datetime import datetime, timedelta
import logging
import math

from homeassistant.const import (
    ATTR_UNIT_OF_MEASUREMENT,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import async_call_later, async_track_state_change_event
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import MassConverter

from ..core.settle import PortionRemoved, PortionSettled, SettleDetector
from .coordinator import PersonCoordinator

_LOGGER = logging.getLogger(__name__)

GRAMS = "g"
# Timers may fire a hair early; look again just after the hold time, never just before.
TICK_MARGIN_S = 0.1


def reading_grams(state: State | None) -> float | None:
    """Return a weight sensor's state in grams, or None if it is not a usable reading."""
    if state is None or state.state in (STATE_UNKNOWN, STATE_UNAVAILABLE):
        return None
    try:
        value = float(state.state)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    unit = state.attributes.get(ATTR_UNIT_OF_MEASUREMENT, GRAMS)
    if unit not in MassConverter.VALID_UNITS:
        return None
    return MassConverter.convert(value, unit, GRAMS)


class ScaleFollower:
    """Feeds one weight sensor into a settled-weight detector for one person."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: PersonCoordinator,
        entity_id: str,
        *,
        log_on_removal: bool,
    ) -> None:
        """Follow `entity_id` for `coordinator`'s person."""
        self._hass = hass
        self._coordinator = coordinator
        self._entity_id = entity_id
        self._log_on_removal = log_on_removal
        self._detector = SettleDetector()
        self._unsub_tick: CALLBACK_TYPE | None = None

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Start following the sensor; return the function that stops it."""
        unsub_state = async_track_state_change_event(
            self._hass, self._entity_id, self._async_state_changed
        )

        @callback
        def stop() -> None:
            unsub_state()
            self._cancel_tick()

        return stop

    @callback
    def _async_state_changed(self, event: Event[EventStateChangedData]) -> None:
        grams = reading_grams(event.data["new_state"])
        if grams is None:
            _LOGGER.debug(
                "Ignoring reading of %s: %s", self._entity_id, event.data["new_state"]
            )
            # An unknown weight is not a held weight: nothing settles until the next reading.
            self._cancel_tick()
            return
        now = dt_util.utcnow()
        self._handle(self._detector.update(now, grams))
        # A steady load sends no further states, so look again once the hold time has passed.
        self._cancel_tick()
        self._unsub_tick = async_call_later(
            self._hass,
            timedelta(seconds=self._detector.hold_s + TICK_MARGIN_S),
            self._async_tick,
        )

    @callback
    def _async_tick(self, now: datetime) -> None:
        self._unsub_tick = None
        self._handle(self._detector.tick(now))

    @callback
    def _handle(self, event: PortionSettled | PortionRemoved | None) -> None:
        if isinstance(event, PortionSettled):
            self._coordinator.async_set_portion(event.grams)
        elif isinstance(event, PortionRemoved):
            if (
                self._log_on_removal
                and self._coordinator.record.selected_food is not None
            ):
                self._coordinator.config_entry.async_create_task(
                    self._hass,
                    self._coordinator.async_log_portion(),
                    "mtor_balance_log_portion",
                )
            else:
                self._coordinator.async_set_portion(None)

    @callback
    def _cancel_tick(self) -> None:
        if self._unsub_tick is not None:
            self._unsub_tick()
            self._unsub_tick = None
