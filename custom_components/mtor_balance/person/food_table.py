"""The bundled food table, loaded once and shared by every person."""

from __future__ import annotations

from pathlib import Path

from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..core.foods import FoodTable

FOOD_TABLE_PATH = Path(__file__).parent.parent / "data" / "foods.csv"
FOOD_TABLE: HassKey[FoodTable] = HassKey(f"{DOMAIN}_food_table")


async def async_get_food_table(hass: HomeAssistant) -> FoodTable:
    """Return the bundled food table, loading it once (off the event loop)."""
    if (table := hass.data.get(FOOD_TABLE)) is None:
        loaded = await hass.async_add_executor_job(FoodTable.load, FOOD_TABLE_PATH)
        # Two people set up at once may both load it; the first one kept is shared.
        if (table := hass.data.setdefault(FOOD_TABLE, loaded)) is loaded:
            # The search index is only needed by actions; build it off the loop, after setup.
            hass.async_add_executor_job(table.build_index)
    return table
