"""Weigh it, show it: a photo of the portion identified by Home Assistant's AI Task.

With an AI Task entity chosen in the person's options (none: the feature is off), a portion
on the scale (or a pending one) can be identified from a photo: a snapshot of the kitchen
camera chosen in the options, taken when the portion settles, or a photo from the phone
uploaded through Home Assistant's image upload (`media-source://image_upload/<id>`). The
model answers a small structure (`core.photo.ANSWER_FIELDS`) that is resolved to foods of the
person's table (`core.photo.identify`); nothing it says is logged as free text.

Private: the photo goes to the chosen AI Task entity only (the model behind it sees it); an
uploaded photo is deleted once identified unless the caller asks to keep it; camera snapshots
are temporary files of the AI Task integration. Honest: a model that fails, answers nonsense
or takes longer than `PHOTO_TIMEOUT` logs nothing; the portion waits as before.

The result of the last identification is kept per person (`async_guess`) for the card, the
event `mtor_balance_portion_identified` tells automations (the "portion on the scale"
blueprint), and `log_identified_portion` logs it (source `photo`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta
import logging
import time
from typing import TYPE_CHECKING, Any

from homeassistant.components import websocket_api
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey
import probatio

from ..const import DOMAIN
from ..core.entries import entry_as_dict
from ..core.model import Entry, Food, Source
from ..core.photo import (
    ANSWER_FIELDS,
    Candidate,
    Identification,
    auto_food,
    identify,
    read_answer,
)
from .action_fields import PERSON_FIELD, TEXT, TranslatedSchema, coordinator_of
from .const import (
    ATTR_PORTION_ID,
    CONF_PHOTO_AI_TASK,
    CONF_PHOTO_AUTO_LOG,
    CONF_PHOTO_CAMERA,
)
from .food_table import async_food_index
from .household import async_get_person

if TYPE_CHECKING:
    from .coordinator import PersonCoordinator

_LOGGER = logging.getLogger(__name__)

PHOTO_TIMEOUT = timedelta(seconds=30)  # a slow model leaves the portion pending
EVENT_IDENTIFIED = f"{DOMAIN}_portion_identified"
SERVICE_IDENTIFY_PORTION = "identify_portion"
SERVICE_LOG_IDENTIFIED = "log_identified_portion"
ATTR_IMAGE = "image"
ATTR_KEEP_PHOTO = "keep_photo"
ATTR_FOOD = "food"
CAMERA_SOURCE = "media-source://camera/"
UPLOAD_SOURCE = "media-source://image_upload/"
TASK_NAME = "mtor_balance_identify_portion"
LANGUAGES = {"en": "English", "sv": "Swedish"}

# Status of a person's last identification, for the card.
IDENTIFYING = "identifying"
IDENTIFIED = "identified"
FAILED = "failed"  # the model failed or timed out: nothing logged
NOT_UNDERSTOOD = "not_understood"  # the answer named no food of the table
LOGGED = "logged"  # logged without a tap (the auto option)


@dataclass(slots=True)
class Guess:
    """A person's last identification: for which portion, and how it went."""

    status: str
    portion_id: str | None  # a pending portion; None: the portion on the scale
    grams: float
    started: datetime
    identification: Identification | None = None
    error: str | None = None
    entries: list[str] = field(default_factory=list)  # logged without a tap


GUESSES: HassKey[dict[str, Guess]] = HassKey(f"{DOMAIN}_photo_guesses")


@dataclass(frozen=True, slots=True)
class PhotoOptions:
    """What the person chose: the model, the kitchen camera, logging without a tap."""

    ai_task: str | None
    camera: str | None
    auto_log: bool


def photo_options(coordinator: PersonCoordinator) -> PhotoOptions:
    """Return the person's photo options (unusable values read as none)."""
    options = coordinator.config_entry.options
    ai = options.get(CONF_PHOTO_AI_TASK)
    camera = options.get(CONF_PHOTO_CAMERA)
    return PhotoOptions(
        ai if isinstance(ai, str) and ai else None,
        camera if isinstance(camera, str) and camera else None,
        options.get(CONF_PHOTO_AUTO_LOG) is True,
    )


def async_guess(hass: HomeAssistant, entry_id: str) -> Guess | None:
    """Return the person's last identification, if any."""
    return hass.data.get(GUESSES, {}).get(entry_id)


