"""The bundled food table, loaded once and shared by every person."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from homeassistant.core import HassJob, HomeAssistant, callback
from homeassistant.helpers.event import async_call_later
from homeassistant.helpers.start import async_at_started
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..core.foods import FoodTable

FOOD_TABLE_PATH = Path(__file__).parent.parent / "data" / "foods.csv"
FOOD_TABLE: HassKey[FoodTable] = HassKey(f"{DOMAIN}_food_table")
INDEX_LOCK: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_food_index_lock")
INDEX_DELAY = timedelta(seconds=5)


async def async_get_food_table(hass: HomeAssistant) -> FoodTable:
    """Return the bundled food table, loading it once (off the event loop).

    Its search index (about 0.1 s to build) is built a few seconds after Home Assistant has
    started: built beside a set-up, in a thread, it would slow the set-up down (they share
    one GIL). A search before then builds it at once.
    """
    if (table := hass.data.get(FOOD_TABLE)) is None:
        loaded = await hass.async_add_executor_job(FoodTable.load, FOOD_TABLE_PATH)
        # Two people set up at once may both load it; the first one kept is shared.
        if (table := hass.data.setdefault(FOOD_TABLE, loaded)) is loaded:

            @callback
            def build(_now: datetime) -> None:
                hass.async_create_background_task(
                    async_food_index(hass, loaded), f"{DOMAIN}_food_index"
                )

            @callback
            def started(_hass: HomeAssistant) -> None:
                async_call_later(
                    hass, INDEX_DELAY, HassJob(build, cancel_on_shutdown=True)
                )

            async_at_started(hass, started)
    return table


async def async_food_index(hass: HomeAssistant, table: FoodTable) -> None:
    """Build the table's search index if it is not built yet (once, off the event loop).

    Everything that searches or resolves food names awaits this first.
    """
    if table.indexed:
        return
    lock = hass.data.setdefault(INDEX_LOCK, asyncio.Lock())
    async with lock:
        if not table.indexed:
            await hass.async_add_executor_job(table.build_index)
