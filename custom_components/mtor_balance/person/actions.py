"""Actions: log food or nutrients, undo, delete, search foods, the log, pending portions.

Every action names its person with `config_entry_id` (optional when only one person is set
up). Invalid data never reaches the log: schema errors and semantic errors alike become
translated `ServiceValidationError`s, and the log is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv, service
from homeassistant.util import dt as dt_util
import probatio

from ..const import DOMAIN
from ..core.amounts import PIECE
from ..core.barcode import InvalidBarcodeError
from ..core.categories import Category
from ..core.days import day_bounds, day_of
from ..core.entries import entry_as_dict
from ..core.log import EntryNotFoundError, IntakeLog
from ..core.model import Source
from ..core.openfoodfacts_product import OpenFoodFactsError
from ..core.summary import WEEK_DAYS, summarize_days
from ..core.trash import TRASH_KEEP
from ..core.validation import (
    NumberRange,
)
from .access import Rule, async_caller, async_require, may_change
from .action_fields import (
    ATTR_AMOUNT,
    ATTR_UNIT,
    MAX_GRAMS,
    MAX_NUTRIENT_G,
    PERSON_FIELD,
    QUANTITY,
    TEXT,
    TIME,
    TranslatedSchema,
    amount,
    amount_grams,
    amount_unit,
    async_food,
    async_said_search,
    coordinator_of,
    food_response,
    number_in,
    said_response,
    when_of,
)
from .const import (
    ATTR_BARCODE,
    ATTR_CATEGORY,
    ATTR_ENTRY_ID,
    ATTR_FOOD,
    ATTR_GRAMS,
    ATTR_LAST_DAY,
    ATTR_LEUCINE,
    ATTR_LIMIT,
    ATTR_NAME,
    ATTR_PORTION_ID,
    ATTR_PROTEIN,
    ATTR_QUERY,
    ATTR_TIME,
    SERVICE_ADD_BARCODE_FOOD,
    SERVICE_ASSIGN_PORTION,
    SERVICE_DELETE_ENTRY,
    SERVICE_DROP_PORTION,
    SERVICE_GET_LOG,
    SERVICE_GET_TRASH,
    SERVICE_LOG_FOOD,
    SERVICE_LOG_NUTRIENTS,
    SERVICE_RESTORE_ENTRY,
    SERVICE_SEARCH_FOODS,
    SERVICE_UNDO_LAST,
    SERVICE_WEEKLY_SUMMARY,
)
from .log_pages import GET_LOG_SCHEMA, async_get_log
from .meals import MEAL_ACTIONS
from .own_foods import async_lookup_barcode, barcode_error_key
from .photo import PHOTO_ACTIONS
from .transfer import TRANSFER_ACTIONS


def _whole(value: float) -> int:
    return round(value)


LOG_FOOD_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_FOOD): TEXT,
        # Grams, or a household amount: `amount` of `unit` ("2" "slice"; without a unit the
        # food is counted, "2" eggs). Exactly one of grams and amount (see _async_log_food).
        probatio.Exclusive(ATTR_GRAMS, "amount"): amount(MAX_GRAMS),
        probatio.Exclusive(ATTR_AMOUNT, "amount"): number_in(QUANTITY),
        probatio.Optional(ATTR_UNIT): TEXT,
        probatio.Optional(ATTR_TIME): TIME,
    }
)
LOG_NUTRIENTS_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Optional(ATTR_LEUCINE): amount(MAX_NUTRIENT_G),
        probatio.Optional(ATTR_PROTEIN): amount(MAX_NUTRIENT_G),
        probatio.Optional(ATTR_CATEGORY, default=Category.OTHER.value): probatio.In(
            [category.value for category in Category]
        ),
        probatio.Optional(ATTR_NAME): TEXT,
        probatio.Optional(ATTR_TIME): TIME,
    }
)
PERSON_SCHEMA = TranslatedSchema(PERSON_FIELD)
DELETE_ENTRY_SCHEMA = TranslatedSchema(
    {**PERSON_FIELD, probatio.Required(ATTR_ENTRY_ID): TEXT}
)
SEARCH_FOODS_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_QUERY): TEXT,
        probatio.Optional(ATTR_LIMIT, default=10): probatio.All(
            number_in(NumberRange(1, 50, "")), _whole
        ),
    }
)
ADD_BARCODE_FOOD_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_BARCODE): probatio.All(
            cv.string, probatio.Length(max=32)
        ),
        probatio.Optional(ATTR_CATEGORY): probatio.In(
            [category.value for category in Category]
        ),
    }
)
WEEKLY_SUMMARY_SCHEMA = TranslatedSchema(
    {**PERSON_FIELD, probatio.Optional(ATTR_LAST_DAY): cv.date}
)
ASSIGN_PORTION_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_FOOD): TEXT,
        probatio.Optional(ATTR_PORTION_ID): TEXT,
    }
)
DROP_PORTION_SCHEMA = TranslatedSchema(
    {**PERSON_FIELD, probatio.Optional(ATTR_PORTION_ID): TEXT}
)


async def _async_log_food(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    quantity: float | None = call.data.get(ATTR_AMOUNT)
    if (quantity is None) == (ATTR_GRAMS not in call.data) or (
        quantity is None and ATTR_UNIT in call.data
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="grams_or_amount",
        )
    said: dict[str, Any] = {}
    if quantity is None:
        food = await async_food(coordinator, call.data[ATTR_FOOD])
        grams: float = call.data[ATTR_GRAMS]
    else:
        unit = amount_unit(call)
        food = await async_food(coordinator, call.data[ATTR_FOOD], unit=unit or PIECE)
        language = coordinator.language
        spoken, grams = amount_grams(food, quantity, unit, language)
        said = {
            "amount": quantity,
            "unit": unit or PIECE,
            "said": spoken.said(food.name_in(language)),
        }
    when = when_of(call)
    entry = await coordinator.async_log_food(food, grams, when, Source.ACTION)
    return {
        **entry_as_dict(entry),
        "name_en": food.name,
        "name_sv": food.name_sv or food.name,
        **said,
    }


# The name of an entry of nutrients alone, in the language the person's foods are shown in.
SUPPLEMENT = {"en": "Supplement", "sv": "Tillskott"}


async def _async_log_nutrients(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    leucine = call.data.get(ATTR_LEUCINE)
    protein = call.data.get(ATTR_PROTEIN)
    if leucine is None and protein is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nutrients_required"
        )
    entry = await coordinator.async_log_nutrients(
        name=call.data.get(ATTR_NAME) or SUPPLEMENT[coordinator.language],
        leucine_g=leucine,
        protein_g=protein,
        category=Category(call.data[ATTR_CATEGORY]),
        when=when_of(call),
    )
    return entry_as_dict(entry)


async def _async_undo_last(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    caller = await async_caller(call.hass, call.context)
    if (entry := await coordinator.async_undo(caller)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nothing_to_undo"
        )
    return entry_as_dict(entry)


async def _async_delete_entry(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    entry_id = call.data[ATTR_ENTRY_ID]
    caller = await async_caller(call.hass, call.context)
    try:
        entry = await coordinator.async_delete(entry_id, caller)
    except EntryNotFoundError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": entry_id},
        ) from err
    return entry_as_dict(entry)


async def _async_restore_entry(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    entry_id = call.data[ATTR_ENTRY_ID]
    caller = await async_caller(call.hass, call.context)
    try:
        entry = await coordinator.async_restore(entry_id, caller)
    except EntryNotFoundError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="not_in_trash",
            translation_placeholders={"entry_id": entry_id},
        ) from err
    return entry_as_dict(entry)


async def _async_get_trash(call: ServiceCall) -> ServiceResponse:
    """List the deleted entries the caller may restore, newest deletion first."""
    coordinator = coordinator_of(call)
    caller = await async_caller(call.hass, call.context)
    return {
        "entries": [
            {**entry_as_dict(item.entry), "deleted": item.deleted.isoformat()}
            for item in reversed(list(coordinator.record.trash))
            if may_change(call.hass, caller, coordinator, item.entry.time)
        ],
        "kept_days": TRASH_KEEP.days,
    }


async def _async_search_foods(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    language = coordinator.language
    # "2 eggs": the food's words, the amount said before them, and the one food they name
    # as log_food would take it with that amount (None: none, or several).
    query, said, match = await async_said_search(coordinator, call.data[ATTR_QUERY])
    foods = await coordinator.async_search_foods(
        query, language=language, limit=call.data[ATTR_LIMIT]
    )
    return {
        "foods": [food_response(food, language) for food in foods],
        "match": None if match is None else match.id,
        "amount": None if said is None else said_response(said, match),
    }


async def _async_weekly_summary(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    profile, record = coordinator.profile, coordinator.record
    tz = dt_util.get_default_time_zone()
    today = day_of(dt_util.utcnow(), tz, profile.day_start)
    last: date = call.data.get(ATTR_LAST_DAY, today - timedelta(days=1))
    first = last - timedelta(days=WEEK_DAYS - 1)
    if last > today:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="summary_in_future",
            translation_placeholders={"day": last.isoformat()},
        )
    start, _ = day_bounds(first, tz, profile.day_start)
    _, end = day_bounds(last, tz, profile.day_start)
    caller = await async_caller(call.hass, call.context)
    async_require(call.hass, caller, coordinator, Rule.HISTORY, when=start)
    # Closed years too: a week of two years ago is read from its year's file.
    entries = await coordinator.async_entries_between(start - timedelta(days=2), end)
    summary = summarize_days(
        IntakeLog(entries),
        profile,
        first,
        last,
        tz,
        lambda day: record.day_type(day, profile),
        record.manual_fasts,
    )
    return summary.as_dict()


async def _async_assign_portion(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    scale = coordinator.require_scale()
    food = await async_food(coordinator, call.data[ATTR_FOOD])
    entry = await scale.async_assign(call.data.get(ATTR_PORTION_ID), coordinator, food)
    return entry_as_dict(entry)


async def _async_drop_portion(call: ServiceCall) -> ServiceResponse:
    portion = (
        coordinator_of(call).require_scale().async_drop(call.data.get(ATTR_PORTION_ID))
    )
    return {"id": portion.id, "time": portion.time.isoformat(), "grams": portion.grams}


# Problems with what the person typed are validation errors; the rest are the service's.
_PERSON_MISTAKES = {"invalid_barcode", "product_not_found", "no_protein"}


async def _async_add_barcode_food(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    barcode = call.data[ATTR_BARCODE]
    category = call.data.get(ATTR_CATEGORY)
    try:
        food = await async_lookup_barcode(
            call.hass, barcode, None if category is None else Category(category)
        )
    except (OpenFoodFactsError, InvalidBarcodeError) as err:
        key = barcode_error_key(err)
        error = (
            ServiceValidationError if key in _PERSON_MISTAKES else HomeAssistantError
        )
        raise error(
            translation_domain=DOMAIN,
            translation_key=key,
            translation_placeholders={"barcode": barcode},
        ) from err
    await coordinator.async_change_record(lambda record: record.save_own_food(food))
    return food_response(food, coordinator.language)


# (name, schema, handler, response, administrators only)
type Action = tuple[
    str,
    probatio.Schema,
    Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]],
    SupportsResponse,
    bool,
]

ACTIONS: tuple[Action, ...] = (
    (
        SERVICE_LOG_FOOD,
        LOG_FOOD_SCHEMA,
        _async_log_food,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_LOG_NUTRIENTS,
        LOG_NUTRIENTS_SCHEMA,
        _async_log_nutrients,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_UNDO_LAST,
        PERSON_SCHEMA,
        _async_undo_last,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_DELETE_ENTRY,
        DELETE_ENTRY_SCHEMA,
        _async_delete_entry,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_RESTORE_ENTRY,
        DELETE_ENTRY_SCHEMA,
        _async_restore_entry,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (SERVICE_GET_TRASH, PERSON_SCHEMA, _async_get_trash, SupportsResponse.ONLY, False),
    (
        SERVICE_SEARCH_FOODS,
        SEARCH_FOODS_SCHEMA,
        _async_search_foods,
        SupportsResponse.ONLY,
        False,
    ),
    (SERVICE_GET_LOG, GET_LOG_SCHEMA, async_get_log, SupportsResponse.ONLY, False),
    (
        SERVICE_WEEKLY_SUMMARY,
        WEEKLY_SUMMARY_SCHEMA,
        _async_weekly_summary,
        SupportsResponse.ONLY,
        False,
    ),
    (
        SERVICE_ASSIGN_PORTION,
        ASSIGN_PORTION_SCHEMA,
        _async_assign_portion,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_DROP_PORTION,
        DROP_PORTION_SCHEMA,
        _async_drop_portion,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_ADD_BARCODE_FOOD,
        ADD_BARCODE_FOOD_SCHEMA,
        _async_add_barcode_food,
        SupportsResponse.OPTIONAL,
        False,
    ),
)


# Actions that change a person's own foods, recipes and saved meals (see `access`).
OWN_FOOD_ACTIONS = frozenset(
    {SERVICE_ADD_BARCODE_FOOD, "save_recipe", "save_meal", "delete_meal"}
)


def _own_foods_only(
    handler: Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]],
) -> Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]:
    """Return `handler` behind the rule that a person's own foods are theirs to change."""

    async def checked(call: ServiceCall) -> ServiceResponse:
        caller = await async_caller(call.hass, call.context)
        async_require(call.hass, caller, coordinator_of(call), Rule.OWN_FOODS)
        return await handler(call)

    return checked


@callback
def async_setup_actions(hass: HomeAssistant) -> None:
    """Register every action of the integration (once, for all people)."""
    for name, schema, action, response, admin in (
        *ACTIONS,
        *MEAL_ACTIONS,
        *TRANSFER_ACTIONS,
        *PHOTO_ACTIONS,
    ):
        handler = _own_foods_only(action) if name in OWN_FOOD_ACTIONS else action
        if admin:
            service.async_register_admin_service(
                hass, DOMAIN, name, handler, schema=schema, supports_response=response
            )
        else:
            hass.services.async_register(
                DOMAIN, name, handler, schema=schema, supports_response=response
            )
