"""The story engine: scenario model, loader, validator and runtime.

Layer: game/story. Pure Python: never imports pygame, does no I/O except in
the loader. Front ends use `load_scenario` (or `check_file` for diagnostics)
and drive a `Playthrough`. Names are imported on first use (PEP 562), so a
front end that only needs the model does not pay for YAML and the validator.
"""

from __future__ import annotations

import importlib

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


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
