"""Package names imported on first use (PEP 562), so that importing a
package does not import all of its modules: the game starts faster, and
`game.text`'s line breaking can be used without pygame.

Layer: bottom (no imports of its own beyond importlib).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_names(package: str, where: Mapping[str, str], namespace: dict) -> tuple[Callable, Callable]:
    """`__getattr__` and `__dir__` for `package`: `where` maps each public
    name to the submodule that defines it; a name, once imported, is kept in
    the package's `namespace` (its globals)."""

    def __getattr__(name: str):
        if name in where:
            value = getattr(importlib.import_module(f".{where[name]}", package), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(where)

    return __getattr__, __dir__
