"""Tools for Home Assistant's Assist API: a voice assistant with an LLM logs and answers.

Log a food by name and grams or a supplement, undo the last entry, search foods, and tell a
person's status (fasting, today's leucine and protein, the next suggested meal) or a day's
log. The tools act through the integration's own actions (`log_food`, `log_nutrients`,
`undo_last`, `search_foods`, `get_log`), so what they accept and refuse is what the actions
accept and refuse; a refusal comes back to the model as an error result with the action's
translated message, for it to read out or act on.

The person is the `person` argument (a name), else the Home Assistant person of the user
who is talking, else the only person set up; otherwise the tool answers with the names to
ask about. Food names in results are in the person's language (Home Assistant's, as in
their entities). Tool descriptions are English: Home Assistant has no translations for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, override

from homeassistant.components.llm import LLMTools
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.llm import (
    LLM_API_ASSIST,
    LLMContext,
    Tool,
    ToolAnnotations,
    ToolInput,
    ToolResult,
)
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util, slugify
from homeassistant.util.json import JsonObjectType, JsonValueType
import probatio

from .const import DOMAIN
from .core.advice import advice_numbers
from .core.categories import Category
from .core.days import day_bounds, day_of
from .core.planner import planned_meals
from .person.action_fields import ATTR_AMOUNT, ATTR_UNIT, SUGGESTIONS
from .person.advice import async_explanation
from .person.const import (
    ATTR_CATEGORY,
    ATTR_CONFIG_ENTRY_ID,
    ATTR_END,
    ATTR_FOOD,
    ATTR_GRAMS,
    ATTR_LEUCINE,
    ATTR_LIMIT,
    ATTR_NAME,
    ATTR_PROTEIN,
    ATTR_QUERY,
    ATTR_START,
    ATTR_TIME,
    SERVICE_GET_LOG,
    SERVICE_LOG_FOOD,
    SERVICE_LOG_NUTRIENTS,
    SERVICE_SEARCH_FOODS,
    SERVICE_UNDO_LAST,
)
from .person.household import async_get_household

if TYPE_CHECKING:
    from .person.coordinator import PersonCoordinator

PREFIX = f"{DOMAIN}__"
ARG_PERSON = "person"
ARG_DATE = "date"
SEARCH_LIMIT = 5

PROMPT = (
    "mTOR Balance logs the protein and leucine that people in this home eat. A food is"
    " logged by its name and either the grams eaten or an amount in one of the food's"
    " household units, as the user said it (2 slices, a glass, 2 eggs: amount 2 and no"
    " unit); never guess grams from pieces or servings yourself, pass the amount and unit."
    " If the food has no such unit, the error names the units it has; ask for one of them"
    " or for the grams. A supplement is logged by its grams of leucine and/or protein."
    " When a tool returns candidate"
    " foods or people, ask the user which one they mean. The fasting hours are a goal the"
    " person chose for themselves: say how long they have fasted and whether their goal is"
    " reached, and never claim that fasting caused autophagy or any other effect in the"
    " body."
)

_SUGGESTION_TEXTS = (
    f"component.{DOMAIN}.entity.sensor.next_suggested_meal.state_attributes"
    ".{attribute}.state.{code}"
)
_EXCEPTION_TEXT = f"component.{DOMAIN}.exceptions.{{key}}.message"
# An action's refusal worded for the assistant, where the action's own text names another
# action or button (the assistant knows the tools by their names): common.assistant_<key>.
_ASSISTANT_TEXT = f"component.{DOMAIN}.common.assistant_{{key}}"

type _Fields = Mapping[probatio.Marker, Any]


# --- who the tool is for ---------------------------------------------------------------


def _people(hass: HomeAssistant) -> list[PersonCoordinator]:
    return sorted(async_get_household(hass).people, key=lambda p: p.person_name)


def _named(people: list[PersonCoordinator], name: str) -> PersonCoordinator | None:
    """Return the person called `name`, ignoring case, accents and punctuation."""
    wanted = slugify(name)
    found = [person for person in people if slugify(person.person_name) == wanted]
    return found[0] if len(found) == 1 else None


def _user_names(hass: HomeAssistant, llm_context: LLMContext) -> list[str]:
    """Return the names of the Home Assistant people of the user who is talking."""
    user_id = None if llm_context.context is None else llm_context.context.user_id
    if user_id is None:
        return []
    return [
        state.name
        for state in hass.states.async_all("person")
        if state.attributes.get("user_id") == user_id
    ]


def _who(
    hass: HomeAssistant, llm_context: LLMContext, name: str | None
) -> PersonCoordinator | ToolResult:
    """Return the person a call is for, or the error result that asks which."""
    people = _people(hass)
    names: list[JsonValueType] = [person.person_name for person in people]
    if not people:  # removed since the tools were handed out
        return ToolResult(
            data={"error": "no_person", "message": "Nobody is set up in mTOR Balance."},
            error=True,
        )
    if name is not None:
        if (person := _named(people, name)) is not None:
            return person
        return ToolResult(
            data={
                "error": "unknown_person",
                "message": f"Nobody called {name} is set up in mTOR Balance.",
                "people": names,
            },
            error=True,
        )
    for user_name in _user_names(hass, llm_context):
        if (person := _named(people, user_name)) is not None:
            return person
    if len(people) == 1:
        return people[0]
    return ToolResult(
        data={
            "error": "which_person",
            "message": "Ask the user which person this is for, then pass their name.",
            "people": names,
        },
        error=True,
    )


# --- results -----------------------------------------------------------------------------


def _local(moment: datetime | str | None) -> str | None:
    """Return a time as local ISO 8601 to the minute (what a person reads on a clock)."""
    if moment is None:
        return None
    if isinstance(moment, str):  # an action's response: ISO 8601
        moment = datetime.fromisoformat(moment)
    return dt_util.as_local(moment).isoformat(timespec="minutes")


def _portion(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Return an action's entry as a tool result: what was logged, and when."""
    return {
        "entry_id": entry["entry_id"],
        "name": entry["name"],
        "grams": entry["grams"],
        "leucine_g": round(float(entry["leucine_g"]), 2),
        "protein_g": round(float(entry["protein_g"]), 1),
        "leucine_estimated": entry["leucine_estimated"],
        "time": _local(entry["time"]),
    }


