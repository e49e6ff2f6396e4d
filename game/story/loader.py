"""Loading a scenario file into the model, with every per-value check.

Layer: game/story (YAML adapter). `read_scenario` never raises for bad input:
it returns the model it could build and the diagnostics it found. Checks that
need the whole story (references, reachability, endings) live in `validate`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from .conditions import Condition, ConditionSyntaxError, check_condition, parse_condition
from .diagnostics import Diagnostic, SourceLoc, did_you_mean, error, has_errors
from .guide import Guide, build_guide
from .model import (
    ADDRESSEES,
    CHARACTER_KINDS,
    DECIDERS,
    ENDINGS,
    FORMAT_VERSION,
    NARRATOR,
    PLACEHOLDERS,
    TOPICS,
    VIAS,
    Assignment,
    Character,
    Choice,
    Line,
    Prompt,
    Scenario,
    Text,
    Variable,
)
from .model import (
    Node as StoryNode,
)
from .placeholders import find_placeholders
from .schema import INTEGER, Fields, Reporter
from .yaml_source import YamlDocument, read_yaml

KINDS = ("scenario", "guide")
TOP_KEYS = ("format", "kind", "id", "topic", "title", "summary", "ages", "minutes", "content_note",
            "learning_goals", "note", "state", "characters", "start", "nodes")
CHARACTER_KEYS = ("name", "kind", "avatar", "note")
NODE_KEYS = ("scene", "lines", "choices", "next", "ending", "takeaway", "note")
LINE_KEYS = ("who", "via", "text", "if", "note")
CHOICE_KEYS = ("text", "decides", "if", "set", "feedback", "discuss", "goto", "note")
PROMPT_KEYS = ("to", "text", "note")
VARIABLE_NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
MIN_AGE, MAX_AGE = 4, 18


class ScenarioError(Exception):
    """Raised by `load_scenario` when a file has errors; carries them all."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error]
        super().__init__("\n".join(str(d) for d in errors) or "the scenario could not be loaded")


@dataclass
class LoadResult:
    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str = ""
    guide: Guide | None = None

    @property
    def ok(self) -> bool:
        return (self.scenario or self.guide) is not None and not has_errors(self.diagnostics)


def document_kind(root: Node | None) -> str | None:
    """The value of a file's top-level `kind:` key (None when absent)."""
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == "kind" and isinstance(value, ScalarNode):
                return value.value
    return None


def read_scenario(path: str | os.PathLike, display_path: str | None = None) -> LoadResult:
    """Load one story file (a scenario, or a guide with `kind: guide`);
    problems come back as diagnostics, never raised."""
    return load_story_yaml(read_yaml(path, display_path), Path(path).stem)


def load_story_yaml(doc: YamlDocument, stem: str) -> LoadResult:
    result = LoadResult(None, list(doc.diagnostics), doc.text)
    if doc.root is None:
        if not doc.diagnostics:
            result.diagnostics.append(error(SourceLoc(doc.path, 1, 1), "E010", "the file is empty",
                                            "a scenario starts with 'format: 1'"))
        return result
    reporter = Reporter(doc.path)
    if document_kind(doc.root) == "guide":
        top = reporter.mapping(doc.root, "a guide (a map with 'format', 'kind', 'id', 'title', 'sections')")
        if top is not None:
            result.guide = build_guide(reporter, top, stem)
    else:
        result.scenario = _ScenarioBuilder(reporter, stem).build(doc.root)
    result.diagnostics.extend(reporter.diagnostics)
    return result


