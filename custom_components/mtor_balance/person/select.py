"""Selects of one person: the food on the scale, and today's day type."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..const import DOMAIN
from ..core.model import DayType
from .coordinator import PersonCoordinator
from .entity import PersonEntity

FOOD_SELECT = SelectEntityDescription(key="food", translation_key="food")
DAY_TYPE_SELECT = SelectEntityDescription(
    key="day_type",
    translation_key="day_type",
    options=[day_type.value for day_type in DayType],
)


def add_entities(
    coordinator: PersonCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the person's selects."""
    async_add_entities(
        [
            FoodSelect(coordinator, FOOD_SELECT),
            DayTypeSelect(coordinator, DAY_TYPE_SELECT),
        ]
    )


class FoodSelect(PersonEntity, SelectEntity):
    """The food that the next portion on the scale is: favourites and recent foods first."""

    @property
    def options(self) -> list[str]:
        """Return the food names to choose from."""
        language = self.coordinator.language
        return [food.name_in(language) for food in self.coordinator.food_choices()]

    @property
    def current_option(self) -> str | None:
        """Return the selected food's name."""
        food = self.coordinator.record.selected_food
        return None if food is None else food.name_in(self.coordinator.language)

    async def async_select_option(self, option: str) -> None:
        """Select a food by its name."""
        language = self.coordinator.language
        for food in self.coordinator.food_choices():
            if food.name_in(language) == option:
                await self.coordinator.async_select_food(food.id)
                return
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_food",
            translation_placeholders={"food": option},
        )


class DayTypeSelect(PersonEntity, SelectEntity):
    """Today's day of the protein-cycling plan; changing it overrides the plan for today."""

    @property
    def current_option(self) -> str:
        """Return today's day type."""
        return self.coordinator.data.day_type.value

    async def async_select_option(self, option: str) -> None:
        """Override today's day type."""
        await self.coordinator.async_set_day_type(DayType(option))
