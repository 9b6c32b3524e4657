"""Adding a person (who they are, then their goals), renaming them, and their options.

The steps are a part of the integration's one config flow (`config_flow.py`); the options
flow is the person's own: settings, favourite foods, own foods and barcodes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.config_entries import (
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import AbortFlow, section
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.selector import (
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    EntityWithDeviceFilterSelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TimeSelector,
)
from homeassistant.util import slugify
import probatio

from ..const import CONF_KIND, DOMAIN, KIND_PERSON
from ..core.barcode import InvalidBarcodeError
from ..core.categories import Category
from ..core.model import (
    AgeGroup,
    DayType,
    Food,
    default_leucine_target_g,
    default_protein_target_g,
)
from ..core.openfoodfacts_product import OpenFoodFactsError
from ..core.recipes import PartsError, parse_parts
from ..core.record import PersonRecord
from ..core.validation import (
    BadTextError,
    NotANumberError,
    NumberRange,
    clean_text,
    to_number,
)
from ..kinds import entry_kind
from .action_fields import MAX_GRAMS, async_food
from .const import (
    ATTR_BARCODE,
    ATTR_CATEGORY,
    ATTR_FOOD,
    ATTR_FOODS,
    ATTR_KCAL,
    ATTR_LEUCINE,
    ATTR_NAME,
    ATTR_PROTEIN,
    ATTR_QUERY,
    CONF_AGE_GROUP,
    CONF_BEDTIME,
    CONF_BODY_MASS,
    CONF_CLAIM_WINDOW,
    CONF_DAY_START,
    CONF_FAST_GOAL,
    CONF_HA_PERSON,
    CONF_LEUCINE_TARGET,
    CONF_LOG_MODE,
    CONF_PERSON_NAME,
    CONF_PHOTO_AI_TASK,
    CONF_PHOTO_AUTO_LOG,
    CONF_PHOTO_CAMERA,
    CONF_PLAN,
    CONF_PRE_SLEEP,
    CONF_PROTEIN_TARGET,
    CONF_SCALE_ENTITY,
    CONF_TRAINING,
    CONF_TRAINING_ENTITY,
    CONF_TRAINING_MINUTES,
    CONF_WAKE_TIME,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_MODE,
    CONF_WINDOW_START,
    DEFAULT_BEDTIME,
    DEFAULT_BODY_MASS,
    DEFAULT_CLAIM_WINDOW,
    DEFAULT_DAY_START,
    DEFAULT_FAST_GOAL,
    DEFAULT_TRAINING_MINUTES,
    DEFAULT_WAKE_TIME,
    DEFAULT_WINDOW_LENGTH,
    DEFAULT_WINDOW_START,
    LOG_MODE_ON_REMOVAL,
    LOG_MODES,
    WEEKDAYS,
    WINDOW_MODE_FIRST_MEAL,
    WINDOW_MODE_FIXED,
)
from .coordinator import PersonCoordinator
from .household import async_get_household
from .meals import (
    ATTR_COOKED_GRAMS,
    ATTR_INGREDIENTS,
    ATTR_ITEMS,
    ATTR_NAME_SV,
    recipe_food,
    saved_meal,
)
from .options import (
    NUMBER_OPTIONS,
    number_errors,
    range_placeholders,
    read_options,
)
from .own_foods import (
    MAX_FOOD_NAME,
    OWN_FOOD_RANGES,
    async_lookup_barcode,
    barcode_error_key,
    own_food,
)
from .repairs import below_espen, long_fast

OPTIONS_MENU = [
    "settings",
    "add_favorites",
    "remove_favorites",
    "add_own_food",
    "edit_own_food",
    "remove_own_foods",
    "barcode",
    "add_recipe",
    "add_meal",
    "remove_meals",
]
FAVORITE_RESULTS = 20
BY_HAND = "by_hand"  # the barcode step's "enter it from the label instead"
# Entities whose state is "on" while the person trains.
TRAINING_DOMAINS = ["binary_sensor", "calendar", "input_boolean", "switch"]
ATTR_MEALS = "meals"
REMOVE_ABORTS = {"remove_favorites": "no_favorites", "remove_own_foods": "no_own_foods"}


MAX_NAME = 64
COOKED_RANGE = {ATTR_COOKED_GRAMS: NumberRange(1, 20000, "g")}
_PLACEHOLDERS = {**range_placeholders(), "name_max": str(MAX_NAME)}


def _number(key: str) -> NumberSelector:
    """Return the field of a number option, with its range, step and unit."""
    option = NUMBER_OPTIONS[key]
    return _number_field(option.allowed, option.step)


class _RangeCheckedNumber(NumberSelector):
    """A number box whose range its step checks (`number_errors`), not the selector.

    The selector's own check answers "Value 5000.0 is too large", in English and without
    the range, and lets "NaN" through; the step's error states the range, translated.
    """

    def __call__(self, data: Any) -> Any:
        try:
            return to_number(data)
        except NotANumberError:
            return data  # refused by the step, with the range


def _number_field(allowed: NumberRange, step: float) -> NumberSelector:
    return _RangeCheckedNumber(
        NumberSelectorConfig(
            min=allowed.minimum,
            max=allowed.maximum,
            step=step,
            unit_of_measurement=allowed.unit,
            mode=NumberSelectorMode.BOX,
        )
    )


def _choice(options: list[str], key: str) -> SelectSelector:
    return SelectSelector(
        SelectSelectorConfig(
            options=options, translation_key=key, mode=SelectSelectorMode.DROPDOWN
        )
    )


def _body_schema() -> dict[Any, Any]:
    """Fields about the person's body, asked when adding them and in the options."""
    return {
        probatio.Required(CONF_BODY_MASS, default=DEFAULT_BODY_MASS): _number(
            CONF_BODY_MASS
        ),
        probatio.Required(CONF_AGE_GROUP, default=AgeGroup.ADULT.value): _choice(
            [group.value for group in AgeGroup], CONF_AGE_GROUP
        ),
        probatio.Optional(CONF_SCALE_ENTITY): EntitySelector(
            EntitySelectorConfig(domain="sensor", device_class=SensorDeviceClass.WEIGHT)
        ),
        probatio.Optional(CONF_HA_PERSON): EntitySelector(
            EntitySelectorConfig(domain="person")
        ),
    }