def _today(person: PersonCoordinator) -> dict[str, Any]:
    """Return today's totals (as the Leucine today and Protein today sensors show them)."""
    totals = person.data.today
    return {
        "leucine_g": round(totals.leucine_g, 2),
        "protein_g": round(totals.protein_g, 1),
        "leucine_estimated": totals.leucine_estimated,
    }


async def _async_error(
    hass: HomeAssistant, language: str, err: HomeAssistantError
) -> ToolResult:
    """Return an action's refusal as an error result, its message in `language`."""
    message = str(err)  # Home Assistant's own errors: in English
    if err.translation_domain == DOMAIN and err.translation_key:
        translations = await async_get_translations(
            hass, language, "exceptions", [DOMAIN]
        )
        translations |= await async_get_translations(hass, language, "common", [DOMAIN])
        key = _EXCEPTION_TEXT.format(key=err.translation_key)
        own = _ASSISTANT_TEXT.format(key=err.translation_key)
        placeholders = {
            "search_tool": f"{PREFIX}search_foods",
            **(err.translation_placeholders or {}),
        }
        with suppress(KeyError, IndexError, ValueError):
            message = translations.get(own, translations[key]).format(**placeholders)
    return ToolResult(
        data={"error": err.translation_key or type(err).__name__, "message": message},
        error=True,
    )


async def _async_action(
    hass: HomeAssistant,
    llm_context: LLMContext,
    person: PersonCoordinator,
    action: str,
    data: dict[str, Any],
) -> dict[str, Any]:
    """Call one of the integration's actions for `person`; return its response."""
    response = await hass.services.async_call(
        DOMAIN,
        action,
        {ATTR_CONFIG_ENTRY_ID: person.config_entry.entry_id, **data},
        blocking=True,
        return_response=True,
        context=llm_context.context,
    )
    return {**(response or {})}


# --- the tools ---------------------------------------------------------------------------


