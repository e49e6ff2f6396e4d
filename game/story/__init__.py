"""The story engine: scenario model, loader, validator and runtime.

Layer: game/story. Pure Python: never imports pygame, does no I/O except in
the loader. Front ends use `load_scenario` (or `check_file` for diagnostics)
and drive a `Playthrough`. Names are imported on first use (PEP 562), so a
front end that only needs the model does not pay for YAML and the validator.
"""

from __future__ import annotations

from ..lazy_names import lazy_names

_WHERE = {
    "Diagnostic": "diagnostics", "SourceLoc": "diagnostics",
    "LoadResult": "loader", "ScenarioError": "loader", "load_scenario": "loader", "read_scenario": "loader",
    "Choice": "model", "Line": "model", "Node": "model", "Prompt": "model", "Scenario": "model", "Text": "model",
    "fill_placeholders": "placeholders",
    "Names": "runtime", "PlayError": "runtime", "PlayState": "runtime", "Playthrough": "runtime",
    "SaveError": "runtime", "Step": "runtime", "View": "runtime",
    "FileReport": "validate", "check_file": "validate", "check_paths": "validate", "check_scenario": "validate",
    "scenario_files": "validate",
}

__all__ = list(_WHERE)


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())