def structure() -> probatio.Schema:
    """Return the structure the model answers."""
    part = probatio.Schema(
        {
            probatio.Required("name", description="the food's name"): str,
            probatio.Required("name_en", description="the name in English"): str,
            probatio.Required("share", description="its share of the weight, 0-1"): (
                probatio.Coerce(float)
            ),
        }
    )
    return probatio.Schema(
        {
            probatio.Required("name", description=ANSWER_FIELDS["name"]): str,
            probatio.Required("name_en", description=ANSWER_FIELDS["name_en"]): str,
            probatio.Required(
                "preparation", description=ANSWER_FIELDS["preparation"]
            ): str,
            probatio.Required(
                "confidence", description=ANSWER_FIELDS["confidence"]
            ): probatio.Coerce(float),
            probatio.Required("parts", description=ANSWER_FIELDS["parts"]): [part],
        }
    )


def instructions(language: str, grams: float) -> str:
    """Return the task's instructions for a portion of `grams` in the user's language."""
    name = LANGUAGES.get(language, "English")
    fields = "; ".join(
        f"{key}: {text.format(language=name)}" for key, text in ANSWER_FIELDS.items()
    )
    return (
        f"The photo shows food on a kitchen scale; the portion weighs {grams:g} g. "
        f"Name the food as it is commonly called in {name}, and in English. "
        "If it is a plate of several foods, also list its parts. "
        f"Answer: {fields}."
    )


def _portion(
    coordinator: PersonCoordinator, portion_id: str | None
) -> tuple[str | None, float]:
    """Return the portion to identify (its pending id, or None: on the scale), grams."""
    scale = coordinator.require_scale()
    pending = scale.share.pending
    if portion_id is not None:
        for portion in pending:
            if portion.id == portion_id:
                return portion.id, portion.grams
    else:
        view = scale.share.view(coordinator.config_entry.entry_id, dt_util.utcnow(), {})
        if (grams := view.held_g or view.unclaimed_g) is not None:
            return None, grams
        if pending:
            return pending[-1].id, pending[-1].grams
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="no_pending_portion",
        translation_placeholders={"portion_id": portion_id or ""},
    )


async def _async_forget_upload(hass: HomeAssistant, image: str) -> None:
    """Delete a photo uploaded for identification (Home Assistant's image upload)."""
    if not image.startswith(UPLOAD_SOURCE):
        return
    images = hass.data.get("image_upload")
    if images is None:
        return
    try:
        await images.async_delete_item(image.removeprefix(UPLOAD_SOURCE))
    except Exception:  # noqa: BLE001  # an image already gone is gone
        _LOGGER.debug("Uploaded photo %s was already deleted", image)


async def async_identify(
    coordinator: PersonCoordinator,
    *,
    image: str | None = None,
    portion_id: str | None = None,
    keep_photo: bool = False,
) -> Identification:
    """Identify a portion (on the scale, or a pending one) from a photo.

    `image` is a media source id; without it, a snapshot of the person's kitchen camera.
    Raises a translated error when the feature is off, the model fails or is too slow, or
    its answer is no food; the portion is then left as it was.
    """
    hass = coordinator.hass
    options = photo_options(coordinator)
    try:
        if options.ai_task is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="photo_not_set_up"
            )
        if image is None and options.camera is not None:
            image = f"{CAMERA_SOURCE}{options.camera}"
        if image is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="photo_missing"
            )
        portion_id, grams = _portion(coordinator, portion_id)
        guess = Guess(IDENTIFYING, portion_id, grams, dt_util.utcnow())
        hass.data.setdefault(GUESSES, {})[coordinator.config_entry.entry_id] = guess
        coordinator.async_update_listeners()
        from homeassistant.components import ai_task  # noqa: PLC0415  # only when used

        try:
            async with asyncio.timeout(PHOTO_TIMEOUT.total_seconds()):
                result = await ai_task.async_generate_data(
                    hass,
                    task_name=TASK_NAME,
                    entity_id=options.ai_task,
                    instructions=instructions(coordinator.language, grams),
                    structure=structure(),
                    attachments=[{"media_content_id": image}],
                )
        except TimeoutError as err:
            _failed(coordinator, guess, "timeout")
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="photo_timeout",
                translation_placeholders={
                    "seconds": f"{PHOTO_TIMEOUT.total_seconds():g}"
                },
            ) from err
        except HomeAssistantError as err:
            _failed(coordinator, guess, str(err))
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="photo_failed",
                translation_placeholders={"error": str(err)},
            ) from err
        answer = read_answer(result.data)
        await async_food_index(hass, coordinator.record.foods.table)
        identification = (
            None
            if answer is None
            else identify(coordinator.record.foods, answer, grams, coordinator.language)
        )
        if identification is None or not identification.found:
            _failed(coordinator, guess, "not_understood", status=NOT_UNDERSTOOD)
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="photo_not_understood",
                translation_placeholders={
                    "answer": "" if answer is None else answer.name
                },
            )
        guess.status = IDENTIFIED
        guess.identification = identification
        hass.bus.async_fire(
            EVENT_IDENTIFIED,
            {
                "config_entry_id": coordinator.config_entry.entry_id,
                "person": coordinator.person_name,
                **identification_response(identification, portion_id, coordinator),
            },
        )
        coordinator.async_update_listeners()
        return identification
    finally:
        if image is not None and not keep_photo:
            await _async_forget_upload(hass, image)


