"""Who may change whose log: the owner (Anna), a linked member, an unlinked member, an admin.

Through Home Assistant's real auth: users with their own tokens, calling over REST, the
websocket API and the LLM API, as the household's adversarial run did.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import llm
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.mtor_balance.const import DOMAIN

from ..common import async_add_person

NOW = "2026-11-02 11:00:00+00:00"  # Monday 12:00 in Stockholm


async def _call(
    hass: HomeAssistant, action: str, data: dict[str, Any], user: User | None = None
) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        action,
        {"config_entry_id": "entry_anna", **data},
        blocking=True,
        return_response=True,
        context=Context(user_id=None if user is None else user.id),
    )


async def _logged(hass: HomeAssistant, ago: timedelta) -> str:
    entry = await _call(
        hass,
        "log_food",
        {"food": "Cottage cheese", "grams": 100, "time": dt_util.utcnow() - ago},
    )
    return str(entry["entry_id"])


@pytest.fixture
async def anna(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Any:
    """Anna, with an entry of an hour ago and one of three days ago."""
    freezer.move_to(NOW)
    return await async_add_person(hass, "Anna")


async def _refused(
    hass: HomeAssistant, action: str, data: dict[str, Any], user: User
) -> str:
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, action, data, user)
    assert err.value.translation_placeholders == {"name": "Anna"}
    return str(err.value.translation_key)


@pytest.mark.usefixtures("anna")
async def test_a_member_may_change_the_last_24_hours_but_not_older_entries(
    hass: HomeAssistant, hass_read_only_user: User
) -> None:
    member = hass_read_only_user
    recent = await _logged(hass, timedelta(hours=1))
    old = await _logged(hass, timedelta(days=3))
    assert (
        await _refused(hass, "delete_entry", {"entry_id": old}, member)
        == "only_own_old_entries"
    )
    deleted = await _call(hass, "delete_entry", {"entry_id": recent}, member)
    assert deleted["entry_id"] == recent
    # The undo of the last entry would remove the old one now: refused as well.
    assert await _refused(hass, "undo_last", {}, member) == "only_own_old_entries"
    trash = await _call(hass, "get_trash", {}, member)
    assert [entry["entry_id"] for entry in trash["entries"]] == [recent]
    assert trash["kept_days"] == 30
    # Home Assistant itself (an automation) and the owner may do everything.
    await _call(hass, "delete_entry", {"entry_id": old})
    assert (
        await _refused(hass, "restore_entry", {"entry_id": old}, member)
        == "only_own_old_entries"
    )
    # The member sees only what they may restore.
    trash = await _call(hass, "get_trash", {}, member)
    assert [entry["entry_id"] for entry in trash["entries"]] == [recent]


async def test_the_persons_own_user_and_an_admin_may_change_old_entries(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    hass_read_only_user: User,
    hass_admin_user: User,
) -> None:
    freezer.move_to(NOW)
    assert await async_setup_component(hass, "person", {})
    hass.states.async_set(
        "person.anna",
        "home",
        {"friendly_name": "Anna", "user_id": hass_read_only_user.id},
    )
    await async_add_person(hass, "Anna")
    old = [await _logged(hass, timedelta(days=days)) for days in (3, 4)]
    # Anna's user is linked by name: her Home Assistant person has the same name.
    await _call(hass, "delete_entry", {"entry_id": old[0]}, hass_read_only_user)
    await _call(hass, "delete_entry", {"entry_id": old[1]}, hass_admin_user)
    week_before = (dt_util.now() - timedelta(days=14)).date().isoformat()
    summary = await _call(
        hass, "weekly_summary", {"last_day": week_before}, hass_read_only_user
    )
    assert summary["days"]


@pytest.mark.usefixtures("anna")
async def test_a_member_may_not_read_old_history_or_change_anothers_foods(
    hass: HomeAssistant, hass_read_only_user: User
) -> None:
    member = hass_read_only_user
    week_before = (dt_util.now() - timedelta(days=14)).date().isoformat()
    assert (
        await _refused(hass, "weekly_summary", {"last_day": week_before}, member)
        == "only_own_history"
    )
    yesterday = (dt_util.now() - timedelta(days=1)).date().isoformat()
    assert await _call(hass, "weekly_summary", {"last_day": yesterday}, member)
    since_1970 = {"start": "1970-01-01T00:00:00+00:00"}
    assert await _refused(hass, "get_log", since_1970, member) == "only_own_history"
    week = {"start": dt_util.utcnow() - timedelta(days=7)}
    assert await _call(hass, "get_log", week, member) is not None
    # A recipe named like a bundled food would shadow it in Anna's log.
    recipe = {
        "name": "Cottage cheese",
        "ingredients": [{"food": "Egg, whole, raw", "grams": 1}],
        "cooked_grams": 900,
    }
    assert await _refused(hass, "save_recipe", recipe, member) == "only_own_foods"
    logged = await _call(hass, "log_food", {"food": "Cottage cheese", "grams": 200})
    assert logged["protein_g"] == pytest.approx(22.24)
    # Logging for anyone is what a shared kitchen is for.
    assert await _call(hass, "log_food", {"food": "keso", "grams": 100}, member)


async def test_a_deleted_entry_is_restorable_after_a_restart_for_30_days(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, anna: Any
) -> None:
    kept = await _logged(hass, timedelta(hours=2))
    expires = await _logged(hass, timedelta(hours=3))
    for entry_id in (kept, expires):
        await _call(hass, "delete_entry", {"entry_id": entry_id})
    assert await hass.config_entries.async_reload(anna.entry_id)
    await hass.async_block_till_done()
    restored = await _call(hass, "restore_entry", {"entry_id": kept})
    assert restored["entry_id"] == kept
    log = await _call(hass, "get_log", {})
    assert kept in [entry["entry_id"] for entry in log["entries"]]

    freezer.tick(timedelta(days=31))
    await _logged(hass, timedelta(0))  # any change empties what is 30 days old
    assert (await _call(hass, "get_trash", {}))["entries"] == []
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "restore_entry", {"entry_id": expires})
    assert err.value.translation_key == "not_in_trash"


@pytest.mark.usefixtures("anna")
async def test_the_same_rules_over_rest_and_the_websocket(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    assert await async_setup_component(hass, "api", {})
    old = await _logged(hass, timedelta(days=3))
    client = await hass_client(hass_read_only_access_token)
    response = await client.post(
        f"/api/services/{DOMAIN}/delete_entry",
        json={"config_entry_id": "entry_anna", "entry_id": old},
    )
    assert response.status == 400
    assert "older than 24 hours" in (await response.json())["message"]

    ws = await hass_ws_client(hass, hass_read_only_access_token)
    await ws.send_json_auto_id(
        {
            "type": f"{DOMAIN}/delete_entry",
            "entry_id": "entry_anna",
            "log_entry_id": old,
        }
    )
    answer = await ws.receive_json()
    assert answer["success"] is False
    assert answer["error"]["translation_key"] == "only_own_old_entries"
    log = await _call(hass, "get_log", {"start": dt_util.utcnow() - timedelta(days=4)})
    assert [entry["entry_id"] for entry in log["entries"]] == [old]


@pytest.mark.usefixtures("anna")
async def test_an_assistant_follows_the_rules_of_the_user_talking(
    hass: HomeAssistant, hass_read_only_user: User
) -> None:
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "llm", {})
    await _logged(hass, timedelta(days=2))
    api = await llm.async_get_api(
        hass,
        llm.LLM_API_ASSIST,
        llm.LLMContext(
            platform="test",
            context=Context(user_id=hass_read_only_user.id),
            language="en",
            assistant="conversation",
            device_id=None,
        ),
    )
    result = await api.async_call_tool(
        llm.ToolInput(f"{DOMAIN}__undo_last", {"person": "Anna"})
    )
    assert result.error
    assert result.data["error"] == "only_own_old_entries"
    assert "older than 24 hours" in result.data["message"]
    log = await _call(hass, "get_log", {"start": dt_util.utcnow() - timedelta(days=3)})
    assert len(log["entries"]) == 1
