"""The websocket API the kitchen card uses (and anyone may): people, foods, today, logging.

Commands (all take `entry_id`, the person's config entry, except `mtor_balance/people`):

- `mtor_balance/people`: the people set up, for the card's person switcher and editor.
- `mtor_balance/subscribe_today` (`language`): the person's day (`today_view.py`), pushed
  again on every change of their state or log; no polling.
- `mtor_balance/search_foods` (`query`, `language`, `limit`): foods whose English or
  Swedish name matches, the person's own and usual foods first.
- `mtor_balance/select_food` (`food_id`): the food for the next portion on the scale.
- `mtor_balance/log_portion` (`food_id`): log the settled portion as this food, now.
- `mtor_balance/log_food` (`food_id`, and `grams` or `amount` with an optional `unit`): log
  a food without the scale, in grams or in its household units ("2" eggs, "1" "glass").
- `mtor_balance/delete_entry` (`log_entry_id`) and `mtor_balance/undo`.
- `mtor_balance/trash`: the deleted entries the viewer may restore (`restore_entry`).

The commands that change an entry answer with it (`{"entry": ...}`). An entry of a food has
the food's `name_en` and `name_sv`, and, with `language`, its `name` in that language (the
stored name is in Home Assistant's language when it was logged); so the card names a food in
its notices as it does in its list.

Errors a person can cause (an unknown food, nothing on the scale, nothing to undo) are
translated `HomeAssistantError`s; Home Assistant's websocket layer sends their translation
key and placeholders with the error, so the card can show them in the viewer's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.components.websocket_api import (
    ActiveConnection,
    WebSocketCommandHandler,
    async_register_command,
    async_response,
    websocket_command,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, entity_registry as er
from homeassistant.helpers.translation import async_get_translations
import probatio

from ..const import DOMAIN
from ..core.amounts import PIECE
from ..core.entries import entry_as_dict
from ..core.log import EntryNotFoundError
from ..core.model import Entry, Food, Source
from ..core.trash import TRASH_KEEP
from .access import Caller, Rule, async_require, connection_caller, may_change
from .action_fields import (
    MAX_GRAMS,
    QUANTITY,
    TEXT,
    amount,
    amount_grams,
    number_in,
    unit_of_word,
)
from .coordinator import PersonCoordinator
from .household import async_get_household, async_get_person
from .meals import find_meal, meal_parts, saved_meal
from .photo import PHOTO_COMMANDS
from .today_view import food_language, food_view, today_view

SEARCH_LIMIT = 20
# The next suggested meal's attributes whose states the card shows as text.
_SUGGESTION_ATTRIBUTES = "component.{domain}.entity.sensor.next_suggested_meal.state_attributes.{attribute}.state."
_TEXTS = ("reason", "evidence")
_PERSON: dict[str | probatio.Marker, Any] = {probatio.Required("entry_id"): cv.string}


def _food(person: PersonCoordinator, food_id: str) -> Food:
    if (food := person.record.foods.get(food_id)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_food",
            translation_placeholders={"food": food_id},
        )
    return food


async def _async_texts(hass: HomeAssistant, language: str) -> dict[str, dict[str, str]]:
    """Return the translated reason and evidence texts of the next meal, by code."""
    translations = await async_get_translations(hass, language, "entity", [DOMAIN])
    texts: dict[str, dict[str, str]] = {}
    for attribute in _TEXTS:
        prefix = _SUGGESTION_ATTRIBUTES.format(domain=DOMAIN, attribute=attribute)
        texts[attribute] = {
            key.removeprefix(prefix): text
            for key, text in translations.items()
            if key.startswith(prefix)
        }
    return texts


@websocket_command({probatio.Required("type"): f"{DOMAIN}/people"})
@callback
def ws_people(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the people set up (loaded), by name."""
    people = sorted(async_get_household(hass).people, key=lambda p: p.person_name)
    connection.send_result(
        msg["id"],
        {
            "people": [
                {
                    "entry_id": person.config_entry.entry_id,
                    "name": person.person_name,
                    "entities": _entities_of(hass, person.config_entry.entry_id),
                }
                for person in people
            ]
        },
    )


def _entities_of(hass: HomeAssistant, entry_id: str) -> dict[str, str]:
    """Return the person's entity ids by key (for a dashboard that builds itself)."""
    prefix = f"{entry_id}_"
    return {
        entity.unique_id.removeprefix(prefix): entity.entity_id
        for entity in er.async_entries_for_config_entry(er.async_get(hass), entry_id)
        if entity.unique_id.startswith(prefix)
    }


@websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/subscribe_today",
        **_PERSON,
        probatio.Optional("language"): cv.string,
    }
)
@async_response
async def ws_subscribe_today(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the person's day now and after every change, until unsubscribed."""
    person = async_get_person(hass, msg["entry_id"])
    language = food_language(msg.get("language") or hass.config.language)
    texts = await _async_texts(hass, language)

    @callback
    def push() -> None:
        connection.send_event(msg["id"], today_view(person, language, texts))

    remove = person.async_add_listener(push)

    @callback
    def unsubscribe() -> None:
        remove()

    connection.subscriptions[msg["id"]] = unsubscribe
    connection.send_result(msg["id"])
    push()


@websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/search_foods",
        **_PERSON,
        probatio.Required("query"): cv.string,
        probatio.Optional("language"): cv.string,
        probatio.Optional("limit", default=SEARCH_LIMIT): probatio.All(
            probatio.Coerce(int), probatio.Range(min=1, max=50)
        ),
    }
)
@async_response
async def ws_search_foods(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the foods matching the query, names in the viewer's language."""
    person = async_get_person(hass, msg["entry_id"])
    language = food_language(msg.get("language") or hass.config.language)
    foods = person.record.foods
    found = await person.async_search_foods(
        msg["query"], language=language, limit=msg["limit"]
    )
    connection.send_result(
        msg["id"],
        {
            "foods": [
                food_view(food, language, own=foods.is_own(food.id)) for food in found
            ]
        },
    )


def _entry_command(
    command: str,
    fields: dict[Any, Any],
    act: Callable[[PersonCoordinator, dict[str, Any], Caller], Any],
) -> WebSocketCommandHandler:
    """Return a command that acts for a person and answers with the entry it changed."""

    @websocket_command(
        {
            probatio.Required("type"): f"{DOMAIN}/{command}",
            **_PERSON,
            probatio.Optional("language"): cv.string,
            **fields,
        }
    )
    @async_response
    async def handle(
        hass: HomeAssistant,
        connection: ActiveConnection,
        msg: dict[str, Any],
    ) -> None:
        person = async_get_person(hass, msg["entry_id"])
        result = await act(person, msg, connection_caller(connection))
        answer: dict[str, Any] | None = None
        if result is not None:
            answer = {"entry": _entry_answer(person, result, msg.get("language"))}
            if "amount" in msg:  # what was logged, as the card says it back
                unit = unit_of_word(msg.get("unit")) or PIECE
                answer |= {"amount": msg["amount"], "unit": unit}
        connection.send_result(msg["id"], answer)

    return handle


def _entry_answer(
    person: PersonCoordinator, entry: Entry, language: str | None
) -> dict[str, Any]:
    """Return an entry with its food's names; `name` in `language` when one is given."""
    answer = entry_as_dict(entry)
    food = None if entry.food_id is None else person.record.foods.get(entry.food_id)
    if food is not None:
        answer["name_en"] = food.name
        answer["name_sv"] = food.name_sv or food.name
        if language:
            answer["name"] = food.name_in(food_language(language))
    return answer


async def _select(
    person: PersonCoordinator, msg: dict[str, Any], _caller: Caller
) -> None:
    if msg["food_id"] is None:
        await person.async_clear_selection()
        return
    await person.async_select_food(_food(person, msg["food_id"]).id)


async def _claim(
    person: PersonCoordinator, _msg: dict[str, Any], _caller: Caller
) -> None:
    await person.async_claim_scale()


async def _assign(
    person: PersonCoordinator, msg: dict[str, Any], _caller: Caller
) -> Any:
    food = _food(person, msg["food_id"])
    return await person.require_scale().async_assign(
        msg.get("portion_id"), person, food
    )


async def _drop(
    person: PersonCoordinator, msg: dict[str, Any], _caller: Caller
) -> None:
    person.require_scale().async_drop(msg.get("portion_id"))


async def _log_portion(
    person: PersonCoordinator, msg: dict[str, Any], _caller: Caller
) -> Any:
    await person.async_select_food(_food(person, msg["food_id"]).id)
    if (entry := await person.async_log_portion(Source.SCALE)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_portion"
        )
    return entry


async def _log_food(
    person: PersonCoordinator, msg: dict[str, Any], _caller: Caller
) -> Any:
    """Log grams, or an amount of a household unit resolved as the log_food action does."""
    food = _food(person, msg["food_id"])
    if ("grams" in msg) == ("amount" in msg) or ("unit" in msg and "grams" in msg):
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="grams_or_amount"
        )
    if "grams" in msg:
        return await person.async_log_food(food, msg["grams"], None, Source.ACTION)
    unit = unit_of_word(msg.get("unit"))
    language = food_language(msg.get("language") or person.language)
    _said, grams = amount_grams(food, msg["amount"], unit, language)
    return await person.async_log_food(food, grams, None, Source.ACTION)


