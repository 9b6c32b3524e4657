"""One person's log and everything derived from it, recomputed only when it can change.

The coordinator owns the person's intake log. After every change, and at every moment when
the derived state changes by the clock alone (a fasting-hours step, the fasting goal, the
start of a day, the eating window opening or closing), it recomputes a `PersonState` and
hands it to the entities. Nothing polls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
import logging
import math
from typing import Any, override
import uuid

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .const import (
    CONF_AGE_GROUP,
    CONF_BODY_MASS,
    CONF_DAY_START,
    CONF_FAST_GOAL,
    CONF_LEUCINE_TARGET,
    CONF_PLAN,
    CONF_PROTEIN_TARGET,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_MODE,
    CONF_WINDOW_START,
    DEFAULT_DAY_START,
    DOMAIN,
    EVENT_LOGGED,
    EVENT_REMOVED,
    WEEKDAYS,
    WINDOW_MODE_FIXED,
)
from .core.categories import Category, estimate_leucine
from .core.days import day_bounds, day_of
from .core.fasting import fasting_state
from .core.foods import FoodLibrary, FoodTable, varied
from .core.log import IntakeLog, Meal, Totals
from .core.model import (
    KCAL_PER_G_PROTEIN,
    AgeGroup,
    DayType,
    EatingWindow,
    Entry,
    Food,
    Profile,
    Source,
)
from .core.planner import Suggestion, eating_window_on, suggest_next_meal
from .store import PersonData, PersonStore

_LOGGER = logging.getLogger(__name__)

type MtorConfigEntry = ConfigEntry[PersonCoordinator]

# Fasting hours are shown in steps of 0.1 h (6 min): fine enough for a dashboard, and at
# most 240 state writes a day for the sensor that changes most often.
FASTING_STEP = timedelta(minutes=6)
# How many foods the Food select offers: favourites, then recent, then common foods.
FOOD_CHOICES = 30


def signal_entry_changed(entry_id: str) -> str:
    """Return the dispatcher signal for logged and removed entries of a person."""
    return f"{DOMAIN}_{entry_id}_entry_changed"


def profile_from_options(options: Mapping[str, Any]) -> Profile:
    """Build the person's profile from the config entry's options."""
    window_start: time | None = None
    if options[CONF_WINDOW_MODE] == WINDOW_MODE_FIXED:
        window_start = time.fromisoformat(options[CONF_WINDOW_START])
    plan = options.get(CONF_PLAN, {})
    return Profile(
        body_mass_kg=float(options[CONF_BODY_MASS]),
        age_group=AgeGroup(options[CONF_AGE_GROUP]),
        fast_goal_h=float(options[CONF_FAST_GOAL]),
        eating_window=EatingWindow(
            length_h=float(options[CONF_WINDOW_LENGTH]), start=window_start
        ),
        leucine_target_g=float(options[CONF_LEUCINE_TARGET]),
        protein_target_g=float(options[CONF_PROTEIN_TARGET]),
        plan=tuple(DayType(plan.get(day, DayType.NORMAL)) for day in WEEKDAYS),
        day_start=time.fromisoformat(options.get(CONF_DAY_START, DEFAULT_DAY_START)),
    )


@dataclass(frozen=True, slots=True)
class Portion:
    """The settled portion on the person's scale, with the selected food's nutrients."""

    grams: float
    food: Food | None
    protein_g: float | None
    leucine_g: float | None
    leucine_estimated: bool


@dataclass(frozen=True, slots=True)
class PersonState:
    """Everything the entities show, computed at one moment."""

    now: datetime
    day_start: datetime
    day_type: DayType
    fasting_since: datetime | None
    fasting_hours: float | None
    fast_goal_end: datetime | None
    fasting: bool
    fast_goal_reached: bool
    today: Totals
    last_meal: Meal | None
    effective_meals_today: int
    suggestion: Suggestion
    window_open: bool
    portion: Portion | None


class PersonCoordinator(DataUpdateCoordinator[PersonState]):
    """Holds one person's log and computes their state."""

    config_entry: MtorConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: MtorConfigEntry,
        foods: FoodTable,
        store: PersonStore,
        data: PersonData,
    ) -> None:
        """Create the coordinator from the person's stored data."""
        super().__init__(hass, _LOGGER, name=entry.title, config_entry=entry)
        self.foods = FoodLibrary(foods, data.custom_foods)
        self.store = store
        self.log = IntakeLog(data.entries)
        self._day_types = dict(data.day_types)
        self._favorites = list(data.favorites)
        self._selected_food_id = data.selected_food
        self._portion_grams: float | None = None
        self._unsub_timer: CALLBACK_TYPE | None = None
        self._food_choices: list[Food] | None = None
        # Bumped on every change of the log or plan; a due suggestion stays put until then.
        self._revision = 0
        self._suggestion: tuple[int, Suggestion] | None = None

    # --- what the entities read -------------------------------------------------------

    @property
    def profile(self) -> Profile:
        """Return the person's profile (from the options, so always current)."""
        return profile_from_options(self.config_entry.options)

    @property
    def person_name(self) -> str:
        """Return the person's name."""
        return self.config_entry.title

    @property
    def language(self) -> str:
        """Return the language for food names."""
        return "sv" if self.hass.config.language.startswith("sv") else "en"

    @property
    def selected_food(self) -> Food | None:
        """Return the food chosen for the next portion."""
        if self._selected_food_id is None:
            return None
        return self.foods.get(self._selected_food_id)

    def food_choices(self) -> list[Food]:
        """Return the foods for the Food select: favourites, recent, then common foods."""
        if self._food_choices is None:
            self._food_choices = self._compute_food_choices()
        return self._food_choices

    def day_type_on(self, day: date) -> DayType:
        """Return the day type of `day`: the person's override or the weekly plan."""
        if (override_type := self._day_types.get(day.isoformat())) is not None:
            return DayType(override_type)
        return self.profile.plan[day.weekday()]

    # --- changes ----------------------------------------------------------------------

    async def async_log_food(
        self, food: Food, grams: float, when: datetime | None, source: Source
    ) -> Entry:
        """Log `grams` of `food`."""
        nutrients = food.portion(grams)
        entry = Entry(
            id=uuid.uuid4().hex,
            time=dt_util.as_utc(when) if when else dt_util.utcnow(),
            name=food.name_in(self.language),
            protein_g=round(nutrients.protein_g, 3),
            leucine_g=round(nutrients.leucine_g, 3),
            kcal=round(nutrients.kcal, 1),
            leucine_estimated=nutrients.leucine_estimated,
            source=source,
            food_id=food.id,
            grams=round(grams, 1),
        )
        await self._async_add(entry)
        return entry

    async def async_log_nutrients(
        self,
        *,
        name: str,
        leucine_g: float | None,
        protein_g: float | None,
        category: Category,
        when: datetime | None,
    ) -> Entry:
        """Log free nutrients (a supplement); leucine is estimated from protein if missing."""
        protein = protein_g or 0.0
        leucine = (
            leucine_g if leucine_g is not None else estimate_leucine(protein, category)
        )
        entry = Entry(
            id=uuid.uuid4().hex,
            time=dt_util.as_utc(when) if when else dt_util.utcnow(),
            name=name,
            protein_g=round(protein, 3),
            leucine_g=round(leucine, 3),
            kcal=round(KCAL_PER_G_PROTEIN * max(protein, leucine), 1),
            leucine_estimated=leucine_g is None,
            source=Source.ACTION,
        )
        await self._async_add(entry)
        return entry

    async def async_undo(self) -> Entry | None:
        """Remove the most recently logged entry."""
        entry = self.log.undo()
        if entry is None:
            last = self.log.last
            if last is None:
                return None
            # Nothing logged since startup: undo removes the latest entry by time.
            entry = self.log.delete(last.id)
        await self._async_changed(EVENT_REMOVED, entry)
        return entry

    async def async_delete(self, entry_id: str) -> Entry:
        """Delete one entry (raises EntryNotFoundError)."""
        entry = self.log.delete(entry_id)
        await self._async_changed(EVENT_REMOVED, entry)
        return entry

    async def async_select_food(self, food_id: str) -> None:
        """Choose the food for the next portion."""
        self._selected_food_id = food_id
        await self._async_persist()

    async def async_set_day_type(self, day_type: DayType) -> None:
        """Override today's day type of the protein-cycling plan."""
        today = day_of(dt_util.utcnow(), self._tz, self.profile.day_start)
        # Overrides for past days are kept: they explain the history.
        self._day_types[today.isoformat()] = day_type.value
        self._revision += 1
        await self._async_persist()

    @property
    def favorites(self) -> list[Food]:
        """Return the person's favourite foods, in the order they were added."""
        return [
            food for food_id in self._favorites if (food := self.foods.get(food_id))
        ]

    async def async_add_favorites(self, food_ids: list[str]) -> None:
        """Add foods to the favourites (they come first in the Food select)."""
        for food_id in food_ids:
            if food_id not in self._favorites and self.foods.get(food_id) is not None:
                self._favorites.append(food_id)
        await self._async_persist()

    async def async_remove_favorites(self, food_ids: list[str]) -> None:
        """Remove foods from the favourites."""
        self._favorites = [
            food_id for food_id in self._favorites if food_id not in food_ids
        ]
        await self._async_persist()

    async def async_save_own_food(self, food: Food) -> None:
        """Add the person's own food (custom or from a barcode), or replace it by id."""
        self.foods.add_own(food)
        await self._async_persist()

    async def async_remove_own_foods(self, food_ids: list[str]) -> None:
        """Remove own foods; logged entries keep their names and nutrients."""
        for food_id in food_ids:
            self.foods.remove_own(food_id)
        self._favorites = [
            food_id for food_id in self._favorites if food_id not in food_ids
        ]
        await self._async_persist()

    @callback
    def async_set_portion(self, grams: float | None) -> None:
        """Show the settled portion on the scale (None when the scale is empty)."""
        self._portion_grams = grams
        self.async_set_updated_data(self._compute())

    async def async_log_portion(self, source: Source = Source.SCALE) -> Entry | None:
        """Log the settled portion as the selected food; None if there is nothing to log."""
        grams = self._portion_grams
        food = self.selected_food
        if grams is None or food is None:
            return None
        self._portion_grams = None
        return await self.async_log_food(food, grams, None, source)

    # --- lifecycle --------------------------------------------------------------------

    @override
    async def _async_update_data(self) -> PersonState:
        return self._compute()

    @override
    @callback
    def async_set_updated_data(self, data: PersonState) -> None:
        super().async_set_updated_data(data)
        self._schedule_next(data)

    @override
    async def async_shutdown(self) -> None:
        await super().async_shutdown()
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None

    @callback
    def async_start(self) -> None:
        """Schedule the first clock-driven update, and follow time zone changes."""
        self._schedule_next(self.data)
        self.config_entry.async_on_unload(
            self.hass.bus.async_listen(
                EVENT_CORE_CONFIG_UPDATE, self._handle_config_update
            )
        )

    @callback
    def _handle_config_update(self, _event: Event) -> None:
        # The day's bounds and the eating window follow the time zone.
        self.async_set_updated_data(self._compute())

    # --- internals --------------------------------------------------------------------

    @property
    def _tz(self) -> tzinfo:
        # Read every time: the time zone can be changed while Home Assistant runs.
        return dt_util.get_default_time_zone()

    async def _async_add(self, entry: Entry) -> None:
        self.log.add(entry)
        await self._async_changed(EVENT_LOGGED, entry)

    async def _async_changed(self, event_type: str, entry: Entry) -> None:
        self._revision += 1
        await self._async_persist()
        async_dispatcher_send(
            self.hass,
            signal_entry_changed(self.config_entry.entry_id),
            event_type,
            entry,
        )

    async def _async_persist(self) -> None:
        """Save, then recompute and tell the entities: every change goes through here.

        Saved before anyone is told, so a logged meal is on disk when the action returns.
        """
        self._food_choices = (
            None  # favourites, own foods, recent foods or selection changed
        )
        await self.store.async_save(
            PersonData(
                entries=list(self.log),
                day_types=self._day_types,
                selected_food=self._selected_food_id,
                favorites=self._favorites,
                custom_foods=self.foods.own_foods,
            )
        )
        self.async_set_updated_data(self._compute())

    def _compute(self) -> PersonState:
        now = dt_util.utcnow()
        tz = self._tz
        profile = self.profile
        merge = timedelta(minutes=profile.meal_merge_min)
        today = day_of(now, tz, profile.day_start)
        start, end = day_bounds(today, tz, profile.day_start)
        day_type = self.day_type_on(today)
        fast = fasting_state(self.log, profile, now)
        hours = fast.hours(now)
        meals_today = self.log.meals(start, end, merge)
        suggestion = self._steady(
            suggest_next_meal(self.log, profile, now=now, tz=tz, day_type=day_type), now
        )
        window = eating_window_on(self.log, profile, today, tz)
        return PersonState(
            now=now,
            day_start=start,
            day_type=day_type,
            fasting_since=fast.since,
            fasting_hours=None if hours is None else math.floor(hours * 10) / 10,
            fast_goal_end=fast.goal_end,
            fasting=fast.fasting(now),
            fast_goal_reached=fast.goal_reached(now),
            today=self.log.totals(start, end),
            last_meal=self.log.last_meal(now, merge),
            effective_meals_today=sum(
                1
                for meal in meals_today
                if meal.leucine_g >= profile.effective_leucine_g
            ),
            suggestion=suggestion,
            window_open=window is not None and window[0] <= now < window[1],
            portion=self._portion(),
        )

    def _steady(self, suggestion: Suggestion, now: datetime) -> Suggestion:
        """Keep a suggestion that has come due until something is logged.

        Once its time has passed the planner answers "now" at every update; showing the
        moment the meal came due instead keeps the sensor (and time triggers on it) still.
        """
        previous = self._suggestion
        if (
            previous is not None
            and previous[0] == self._revision
            and previous[1].time <= now
            and suggestion.time <= now
        ):
            return previous[1]
        self._suggestion = (self._revision, suggestion)
        return suggestion

    def _portion(self) -> Portion | None:
        grams = self._portion_grams
        if grams is None:
            return None
        food = self.selected_food
        if food is None:
            return Portion(grams, None, None, None, leucine_estimated=False)
        nutrients = food.portion(grams)
        return Portion(
            grams,
            food,
            round(nutrients.protein_g, 2),
            round(nutrients.leucine_g, 2),
            nutrients.leucine_estimated,
        )

    def _compute_food_choices(self) -> list[Food]:
        chosen: dict[str, Food] = {}

        def offer(food_id: str | None) -> None:
            if food_id is None or food_id in chosen:
                return
            if (food := self.foods.get(food_id)) is not None:
                chosen[food_id] = food

        for food_id in self._favorites:
            offer(food_id)
        for entry in reversed(self.log):
            if len(chosen) >= FOOD_CHOICES:
                break
            offer(entry.food_id)
        for food in varied(self.foods.common()):
            if len(chosen) >= FOOD_CHOICES:
                break
            offer(food.id)
        offer(self._selected_food_id)
        return list(chosen.values())

    @callback
    def _schedule_next(self, state: PersonState) -> None:
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
        when = self._next_change(state)
        self._unsub_timer = async_track_point_in_utc_time(
            self.hass, self._handle_clock, when
        )

    def _next_change(self, state: PersonState) -> datetime:
        """Return the next moment at which the state changes by the clock alone."""
        now = state.now
        profile = self.profile
        tz = self._tz
        today = day_of(now, tz, profile.day_start)
        moments: list[datetime] = [day_bounds(today, tz, profile.day_start)[1]]
        if state.fasting_since is not None:
            steps = (now - state.fasting_since) // FASTING_STEP + 1
            moments.append(state.fasting_since + FASTING_STEP * steps)
            moments.append(
                state.fasting_since + timedelta(minutes=profile.meal_merge_min)
            )
        if state.fast_goal_end is not None:
            moments.append(state.fast_goal_end)
        for day in (today, today + timedelta(days=1)):
            if (window := eating_window_on(self.log, profile, day, tz)) is not None:
                moments.extend(window)
        moments.append(state.suggestion.time)
        return min(
            (moment for moment in moments if moment > now), default=now + FASTING_STEP
        )

    @callback
    def _handle_clock(self, _now: datetime) -> None:
        self._unsub_timer = None
        self.async_set_updated_data(self._compute())
