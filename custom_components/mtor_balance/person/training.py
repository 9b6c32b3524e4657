"""Training sessions learnt from an entity whose state is "on" while the person trains.

A workout switch, an input boolean, a binary sensor or a calendar (a calendar is on during
an event, and its attributes tell the next event ahead). The planner gets the session in
progress (expected to last the person's usual training length), the last finished one and,
from a calendar, the next one; the weekly schedule in the options adds the planned ones.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from homeassistant.const import STATE_ON
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from ..core.training import TrainingSession

# A session that ended longer ago than this no longer matters to the planner.
REMEMBER = timedelta(hours=6)


class TrainingTracker:
    """Follows one entity and turns its on-periods into training sessions."""

    def __init__(
        self,
        hass: HomeAssistant,
        entity_id: str,
        usual_length: timedelta,
        on_change: Callable[[], None],
    ) -> None:
        """Follow `entity_id`; call `on_change` when a session starts or ends."""
        self._hass = hass
        self._entity_id = entity_id
        self._usual = usual_length
        self._on_change = on_change
        self._last: TrainingSession | None = None
        # A session in progress already (Home Assistant restarted during it).
        state = hass.states.get(entity_id)
        self._started: datetime | None = (
            state.last_changed
            if state is not None and state.state == STATE_ON
            else None
        )

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Start following the entity; return the function that stops it."""
        return async_track_state_change_event(
            self._hass, self._entity_id, self._async_changed
        )

    def sessions(self, now: datetime) -> tuple[TrainingSession, ...]:
        """Return what the planner should know: the last, current and next sessions."""
        sessions: list[TrainingSession] = []
        if self._last is not None and now - self._last.end <= REMEMBER:
            sessions.append(self._last)
        if self._started is not None:
            end = max(now, self._started + self._usual)
            sessions.append(TrainingSession(self._started, end))
        if (upcoming := self._next_event(self._hass.states.get(self._entity_id))) and (
            upcoming.start > now
        ):
            sessions.append(upcoming)
        return tuple(sessions)

    @callback
    def _async_changed(self, event: Event[EventStateChangedData]) -> None:
        new = event.data["new_state"]
        training = new is not None and new.state == STATE_ON
        now = dt_util.utcnow()
        if training and self._started is None:
            self._started = now
        elif not training and self._started is not None:
            self._last = TrainingSession(self._started, max(now, self._started))
            self._started = None
        self._on_change()

    @staticmethod
    def _next_event(state: State | None) -> TrainingSession | None:
        """Return a calendar's next event as a session (None for other entities)."""
        if state is None or state.domain != "calendar":
            return None
        start = dt_util.parse_datetime(str(state.attributes.get("start_time")))
        end = dt_util.parse_datetime(str(state.attributes.get("end_time")))
        if start is None or end is None:
            return None
        tz = dt_util.get_default_time_zone()
        start = start if start.tzinfo else start.replace(tzinfo=tz)
        end = end if end.tzinfo else end.replace(tzinfo=tz)
        return TrainingSession(start, end) if end >= start else None