def _goals_schema(body_mass: float, age_group: AgeGroup) -> dict[Any, Any]:
    """Fields about fasting, the eating window, targets and the weekly plan."""
    day_types = [day_type.value for day_type in DayType]
    return {
        probatio.Required(CONF_FAST_GOAL, default=DEFAULT_FAST_GOAL): _number(
            CONF_FAST_GOAL
        ),
        probatio.Required(CONF_WINDOW_MODE, default=WINDOW_MODE_FIXED): _choice(
            [WINDOW_MODE_FIXED, WINDOW_MODE_FIRST_MEAL], CONF_WINDOW_MODE
        ),
        probatio.Required(
            CONF_WINDOW_START, default=DEFAULT_WINDOW_START
        ): TimeSelector(),
        probatio.Required(CONF_WINDOW_LENGTH, default=DEFAULT_WINDOW_LENGTH): _number(
            CONF_WINDOW_LENGTH
        ),
        probatio.Required(
            CONF_LEUCINE_TARGET, default=default_leucine_target_g(body_mass, age_group)
        ): _number(CONF_LEUCINE_TARGET),
        probatio.Required(
            CONF_PROTEIN_TARGET, default=default_protein_target_g(body_mass, age_group)
        ): _number(CONF_PROTEIN_TARGET),
        probatio.Required(CONF_DAY_START, default=DEFAULT_DAY_START): TimeSelector(),
        probatio.Required(CONF_LOG_MODE, default=LOG_MODE_ON_REMOVAL): _choice(
            list(LOG_MODES), CONF_LOG_MODE
        ),
        probatio.Required(CONF_CLAIM_WINDOW, default=DEFAULT_CLAIM_WINDOW): _number(
            CONF_CLAIM_WINDOW
        ),
        probatio.Required(CONF_BEDTIME, default=DEFAULT_BEDTIME): TimeSelector(),
        probatio.Required(CONF_WAKE_TIME, default=DEFAULT_WAKE_TIME): TimeSelector(),
        probatio.Required(CONF_PRE_SLEEP, default=False): BooleanSelector(),
        probatio.Required(CONF_PLAN): section(
            probatio.Schema(
                {
                    probatio.Required(day, default=DayType.NORMAL.value): _choice(
                        day_types, "day_type"
                    )
                    for day in WEEKDAYS
                }
            ),
            {"collapsed": True},
        ),
        probatio.Required(CONF_TRAINING, default={}): section(
            probatio.Schema(
                {probatio.Optional(day): TimeSelector() for day in WEEKDAYS}
            ),
            {"collapsed": True},
        ),
        probatio.Required(
            CONF_TRAINING_MINUTES, default=DEFAULT_TRAINING_MINUTES
        ): _number(CONF_TRAINING_MINUTES),
        probatio.Optional(CONF_TRAINING_ENTITY): EntitySelector(
            EntitySelectorConfig(domain=TRAINING_DOMAINS)
        ),
    }


