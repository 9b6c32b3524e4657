"""Translations, icons and action descriptions stay in step with the code (English and Swedish)."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

import pytest
import yaml

from custom_components.mtor_balance.person import (
    binary_sensor,
    button,
    event,
    select,
    sensor,
)
from custom_components.mtor_balance.person.access import Rule
from custom_components.mtor_balance.scale import (
    button as scale_button,
    sensor as scale_sensor,
)

PACKAGE = Path(__file__).parent.parent / "custom_components" / "mtor_balance"
EN = json.loads((PACKAGE / "translations" / "en.json").read_text(encoding="utf-8"))
SV = json.loads((PACKAGE / "translations" / "sv.json").read_text(encoding="utf-8"))
ICONS = json.loads((PACKAGE / "icons.json").read_text(encoding="utf-8"))
SERVICES = yaml.safe_load((PACKAGE / "services.yaml").read_text(encoding="utf-8"))

DESCRIPTIONS = {
    "sensor": sensor.SENSORS + scale_sensor.SCALE_SENSORS,
    "binary_sensor": binary_sensor.BINARY_SENSORS,
    "button": button.BUTTONS + scale_button.SCALE_BUTTONS,
    "select": (select.FOOD_SELECT, select.DAY_TYPE_SELECT),
    "event": (event.MEAL_EVENT,),
}


def _leaves(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    leaves: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            leaves |= _leaves(value, f"{prefix}{key}.")
        else:
            leaves[f"{prefix}{key}"] = value
    return leaves


def test_swedish_has_exactly_the_english_keys_and_placeholders() -> None:
    en, sv = _leaves(EN), _leaves(SV)
    assert en.keys() == sv.keys()
    for key, text in en.items():
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", sv[key])), (
            key
        )
        assert sv[key].strip(), key


@pytest.mark.parametrize("platform", DESCRIPTIONS)
def test_every_entity_has_a_name_and_an_icon(platform: str) -> None:
    keys = {description.translation_key for description in DESCRIPTIONS[platform]}
    assert keys == set(EN["entity"][platform])
    assert keys == set(ICONS["entity"][platform])
    for key in keys:
        assert EN["entity"][platform][key]["name"]


def test_every_raised_error_and_repair_has_a_message() -> None:
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")
    )
    raised = set(
        re.findall(r'translation_domain=DOMAIN,\s*translation_key="(\w+)"', source)
    )
    raised |= set(re.findall(r'nothing_to_do_key="(\w+)"', source))
    # The action validators' own refusals (probatio errors with a translation key).
    raised |= set(re.findall(r'translation_key="(\w+)",\s*placeholders=', source))
    # Failed barcode lookups are raised with the key barcode_error_key returns.
    own_foods = (PACKAGE / "person" / "own_foods.py").read_text(encoding="utf-8")
    raised |= set(re.findall(r'return "(\w+)"', own_foods))
    # The access rules' refusals are keyed by their rule.
    raised |= {rule.value for rule in Rule}
    assert raised == set(EN["exceptions"])
    # A translation key is written as text, or as a module constant (NAME = "key").
    constants = dict(re.findall(r'^([A-Z_]+) = "(\w+)"$', source, re.MULTILINE))
    repairs = {
        constants.get(key.strip('"'), key.strip('"'))
        for key in re.findall(
            r'async_create_issue\([^)]*?translation_key=("\w+"|[A-Z_]+)',
            source,
            re.DOTALL,
        )
    }
    assert repairs == set(EN["issues"])


def test_every_action_and_field_is_described_and_has_an_icon() -> None:
    assert set(SERVICES) == set(EN["services"]) == set(ICONS["services"])
    for action, spec in SERVICES.items():
        assert set(spec["fields"]) == set(EN["services"][action]["fields"]), action
        for field in EN["services"][action]["fields"].values():
            assert field["name"]
            assert field["description"]


def test_every_select_option_in_the_flows_is_translated() -> None:
    source = (PACKAGE / "person" / "config_flow.py").read_text(encoding="utf-8")
    for key in set(re.findall(r"_choice\(\s*\[[^\]]*\],\s*(\w+)", source)):
        constants = (PACKAGE / "person" / "const.py").read_text()
        constant = re.search(rf"^{key}: Final = \"(\w+)\"", constants, re.MULTILINE)
        name = constant.group(1) if constant else key.strip('"')
        assert name in EN["selector"], name
