"""One person in Home Assistant: save every change, publish the state, keep the timer.

What a change does is `core.record`; what the person's state is, `core.state`. This
coordinator does what needs Home Assistant: it saves the record before it tells anyone,
hands the state to the entities, and wakes up at the next moment the state changes by the
clock. Nothing polls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
import logging
from typing import TYPE_CHECKING, override
import uuid

from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from ..const import DOMAIN, EVENT_MEAL
from ..core.categories import Category
from ..core.days import day_of
from ..core.entries import entry_as_dict
from ..core.log import EntryNotFoundError
from ..core.model import DayType, Entry, Food, Profile, Source
from ..core.record import PersonRecord
from ..core.shared_scale import ScaleView
from ..core.state import (
    PersonState,
    SteadySuggestion,
    next_change,
    person_state,
    portion_of,
)
from ..core.summary import PeriodSummary, last_week, summarize_days
from ..kinds import MtorBalanceConfigEntry
from .access import HOME_ASSISTANT, Caller, Rule, async_require
from .const import EVENT_LOGGED, EVENT_REMOVED
from .food_table import async_food_index
from .options import profile_from_options
from .persistence import PersonFiles
from .store import PersonStore
from .training import TrainingTracker

if TYPE_CHECKING:
    from .shared_scale import SharedScale

_LOGGER = logging.getLogger(__name__)

# How many foods the Food select offers: favourites, then recent, then common foods.
FOOD_CHOICES = 30


def signal_entry_changed(entry_id: str) -> str:
    """Return the dispatcher signal for logged and removed entries of a person."""
    return f"{DOMAIN}_{entry_id}_entry_changed"


def signal_imported(entry_id: str) -> str:
    """Return the dispatcher signal of an import (the entries added, once per import)."""
    return f"{DOMAIN}_{entry_id}_imported"


class PersonCoordinator(DataUpdateCoordinator[PersonState]):
    """Holds one person's record, saves it and publishes their state."""

    config_entry: MtorBalanceConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: MtorBalanceConfigEntry,
        store: PersonStore,
        record: PersonRecord,
    ) -> None:
        """Create the coordinator for the person's loaded `record`."""
        super().__init__(hass, _LOGGER, name=entry.title, config_entry=entry)
        self.store = store
        self.record = record
        self.files = PersonFiles(
            hass, entry.entry_id, store, record, on_saved=self._async_saved
        )
        # Logged and removed entries, told (Meal event) once they are on disk.
        self._untold: list[tuple[str, Entry]] = []
        self._saving = 0  # changes whose save is in flight
        self._stopped = False
        self._day: date | None = None
        self._scale_view = ScaleView()
        self._week: PeriodSummary | None = None  # until the record or the day changes
        self._unsub_timer: CALLBACK_TYPE | None = None
        self._food_choices: list[Food] | None = None
        self._suggestion = SteadySuggestion()
        # Sessions learnt from the person's training entity, if they chose one.
        self.training: TrainingTracker | None = None
        # The kitchen scale they weigh on (shared with others or not), if they have one.
        self.scale: SharedScale | None = None

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

    async def async_search_foods(
        self, query: str, *, language: str, limit: int
    ) -> list[Food]:
        """Return the foods matching `query` (own foods first), names in `language`."""
        await async_food_index(self.hass, self.record.foods.table)
        return self.record.foods.search(query, language=language, limit=limit)

    async def async_resolve_food(self, text: str, language: str) -> Food | None:
        """Return the one food `text` names (an id or a name in either language)."""
        await async_food_index(self.hass, self.record.foods.table)
        return self.record.foods.resolve(text, language)

    def food_choices(self) -> list[Food]:
        """Return the foods for the Food select (kept until the record changes)."""
        if self._food_choices is None:
            self._food_choices = self.record.food_choices(FOOD_CHOICES)
        return self._food_choices

    # --- changes: each is saved, then published -----------------------------------------

    async def async_log_food(
        self, food: Food, grams: float, when: datetime | None, source: Source
    ) -> Entry:
        """Log `grams` of `food`."""
        entry = self.record.log_food(
            uuid.uuid4().hex,
            food,
            grams,
            when=self._utc(when),
            source=source,
            language=self.language,
        )
        await self._async_entry_changed(EVENT_LOGGED, entry)
        return entry

    async def async_log_foods(
        self, parts: Sequence[tuple[Food, float]], when: datetime | None
    ) -> list[Entry]:
        """Log several foods at once (a saved meal), saved once."""
        entries = self.record.log_foods(
            [uuid.uuid4().hex for _ in parts],
            parts,
            when=self._utc(when),
            source=Source.ACTION,
            language=self.language,
        )
        self._suggestion.changed()
        self._untold.extend((EVENT_LOGGED, entry) for entry in entries)
        await self._async_change(lambda _record: None)
        return entries

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
        entry = self.record.log_nutrients(
            uuid.uuid4().hex,
            name=name,
            leucine_g=leucine_g,
            protein_g=protein_g,
            category=category,
            when=self._utc(when),
        )
        await self._async_entry_changed(EVENT_LOGGED, entry)
        return entry

    async def async_undo(self, caller: Caller = HOME_ASSISTANT) -> Entry | None:
        """Move the most recently logged entry to the trash; None if the log is empty."""
        if (latest := self.record.next_undo()) is None:
            return None
        async_require(self.hass, caller, self, Rule.OLD_ENTRIES, when=latest.time)
        entry = self.record.undo(dt_util.utcnow())
        if entry is not None:
            await self._async_entry_changed(EVENT_REMOVED, entry)
        return entry

    async def async_delete(
        self, entry_id: str, caller: Caller = HOME_ASSISTANT
    ) -> Entry:
        """Move one entry, open or of a closed year, to the trash.

        Raises EntryNotFoundError if the person has no such entry.
        """
        open_entry = self.record.log.get(entry_id)
        when = None if open_entry is None else open_entry.time  # None: a closed year
        async_require(self.hass, caller, self, Rule.OLD_ENTRIES, when=when)
        try:
            entry = self.record.delete(entry_id, dt_util.utcnow())
        except EntryNotFoundError:
            entry = await self.files.async_delete_closed(entry_id)
            self.record.trash.add(entry, dt_util.utcnow())
        await self._async_entry_changed(EVENT_REMOVED, entry)
        return entry

    async def async_restore(
        self, entry_id: str, caller: Caller = HOME_ASSISTANT
    ) -> Entry:
        """Put a deleted entry back from the trash (Undo, or restore_entry).

        Raises EntryNotFoundError if the trash has no such entry.
        """
        entry = self.record.trash.get(entry_id)
        if entry is None:
            raise EntryNotFoundError(entry_id)
        async_require(self.hass, caller, self, Rule.OLD_ENTRIES, when=entry.time)
        self._suggestion.changed()
        self._untold.append((EVENT_LOGGED, entry))
        await self._async_change(lambda record: record.restore(entry_id))
        await self.files.async_close_ended_months()
        return entry

    async def async_import_entries(self, entries: Sequence[Entry]) -> None:
        """Add entries made elsewhere (ids and times kept), all or nothing.

        Entries of closed years go to their years' files (`PersonFiles.async_import`),
        the heavy part off the event loop; the record is changed, saved and published
        once, and the statistics told once, however many entries there are. The caller
        drops duplicates first (`async_entries_between` sees closed years too).
        """
        self._suggestion.changed()
        await self.files.async_import(entries, self._async_change)
        async_dispatcher_send(
            self.hass, signal_imported(self.config_entry.entry_id), entries
        )
        await self.files.async_close_ended_months()

    async def async_change_record(
        self, change: Callable[[PersonRecord], object]
    ) -> None:
        """Apply a change of the record (foods, favourites, saved meals, fasts); save it."""
        self._suggestion.changed()
        await self._async_change(change)

    async def async_set_day_type_on(self, day: date, day_type: DayType) -> None:
        """Set the day type of any date (the calendar); today's also moves the plan."""
        self._suggestion.changed()
        await self._async_change(lambda record: record.set_day_type(day, day_type))

    async def async_entries_between(
        self, start: datetime, end: datetime
    ) -> list[Entry]:
        """Return the entries with start <= time < end, closed years included."""
        return await self.files.async_entries_between(start, end)

    async def async_select_food(self, food_id: str) -> None:
        """Choose the food for the next portion: this claims the person's scale."""
        if self.scale is not None:
            self.scale.async_claim(self)
        await self._async_change(lambda record: record.select_food(food_id))

    def require_scale(self) -> SharedScale:
        """Return the person's scale; a translated error if they weigh on none."""
        if self.scale is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="no_scale",
                translation_placeholders={"name": self.person_name},
            )
        return self.scale

    async def async_claim_scale(self) -> bool:
        """Claim the person's scale and the portion on it ("Weigh for me")."""
        self.require_scale().async_claim(self, take_over=True)
        return True

    async def async_clear_selection(self) -> None:
        """Choose no food (the person's claim on a shared scale ended)."""
        await self._async_change(lambda record: record.select_food(None))

    async def async_set_day_type(self, day_type: DayType) -> None:
        """Override today's day type of the protein-cycling plan."""
        today = day_of(dt_util.utcnow(), self._tz, self.profile.day_start)
        self._suggestion.changed()
        await self._async_change(lambda record: record.set_day_type(today, day_type))

    @callback
    def async_training_changed(self) -> None:
        """Recompute: a training session started or ended, so the next meal may move."""
        self._suggestion.changed()
        self._async_recompute()

    @callback
    def async_show_scale(self, view: ScaleView) -> None:
        """Show what is on the person's scale for them (their portion, pending ones)."""
        if view == self._scale_view:
            return
        self._scale_view = view
        self._async_recompute()

    async def async_log_portion(self, source: Source = Source.SCALE) -> Entry | None:
        """Log the portion on the scale as the selected food; None if there is none."""
        if self.scale is None:
            return None
        return await self.scale.async_log_on_scale(self, source)

    # --- lifecycle --------------------------------------------------------------------

    @callback
    def async_start(self) -> None:
        """Schedule the first clock-driven update, follow time zone changes, close months."""
        self._schedule_next(self.data)
        self.config_entry.async_on_unload(
            self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._async_recompute)
        )
        self._async_close_ended_months()

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
        self._stopped = True  # a change finishing after this schedules nothing more
        await super().async_shutdown()
        self._cancel_timer()
        self.files.async_stop()

    # --- internals --------------------------------------------------------------------

    @property
    def _tz(self) -> tzinfo:
        # Read every time: the time zone can be changed while Home Assistant runs.
        return dt_util.get_default_time_zone()

    @staticmethod
    def _utc(when: datetime | None) -> datetime:
        return dt_util.utcnow() if when is None else dt_util.as_utc(when)

    async def _async_entry_changed(self, event_type: str, entry: Entry) -> None:
        self._suggestion.changed()
        self._untold.append((event_type, entry))
        await self._async_change(lambda _record: None)

    async def _async_change(self, change: Callable[[PersonRecord], object]) -> None:
        """Apply `change`, save, then recompute and tell the entities.

        Every change goes through here, saved before anyone is told: a logged meal is on
        disk when the action returns. If it cannot be saved, the change is kept (and shown)
        and the error raised: `PersonFiles` raises the repair issue and retries.
        """
        change(self.record)
        self.record.trash.expire(dt_util.utcnow())
        # Favourites, own foods, the log or the selection changed.
        self._food_choices = None
        self._week = None
        self._saving += 1
        try:
            await self.files.async_save()
        finally:
            self._saving -= 1
            self._async_recompute()
        self._async_saved()

    @callback
    def _async_saved(self) -> None:
        """Tell what is on disk now (after the state shows it): Meal event and logbook."""
        untold, self._untold = self._untold, []
        entry_id = self.config_entry.entry_id
        meal_entity = er.async_get(self.hass).async_get_entity_id(
            "event", DOMAIN, f"{entry_id}_meal"
        )
        for event_type, entry in untold:
            async_dispatcher_send(
                self.hass, signal_entry_changed(entry_id), event_type, entry
            )
            self.hass.bus.async_fire(
                EVENT_MEAL,
                {
                    **entry_as_dict(entry),
                    "type": event_type,
                    "config_entry_id": entry_id,
                    "person": self.person_name,
                    "entity_id": meal_entity,
                },
            )

    @callback
    def _async_close_ended_months(self) -> None:
        self.config_entry.async_create_background_task(
            self.hass,
            self.files.async_close_ended_months(),
            f"{DOMAIN}_close_months_{self.config_entry.entry_id}",
        )

    def week(self, today: date) -> PeriodSummary:
        """Return the summary of the seven completed days before `today`."""
        first, last = last_week(today)
        if self._week is None or self._week.last != last:
            profile, record = self.profile, self.record
            self._week = summarize_days(
                record.log,
                profile,
                first,
                last,
                self._tz,
                lambda day: record.day_type(day, profile),
                record.manual_fasts,
            )
        return self._week

    def _compute(self) -> PersonState:
        now = dt_util.utcnow()
        tz, profile, record = self._tz, self.profile, self.record
        today = day_of(now, tz, profile.day_start)
        day_type = record.day_type(today, profile)
        return person_state(
            record.log,
            profile,
            now=now,
            tz=tz,
            day_type=day_type,
            suggestion=self._suggestion.suggest(
                record.log,
                profile,
                now=now,
                tz=tz,
                day_type=day_type,
                training=() if self.training is None else self.training.sessions(now),
            ),
            portion=portion_of(
                self._scale_view.held_g, record.selected_food, self.language
            ),
            scale=self._scale_view,
            week=self.week(today),
        )

    @callback
    def _async_recompute(self, _event: Event | None = None) -> None:
        """Recompute and tell the entities, unless a change is being saved.

        The record holds a change before it is on disk; a recompute then (the scale, the
        clock) would show it early, and a crash would take back what a sensor showed. The
        last save to end publishes instead.
        """
        if not self._saving:
            self.async_set_updated_data(self._compute())

    @callback
    def _async_clock(self, _now: datetime) -> None:
        self._unsub_timer = None  # it has fired
        self._async_recompute()
        if self._day is not None and self._day != self.data.day_start.date():
            self._async_close_ended_months()  # a new day: a month may have ended
        self._day = self.data.day_start.date()

    @callback
    def _schedule_next(self, state: PersonState) -> None:
        self._cancel_timer()
        if self._stopped:
            return
        self._unsub_timer = async_track_point_in_utc_time(
            self.hass,
            self._async_clock,
            next_change(state, self.record.log, self.profile, self._tz),
        )

    @callback
    def _cancel_timer(self) -> None:
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