class _ScenarioBuilder:
    def __init__(self, reporter: Reporter, stem: str):
        self.r = reporter
        self.stem = stem
        # 'bool' or 'int' per declared variable; None when its start value has an
        # error, so conditions and 'set' on it do not also report it as undeclared.
        self.types: dict[str, str | None] = {}
        self.speakers: set[str] = {NARRATOR}

    def build(self, root: Node) -> Scenario:
        r = self.r
        scenario = Scenario(path=r.path, loc=SourceLoc(r.path, 1, 1))
        top = r.mapping(root, "a scenario (a map with 'format', 'id', 'title', 'nodes' ...)")
        if top is None:
            return scenario
        top.get("kind", lambda n: r.choice(n, KINDS, "kind of file"))
        self._header(top, scenario)
        if "state" in top:
            scenario.variables = self._variables(top.raw("state"))
        if "characters" in top:
            scenario.characters = self._characters(top.raw("characters"))
        self.speakers = {NARRATOR, *scenario.characters}
        scenario.start = top.get("start", lambda n: r.identifier(n, "node id"), required=True) or ""
        if "start" in top:
            scenario.start_loc = r.loc(top.raw("start"))
        nodes = top.get("nodes", lambda n: r.mapping(n, "a map of nodes", "E201"), required=True)
        if nodes is not None:
            scenario.nodes = self._nodes(nodes)
        top.finish(TOP_KEYS, "the scenario")
        return scenario

    def _header(self, top: Fields, scenario: Scenario) -> None:
        r = self.r
        version = top.get("format", r.integer, required=True)
        if version is not None and version != FORMAT_VERSION:
            r.error(top.raw("format"), "E107", f"this game reads scenario format {FORMAT_VERSION}, not {version}",
                    "a newer game may read this file; or write 'format: 1'")
        scenario.format = version or FORMAT_VERSION
        scenario_id = top.get("id", lambda n: r.identifier(n, "scenario id"), required=True)
        if scenario_id is not None:
            scenario.id = scenario_id
            if scenario_id != self.stem:
                r.error(top.raw("id"), "E106", f"id '{scenario_id}' does not match the file name '{self.stem}'",
                        f"rename the file to '{scenario_id}.yaml' or write 'id: {self.stem}'")
        else:
            scenario.id = self.stem
        scenario.topic = top.get("topic", lambda n: r.choice(n, TOPICS, "topic"), required=True) or "other"
        scenario.title = top.get("title", self._text, required=True)
        scenario.summary = top.get("summary", self._text, required=True)
        scenario.content_note = top.get("content_note", self._text, required=True)
        scenario.note = top.get("note", r.text)
        goals = top.get("learning_goals", lambda n: r.items(n, "learning goals"), required=True)
        scenario.learning_goals = tuple(t for t in (self._text(n) for n in goals or ()) if t)
        if goals == [] and "learning_goals" in top:
            r.error(top.raw("learning_goals"), "E108", "'learning_goals' is empty", "write at least one goal")
        scenario.ages = top.get("ages", self._ages, required=True) or (MIN_AGE, MAX_AGE)
        minutes = top.get("minutes", r.integer, required=True)
        if minutes is not None and not 1 <= minutes <= 180:
            r.error(top.raw("minutes"), "E110", f"'minutes' should be between 1 and 180, not {minutes}")
        scenario.minutes = minutes or 0

    def _ages(self, node: Node) -> tuple[int, int] | None:
        r = self.r
        items = r.items(node, "two ages")
        if len(items) != 2:
            if items or node.tag.endswith(":seq"):
                r.error(node, "E109", "'ages' needs exactly two numbers, the youngest and the oldest age",
                        "for example 'ages: [8, 12]'")
            return None
        low, high = (r.integer(n, "an age in years") for n in items)
        if low is None or high is None:
            return None
        if not (MIN_AGE <= low <= high <= MAX_AGE):
            r.error(node, "E109", f"ages [{low}, {high}] are not a range between {MIN_AGE} and {MAX_AGE}",
                    "write the youngest age first, for example 'ages: [8, 12]'")
            return None
        return (low, high)

    def _text(self, node: Node, note: str | None = None) -> Text | None:
        value = self.r.text(node)
        if value is None:
            return None
        loc = _content_loc(self.r, node)
        _, problems = find_placeholders(value)
        for problem in problems:
            where = _offset_loc(self.r, node, problem.offset, problem.length)
            hint = did_you_mean(problem.name, PLACEHOLDERS) if problem.name is not None else None
            if problem.name is not None and hint is None:
                hint = "placeholders are {child_name} and {caregiver_name}"
            self.r.error(where, "E402" if problem.name is not None else "E403", problem.message, hint)
        return Text(value, loc, note)

    def _variables(self, node: Node) -> dict[str, Variable]:
        fields = self.r.mapping(node, "a map of variables and their start values")
        variables: dict[str, Variable] = {}
        if fields is None:
            return variables
        for name, key, value_node in fields.pairs():
            if not VARIABLE_NAME.match(name) or name in ("not", "and", "or", "true", "false"):
                self.r.error(key, "E306", f"'{name}' cannot be a variable name",
                             "start with a letter; use lowercase letters, digits and '_'; avoid not/and/or/true/false")
                continue
            value = self.r.value(value_node)
            if value is not None:
                variables[name] = Variable(name, value, self.r.loc(key))
            self.types[name] = variables[name].type_name if name in variables else None
        return variables

    def _characters(self, node: Node) -> dict[str, Character]:
        r = self.r
        fields = r.mapping(node, "a map of characters")
        characters: dict[str, Character] = {}
        if fields is None:
            return characters
        for char_id, key, value in fields.pairs():
            if char_id == NARRATOR:
                r.error(key, "E404", "'narrator' is built in and must not be declared",
                        "remove it; bare strings in 'lines' are the narrator's")
                continue
            if r.identifier(key, "character id") is None:
                continue
            info = r.mapping(value, f"the details of character '{char_id}' (name, kind, avatar)")
            if info is None:
                continue
            note = info.get("note", r.text)
            name = info.get("name", partial(self._text, note=note), required=True, what=f" for character '{char_id}'")
            kind = info.get("kind", lambda n: r.choice(n, CHARACTER_KINDS, "character kind"), required=True,
                            what=f" for character '{char_id}'")
            avatar = info.get("avatar", lambda n: r.identifier(n, "avatar name"))
            info.finish(CHARACTER_KEYS, f"character '{char_id}'")
            if name is not None:
                characters[char_id] = Character(char_id, name, kind or "other", avatar, r.loc(key))
        return characters

    def _nodes(self, fields: Fields) -> dict[str, StoryNode]:
        nodes: dict[str, StoryNode] = {}
        for node_id, key, value in fields.pairs():
            if self.r.identifier(key, "node id") is None:
                continue
            node = self._node(node_id, key, value)
            if node is not None:
                nodes[node_id] = node
        if not fields.values:
            self.r.error(fields.loc, "E102", "'nodes' is empty", "a scenario needs at least a start node and an ending")
        return nodes

    def _node(self, node_id: str, key: Node, value: Node) -> StoryNode | None:
        r = self.r
        info = r.mapping(value, f"the contents of node '{node_id}' (lines, choices ...)")
        if info is None:
            return None
        loc = r.loc(key)
        note = info.get("note", r.text)
        scene = info.get("scene", lambda n: r.identifier(n, "scene name"))
        lines = tuple(line for line in (self._line(n) for n in info.get("lines", lambda n: r.items(n, "lines")) or ()) if line)
        raw_choices = info.get("choices", lambda n: r.items(n, "choices"))
        choices = tuple(c for c in (self._choice(i, n) for i, n in enumerate(raw_choices or ())) if c)
        next_id = info.get("next", lambda n: r.identifier(n, "node id"))
        ending = info.get("ending", lambda n: r.choice(n, ENDINGS, "ending"))
        takeaway = info.get("takeaway", lambda n: self._text(n, note))
        info.finish(NODE_KEYS, f"node '{node_id}'")

        present = [k for k in ("choices", "next", "ending") if k in info]
        if not present:
            r.error(loc, "E203", f"node '{node_id}' is a dead end: it has no 'choices', 'next' or 'ending'",
                    "add 'next: <node>' to continue, 'choices', or 'ending: safe|supported|learning'")
        elif len(present) > 1:
            r.error(info.key_loc(present[1]), "E204",
                    f"node '{node_id}' has both '{present[0]}' and '{present[1]}'; a node has exactly one of them")
        if raw_choices is not None and "choices" in info and not 2 <= len(raw_choices) <= 4:
            r.error(info.key_loc("choices"), "E205", f"node '{node_id}' has {len(raw_choices)} choice(s); give 2 to 4",
                    "for a single way on, use 'next: <node>'" if len(raw_choices) == 1 else None)
        if "takeaway" in info and "ending" not in info:
            r.error(info.key_loc("takeaway"), "E206", "'takeaway' belongs to an ending node",
                    "move it to the ending this path leads to")
        return StoryNode(
            id=node_id, loc=loc, scene=scene, lines=lines, choices=choices,
            next=next_id, next_loc=r.loc(info.raw("next")) if "next" in info else None,
            ending=ending, takeaway=takeaway,
        )

    def _line(self, node: Node) -> Line | None:
        r = self.r
        if isinstance(node, ScalarNode):
            text = self._text(node)
            return Line(NARRATOR, text, "narration", None, r.loc(node)) if text else None
        info = r.mapping(node, "a line: text, or a map with 'who' and 'text'")
        if info is None:
            return None
        note = info.get("note", r.text)
        speaker = info.get("who", lambda n: r.identifier(n, "speaker")) or NARRATOR
        if "who" in info and speaker not in self.speakers:
            r.error(info.raw("who"), "E401", f"unknown speaker '{speaker}'",
                    did_you_mean(speaker, self.speakers) or "declare them under 'characters'")
        via = info.get("via", lambda n: r.choice(n, VIAS, "'via'"))
        if via is None:
            via = "narration" if speaker == NARRATOR else "speech"
        elif via == "narration" and speaker != NARRATOR:
            r.error(info.raw("via"), "E104", "'via: narration' is only for the narrator",
                    "use chat, speech, thought or notification")
        text = info.get("text", lambda n: self._text(n, note), required=True, what=" from this line")
        condition = info.get("if", self._condition)
        info.finish(LINE_KEYS, "a line")
        return Line(speaker, text, via, condition, r.loc(node)) if text else None

    def _choice(self, index: int, node: Node) -> Choice | None:
        r = self.r
        info = r.mapping(node, "a choice (a map with 'text', 'discuss' and 'goto')")
        if info is None:
            return None
        note = info.get("note", r.text)
        text = info.get("text", lambda n: self._text(n, note), required=True, what=" from this choice")
        decides = info.get("decides", lambda n: r.choice(n, DECIDERS, "'decides'")) or "together"
        condition = info.get("if", self._condition)
        assignments = info.get("set", self._assignments) or ()
        feedback = info.get("feedback", lambda n: self._text(n, note))
        prompts = info.get("discuss", lambda n: r.items(n, "discussion prompts"))
        discuss = tuple(p for p in (self._prompt(n) for n in prompts or ()) if p)
        if not prompts:
            r.error(info.key_loc("discuss") if "discuss" in info else info.loc, "E207",
                    "this choice has no discussion prompt",
                    "add 'discuss:' with at least one prompt, e.g. '- to: child' and 'text: ...'")
        goto = info.get("goto", lambda n: r.identifier(n, "node id"), required=True, what=" from this choice")
        info.finish(CHOICE_KEYS, "a choice")
        if text is None or goto is None:
            return None
        return Choice(index, text, decides, condition, tuple(assignments), feedback, discuss, goto,
                      r.loc(node), r.loc(info.raw("goto")))

    def _prompt(self, node: Node) -> Prompt | None:
        r = self.r
        if isinstance(node, ScalarNode):
            text = self._text(node)
            return Prompt("both", text, r.loc(node)) if text else None
        info = r.mapping(node, "a prompt (a map with 'to' and 'text')")
        if info is None:
            return None
        note = info.get("note", r.text)
        to = info.get("to", lambda n: r.choice(n, ADDRESSEES, "'to'")) or "both"
        text = info.get("text", lambda n: self._text(n, note), required=True, what=" from this prompt")
        info.finish(PROMPT_KEYS, "a discussion prompt")
        return Prompt(to, text, r.loc(node)) if text else None

    def _condition(self, node: Node) -> Condition | None:
        r = self.r
        source = r.text(node, "condition")
        if source is None:
            return None
        try:
            condition = parse_condition(source)
        except ConditionSyntaxError as exc:
            r.error(_offset_loc(r, node, exc.offset, 1), "E301", f"condition syntax error: {exc.message}", exc.hint)
            return None
        problems = check_condition(condition, self.types)
        for problem in problems:
            where = _offset_loc(r, node, problem.offset, problem.length)
            if problem.kind == "undeclared":
                name = source[problem.offset:problem.offset + problem.length]
                r.error(where, "E302", problem.message, did_you_mean(name, self.types) or "declare it under 'state'")
            else:
                r.error(where, "E303", problem.message, problem.hint)
        return None if problems else condition

    def _assignments(self, node: Node) -> tuple[Assignment, ...]:
        r = self.r
        fields = r.mapping(node, "a map of variables to change, e.g. {told_adult: true, trust: +1}")
        if fields is None:
            return ()
        assignments = []
        for name, key, value in fields.pairs():
            if name not in self.types:
                r.error(key, "E304", f"'set' changes '{name}', which is not declared in 'state'",
                        did_you_mean(name, self.types) or "declare it under 'state' with a start value")
                continue
            assignment = self._assignment(name, value, self.types[name])
            if assignment is not None:
                assignments.append(assignment)
        return tuple(assignments)

    def _assignment(self, name: str, node: Node, kind: str | None) -> Assignment | None:
        r = self.r
        if kind is None or not r.check_tag(node):  # None: the start value's error is reported
            return None
        raw = node.value if isinstance(node, ScalarNode) and not node.style else None
        loc = r.loc(node)
        if kind == "bool":
            value = r.value(node)
            if isinstance(value, bool):
                return Assignment(name, value, False, loc)
            if value is not None:
                r.error(node, "E305", f"'{name}' is true/false, so it cannot be set to {raw}")
            return None
        if raw is not None and INTEGER.match(raw):
            return Assignment(name, int(raw), raw[0] in "+-", loc)
        if raw is None:
            r.value(node)  # quoted text, a list or a map: reported as the wrong type
        else:  # a plain word such as true or yes
            r.error(node, "E305", f"'{name}' is a number, so it cannot be set to {r.describe(node)}",
                    "write a number, or +1 / -1 to add or subtract")
        return None


