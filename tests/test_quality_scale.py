"""quality_scale.yaml stays an honest, complete self-audit up to Platinum.

Completeness: every rule of the four tiers is there, done or exempt with a reason. Honesty:
where a claim can be checked against the code, it is. A rule marked done must have the
code that does it; a rule marked exempt must not be contradicted by the code (an exemption
"no web requests" while the code makes them fails).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
import json
from pathlib import Path
import re

import pytest
import yaml

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "custom_components" / "mtor_balance"
QUALITY_SCALE = PACKAGE / "quality_scale.yaml"
ENTRY_ALIAS = "MtorBalanceConfigEntry"
PLATFORMS = ("binary_sensor", "button", "event", "select", "sensor")

RULES = {
    "bronze": """action-setup appropriate-polling brands common-modules config-flow-test-coverage
        config-flow dependency-transparency docs-actions docs-conditions
        docs-high-level-description docs-installation-instructions docs-removal-instructions
        docs-triggers entity-event-setup entity-unique-id has-entity-name runtime-data
        test-before-configure test-before-setup unique-config-entry""",
    "silver": """action-exceptions config-entry-unloading docs-configuration-parameters
        docs-installation-parameters entity-unavailable integration-owner log-when-unavailable
        parallel-updates reauthentication-flow test-coverage""",
    "gold": """devices diagnostics discovery-update-info discovery docs-data-update docs-examples
        docs-known-limitations docs-supported-devices docs-supported-functions
        docs-troubleshooting docs-use-cases dynamic-devices entity-category
        entity-device-class entity-disabled-by-default entity-translations
        exception-translations icon-translations reconfiguration-flow repair-issues
        stale-devices""",
    "platinum": "async-dependency inject-websession strict-typing",
}


def _rules() -> dict[str, str]:
    raw = yaml.safe_load(QUALITY_SCALE.read_text(encoding="utf-8"))["rules"]
    return {
        rule: value if isinstance(value, str) else value["status"]
        for rule, value in raw.items()
    }


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))


def _functions(module: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(module):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


# --- what the code shows, rule by rule ---------------------------------------------------


def _runtime_data() -> list[str]:
    """Core's runtime-data check, and more: every entry parameter uses the one alias.

    Core (script/hassfest/quality_scale_validation/runtime_data.py) demands that
    `async_setup_entry` in __init__.py sets `entry.runtime_data`, and that the entry argument
    of the setup, unload, remove, diagnostics, platform and options-flow functions is
    annotated with a name ending in ConfigEntry. Here every parameter anywhere in the package
    whose annotation mentions ConfigEntry must be exactly the alias: no union, no bare
    ConfigEntry, no cast.
    """
    problems: list[str] = []
    init = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    setup = next(
        node
        for node in init.body
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "async_setup_entry"
    )
    argument = setup.args.args[1].arg
    if not any(
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == argument
        and node.attr == "runtime_data"
        and isinstance(node.ctx, ast.Store)
        for node in ast.walk(setup)
    ):
        problems.append("async_setup_entry does not set entry.runtime_data")
    checked = {
        "__init__.py": {
            "async_setup_entry": 2,
            "async_unload_entry": 2,
            "async_remove_entry": 2,
        },
        "diagnostics.py": {"async_get_config_entry_diagnostics": 2},
        **{f"{platform}.py": {"async_setup_entry": 2} for platform in PLATFORMS},
        "config_flow.py": {"async_get_options_flow": 1},
    }
    for file, functions in checked.items():
        module = ast.parse((PACKAGE / file).read_text(encoding="utf-8"))
        found = {node.name: node for node in _functions(module)}
        for name, position in functions.items():
            if name not in found:
                problems.append(f"{file}: {name} is missing")
                continue
            annotation = found[name].args.args[position - 1].annotation
            if not (isinstance(annotation, ast.Name) and annotation.id == ENTRY_ALIAS):
                problems.append(f"{file}: {name} does not take {ENTRY_ALIAS}")
    for path, module in _modules():
        problems += [f"{path.name}: {problem}" for problem in _untyped_entries(module)]
    return problems


def _untyped_entries(module: ast.Module) -> list[str]:
    """Return entry parameters not typed with the alias, and casts, in `module`."""
    problems = []
    for function in _functions(module):
        for arg in function.args.args + function.args.kwonlyargs:
            if arg.annotation is None:
                continue
            text = ast.unparse(arg.annotation)
            names = {
                node.id if isinstance(node, ast.Name) else node.attr
                for node in ast.walk(arg.annotation)
                if isinstance(node, ast.Name | ast.Attribute)
            }
            # Optional (`| None`) is not a second kind; a union of two entry types is.
            if any(name.endswith("ConfigEntry") for name in names) and text not in {
                ENTRY_ALIAS,
                f"{ENTRY_ALIAS} | None",
            }:
                problems.append(f"{function.name}({arg.arg}: {text})")
    for node in ast.walk(module):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "cast"
        ):
            problems.append(f"cast({ast.unparse(node.args[0])}, ...)")
    return problems


def _actions_in_async_setup() -> list[str]:
    source = _source()
    registrations = source.count("hass.services.async_register(")
    init = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    setup = init.split("async def async_setup(", 1)[1].split("\nasync def ", 1)[0]
    problems = []
    if registrations != 1:
        problems.append(f"{registrations} places register actions, not one")
    if "async_setup_actions(hass)" not in setup:
        problems.append("async_setup does not register the actions")
    return problems


def _every_raise_is_translated() -> list[str]:
    problems = []
    for path, module in _modules():
        for node in ast.walk(module):
            if not (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and isinstance(node.exc.func, ast.Name)
            ):
                continue
            name = node.exc.func.id
            if (
                name
                in {
                    "HomeAssistantError",
                    "ServiceValidationError",
                    "ConfigEntryError",
                    "ConfigEntryNotReady",
                    "error",  # a ServiceValidationError or HomeAssistantError chosen at run time
                }
            ):
                keywords = {keyword.arg for keyword in node.exc.keywords}
                if not {"translation_domain", "translation_key"} <= keywords:
                    problems.append(f"{path.name}:{node.lineno} raises {name}")
    return problems


def _every_platform_sets_parallel_updates() -> list[str]:
    return [
        platform
        for platform in PLATFORMS
        if "\nPARALLEL_UPDATES = "
        not in (PACKAGE / f"{platform}.py").read_text(encoding="utf-8")
    ]


def _entity_bases_have_entity_name() -> list[str]:
    bases = [PACKAGE / "person" / "entity.py", PACKAGE / "scale" / "entity.py"]
    return [
        str(path.relative_to(PACKAGE))
        for path in bases
        if "_attr_has_entity_name = True" not in path.read_text(encoding="utf-8")
    ]


def _nothing_polls() -> list[str]:
    source = _source()
    problems = []
    if "SCAN_INTERVAL" in source:
        problems.append("a platform sets SCAN_INTERVAL")
    for match in re.finditer(r"update_interval=([^,)\n]+)", source):
        if match.group(1).strip() != "None":
            problems.append(f"update_interval={match.group(1)}")
    return problems


def _uses(text: str) -> Callable[[], list[str]]:
    def check() -> list[str]:
        return [] if text in _source() else [f"the code never uses {text}"]

    return check


def _never_uses(text: str) -> Callable[[], list[str]]:
    def check() -> list[str]:
        return [f"the code uses {text}"] if text in _source() else []

    return check


def _readme_has(*headings: str) -> Callable[[], list[str]]:
    def check() -> list[str]:
        readme = _readme()
        return [
            heading
            for heading in headings
            if not re.search(rf"^#+ {re.escape(heading)}", readme, re.MULTILINE)
        ]

    return check


def _manifest_has(key: str) -> Callable[[], list[str]]:
    def check() -> list[str]:
        manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
        return [] if manifest.get(key) else [f"manifest.json has no {key}"]

    return check


def _no_requirements() -> list[str]:
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    return [f"requirement {r}" for r in manifest["requirements"]]


def _strict_typing() -> list[str]:
    test_command = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    return [] if "mypy --strict custom_components" in test_command else ["no mypy"]


def _config_flow_coverage() -> list[str]:
    test_command = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    flows = ("config_flow.py", "person/config_flow.py", "scale/config_flow.py")
    return [flow for flow in flows if f"mtor_balance/{flow}" not in test_command]


def _flow_fields_described() -> list[str]:
    """Every field of every config and options step has a data_description."""
    english = json.loads((PACKAGE / "translations" / "en.json").read_text("utf-8"))
    problems = []
    for flow in ("config", "options"):
        for step_id, step in english[flow]["step"].items():
            for field in step.get("data", {}):
                if not step.get("data_description", {}).get(field):
                    problems.append(f"{flow}.{step_id}.{field}")
    return problems


def _brand_icon() -> list[str]:
    icon = PACKAGE / "brand" / "icon.png"
    return [] if icon.read_bytes().startswith(b"\x89PNG") else ["no brand/icon.png"]


def _all(*checks: Callable[[], list[str]]) -> Callable[[], list[str]]:
    def check() -> list[str]:
        return [problem for each in checks for problem in each()]

    return check


# What the code must show for a rule marked done.
DONE_CHECKS: dict[str, Callable[[], list[str]]] = {
    "action-setup": _actions_in_async_setup,
    "action-exceptions": _every_raise_is_translated,
    "exception-translations": _every_raise_is_translated,
    "runtime-data": _runtime_data,
    "strict-typing": _all(_strict_typing, _runtime_data),
    "parallel-updates": _every_platform_sets_parallel_updates,
    "has-entity-name": _entity_bases_have_entity_name,
    "entity-unique-id": _uses("self._attr_unique_id = "),
    "entity-translations": _never_uses("_attr_name ="),
    "icon-translations": _all(_never_uses("_attr_icon"), _never_uses("icon=")),
    "entity-category": _uses("EntityCategory."),
    "entity-device-class": _uses("device_class=SensorDeviceClass."),
    "entity-event-setup": _uses("self.async_on_remove("),
    "entity-unavailable": _uses("def available(self)"),
    "devices": _uses("DeviceInfo("),
    "diagnostics": _uses("async_redact_data("),
    "repair-issues": _uses("ir.async_create_issue("),
    "reconfiguration-flow": _uses("async def async_step_reconfigure("),
    "discovery": _all(
        _manifest_has("bluetooth"), _uses("async def async_step_bluetooth(")
    ),
    "unique-config-entry": _uses("self._abort_if_unique_id_configured()"),
    "config-entry-unloading": _uses("async def async_unload_entry("),
    "test-before-setup": _all(
        _uses("ConfigEntryNotReady("), _uses("ConfigEntryError(")
    ),
    "config-flow": _all(_manifest_has("config_flow"), _flow_fields_described),
    "config-flow-test-coverage": _config_flow_coverage,
    "common-modules": _all(
        lambda: [] if (PACKAGE / "person" / "coordinator.py").exists() else ["coord"],
        lambda: [] if (PACKAGE / "scale" / "entity.py").exists() else ["entity"],
    ),
    "inject-websession": _uses("async_get_clientsession(hass)"),
    "async-dependency": _never_uses("import requests"),
    "dependency-transparency": _no_requirements,
    "brands": _brand_icon,
    "integration-owner": _manifest_has("codeowners"),
    "log-when-unavailable": _uses("_LOGGER.info("),
    "docs-actions": _readme_has("Actions"),
    "docs-installation-instructions": _readme_has("Install (for users)"),
    "docs-installation-parameters": _readme_has("Configuration parameters"),
    "docs-configuration-parameters": _readme_has("Configuration parameters"),
    "docs-supported-devices": _readme_has("Supported scales"),
    "docs-examples": _readme_has("Blueprints"),
    "docs-known-limitations": _readme_has("Known limitations"),
    "docs-troubleshooting": _readme_has("Troubleshooting"),
    "docs-data-update": _readme_has("Entities (one device per person)"),
}

# What the code must not show for a rule marked exempt.
EXEMPT_CHECKS: dict[str, Callable[[], list[str]]] = {
    "appropriate-polling": _nothing_polls,
    "inject-websession": lambda: [
        problem
        for text in ("async_get_clientsession", "aiohttp.ClientSession(")
        for problem in _never_uses(text)()
    ],
    "entity-category": _never_uses("EntityCategory"),
    "reauthentication-flow": _never_uses("async_step_reauth"),
    "discovery-update-info": _never_uses("_abort_if_unique_id_configured(updates="),
    "docs-conditions": lambda: (
        ["conditions exist"] if (PACKAGE / "condition.py").exists() else []
    ),
    "docs-triggers": lambda: (
        ["triggers exist"] if (PACKAGE / "trigger.py").exists() else []
    ),
    "entity-disabled-by-default": _never_uses("entity_registry_enabled_default=False"),
}


def test_every_rule_up_to_platinum_is_done_or_exempt_with_a_reason() -> None:
    raw = yaml.safe_load(QUALITY_SCALE.read_text(encoding="utf-8"))["rules"]
    expected = {rule for tier in RULES.values() for rule in tier.split()}
    assert set(raw) == expected
    for rule, value in raw.items():
        status = value if isinstance(value, str) else value["status"]
        assert status in {"done", "exempt"}, rule
        if status == "exempt":
            assert len(value["comment"]) > 20, rule


@pytest.mark.parametrize("rule", sorted(DONE_CHECKS))
def test_a_rule_marked_done_is_done_in_the_code(rule: str) -> None:
    if _rules()[rule] != "done":
        pytest.skip(f"{rule} is exempt")
    assert DONE_CHECKS[rule]() == []


@pytest.mark.parametrize("rule", sorted(EXEMPT_CHECKS))
def test_an_exemption_is_not_contradicted_by_the_code(rule: str) -> None:
    if _rules()[rule] != "exempt":
        pytest.skip(f"{rule} is done")
    assert EXEMPT_CHECKS[rule]() == []


def test_the_claim_checks_can_fail() -> None:
    # A check that cannot fail is no check: claiming the opposite of the truth fails.
    assert EXEMPT_CHECKS["inject-websession"]() != []
    assert EXEMPT_CHECKS["entity-category"]() != []
    assert _never_uses("async_redact_data(")() != []
    assert _readme_has("A heading nobody wrote")() == ["A heading nobody wrote"]
    untyped = ast.parse(
        "async def async_setup_entry(hass, entry: PersonConfigEntry | ScaleConfigEntry)"
        ": ...\n"
        "def f(entry: ConfigEntry[Any]) -> None: cast('X', entry)\n"
    )
    assert _untyped_entries(untyped) == [
        "async_setup_entry(entry: PersonConfigEntry | ScaleConfigEntry)",
        "f(entry: ConfigEntry[Any])",
        "cast('X', ...)",
    ]


def test_the_brand_icon_is_shipped() -> None:
    assert _brand_icon() == []
