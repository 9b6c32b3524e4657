"""The layers import one way: the pure core and protocol library know nothing above them.

- `core/` and `scales/` import only the standard library and themselves (no Home Assistant,
  no Bluetooth, no aiohttp), so they can be tested and published on their own;
- `person/` and `scale/` never import each other: people and scales are separate packages
  that meet only in the shared top-level modules.
"""

from __future__ import annotations

import ast
from pathlib import Path
import sys

import pytest

PACKAGE = Path(__file__).parent.parent / "custom_components" / "mtor_balance"


def _imports(path: Path) -> set[str]:
    """Return the absolute module names `path` imports (relative imports resolved)."""
    module_parts = [
        "custom_components",
        *path.relative_to(PACKAGE.parent).with_suffix("").parts,
    ]
    if module_parts[-1] == "__init__":
        module_parts.pop()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                is_package = path.name == "__init__.py"
                base = module_parts[: len(module_parts) - node.level + is_package]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
    return found


def _files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", ["core", "scales"])
def test_the_pure_layers_import_only_the_standard_library_and_themselves(
    folder: str,
) -> None:
    own = f"custom_components.mtor_balance.{folder}"
    for path in _files(folder):
        for name in _imports(path):
            top = name.split(".")[0]
            assert name.startswith(own) or top in sys.stdlib_module_names, (
                f"{path.relative_to(PACKAGE)} imports {name}"
            )


@pytest.mark.parametrize(
    ("folder", "other"), [("person", "scale"), ("scale", "person")]
)
def test_people_and_scales_do_not_import_each_other(folder: str, other: str) -> None:
    forbidden = f"custom_components.mtor_balance.{other}"
    for path in _files(folder):
        for name in _imports(path):
            assert f"{name}.".split(".")[:3] != forbidden.split("."), (
                f"{path.relative_to(PACKAGE)} imports {name}"
            )


def test_the_checker_sees_relative_imports() -> None:
    imports = _imports(PACKAGE / "person" / "coordinator.py")
    assert "custom_components.mtor_balance.core.state" in imports
    assert "custom_components.mtor_balance.person.store" in imports
