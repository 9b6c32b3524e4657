"""Serve the kitchen card (`www/mtor-balance-card.js`, built from `frontend/`) and load it.

The card is registered as a frontend module when the integration sets up, so HACS users
install nothing else; adding `/mtor_balance/mtor-balance-card.js` as a dashboard resource by
hand also works. The URL carries a hash of the file, so a new version is never served stale.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN

CARD_FILE = Path(__file__).parent / "www" / "mtor-balance-card.js"
CARD_URL = f"/{DOMAIN}/mtor-balance-card.js"


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and add it to every dashboard (where the frontend runs)."""
    if "http" not in hass.config.components:  # no web server: nobody to serve
        return
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    if "frontend" in hass.config.components:
        version = await hass.async_add_executor_job(_file_hash, CARD_FILE)
        add_extra_js_url(hass, f"{CARD_URL}?v={version}")
