"""What a person must fix, raised as repair issues with a way to fix each one.

- `unusable_options_<entry id>`: stored options that cannot be used (written before they
  were checked, or edited by hand). The person keeps working with their defaults; the fix
  stores the defaults, and *Configure* always opens to choose other values.
- `scale_missing_<entry id>`: the person's kitchen scale is no sensor Home Assistant knows
  (removed, or renamed). Checked once Home Assistant has started (another integration's
  sensor may come later during start-up) and when an entity is removed; the fix chooses
  another weight sensor or none.
- `plan_below_espen_<entry id>`: an older adult's plan has days under 1.0 g protein per kg
  (ESPEN, Deutz 2014): fast days, a low budget, or a fasting goal over 24 h that leaves
  days without a meal. The plan is the person's choice, so this is a warning without a fix
  flow; *Configure* changes the plan.

Each issue goes away by itself once its cause is gone (the next set-up of the person, or the
sensor coming back).
"""

from __future__ import annotations

from collections.abc import Mapping
import math
from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.selector import EntitySelector, EntitySelectorConfig
from homeassistant.helpers.start import async_at_started
import probatio

from ..const import DOMAIN
from ..core.planner import LONG_FAST_H, espen_shortfalls
from ..kinds import MtorBalanceConfigEntry
from .const import CONF_FAST_GOAL, CONF_SCALE_ENTITY
from .options import profile_from_options, read_options

UNUSABLE_OPTIONS = "unusable_options"
SCALE_MISSING = "scale_missing"
PLAN_BELOW_ESPEN = "plan_below_espen"


def _issue_id(kind: str, entry_id: str) -> str:
    return f"{kind}_{entry_id}"


@callback
def async_check_options(hass: HomeAssistant, entry: MtorBalanceConfigEntry) -> None:
    """Raise (or remove) the issue about this person's unusable options."""
    issue_id = _issue_id(UNUSABLE_OPTIONS, entry.entry_id)
    if not (unusable := read_options(entry.options).unusable):
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key=UNUSABLE_OPTIONS,
        translation_placeholders={"name": entry.title, "options": ", ".join(unusable)},
        data={"entry_id": entry.entry_id},
    )


def long_fast(options: Mapping[str, Any]) -> dict[str, str] | None:
    """Return the placeholders of the safety notice of a fasting goal over 24 h, or None.

    Such a goal leaves days without a meal; it is saved only once the person has read the
    notice and ticked its box (nutrition.md §4: fasts over 24 h are opt-in).
    """
    hours = float(read_options(options).values[CONF_FAST_GOAL])
    return {"hours": f"{hours:g}"} if hours > LONG_FAST_H else None


def below_espen(options: Mapping[str, Any]) -> dict[str, str] | None:
    """Return what to tell if these options put an older adult under ESPEN's minimum.

    The placeholders of the options flow's warning and of the repair issue: how many days
    a week (the plan's day types, and on average the days a fasting goal over 24 h leaves
    without a meal), the lowest planned protein and the minimum (g). None when the plan is
    fine.
    """
    shortfalls = espen_shortfalls(profile_from_options(options))
    if not shortfalls:
        return None
    days = sum(short.days_per_week for short in shortfalls)
    return {
        "days": str(max(1, math.floor(days + 0.5))),
        "lowest_g": f"{min(short.planned_protein_g for short in shortfalls):.0f}",
        "minimum_g": f"{shortfalls[0].minimum_g:.0f}",
    }


@callback
def async_check_plan(hass: HomeAssistant, entry: MtorBalanceConfigEntry) -> None:
    """Raise (or remove) the warning that an older adult's plan is under ESPEN's minimum."""
    issue_id = _issue_id(PLAN_BELOW_ESPEN, entry.entry_id)
    if (placeholders := below_espen(entry.options)) is None:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=PLAN_BELOW_ESPEN,
        translation_placeholders={"name": entry.title, **placeholders},
    )


