"""Actions: log food or nutrients, undo, delete, search foods, the log, pending portions.

Every action names its person with `config_entry_id` (optional when only one person is set
up). Invalid data never reaches the log: schema errors and semantic errors alike become
translated `ServiceValidationError`s, and the log is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta
from typing import Any, override

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

from ..const import DOMAIN, KIND_PERSON
from ..core.barcode import InvalidBarcodeError
from ..core.categories import Category
from ..core.days import day_bounds, day_of
from ..core.entries import entry_as_dict
from ..core.log import EntryNotFoundError, IntakeLog
from ..core.model import Food, Source
from ..core.openfoodfacts_product import OpenFoodFactsError
from ..core.summary import WEEK_DAYS, summarize_days
from ..core.validation import (
    BadTextError,
    NotANumberError,
    NumberRange,
    OutOfRangeError,
    clean_text,
)
from ..kinds import entry_kind
from .const import (
    ATTR_BARCODE,
    ATTR_CATEGORY,
    ATTR_CONFIG_ENTRY_ID,
    ATTR_END,
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
    ATTR_START,
    ATTR_TIME,
    SERVICE_ADD_BARCODE_FOOD,
    SERVICE_ASSIGN_PORTION,
    SERVICE_DELETE_ENTRY,
    SERVICE_DROP_PORTION,
    SERVICE_GET_LOG,
    SERVICE_LOG_FOOD,
    SERVICE_LOG_NUTRIENTS,
    SERVICE_SEARCH_FOODS,
    SERVICE_UNDO_LAST,
    SERVICE_WEEKLY_SUMMARY,
)
from .coordinator import PersonCoordinator
from .household import async_get_household
from .own_foods import async_lookup_barcode, barcode_error_key

MAX_GRAMS = 5000.0  # more than any plate; a larger number is a typo
MAX_NUTRIENT_G = 500.0
MAX_TEXT = 200
SUGGESTIONS = 3  # foods named when a name matches several
MIN_AMOUNT = 0.05
# Back-dating is for forgotten meals, not for importing another decade.
MAX_BACKDATE = timedelta(days=366)
MAX_AHEAD = timedelta(minutes=5)  # clocks of phones and servers differ a little
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)


class TranslatedSchema(probatio.Schema):
    """A schema whose errors reach the person as a translated ServiceValidationError.

    A value refused by `number_in` or `text_of` gets its own message, which names the field
    and states what is allowed; any other problem is described by probatio's words.
    """

    @override
    def __call__(self, data: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(data, **kwargs)
        except probatio.Invalid as err:
            inner = err.errors[0] if isinstance(err, probatio.MultipleInvalid) else err
            if inner.translation_key in _OWN_KEYS:
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key=inner.translation_key,
                    translation_placeholders={
                        "field": ".".join(str(part) for part in inner.path),
                        **{k: str(v) for k, v in (inner.placeholders or {}).items()},
                    },
                ) from err
            error = probatio.humanize.humanize_error(data, err)
        except (OverflowError, ValueError, TypeError) as err:
            # A compiled schema can let a conversion error through instead of Invalid.
            error = str(err)
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_action_data",
            translation_placeholders={"error": error},
        )


# The keys of this integration's own validators (probatio's own errors have keys too).
_OWN_KEYS = frozenset({"value_out_of_range", "invalid_text"})


def number_in(allowed: NumberRange) -> Callable[[Any], float]:
    """Return the validator of a finite number in `allowed` (plain decimal text, no bool)."""

    def validate(value: Any) -> float:
        try:
            return allowed.check(value)
        except (NotANumberError, OutOfRangeError) as err:
            raise probatio.Invalid(
                f"expected a number from {allowed.minimum:g} to {allowed.maximum:g}",
                translation_key="value_out_of_range",
                placeholders={
                    "min": f"{allowed.minimum:g}",
                    "max": f"{allowed.maximum:g}",
                    "unit": f" {allowed.unit}" if allowed.unit else "",
                },
            ) from err

    return validate


def text_of(max_length: int) -> Callable[[Any], str]:
    """Return the validator of a text of 1 to `max_length` printable characters."""

    def validate(value: Any) -> str:
        try:
            return clean_text(value, max_length)
        except BadTextError as err:
            raise probatio.Invalid(
                f"expected 1 to {max_length} printable characters",
                translation_key="invalid_text",
                placeholders={"max": str(max_length)},
            ) from err

    return validate


def _utc(value: datetime) -> datetime:
    """Return an aware UTC time; a time at the edge of datetime's range is invalid."""
    try:
        return dt_util.as_utc(value)
    except (OverflowError, ValueError) as err:
        raise probatio.Invalid("time out of range") from err


