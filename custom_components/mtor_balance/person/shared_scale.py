"""Weigh-and-log on a scale one or more people share.

Any sensor with a mass unit can be the scale (core's acaia and bookoo, ESPHome HX711 builds,
BTHome scales, this integration's own Bluetooth scales). One `SharedScale` per weight
sensor follows it for everyone who weighs on it: readings go through the core settled-weight
detector, and `core.shared_scale` decides whose portion it is (the person who claimed the
scale; with one person, always them). A portion shows on its holder's Portion sensor only;
taking it off logs it for them, or keeps it pending for anyone to assign or drop.

On a shared scale a claim is used by one portion: when it ends (another person claims, its
window runs out, or the portion is taken off) and when a selection has logged a portion, the
person's Food selection is cleared, so that a selection is never logged twice or for a
portion they did not claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
import logging
import math
from typing import TYPE_CHECKING
import uuid

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
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.event import (
    async_call_later,
    async_track_point_in_utc_time,
    async_track_state_change_event,
)
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import MassConverter

from ..const import DOMAIN
from ..core.model import Entry, Food, Source
from ..core.settle import PortionRemoved, PortionSettled, SettleDetector
from ..core.shared_scale import (
    Container,
    KeepPending,
    LogPortion,
    PendingPortion,
    Removal,
    ScaleShare,
    container_eaten,
)
from .const import LOG_MODE_CONTAINER, LOG_MODE_ON_REMOVAL
from .store import PendingStore

if TYPE_CHECKING:
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


@dataclass(slots=True)
class _Weigher:
    coordinator: PersonCoordinator
    log_mode: str
    container: Container | None = None  # eat-from-container: its last weight


class SharedScale:
    """One weight sensor and the people who weigh on it."""

    def __init__(
        self, hass: HomeAssistant, entity_id: str, store: PendingStore
    ) -> None:
        """Follow `entity_id` once someone weighs on it; keep pending portions in `store`."""
        self._hass = hass
        self.entity_id = entity_id
        self._store = store
        self._detector = SettleDetector()
        self.share = ScaleShare(self._detector.min_portion_g)
        self.share.pending = list(store.scales.get(entity_id, ()))
        self._people: dict[str, _Weigher] = {}
        self._unsub_state: CALLBACK_TYPE | None = None
        self._unsub_tick: CALLBACK_TYPE | None = None
        self._unsub_clock: CALLBACK_TYPE | None = None

    @property
    def empty(self) -> bool:
        """Return whether nobody weighs on this scale any more."""
        return not self._people

    # --- people ------------------------------------------------------------------------

    @callback
    def async_add(
        self,
        coordinator: PersonCoordinator,
        *,
        log_mode: str,
        claim_window: timedelta,
    ) -> CALLBACK_TYPE:
        """Let a person weigh on this scale; return the function that takes them off."""
        person = coordinator.config_entry.entry_id
        self._people[person] = _Weigher(coordinator, log_mode)
        self.share.join(person, claim_window)
        coordinator.scale = self
        if self._unsub_state is None:
            self._unsub_state = async_track_state_change_event(
                self._hass, self.entity_id, self._async_state_changed
            )
        self._async_publish()

        @callback
        def remove() -> None:
            if self._people.get(person, None) is None:
                return
            del self._people[person]
            self.share.leave(person)
            coordinator.scale = None
            if not self._people:
                self._async_stop()
            self._async_publish()

        return remove

    # --- what people do ----------------------------------------------------------------

    @callback
    def async_claim(
        self, coordinator: PersonCoordinator, *, take_over: bool = False
    ) -> None:
        """Claim the scale for this person (they chose a food).

        With `take_over` ("Weigh for me") the portion on the scale becomes theirs too,
        whoever held it.
        """
        self._claim(coordinator.config_entry.entry_id, take_over=take_over)
        self._async_publish()

    async def async_log_on_scale(
        self, coordinator: PersonCoordinator, source: Source
    ) -> Entry | None:
        """Log the portion on the scale for this person, as their selected food.

        None when nothing (or nothing more) is on the scale, or no food is selected.
        """
        person = coordinator.config_entry.entry_id
        weigher = self._people.get(person)
        if weigher is not None and weigher.log_mode == LOG_MODE_CONTAINER:
            # What stands on the scale is the container, not a portion.
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="container_logs_itself"
            )
        food = coordinator.record.selected_food
        if food is None:
            self._claim(person)
            self._async_publish()
            return None
        now = dt_util.utcnow()
        self._claim(person)
        grams = self.share.take(person, now)
        if grams is None:
            self._async_publish()
            return None
        self.share.logged_on_scale(person, grams, now)
        self._async_publish()
        entry = await coordinator.async_log_food(food, grams, None, source)
        self._selection_used(person)
        return entry

    @callback
    def async_take_weight(self, coordinator: PersonCoordinator) -> float | None:
        """Use what stands on the scale as a weight, not a portion (a recipe's pot).

        It is not logged or kept pending when taken off. None if nothing is on it.
        """
        person = coordinator.config_entry.entry_id
        now = dt_util.utcnow()
        if (grams := self.share.take(person, now)) is None:
            return None
        self.share.logged_on_scale(person, grams, now)
        self._async_publish()
        return grams

    async def async_assign(
        self, portion_id: str | None, coordinator: PersonCoordinator, food: Food
    ) -> Entry:
        """Log a pending portion (the latest if no id) for this person, when it was weighed."""
        portion = self._pop(portion_id)
        return await coordinator.async_log_food(
            food, portion.grams, portion.time, Source.SCALE
        )

    @callback
    def async_drop(self, portion_id: str | None) -> PendingPortion:
        """Drop a pending portion (the latest if no id)."""
        return self._pop(portion_id)

    def _pop(self, portion_id: str | None) -> PendingPortion:
        try:
            portion = self.share.pop_pending(portion_id)
        except KeyError as err:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="no_pending_portion",
                translation_placeholders={"portion_id": portion_id or ""},
            ) from err
        self._pending_changed()
        self._async_publish()
        return portion

    # --- the sensor --------------------------------------------------------------------

    @callback
    def _async_state_changed(self, event: Event[EventStateChangedData]) -> None:
        grams = reading_grams(event.data["new_state"])
        if grams is None:
            _LOGGER.debug(
                "Ignoring reading of %s: %s", self.entity_id, event.data["new_state"]
            )
            # An unknown weight is not a held weight: nothing settles until the next reading.
            self._cancel_tick()
            return
        self._handle(self._detector.update(dt_util.utcnow(), grams))
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
            new = self.share.on_scale is None
            on_scale = self.share.settled(
                event.time, event.grams, self._detector.reading_g
            )
            self._container_weighed(on_scale.holder, event.grams, event.time)
            if new and (weigher := self._people.get(on_scale.holder or "")):
                from .photo import async_portion_settled  # noqa: PLC0415

                async_portion_settled(weigher.coordinator)  # a camera may see it
        elif isinstance(event, PortionRemoved) and self._container_of_holder():
            self.share.lift()
        elif isinstance(event, PortionRemoved):
            self._removed(
                self.share.removed(event.time, uuid.uuid4().hex, self._logs_on_removal)
            )
        else:
            return
        self._async_publish()

    def _logs_on_removal(self, person: str) -> bool:
        weigher = self._people.get(person)
        return (
            weigher is not None
            and weigher.log_mode == LOG_MODE_ON_REMOVAL
            and weigher.coordinator.record.selected_food is not None
        )

    def _container_of_holder(self) -> bool:
        """Return whether the portion on the scale is a container its holder eats from."""
        holder = None if self.share.on_scale is None else self.share.on_scale.holder
        weigher = None if holder is None else self._people.get(holder)
        return weigher is not None and weigher.log_mode == LOG_MODE_CONTAINER

    def _container_weighed(
        self, person: str | None, grams: float, time: datetime
    ) -> None:
        """Log what was eaten from a container since it was last weighed.

        The container's content is shown as the holder's portion, but is never logged
        or kept pending by itself: lifting it off is no portion (see `_handle`).
        """
        weigher = None if person is None else self._people.get(person)
        if weigher is None or weigher.log_mode != LOG_MODE_CONTAINER:
            return
        food = weigher.coordinator.record.selected_food
        if food is None:
            return
        eaten = container_eaten(
            weigher.container, food.id, grams, self._detector.min_portion_g, time
        )
        weigher.container = Container(food.id, grams, time)
        if eaten is not None:
            weigher.coordinator.config_entry.async_create_task(
                self._hass,
                weigher.coordinator.async_log_food(food, eaten, None, Source.SCALE),
                f"{DOMAIN}_log_eaten",
            )

    @callback
    def _removed(self, removal: Removal) -> None:
        outcome = removal.outcome
        if isinstance(outcome, LogPortion):
            self._log_removed(outcome)
            self._selection_used(outcome.person)
        elif isinstance(outcome, KeepPending):
            self._pending_changed()
        ended = removal.claim_ended
        if ended is not None:
            if not isinstance(outcome, LogPortion) or outcome.person != ended:
                self._clear_selection(ended)
            self._schedule()

    @callback
    def _log_removed(self, outcome: LogPortion) -> None:
        coordinator = self._people[outcome.person].coordinator
        if (food := coordinator.record.selected_food) is None:
            return  # checked by _logs_on_removal a moment ago
        coordinator.config_entry.async_create_task(
            self._hass,
            coordinator.async_log_food(food, outcome.grams, None, Source.SCALE),
            f"{DOMAIN}_log_portion",
        )

    def _selection_used(self, person: str) -> None:
        """In a shared kitchen a selection logs one portion; alone, it stays."""
        if self.share.shared:
            self._clear_selection(person)

    # --- claims, pending portions and the clock ----------------------------------------

    def _claim(self, person: str, *, take_over: bool = False) -> None:
        ended = self.share.claim(person, dt_util.utcnow(), take_over=take_over)
        if ended is not None:
            self._clear_selection(ended)
        self._schedule()

    def _clear_selection(self, person: str) -> None:
        weigher = self._people.get(person)
        if weigher is None or weigher.coordinator.record.selected_food_id is None:
            return
        coordinator = weigher.coordinator
        coordinator.config_entry.async_create_task(
            self._hass, coordinator.async_clear_selection(), f"{DOMAIN}_claim_ended"
        )

    def _pending_changed(self) -> None:
        self._store.async_changed(self.entity_id, self.share.pending)
        self._schedule()

    def _schedule(self) -> None:
        if self._unsub_clock is not None:
            self._unsub_clock()
            self._unsub_clock = None
        if (moment := self.share.next_change()) is not None:
            self._unsub_clock = async_track_point_in_utc_time(
                self._hass, self._async_clock, moment
            )

    @callback
    def _async_clock(self, now: datetime) -> None:
        self._unsub_clock = None
        ended, dropped = self.share.expire(now)
        if ended is not None:
            self._clear_selection(ended)
        if dropped:
            _LOGGER.info(
                "Dropped %d portion(s) weighed on %s that nobody assigned in %s",
                len(dropped),
                self.entity_id,
                self.share.keep,
            )
            self._store.async_changed(self.entity_id, self.share.pending)
        self._schedule()
        self._async_publish()

    @callback
    def _async_publish(self) -> None:
        """Show everyone on the scale what is theirs (each portion on one Portion only)."""
        now = dt_util.utcnow()
        names = {
            person: weigher.coordinator.person_name
            for person, weigher in self._people.items()
        }
        for person, weigher in self._people.items():
            weigher.coordinator.async_show_scale(self.share.view(person, now, names))

    @callback
    def _async_stop(self) -> None:
        for unsub in (self._unsub_state, self._unsub_tick, self._unsub_clock):
            if unsub is not None:
                unsub()
        self._unsub_state = self._unsub_tick = self._unsub_clock = None

    @callback
    def _cancel_tick(self) -> None:
        if self._unsub_tick is not None:
            self._unsub_tick()
            self._unsub_tick = None
