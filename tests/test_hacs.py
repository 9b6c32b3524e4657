"""What HACS checks before it lists the repository, checked here without GitHub.

The same rules as HACS's own validators (hacs/integration, custom_components/hacs/validate
and utils/validate.py, 2026-08): hacs.json, the integration manifest, an information file,
brand assets and an OSI licence. `.github/workflows/validate.yml` runs HACS's action and
hassfest for real on GitHub.
"""

from __future__ import annotations

import json
from pathlib import Path
import re

from awesomeversion import AwesomeVersion
import yaml

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "custom_components" / "mtor_balance"
HACS_JSON_KEYS = {
    "name",
    "content_in_root",
    "country",
    "filename",
    "hacs",
    "hide_default_branch",
    "homeassistant",
    "persistent_directory",
    "render_readme",
    "zip_release",
}
URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")


def test_hacs_json() -> None:
    hacs = json.loads((ROOT / "hacs.json").read_text(encoding="utf-8"))
    assert set(hacs) <= HACS_JSON_KEYS
    assert isinstance(hacs["name"], str)
    assert hacs["name"]
    assert AwesomeVersion(hacs["homeassistant"]).valid
    assert not hacs.get("zip_release") or hacs.get("filename")


def test_one_integration_with_a_complete_manifest() -> None:
    assert [
        path.name for path in (ROOT / "custom_components").iterdir() if path.is_dir()
    ] == ["mtor_balance"]
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["domain"] == PACKAGE.name
    assert isinstance(manifest["name"], str)
    assert isinstance(manifest["codeowners"], list)
    assert manifest["codeowners"]
    assert URL.match(manifest["documentation"])
    assert URL.match(manifest["issue_tracker"])
    assert AwesomeVersion(manifest["version"]).valid
    # hassfest: domain and name first, then the keys in alphabetical order.
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])


def test_an_information_file() -> None:
    assert (ROOT / "README.md").read_text(encoding="utf-8").startswith("# mTOR Balance")


def test_brand_assets_ship_with_the_integration() -> None:
    for name in ("icon.png", "icon@2x.png"):
        assert (PACKAGE / "brand" / name).read_bytes().startswith(b"\x89PNG")


def test_an_osi_licence_github_recognises() -> None:
    # GitHub's licence detection (licensee) needs the MIT text unchanged.
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert (
        "Permission is hereby granted, free of charge, to any person obtaining a copy"
        in text
    )
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject


def test_the_workflows_run_the_validators_and_the_test_command() -> None:
    workflows = ROOT / ".github" / "workflows"
    validate = yaml.safe_load((workflows / "validate.yml").read_text(encoding="utf-8"))
    steps = [
        step
        for job in validate["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    uses = {step["uses"].split("@")[0]: step for step in steps}
    assert "home-assistant/actions/hassfest" in uses
    assert uses["hacs/action"]["with"] == {"category": "integration"}
    test = yaml.safe_load((workflows / "test.yml").read_text(encoding="utf-8"))
    runs = [step.get("run") for job in test["jobs"].values() for step in job["steps"]]
    assert "scripts/test" in runs
