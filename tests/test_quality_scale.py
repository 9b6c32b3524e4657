"""quality_scale.yaml stays an honest, complete self-audit up to Platinum."""

from __future__ import annotations

from pathlib import Path

import yaml

QUALITY_SCALE = (
    Path(__file__).parent.parent / "custom_components/mtor_balance/quality_scale.yaml"
)

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


def test_every_rule_up_to_platinum_is_done_or_exempt_with_a_reason() -> None:
    rules = yaml.safe_load(QUALITY_SCALE.read_text(encoding="utf-8"))["rules"]
    expected = {rule for tier in RULES.values() for rule in tier.split()}
    assert set(rules) == expected
    for rule, value in rules.items():
        status = value if isinstance(value, str) else value["status"]
        assert status in {"done", "exempt"}, rule
        if status == "exempt":
            assert len(value["comment"]) > 20, rule


def test_the_brand_icon_is_shipped() -> None:
    brand = QUALITY_SCALE.parent / "brand"
    assert (brand / "icon.png").read_bytes().startswith(b"\x89PNG")
