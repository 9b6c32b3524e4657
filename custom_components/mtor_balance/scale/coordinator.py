"""One native Bluetooth kitchen scale: its connection and its latest reading.

A scale config entry owns a `ScaleConnection`. Readings are pushed to the entities as the
coordinator's data; a lost or regained connection only tells the entities to look at
`available` again. Nothing polls: `update_interval` is None.
"""

from __future__ import annotations

import logging
from typing import override

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator

from ..kinds import MtorBalanceConfigEntry
from ..scales.reading import Reading, ScaleProtocol
from .connection import ScaleConnection
from .const import CONF_ADDRESS

_LOGGER = logging.getLogger(__name__)


class ScaleCoordinator(DataUpdateCoordinator[Reading | None]):
    """Hand a scale's readings and availability to its entities."""

    config_entry: MtorBalanceConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: MtorBalanceConfigEntry,
        protocol: ScaleProtocol,
    ) -> None:
        """Prepare the connection; nothing connects until `async_start`."""
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=entry.title,
            update_interval=None,
        )
        self.protocol = protocol
        self.address: str = entry.data[CONF_ADDRESS]
        self.connection = ScaleConnection(
            hass,
            self.address,
            protocol,
            name=entry.title,
            on_reading=self._async_on_reading,
            on_availability=self._async_on_availability,
            entry=entry,
        )

    @property
    def available(self) -> bool:
        """Return whether the scale is connected and streaming."""
        return self.connection.available

    async def async_start(self) -> None:
        """Follow the scale's advertisements; connect whenever it is on."""
        await self.connection.async_start()

    @override
    async def async_shutdown(self) -> None:
        """Disconnect from the scale when the entry unloads."""
        await super().async_shutdown()
        await self.connection.async_stop()

    @override
    async def _async_update_data(self) -> Reading | None:
        """Return the latest reading (a manual refresh asks the scale for nothing)."""
        return self.connection.last_reading

    @callback
    def _async_on_reading(self, reading: Reading) -> None:
        self.async_set_updated_data(reading)

    @callback
    def _async_on_availability(self, available: bool) -> None:  # noqa: FBT001
        # The entities read `available`; they only need to write their state again.
        self.async_update_listeners()
