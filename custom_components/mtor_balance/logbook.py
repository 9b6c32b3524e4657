"""Logbook entries that say what happened: "Erik logged 150 g Cottage cheese (1.7 g leucine)".

The person's coordinator fires `mtor_balance_meal` once an entry is logged or removed and on
disk; this describes it in Home Assistant's language (the texts are the translations'
`common` strings).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.components.logbook import (
    LOGBOOK_ENTRY_ENTITY_ID,
    LOGBOOK_ENTRY_MESSAGE,
    LOGBOOK_ENTRY_NAME,
    LazyEventPartialState,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import async_get_cached_translations

from .const import DOMAIN, EVENT_MEAL


def _number(value: float, language: str) -> str:
    text = f"{value:.1f}".removesuffix(".0") if value >= 1 else f"{value:.2f}"
    return text.replace(".", ",") if language == "sv" else text


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[
        [str, str, Callable[[LazyEventPartialState], dict[str, Any]]], None
    ],
) -> None:
    """Describe the Meal events of people."""

    @callback
    def describe(event: LazyEventPartialState) -> dict[str, Any]:
        data = event.data
        language = "sv" if hass.config.language.startswith("sv") else "en"
        texts = async_get_cached_translations(hass, language, "common", DOMAIN)
        kind = f"{data['type']}{'_grams' if data.get('grams') else ''}"
        if kind == "logged_grams" and data.get("source") == "photo":
            kind = "logged_photo_grams"  # identified from a photo (person/photo.py)
        template = texts.get(
            f"component.{DOMAIN}.common.logbook_{kind}", "{food} ({leucine} g leucine)"
        )
        message = template.format(
            food=data["name"],
            grams=_number(float(data.get("grams") or 0), language),
            leucine=_number(float(data["leucine_g"]), language),
        )
        return {
            LOGBOOK_ENTRY_NAME: data["person"],
            LOGBOOK_ENTRY_MESSAGE: message,
            LOGBOOK_ENTRY_ENTITY_ID: data.get("entity_id"),
        }

    async_describe_event(DOMAIN, EVENT_MEAL, describe)
