"""Serve the kitchen card (`www/mtor-balance-card.js`, built from `frontend/`) and load it.

The card is loaded as a Lovelace dashboard resource that the integration keeps up to date
(Lovelace in storage mode, the default), so HACS users install nothing else. It is not loaded
with `add_extra_js_url` there: Home Assistant's frontend imports such "extra modules" at the
same time as its own app bundle, and the app bundle replaces `window.customElements` with a
scoped custom element registry polyfill when it starts. A module that runs before that swap
defines its elements in the browser's native registry, which the dashboard no longer asks:
the card then shows as "Configuration error" until a reload (issue 19). Dashboard resources
are loaded by the Lovelace panel itself, after the swap, so they always define into the
registry the dashboard uses.

With resources in YAML mode the integration cannot add one, so the card falls back to an
extra module; the bundle then defines its elements again in the scoped registry once the app
has put it in place (see `frontend/src/mtor-balance-card.ts`).

The URL carries a hash of the file, so a new version is never served stale.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from homeassistant.components import lovelace
from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN

_LOGGER = logging.getLogger(__name__)

CARD_FILE = Path(__file__).parent / "www" / "mtor-balance-card.js"
CARD_URL = f"/{DOMAIN}/mtor-balance-card.js"
# hass.data: the last person's removal took the card's resource away (see below).
_UNREGISTERED = f"{DOMAIN}_card_unregistered"


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _is_ours(item: dict[str, Any]) -> bool:
    """Return whether a resource is the card (its URL, with or without a `?v=` hash)."""
    return str(item.get("url", "")).split("?", 1)[0] == CARD_URL


def _resources(
    hass: HomeAssistant,
) -> lovelace.resources.ResourceStorageCollection | None:
    """Lovelace's resource collection, when it keeps resources in storage (not YAML)."""
    data = hass.data.get(lovelace.LOVELACE_DATA)
    if data is None or not isinstance(
        data.resources, lovelace.resources.ResourceStorageCollection
    ):
        return None
    return data.resources


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and load it on every dashboard (where the frontend runs)."""
    if "http" not in hass.config.components:  # no web server: nobody to serve
        return
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    if "frontend" not in hass.config.components:
        return
    version = await hass.async_add_executor_job(_file_hash, CARD_FILE)
    url = f"{CARD_URL}?v={version}"
    resources = _resources(hass)
    if resources is None:
        _LOGGER.debug(
            "Lovelace resources are not in storage: loading %s as a module", url
        )
        add_extra_js_url(hass, url)
        return
    await async_set_card_resource(resources, url)


async def async_set_card_resource(
    resources: lovelace.resources.ResourceStorageCollection, url: str
) -> None:
    """Make `url` the one dashboard resource of the card: add or update it, drop the rest."""
    await resources.async_get_info()  # loads the collection from storage
    ours = [item for item in resources.async_items() if _is_ours(item)]
    keep = next((item for item in ours if item.get("url") == url), None)
    if keep is None and ours:
        keep = ours[0]
        await resources.async_update_item(
            keep["id"], {"res_type": "module", "url": url}
        )
    elif keep is None:
        await resources.async_create_item({"res_type": "module", "url": url})
    elif keep.get("type") != "module":
        await resources.async_update_item(keep["id"], {"res_type": "module"})
    for item in ours:
        if keep is None or item["id"] != keep["id"]:
            await resources.async_delete_item(item["id"])


async def async_unregister_card(hass: HomeAssistant) -> None:
    """Remove the card's dashboard resources (when the last person is removed)."""
    resources = _resources(hass)
    if resources is None:
        return
    await resources.async_get_info()
    for item in [item for item in resources.async_items() if _is_ours(item)]:
        await resources.async_delete_item(item["id"])
    hass.data[_UNREGISTERED] = True


async def async_reregister_card(hass: HomeAssistant) -> None:
    """Make the card a dashboard resource again if the last person's removal took it away.

    Called when a person is set up: a person added after the last one was removed (without
    a restart, so `async_register_card` does not run again) gets the card back.
    """
    if (
        not hass.data.pop(_UNREGISTERED, False)
        or (resources := _resources(hass)) is None
    ):
        return
    version = await hass.async_add_executor_job(_file_hash, CARD_FILE)
    await async_set_card_resource(resources, f"{CARD_URL}?v={version}")