class _PersonTool(Tool):
    """A tool for one person: validates its arguments, finds the person, reports refusals."""

    integration = DOMAIN
    fields: ClassVar[_Fields] = {}

    def __init__(self, names: list[str]) -> None:
        """Build the parameters; the optional person argument names who may be meant."""
        self.parameters = probatio.Schema(
            {
                **self.fields,
                probatio.Optional(
                    ARG_PERSON,
                    description=(
                        "Whose log: one of "
                        + ", ".join(names)
                        + ". Leave out for the user who is talking."
                    ),
                ): cv.string,
            }
        )

    @override
    async def async_call(
        self, hass: HomeAssistant, tool_input: ToolInput, llm_context: LLMContext
    ) -> ToolResult:
        """Check the arguments, find the person and run the tool for them."""
        try:
            args = self.parameters(tool_input.tool_args)
        except probatio.Invalid as err:
            return ToolResult(
                data={"error": "invalid_arguments", "message": str(err)}, error=True
            )
        person = _who(hass, llm_context, args.pop(ARG_PERSON, None))
        if isinstance(person, ToolResult):
            return person
        try:
            data = await self.async_run(hass, llm_context, person, args)
        except HomeAssistantError as err:
            return await self.async_refused(hass, llm_context, person, args, err)
        return ToolResult(data={"person": person.person_name, **data})

    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        """Do what the tool does for `person`; return its result data."""
        raise NotImplementedError

    async def async_refused(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
        err: HomeAssistantError,
    ) -> ToolResult:
        """Return the error result of an action that refused."""
        return await _async_error(hass, person.language, err)


_TIME_FIELD = probatio.Optional(
    ATTR_TIME,
    description=(
        "When it was eaten, ISO 8601 local time, for something eaten earlier. Leave out"
        " for now."
    ),
)


class LogFoodTool(_PersonTool):
    """Log a food, named in English or Swedish, by grams or a household amount."""

    name = f"{PREFIX}log_food"
    title = "Log food"
    description = (
        "Log a food the person ate, named in English or Swedish (for example 'cottage"
        " cheese' or 'keso'), by its grams or by an amount of a household unit ('2 slices"
        " of rye bread': amount 2, unit slice; '2 eggs': amount 2, no unit). Returns the"
        " food that was logged with its grams and the leucine and protein of the portion;"
        " if the name fits several foods, nothing is logged and the candidates are"
        " returned: ask which one, then log it by its name."
    )
    annotations = ToolAnnotations(
        read_only=False, destructive=False, idempotent=False, open_world=False
    )
    fields: ClassVar[_Fields] = {
        probatio.Required(
            ATTR_FOOD, description="The food's name, in English or Swedish, or its id."
        ): cv.string,
        probatio.Exclusive(
            ATTR_GRAMS, "amount", description="Grams eaten, if the user said grams."
        ): probatio.Coerce(float),
        probatio.Exclusive(
            ATTR_AMOUNT,
            "amount",
            description=(
                "How many of the unit were eaten (2 slices: 2), or how many of the food"
                " itself without a unit (2 eggs: 2). Instead of grams."
            ),
        ): probatio.Coerce(float),
        probatio.Optional(
            ATTR_UNIT,
            description=(
                "The household unit of the amount, in English or Swedish: piece, large,"
                " medium, small, slice, glass, cup, dl, tablespoon, teaspoon, scoop,"
                " portion, package. Leave out to count the food itself."
            ),
        ): cv.string,
        _TIME_FIELD: cv.string,
    }

    @override
    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        logged = await _async_action(hass, llm_context, person, SERVICE_LOG_FOOD, args)
        said = {key: logged[key] for key in ("amount", "unit", "said") if key in logged}
        return {
            "logged": {**_portion(logged), "food_id": logged["food"], **said},
            "today": _today(person),
        }

    @override
    async def async_refused(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
        err: HomeAssistantError,
    ) -> ToolResult:
        result = await _async_error(hass, person.language, err)
        if err.translation_key == "ambiguous_food":
            found = await _async_action(
                hass,
                llm_context,
                person,
                SERVICE_SEARCH_FOODS,
                {ATTR_QUERY: args[ATTR_FOOD], ATTR_LIMIT: SUGGESTIONS},
            )
            candidates: list[JsonValueType] = [_food(food) for food in found["foods"]]
            result.data["candidates"] = candidates
        return result


