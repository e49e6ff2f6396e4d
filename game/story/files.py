"""Finding story files: which files a folder or a list of paths names.

Layer: game/story (pure Python, no YAML), so listing files costs nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenario_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The scenario files named by `paths`: files as given, folders searched
    recursively for .yaml/.yml files. Raises FileNotFoundError for a path
    that does not exist."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in SCENARIO_SUFFIXES and p.is_file())
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(str(raw))
    return files
