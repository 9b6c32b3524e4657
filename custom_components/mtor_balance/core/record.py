"""Everything kept about one person, and every change a person can make to it.

Pure: the Home Assistant layer loads a record from storage, applies a change here, saves the
record and publishes the new state. Nothing in here does I/O or reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .categories import Category
from .entries import food_entry, nutrient_entry
from .foods import FoodLibrary, FoodTable, food_choices
from .history import YearSummary
from .log import IntakeLog
from .model import DayType, Entry, Food, ManualFast, Profile, SavedMeal, Source
from .trash import Deleted, Trash


@dataclass(slots=True)
class PersonRecord:
    """One person's log, foods and plan overrides.

    `log` holds the open entries (see `core.history`); `history` summarizes the closed
    years, whose entries are read only when something asks for them.
    """

    log: IntakeLog
    foods: FoodLibrary
    day_types: dict[str, str] = field(default_factory=dict)  # ISO date -> override
    favorites: list[str] = field(default_factory=list)
    selected_food_id: str | None = None
    history: dict[int, YearSummary] = field(default_factory=dict)
    saved_meals: list[SavedMeal] = field(default_factory=list)
    manual_fasts: list[ManualFast] = field(default_factory=list)  # sorted by start
    # Deleted entries, restorable for a while.
    trash: Trash = field(default_factory=Trash)

    @classmethod
    def create(
        cls,
        table: FoodTable,
        *,
        entries: Iterable[Entry] = (),
        own_foods: Iterable[Food] = (),
        day_types: dict[str, str] | None = None,
        favorites: Iterable[str] = (),
        selected_food_id: str | None = None,
        history: dict[int, YearSummary] | None = None,
        saved_meals: Iterable[SavedMeal] = (),
        manual_fasts: Iterable[ManualFast] = (),
        trash: Iterable[Deleted] = (),
    ) -> PersonRecord:
        """Return the record of stored values, with the bundled food `table`."""
        return cls(
            log=IntakeLog(list(entries)),
            foods=FoodLibrary(table, own_foods),
            day_types=dict(day_types or {}),
            favorites=list(favorites),
            selected_food_id=selected_food_id,
            history=dict(history or {}),
            saved_meals=list(saved_meals),
            manual_fasts=sorted(manual_fasts, key=lambda fast: fast.start),
            trash=Trash(trash),
        )

    # --- reading ------------------------------------------------------------------------

    @property
    def selected_food(self) -> Food | None:
        """Return the food chosen for the next portion."""
        if self.selected_food_id is None:
            return None
        return self.foods.get(self.selected_food_id)

    @property
    def favorite_foods(self) -> list[Food]:
        """Return the favourite foods, in the order they were added."""
        return [food for i in self.favorites if (food := self.foods.get(i)) is not None]

    def food_choices(self, limit: int) -> list[Food]:
        """Return the foods to pick from: favourites, recent foods, then common foods."""
        return food_choices(
            self.foods,
            favorites=self.favorites,
            recent=(entry.food_id for entry in reversed(self.log)),
            selected=self.selected_food_id,
            limit=limit,
        )

    def day_type(self, day: date, profile: Profile) -> DayType:
        """Return the day type of `day`: the person's override, else the weekly plan."""
        if (override_type := self.day_types.get(day.isoformat())) is not None:
            return DayType(override_type)
        return profile.plan[day.weekday()]

    # --- changes ------------------------------------------------------------------------

    def log_food(
        self,
        entry_id: str,
        food: Food,
        grams: float,
        *,
        when: datetime,
        source: Source,
        language: str,
    ) -> Entry:
        """Log `grams` of `food`; return the entry."""
        entry = food_entry(
            entry_id, food, grams, when=when, source=source, language=language
        )
        self.log.add(entry)
        return entry

    def log_foods(
        self,
        entry_ids: Iterable[str],
        parts: Iterable[tuple[Food, float]],
        *,
        when: datetime,
        source: Source,
        language: str,
    ) -> list[Entry]:
        """Log several foods at one time (a saved meal); return the entries."""
        return [
            self.log_food(
                entry_id, food, grams, when=when, source=source, language=language
            )
            for entry_id, (food, grams) in zip(entry_ids, parts, strict=False)
        ]

    def log_nutrients(
        self,
        entry_id: str,
        *,
        name: str,
        leucine_g: float | None,
        protein_g: float | None,
        category: Category,
        when: datetime,
    ) -> Entry:
        """Log free nutrients (a supplement); return the entry."""
        entry = nutrient_entry(
            entry_id,
            name=name,
            leucine_g=leucine_g,
            protein_g=protein_g,
            category=category,
            when=when,
            source=Source.ACTION,
        )
        self.log.add(entry)
        return entry

    def import_entries(self, entries: Iterable[Entry]) -> None:
        """Add entries made elsewhere (an import), with their own ids and times."""
        self.log.extend(list(entries))

    def next_undo(self) -> Entry | None:
        """Return the entry `undo` would remove (None: the log is empty)."""
        return self.log.next_undo() or self.log.last

    def undo(self, now: datetime) -> Entry | None:
        """Remove the latest addition, or the latest entry by time if none since load.

        The entry goes to the trash.
        """
        entry = self.log.undo()
        if entry is None and (last := self.log.last) is not None:
            entry = self.log.delete(last.id)
        if entry is not None:
            self.trash.add(entry, now)
        return entry

    def delete(self, entry_id: str, now: datetime) -> Entry:
        """Move one open entry to the trash (raises EntryNotFoundError)."""
        entry = self.log.delete(entry_id)
        self.trash.add(entry, now)
        return entry

    def restore(self, entry_id: str) -> Entry:
        """Take a deleted entry out of the trash and back into the open log.

        Raises EntryNotFoundError if the trash has no such entry. An entry of a closed
        month goes back to its year when months are closed next.
        """
        entry = self.trash.take(entry_id)
        self.log.extend([entry])
        return entry

    def close(self, entries: Iterable[Entry], years: dict[int, YearSummary]) -> None:
        """Move `entries` out of the open log into closed `years` (summaries as written)."""
        self.log.discard({entry.id for entry in entries})
        self.history.update(years)

    def forget_year(self, year: int) -> None:
        """Note that a closed year has no entries left."""
        self.history.pop(year, None)

    def select_food(self, food_id: str | None) -> None:
        """Choose the food for the next portion (None: no food)."""
        self.selected_food_id = food_id

    def set_day_type(self, day: date, day_type: DayType) -> None:
        """Override the plan's day type of `day` (overrides of past days are kept)."""
        self.day_types[day.isoformat()] = day_type.value

    def clear_day_type(self, day: date) -> None:
        """Drop the change of `day`'s day type: the weekly plan's applies again."""
        self.day_types.pop(day.isoformat(), None)

    def add_favorites(self, food_ids: Iterable[str]) -> None:
        """Add known foods to the favourites, keeping their order."""
        for food_id in food_ids:
            if food_id not in self.favorites and self.foods.get(food_id) is not None:
                self.favorites.append(food_id)

    def remove_favorites(self, food_ids: Iterable[str]) -> None:
        """Remove foods from the favourites."""
        gone = set(food_ids)
        self.favorites = [food_id for food_id in self.favorites if food_id not in gone]

    def save_own_food(self, food: Food) -> None:
        """Add an own food (typed in or from a barcode), or replace the one with its id."""
        self.foods.add_own(food)

    def remove_own_foods(self, food_ids: Iterable[str]) -> None:
        """Remove own foods (and them as favourites); logged entries keep their values."""
        gone = list(food_ids)
        for food_id in gone:
            self.foods.remove_own(food_id)
        self.remove_favorites(gone)

    def save_meal(self, meal: SavedMeal) -> None:
        """Add a saved meal, or replace the one with its id."""
        self.saved_meals = [m for m in self.saved_meals if m.id != meal.id] + [meal]

    def remove_saved_meal(self, meal_id: str) -> SavedMeal | None:
        """Remove a saved meal; return it (None if there was none with that id)."""
        found = next((m for m in self.saved_meals if m.id == meal_id), None)
        self.saved_meals = [m for m in self.saved_meals if m.id != meal_id]
        return found

    def add_manual_fast(self, fast: ManualFast) -> None:
        """Add (or replace by id) a fast entered by hand."""
        kept = [f for f in self.manual_fasts if f.id != fast.id]
        self.manual_fasts = sorted([*kept, fast], key=lambda item: item.start)

    def remove_manual_fast(self, fast_id: str) -> ManualFast | None:
        """Remove a fast entered by hand; return it (None if there was none)."""
        found = next((f for f in self.manual_fasts if f.id == fast_id), None)
        self.manual_fasts = [f for f in self.manual_fasts if f.id != fast_id]
        return found