def _food(food: Mapping[str, Any]) -> JsonObjectType:
    """Return a food of the search_foods action's response (nutrients per 100 g)."""
    return {
        "id": food["id"],
        "name": food["name"],
        "protein_g_per_100g": food["protein_g"],
        "leucine_g_per_100g": food["leucine_g"],
        "leucine_estimated": food["leucine_estimated"],
        "units_g": food["units"],
    }


class LogSupplementTool(_PersonTool):
    """Log grams of leucine and/or protein, such as a leucine or protein powder."""

    name = f"{PREFIX}log_supplement"
    title = "Log supplement"
    description = (
        "Log a supplement by its grams of leucine and/or protein (for example 3 g of"
        " leucine powder, or a shake with 25 g protein). Without leucine, it is estimated"
        " from the protein and the category."
    )
    annotations = ToolAnnotations(
        read_only=False, destructive=False, idempotent=False, open_world=False
    )
    fields: ClassVar[_Fields] = {
        probatio.Optional(ATTR_LEUCINE, description="Grams of leucine."): (
            probatio.Coerce(float)
        ),
        probatio.Optional(ATTR_PROTEIN, description="Grams of protein."): (
            probatio.Coerce(float)
        ),
        probatio.Optional(ATTR_NAME, description="What it is, such as 'Whey'."): (
            cv.string
        ),
        probatio.Optional(
            ATTR_CATEGORY, description="What the protein comes from."
        ): probatio.In([category.value for category in Category]),
        _TIME_FIELD: cv.string,
    }

    @override
    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        logged = await _async_action(
            hass, llm_context, person, SERVICE_LOG_NUTRIENTS, args
        )
        return {"logged": _portion(logged), "today": _today(person)}


class UndoLastTool(_PersonTool):
    """Remove the entry logged last."""

    name = f"{PREFIX}undo_last"
    title = "Undo last entry"
    description = (
        "Remove the entry the person logged last (a food or a supplement), for example"
        " when it was logged by mistake. Returns what was removed."
    )
    annotations = ToolAnnotations(
        read_only=False, destructive=True, idempotent=False, open_world=False
    )

    @override
    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        removed = await _async_action(
            hass, llm_context, person, SERVICE_UNDO_LAST, args
        )
        return {"removed": _portion(removed), "today": _today(person)}


class SearchFoodsTool(_PersonTool):
    """Find foods by name, in English or Swedish."""

    name = f"{PREFIX}search_foods"
    title = "Search foods"
    description = (
        "Search the food table (and the person's own foods) by name in English or"
        " Swedish. Returns foods with protein and leucine per 100 g and their household"
        " units (grams per unit); nothing is logged."
    )
    annotations = ToolAnnotations(
        read_only=True, destructive=False, idempotent=True, open_world=False
    )
    fields: ClassVar[_Fields] = {
        probatio.Required(
            ATTR_QUERY, description="Words of the food's name."
        ): cv.string,
    }

    @override
    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        found = await _async_action(
            hass,
            llm_context,
            person,
            SERVICE_SEARCH_FOODS,
            {**args, ATTR_LIMIT: SEARCH_LIMIT},
        )
        return {"foods": [_food(food) for food in found["foods"]]}


