"""Who may do what with whose log: the one rule set for actions, the card and assistants.

A household shares the kitchen, not each other's history:

| Who | Log, search, today, pending portions | Undo, delete, restore (last 24 h) | Older entries, history from more than a week before today, own foods, recipes, saved meals |
|---|---|---|---|
| the person's own user | yes | yes | yes |
| an administrator | yes | yes | yes |
| another household user | yes | yes | no |
| Home Assistant itself (automations, scripts, voice without a user) | yes | yes | yes |

A person's user is the user of the Home Assistant person chosen in their options (*Home
Assistant person*), else of the Home Assistant person with the same name. Actions (and so the LLM tools, which call them with the
conversation's context) and the card's websocket commands all ask `async_require`; a
refusal is a translated error that names the rule. Export and import are for
administrators only (see `transfer`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from homeassistant.components.websocket_api import ActiveConnection
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util, slugify

from ..const import DOMAIN
from .const import CONF_HA_PERSON

if TYPE_CHECKING:
    from .coordinator import PersonCoordinator

# How far back another household user may change a person's log, and read it (today and
# the week before it, what the card shows).
RECENT_CHANGES = timedelta(hours=24)
RECENT_HISTORY = timedelta(days=8)


class Rule(StrEnum):
    """What only a person's own user or an administrator may do (the refusal's key)."""

    OLD_ENTRIES = "only_own_old_entries"  # undo, delete or restore before 24 h ago
    HISTORY = "only_own_history"  # read entries from more than a week before today
    OWN_FOODS = "only_own_foods"  # change own foods, recipes and saved meals


@dataclass(frozen=True, slots=True)
class Caller:
    """Who asks: a Home Assistant user, or Home Assistant itself (`user_id` None)."""

    user_id: str | None
    is_admin: bool = False


HOME_ASSISTANT = Caller(None)  # an automation, a script, the integration itself


async def async_caller(hass: HomeAssistant, context: Context | None) -> Caller:
    """Return the caller of an action (or a tool) from its context."""
    user_id = None if context is None else context.user_id
    if user_id is None:
        return Caller(None)
    user = await hass.auth.async_get_user(user_id)
    return Caller(user_id, user is not None and user.is_admin)


def connection_caller(connection: ActiveConnection) -> Caller:
    """Return the caller of a websocket command (the card)."""
    return Caller(connection.user.id, connection.user.is_admin)


def linked_user_id(hass: HomeAssistant, person: PersonCoordinator) -> str | None:
    """Return the user whose person this is.

    The user of the Home Assistant person chosen in the options, or else of the one with
    the same name.
    """
    if chosen := person.config_entry.options.get(CONF_HA_PERSON):
        state = hass.states.get(str(chosen))
    else:
        wanted = slugify(person.person_name)
        state = next(
            (s for s in hass.states.async_all("person") if slugify(s.name) == wanted),
            None,
        )
    user_id = None if state is None else state.attributes.get("user_id")
    return None if user_id is None else str(user_id)


def may(hass: HomeAssistant, caller: Caller, person: PersonCoordinator) -> bool:
    """Return whether `caller` may do everything with `person`'s log."""
    return (
        caller.user_id is None
        or caller.is_admin
        or caller.user_id == linked_user_id(hass, person)
    )


def may_change(
    hass: HomeAssistant, caller: Caller, person: PersonCoordinator, when: datetime
) -> bool:
    """Return whether `caller` may undo, delete or restore an entry of time `when`."""
    return may(hass, caller, person) or when >= dt_util.utcnow() - RECENT_CHANGES


def async_require(
    hass: HomeAssistant,
    caller: Caller,
    person: PersonCoordinator,
    rule: Rule,
    *,
    when: datetime | None = None,
) -> None:
    """Refuse with the rule's translated error unless `caller` may do this.

    For `Rule.OLD_ENTRIES` and `Rule.HISTORY`, `when` is the time of the entry, or the
    start of what is read; anything within the recent span is open to the household.
    None means "older than any span" (an entry of a closed year).
    """
    if may(hass, caller, person):
        return
    recent = {Rule.OLD_ENTRIES: RECENT_CHANGES, Rule.HISTORY: RECENT_HISTORY}.get(rule)
    if recent is not None and when is not None and when >= dt_util.utcnow() - recent:
        return
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=rule.value,
        translation_placeholders={"name": person.person_name},
    )
