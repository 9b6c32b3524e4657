"""The value types every part of the model shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum
from typing import NamedTuple

from .categories import Category


class Source(StrEnum):
    """How an intake entry reached the log."""

    SCALE = "scale"
    ACTION = "action"
    IMPORT = "import"  # from another app's export (our own exports keep their source)
    PHOTO = "photo"  # a weighed portion, the food identified from a photo


class AgeGroup(StrEnum):
    """Older adults need more leucine per meal (anabolic resistance)."""

    ADULT = "adult"
    OLDER = "older"


class DayType(StrEnum):
    """A day of the protein-cycling plan."""

    NORMAL = "normal"
    HIGH_PROTEIN = "high_protein"
    LOW_PROTEIN = "low_protein"
    FAST = "fast"


@dataclass(frozen=True, slots=True)
class Ingredient:
    """A food and its weight, in a recipe or a saved meal."""

    food_id: str
    grams: float


@dataclass(frozen=True, slots=True)
class Recipe:
    """What an own food was cooked from: ingredients weighed raw, and the cooked total."""

    ingredients: tuple[Ingredient, ...]
    cooked_g: float


@dataclass(frozen=True, slots=True)
class SavedMeal:
    """Foods and grams a person eats together, logged in one action or one tap."""

    id: str
    name: str
    items: tuple[Ingredient, ...]


@dataclass(frozen=True, slots=True)
class ManualFast:
    """A fast the person entered by hand (for days whose meals were not logged)."""

    id: str
    start: datetime
    end: datetime


class Food(NamedTuple):
    """A food with its nutrients per 100 g.

    A named tuple rather than a frozen dataclass, as `Entry`: the bundled table's 8,867
    foods are built at every start, and a tuple is built several times faster.
    """

    id: str
    name: str
    name_sv: str
    category: Category
    protein_g: float
    leucine_g: float
    kcal: float
    leucine_estimated: bool
    usda_ndb: str | None = None
    common: bool = False
    recipe: Recipe | None = None  # an own food cooked from ingredients
    # Swedish synonyms, "|"-separated ("mellanmjölk|lättmjölk"), found like names.
    synonyms: str = ""
    # Household units, "key=grams|key=grams" (grams per one unit); see core/amounts.py.
    units: str = ""

    def name_in(self, language: str) -> str:
        """Return the food's name in `language` ("sv" or anything else for English)."""
        return self.name_sv if language == "sv" and self.name_sv else self.name

    def portion(self, grams: float) -> Nutrients:
        """Return the nutrients in `grams` of this food."""
        scale = grams / 100.0
        return Nutrients(
            protein_g=self.protein_g * scale,
            leucine_g=self.leucine_g * scale,
            kcal=self.kcal * scale,
            leucine_estimated=self.leucine_estimated,
        )


@dataclass(frozen=True, slots=True)
class Nutrients:
    """The nutrients of one portion."""

    protein_g: float
    leucine_g: float
    kcal: float
    leucine_estimated: bool


class Entry(NamedTuple):
    """One logged intake. Times are timezone-aware (stored in UTC).

    A named tuple rather than a frozen dataclass: a decade of history is about 30,000
    entries, and a tuple is built several times faster when the log is loaded.
    """

    id: str
    time: datetime
    name: str
    protein_g: float
    leucine_g: float
    kcal: float
    leucine_estimated: bool
    source: Source
    food_id: str | None = None
    grams: float | None = None


# Sleep hours that suit most people (the planner suggests nothing while asleep).
DEFAULT_BEDTIME = time(23, 0)
DEFAULT_WAKE_TIME = time(7, 0)


@dataclass(frozen=True, slots=True)
class EatingWindow:
    """When a person eats: a fixed daily window, or one that opens with the first meal."""

    length_h: float
    start: time | None = None  # None: the window opens with the first meal of the day


@dataclass(frozen=True, slots=True)
class TrainingSlot:
    """A weekday's planned training session: its local start time and length."""

    start: time
    duration_min: float = 60.0


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything about a person that the model needs.

    The fields after `meal_merge_min` feed the meal planner (docs/planner.md); each has a
    default that suits most people so that older callers keep working.
    """

    body_mass_kg: float
    age_group: AgeGroup
    fast_goal_h: float
    eating_window: EatingWindow
    leucine_target_g: float
    protein_target_g: float
    plan: tuple[DayType, ...] = field(default=(DayType.NORMAL,) * 7)  # Monday first
    day_start: time = time(0, 0)
    meal_merge_min: float = 45.0
    # No meal is suggested from bedtime to the wake time (local clock times). The same time
    # for both means no sleep hours.
    bedtime: time = DEFAULT_BEDTIME
    wake_time: time = DEFAULT_WAKE_TIME
    # Suggest a casein-rich protein meal 30-60 min before bed (Res 2012, Trommelen 2016).
    pre_sleep_protein: bool = False
    # Protein budget of a low-protein day in g/kg; None: 0.8 (RDA), 1.0 for older adults
    # (the ESPEN minimum, Deutz 2014).
    low_day_protein_g_per_kg: float | None = None
    # Weekly training schedule, Monday first: a session per weekday, or None.
    training: tuple[TrainingSlot | None, ...] = ()


# Kilocalories per gram of protein (Atwater), and of free amino acids such as leucine.
KCAL_PER_G_PROTEIN = 4.0


# The leucine per meal that studies tested: about 2-3 g (nutrition.md §3.1); a per-kg
# default stops there instead of growing with body mass (docs/planner.md).
MAX_DEFAULT_LEUCINE_G = 3.0


def default_leucine_target_g(body_mass_kg: float, age_group: AgeGroup) -> float:
    """Leucine per meal: young 0.025 g/kg within 2-3 g, older 3.0 g, rounded to 0.1 g."""
    if age_group is AgeGroup.OLDER:
        return (
            MAX_DEFAULT_LEUCINE_G  # 0.04 g/kg (Moore 2015 x ~10 %) reaches it at 75 kg
        )
    return round(min(max(2.0, 0.025 * body_mass_kg), MAX_DEFAULT_LEUCINE_G), 1)


def default_protein_target_g(body_mass_kg: float, age_group: AgeGroup) -> float:
    """Daily protein: 1.2 g/kg for older adults (PROT-AGE), 1.6 g/kg otherwise (Morton 2018)."""
    per_kg = 1.2 if age_group is AgeGroup.OLDER else 1.6
    return round(per_kg * body_mass_kg)