def amount(maximum: float) -> Callable[[Any], float]:
    """Return the validator of an amount in grams, MIN_AMOUNT to `maximum`."""
    # Below MIN_AMOUNT the stored (rounded) value would be 0.
    return number_in(NumberRange(MIN_AMOUNT, maximum, "g"))


def _whole(value: float) -> int:
    return round(value)


TEXT = probatio.All(cv.string, text_of(MAX_TEXT))
TIME = probatio.All(cv.datetime, _utc)
PERSON_FIELD = {probatio.Optional(ATTR_CONFIG_ENTRY_ID): cv.string}

LOG_FOOD_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Required(ATTR_FOOD): TEXT,
        probatio.Required(ATTR_GRAMS): amount(MAX_GRAMS),
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
GET_LOG_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Optional(ATTR_START): TIME,
        probatio.Optional(ATTR_END): TIME,
    }
)


def coordinator_of(call: ServiceCall) -> PersonCoordinator:
    """Return the person the action is for; without an entry, the only person (scales aside)."""
    entry_id = call.data.get(ATTR_CONFIG_ENTRY_ID)
    if entry_id is None:
        people = [
            entry
            for entry in call.hass.config_entries.async_entries(
                DOMAIN, include_ignore=False, include_disabled=False
            )
            if entry_kind(entry) == KIND_PERSON
        ]
        if len(people) == 1:
            entry_id = people[0].entry_id
    # Home Assistant's own checks and errors: the entry exists, is ours and is loaded.
    entry = service.async_get_config_entry(call.hass, DOMAIN, entry_id)
    if (person := async_get_household(call.hass).get(entry.entry_id)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="not_a_person",
            translation_placeholders={"name": entry.title},
        )
    return person


def when_of(call: ServiceCall) -> datetime | None:
    """Return the action's `time` in UTC, refusing times far in the past or the future."""
    when: datetime | None = call.data.get(ATTR_TIME)
    if when is None:
        return None
    now = dt_util.utcnow()
    if not now - MAX_BACKDATE <= when <= now + MAX_AHEAD:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="time_out_of_range",
            translation_placeholders={"time": when.isoformat()},
        )
    return when


async def async_food(coordinator: PersonCoordinator, text: str) -> Food:
    """Return the one food `text` names; else say that none does, or which ones might."""
    language = coordinator.language
    if (food := await coordinator.async_resolve_food(text, language)) is not None:
        return food
    if candidates := await coordinator.async_search_foods(
        text, language=language, limit=SUGGESTIONS
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="ambiguous_food",
            translation_placeholders={
                "food": text,
                "suggestions": "; ".join(c.name_in(language) for c in candidates),
            },
        )
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="unknown_food",
        translation_placeholders={"food": text},
    )


def food_response(food: Food, language: str) -> dict[str, Any]:
    """Return a food as action response data (nutrients per 100 g)."""
    return {
        "id": food.id,
        "name": food.name_in(language),
        "name_en": food.name,
        "name_sv": food.name_sv or food.name,
        "category": food.category.value,
        "protein_g": food.protein_g,
        "leucine_g": food.leucine_g,
        "leucine_estimated": food.leucine_estimated,
    }


