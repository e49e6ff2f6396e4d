"""Whole-story checks: references, reachability, endings, usage, lengths.

Layer: game/story (pure Python). `check_scenario` takes a loaded model and
returns diagnostics; `check_file` and `check_paths` add the loader's and are
what `validate` runs. Per-value checks (types, conditions, placeholders,
speakers) are done while loading, where the YAML positions are known.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, SourceLoc, did_you_mean, error, has_errors, warning
from .explore import MAX_STATES, explore
from .files import SCENARIO_SUFFIXES, scenario_files  # noqa: F401 - part of this module's API
from .guide import Guide
from .loader import LoadResult, read_scenario
from .model import KNOWN_SCENES, NARRATOR, Prompt, Scenario, Text
from .placeholders import placeholder_names
from .runtime import CompiledScenario

# Characters beyond which a text will not fit its box on a 1024x600 screen at
# the default text size (the window issue measures the real boxes).
MAX_LENGTHS = {"title": 60, "line": 280, "choice": 110, "feedback": 400, "prompt": 220, "takeaway": 220}
VOCATIVE = re.compile(r"\s*\{(child_name|caregiver_name)\}\s*(,|and\s+\{)")


def check_scenario(scenario: Scenario, loaded_cleanly: bool = True) -> list[Diagnostic]:
    """Diagnostics for a scenario that loaded (possibly with errors). The loader
    leaves a value with an error out of the model (an 'if:' with a typo, a
    wrong 'set:'), so when it reported errors (`loaded_cleanly=False`) the usage
    and play checks are skipped: they would report what is not so, such as a
    variable "never used" or a dead end as a node whose choices are all hidden."""
    found: list[Diagnostic] = []
    found += _references(scenario)
    found += _unreachable(scenario)
    if loaded_cleanly:
        found += _usage(scenario)
    found += _style(scenario)
    found += _placeholder_use(scenario)
    # Unreachable nodes (E208) do not stop the exploration: it starts at the
    # start node and never meets them, so authors see every problem at once.
    if loaded_cleanly and not any(d.is_error and d.code != "E208" for d in found):
        found += _exploration(scenario)
    return found


def _references(scenario: Scenario) -> list[Diagnostic]:
    found = []
    nodes = scenario.nodes

    def unknown(target: str, loc: SourceLoc, what: str) -> None:
        if target not in nodes:
            found.append(error(loc, "E202", f"{what} '{target}' is not a node of this scenario",
                               did_you_mean(target, nodes) or f"nodes are: {', '.join(list(nodes)[:8])}"))

    if scenario.start and scenario.start_loc:
        unknown(scenario.start, scenario.start_loc, "start")
    for node in nodes.values():
        if node.next is not None and node.next_loc is not None:
            unknown(node.next, node.next_loc, "next")
        for choice in node.choices:
            unknown(choice.goto, choice.goto_loc, "goto")
    return found


def _graph_reachable(scenario: Scenario) -> set[str]:
    """Nodes that some chain of goto/next leads to from start, ignoring conditions."""
    nodes = scenario.nodes
    if scenario.start not in nodes:
        return set()
    reached = {scenario.start}
    stack = [scenario.start]
    while stack:
        for target in nodes[stack.pop()].targets():
            if target in nodes and target not in reached:
                reached.add(target)
                stack.append(target)
    return reached


def _unreachable(scenario: Scenario) -> list[Diagnostic]:
    if scenario.start not in scenario.nodes:
        return []
    reached = _graph_reachable(scenario)
    return [error(node.loc, "E208", f"node '{node.id}' can never be reached from start '{scenario.start}'",
                  "lead to it with 'goto' or 'next', or remove it")
            for node in scenario.nodes.values() if node.id not in reached]


def _usage(scenario: Scenario) -> list[Diagnostic]:
    read: set[str] = set()
    written: set[str] = set()
    speakers: set[str] = set()
    for node in scenario.nodes.values():
        for line in node.lines:
            speakers.add(line.speaker)
            if line.condition:
                read |= line.condition.variables()
        for choice in node.choices:
            if choice.condition:
                read |= choice.condition.variables()
            written |= {a.variable for a in choice.assignments}
    found = []
    for name, variable in scenario.variables.items():
        if name not in read:
            what = "never used" if name not in written else "changed but never used in an 'if:'"
            found.append(warning(variable.loc, "W501", f"variable '{name}' is {what}",
                                 "use it in an 'if:' to change how the story reads, or remove it"))
        elif name not in written:
            found.append(warning(variable.loc, "W502", f"variable '{name}' is used in 'if:' but never changed by 'set'",
                                 f"so every condition on it always gives the same result; add 'set: {{{name}: ...}}' to a choice"))
    for character in scenario.characters.values():
        if character.id not in speakers:
            found.append(warning(character.loc, "W503", f"character '{character.id}' never speaks",
                                 "give them a line with 'who: " + character.id + "', or remove them"))
    return found


def _style(scenario: Scenario) -> list[Diagnostic]:
    found = []

    def length(text: Text | None, kind: str) -> None:
        limit = MAX_LENGTHS[kind]
        if text is not None and len(text.source) > limit:
            found.append(warning(text.loc, "W506", f"this {kind} is {len(text.source)} characters long; "
                                 f"more than {limit} may not fit the screen", "shorten it, or split it into two lines"))

    length(scenario.title, "title")
    for node in scenario.nodes.values():
        if node.scene is not None and node.scene not in KNOWN_SCENES:
            found.append(warning(node.loc, "W509", f"node '{node.id}' uses scene '{node.scene}', which the game has no backdrop for",
                                 did_you_mean(node.scene, KNOWN_SCENES) or "known scenes: " + ", ".join(KNOWN_SCENES)))
        for line in node.lines:
            length(line.text, "line")
        for choice in node.choices:
            length(choice.text, "choice")
            length(choice.feedback, "feedback")
            for prompt in choice.discuss:
                length(prompt.text, "prompt")
            if choice.feedback is None:
                found.append(warning(choice.loc, "W507", "this choice has no 'feedback'",
                                     "a gentle sentence on what the choice means helps the talk that follows"))
        if node.ending is not None:
            length(node.takeaway, "takeaway")
            if node.takeaway is None:
                found.append(warning(node.loc, "W508", f"ending '{node.id}' has no 'takeaway'",
                                     "the summary screen shows one sentence to remember"))
    return found


def _placeholder_use(scenario: Scenario) -> list[Diagnostic]:
    """Placeholders stand for the players, so they belong in what the game
    says to the players (prompts, feedback, narration), never in a character's
    mouth, and read well without nicknames only in the third person."""
    found = []
    for node in scenario.nodes.values():
        for line in node.lines:
            if line.speaker != NARRATOR and placeholder_names(line.text.source):
                found.append(warning(line.text.loc, "W511",
                                     f"'{line.speaker}' is a character in the story, but this line uses a player's name",
                                     "characters do not know the players; use the character's name, e.g. 'Maya'"))
        for choice in node.choices:
            for prompt in choice.discuss:
                found += _prompt_placeholders(prompt)
    return found


def _prompt_placeholders(prompt: Prompt) -> list[Diagnostic]:
    text = prompt.text.source
    names = placeholder_names(text)
    if not names:
        return []
    if VOCATIVE.match(text):
        return [warning(prompt.text.loc, "W512", "this prompt starts by calling a player by name",
                        "without a nickname it reads 'your child, ...'; the discussion card already shows who the "
                        "prompt is for, so start with the question")]
    own = {"child": "child_name", "caregiver": "caregiver_name"}.get(prompt.to)
    if own in names:
        return [warning(prompt.text.loc, "W512", f"this prompt is for the {prompt.to} but names the {prompt.to} with '{{{own}}}'",
                        "without a nickname it reads 'your child'/'your grown-up'; say 'you' instead")]
    return []


def _describe_values(scenario: Scenario, values: tuple) -> str:
    if not values:
        return ""
    shown = ", ".join(f"{name}={str(v).lower() if isinstance(v, bool) else v}"
                      for name, v in zip(scenario.variable_names, values))
    return f" when {shown}"


def _describe_path(steps: list[tuple[str, int | None]]) -> str:
    if not steps:
        return "right at the start"
    parts = [f"{node} (choice {choice + 1})" if choice is not None else f"{node} (next)" for node, choice in steps]
    if len(parts) > 6:
        parts = parts[:2] + ["..."] + parts[-3:]
    return "for example after: " + " -> ".join(parts)


def _exploration(scenario: Scenario) -> list[Diagnostic]:
    if scenario.start not in scenario.nodes:
        return []
    result = explore(scenario, CompiledScenario(scenario))
    nodes = scenario.nodes
    if result.capped:
        biggest = _fastest_growing(scenario, result.states)
        hint = (f"'{biggest}' seems to grow without limit in a loop; stop the loop with a condition such as "
                f"'if: {biggest} < 5'") if biggest else "use fewer variables, or fewer values per variable"
        return [error(nodes[scenario.start].loc, "E211",
                      f"the story has more than {MAX_STATES:,} different states, too many to check every play", hint)]
    found = []
    stuck_nodes: dict[str, tuple] = {}
    for state in result.stuck:
        stuck_nodes.setdefault(state[0], state)
    for node_id, state in stuck_nodes.items():
        found.append(error(nodes[node_id].loc, "E210",
                           f"no choice is shown at '{node_id}'{_describe_values(scenario, state[1])}: every 'if:' is false",
                           _describe_path(result.path_to(state)) + "; add a choice without 'if:'"))
    no_ending = result.without_ending() - set(result.stuck)
    if no_ending and not result.stuck:
        trapped = [state for state in result.states if state in no_ending]
        first = trapped[0]
        loop = list(dict.fromkeys(node for node, _ in trapped))
        shown = ", ".join(f"'{n}'" for n in loop[:6]) + (" ..." if len(loop) > 6 else "")
        found.append(error(nodes[first[0]].loc, "E209",
                           f"no ending can be reached from '{first[0]}'{_describe_values(scenario, first[1])}: "
                           f"the story goes round {shown} forever",
                           _describe_path(result.path_to(first)) + "; give the loop a way out to an ending"))
    reached = result.reached_nodes
    linked = _graph_reachable(scenario)  # the others are E208 already
    for node in nodes.values():
        if node.id not in linked:
            continue
        if node.id not in reached:
            found.append(warning(node.loc, "W510", f"node '{node.id}' is never reached in any play",
                                 "the choices that lead here are never shown"))
            continue
        for choice in node.choices:
            if (node.id, choice.index) not in result.shown_choices:
                found.append(warning(choice.loc, "W504", "this choice is never shown: its 'if:' is false in every play",
                                     f"check the condition '{choice.condition}'"))
        for position, line in enumerate(node.lines):
            if line.condition is not None and (node.id, position) not in result.shown_lines:
                found.append(warning(line.loc, "W505", "this line is never shown: its 'if:' is false in every play",
                                     f"check the condition '{line.condition}'"))
    return found


def _fastest_growing(scenario: Scenario, states: list) -> str | None:
    numbers = [i for i, v in enumerate(scenario.variables.values()) if v.type_name == "int"]
    if not numbers or not states:
        return None
    spread = {i: max(abs(values[i]) for _, values in states) for i in numbers}
    position = max(spread, key=spread.get)
    return scenario.variable_names[position]


@dataclass
class FileReport:
    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str = ""
    guide: Guide | None = None

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def check_file(path: str | os.PathLike, display_path: str | None = None) -> FileReport:
    """Load and check one story file (a scenario or a guide)."""
    return check_loaded(read_scenario(path, display_path), display_path or str(path))


def check_loaded(loaded: LoadResult, path: str) -> FileReport:
    diagnostics = list(loaded.diagnostics)
    if loaded.scenario is not None:
        diagnostics += check_scenario(loaded.scenario, loaded_cleanly=not has_errors(diagnostics))
    diagnostics.sort(key=Diagnostic.sort_key)
    return FileReport(path, loaded.scenario, diagnostics, loaded.source, loaded.guide)


def check_paths(paths: Iterable[str | os.PathLike]) -> list[FileReport]:
    return [check_file(path) for path in scenario_files(paths)]
