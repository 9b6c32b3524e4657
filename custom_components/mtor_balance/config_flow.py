"""The config flow: add a person (`person/config_flow.py`) or a Bluetooth scale (`scale/config_flow.py`).

A person's options and renaming (reconfigure) are theirs; a scale has neither.
"""

from __future__ import annotations

from typing import Any, override

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.core import callback

from . import kind_of
from .const import DOMAIN
from .kinds import MtorBalanceConfigEntry
from .person.config_flow import PersonFlow, PersonOptionsFlow
from .scale.config_flow import ScaleFlow


class MtorBalanceConfigFlow(PersonFlow, ScaleFlow, domain=DOMAIN):
    """Add a person (who they are, then their goals) or a Bluetooth scale."""

    VERSION = 1
    MINOR_VERSION = 1

    @staticmethod
    @callback
    @override
    def async_get_options_flow(
        config_entry: MtorBalanceConfigEntry,
    ) -> PersonOptionsFlow:
        """Return a person's options flow (only people have options)."""
        return PersonOptionsFlow()

    @classmethod
    @callback
    @override
    def async_supports_options_flow(cls, config_entry: MtorBalanceConfigEntry) -> bool:
        """Only people have options."""
        return kind_of(config_entry).has_options

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask whether to add a person or a scale."""
        return self.async_show_menu(step_id="user", menu_options=["person", "scale"])

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename the person (a scale has nothing to change)."""
        if not kind_of(self._get_reconfigure_entry()).reconfigurable:
            return self.async_abort(reason="scale_not_reconfigurable")
        return await self.async_rename_person(user_input)
