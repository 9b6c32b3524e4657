"""Recipes and saved meals: the actions, and what the options flow and the card share.

A recipe is an own food cooked from weighed ingredients (`core.recipes`), weighed like any
food; its cooked weight is typed in or is what stands on the person's scale (the pot). A
saved meal is foods and grams logged together in one action or one tap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.util import slugify
import probatio

from ..const import DOMAIN
from ..core.categories import Category
from ..core.entries import entry_as_dict
from ..core.model import Food, Ingredient, SavedMeal
from ..core.recipes import cooked_food
from .action_fields import (
    MAX_GRAMS,
    PERSON_FIELD,
    TEXT,
    TIME,
    TranslatedSchema,
    amount,
    async_food,
    coordinator_of,
    food_response,
    when_of,
)
from .const import (
    ATTR_CATEGORY,
    ATTR_FOOD,
    ATTR_GRAMS,
    ATTR_NAME,
    ATTR_TIME,
    OWN_FOOD_PREFIX,
)
from .coordinator import PersonCoordinator

ATTR_NAME_SV = "name_sv"
ATTR_INGREDIENTS = "ingredients"
ATTR_COOKED_GRAMS = "cooked_grams"
ATTR_ITEMS = "items"
ATTR_MEAL = "meal"
MAX_PARTS = 30
SAVED_MEAL_PREFIX = "meal_"

_PART = TranslatedSchema(
    {
        probatio.Required(ATTR_FOOD): TEXT,
        probatio.Required(ATTR_GRAMS): amount(MAX_GRAMS),
    }
)
_PARTS = probatio.All(cv.ensure_list, probatio.Length(min=1, max=MAX_PARTS), [_PART])
_CATEGORY = probatio.In([category.value for category in Category])

SAVE_RECIPE_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_NAME): TEXT,
        probatio.Optional(ATTR_NAME_SV): TEXT,
        probatio.Optional(ATTR_CATEGORY, default=Category.OTHER.value): _CATEGORY,
        probatio.Required(ATTR_INGREDIENTS): _PARTS,
        probatio.Optional(ATTR_COOKED_GRAMS): amount(MAX_GRAMS * 4),
    }
)
SAVE_MEAL_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_NAME): TEXT,
        probatio.Required(ATTR_ITEMS): _PARTS,
    }
)
LOG_MEAL_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_MEAL): TEXT,
        probatio.Optional(ATTR_TIME): TIME,
    }
)
DELETE_MEAL_SCHEMA = TranslatedSchema(
    {**PERSON_FIELD, probatio.Required(ATTR_MEAL): TEXT}
)


async def async_parts(
    coordinator: PersonCoordinator, rows: Sequence[Mapping[str, Any]]
) -> list[tuple[Food, float]]:
    """Return the foods and grams named by rows of {food, grams} (names or ids)."""
    return [
        (await async_food(coordinator, str(row[ATTR_FOOD])), float(row[ATTR_GRAMS]))
        for row in rows
    ]


def cooked_weight(coordinator: PersonCoordinator, typed: float | None) -> float:
    """Return the cooked weight typed in, or the pot standing on the person's scale.

    A pot weighed for its recipe is no portion: it is not logged or kept when taken off.
    """
    if typed is not None:
        return typed
    on_scale = None
    if coordinator.scale is not None:
        on_scale = coordinator.scale.async_take_weight(coordinator)
    if on_scale is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_cooked_weight"
        )
    return on_scale


def recipe_food(
    name: str,
    name_sv: str | None,
    category: Category,
    parts: Sequence[tuple[Food, float]],
    cooked_g: float,
) -> Food:
    """Return the own food of a recipe (saving one of the same name replaces it)."""
    return cooked_food(
        f"{OWN_FOOD_PREFIX}{slugify(name)}",
        name=name,
        name_sv=name_sv or name,
        category=category,
        parts=parts,
        cooked_g=cooked_g,
    )


def saved_meal(name: str, parts: Sequence[tuple[Food, float]]) -> SavedMeal:
    """Return the saved meal of these foods (saving one of the same name replaces it)."""
    return SavedMeal(
        f"{SAVED_MEAL_PREFIX}{slugify(name)}",
        name,
        tuple(Ingredient(food.id, grams) for food, grams in parts),
    )


def find_meal(coordinator: PersonCoordinator, text: str) -> SavedMeal:
    """Return the saved meal named (or with the id) `text`, case-insensitively."""
    wanted = text.strip().casefold()
    for meal in coordinator.record.saved_meals:
        if wanted in (meal.id.casefold(), meal.name.casefold()):
            return meal
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="unknown_meal",
        translation_placeholders={
            "meal": text,
            "meals": "; ".join(m.name for m in coordinator.record.saved_meals) or "-",
        },
    )


def meal_parts(
    coordinator: PersonCoordinator, meal: SavedMeal
) -> list[tuple[Food, float]]:
    """Return a saved meal's foods; one that was removed since is said, not skipped."""
    parts = []
    for item in meal.items:
        if (food := coordinator.record.foods.get(item.food_id)) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="unknown_food",
                translation_placeholders={"food": item.food_id},
            )
        parts.append((food, item.grams))
    return parts