async def _async_log_food(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    food = await async_food(coordinator, call.data[ATTR_FOOD])
    entry = await coordinator.async_log_food(
        food, call.data[ATTR_GRAMS], when_of(call), Source.ACTION
    )
    return {
        **entry_as_dict(entry),
        "name_en": food.name,
        "name_sv": food.name_sv or food.name,
    }


async def _async_log_nutrients(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    leucine = call.data.get(ATTR_LEUCINE)
    protein = call.data.get(ATTR_PROTEIN)
    if leucine is None and protein is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nutrients_required"
        )
    entry = await coordinator.async_log_nutrients(
        name=call.data.get(ATTR_NAME, "Supplement"),
        leucine_g=leucine,
        protein_g=protein,
        category=Category(call.data[ATTR_CATEGORY]),
        when=when_of(call),
    )
    return entry_as_dict(entry)


async def _async_undo_last(call: ServiceCall) -> ServiceResponse:
    if (entry := await coordinator_of(call).async_undo()) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nothing_to_undo"
        )
    return entry_as_dict(entry)


async def _async_delete_entry(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    entry_id = call.data[ATTR_ENTRY_ID]
    try:
        entry = await coordinator.async_delete(entry_id)
    except EntryNotFoundError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": entry_id},
        ) from err
    return entry_as_dict(entry)


async def _async_search_foods(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    language = coordinator.language
    query = call.data[ATTR_QUERY]
    foods = await coordinator.async_search_foods(
        query, language=language, limit=call.data[ATTR_LIMIT]
    )
    # The one food the query names, as log_food would take it (None: none, or several).
    match = await coordinator.async_resolve_food(query, language)
    return {
        "foods": [food_response(food, language) for food in foods],
        "match": None if match is None else match.id,
    }


async def _async_get_log(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    end = call.data.get(ATTR_END, _END_OF_TIME)
    start = call.data.get(ATTR_START, coordinator.data.day_start)
    if start > end:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="start_after_end"
        )
    entries = await coordinator.async_entries_between(start, end)
    return {"entries": [entry_as_dict(entry) for entry in entries]}


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


_ACTIONS: tuple[
    tuple[
        str,
        TranslatedSchema,
        Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]],
        SupportsResponse,
    ],
    ...,
] = (
    (SERVICE_LOG_FOOD, LOG_FOOD_SCHEMA, _async_log_food, SupportsResponse.OPTIONAL),
    (
        SERVICE_LOG_NUTRIENTS,
        LOG_NUTRIENTS_SCHEMA,
        _async_log_nutrients,
        SupportsResponse.OPTIONAL,
    ),
    (SERVICE_UNDO_LAST, PERSON_SCHEMA, _async_undo_last, SupportsResponse.OPTIONAL),
    (
        SERVICE_DELETE_ENTRY,
        DELETE_ENTRY_SCHEMA,
        _async_delete_entry,
        SupportsResponse.OPTIONAL,
    ),
    (
        SERVICE_SEARCH_FOODS,
        SEARCH_FOODS_SCHEMA,
        _async_search_foods,
        SupportsResponse.ONLY,
    ),
    (SERVICE_GET_LOG, GET_LOG_SCHEMA, _async_get_log, SupportsResponse.ONLY),
    (
        SERVICE_WEEKLY_SUMMARY,
        WEEKLY_SUMMARY_SCHEMA,
        _async_weekly_summary,
        SupportsResponse.ONLY,
    ),
    (
        SERVICE_ASSIGN_PORTION,
        ASSIGN_PORTION_SCHEMA,
        _async_assign_portion,
        SupportsResponse.OPTIONAL,
    ),
    (
        SERVICE_DROP_PORTION,
        DROP_PORTION_SCHEMA,
        _async_drop_portion,
        SupportsResponse.OPTIONAL,
    ),
    (
        SERVICE_ADD_BARCODE_FOOD,
        ADD_BARCODE_FOOD_SCHEMA,
        _async_add_barcode_food,
        SupportsResponse.OPTIONAL,
    ),
)


@callback
def async_setup_actions(hass: HomeAssistant) -> None:
    """Register the integration's actions (once, for all people)."""
    for name, schema, handler, supports_response in _ACTIONS:
        hass.services.async_register(
            DOMAIN, name, handler, schema=schema, supports_response=supports_response
        )
