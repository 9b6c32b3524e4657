"""Print the requirements a Home Assistant release's manifests pin for the given components.

Run with the interpreter of the environment that has that release installed (scripts/compat
does): it reads `homeassistant/components/<domain>/manifest.json` inside the installed
package, without importing Home Assistant, and walks "dependencies" (and, with
`--after-dependencies`, "after_dependencies" too) from the components named, the same walk
Home Assistant's requirements processing does. mTOR Balance's own manifest is read from this
repository.

    python scripts/compat_requirements.py api config frontend mtor_balance
    python scripts/compat_requirements.py --develop   # what scripts/develop's config needs

`--develop` starts from the components in config/configuration.yaml, Home Assistant's
default and core integrations (bootstrap.DEFAULT_INTEGRATIONS, CORE_INTEGRATIONS, read from
the source) and mTOR Balance, with after_dependencies, like requirements_dev.txt.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
from pathlib import Path
import re
import sys

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "custom_components" / "mtor_balance" / "manifest.json"
# Requirements that no manifest names: the `totp` multi-factor auth module (loaded at every
# start) and `hass --script check_config` (see requirements_dev.txt).
DEVELOP_EXTRA = ("colorlog", "pyotp", "PyQRCode")


def _package() -> Path:
    spec = importlib.util.find_spec("homeassistant")
    if spec is None or spec.submodule_search_locations is None:
        sys.exit("compat_requirements: Home Assistant is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _manifest(package: Path, domain: str) -> dict[str, object] | None:
    path = (
        OWN
        if domain == "mtor_balance"
        else package / "components" / domain / "manifest.json"
    )
    if not path.exists():
        return None
    loaded: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _strings(value: object) -> list[str]:
    return (
        [item for item in value if isinstance(item, str)]
        if isinstance(value, list)
        else []
    )


def requirements(package: Path, domains: list[str], *, after: bool) -> list[str]:
    """Return the sorted requirements of `domains` and everything they depend on."""
    seen: set[str] = set()
    found: set[str] = set()
    todo = list(domains)
    while todo:
        domain = todo.pop()
        if domain in seen:
            continue
        seen.add(domain)
        manifest = _manifest(package, domain)
        if manifest is None:
            continue
        found.update(_strings(manifest.get("requirements")))
        todo.extend(_strings(manifest.get("dependencies")))
        if after:
            todo.extend(_strings(manifest.get("after_dependencies")))
    return sorted(found, key=str.lower)


def _bootstrap_sets(package: Path) -> list[str]:
    """Return the domains in bootstrap's DEFAULT_INTEGRATIONS and CORE_INTEGRATIONS."""
    tree = ast.parse((package / "bootstrap.py").read_text(encoding="utf-8"))
    domains: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {target.id for target in targets if isinstance(target, ast.Name)}
            if names & {"DEFAULT_INTEGRATIONS", "CORE_INTEGRATIONS"} and node.value:
                domains.extend(
                    item.value
                    for item in ast.walk(node.value)
                    if isinstance(item, ast.Constant) and isinstance(item.value, str)
                )
    return domains


def _configured() -> list[str]:
    """Return the top-level keys of config/configuration.yaml (its components)."""
    text = (ROOT / "config" / "configuration.yaml").read_text(encoding="utf-8")
    return [
        match.group(1)
        for match in re.finditer(r"^([a-z_]+):", text, re.MULTILINE)
        if match.group(1) != "homeassistant"
    ]


def main() -> None:
    """Print the requirements, one a line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domains", nargs="*")
    parser.add_argument("--after-dependencies", action="store_true")
    parser.add_argument("--develop", action="store_true")
    args = parser.parse_args()
    package = _package()
    domains: list[str] = list(args.domains)
    after = bool(args.after_dependencies)
    if args.develop:
        domains += [*_configured(), *_bootstrap_sets(package), "mtor_balance"]
        after = True
    found = requirements(package, domains, after=after)
    if args.develop:
        found += DEVELOP_EXTRA
    print("\n".join(found))


if __name__ == "__main__":
    main()