def _photo_schema() -> dict[Any, Any]:
    """Weigh it, show it: the model that identifies a photo, the kitchen camera."""
    return {
        probatio.Optional(CONF_PHOTO_AI_TASK): EntitySelector(
            EntitySelectorConfig(
                filter=EntityWithDeviceFilterSelectorConfig(
                    domain="ai_task",
                    supported_features=[
                        "ai_task.AITaskEntityFeature.SUPPORT_ATTACHMENTS"
                    ],
                )
            )
        ),
        probatio.Optional(CONF_PHOTO_CAMERA): EntitySelector(
            EntitySelectorConfig(domain="camera")
        ),
        probatio.Required(CONF_PHOTO_AUTO_LOG, default=False): BooleanSelector(),
    }


# A fasting goal over 24 h is saved only once this box of its safety notice is ticked.
CONF_LONG_FAST_UNDERSTOOD = "long_fast_understood"
_LONG_FAST_SCHEMA = probatio.Schema(
    {probatio.Required(CONF_LONG_FAST_UNDERSTOOD, default=False): BooleanSelector()}
)


def _long_fast_errors(user_input: Mapping[str, Any] | None) -> dict[str, str]:
    """Return the error of a long-fast notice submitted without its box ticked."""
    if user_input is None or user_input.get(CONF_LONG_FAST_UNDERSTOOD) is True:
        return {}
    return {CONF_LONG_FAST_UNDERSTOOD: "long_fast_not_confirmed"}


def _name_and_unique_id(text: Any) -> tuple[str, str | None]:
    """Return the person's name and unique id; the id is None if the name is not usable.

    A name is 1 to 64 printable characters with at least one letter or digit.
    """
    try:
        name = clean_text(text, MAX_NAME)
    except BadTextError:
        return str(text), None
    return name, slugify(name) if any(char.isalnum() for char in name) else None


def _is_a_persons_sensor(hass: HomeAssistant, entity_id: str) -> bool:
    """Return whether `entity_id` is one of a person's own sensors (a Portion, a total).

    They carry grams but are no scale: weighing on one would log a portion twice. The
    Weight sensor of a Bluetooth scale added to this integration is a scale.
    """
    entity = er.async_get(hass).async_get(entity_id)
    if entity is None or entity.platform != DOMAIN or entity.config_entry_id is None:
        return False
    entry = hass.config_entries.async_get_entry(entity.config_entry_id)
    return entry is not None and entry_kind(entry) == KIND_PERSON