def _failed(
    coordinator: PersonCoordinator, guess: Guess, error: str, *, status: str = FAILED
) -> None:
    _LOGGER.info(
        "The photo of %s's portion was not identified (%s); it waits as before",
        coordinator.person_name,
        error,
    )
    guess.status = status
    guess.error = error
    coordinator.async_update_listeners()


def _candidate(candidate: Candidate, language: str) -> dict[str, Any]:
    food = candidate.food
    share = candidate.grams / 100
    return {
        "food_id": food.id,
        "name": food.name_in(language),
        "name_en": food.name,
        "grams": candidate.grams,
        "estimated": candidate.estimated,
        "protein_g": round(food.protein_g * share, 2),
        "leucine_g": round(food.leucine_g * share, 3),
        "leucine_estimated": food.leucine_estimated,
    }


def identification_response(
    identification: Identification,
    portion_id: str | None,
    coordinator: PersonCoordinator,
) -> dict[str, Any]:
    """Return an identification as response data (candidates best first, a plate)."""
    language = coordinator.language
    answer = identification.answer
    return {
        "portion_id": portion_id,
        "grams": identification.grams,
        "answer": {
            "name": answer.name,
            "name_en": answer.name_en,
            "preparation": answer.preparation,
            "confidence": answer.confidence,
        },
        "candidates": [_candidate(c, language) for c in identification.candidates],
        "parts": [_candidate(c, language) for c in identification.parts],
    }


async def async_log_identified(
    coordinator: PersonCoordinator, food: Food | None
) -> list[Entry]:
    """Log the identified portion as `food` (None: a plate's parts), source photo.

    The portion on the scale is used up as it is logged; a pending one is assigned.
    """
    guess = async_guess(coordinator.hass, coordinator.config_entry.entry_id)
    if guess is None or guess.identification is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="photo_nothing_identified"
        )
    identification = guess.identification
    scale = coordinator.require_scale()
    when: datetime | None = None
    if guess.portion_id is None:
        grams = scale.async_take_weight(coordinator)
        if grams is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="no_portion"
            )
    else:
        portion = scale.async_drop(guess.portion_id)
        grams, when = portion.grams, portion.time
    if food is None and identification.parts:
        scaled = grams / identification.grams if identification.grams else 1.0
        parts = [(c.food, round(c.grams * scaled, 1)) for c in identification.parts]
    else:
        parts = [(food or identification.candidates[0].food, grams)]
    entries = [
        await coordinator.async_log_food(part, part_grams, when, Source.PHOTO)
        for part, part_grams in parts
    ]
    guess.status = LOGGED
    guess.entries = [entry.id for entry in entries]
    coordinator.async_update_listeners()
    return entries


@callback
def async_portion_settled(coordinator: PersonCoordinator) -> None:
    """Identify a newly settled portion with the kitchen camera, if the person has one."""
    options = photo_options(coordinator)
    if options.ai_task is None or options.camera is None:
        return
    coordinator.config_entry.async_create_background_task(
        coordinator.hass, _async_identify_settled(coordinator), f"{DOMAIN}_photo"
    )


