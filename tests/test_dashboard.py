"""The example dashboard: pasted as it is, it works for a person named Anna."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util.yaml import load_yaml_dict

from .common import async_add_person

DASHBOARD = Path(__file__).parents[1] / "dashboards" / "mtor_balance.yaml"


def _entities(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "entity" and isinstance(value, str):
                yield value
            elif key == "entities" and isinstance(value, list):
                for item in value:
                    yield item if isinstance(item, str) else item["entity"]
            else:
                yield from _entities(value)
    elif isinstance(node, list):
        for item in node:
            yield from _entities(item)


def test_it_has_no_comments_the_raw_editor_would_warn_about() -> None:
    # Home Assistant's raw configuration editor asks before saving YAML with comments.
    text = DASHBOARD.read_text(encoding="utf-8")
    assert not [line for line in text.splitlines() if line.lstrip().startswith("#")]


async def test_every_entity_it_shows_exists_for_anna(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-02 07:00:00+00:00")
    await async_add_person(hass, "Anna")
    config = load_yaml_dict(DASHBOARD)
    shown = sorted(set(_entities(config)))
    assert shown
    assert [entity for entity in shown if hass.states.get(entity) is None] == []
    cards = [card["type"] for card in _cards(config)]
    assert "custom:mtor-balance-card" in cards
    assert "gauge" not in cards  # meals at target are "x of N" in the card
    # A statistics graph shows only the statistics its entities have: daily totals have a
    # sum (the day's intake is its change), measurements a mean, min and max.
    for card in _cards(config):
        if card["type"] != "statistics-graph":
            continue
        for entity in _entities(card):
            kinds = {"total": {"change", "state", "sum"}}.get(
                hass.states.get(entity).attributes.get("state_class"),
                {"mean", "min", "max"},
            )
            assert set(card["stat_types"]) <= kinds, (entity, card["stat_types"])


def _cards(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "type" in node and isinstance(node["type"], str) and "cards" not in node:
            yield node
        for value in node.values():
            yield from _cards(value)
    elif isinstance(node, list):
        for item in node:
            yield from _cards(item)
