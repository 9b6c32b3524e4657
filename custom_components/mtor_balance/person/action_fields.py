"""What every action shares: the person it is for, validators with translated errors, foods.

The log actions (`actions`), recipes and saved meals (`meals`) and export and import
(`transfer`) are built from these, and registered in one place (`actions`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, override

from homeassistant.core import ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, service
from homeassistant.util import dt as dt_util
import probatio

from ..const import DOMAIN, KIND_PERSON
from ..core.amounts import (
    MAX_QUANTITY,
    PIECE,
    WEIGHT_UNITS,
    Amount,
    UnknownUnitError,
    grams_for,
    parse_amount,
    unit_key,
    unit_name,
    unit_names,
    units_of,
)
from ..core.model import Food
from ..core.validation import (
    BadTextError,
    NotANumberError,
    NumberRange,
    OutOfRangeError,
    clean_text,
)
from ..kinds import entry_kind
from .const import ATTR_CONFIG_ENTRY_ID, ATTR_TIME
from .coordinator import PersonCoordinator
from .food_table import async_food_index
from .household import async_get_household

# Fields of a household amount ("2 slices"): log_food takes them instead of grams.
ATTR_AMOUNT = "amount"
ATTR_UNIT = "unit"

MAX_GRAMS = 5000.0  # more than any plate; a larger number is a typo
MAX_NUTRIENT_G = 500.0
MAX_TEXT = 200
SUGGESTIONS = 3  # foods named when a name matches several
MIN_AMOUNT = 0.05
# Back-dating is for forgotten meals, not for importing another decade.
MAX_BACKDATE = timedelta(days=366)
MAX_AHEAD = timedelta(minutes=5)  # clocks of phones and servers differ a little


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


TEXT = probatio.All(cv.string, text_of(MAX_TEXT))
TIME = probatio.All(cv.datetime, _utc)
PERSON_FIELD = {probatio.Optional(ATTR_CONFIG_ENTRY_ID): cv.string}


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
            # In the caller's time zone (Home Assistant's), as they would have sent it.
            translation_placeholders={"time": dt_util.as_local(when).isoformat()},
        )
    return when


async def async_food(
    coordinator: PersonCoordinator, text: str, *, unit: str | None = None
) -> Food:
    """Return the one food `text` names; else say that none does, or which ones might.

    With a household `unit` (a unit key; "piece" for "2 eggs"), only foods that have it
    are weighed where the name fits several (see FoodTable.resolve).
    """
    language = coordinator.language
    if unit is None or unit in WEIGHT_UNITS:
        food = await coordinator.async_resolve_food(text, language)
    else:
        await async_food_index(coordinator.hass, coordinator.record.foods.table)
        food = coordinator.record.foods.resolve(text, language, unit=unit)
    if food is not None:
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
        "units": units_of(food),
    }


def amount_unit(call: ServiceCall) -> str | None:
    """Return the unit key of the action's `unit` (None: the food is counted, "2 eggs").

    A word that names no unit is refused with the units there are.
    """
    return unit_of_word(call.data.get(ATTR_UNIT))


def unit_of_word(word: str | None) -> str | None:
    """Return the unit key of a unit word (None: pieces); refuse a word that names none.

    The one reading of a unit for the `log_food` action and the card's `log_food` command.
    """
    if word is None:
        return None
    if (key := unit_key(word)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_unit_word",
            translation_placeholders={"unit": word},
        )
    return key


def amount_grams(
    food: Food, quantity: float, unit: str | None, language: str
) -> tuple[Amount, float]:
    """Return the amount and its grams; refuse a unit the food lacks, naming its units."""
    try:
        grams = grams_for(food, quantity, unit)
    except UnknownUnitError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_unit",
            translation_placeholders={
                "food": food.name_in(language),
                "unit": unit_name(unit or PIECE, language),
                "units": ", ".join(
                    unit_name(key, language) for key in unit_names(food)
                ),
            },
        ) from err
    said = Amount(quantity, unit)
    if not MIN_AMOUNT <= grams <= MAX_GRAMS:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="amount_out_of_range",
            translation_placeholders={
                "amount": said.said(food.name_in(language)),
                "grams": f"{grams:g}",
                "min": f"{MIN_AMOUNT:g}",
                "max": f"{MAX_GRAMS:g}",
            },
        )
    return said, grams


async def async_said_search(
    coordinator: PersonCoordinator, query: str
) -> tuple[str, Amount | None, Food | None]:
    """Split what was said into the food's words, its amount and the one food it names.

    "2 eggs" -> ("eggs", 2 pieces, the raw egg), "ett glas mjölk" -> ("mjölk", 1 glass,
    whole milk): the food is resolved among foods that have the unit, else among all (the
    caller then finds it lacks the unit). A query that is a food's id or whole name is no
    amount ("A-fil"), nor a number that is part of a name ("2% milk", "7up").
    """
    language = coordinator.language
    await async_food_index(coordinator.hass, coordinator.record.foods.table)
    foods = coordinator.record.foods
    parsed = parse_amount(query)
    if parsed is not None and foods.named(query, language) is None:
        said, words = parsed
        household = said.unit if said.unit not in WEIGHT_UNITS else None
        match = foods.resolve(words, language, unit=household or PIECE)
        if match is None and said.unit is not None:
            match = foods.resolve(words, language)
        return words, said, match
    return query, None, foods.resolve(query, language)


def said_response(said: Amount, match: Food | None) -> dict[str, Any]:
    """Return an amount said before a food, for search_foods' response.

    `grams` is what it weighs of the matched food, or None when that food lacks the unit.
    """
    unit = said.unit or PIECE
    grams: float | None = None
    if match is not None:
        try:
            grams = grams_for(match, said.quantity, said.unit)
        except UnknownUnitError:
            grams = None
    return {
        "quantity": said.quantity,
        "unit": unit,
        "unit_sv": unit_name(unit, "sv"),
        "grams": grams,
    }


# A household amount: more than MAX_QUANTITY of anything is a typo.
QUANTITY = NumberRange(MIN_AMOUNT, MAX_QUANTITY, "")