async def _async_identify_settled(coordinator: PersonCoordinator) -> None:
    started = time.monotonic()
    try:
        identification = await async_identify(coordinator)
    except HomeAssistantError:
        return  # logged, and kept for the card; the portion waits
    _LOGGER.debug(
        "Portion identified as %s in %.0f ms",
        identification.answer.name,
        (time.monotonic() - started) * 1000,
    )
    logged = {entry.food_id for entry in coordinator.record.log}
    if (
        photo_options(coordinator).auto_log
        # A food the person chose for the portion wins over a guess.
        and coordinator.record.selected_food is None
        and (food := auto_food(identification, {i for i in logged if i}))
    ):
        await async_log_identified(coordinator, food)


# --- actions -------------------------------------------------------------------------

IDENTIFY_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Optional(ATTR_IMAGE): TEXT,
        probatio.Optional(ATTR_PORTION_ID): TEXT,
        probatio.Optional(ATTR_KEEP_PHOTO, default=False): cv.boolean,
    }
)
LOG_IDENTIFIED_SCHEMA = TranslatedSchema(
    {**PERSON_FIELD, probatio.Optional(ATTR_FOOD): TEXT}
)


async def _async_identify_portion(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    identification = await async_identify(
        coordinator,
        image=call.data.get(ATTR_IMAGE),
        portion_id=call.data.get(ATTR_PORTION_ID),
        keep_photo=call.data[ATTR_KEEP_PHOTO],
    )
    guess = async_guess(call.hass, coordinator.config_entry.entry_id)
    portion_id = None if guess is None else guess.portion_id
    return identification_response(identification, portion_id, coordinator)


async def _async_log_identified_portion(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    food = None
    if (text := call.data.get(ATTR_FOOD)) is not None:
        await async_food_index(call.hass, coordinator.record.foods.table)
        food = coordinator.record.foods.resolve(text, coordinator.language)
        if food is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="unknown_food",
                translation_placeholders={"food": text},
            )
    entries = await async_log_identified(coordinator, food)
    return {"entries": [entry_as_dict(entry) for entry in entries]}


PHOTO_ACTIONS = (
    (
        SERVICE_IDENTIFY_PORTION,
        IDENTIFY_SCHEMA,
        _async_identify_portion,
        SupportsResponse.OPTIONAL,
        False,
    ),
    (
        SERVICE_LOG_IDENTIFIED,
        LOG_IDENTIFIED_SCHEMA,
        _async_log_identified_portion,
        SupportsResponse.OPTIONAL,
        False,
    ),
)


# --- the card's commands (person/websocket.py registers them) ------------------------


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/photo",
        probatio.Required("entry_id"): cv.string,
    }
)
@callback
def ws_photo(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Say whether the person identifies photos (the card shows its photo button)."""
    options = photo_options(async_get_person(hass, msg["entry_id"]))
    connection.send_result(
        msg["id"],
        {"enabled": options.ai_task is not None, "camera": options.camera is not None},
    )


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/identify_photo",
        probatio.Required("entry_id"): cv.string,
        probatio.Required("media_content_id"): probatio.All(
            cv.string, probatio.Match(r"^media-source://image_upload/[0-9a-f]+$")
        ),
        probatio.Optional("portion_id"): cv.string,
    }
)
@websocket_api.async_response
async def ws_identify_photo(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Identify the portion from a photo the card uploaded (then deleted)."""
    person = async_get_person(hass, msg["entry_id"])
    identification = await async_identify(
        person, image=msg["media_content_id"], portion_id=msg.get("portion_id")
    )
    guess = async_guess(hass, msg["entry_id"])
    portion_id = None if guess is None else guess.portion_id
    connection.send_result(
        msg["id"], identification_response(identification, portion_id, person)
    )


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/log_identified",
        probatio.Required("entry_id"): cv.string,
        probatio.Optional("food_id"): cv.string,
    }
)
@websocket_api.async_response
async def ws_log_identified(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Log the identified portion as the tapped food (none: a plate's parts)."""
    person = async_get_person(hass, msg["entry_id"])
    food = None
    if (food_id := msg.get("food_id")) is not None and (
        food := person.record.foods.get(food_id)
    ) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_food",
            translation_placeholders={"food": food_id},
        )
    entries = await async_log_identified(person, food)
    connection.send_result(
        msg["id"], {"entries": [entry_as_dict(entry) for entry in entries]}
    )


PHOTO_COMMANDS = (ws_photo, ws_identify_photo, ws_log_identified)
