"""Where the game's own files are: scenarios, assets and catalogs.

Layer: bottom (no pygame, no I/O at import time). The game runs from its
source tree (an editable install), so data folders sit beside `game/`.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCENARIOS_DIR = PROJECT_ROOT / "scenarios"
ASSETS_DIR = PROJECT_ROOT / "assets"
LOCALE_DIR = PROJECT_ROOT / "locale"
VOICE_DIR = ASSETS_DIR / "voice"  # recorded read-aloud audio, one folder per language
HELPLINES_FILE = ASSETS_DIR / "help" / "helplines.yaml"


def find_scenario(name: str) -> Path | None:
    """A scenario by id (looked up in scenarios/) or by path."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path if path.is_file() else None
    candidate = SCENARIOS_DIR / f"{name}.yaml"
    return candidate if candidate.is_file() else None


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