class StatusTool(_PersonTool):
    """The person's state now: fasting, today's intake, the next suggested meal."""

    name = f"{PREFIX}get_status"
    title = "Get fasting and protein status"
    description = (
        "The person's status now: hours fasted (or that a meal is in progress) and their"
        " fasting goal, leucine and protein eaten today, meals at target today of those"
        " planned, and when the next meal is suggested, with the reason and the rule"
        " behind it, the protein and leucine to aim for in it and where those come from:"
        " the day's protein target, what is eaten and left, over how many meals, and an"
        " explanation to read out."
    )
    annotations = ToolAnnotations(
        read_only=True, destructive=False, idempotent=True, open_world=False
    )

    @override
    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        state = person.data
        profile = person.profile
        suggestion = state.suggestion
        texts = await async_get_translations(hass, person.language, "entity", [DOMAIN])

        def text(attribute: str, code: str) -> str:
            key = _SUGGESTION_TEXTS.format(attribute=attribute, code=code)
            return texts.get(key, code)

        return {
            "now": _local(state.now),
            "fasting": {
                "fasting": state.fasting,
                "hours": state.fasting_hours,
                "since": _local(state.fasting_since),
                "meal_in_progress": state.meal_open_until is not None,
                "meal_open_until": _local(state.meal_open_until),
                "goal_hours": profile.fast_goal_h,
                "goal_end": _local(state.fast_goal_end),
                "goal_reached": state.fast_goal_reached,
            },
            "today": {
                **_today(person),
                "meals_at_target": state.meals_at_target_today,
                "meals_planned": planned_meals(profile, state.day_type),
                "day_type": state.day_type.value,
            },
            # Every number of the suggestion, and the sentences that explain them.
            "next_meal": {
                "time": _local(suggestion.time),
                "reason": suggestion.reason.value,
                "reason_text": text("reason", suggestion.reason.value),
                "evidence": suggestion.evidence.value,
                "evidence_text": text("evidence", suggestion.evidence.value),
                "target_evidence": suggestion.target_evidence.value,
                "target_evidence_text": text(
                    "evidence", suggestion.target_evidence.value
                ),
                **advice_numbers(suggestion),
                "day": None if suggestion.day is None else suggestion.day.isoformat(),
                "window_closes": _local(suggestion.window_closes),
                "explanation": await async_explanation(
                    hass, person.language, suggestion
                ),
            },
        }


class GetLogTool(_PersonTool):
    """What a person logged on one day."""

    name = f"{PREFIX}get_log"
    title = "Get the day's log"
    description = (
        "What the person logged on a day (today unless a date is given): each food or"
        " supplement with its time, grams, leucine and protein, and the day's totals."
    )
    annotations = ToolAnnotations(
        read_only=True, destructive=False, idempotent=True, open_world=False
    )
    fields: ClassVar[_Fields] = {
        probatio.Optional(
            ARG_DATE, description="The day, as YYYY-MM-DD. Leave out for today."
        ): probatio.All(cv.string, cv.date),
    }

    @override
    async def async_run(
        self,
        hass: HomeAssistant,
        llm_context: LLMContext,
        person: PersonCoordinator,
        args: dict[str, Any],
    ) -> dict[str, Any]:
        tz = dt_util.get_default_time_zone()
        day_start = person.profile.day_start
        day: date = args.get(ARG_DATE) or day_of(dt_util.utcnow(), tz, day_start)
        start, end = day_bounds(day, tz, day_start)
        response = await _async_action(
            hass,
            llm_context,
            person,
            SERVICE_GET_LOG,
            {ATTR_START: start.isoformat(), ATTR_END: end.isoformat()},
        )
        foods = person.record.foods
        entries = []
        for entry in response["entries"]:
            food = None if entry["food"] is None else foods.get(entry["food"])
            name = entry["name"] if food is None else food.name_in(person.language)
            entries.append(_portion({**entry, "name": name}))
        # The day's totals from the unrounded entries, rounded once (as the sensors are).
        raw = response["entries"]
        return {
            "date": day.isoformat(),
            "entries": entries,
            "totals": {
                "leucine_g": round(sum(float(e["leucine_g"]) for e in raw), 2),
                "protein_g": round(sum(float(e["protein_g"]) for e in raw), 1),
                "leucine_estimated": any(e["leucine_estimated"] for e in raw),
            },
        }


_TOOLS: tuple[type[_PersonTool], ...] = (
    LogFoodTool,
    LogSupplementTool,
    UndoLastTool,
    SearchFoodsTool,
    StatusTool,
    GetLogTool,
)


@callback
def async_get_tools(
    hass: HomeAssistant, llm_context: LLMContext, api_id: str
) -> LLMTools | None:
    """Return the tools for the Assist API, when at least one person is set up."""
    if api_id != LLM_API_ASSIST:
        return None
    names = [person.person_name for person in _people(hass)]
    if not names:
        return None
    return LLMTools(tools=[tool(names) for tool in _TOOLS], prompt=PROMPT)