@callback
def async_watch_scale(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry, entity_id: str
) -> CALLBACK_TYPE:
    """Raise the missing-scale issue whenever the person's scale is not a known sensor."""
    issue_id = _issue_id(SCALE_MISSING, entry.entry_id)

    @callback
    def check(_event: Event[Any] | None = None) -> None:
        known = hass.states.get(entity_id) is not None or (
            er.async_get(hass).async_get(entity_id) is not None
        )
        if known:
            ir.async_delete_issue(hass, DOMAIN, issue_id)
            return
        ir.async_create_issue(
            hass,
            DOMAIN,
            issue_id,
            is_fixable=True,
            severity=ir.IssueSeverity.WARNING,
            translation_key=SCALE_MISSING,
            translation_placeholders={"name": entry.title, "entity_id": entity_id},
            data={"entry_id": entry.entry_id},
        )

    @callback
    def started(_hass: HomeAssistant) -> None:
        check()

    @callback
    def removed(data: er.EventEntityRegistryUpdatedData) -> bool:
        return data["action"] == "remove" and data["entity_id"] == entity_id

    unsub_started = async_at_started(hass, started)
    unsub_removed = hass.bus.async_listen(
        er.EVENT_ENTITY_REGISTRY_UPDATED, check, event_filter=removed
    )

    @callback
    def stop() -> None:
        unsub_started()
        unsub_removed()

    return stop


@callback
def async_remove_issues(hass: HomeAssistant, entry: MtorBalanceConfigEntry) -> None:
    """Remove every issue about a person (they were removed)."""
    for kind in (
        UNUSABLE_OPTIONS,
        SCALE_MISSING,
        PLAN_BELOW_ESPEN,
        "storage_write_failed",
    ):
        ir.async_delete_issue(hass, DOMAIN, _issue_id(kind, entry.entry_id))


class UnusableOptionsFixFlow(RepairsFlow):
    """Store the defaults for the options that cannot be used."""

    def __init__(self, entry: MtorBalanceConfigEntry) -> None:
        """Fix the options of `entry`."""
        self._entry = entry

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Start with the confirmation (user_input here is the issue, not an answer)."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Show which options will get their defaults, and store them when confirmed."""
        read = read_options(self._entry.options)
        if user_input is not None:
            self.hass.config_entries.async_update_entry(
                self._entry, options=read.values
            )
            self.hass.config_entries.async_schedule_reload(self._entry.entry_id)
            return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="confirm",
            description_placeholders={
                "name": self._entry.title,
                "options": ", ".join(read.unusable),
            },
        )


class ScaleMissingFixFlow(RepairsFlow):
    """Choose another kitchen scale for the person, or none."""

    def __init__(self, entry: MtorBalanceConfigEntry) -> None:
        """Fix the scale of `entry`."""
        self._entry = entry

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Start with the question (user_input here is the issue, not an answer)."""
        return await self.async_step_choose()

    async def async_step_choose(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for the weight sensor to use instead (empty: no scale)."""
        if user_input is not None:
            options = dict(self._entry.options)
            if scale := user_input.get(CONF_SCALE_ENTITY):
                options[CONF_SCALE_ENTITY] = scale
            else:
                options.pop(CONF_SCALE_ENTITY, None)
            self.hass.config_entries.async_update_entry(self._entry, options=options)
            self.hass.config_entries.async_schedule_reload(self._entry.entry_id)
            return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="choose",
            data_schema=probatio.Schema(
                {
                    probatio.Optional(CONF_SCALE_ENTITY): EntitySelector(
                        EntitySelectorConfig(
                            domain="sensor", device_class=SensorDeviceClass.WEIGHT
                        )
                    )
                }
            ),
            description_placeholders={
                "name": self._entry.title,
                "entity_id": str(self._entry.options.get(CONF_SCALE_ENTITY)),
            },
        )


class _GoneFlow(RepairsFlow):
    """The person the issue was about was removed meanwhile: nothing left to fix."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Say that the person is gone."""
        return self.async_abort(reason="person_removed")


def person_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Return the flow that fixes one of a person's issues."""
    entry = hass.config_entries.async_get_entry(str((data or {}).get("entry_id")))
    if entry is None:
        return _GoneFlow()
    if issue_id.startswith(SCALE_MISSING):
        return ScaleMissingFixFlow(entry)
    return UnusableOptionsFixFlow(entry)
