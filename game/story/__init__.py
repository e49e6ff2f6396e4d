"""The story engine: scenario model, loader, validator and runtime.

Layer: game/story. Pure Python: never imports pygame, does no I/O except in
the loader. Front ends use `load_scenario` (or `check_file` for diagnostics)
and drive a `Playthrough`.
"""

from .diagnostics import Diagnostic, SourceLoc
from .loader import LoadResult, ScenarioError, load_scenario, read_scenario
from .model import Choice, Line, Node, Prompt, Scenario, Text
from .placeholders import fill_placeholders
from .runtime import Names, PlayError, PlayState, Playthrough, SaveError, Step, View
from .validate import FileReport, check_file, check_paths, check_scenario, scenario_files

__all__ = [
    "Choice", "Diagnostic", "FileReport", "Line", "LoadResult", "Names", "Node", "PlayError",
    "PlayState", "Playthrough", "Prompt", "SaveError", "Scenario", "ScenarioError", "SourceLoc",
    "Step", "Text", "View", "check_file", "check_paths", "check_scenario", "fill_placeholders",
    "load_scenario", "read_scenario", "scenario_files",
]