def _entered_errors(
    hass: HomeAssistant, user_input: Mapping[str, Any]
) -> dict[str, str]:
    """Return the errors of what was entered: numbers out of range, missing entities."""
    errors = number_errors(user_input)
    scale = user_input.get(CONF_SCALE_ENTITY)
    if scale and hass.states.get(scale) is None:
        errors[CONF_SCALE_ENTITY] = "scale_not_found"
    elif scale and _is_a_persons_sensor(hass, scale):
        errors[CONF_SCALE_ENTITY] = "scale_is_a_persons_sensor"
    for key in (CONF_TRAINING_ENTITY, CONF_PHOTO_AI_TASK, CONF_PHOTO_CAMERA):
        entity = user_input.get(key)
        if entity and hass.states.get(entity) is None:
            errors[key] = "entity_not_found"
    return errors


class PersonFlow(ConfigFlow):
    """The config flow's steps for a person (mixed into the integration's flow)."""

    _person: dict[str, Any]
    _pending: dict[str, Any]

    async def async_step_person(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's name and body."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name, unique_id = _name_and_unique_id(user_input[CONF_PERSON_NAME])
            errors = _entered_errors(self.hass, user_input)
            if unique_id is None:
                errors[CONF_PERSON_NAME] = "invalid_name"
            if not errors:
                await self.async_set_unique_id(unique_id)
                self._abort_if_unique_id_configured()
                self._person = {**user_input, CONF_PERSON_NAME: name}
                return await self.async_step_goals()
        schema = probatio.Schema(
            {probatio.Required(CONF_PERSON_NAME): TextSelector(), **_body_schema()}
        )
        return self.async_show_form(
            step_id="person",
            data_schema=self.add_suggested_values_to_schema(schema, user_input),
            errors=errors,
            description_placeholders=_PLACEHOLDERS,
        )

    async def async_step_goals(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for fasting, eating window, targets and plan (defaults from the body)."""
        errors: dict[str, str] = {}
        if user_input is not None and not (
            errors := _entered_errors(self.hass, user_input)
        ):
            person = dict(self._person)
            person.pop(CONF_PERSON_NAME)
            self._pending = read_options({**person, **user_input}).values
            return await self._async_confirm(long_fast_confirmed=False)
        schema = probatio.Schema(
            _goals_schema(
                float(self._person[CONF_BODY_MASS]),
                AgeGroup(self._person[CONF_AGE_GROUP]),
            )
        )
        return self.async_show_form(
            step_id="goals",
            data_schema=self.add_suggested_values_to_schema(schema, user_input),
            errors=errors,
            description_placeholders=_PLACEHOLDERS,
        )

    async def _async_confirm(self, *, long_fast_confirmed: bool) -> ConfigFlowResult:
        """Ask to confirm a fast over 24 h, warn under ESPEN's minimum, then add."""
        if not long_fast_confirmed and long_fast(self._pending):
            return await self.async_step_long_fast()
        if below_espen(self._pending):
            return await self.async_step_below_espen()
        return self._create_person()

    async def async_step_long_fast(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the safety notice of a fasting goal over 24 h; go on once it is ticked."""
        errors = _long_fast_errors(user_input)
        if user_input is not None and not errors:
            return await self._async_confirm(long_fast_confirmed=True)
        return self.async_show_form(
            step_id="long_fast",
            data_schema=_LONG_FAST_SCHEMA,
            errors=errors,
            description_placeholders=long_fast(self._pending),
        )

    async def async_step_below_espen(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Warn that the plan puts an older adult under the ESPEN minimum; go on if sure."""
        if user_input is not None:
            return self._create_person()
        return self.async_show_form(
            step_id="below_espen",
            description_placeholders=below_espen(self._pending),
        )

    def _create_person(self) -> ConfigFlowResult:
        name = self._person[CONF_PERSON_NAME]
        return self.async_create_entry(
            title=name,
            data={CONF_KIND: KIND_PERSON, CONF_PERSON_NAME: name},
            options=self._pending,
        )

    async def async_rename_person(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename the person (the reconfigure step of a person's entry)."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            name, unique_id = _name_and_unique_id(user_input[CONF_PERSON_NAME])
            if unique_id is None:
                errors[CONF_PERSON_NAME] = "invalid_name"
            else:
                await self.async_set_unique_id(unique_id)
                if entry.unique_id != self.unique_id:
                    self._abort_if_unique_id_configured()
                return self.async_update_reload_and_abort(
                    entry,
                    unique_id=self.unique_id,
                    title=name,
                    data_updates={CONF_PERSON_NAME: name},
                )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=probatio.Schema(
                {
                    probatio.Required(
                        CONF_PERSON_NAME, default=entry.title
                    ): TextSelector()
                }
            ),
            errors=errors,
        )


class PersonOptionsFlow(OptionsFlowWithReload):
    """Change a person's settings, favourite foods and own foods."""

    def __init__(self) -> None:
        """Start with no search results."""
        self._found: list[Food] = []
        self._editing: Food | None = None
        self._pending: dict[str, Any] = {}

    @property
    def _coordinator(self) -> PersonCoordinator:
        if (
            person := async_get_household(self.hass).get(self.config_entry.entry_id)
        ) is None:
            raise AbortFlow("not_loaded")
        return person

    def _done(self) -> ConfigFlowResult:
        """Finish a step that changed the person's foods, not the options (no reload)."""
        return self.async_create_entry(data=dict(self.config_entry.options))

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer what can be changed."""
        if async_get_household(self.hass).get(self.config_entry.entry_id) is None:
            return self.async_abort(reason="not_loaded")
        return self.async_show_menu(step_id="init", menu_options=OPTIONS_MENU)

    async def async_step_settings(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Body, scale, goals and plan in one form, filled with the current values.

        Values that cannot be used (stored before they were checked, or edited by hand)
        are shown as their defaults, so the person can always open this and correct them.
        """
        errors: dict[str, str] = {}
        if user_input is not None and not (
            errors := _entered_errors(self.hass, user_input)
        ):
            self._pending = read_options(user_input).values
            return await self._async_confirm(long_fast_confirmed=False)
        current = read_options(self.config_entry.options).values
        schema = probatio.Schema(
            {
                **_body_schema(),
                **_goals_schema(
                    float(current[CONF_BODY_MASS]), AgeGroup(current[CONF_AGE_GROUP])
                ),
                **_photo_schema(),
            }
        )
        return self.async_show_form(
            step_id="settings",
            data_schema=self.add_suggested_values_to_schema(
                schema, current if user_input is None else user_input
            ),
            errors=errors,
            description_placeholders=_PLACEHOLDERS,
        )

    async def _async_confirm(self, *, long_fast_confirmed: bool) -> ConfigFlowResult:
        """Ask to confirm a fast over 24 h, warn under ESPEN's minimum, then save."""
        if not long_fast_confirmed and long_fast(self._pending):
            return await self.async_step_long_fast()
        if below_espen(self._pending):
            return await self.async_step_below_espen()
        return self.async_create_entry(data=self._pending)

    async def async_step_long_fast(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the safety notice of a fasting goal over 24 h; save once it is ticked."""
        errors = _long_fast_errors(user_input)
        if user_input is not None and not errors:
            return await self._async_confirm(long_fast_confirmed=True)
        return self.async_show_form(
            step_id="long_fast",
            data_schema=_LONG_FAST_SCHEMA,
            errors=errors,
            description_placeholders=long_fast(self._pending),
        )

    async def async_step_below_espen(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Warn that the plan puts an older adult under the ESPEN minimum; save if sure."""
        if user_input is not None:
            return self.async_create_entry(data=self._pending)
        return self.async_show_form(
            step_id="below_espen",
            description_placeholders=below_espen(self._pending),
        )

    async def async_step_add_favorites(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Search the food table for foods to add to the favourites; empty when done.

        After foods are added the search comes back, so that several can be added in a
        row; the description lists the favourites so far.
        """
        errors: dict[str, str] = {}
        coordinator = self._coordinator
        if user_input is not None:
            if not (query := str(user_input.get(ATTR_QUERY) or "").strip()):
                return self._done()
            self._found = await coordinator.async_search_foods(
                query, language=coordinator.language, limit=FAVORITE_RESULTS
            )
            if self._found:
                return await self.async_step_pick_favorites()
            errors[ATTR_QUERY] = "no_foods_found"
        favorites = coordinator.record.favorite_foods
        return self.async_show_form(
            step_id="add_favorites",
            data_schema=probatio.Schema(
                {probatio.Optional(ATTR_QUERY): TextSelector()}
            ),
            errors=errors,
            description_placeholders={
                "favorites": ", ".join(
                    food.name_in(coordinator.language) for food in favorites
                )
                or "-"
            },
        )

    async def async_step_pick_favorites(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick favourites among the search results (best match first, none ticked)."""
        if user_input is not None:
            chosen = user_input.get(ATTR_FOODS, [])
            await self._coordinator.async_change_record(
                lambda record: record.add_favorites(chosen)
            )
            return await self.async_step_add_favorites()
        return self.async_show_form(
            step_id="pick_favorites",
            data_schema=probatio.Schema(
                {probatio.Optional(ATTR_FOODS): self._food_picker(self._found)}
            ),
        )

    async def async_step_remove_favorites(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove favourites."""
        coordinator = self._coordinator
        return await self._async_remove(
            "remove_favorites",
            coordinator.record.favorite_foods,
            PersonRecord.remove_favorites,
            user_input,
        )

    async def async_step_add_own_food(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a food of your own, by its label values (or change one: see edit_own_food)."""
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = number_errors(user_input, OWN_FOOD_RANGES)
            try:
                name = clean_text(user_input[ATTR_NAME], MAX_FOOD_NAME)
            except BadTextError:
                errors[ATTR_NAME] = "invalid_food_name"
            if not errors:
                editing, self._editing = self._editing, None
                food = own_food(
                    {**user_input, ATTR_NAME: name},
                    food_id=editing.id if editing else None,
                )
                await self._coordinator.async_change_record(
                    lambda record: record.save_own_food(food)
                )
                return self._done()
        schema = probatio.Schema(_own_food_schema())
        if user_input is not None:
            schema = self.add_suggested_values_to_schema(schema, user_input)
        elif self._editing is not None:
            schema = self.add_suggested_values_to_schema(
                schema, _own_food_values(self._editing)
            )
        return self.async_show_form(
            step_id="add_own_food",
            data_schema=schema,
            errors=errors,
            description_placeholders={
                **range_placeholders(OWN_FOOD_RANGES),
                "food_name_max": str(MAX_FOOD_NAME),
            },
        )

    async def async_step_edit_own_food(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose one of your own foods to change."""
        own = self._coordinator.record.foods.own_foods
        if not own:
            return self.async_abort(reason="no_own_foods")
        if user_input is not None:
            self._editing = self._coordinator.record.foods.get(user_input[ATTR_FOOD])
            return await self.async_step_add_own_food()
        return self.async_show_form(
            step_id="edit_own_food",
            data_schema=probatio.Schema(
                {probatio.Required(ATTR_FOOD): self._food_picker(own, multiple=False)}
            ),
        )

    async def async_step_remove_own_foods(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove foods of your own (logged entries keep their values)."""
        coordinator = self._coordinator
        return await self._async_remove(
            "remove_own_foods",
            coordinator.record.foods.own_foods,
            PersonRecord.remove_own_foods,
            user_input,
        )

    async def async_step_add_recipe(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a dish cooked from weighed ingredients; its cooked weight from the scale."""
        coordinator = self._coordinator
        errors: dict[str, str] = {}
        placeholders = {
            "problem": "",
            "food_name_max": str(MAX_FOOD_NAME),
            **range_placeholders(COOKED_RANGE),
        }
        if user_input is not None:
            parts, name, problem = await self._async_read_parts(
                user_input, ATTR_INGREDIENTS, errors
            )
            placeholders["problem"] = problem
            cooked = user_input.get(ATTR_COOKED_GRAMS)
            if cooked is None:
                errors[ATTR_COOKED_GRAMS] = "no_cooked_weight"
            errors.update(number_errors(user_input, COOKED_RANGE))
            if not errors and name is not None and cooked is not None:
                category = Category(user_input[ATTR_CATEGORY])
                name_sv = user_input.get(ATTR_NAME_SV)
                food = recipe_food(name, name_sv, category, parts, float(cooked))
                view = coordinator.data.scale
                if coordinator.scale is not None and float(cooked) in (
                    view.held_g,
                    view.unclaimed_g,
                ):
                    coordinator.scale.async_take_weight(coordinator)  # the pot
                await coordinator.async_change_record(
                    lambda record: record.save_own_food(food)
                )
                return self._done()
        view = coordinator.data.scale
        on_scale = view.held_g if view.held_g is not None else view.unclaimed_g
        schema = probatio.Schema(
            {
                probatio.Required(ATTR_NAME): TextSelector(),
                probatio.Optional(ATTR_NAME_SV): TextSelector(),
                probatio.Required(ATTR_CATEGORY): _choice(
                    [category.value for category in Category], ATTR_CATEGORY
                ),
                probatio.Required(ATTR_INGREDIENTS): TextSelector(
                    TextSelectorConfig(multiline=True)
                ),
                # The pot on the scale when the form opens: its weight is suggested.
                probatio.Optional(ATTR_COOKED_GRAMS): _number_field(
                    COOKED_RANGE[ATTR_COOKED_GRAMS], 1
                ),
            }
        )
        return self.async_show_form(
            step_id="add_recipe",
            data_schema=self.add_suggested_values_to_schema(
                schema,
                user_input
                if user_input is not None
                else ({} if on_scale is None else {ATTR_COOKED_GRAMS: on_scale}),
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_add_meal(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Save foods and grams eaten together, to log them in one go."""
        errors: dict[str, str] = {}
        placeholders = {"problem": "", "food_name_max": str(MAX_FOOD_NAME)}
        if user_input is not None:
            parts, name, problem = await self._async_read_parts(
                user_input, ATTR_ITEMS, errors
            )
            placeholders["problem"] = problem
            if not errors and name is not None:
                meal = saved_meal(name, parts)
                await self._coordinator.async_change_record(
                    lambda record: record.save_meal(meal)
                )
                return self._done()
        schema = probatio.Schema(
            {
                probatio.Required(ATTR_NAME): TextSelector(),
                probatio.Required(ATTR_ITEMS): TextSelector(
                    TextSelectorConfig(multiline=True)
                ),
            }
        )
        return self.async_show_form(
            step_id="add_meal",
            data_schema=self.add_suggested_values_to_schema(schema, user_input or {}),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_remove_meals(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove saved meals."""
        meals = self._coordinator.record.saved_meals
        if not meals:
            return self.async_abort(reason="no_saved_meals")
        if user_input is not None:
            chosen = list(user_input[ATTR_MEALS])
            await self._coordinator.async_change_record(
                lambda record: [record.remove_saved_meal(meal) for meal in chosen]
            )
            return self._done()
        picker = SelectSelector(
            SelectSelectorConfig(
                options=[SelectOptionDict(value=m.id, label=m.name) for m in meals],
                multiple=True,
                mode=SelectSelectorMode.LIST,
            )
        )
        return self.async_show_form(
            step_id="remove_meals",
            data_schema=probatio.Schema({probatio.Required(ATTR_MEALS): picker}),
        )

    async def _async_read_parts(
        self, user_input: dict[str, Any], field: str, errors: dict[str, str]
    ) -> tuple[list[tuple[Food, float]], str | None, str]:
        """Read a name and a typed list of foods; fill `errors`; return what was read.

        The third value says what was wrong (the line, the food and the suggestions).
        """
        name: str | None = None
        try:
            name = clean_text(user_input[ATTR_NAME], MAX_FOOD_NAME)
        except BadTextError:
            errors[ATTR_NAME] = "invalid_food_name"
        try:
            typed = parse_parts(str(user_input[field]))
        except PartsError as err:
            errors[field] = "unreadable_line"
            return [], name, err.text
        if not typed:
            errors[field] = "unreadable_line"
            return [], name, ""
        parts: list[tuple[Food, float]] = []
        for text, grams in typed:
            if not 0 < grams <= MAX_GRAMS:
                errors[field] = "unreadable_line"
                return [], name, f"{grams:g} g {text}"
            try:
                parts.append((await async_food(self._coordinator, text), grams))
            except ServiceValidationError as err:
                errors[field] = err.translation_key or "unknown_food"
                placeholders = err.translation_placeholders or {}
                return [], name, placeholders.get("suggestions") or text
        return parts, name, ""

    async def _async_remove(
        self,
        step_id: str,
        foods: list[Food],
        remove: Callable[[PersonRecord, list[str]], None],
        user_input: dict[str, Any] | None,
    ) -> ConfigFlowResult:
        """Let the person pick foods of a list to remove; abort when the list is empty."""
        if not foods:
            return self.async_abort(reason=REMOVE_ABORTS[step_id])
        if user_input is not None:
            chosen = user_input[ATTR_FOODS]
            await self._coordinator.async_change_record(
                lambda record: remove(record, chosen)
            )
            return self._done()
        return self.async_show_form(
            step_id=step_id,
            data_schema=probatio.Schema(
                {probatio.Required(ATTR_FOODS): self._food_picker(foods)}
            ),
        )

    async def async_step_barcode(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Look a packaged food up on Open Food Facts by its barcode and add it.

        When the lookup fails, the form keeps what was typed and offers to enter the food
        by hand (from its label) instead.
        """
        errors: dict[str, str] = {}
        if user_input is not None:
            if user_input.get(BY_HAND):
                return await self.async_step_add_own_food()
            category = user_input.get(ATTR_CATEGORY)
            try:
                food = await async_lookup_barcode(
                    self.hass,
                    user_input[ATTR_BARCODE],
                    None if category is None else Category(category),
                )
            except (OpenFoodFactsError, InvalidBarcodeError) as err:
                errors[ATTR_BARCODE] = barcode_error_key(err)
            else:
                await self._coordinator.async_change_record(
                    lambda record: record.save_own_food(food)
                )
                return self._done()
        fields: dict[Any, Any] = {
            probatio.Required(ATTR_BARCODE): TextSelector(),
            probatio.Optional(ATTR_CATEGORY): _choice(
                [category.value for category in Category], ATTR_CATEGORY
            ),
        }
        if errors:
            fields[probatio.Optional(BY_HAND, default=False)] = BooleanSelector()
        return self.async_show_form(
            step_id="barcode",
            data_schema=self.add_suggested_values_to_schema(
                probatio.Schema(fields), user_input
            ),
            errors=errors,
        )

    def _food_picker(
        self, foods: list[Food], *, multiple: bool = True
    ) -> SelectSelector:
        language = self._coordinator.language
        return SelectSelector(
            SelectSelectorConfig(
                options=[
                    SelectOptionDict(value=food.id, label=food.name_in(language))
                    for food in foods
                ],
                multiple=multiple,
                mode=SelectSelectorMode.LIST,
            )
        )


def _own_food_schema() -> dict[Any, Any]:
    # No default category: a silent "other" would estimate leucine from the wrong kind.
    return {
        probatio.Required(ATTR_NAME): TextSelector(),
        probatio.Required(ATTR_PROTEIN): _number_field(
            OWN_FOOD_RANGES[ATTR_PROTEIN], 0.1
        ),
        probatio.Optional(ATTR_LEUCINE): _number_field(
            OWN_FOOD_RANGES[ATTR_LEUCINE], 0.01
        ),
        probatio.Required(ATTR_CATEGORY): _choice(
            [category.value for category in Category], ATTR_CATEGORY
        ),
        probatio.Optional(ATTR_KCAL): _number_field(OWN_FOOD_RANGES[ATTR_KCAL], 1),
    }


def _own_food_values(food: Food) -> dict[str, Any]:
    values: dict[str, Any] = {
        ATTR_NAME: food.name,
        ATTR_PROTEIN: food.protein_g,
        ATTR_CATEGORY: food.category.value,
        ATTR_KCAL: food.kcal,
    }
    if not food.leucine_estimated:
        values[ATTR_LEUCINE] = food.leucine_g
    return values
