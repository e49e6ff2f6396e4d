"""What the printables are made from: the stories named on the command line
(or all of them), the facilitator guides and the help lines.

Layer: game/printables (no pygame). Nothing here prints or exits: problems
come back as the validator's file reports, for the command line to show.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import SCENARIOS_DIR, display_path
from ..story.files import scenario_files
from ..story.guide import Guide
from ..story.loader import read_scenario
from ..story.validate import FileReport, check_file

ALL = "all"
# The guides every facilitator's guide ends with, in this order.
GUIDE_IDS = ("disclosure_guidance", "caregiver_primer")


def every_story(folder: Path = SCENARIOS_DIR) -> list[FileReport]:
    """A report for every story file in `folder` (guides left out), in name order."""
    reports = [check_file(path, display_path(path)) for path in scenario_files([folder])]
    return [report for report in reports if report.guide is None]


def broken(reports: list[FileReport]) -> list[FileReport]:
    return [report for report in reports if report.scenario is None or not report.ok]


def facilitator_guides(folder: Path = SCENARIOS_DIR, ids: tuple[str, ...] = GUIDE_IDS) -> list[Guide]:
    """The guides that load cleanly; a broken or missing one is left out
    (`validate` reports it), so the stories can still be printed."""
    guides = []
    for guide_id in ids:
        path = folder / f"{guide_id}.yaml"
        if path.is_file():
            loaded = read_scenario(path)
            if loaded.ok and loaded.guide is not None:
                guides.append(loaded.guide)
    return guides
