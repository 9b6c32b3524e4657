"""Constants of the whole integration: the domain, and the two kinds of config entry."""

import json
from pathlib import Path
from typing import Final

DOMAIN: Final = "mtor_balance"
# The integration's version is written once, in manifest.json (what Home Assistant and the
# Marketplace read); the person's device (sw_version) and the Open Food Facts user agent
# take it from there. Read at import, which Home Assistant does in its executor.
VERSION: Final[str] = str(
    json.loads((Path(__file__).parent / "manifest.json").read_text(encoding="utf-8"))[
        "version"
    ]
)

# Config entry data: what the entry is (a person or a Bluetooth scale; entries made before
# scales existed have no kind and are people). Read in one place: kinds.entry_kind.
CONF_KIND: Final = "kind"
KIND_PERSON: Final = "person"
KIND_SCALE: Final = "scale"

# Fired on the bus when a person's entry is logged or removed, once it is on disk (the
# logbook describes it; automations may trigger on it).
EVENT_MEAL: Final = "mtor_balance_meal"
