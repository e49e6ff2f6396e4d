"""The terminal story picker: list the stories, play one, come back.

Layer: console. This is what `together-online play --terminal` starts,
and what `play` falls back to when no window can open. Stories with errors
are left out of the list, with a note, so one broken file never keeps a
family from the others. Everything is shown in the player's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..helplines import load_helplines
from ..i18n.translator import Translator
from ..paths import HELPLINES_FILE
from ..settings import STORY_BROKEN
from ..story import Scenario, Text
from ..story.guide import Guide
from ..story.loader import read_scenario
from ..story.validate import FileReport, check_file, scenario_files
from .helplines_view import ask_and_show
from .player import TextPlayer, ages_line, ask_for_number, console_names
from .wrapping import cell_width, fill

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


def print_guide(guide: Guide, stdout: TextIO, width: int = 78, tr: Translator | None = None) -> None:
    """A guide for grown-ups (the caregiver primer), in the player's language."""
    tr = tr or Translator()

    def say(text: Text, indent: str = "") -> None:
        shown = tr.scenario_text(guide.id, text.source)
        stdout.write(fill(shown, width, indent, " " * len(indent), tr.code) + "\n")

    title = tr.scenario_text(guide.id, guide.title.source)
    stdout.write(f"\n{fill(title, width, language=tr.code)}\n{'-' * min(cell_width(title), width)}\n")
    for section in guide.sections:
        stdout.write("\n")
        say(section.heading)
        for paragraph in section.paragraphs:
            say(paragraph)
        for point in section.points:
            say(point, "  - ")


def show_help(stdin: TextIO, stdout: TextIO, tr: Translator | None = None) -> None:
    tr = tr or Translator()
    directory, _diagnostics = load_helplines(HELPLINES_FILE)
    if directory is None:
        stdout.write("\n" + fill(tr._("The list of help lines could not be read. This service works in every "
                                      "country:"), 78, language=tr.code) + "\n")
        stdout.write("Take It Down (NCMEC): https://takeitdown.ncmec.org\n")
        return
    ask_and_show(directory, stdin, stdout, tr)


def play_library(folder: Path, stdin: TextIO, stdout: TextIO, child: str = "", caregiver: str = "",
                 tr: Translator | None = None) -> int:
    tr = tr or Translator()
    stories, broken, primer = load_library(folder)

    def say(text: str = "", indent: str = "") -> None:
        stdout.write(fill(text, 78, indent, " " * len(indent), tr.code) + "\n")

    name = tr._("Together Online")
    stdout.write(f"{name}\n{'=' * cell_width(name)}\n")
    say(tr._("A game for a child and a grown-up to play together: short stories about life online, with a talk "
             "after every choice."))
    for file_name in broken:
        say(tr._(STORY_BROKEN).format(title=file_name))
    if not stories:
        say(tr._("No stories were found. Check the scenarios folder."))
        say(f"({folder})")
        return 1
    names = console_names(tr, child, caregiver)
    while True:
        say()
        say(tr._("Choose a story"))
        if primer is not None:
            say(f"0) {tr.scenario_text(primer.id, primer.title.source)}", "  ")
            say(tr._("For the adult"), "     ")
        for number, story in enumerate(stories, 1):
            title = tr.scenario_text(story.id, story.title.source) if story.title else story.id
            say(f"{number}) {title}", "  ")
            say(ages_line(tr, story), "     ")
        say("h) " + tr._("Need help?"), "  ")
        # Translators: the keys h and q stay as they are: the player types them.
        stdout.write(tr._("Pick a story by number (h = help lines, q = quit):") + " ")
        stdout.flush()
        answer = stdin.readline()
        if not answer or answer.strip() == "q":
            say()
            say(tr._("Bye!"))
            return 0
        answer = answer.strip()
        if answer.lower() == "h":
            show_help(stdin, stdout, tr)
            continue
        if answer == "0" and primer is not None:
            print_guide(primer, stdout, tr=tr)
            continue
        if not answer.isdigit() or not 1 <= int(answer) <= len(stories):
            say(ask_for_number(tr, len(stories)))
            continue
        TextPlayer(stories[int(answer) - 1], stdin, stdout, names, tr=tr).run()
