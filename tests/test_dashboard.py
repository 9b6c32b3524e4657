"""The example dashboard works for a person named Anna; the card is a dashboard resource."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util.yaml import load_yaml_dict

from custom_components.mtor_balance import card as mtor_card

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


async def test_the_card_is_one_dashboard_resource_kept_up_to_date(
    hass: HomeAssistant,
) -> None:
    # Lovelace in storage mode (the default): the card is a resource the frontend's own
    # dashboard loader imports (after its scoped custom element registry is in place).
    assert await async_setup_component(hass, "lovelace", {})
    resources = mtor_card._resources(hass)
    assert resources is not None
    await resources.async_create_item({"res_type": "js", "url": "/local/other.js"})
    # An older version of ours, and one added by hand without the hash: one is kept.
    await resources.async_create_item(
        {"res_type": "module", "url": f"{mtor_card.CARD_URL}?v=0123456789ab"}
    )
    await resources.async_create_item({"res_type": "js", "url": mtor_card.CARD_URL})

    url = f"{mtor_card.CARD_URL}?v=ba9876543210"
    await mtor_card.async_set_card_resource(resources, url)
    items = [(item["type"], item["url"]) for item in resources.async_items()]
    assert items == [("js", "/local/other.js"), ("module", url)]
    first_id = resources.async_items()[1]["id"]
    await mtor_card.async_set_card_resource(resources, url)  # again: nothing changes
    assert [item["id"] for item in resources.async_items()][1:] == [first_id]

    await mtor_card.async_unregister_card(hass)
    assert [item["url"] for item in resources.async_items()] == ["/local/other.js"]
    await mtor_card.async_set_card_resource(resources, url)
    assert [item["url"] for item in resources.async_items()][1:] == [url]


async def test_with_yaml_resources_the_card_falls_back_to_an_extra_module(
    hass: HomeAssistant,
) -> None:
    assert await async_setup_component(
        hass, "lovelace", {"lovelace": {"resource_mode": "yaml"}}
    )
    assert mtor_card._resources(hass) is None


async def test_removing_the_last_person_removes_the_card_resource(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-02 07:00:00+00:00")
    assert await async_setup_component(hass, "lovelace", {})
    resources = mtor_card._resources(hass)
    assert resources is not None

    def ours() -> list[str]:
        return [
            item["url"]
            for item in resources.async_items()
            if item["url"].startswith(mtor_card.CARD_URL)
        ]

    anna = await async_add_person(hass, "Anna")
    bo = await async_add_person(hass, "Bo")
    # What the integration's setup does with the frontend loaded (no frontend here).
    url = f"{mtor_card.CARD_URL}?v={mtor_card._file_hash(mtor_card.CARD_FILE)}"
    await mtor_card.async_set_card_resource(resources, url)
    assert ours() == [url]

    # Anna removed: Bo still uses the card. Bo removed too: the card's resource goes.
    assert await hass.config_entries.async_remove(anna.entry_id)
    assert ours() == [url]
    assert await hass.config_entries.async_remove(bo.entry_id)
    assert ours() == []

    # A person added again (no restart) brings the card back.
    await async_add_person(hass, "Cilla")
    assert ours() == [url]
