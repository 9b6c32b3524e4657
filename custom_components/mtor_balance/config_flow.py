"""Add a person or a Bluetooth scale; change a person's goals (options), rename them (reconfigure).

A scale is added when Home Assistant discovers it (Bluetooth matchers in the manifest) or
picked from the scales it currently hears. Scales have no options and cannot be reconfigured:
the address is their identity.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, cast, override

from homeassistant.components import bluetooth
from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.config_entries import (
    SOURCE_IGNORE,
    ConfigEntry,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.core import callback
from homeassistant.data_entry_flow import section
from homeassistant.helpers.device_registry import format_mac
from homeassistant.helpers.selector import (
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TimeSelector,
)
from homeassistant.util import slugify
import probatio

from .const import (
    CONF_ADDRESS,
    CONF_AGE_GROUP,
    CONF_BODY_MASS,
    CONF_DAY_START,
    CONF_FAST_GOAL,
    CONF_KIND,
    CONF_LEUCINE_TARGET,
    CONF_LOG_MODE,
    CONF_PERSON_NAME,
    CONF_PLAN,
    CONF_PROTEIN_TARGET,
    CONF_PROTOCOL,
    CONF_SCALE_ENTITY,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_MODE,
    CONF_WINDOW_START,
    CORE_BOOKOO_DOMAIN,
    DEFAULT_BODY_MASS,
    DEFAULT_DAY_START,
    DEFAULT_FAST_GOAL,
    DEFAULT_WINDOW_LENGTH,
    DEFAULT_WINDOW_START,
    DOMAIN,
    KIND_PERSON,
    KIND_SCALE,
    LOG_MODE_BUTTON,
    LOG_MODE_ON_REMOVAL,
    WEEKDAYS,
    WINDOW_MODE_FIRST_MEAL,
    WINDOW_MODE_FIXED,
)
from .coordinator import MtorConfigEntry, PersonCoordinator
from .core.barcode import InvalidBarcodeError
from .core.categories import Category
from .core.model import (
    AgeGroup,
    DayType,
    Food,
    default_leucine_target_g,
    default_protein_target_g,
)
from .core.openfoodfacts import OpenFoodFactsError
from .own_foods import (
    CONF_BARCODE,
    CONF_CATEGORY,
    CONF_FOOD,
    CONF_FOODS,
    CONF_KCAL,
    CONF_LEUCINE,
    CONF_NAME,
    CONF_PROTEIN,
    CONF_QUERY,
    async_lookup_barcode,
    barcode_error_key,
    own_food,
)
from .scale_coordinator import is_scale_entry
from .scales import bookoo
from .scales.reading import ScaleProtocol
from .scales.registry import match_protocol

OPTIONS_MENU = [
    "settings",
    "add_favorites",
    "remove_favorites",
    "add_own_food",
    "edit_own_food",
    "remove_own_foods",
    "barcode",
]
FAVORITE_RESULTS = 20
REMOVE_ABORTS = {"remove_favorites": "no_favorites", "remove_own_foods": "no_own_foods"}


def _number(minimum: float, maximum: float, step: float, unit: str) -> NumberSelector:
    return NumberSelector(
        NumberSelectorConfig(
            min=minimum,
            max=maximum,
            step=step,
            unit_of_measurement=unit,
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
            20, 300, 0.1, "kg"
        ),
        probatio.Required(CONF_AGE_GROUP, default=AgeGroup.ADULT.value): _choice(
            [group.value for group in AgeGroup], CONF_AGE_GROUP
        ),
        probatio.Optional(CONF_SCALE_ENTITY): EntitySelector(
            EntitySelectorConfig(domain="sensor", device_class=SensorDeviceClass.WEIGHT)
        ),
    }


def _goals_schema(body_mass: float, age_group: AgeGroup) -> dict[Any, Any]:
    """Fields about fasting, the eating window, targets and the weekly plan."""
    day_types = [day_type.value for day_type in DayType]
    return {
        probatio.Required(CONF_FAST_GOAL, default=DEFAULT_FAST_GOAL): _number(
            0, 72, 0.5, "h"
        ),
        probatio.Required(CONF_WINDOW_MODE, default=WINDOW_MODE_FIXED): _choice(
            [WINDOW_MODE_FIXED, WINDOW_MODE_FIRST_MEAL], CONF_WINDOW_MODE
        ),
        probatio.Required(
            CONF_WINDOW_START, default=DEFAULT_WINDOW_START
        ): TimeSelector(),
        probatio.Required(CONF_WINDOW_LENGTH, default=DEFAULT_WINDOW_LENGTH): _number(
            1, 24, 0.5, "h"
        ),
        probatio.Required(
            CONF_LEUCINE_TARGET, default=default_leucine_target_g(body_mass, age_group)
        ): _number(0.5, 10, 0.1, "g"),
        probatio.Required(
            CONF_PROTEIN_TARGET, default=default_protein_target_g(body_mass, age_group)
        ): _number(10, 400, 1, "g"),
        probatio.Required(CONF_DAY_START, default=DEFAULT_DAY_START): TimeSelector(),
        probatio.Required(CONF_LOG_MODE, default=LOG_MODE_ON_REMOVAL): _choice(
            [LOG_MODE_ON_REMOVAL, LOG_MODE_BUTTON], CONF_LOG_MODE
        ),
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
    }


def _unique_id(name: str) -> str | None:
    """Return the person's unique id, or None if the name has no letter or digit."""
    return slugify(name) if any(char.isalnum() for char in name) else None


class MtorBalanceConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a person (who they are, then their goals) or a Bluetooth scale."""

    VERSION = 1
    MINOR_VERSION = 1

    # The discovered scale (address, name, protocol), set by async_step_bluetooth.
    _scale: tuple[str, str, ScaleProtocol]

    def __init__(self) -> None:
        """Start with nothing entered."""
        self._person: dict[str, Any] = {}
        self._discovered: dict[str, tuple[str, ScaleProtocol]] = {}

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: ConfigEntry) -> MtorBalanceOptionsFlow:
        return MtorBalanceOptionsFlow()

    @classmethod
    @callback
    @override
    def async_supports_options_flow(cls, config_entry: ConfigEntry) -> bool:
        """Only people have options."""
        return not is_scale_entry(config_entry)

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask whether to add a person or a scale."""
        return self.async_show_menu(step_id="user", menu_options=["person", "scale"])

    async def async_step_person(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's name and body."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_PERSON_NAME].strip()
            if (unique_id := _unique_id(name)) is None:
                errors[CONF_PERSON_NAME] = "invalid_name"
            else:
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
        )

    async def async_step_scale(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick one of the supported scales Home Assistant hears now."""
        if user_input is not None:
            address = user_input[CONF_ADDRESS]
            name, protocol = self._discovered[address]
            await self.async_set_unique_id(address, raise_on_progress=False)
            self._abort_if_unique_id_configured()
            return self._create_scale_entry(address, name, protocol)
        configured = self._async_current_ids(include_ignore=False)
        for info in bluetooth.async_discovered_service_info(
            self.hass, connectable=True
        ):
            found = match_protocol(info.name, info.service_uuids)
            if (
                found is not None
                and info.address not in configured
                and not self._handled_by_core(info.address, found)
            ):
                self._discovered[info.address] = (info.name, found)
        if not self._discovered:
            return self.async_abort(reason="no_devices_found")
        options = [
            SelectOptionDict(
                value=address, label=f"{name} ({protocol.model}, {address})"
            )
            for address, (name, protocol) in self._discovered.items()
        ]
        return self.async_show_form(
            step_id="scale",
            data_schema=probatio.Schema(
                {
                    probatio.Required(CONF_ADDRESS): SelectSelector(
                        SelectSelectorConfig(
                            options=options, mode=SelectSelectorMode.DROPDOWN
                        )
                    )
                }
            ),
        )

    async def async_step_bluetooth(
        self, discovery_info: bluetooth.BluetoothServiceInfoBleak
    ) -> ConfigFlowResult:
        """Offer a scale Home Assistant discovered."""
        address = discovery_info.address
        protocol = match_protocol(discovery_info.name, discovery_info.service_uuids)
        if protocol is None:
            return self.async_abort(reason="not_supported")
        await self.async_set_unique_id(address)
        self._abort_if_unique_id_configured()
        if self._handled_by_core(address, protocol):
            return self.async_abort(reason="already_handled_by_core")
        self._scale = (address, discovery_info.name, protocol)
        self.context["title_placeholders"] = {"name": discovery_info.name}
        return await self.async_step_bluetooth_confirm()

    async def async_step_bluetooth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm adding the discovered scale."""
        address, name, protocol = self._scale
        if user_input is not None:
            return self._create_scale_entry(address, name, protocol)
        self._set_confirm_only()
        return self.async_show_form(
            step_id="bluetooth_confirm",
            description_placeholders={
                "name": name,
                "model": f"{protocol.manufacturer} {protocol.model}",
            },
        )

    def _create_scale_entry(
        self, address: str, name: str, protocol: ScaleProtocol
    ) -> ConfigFlowResult:
        return self.async_create_entry(
            title=name,
            data={
                CONF_KIND: KIND_SCALE,
                CONF_ADDRESS: address,
                CONF_PROTOCOL: protocol.key,
            },
        )

    def _handled_by_core(self, address: str, protocol: ScaleProtocol) -> bool:
        """Return whether core's bookoo integration already has this Bookoo scale."""
        if protocol.key != bookoo.PROTOCOL.key:
            return False
        mac = format_mac(address)
        return any(
            entry.source != SOURCE_IGNORE
            and mac in {entry.unique_id, format_mac(str(entry.data.get(CONF_ADDRESS)))}
            for entry in self.hass.config_entries.async_entries(CORE_BOOKOO_DOMAIN)
        )

    async def async_step_goals(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for fasting, eating window, targets and plan (defaults from the body)."""
        if user_input is not None:
            person = dict(self._person)
            name = person.pop(CONF_PERSON_NAME)
            return self.async_create_entry(
                title=name,
                data={CONF_KIND: KIND_PERSON, CONF_PERSON_NAME: name},
                options={**person, **user_input},
            )
        schema = _goals_schema(
            float(self._person[CONF_BODY_MASS]), AgeGroup(self._person[CONF_AGE_GROUP])
        )
        return self.async_show_form(
            step_id="goals", data_schema=probatio.Schema(schema)
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename the person (a scale has nothing to change)."""
        entry = self._get_reconfigure_entry()
        if is_scale_entry(entry):
            return self.async_abort(reason="scale_not_reconfigurable")
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_PERSON_NAME].strip()
            if (unique_id := _unique_id(name)) is None:
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


class MtorBalanceOptionsFlow(OptionsFlowWithReload):
    """Change a person's settings, favourite foods and own foods."""

    def __init__(self) -> None:
        """Start with no search results."""
        self._found: list[Food] = []
        self._editing: Food | None = None

    @property
    def _coordinator(self) -> PersonCoordinator:
        return cast("MtorConfigEntry", self.config_entry).runtime_data

    def _done(self) -> ConfigFlowResult:
        """Finish a step that changed the person's foods, not the options (no reload)."""
        return self.async_create_entry(data=dict(self.config_entry.options))

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer what can be changed."""
        if self.config_entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="not_loaded")
        return self.async_show_menu(step_id="init", menu_options=OPTIONS_MENU)

    async def async_step_settings(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Body, scale, goals and plan in one form, filled with the current values."""
        if user_input is not None:
            return self.async_create_entry(data=user_input)
        options: Mapping[str, Any] = self.config_entry.options
        schema = probatio.Schema(
            {
                **_body_schema(),
                **_goals_schema(
                    float(options[CONF_BODY_MASS]), AgeGroup(options[CONF_AGE_GROUP])
                ),
            }
        )
        return self.async_show_form(
            step_id="settings",
            data_schema=self.add_suggested_values_to_schema(schema, options),
        )

    async def async_step_add_favorites(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Search the food table for foods to add to the favourites."""
        errors: dict[str, str] = {}
        if user_input is not None:
            coordinator = self._coordinator
            self._found = coordinator.foods.search(
                user_input[CONF_QUERY],
                language=coordinator.language,
                limit=FAVORITE_RESULTS,
            )
            if self._found:
                return await self.async_step_pick_favorites()
            errors[CONF_QUERY] = "no_foods_found"
        return self.async_show_form(
            step_id="add_favorites",
            data_schema=probatio.Schema(
                {probatio.Required(CONF_QUERY): TextSelector()}
            ),
            errors=errors,
        )

    async def async_step_pick_favorites(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick favourites among the search results."""
        if user_input is not None:
            await self._coordinator.async_add_favorites(user_input[CONF_FOODS])
            return self._done()
        return self.async_show_form(
            step_id="pick_favorites",
            data_schema=probatio.Schema(
                {probatio.Required(CONF_FOODS): self._food_picker(self._found)}
            ),
        )

    async def async_step_remove_favorites(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove favourites."""
        coordinator = self._coordinator
        return await self._async_remove(
            "remove_favorites",
            coordinator.favorites,
            coordinator.async_remove_favorites,
            user_input,
        )

    async def async_step_add_own_food(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a food of your own, by its label values (or change one: see edit_own_food)."""
        if user_input is not None:
            editing, self._editing = self._editing, None
            await self._coordinator.async_save_own_food(
                own_food(user_input, food_id=editing.id if editing else None)
            )
            return self._done()
        schema = probatio.Schema(_own_food_schema())
        if self._editing is not None:
            schema = self.add_suggested_values_to_schema(
                schema, _own_food_values(self._editing)
            )
        return self.async_show_form(step_id="add_own_food", data_schema=schema)

    async def async_step_edit_own_food(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose one of your own foods to change."""
        own = self._coordinator.foods.own_foods
        if not own:
            return self.async_abort(reason="no_own_foods")
        if user_input is not None:
            self._editing = self._coordinator.foods.get(user_input[CONF_FOOD])
            return await self.async_step_add_own_food()
        return self.async_show_form(
            step_id="edit_own_food",
            data_schema=probatio.Schema(
                {probatio.Required(CONF_FOOD): self._food_picker(own, multiple=False)}
            ),
        )

    async def async_step_remove_own_foods(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove foods of your own (logged entries keep their values)."""
        coordinator = self._coordinator
        return await self._async_remove(
            "remove_own_foods",
            coordinator.foods.own_foods,
            coordinator.async_remove_own_foods,
            user_input,
        )

    async def _async_remove(
        self,
        step_id: str,
        foods: list[Food],
        remove: Callable[[list[str]], Awaitable[None]],
        user_input: dict[str, Any] | None,
    ) -> ConfigFlowResult:
        """Let the person pick foods of a list to remove; abort when the list is empty."""
        if not foods:
            return self.async_abort(reason=REMOVE_ABORTS[step_id])
        if user_input is not None:
            await remove(user_input[CONF_FOODS])
            return self._done()
        return self.async_show_form(
            step_id=step_id,
            data_schema=probatio.Schema(
                {probatio.Required(CONF_FOODS): self._food_picker(foods)}
            ),
        )

    async def async_step_barcode(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Look a packaged food up on Open Food Facts by its barcode and add it."""
        errors: dict[str, str] = {}
        if user_input is not None:
            category = user_input.get(CONF_CATEGORY)
            try:
                food = await async_lookup_barcode(
                    self.hass,
                    user_input[CONF_BARCODE],
                    None if category is None else Category(category),
                )
            except (OpenFoodFactsError, InvalidBarcodeError) as err:
                errors[CONF_BARCODE] = barcode_error_key(err)
            else:
                await self._coordinator.async_save_own_food(food)
                return self._done()
        return self.async_show_form(
            step_id="barcode",
            data_schema=probatio.Schema(
                {
                    probatio.Required(CONF_BARCODE): TextSelector(),
                    probatio.Optional(CONF_CATEGORY): _choice(
                        [category.value for category in Category], CONF_CATEGORY
                    ),
                }
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
    return {
        probatio.Required(CONF_NAME): TextSelector(),
        probatio.Required(CONF_PROTEIN): _number(0, 100, 0.1, "g"),
        probatio.Optional(CONF_LEUCINE): _number(0, 100, 0.01, "g"),
        probatio.Required(CONF_CATEGORY, default=Category.OTHER.value): _choice(
            [category.value for category in Category], CONF_CATEGORY
        ),
        probatio.Optional(CONF_KCAL): _number(0, 900, 1, "kcal"),
    }


def _own_food_values(food: Food) -> dict[str, Any]:
    values: dict[str, Any] = {
        CONF_NAME: food.name,
        CONF_PROTEIN: food.protein_g,
        CONF_CATEGORY: food.category.value,
        CONF_KCAL: food.kcal,
    }
    if not food.leucine_estimated:
        values[CONF_LEUCINE] = food.leucine_g
    return values
