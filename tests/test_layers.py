"""Which package may import which: the lower layers know nothing of the ones built on them.

``core`` is the plain domain; ``storage`` keeps the profile's files and the token, and checks an
API address with ``core``'s rules rather than loading the HTTP client. (Qt's own boundary is a
ruff rule; see pyproject.toml.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kokoon_desktop

PACKAGE = Path(kokoon_desktop.__file__).parent

#: For each layer, the packages of the app it must never import.
FORBIDDEN = {
    "core": ("api", "services", "storage", "sandbox", "media", "ui", "cli"),
    "storage": ("api", "services", "sandbox", "media", "ui", "cli"),
}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_built_on_it(layer: str) -> None:
    forbidden = tuple(f"kokoon_desktop.{name}" for name in FORBIDDEN[layer])
    found = {
        f"{path.relative_to(PACKAGE.parent)}: {module}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for module in _imported_modules(path)
        if module in forbidden or module.startswith(tuple(f"{name}." for name in forbidden))
    }
    assert not found
