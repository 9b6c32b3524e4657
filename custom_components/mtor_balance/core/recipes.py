"""Recipes: a dish cooked from weighed ingredients, as a food per 100 g of the cooked dish.

Pure. Ingredients are weighed raw (or as they go in), the pot is weighed when cooked; the
dish's nutrients per 100 g are the ingredients' sums over the cooked weight, so water lost
or taken up in cooking is accounted for. Leucine is estimated if any ingredient's is.
"""

from __future__ import annotations

from collections.abc import Sequence
import re

from .categories import Category
from .model import Food, Ingredient, Recipe


class RecipeError(ValueError):
    """A recipe without ingredients or without a cooked weight."""


class PartsError(ValueError):
    """A line of a typed list of foods could not be read (`line` counts from 1)."""

    def __init__(self, line: int, text: str) -> None:
        """Say which line."""
        super().__init__(f"line {line}: {text!r}")
        self.line = line
        self.text = text


# "200 g keso", "200g keso", "keso 200 g", "keso, 200", "2,5 g leucine".
_AMOUNT = r"(\d+(?:[.,]\d+)?)\s*(?:g|gram|grams|gr)?\.?"
_AMOUNT_FIRST = re.compile(rf"^{_AMOUNT}\s+(?:of\s+|av\s+)?(.+)$", re.IGNORECASE)
_AMOUNT_LAST = re.compile(rf"^(.+?)[\s,:;]+{_AMOUNT}$", re.IGNORECASE)


def parse_parts(text: str) -> list[tuple[str, float]]:
    """Return (food name, grams) for each non-empty line of `text`.

    Raises PartsError for a line without a name and an amount in grams.
    """
    parts: list[tuple[str, float]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().strip("-*•").strip()
        if not line:
            continue
        if match := _AMOUNT_FIRST.match(line):
            grams, name = match.group(1), match.group(2)
        elif match := _AMOUNT_LAST.match(line):
            name, grams = match.group(1), match.group(2)
        else:
            raise PartsError(number, line)
        parts.append((name.strip(" ,;:"), float(grams.replace(",", "."))))
    return parts


def cooked_food(
    food_id: str,
    *,
    name: str,
    name_sv: str,
    category: Category,
    parts: Sequence[tuple[Food, float]],
    cooked_g: float,
) -> Food:
    """Return the dish made of `parts` (food, grams) weighing `cooked_g` when cooked."""
    if not parts or any(grams <= 0 for _, grams in parts):
        raise RecipeError("a recipe needs ingredients, each with a weight")
    if cooked_g <= 0:
        raise RecipeError("a recipe needs its cooked weight")
    per_100g = 100.0 / cooked_g
    portions = [food.portion(grams) for food, grams in parts]
    return Food(
        id=food_id,
        name=name,
        name_sv=name_sv,
        category=category,
        protein_g=round(sum(p.protein_g for p in portions) * per_100g, 3),
        leucine_g=round(sum(p.leucine_g for p in portions) * per_100g, 4),
        kcal=round(sum(p.kcal for p in portions) * per_100g, 1),
        leucine_estimated=any(p.leucine_estimated for p in portions),
        recipe=Recipe(
            tuple(Ingredient(food.id, grams) for food, grams in parts), cooked_g
        ),
    )
