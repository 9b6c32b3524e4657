"""Food categories and the share of their protein that is leucine.

Where a food's leucine is unknown (or implausible), leucine is estimated as protein times the
category's fraction and marked as estimated. Fractions: medians of analytical USDA SR28 values
for foods with at least 5 g protein per 100 g, cross-checked with the literature (whey: Hamarsland
2017; milk and egg: Gorissen 2018).
"""

from enum import StrEnum


class Category(StrEnum):
    """What kind of food something is, as far as its amino-acid profile goes."""

    WHEY = "whey"
    DAIRY = "dairy"
    EGG = "egg"
    RED_MEAT = "red_meat"
    POULTRY = "poultry"
    FISH = "fish"
    LEGUMES = "legumes"
    SOY = "soy"
    CEREALS = "cereals"
    NUTS = "nuts"
    VEGETABLES = "vegetables"
    OTHER = "other"


LEUCINE_FRACTION: dict[Category, float] = {
    Category.WHEY: 0.11,
    Category.DAIRY: 0.095,
    Category.EGG: 0.085,
    Category.RED_MEAT: 0.08,
    Category.POULTRY: 0.075,
    Category.FISH: 0.08,
    Category.LEGUMES: 0.075,
    Category.SOY: 0.08,
    Category.CEREALS: 0.075,
    Category.NUTS: 0.07,
    Category.VEGETABLES: 0.07,
    Category.OTHER: 0.08,
}

# Analytical leucine outside this share of protein is treated as a data error (nutrition.md §1c).
PLAUSIBLE_LEUCINE_FRACTION = (0.05, 0.13)


def estimate_leucine(protein_g: float, category: Category) -> float:
    """Return the leucine expected in `protein_g` grams of protein of this category."""
    return protein_g * LEUCINE_FRACTION[category]
