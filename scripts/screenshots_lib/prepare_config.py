"""Prepare a throw-away Home Assistant config folder for scripts/screenshots.

Like scripts/develop does for config/: with Home Assistant's own auth, onboarding and HTTP
config code, it creates the demo owner login, marks onboarding done and stores a confirmed
HTTP config that listens on the loopback address only.

    .venv/bin/python scripts/screenshots_lib/prepare_config.py CONFIG_DIR HOST PORT USER PASSWORD
"""

from __future__ import annotations

import asyncio
import sys

from homeassistant import runner
from homeassistant.auth import auth_manager_from_config
from homeassistant.auth.const import GROUP_ID_ADMIN
from homeassistant.components.http.config import HTTPConfigStore
from homeassistant.components.onboarding import (
    STORAGE_KEY,
    STORAGE_VERSION,
    OnboardingStorage,
)
from homeassistant.components.onboarding.const import STEPS
from homeassistant.config_entries import ConfigEntries
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er


async def prepare(
    config_dir: str, host: str, port: int, username: str, password: str
) -> None:
    """Write the demo owner, onboarding and HTTP config into `config_dir`/.storage."""
    # The same setup as `hass --script auth` (homeassistant/scripts/auth.py).
    hass = HomeAssistant(config_dir)
    hass.config_entries = ConfigEntries(hass, {})
    await hass.config_entries.async_initialize()
    dr.async_setup(hass)
    await asyncio.gather(dr.async_load(hass), er.async_load(hass))
    hass.auth = await auth_manager_from_config(hass, [{"type": "homeassistant"}], [])
    provider = hass.auth.auth_providers[0]
    await provider.async_initialize()

    # The first user that is not a system user becomes the owner, as in onboarding.
    await provider.async_add_auth(username, password)  # type: ignore[attr-defined]
    credentials = await provider.async_get_or_create_credentials({"username": username})
    user = await hass.auth.async_create_user("Demo", group_ids=[GROUP_ID_ADMIN])
    await hass.auth.async_link_user(user, credentials)

    onboarding = OnboardingStorage(hass, STORAGE_VERSION, STORAGE_KEY, private=True)
    await onboarding.async_save({"done": list(STEPS)})

    http = HTTPConfigStore(hass)
    await http.async_migrate_yaml({"server_host": [host], "server_port": port})
    if http.pending is not None:
        await http.async_promote_pending()

    # A forced stop runs the final write stage, which saves the delayed auth writes.
    await hass.async_stop(force=True)


def main() -> None:
    """Run `prepare` with the command line arguments."""
    config_dir, host, port, username, password = sys.argv[1:6]
    asyncio.run(
        prepare(config_dir, host, int(port), username, password),
        loop_factory=runner.create_event_loop,
    )


if __name__ == "__main__":
    main()
