"""The card's photo in a real browser (issue 24): a phone photo, uploaded and identified.

A real Home Assistant (`tests/real_hass.py`, Swedish) with image upload and a tiny custom
integration whose AI Task entity answers "keso" at once (the model is the only stand-in;
image upload, AI Task and the card are real). Erik chooses it in his options; 150 g settles,
the card's photo input (`capture="environment"`) gets a JPEG, Keso is offered first beside
the photo, and one tap logs 150 g identified from a photo. Uses the helpers of
tests/test_browser.py.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
import json
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
import pytest

from .real_hass import HOST, Hass
from .test_browser import (  # noqa: F401  (the browser fixture)
    COMPONENTS,
    DASHBOARD,
    KESO,
    LANGUAGE,
    _add_person,
    _call_ws,
    _create_dashboard,
    _log_in,
    _person_sensor,
    _weigh,
    browser,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

pytestmark = [
    pytest.mark.process,
    pytest.mark.usefixtures("socket_enabled"),
    pytest.mark.timeout(300),
]

MODEL = "ai_task.photo_model"
# A custom integration with one AI Task entity that answers keso at once.
MODEL_INIT = """
from homeassistant.components.ai_task import (
    AITaskEntity, AITaskEntityFeature, GenDataTaskResult,
)
from homeassistant.components.ai_task.const import DATA_COMPONENT


class PhotoModel(AITaskEntity):
    _attr_name = "Photo model"
    _attr_supported_features = (
        AITaskEntityFeature.GENERATE_DATA | AITaskEntityFeature.SUPPORT_ATTACHMENTS
    )

    async def _async_generate_data(self, task, chat_log):
        assert task.attachments and task.attachments[0].path.read_bytes()
        return GenDataTaskResult(
            conversation_id=chat_log.conversation_id,
            data={"name": "keso", "name_en": "cottage cheese", "preparation": "",
                  "confidence": 0.9, "parts": []},
        )


async def async_setup(hass, config):
    await hass.data[DATA_COMPONENT].async_add_entities([PhotoModel()])
    return True
"""
MODEL_MANIFEST = {
    "domain": "photo_model",
    "name": "Photo model",
    "version": "1.0.0",
    "dependencies": ["ai_task"],
    "codeowners": [],
    "documentation": "https://example.invalid",
    "iot_class": "local_push",
    "requirements": [],
}


def _photo_model(hass: Hass) -> None:
    folder = hass.config_dir / "custom_components" / "photo_model"
    folder.mkdir()
    (folder / "__init__.py").write_text(MODEL_INIT, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(MODEL_MANIFEST), encoding="utf-8")


def _choose_model(hass: Hass, entry_id: str) -> None:
    """Choose the model in Erik's options (the options flow's settings, over REST)."""
    flow = hass.post("/api/config/config_entries/options/flow", {"handler": entry_id})
    flow = hass.post(
        f"/api/config/config_entries/options/flow/{flow['flow_id']}",
        {"next_step_id": "settings"},
    )
    flow = hass.post(
        f"/api/config/config_entries/options/flow/{flow['flow_id']}",
        {
            "body_mass_kg": 80,
            "age_group": "adult",
            "scale_entity": "sensor.kitchen_scale",
            "fast_goal_h": 14,
            "window_mode": "fixed",
            "window_start": "00:00:00",
            "window_length_h": 24,
            "leucine_target_g": 2.5,
            "protein_target_g": 128,
            "day_start": "00:00:00",
            "log_mode": "button",
            "plan": dict.fromkeys(
                ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "normal"
            ),
            "photo_ai_task": MODEL,
        },
    )
    assert flow["type"] == "create_entry", flow


def test_a_phone_photo_of_keso_is_offered_first_and_one_tap_logs_it(
    real_hass_factory: Callable[..., Hass],
    browser: BrowserContext,  # noqa: F811  (the fixture of tests/test_browser.py)
    tmp_path: Path,
) -> None:
    hass = real_hass_factory(
        name="Kök",
        components=f"{COMPONENTS}\nimage_upload:\nphoto_model:",
        language=LANGUAGE,
    )
    _photo_model(hass)
    hass.start()
    hass.set_scale("0")
    _add_person(hass)
    portion = _person_sensor(hass, "portion")
    hass.wait_for(MODEL, lambda: hass.state(MODEL) is not None)

    browser.add_init_script(
        f"window.localStorage.setItem('selectedLanguage', '{json.dumps(LANGUAGE)}')"
    )
    page = browser.pages[0] if browser.pages else browser.new_page()
    base = f"http://{HOST}:{hass.port}"
    _log_in(page, base)
    (erik,) = _call_ws(page, {"type": "mtor_balance/people"})["people"]
    _choose_model(hass, erik["entry_id"])
    _create_dashboard(page)
    page.goto(f"{base}/{DASHBOARD}/0")
    card = page.locator("mtor-balance-card")
    card.locator(".weight").wait_for()

    _weigh(hass, 150)
    hass.wait_for("the Portion sensor", lambda: hass.state(portion) == "150.0")
    card.locator("[data-settled]").wait_for()
    photo = BytesIO()
    Image.new("RGB", (64, 48), "white").save(photo, format="JPEG")
    take = card.locator("mtor-balance-photo input[type=file]")
    assert take.get_attribute("capture") == "environment"
    take.set_input_files(
        files=[
            {"name": "keso.jpg", "mimeType": "image/jpeg", "buffer": photo.getvalue()}
        ]
    )
    best = card.locator("mtor-balance-photo button.candidate").first
    best.wait_for()
    assert best.inner_text().startswith("Keso")
    card.locator("mtor-balance-photo img").wait_for()
    page.screenshot(path=str(tmp_path / "photo.png"), full_page=True)

    best.click()
    card.get_by_text("Loggat, igenkänt från ett foto.").wait_for()
    hass.wait_for("the log", lambda: len(hass.log_entries()) == 1)
    assert [(e["food"], e["grams"], e["source"]) for e in hass.log_entries()] == [
        (KESO, 150, "photo")
    ]
    # The photo was used and not kept: image upload holds nothing.
    assert not list((hass.config_dir / "image").glob("*/original"))