def _content_loc(r: Reporter, node: Node) -> SourceLoc:
    loc = r.loc(node)
    if isinstance(node, ScalarNode) and node.style in ("'", '"'):
        return SourceLoc(loc.path, loc.line, loc.col + 1, max(loc.length - 2, 0))
    return loc


def _offset_loc(r: Reporter, node: Node, offset: int, length: int) -> SourceLoc:
    """The location of character `offset` of a scalar's value, exact when the
    scalar is written on one line (plain, or quoted without escapes such as
    \\" or ''), else the scalar's start."""
    loc = r.loc(node)
    if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line or node.style not in (None, "", "'", '"'):
        return loc
    shift = 1 if node.style else 0
    if loc.length - 2 * shift != len(node.value):  # escapes: value and source columns differ
        return loc
    return SourceLoc(loc.path, loc.line, loc.col + shift + offset, length)


def load_scenario(path: str | os.PathLike) -> Scenario:
    """Load and fully validate a scenario; raise `ScenarioError` on any error."""
    from .validate import check_scenario

    result = read_scenario(path)
    if result.scenario is None or has_errors(result.diagnostics):
        raise ScenarioError(result.diagnostics)
    diagnostics = result.diagnostics + check_scenario(result.scenario)
    if has_errors(diagnostics):
        raise ScenarioError(diagnostics)
    return result.scenario
