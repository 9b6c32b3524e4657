"""Adding a native Bluetooth kitchen scale: discovered by Home Assistant, or picked from those it hears.

The steps are a part of the integration's one config flow (`config_flow.py`). A scale has no
options and cannot be reconfigured: the address is its identity.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components import bluetooth
from homeassistant.config_entries import SOURCE_IGNORE, ConfigFlow, ConfigFlowResult
from homeassistant.helpers.device_registry import format_mac
from homeassistant.helpers.selector import (
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import probatio

from ..const import CONF_KIND, KIND_SCALE
from ..scales import bookoo
from ..scales.reading import ScaleProtocol
from ..scales.registry import match_protocol
from .const import CONF_ADDRESS, CONF_PROTOCOL, CORE_BOOKOO_DOMAIN


class ScaleFlow(ConfigFlow):
    """The config flow's steps for a scale (mixed into the integration's flow)."""

    # The discovered scale (address, name, protocol), set by async_step_bluetooth.
    _scale: tuple[str, str, ScaleProtocol]
    # The scales heard in the user step, by address.
    _discovered: dict[str, tuple[str, ScaleProtocol]]

    async def async_step_scale(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick one of the supported scales Home Assistant hears now."""
        if user_input is not None:
            address = user_input[CONF_ADDRESS]
            name, protocol = self._discovered[address]
            await self.async_set_unique_id(address, raise_on_progress=False)
            self._abort_if_unique_id_configured()
            return self._create_scale_entry(address, name, protocol)
        self._discovered = {}
        configured = self._async_current_ids(include_ignore=False)
        for info in bluetooth.async_discovered_service_info(
            self.hass, connectable=True
        ):
            found = match_protocol(info.name, info.service_uuids)
            if (
                found is not None
                and info.address not in configured
                and not self._handled_by_core(info.address, found)
            ):
                self._discovered[info.address] = (info.name, found)
        if not self._discovered:
            return self.async_abort(reason="no_devices_found")
        options = [
            SelectOptionDict(
                value=address, label=f"{name} ({protocol.model}, {address})"
            )
            for address, (name, protocol) in self._discovered.items()
        ]
        return self.async_show_form(
            step_id="scale",
            data_schema=probatio.Schema(
                {
                    probatio.Required(CONF_ADDRESS): SelectSelector(
                        SelectSelectorConfig(
                            options=options, mode=SelectSelectorMode.DROPDOWN
                        )
                    )
                }
            ),
        )

    async def async_step_bluetooth(
        self, discovery_info: bluetooth.BluetoothServiceInfoBleak
    ) -> ConfigFlowResult:
        """Offer a scale Home Assistant discovered."""
        address = discovery_info.address
        protocol = match_protocol(discovery_info.name, discovery_info.service_uuids)
        if protocol is None:
            return self.async_abort(reason="not_supported")
        await self.async_set_unique_id(address)
        self._abort_if_unique_id_configured()
        if self._handled_by_core(address, protocol):
            return self.async_abort(reason="already_handled_by_core")
        self._scale = (address, discovery_info.name, protocol)
        self.context["title_placeholders"] = {"name": discovery_info.name}
        return await self.async_step_bluetooth_confirm()

    async def async_step_bluetooth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm adding the discovered scale."""
        address, name, protocol = self._scale
        if user_input is not None:
            return self._create_scale_entry(address, name, protocol)
        self._set_confirm_only()
        return self.async_show_form(
            step_id="bluetooth_confirm",
            description_placeholders={
                "name": name,
                "model": f"{protocol.manufacturer} {protocol.model}",
            },
        )

    def _create_scale_entry(
        self, address: str, name: str, protocol: ScaleProtocol
    ) -> ConfigFlowResult:
        return self.async_create_entry(
            title=name,
            data={
                CONF_KIND: KIND_SCALE,
                CONF_ADDRESS: address,
                CONF_PROTOCOL: protocol.key,
            },
        )

    def _handled_by_core(self, address: str, protocol: ScaleProtocol) -> bool:
        """Return whether core's bookoo integration already has this Bookoo scale."""
        if protocol.key != bookoo.PROTOCOL.key:
            return False
        mac = format_mac(address)
        return any(
            entry.source != SOURCE_IGNORE
            and mac in {entry.unique_id, format_mac(str(entry.data.get(CONF_ADDRESS)))}
            for entry in self.hass.config_entries.async_entries(CORE_BOOKOO_DOMAIN)
        )