async def _delete(
    person: PersonCoordinator, msg: dict[str, Any], caller: Caller
) -> Any:
    try:
        return await person.async_delete(msg["log_entry_id"], caller)
    except EntryNotFoundError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": msg["log_entry_id"]},
        ) from err


async def _restore(
    person: PersonCoordinator, msg: dict[str, Any], caller: Caller
) -> Any:
    try:
        return await person.async_restore(msg["log_entry_id"], caller)
    except EntryNotFoundError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": msg["log_entry_id"]},
        ) from err


async def _undo(person: PersonCoordinator, msg: dict[str, Any], caller: Caller) -> Any:
    if (entry := await person.async_undo(caller)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nothing_to_undo"
        )
    return entry


async def _log_saved_meal(
    person: PersonCoordinator, msg: dict[str, Any], _caller: Caller
) -> Any:
    meal = find_meal(person, msg["meal_id"])
    entries = await person.async_log_foods(meal_parts(person, meal), None)
    return entries[-1]


async def _save_meal(
    person: PersonCoordinator, msg: dict[str, Any], caller: Caller
) -> None:
    """Save logged entries (one meal of the card's list) as a saved meal."""
    async_require(person.hass, caller, person, Rule.OWN_FOODS)
    wanted = set(msg["log_entry_ids"])
    parts = [
        (food, entry.grams)
        for entry in person.record.log
        if entry.id in wanted
        and entry.grams is not None
        and entry.food_id is not None
        and (food := person.record.foods.get(entry.food_id)) is not None
    ]
    if not parts:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nothing_to_save"
        )
    meal = saved_meal(msg["name"], parts)
    await person.async_change_record(lambda record: record.save_meal(meal))


@websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/trash",
        **_PERSON,
        probatio.Optional("language"): cv.string,
    }
)
@callback
def ws_trash(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the deleted entries the viewer may restore, newest deletion first."""
    person = async_get_person(hass, msg["entry_id"])
    caller = connection_caller(connection)
    connection.send_result(
        msg["id"],
        {
            "entries": [
                {
                    **_entry_answer(person, item.entry, msg.get("language")),
                    "deleted": item.deleted.isoformat(),
                }
                for item in reversed(list(person.record.trash))
                if may_change(hass, caller, person, item.entry.time)
            ],
            "kept_days": TRASH_KEEP.days,
        },
    )


_FOOD_ID = {probatio.Required("food_id"): cv.string}
_PORTION_ID = {probatio.Optional("portion_id"): cv.string}
COMMANDS = (
    ws_people,
    ws_subscribe_today,
    ws_search_foods,
    ws_trash,
    _entry_command(
        "select_food",
        {probatio.Required("food_id"): probatio.Any(None, cv.string)},
        _select,
    ),
    _entry_command("claim_scale", {}, _claim),
    _entry_command("assign_portion", {**_FOOD_ID, **_PORTION_ID}, _assign),
    _entry_command("drop_portion", _PORTION_ID, _drop),
    _entry_command("log_portion", _FOOD_ID, _log_portion),
    _entry_command(
        "log_food",
        {
            **_FOOD_ID,
            probatio.Exclusive("grams", "amount"): amount(MAX_GRAMS),
            probatio.Exclusive("amount", "amount"): number_in(QUANTITY),
            probatio.Optional("unit"): TEXT,
        },
        _log_food,
    ),
    _entry_command(
        "delete_entry", {probatio.Required("log_entry_id"): cv.string}, _delete
    ),
    _entry_command("undo", {}, _undo),
    _entry_command(
        "restore_entry", {probatio.Required("log_entry_id"): cv.string}, _restore
    ),
    _entry_command(
        "log_saved_meal", {probatio.Required("meal_id"): cv.string}, _log_saved_meal
    ),
    _entry_command(
        "save_meal",
        {
            probatio.Required("name"): TEXT,
            probatio.Required("log_entry_ids"): [cv.string],
        },
        _save_meal,
    ),
)


@callback
def async_setup_websocket_api(hass: HomeAssistant) -> None:
    """Register the card's commands (once, for all people)."""
    for command in (*COMMANDS, *PHOTO_COMMANDS):
        async_register_command(hass, command)
