"""The terminal story picker: list the stories, play one, come back.

Layer: console. This is what `together-online` starts until the window
(a later issue) exists. Stories with errors are left out of the list, with
a note, so one broken file never keeps a family from the others.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TextIO

from ..helplines import load_helplines
from ..paths import HELPLINES_FILE
from ..story import Names, Scenario
from ..story.guide import Guide
from ..story.loader import read_scenario
from ..story.validate import FileReport, check_file, scenario_files
from .helplines_view import ask_and_show
from .player import TextPlayer

PRIMER_ID = "caregiver_primer"


def load_library(folder: Path, check_play: bool = True) -> tuple[list[Scenario], list[str], Guide | None]:
    """The stories in `folder` that load cleanly, the names of the files that
    don't, and the caregiver primer if it is there and sound. With
    `check_play=False` only the loader's checks run (the whole-story checks,
    which explore every play, are then left to `check_story` when a story is
    opened): the window starts faster."""
    stories, broken, primer = [], [], None
    for path in scenario_files([folder]) if folder.is_dir() else []:
        report = check_file(path) if check_play else _loaded(path)
        if not report.ok:
            broken.append(path.name)
        elif report.scenario is not None:
            stories.append(report.scenario)
        elif report.guide is not None and report.guide.id == PRIMER_ID:
            primer = report.guide
    stories.sort(key=lambda s: (s.ages, s.id))
    return stories, broken, primer


def _loaded(path: Path) -> FileReport:
    """A file read with the loader's checks only."""
    loaded = read_scenario(path)
    return FileReport(str(path), loaded.scenario, loaded.diagnostics, loaded.source, loaded.guide)


def print_guide(guide: Guide, stdout: TextIO, width: int = 78) -> None:
    stdout.write(f"\n{guide.title.source}\n{'-' * len(guide.title.source)}\n")
    for section in guide.sections:
        stdout.write(f"\n{section.heading.source}\n")
        stdout.writelines(textwrap.fill(paragraph.source, width) + "\n" for paragraph in section.paragraphs)
        stdout.writelines(textwrap.fill(point.source, width, initial_indent="  - ", subsequent_indent="    ") + "\n" for point in section.points)


def show_help(stdin: TextIO, stdout: TextIO) -> None:
    directory, _diagnostics = load_helplines(HELPLINES_FILE)
    if directory is None:
        stdout.write("\nThe help-lines file could not be read; run 'together-online validate' to see why.\n"
                     "Wherever you are, Take It Down (https://takeitdown.ncmec.org) helps remove images of under-18s.\n")
        return
    ask_and_show(directory, stdin, stdout)


def play_library(folder: Path, stdin: TextIO, stdout: TextIO, child: str = "", caregiver: str = "") -> int:
    stories, broken, primer = load_library(folder)
    stdout.write("Together Online\n===============\n")
    stdout.write("Short stories about life online, for a child and a caregiver to play together.\n")
    stdout.writelines(f"(The story file {name} has errors and is left out; "
                     f"run 'together-online validate' to see them.)\n" for name in broken)
    if not stories:
        stdout.write(f"No stories found in {folder}.\n")
        return 1
    names = Names(child, caregiver)
    while True:
        stdout.write("\nStories:\n")
        if primer is not None:
            stdout.write(f"  0) {primer.title.source} (a short guide for adults)\n")
        for number, story in enumerate(stories, 1):
            title = story.title.source if story.title else story.id
            stdout.write(f"  {number}) {title}  (ages {story.ages[0]}-{story.ages[1]}, about {story.minutes} min)\n")
        stdout.write("  h) Need help? Help lines\n")
        stdout.write("Pick a story by number (h = help lines, q = quit): ")
        stdout.flush()
        answer = stdin.readline()
        if not answer or answer.strip() == "q":
            stdout.write("\nBye!\n")
            return 0
        answer = answer.strip()
        if answer.lower() == "h":
            show_help(stdin, stdout)
            continue
        if answer == "0" and primer is not None:
            print_guide(primer, stdout)
            continue
        if not answer.isdigit() or not 1 <= int(answer) <= len(stories):
            stdout.write(f"Please type a number from 1 to {len(stories)}.\n")
            continue
        TextPlayer(stories[int(answer) - 1], stdin, stdout, names).run()
