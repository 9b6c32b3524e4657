"""Constants of a native Bluetooth scale's config entry."""

from typing import Final

# Config entry data of a scale (its Bluetooth address and the ScaleProtocol key).
CONF_ADDRESS: Final = "address"
CONF_PROTOCOL: Final = "protocol"

# Home Assistant core's own integration for Bookoo scales; a scale configured there is left to it.
CORE_BOOKOO_DOMAIN: Final = "bookoo"
