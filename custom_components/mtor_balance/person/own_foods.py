"""A person's own foods: typed in from a label, or looked up by barcode on Open Food Facts.

Shared by the options flow and the actions, so both make foods and report lookup problems
the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.util import slugify
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..core.barcode import InvalidBarcodeError, normalize_barcode
from ..core.categories import Category, estimate_leucine
from ..core.model import KCAL_PER_G_PROTEIN, Food
from ..core.openfoodfacts_product import (
    NoProteinError,
    OpenFoodFactsError,
    ProductNotFoundError,
    RateLimitedError,
)
from ..core.validation import NumberRange
from .const import (
    ATTR_CATEGORY,
    ATTR_KCAL,
    ATTR_LEUCINE,
    ATTR_NAME,
    ATTR_PROTEIN,
    OWN_FOOD_PREFIX,
)
from .openfoodfacts_client import OpenFoodFactsClient

# What a label may say, per 100 g (energy: pure fat is 900 kcal).
OWN_FOOD_RANGES: dict[str, NumberRange] = {
    ATTR_PROTEIN: NumberRange(0, 100, "g"),
    ATTR_LEUCINE: NumberRange(0, 100, "g"),
    ATTR_KCAL: NumberRange(0, 900, "kcal"),
}
MAX_FOOD_NAME = 100

OFF_CLIENT: HassKey[OpenFoodFactsClient] = HassKey(f"{DOMAIN}_openfoodfacts")


def own_food(values: Mapping[str, Any], food_id: str | None = None) -> Food:
    """Return the food described by label values (per 100 g)."""
    name = str(values[ATTR_NAME]).strip()
    category = Category(values.get(ATTR_CATEGORY, Category.OTHER))
    protein = float(values[ATTR_PROTEIN])
    leucine = values.get(ATTR_LEUCINE)
    # Without a label value, energy from protein alone decides whether it breaks a fast.
    kcal = values.get(ATTR_KCAL)
    return Food(
        id=food_id or f"{OWN_FOOD_PREFIX}{slugify(name)}",
        name=name,
        name_sv=name,
        category=category,
        protein_g=protein,
        leucine_g=estimate_leucine(protein, category)
        if leucine is None
        else float(leucine),
        kcal=KCAL_PER_G_PROTEIN * protein if kcal is None else float(kcal),
        leucine_estimated=leucine is None,
    )


async def async_lookup_barcode(
    hass: HomeAssistant, barcode: str, category: Category | None
) -> Food:
    """Look a barcode up on Open Food Facts (once per barcode; see OpenFoodFactsClient)."""
    code = normalize_barcode(barcode)
    if (client := hass.data.get(OFF_CLIENT)) is None:
        client = hass.data.setdefault(
            OFF_CLIENT, OpenFoodFactsClient(async_get_clientsession(hass))
        )
    return await client.async_lookup(code, category)


def barcode_error_key(err: OpenFoodFactsError | InvalidBarcodeError) -> str:
    """Return the translation key that explains a failed barcode lookup."""
    if isinstance(err, InvalidBarcodeError):
        return "invalid_barcode"
    if isinstance(err, ProductNotFoundError):
        return "product_not_found"
    if isinstance(err, NoProteinError):
        return "no_protein"
    if isinstance(err, RateLimitedError):
        return "rate_limited"
    return "lookup_failed"
