"""Every kind of content file the game reads, checked by one entry point.

Layer: above game/story and game/helplines (pure Python, no pygame). A file's
top-level `kind:` says what it is: a scenario (the default), a guide (such as
the caregiver primer) or the help-lines directory. `validate` checks all of
them the same way and prints the same kind of diagnostics.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .helplines import helplines_from_yaml
from .paths import ASSETS_DIR, SCENARIOS_DIR
from .story.diagnostics import Diagnostic
from .story.loader import document_kind, load_story_yaml
from .story.validate import FileReport, check_loaded, scenario_files
from .story.yaml_source import read_yaml

DEFAULT_PATHS = (SCENARIOS_DIR, ASSETS_DIR / "help")


def check_content_file(path: str | os.PathLike, display_path: str | None = None) -> FileReport:
    shown = display_path or str(path)
    doc = read_yaml(path, shown)
    if document_kind(doc.root) == "helplines":
        _, diagnostics = helplines_from_yaml(doc)
        return FileReport(shown, None, sorted(diagnostics, key=Diagnostic.sort_key), doc.text)
    return check_loaded(load_story_yaml(doc, Path(path).stem), shown)


def content_files(paths: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """Files to check: those named (folders searched), or the game's own."""
    paths = list(paths)
    if paths:
        return scenario_files(paths)
    return scenario_files([p for p in DEFAULT_PATHS if p.exists()])
