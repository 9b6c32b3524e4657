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
import subprocess

from awesomeversion import AwesomeVersion, AwesomeVersionStrategy
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
    # The newest Home Assistant, on a schedule and on pull requests (scripts/compat).
    compat = yaml.safe_load((workflows / "compat.yml").read_text(encoding="utf-8"))
    triggers = compat[True]  # YAML 1.1 reads the key `on` as True
    assert {"schedule", "pull_request"} <= set(triggers)
    runs = [
        step.get("run", "") for job in compat["jobs"].values() for step in job["steps"]
    ]
    assert any("scripts/compat --develop" in run for run in runs)


# Home Assistant 2026.11's built-in Marketplace (homeassistant/components/marketplace), read
# from its code and checked here without importing it:
# - repositories/base.py `common_validate`: hacs.json must be in the repository's root, or
#   the repository cannot be added or updated (`repository_manifest_not_in_root`);
# - utils/validate.py `REPOSITORY_MANIFEST_VALUES`: the hacs.json keys it reads and their
#   types; any other key, or a value of another type, is ignored (with a warning);
# - repositories/integration.py: with `content_in_root` false it installs the first
#   directory under custom_components/ of the git tree, to custom_components/<domain>;
#   `_validated_domain` takes a domain matching `VALID_DOMAIN`; `_manifest_value` reads
#   `name`, `codeowners` and `config_flow` (`INTEGRATION_MANIFEST_VALUES`); after writing
#   the files, `_check_loadable_manifest` refuses (and rolls back) an install whose
#   manifest has another domain or a version the loader does not load
#   (`LOADABLE_VERSION_STRATEGIES`);
# - `display_name`: hacs.json's name first, then the manifest's;
# - `can_install`: the running Home Assistant must be the same as or newer than hacs.json's
#   `homeassistant`;
# - migration.py: dashboard resources under /hacsfiles/ are moved to /local/community/.
MARKETPLACE_HACS_JSON = {
    "content_in_root": bool,
    "filename": str,
    "hacs": str,
    "hide_default_branch": bool,
    "homeassistant": str,
    "name": str,
    "persistent_directory": str,
    "zip_release": bool,
}
MARKETPLACE_VALID_DOMAIN = re.compile(r"^[a-z0-9_-]+$")
MARKETPLACE_LOADABLE_VERSIONS = [
    AwesomeVersionStrategy.CALVER,
    AwesomeVersionStrategy.SEMVER,
    AwesomeVersionStrategy.SIMPLEVER,
    AwesomeVersionStrategy.BUILDVER,
    AwesomeVersionStrategy.PEP440,
]


def _tracked(directory: str) -> list[str]:
    """Return the git tree's paths (files and directories) under `directory`, sorted."""
    try:
        files = subprocess.run(  # noqa: S603
            ["git", "ls-files", "--", directory],  # noqa: S607
            capture_output=True,
            check=True,
            cwd=ROOT,
            text=True,
        ).stdout.split()
    except OSError, subprocess.CalledProcessError:
        files = [
            str(path.relative_to(ROOT))
            for path in (ROOT / directory).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        ]
    paths = set(files)
    for file in files:
        parts = file.split("/")
        paths.update("/".join(parts[:end]) for end in range(1, len(parts)))
    return sorted(paths)


def test_hacs_json_as_the_marketplace_reads_it() -> None:
    hacs = json.loads((ROOT / "hacs.json").read_text(encoding="utf-8"))
    # Everything in it is read (nothing is silently ignored), with the type it checks.
    assert set(hacs) <= set(MARKETPLACE_HACS_JSON)
    for key, value in hacs.items():
        assert isinstance(value, MARKETPLACE_HACS_JSON[key]), key
    assert AwesomeVersion(hacs["homeassistant"]).valid
    # The files are installed from the repository, not from a release's ZIP asset, and
    # nothing of the user's lives in the integration's folder (its data is in .storage).
    assert not hacs.get("zip_release")
    assert not hacs.get("content_in_root")
    assert "persistent_directory" not in hacs
    # The minimum it compares with is the one the README gives.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    minimum = re.search(r"Requirements: Home Assistant (\d{4}\.\d+) or newer", readme)
    assert minimum is not None
    assert hacs["homeassistant"] == f"{minimum.group(1)}.0"
    assert AwesomeVersion("2026.11.0") >= AwesomeVersion(hacs["homeassistant"])


def test_the_marketplace_installs_this_integration_from_the_layout() -> None:
    tree = _tracked("custom_components")
    first = next(
        path
        for path in tree
        if path.startswith("custom_components/")
        and any(other.startswith(f"{path}/") for other in tree)
    )
    assert first == f"custom_components/{PACKAGE.name}"
    assert f"{first}/manifest.json" in tree
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    domain = manifest["domain"]
    # Installed to custom_components/<domain>, which must be this very folder.
    assert MARKETPLACE_VALID_DOMAIN.match(domain)
    assert domain == PACKAGE.name
    assert isinstance(manifest["name"], str)
    assert isinstance(manifest["codeowners"], list)
    assert all(isinstance(owner, str) for owner in manifest["codeowners"])
    assert manifest["config_flow"] is True
    # A version the loader loads, or the installed files are refused and rolled back.
    AwesomeVersion(manifest["version"], ensure_strategy=MARKETPLACE_LOADABLE_VERSIONS)
    # The name shown is hacs.json's; the same as the integration's own.
    hacs = json.loads((ROOT / "hacs.json").read_text(encoding="utf-8"))
    assert hacs["name"] == manifest["name"]


def test_the_card_comes_with_the_integration_not_as_a_dashboard_resource() -> None:
    # The Marketplace installs only custom_components/<domain> for an integration; the
    # kitchen card is inside it and served by the integration itself, not from
    # /hacsfiles/ (which the Marketplace moves to /local/community/).
    tree = _tracked("custom_components")
    assert f"custom_components/{PACKAGE.name}/www/mtor-balance-card.js" in tree
    card = (PACKAGE / "card.py").read_text(encoding="utf-8")
    assert "/hacsfiles" not in card
    assert "/local/community" not in card
