"""Property tests of the story engine on random scenarios.

Random scenarios are written as YAML text, so the real loader reads them: any
number of nodes, flags and counters, conditions, `set:`, `next` and endings,
with texts in Thai, Arabic and emoji full of quotes and colons. Every target
is an existing node, so the files are well formed; the stories may still be
broken (unreachable nodes, stuck choices, loops with no way out), and the
tests check that the validator and the runtime agree about which are.

The runtime side of every comparison uses only the `Playthrough` API
(`view`, `choose`, `advance`, `undo`, `to_json`, `from_json`), never the
validator's exploration.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st

from game.story import PlayError, Playthrough, Scenario, check_scenario, read_scenario
from game.story.model import KNOWN_SCENES

SCENARIO_ID = "generated"
MAX_RUNTIME_STATES = 300  # bigger random stories are skipped by the exploring tests
WALKS, WALK_STEPS = 4, 40

# Codes the loader may report for a well-formed file: E2xx (story structure) and warnings.
LOADER_FORBIDDEN = re.compile(r"E[0134]\d\d\Z")
# Codes that say some play from the start can never end.
CANNOT_END = {"E209", "E210", "E211"}

Value = bool | int

# Texts that trip up hand-written YAML: colons, quotes, YAML 1.1 words,
# indicators at the start, right-to-left and complex scripts, emoji sequences.
TRICKY_TEXTS = (
    "ขอบคุณนะ เพื่อน", "สวัสดีครับ", "مرحبا بك في اللعبة", "شكرا!", "🙂", "👨‍👩‍👧 family 🇹🇭",
    "key: value", "a:b", "it's 'single'", 'say "hi"', "#not a comment", "- not a list", "* star",
    "&anchor", "!tag", "@handle", "`tick`", "[not a list]", "{{literal braces}}", "% percent",
    "Hi {child_name}, ask {caregiver_name}!", "yes", "no", "null", "~", "true", "123", "+1",
    "trailing space ", "  leading space", "back\\slash", "tab\there", "Hey — it's me…", "ok? ok!",
)
_TEXT_CHARS = st.characters(
    codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"),
    # Braces are placeholders; U+0085, U+2028, U+2029 are YAML line breaks.
    exclude_characters="{}\x85\u2028\u2029\ufeff",
)
texts = st.one_of(
    st.sampled_from(TRICKY_TEXTS),
    st.text(_TEXT_CHARS, min_size=1, max_size=24),
    st.lists(st.sampled_from(TRICKY_TEXTS), min_size=2, max_size=3).map(" ".join),
).filter(lambda text: text.strip() != "")

NODE_IDS = ("intro", "chat", "home", "the_end", "no", "off", "yes", "on", "true", "0", "step_2", "_x")
VARIABLE_NAMES = ("told", "trust", "tries", "yes", "on", "saw_it", "_n", "count2")
CHARACTERS = {"maya": "child", "sam": "stranger", "gran": "caregiver", "lek": "teen"}
SPEAKER_VIAS = ("chat", "speech", "thought", "notification")


# The description of a random scenario ------------------------------------------


@dataclass
class LineSpec:
    text: str
    who: str | None = None  # None: a bare string, said by the narrator
    via: str | None = None
    condition: str | None = None


@dataclass
class ChoiceSpec:
    text: str
    goto: str
    condition: str | None = None
    sets: dict[str, str] = field(default_factory=dict)  # variable -> value as written in YAML
    feedback: str | None = None
    prompts: list[tuple[str | None, str]] = field(default_factory=list)  # (to or None for a bare string, text)
    decides: str | None = None


@dataclass
class NodeSpec:
    lines: list[LineSpec]
    choices: list[ChoiceSpec] = field(default_factory=list)
    next: str | None = None
    ending: str | None = None
    takeaway: str | None = None
    scene: str | None = None

    def targets(self) -> list[str]:
        return [self.next] if self.next is not None else [c.goto for c in self.choices]


@dataclass
class ScenarioSpec:
    title: str
    variables: dict[str, Value]
    characters: list[str]
    start: str
    nodes: dict[str, NodeSpec]

    def pruned(self) -> ScenarioSpec:
        """The same story without the nodes no path from the start leads to."""
        reached, stack = {self.start}, [self.start]
        while stack:
            for target in self.nodes[stack.pop()].targets():
                if target not in reached:
                    reached.add(target)
                    stack.append(target)
        return replace(self, nodes={k: v for k, v in self.nodes.items() if k in reached})

    def to_yaml(self) -> str:
        out = [
            "format: 1",
            f"id: {SCENARIO_ID}",
            "topic: other",
            f"title: {quoted(self.title)}",
            "summary: A random story written by a property test.",
            "ages: [8, 12]",
            "minutes: 5",
            "content_note: >-",
            "  Generated: anything may happen, nothing graphic.",
            "learning_goals:",
            f"  - {quoted(self.title)}",
        ]
        if self.variables:
            out.append("state:")
            out += [f"  {name}: {_yaml_value(value)}" for name, value in self.variables.items()]
        if self.characters:
            out.append("characters:")
            out += [f"  {c}: {{name: {quoted(c.title())}, kind: {CHARACTERS[c]}}}" for c in self.characters]
        out += [f"start: {self.start}", "nodes:"]
        for node_id, node in self.nodes.items():
            out.append(f"  {node_id}:")
            out += _node_yaml(node)
        return "\n".join(out) + "\n"


def quoted(text: str) -> str:
    """A text as a YAML scalar: JSON's double-quoted strings are valid YAML;
    half the texts are single-quoted instead, to exercise both."""
    if len(text) % 2 and "\t" not in text:
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


def _yaml_value(value: Value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _condition_yaml(condition: str) -> str:
    # Conditions never hold ':' or '#', so they can stay plain; quote some anyway.
    return condition if len(condition) % 3 else quoted(condition)


def _node_yaml(node: NodeSpec) -> list[str]:
    out = []
    if node.scene is not None:
        out.append(f"    scene: {node.scene}")
    if node.lines:
        out.append("    lines:")
        for line in node.lines:
            if line.who is None:
                out.append(f"      - {quoted(line.text)}")
                continue
            out.append(f"      - who: {line.who}")
            if line.via is not None:
                out.append(f"        via: {line.via}")
            out.append(f"        text: {quoted(line.text)}")
            if line.condition is not None:
                out.append(f"        if: {_condition_yaml(line.condition)}")
    if node.ending is not None:
        out.append(f"    ending: {node.ending}")
        if node.takeaway is not None:
            out.append(f"    takeaway: {quoted(node.takeaway)}")
    elif node.next is not None:
        out.append(f"    next: {node.next}")
    else:
        out.append("    choices:")
        for choice in node.choices:
            out += _choice_yaml(choice)
    return out


def _choice_yaml(choice: ChoiceSpec) -> list[str]:
    out = [f"      - text: {quoted(choice.text)}"]
    if choice.decides is not None:
        out.append(f"        decides: {choice.decides}")
    if choice.condition is not None:
        out.append(f"        if: {_condition_yaml(choice.condition)}")
    if choice.sets:
        if len(choice.sets) % 2:  # flow style
            out.append("        set: {" + ", ".join(f"{k}: {v}" for k, v in choice.sets.items()) + "}")
        else:
            out.append("        set:")
            out += [f"          {k}: {v}" for k, v in choice.sets.items()]
    if choice.feedback is not None:
        out.append(f"        feedback: {quoted(choice.feedback)}")
    out.append("        discuss:")
    for to, text in choice.prompts:
        if to is None:
            out.append(f"          - {quoted(text)}")
        else:
            out += [f"          - to: {to}", f"            text: {quoted(text)}"]
    out.append(f"        goto: {choice.goto}")
    return out


# Strategies ------------------------------------------------------------------


@st.composite
def conditions(draw, variables: dict[str, Value], depth: int = 0) -> str:
    """A well-typed condition over `variables`, as source text."""
    flags = [n for n, v in variables.items() if isinstance(v, bool)]
    numbers = [n for n, v in variables.items() if not isinstance(v, bool)]
    kinds = ["constant"] + ["flag"] * 3 * bool(flags) + ["compare"] * 3 * bool(numbers)
    if flags and depth < 2:
        kinds.append("flag_equals")
    if depth < 2:
        kinds += ["not", "and", "or"]
    kind = draw(st.sampled_from(kinds))
    if kind == "constant":
        return draw(st.sampled_from(["true", "false", "1 < 2", "2 <= 1"]))
    if kind == "flag":
        return draw(st.sampled_from(flags))
    if kind == "compare":
        name = draw(st.sampled_from(numbers))
        op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]))
        other = draw(st.one_of(st.integers(-2, 3).map(str), st.sampled_from(numbers)))
        return f"{name} {op} {other}" if draw(st.booleans()) else f"{other} {op} {name}"
    inner = conditions(variables, depth + 1)
    if kind == "flag_equals":
        op = draw(st.sampled_from(["==", "!="]))
        return f"{draw(st.sampled_from(flags))} {op} {draw(st.sampled_from(['true', 'false', f'({draw(inner)})']))}"
    if kind == "not":
        operand = draw(inner)
        return f"not {operand}" if " " not in operand else f"not ({operand})"
    operands = draw(st.lists(inner, min_size=2, max_size=3))
    return f" {kind} ".join(f"({o})" if " or " in o or " and " in o else o for o in operands)


@st.composite
def assignments(draw, variables: dict[str, Value]) -> dict[str, str]:
    if not variables or draw(st.integers(0, 2)) == 0:
        return {}
    names = draw(st.lists(st.sampled_from(sorted(variables)), min_size=1, max_size=2, unique=True))
    return {name: (draw(st.sampled_from(["true", "false"])) if isinstance(variables[name], bool)
                   else draw(st.sampled_from(["+1", "-1", "0", "1", "2"])))
            for name in names}


def maybe(strategy, chance_in_4: int = 1):
    """`strategy` about chance_in_4 times in 4, else None."""
    return st.integers(1, 4).flatmap(lambda n: strategy if n <= chance_in_4 else st.none())


@st.composite
def lines(draw, variables: dict[str, Value], characters: list[str]) -> LineSpec:
    text = draw(texts)
    who = draw(st.sampled_from([None, "narrator", *characters]))
    if who is None:
        return LineSpec(text)
    via = draw(st.sampled_from([None, "narration", "chat"] if who == "narrator" else [None, *SPEAKER_VIAS]))
    condition = draw(maybe(conditions(variables))) if variables else None
    return LineSpec(text, who, via, condition)


@st.composite
def choices(draw, variables: dict[str, Value], node_ids: list[str]) -> ChoiceSpec:
    prompts = draw(st.lists(st.tuples(st.sampled_from([None, "child", "caregiver", "both"]), texts),
                            min_size=1, max_size=2))
    return ChoiceSpec(
        text=draw(texts),
        goto=draw(st.sampled_from(node_ids)),
        condition=draw(maybe(conditions(variables), 2)),
        sets=draw(assignments(variables)),
        feedback=draw(maybe(texts, 3)),
        prompts=prompts,
        decides=draw(st.sampled_from([None, "child", "caregiver", "together"])),
    )


@st.composite
def nodes(draw, variables: dict[str, Value], characters: list[str], node_ids: list[str]) -> NodeSpec:
    node = NodeSpec(
        lines=draw(st.lists(lines(variables, characters), max_size=2)),
        scene=draw(maybe(st.sampled_from([*KNOWN_SCENES[:4], "moon_base"]))),
    )
    kind = draw(st.sampled_from(["ending"] * 3 + ["next"] * 2 + ["choices"] * 5))
    if kind == "ending":
        node.ending = draw(st.sampled_from(["safe", "supported", "learning"]))
        node.takeaway = draw(maybe(texts, 3))
    elif kind == "next":
        node.next = draw(st.sampled_from(node_ids))
    else:
        node.choices = draw(st.lists(choices(variables, node_ids), min_size=2, max_size=4))
        if draw(st.integers(0, 4)) == 0:  # a node whose every choice has an 'if:' can get stuck
            for choice in node.choices:
                choice.condition = choice.condition or draw(conditions(variables))
    return node


@st.composite
def scenario_specs(draw) -> ScenarioSpec:
    node_ids: list[str] = []
    for position in range(draw(st.integers(2, 15))):
        node_id = draw(st.one_of(st.sampled_from(NODE_IDS), st.from_regex(r"[a-z_][a-z0-9_]{0,7}", fullmatch=True)))
        # A plain `null` is YAML for nothing, so it cannot name a node unquoted.
        node_ids.append(f"n{position}" if node_id in node_ids or node_id == "null" else node_id)
    count = draw(st.sampled_from([0, 1, 2, 2, 3, 3]))  # st.lists would favour no variables
    names = draw(st.lists(st.sampled_from(VARIABLE_NAMES), min_size=count, max_size=count, unique=True))
    variables = {name: draw(st.one_of(st.booleans(), st.integers(-1, 2))) for name in names}
    characters = draw(st.lists(st.sampled_from(sorted(CHARACTERS)), max_size=2, unique=True))
    return ScenarioSpec(
        title=draw(texts),
        variables=variables,
        characters=characters,
        start=draw(st.sampled_from(node_ids)),
        nodes={node_id: draw(nodes(variables, characters, node_ids)) for node_id in node_ids},
    )


def load(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{SCENARIO_ID}.yaml"
        path.write_text(text, encoding="utf-8")
        return read_scenario(path)


def load_ok(spec: ScenarioSpec) -> Scenario:
    text = spec.to_yaml()
    note(text)  # printed with a failing example
    result = load(text)
    assert result.scenario is not None and not any(d.is_error for d in result.diagnostics), result.diagnostics
    return result.scenario


# Driving the runtime --------------------------------------------------------

StateKey = tuple[str, tuple[tuple[str, Value], ...]]


def key_of(play: Playthrough) -> StateKey:
    return play.node.id, tuple(play.values.items())


def moves(play: Playthrough) -> list[int | None]:
    """What a player can do now: visible choice indexes, or [None] to continue."""
    view = play.view()
    if view.ending is not None:
        return []
    if view.can_continue:
        return [None]
    return [choice.index for choice in view.choices]


def take(play: Playthrough, move: int | None) -> None:
    if move is None:
        play.advance()
    else:
        play.choose(move)


def copy_of(play: Playthrough) -> Playthrough:
    return Playthrough.from_json(play.scenario, json.loads(json.dumps(play.to_json())))


@dataclass
class RuntimeGraph:
    successors: dict[StateKey, list[StateKey]]
    endings: set[StateKey]
    stuck: set[StateKey]  # no ending, nothing to choose, nowhere to continue
    shown: set[tuple[str, int]]  # (node, choice index) ever visible

    def dead(self) -> set[StateKey]:
        """States from which no ending can be reached."""
        before: dict[StateKey, list[StateKey]] = {}
        for state, nexts in self.successors.items():
            for target in nexts:
                before.setdefault(target, []).append(state)
        good, queue = set(self.endings), deque(self.endings)
        while queue:
            for state in before.get(queue.popleft(), ()):
                if state not in good:
                    good.add(state)
                    queue.append(state)
        return set(self.successors) - good


def explore_runtime(play: Playthrough, limit: int, stop_at_ending: bool = False) -> RuntimeGraph | None:
    """Breadth-first search over the states reachable from `play`'s state with
    intents only: each queued state is a path of moves from a copy of `play`,
    replayed, expanded with move-then-undo, and undone. None past `limit`
    states; with `stop_at_ending`, the graph so far once an ending is reached."""
    origin = copy_of(play)
    graph = RuntimeGraph({}, set(), set(), set())
    seen = {key_of(origin)}
    queue: deque[tuple] = deque([()])
    while queue:
        path = queue.popleft()
        for move in path:
            take(origin, move)
        state = key_of(origin)
        if origin.ended:
            graph.endings.add(state)
            if stop_at_ending:
                return graph
        available = moves(origin)
        if not available and not origin.ended:
            graph.stuck.add(state)
        graph.shown |= {(state[0], move) for move in available if move is not None}
        graph.successors[state] = []
        for move in available:
            take(origin, move)
            target = key_of(origin)
            origin.undo(1)
            graph.successors[state].append(target)
            if target not in seen:
                if len(seen) >= limit:
                    return None
                seen.add(target)
                queue.append(path + (move,))
        assert origin.undo(len(path)) == len(path)
    return graph


def can_end(play: Playthrough, known: dict[StateKey, bool]) -> bool:
    key = key_of(play)
    if key not in known:
        graph = explore_runtime(play, MAX_RUNTIME_STATES, stop_at_ending=True)
        known[key] = graph is not None and bool(graph.endings)
    return known[key]


# The properties --------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(scenario_specs())
def test_well_formed_files_load_without_value_errors(spec):
    text = spec.to_yaml()
    result = load(text)
    assert result.scenario is not None
    forbidden = [str(d) for d in result.diagnostics if LOADER_FORBIDDEN.match(d.code)]
    assert not forbidden, "\n".join(forbidden) + "\n\n" + text
    scenario = result.scenario
    assert scenario.start == spec.start
    assert list(scenario.nodes) == list(spec.nodes)
    assert scenario.initial_values() == tuple(spec.variables.values())
    assert scenario.title.source == spec.title
    for node_id, node_spec in spec.nodes.items():
        node = scenario.nodes[node_id]
        assert [line.text.source for line in node.lines] == [line.text for line in node_spec.lines]
        assert [str(line.condition) if line.condition else None for line in node.lines] == \
               [line.condition for line in node_spec.lines]
        assert (node.next, node.ending) == (node_spec.next, node_spec.ending)
        assert [(c.text.source, c.goto, str(c.condition) if c.condition else None) for c in node.choices] == \
               [(c.text, c.goto, c.condition) for c in node_spec.choices]
        for choice, choice_spec in zip(node.choices, node_spec.choices):
            assert [p.text.source for p in choice.discuss] == [text for _, text in choice_spec.prompts]
            assert [a.variable for a in choice.assignments] == list(choice_spec.sets)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(scenario_specs().map(ScenarioSpec.pruned), st.randoms(use_true_random=False))
def test_validator_and_runtime_agree_on_whether_every_play_can_end(spec, rng):
    # Pruned: with an unreachable node (E208) the validator stops before exploring.
    scenario = load_ok(spec)
    graph = explore_runtime(Playthrough(scenario), MAX_RUNTIME_STATES)
    assume(graph is not None)  # small enough to explore exhaustively through the runtime
    diagnostics = check_scenario(scenario)
    codes = {d.code for d in diagnostics}
    dead = graph.dead()
    event(f"validator: {sorted(codes & CANNOT_END) or 'every play can end'}")
    event(f"validator: {'some' if codes & {'W504', 'W510'} else 'no'} never-shown warnings")
    assert "E211" not in codes
    # The validator's claim, both ways, with the runtime as the judge.
    assert ("E210" in codes) == bool(graph.stuck), diagnostics
    assert ("E209" in codes) == bool(dead and not graph.stuck), diagnostics
    assert bool(codes & CANNOT_END) == bool(dead)
    # "Never reached" and "never shown" warnings match what the runtime shows.
    reached = {node for node, _ in graph.successors}
    never_reached = {d.loc for d in diagnostics if d.code == "W510"}
    assert never_reached == {n.loc for n in scenario.nodes.values() if n.id not in reached}
    never_shown = {d.loc for d in diagnostics if d.code == "W504"}
    assert never_shown == {c.loc for n in scenario.nodes.values() if n.id in reached
                           for c in n.choices if (n.id, c.index) not in graph.shown}
    if codes & CANNOT_END:
        return
    known: dict[StateKey, bool] = {}
    for _ in range(WALKS):
        play = Playthrough(scenario)
        for _ in range(WALK_STEPS):
            assert can_end(play, known), f"no ending reachable from {key_of(play)}"
            if play.ended:
                break
            available = moves(play)
            assert available, f"stuck at {key_of(play)}: not an ending, nothing to choose"
            take(play, rng.choice(available))


def snapshot(play: Playthrough) -> tuple:
    return play.node.id, play.values, play.history


@settings(max_examples=80, deadline=None)
@given(scenario_specs(), st.randoms(use_true_random=False))
def test_save_resume_undo_and_hidden_choices_on_random_walks(spec, rng):
    scenario = load_ok(spec)
    play = Playthrough(scenario)
    earlier = [snapshot(play)]  # earlier[i]: the state after i steps
    for _ in range(WALK_STEPS):
        node = play.node
        visible = {choice.index for choice in play.visible_choices()}
        for hidden in [c.index for c in node.choices if c.index not in visible] + [len(node.choices), -1]:
            try:
                play.choose(hidden)
            except PlayError:
                pass
            else:
                raise AssertionError(f"choice {hidden} at '{node.id}' is hidden, yet it was taken")
            assert snapshot(play) == earlier[-1]
        if node.next is None:
            try:
                play.advance()
            except PlayError:
                pass
            else:
                raise AssertionError(f"advanced from '{node.id}', which has no 'next'")

        if rng.random() < 0.3:
            saved = json.loads(json.dumps(play.to_json(), ensure_ascii=False))
            resumed = Playthrough.from_json(scenario, saved)
            assert snapshot(resumed) == snapshot(play)
            assert resumed.to_json() == play.to_json()
            if resumed.can_undo:
                resumed.undo(1)
                assert snapshot(resumed) == earlier[-2]
        if rng.random() < 0.2:
            steps = rng.randint(1, len(earlier) + 1)
            undone = play.undo(steps)
            assert undone == min(steps, len(earlier) - 1)
            del earlier[len(earlier) - undone:]
            assert snapshot(play) == earlier[-1]
            assert len(play.history) == len(earlier) - 1

        available = moves(play)
        if not available:
            break
        take(play, rng.choice(available))
        earlier.append(snapshot(play))
        assert len(play.history) == len(earlier) - 1
