"""Diagnostics of a Bluetooth scale: its protocol and connection (its address is not personal)."""

from __future__ import annotations

from typing import Any

from .coordinator import ScaleCoordinator


def scale_diagnostics(coordinator: ScaleCoordinator) -> dict[str, Any]:
    """Return the scale's protocol, connection state and latest reading."""
    connection = coordinator.connection
    reading = connection.last_reading
    return {
        "entry": {"data": dict(coordinator.config_entry.data)},
        "protocol": coordinator.protocol.key,
        "available": connection.available,
        "supports_tare": connection.supports_tare,
        "battery": connection.battery,
        "last_reading": None
        if reading is None
        else {"grams": reading.grams, "stable": reading.stable},
    }
