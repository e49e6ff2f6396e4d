"""Exhaustive exploration of a scenario's reachable (node, variable values) states.

Layer: game/story (pure Python). Uses the runtime's own compiled conditions
and assignments, so what the validator proves is what the game plays. The
state space of a story is small (a few nodes times a few flags); a number that
grows inside a loop makes it infinite, so exploration stops at a cap.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .model import Line, Scenario, Value
from .runtime import CompiledScenario

MAX_STATES = 100_000

State = tuple[str, tuple[Value, ...]]


@dataclass
class Exploration:
    states: list[State] = field(default_factory=list)  # in breadth-first order
    parents: dict[State, tuple[State, int | None]] = field(default_factory=dict)
    successors: dict[State, list[State]] = field(default_factory=dict)
    endings: set[State] = field(default_factory=set)
    stuck: list[State] = field(default_factory=list)  # no ending, no next, no visible choice
    shown_choices: set[tuple[str, int]] = field(default_factory=set)
    shown_lines: set[tuple[str, int]] = field(default_factory=set)
    capped: bool = False

    @property
    def reached_nodes(self) -> set[str]:
        return {node for node, _ in self.states}

    def without_ending(self) -> set[State]:
        """States from which no ending can be reached."""
        predecessors: dict[State, list[State]] = {}
        for state, nexts in self.successors.items():
            for target in nexts:
                predecessors.setdefault(target, []).append(state)
        good = set(self.endings)
        queue = deque(self.endings)
        while queue:
            for before in predecessors.get(queue.popleft(), ()):
                if before not in good:
                    good.add(before)
                    queue.append(before)
        return {state for state in self.states if state not in good}

    def path_to(self, state: State) -> list[tuple[str, int | None]]:
        """The steps (node, choice index or None for 'next') from the start."""
        steps: list[tuple[str, int | None]] = []
        while state in self.parents:
            state, choice = self.parents[state]
            steps.append((state[0], choice))
        return steps[::-1]


def explore(scenario: Scenario, compiled: CompiledScenario | None = None, max_states: int = MAX_STATES) -> Exploration:
    compiled = compiled or CompiledScenario(scenario)
    nodes = scenario.nodes
    result = Exploration()
    start: State = (scenario.start, scenario.initial_values())
    seen = {start}
    queue = deque([start])
    # Per node, the lines not shown in any state yet: once a line is shown,
    # testing it again in later states cannot change `shown_lines`.
    unshown: dict[str, list[tuple[int, Line]]] = {}
    while queue:
        state = queue.popleft()
        result.states.append(state)
        node_id, values = state
        node = nodes[node_id]
        lines = unshown.get(node_id)
        if lines is None:
            lines = unshown[node_id] = list(enumerate(node.lines))
        if lines:
            still_unshown = []
            for position, line in lines:
                if compiled.shows(line, values):
                    result.shown_lines.add((node_id, position))
                else:
                    still_unshown.append((position, line))
            unshown[node_id] = still_unshown
        if node.ending is not None:
            result.endings.add(state)
            result.successors[state] = []
            continue
        if node.next is not None:
            moves = [(None, (node.next, values))]
        else:
            moves = [(choice.index, (choice.goto, compiled.apply(choice.assignments, values)))
                     for choice in compiled.visible_choices(node, values)]
            if not moves:
                result.stuck.append(state)
            for choice_index, _ in moves:
                result.shown_choices.add((node_id, choice_index))
        result.successors[state] = [target for _, target in moves]
        for choice_index, target in moves:
            if target not in seen:
                if len(seen) >= max_states:
                    result.capped = True
                    return result
                seen.add(target)
                result.parents[target] = (state, choice_index)
                queue.append(target)
    return result