def meal_response(meal: SavedMeal, coordinator: PersonCoordinator) -> dict[str, Any]:
    """Return a saved meal as response data (names in the person's language)."""
    foods = coordinator.record.foods
    return {
        "id": meal.id,
        "name": meal.name,
        "items": [
            {
                "food": item.food_id,
                "name": None
                if (food := foods.get(item.food_id)) is None
                else food.name_in(coordinator.language),
                "grams": item.grams,
            }
            for item in meal.items
        ],
    }


async def _async_save_recipe(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    parts = await async_parts(coordinator, call.data[ATTR_INGREDIENTS])
    food = recipe_food(
        call.data[ATTR_NAME],
        call.data.get(ATTR_NAME_SV),
        Category(call.data[ATTR_CATEGORY]),
        parts,
        cooked_weight(coordinator, call.data.get(ATTR_COOKED_GRAMS)),
    )
    await coordinator.async_change_record(lambda record: record.save_own_food(food))
    assert food.recipe is not None  # noqa: S101 - cooked_food always sets it
    return {
        **food_response(food, coordinator.language),
        "cooked_grams": food.recipe.cooked_g,
    }


async def _async_save_meal(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    meal = saved_meal(
        call.data[ATTR_NAME], await async_parts(coordinator, call.data[ATTR_ITEMS])
    )
    await coordinator.async_change_record(lambda record: record.save_meal(meal))
    return meal_response(meal, coordinator)


async def _async_log_meal(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    meal = find_meal(coordinator, call.data[ATTR_MEAL])
    entries = await coordinator.async_log_foods(
        meal_parts(coordinator, meal), when_of(call)
    )
    return {"meal": meal.name, "entries": [entry_as_dict(entry) for entry in entries]}


async def _async_delete_meal(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    meal = find_meal(coordinator, call.data[ATTR_MEAL])
    await coordinator.async_change_record(
        lambda record: record.remove_saved_meal(meal.id)
    )
    return meal_response(meal, coordinator)


MEAL_ACTIONS = (
    (
        "save_recipe",
        SAVE_RECIPE_SCHEMA,
        _async_save_recipe,
        SupportsResponse.OPTIONAL,
        False,
    ),
    ("save_meal", SAVE_MEAL_SCHEMA, _async_save_meal, SupportsResponse.OPTIONAL, False),
    ("log_meal", LOG_MEAL_SCHEMA, _async_log_meal, SupportsResponse.OPTIONAL, False),
    (
        "delete_meal",
        DELETE_MEAL_SCHEMA,
        _async_delete_meal,
        SupportsResponse.OPTIONAL,
        False,
    ),
)
