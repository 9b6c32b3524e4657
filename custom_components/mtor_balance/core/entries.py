"""Making log entries from a food or from nutrients, and the one dictionary form of an entry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .categories import Category, estimate_leucine
from .model import KCAL_PER_G_PROTEIN, Entry, Food, Source


def food_entry(
    entry_id: str,
    food: Food,
    grams: float,
    *,
    when: datetime,
    source: Source,
    language: str,
) -> Entry:
    """Return the entry for `grams` of `food`, named in `language`."""
    nutrients = food.portion(grams)
    return Entry(
        id=entry_id,
        time=when,
        name=food.name_in(language),
        protein_g=round(nutrients.protein_g, 3),
        leucine_g=round(nutrients.leucine_g, 3),
        kcal=round(nutrients.kcal, 1),
        leucine_estimated=nutrients.leucine_estimated,
        source=source,
        food_id=food.id,
        grams=round(grams, 1),
    )


def nutrient_entry(
    entry_id: str,
    *,
    name: str,
    leucine_g: float | None,
    protein_g: float | None,
    category: Category,
    when: datetime,
    source: Source,
) -> Entry:
    """Return the entry for free nutrients (a supplement).

    Leucine is estimated from protein (and marked so) when it is not given; energy is that of
    the protein, or of the leucine if there is more of it (free amino acids).
    """
    protein = protein_g or 0.0
    leucine = (
        leucine_g if leucine_g is not None else estimate_leucine(protein, category)
    )
    return Entry(
        id=entry_id,
        time=when,
        name=name,
        protein_g=round(protein, 3),
        leucine_g=round(leucine, 3),
        kcal=round(KCAL_PER_G_PROTEIN * max(protein, leucine), 1),
        leucine_estimated=leucine_g is None,
        source=source,
    )


def entry_as_dict(entry: Entry) -> dict[str, Any]:
    """Return an entry as plain data (action responses, events, the websocket API)."""
    return {
        "entry_id": entry.id,
        "time": entry.time.isoformat(),
        "name": entry.name,
        "food": entry.food_id,
        "grams": entry.grams,
        "protein_g": entry.protein_g,
        "leucine_g": entry.leucine_g,
        "kcal": entry.kcal,
        "leucine_estimated": entry.leucine_estimated,
        "source": entry.source.value,
    }
