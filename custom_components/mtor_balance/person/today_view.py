"""A person's day as the kitchen card shows it: one plain-data view, in the viewer's language.

Built from the coordinator's state and record whenever either changes, and pushed to every
subscribed card (see `websocket.py`). Times are ISO 8601 in UTC; grams are per portion.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from homeassistant.util import dt as dt_util

from ..core.advice import advice_numbers
from ..core.amounts import units_of
from ..core.days import day_bounds, day_of
from ..core.entries import entry_as_dict
from ..core.log import Meal, group_meals
from ..core.model import Entry, Food
from ..core.planner import leucine_target, meal_at_target, planned_meals
from ..core.predict import usual_foods
from ..core.state import PersonState
from .const import CONF_LOG_MODE, CONF_SCALE_ENTITY, LOG_MODE_ON_REMOVAL
from .coordinator import PersonCoordinator

CHIPS = 6  # favourites and recent foods each


def food_language(language: str | None) -> str:
    """Return the language food names are shown in: Swedish or English."""
    return "sv" if (language or "").lower().startswith("sv") else "en"


def food_view(food: Food, language: str, *, own: bool) -> dict[str, Any]:
    """Return a food (nutrients per 100 g) with its name in `language` and both names."""
    return {
        "id": food.id,
        "name": food.name_in(language),
        "name_en": food.name,
        "name_sv": food.name_sv or food.name,
        "category": food.category.value,
        "protein_g": food.protein_g,
        "leucine_g": food.leucine_g,
        "leucine_estimated": food.leucine_estimated,
        "own": own,
        "units": units_of(food),  # grams per household unit ("piece": 50)
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else dt_util.as_utc(moment).isoformat()


def today_view(
    coordinator: PersonCoordinator, language: str, texts: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """Return what the card shows of the person now.

    `texts` translates the next meal's codes: {"reason": {code: text}, "evidence": ...}.
    """
    state: PersonState = coordinator.data
    record = coordinator.record
    profile = coordinator.profile
    options = coordinator.config_entry.options
    tz = dt_util.get_default_time_zone()
    start, end = day_bounds(
        day_of(state.now, tz, profile.day_start), tz, profile.day_start
    )
    entries = record.log.between(start, end)
    foods = record.foods

    def view(food: Food) -> dict[str, Any]:
        return food_view(food, language, own=foods.is_own(food.id))

    def chip(food_id: str | None) -> dict[str, Any] | None:
        food = None if food_id is None else foods.get(food_id)
        return None if food is None else view(food)

    def named(entry: Entry) -> dict[str, Any]:
        # Logged foods are named in the viewer's language; supplements keep their name.
        food = None if entry.food_id is None else foods.get(entry.food_id)
        name = entry.name if food is None else food.name_in(language)
        return {**entry_as_dict(entry), "name": name}

    predicted = [
        {"food": found, "grams": usual.grams}
        for usual in usual_foods(record.log, state.now, tz)
        if (found := chip(usual.food_id)) is not None
    ]
    recent: list[dict[str, Any]] = []
    for entry in reversed(record.log):
        if len(recent) >= CHIPS:
            break
        found = chip(entry.food_id)
        if found is not None and all(found["id"] != known["id"] for known in recent):
            recent.append(found)
    suggestion = state.suggestion

    def meal_view(meal: Meal) -> dict[str, Any]:
        return {
            "start": _iso(meal.start),
            "end": _iso(meal.end),
            "protein_g": round(meal.protein_g, 1),
            "leucine_g": round(meal.leucine_g, 2),
            "leucine_estimated": meal.leucine_estimated,
            "at_target": meal_at_target(meal, profile, state.day_type),
            "entry_ids": [entry.id for entry in meal.entries],
        }

    return {
        "entry_id": coordinator.config_entry.entry_id,
        "name": coordinator.person_name,
        "language": language,
        "scale_entity": options.get(CONF_SCALE_ENTITY),
        "log_mode": options.get(CONF_LOG_MODE, LOG_MODE_ON_REMOVAL),
        "portion": _portion_view(state, view),
        # A shared scale: who else is weighing now, and portions waiting for someone.
        "scale": {
            "shared": state.scale.shared,
            "claimed": state.scale.claimed,
            "in_use_by": state.scale.held_by,
        },
        "pending": [
            {"id": pending.id, "time": _iso(pending.time), "grams": pending.grams}
            for pending in reversed(state.scale.pending)
        ],
        "selected_food": chip(record.selected_food_id),
        "chips": {
            "predicted": predicted,
            "favorites": [view(food) for food in record.favorite_foods[:CHIPS]],
            "recent": recent,
        },
        "saved_meals": [
            {
                "id": meal.id,
                "name": meal.name,
                "items": [
                    {"name": food.name_in(language), "grams": item.grams}
                    for item in meal.items
                    if (food := foods.get(item.food_id)) is not None
                ],
            }
            for meal in record.saved_meals
        ],
        "entries": [named(entry) for entry in entries],
        "meals": [
            meal_view(meal)
            for meal in group_meals(entries, timedelta(minutes=profile.meal_merge_min))
        ],
        "totals": {
            "protein_g": round(state.today.protein_g, 1),
            "leucine_g": round(state.today.leucine_g, 2),
            "leucine_estimated": state.today.leucine_estimated,
        },
        "targets": {
            "leucine_per_meal_g": leucine_target(profile),  # at most 3 g
            "protein_per_day_g": profile.protein_target_g,
            "meals_per_day": planned_meals(profile, state.day_type),
        },
        "meals_at_target": state.meals_at_target_today,
        "week": None if state.week is None else state.week.as_dict(),
        "day_type": state.day_type.value,
        "fasting": {
            "fasting": state.fasting,
            "since": _iso(state.fasting_since),
            "hours": state.fasting_hours,
            "goal_h": profile.fast_goal_h,
            "goal_end": _iso(state.fast_goal_end),
            "goal_reached": state.fast_goal_reached,
        },
        "next_meal": {
            "time": _iso(suggestion.time),
            "reason": suggestion.reason.value,
            "reason_text": _text(texts, "reason", suggestion.reason),
            "evidence": suggestion.evidence.value,
            "evidence_text": _text(texts, "evidence", suggestion.evidence),
            "target_evidence": suggestion.target_evidence.value,
            "target_evidence_text": _text(
                texts, "evidence", suggestion.target_evidence
            ),
            **advice_numbers(suggestion),
            "day": None if suggestion.day is None else suggestion.day.isoformat(),
            "window_closes": _iso(suggestion.window_closes),
            "leucine_estimated": suggestion.estimated,
        },
    }


def _text(texts: dict[str, dict[str, str]], kind: str, code: str) -> str:
    """Return the translated text of a reason or evidence code (the code if untranslated)."""
    return texts.get(kind, {}).get(code, code)


def _portion_view(
    state: PersonState, view: Callable[[Food], dict[str, Any]]
) -> dict[str, Any] | None:
    """Return the person's portion on the scale, or one nobody has claimed yet.

    An unclaimed portion (`"unclaimed": true`) is shown to everyone on the scale; the
    first to log it (one tap on a food) claims it.
    """
    portion = state.portion
    if portion is not None:
        return {
            "grams": portion.grams,
            "food": None if portion.food is None else view(portion.food),
            "protein_g": portion.protein_g,
            "leucine_g": portion.leucine_g,
            "leucine_estimated": portion.leucine_estimated,
            "unclaimed": False,
            "scale_g": state.scale.reading_g,
        }
    if (grams := state.scale.unclaimed_g) is not None:
        return {
            "grams": grams,
            "food": None,
            "protein_g": None,
            "leucine_g": None,
            "leucine_estimated": False,
            "unclaimed": True,
            "scale_g": state.scale.reading_g,
        }
    return None
