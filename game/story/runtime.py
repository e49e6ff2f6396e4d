"""Playing a scenario: a pure state machine, driven by intents.

Layer: game/story (pure Python, no I/O). Front ends (the window, the terminal
player, autoplay, workshop mode, tests) call `choose`, `advance` and `undo`
and read `view()`; the runtime never calls them back. A `PlayState` is
immutable and serialises to JSON (with a format version) for save and resume.
Texts come out as `Text` objects, i.e. message ids: translating them and
filling placeholders is the front end's job at display time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .model import Assignment, Choice, Line, Node, Scenario, Text, Value

SAVE_FORMAT = 1


class PlayError(Exception):
    """An intent that does not fit the current state (a bug in a front end)."""


class SaveError(ValueError):
    """A saved state that cannot be resumed with this scenario."""


@dataclass(frozen=True)
class Step:
    """One step taken: at `node`, the choice with `choice` index (None = continue)."""

    node: str
    choice: int | None


@dataclass(frozen=True)
class PlayState:
    node: str
    values: tuple[Value, ...]
    history: tuple[Step, ...] = ()


@dataclass(frozen=True)
class View:
    """What a front end shows for the current node."""

    node: Node
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...]
    can_continue: bool
    ending: str | None
    takeaway: Text | None


class CompiledScenario:
    """A scenario's conditions compiled to functions of a values tuple. Shared by
    the runtime and the validator's exploration, so they cannot disagree."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.index = {name: i for i, name in enumerate(scenario.variable_names)}
        self._tests: dict[int, Callable[[Sequence], object]] = {}
        for node in scenario.nodes.values():
            for item in (*node.lines, *node.choices):
                if item.condition is not None:
                    self._tests[id(item)] = item.condition.compile(self.index)

    def shows(self, item: Line | Choice, values: Sequence[Value]) -> bool:
        test = self._tests.get(id(item))
        return True if test is None else bool(test(values))

    def visible_choices(self, node: Node, values: Sequence[Value]) -> tuple[Choice, ...]:
        return tuple(c for c in node.choices if self.shows(c, values))

    def visible_lines(self, node: Node, values: Sequence[Value]) -> tuple[Line, ...]:
        return tuple(line for line in node.lines if self.shows(line, values))

    def apply(self, assignments: Sequence[Assignment], values: tuple[Value, ...]) -> tuple[Value, ...]:
        if not assignments:
            return values
        changed = list(values)
        for assignment in assignments:
            position = self.index[assignment.variable]
            changed[position] = assignment.apply(changed[position])
        return tuple(changed)


class Playthrough:
    """One play of one scenario, with unlimited undo."""

    def __init__(self, scenario: Scenario, compiled: CompiledScenario | None = None):
        self.scenario = scenario
        self.compiled = compiled or CompiledScenario(scenario)
        self._states: list[PlayState] = [PlayState(scenario.start, scenario.initial_values())]

    # Reading ---------------------------------------------------------------

    @property
    def state(self) -> PlayState:
        return self._states[-1]

    @property
    def node(self) -> Node:
        return self.scenario.nodes[self.state.node]

    @property
    def values(self) -> dict[str, Value]:
        return dict(zip(self.scenario.variable_names, self.state.values))

    @property
    def history(self) -> tuple[Step, ...]:
        return self.state.history

    @property
    def ended(self) -> bool:
        return self.node.ending is not None

    @property
    def ending(self) -> str | None:
        return self.node.ending

    @property
    def can_undo(self) -> bool:
        return len(self._states) > 1

    def visible_lines(self) -> tuple[Line, ...]:
        return self.compiled.visible_lines(self.node, self.state.values)

    def visible_choices(self) -> tuple[Choice, ...]:
        return self.compiled.visible_choices(self.node, self.state.values)

    def view(self) -> View:
        node = self.node
        return View(node, self.visible_lines(), self.visible_choices(), node.next is not None,
                    node.ending, node.takeaway)

    def path(self) -> list[tuple[Node, Choice | None]]:
        """The nodes passed and the choice made at each, for a summary."""
        nodes = self.scenario.nodes
        return [(nodes[step.node], nodes[step.node].choices[step.choice] if step.choice is not None else None)
                for step in self.history]

    # Intents ---------------------------------------------------------------

    def choose(self, choice_index: int) -> Choice:
        """Take the choice with this index (its position in the node's
        `choices`); return it, so the front end can show feedback and prompts."""
        state = self.state
        choice = next((c for c in self.visible_choices() if c.index == choice_index), None)
        if choice is None:
            raise PlayError(f"choice {choice_index} is not available at node '{state.node}'")
        values = self.compiled.apply(choice.assignments, state.values)
        self._states.append(PlayState(choice.goto, values, state.history + (Step(state.node, choice.index),)))
        return choice

    def advance(self) -> None:
        """Continue from a node that has `next`."""
        state = self.state
        if self.node.next is None:
            raise PlayError(f"node '{state.node}' has no 'next' to continue to")
        self._states.append(PlayState(self.node.next, state.values, state.history + (Step(state.node, None),)))

    def undo(self, steps: int = 1) -> int:
        """Go back `steps` steps (as far as the start); return how many were undone."""
        undone = min(steps, len(self._states) - 1)
        if undone:
            del self._states[-undone:]
        return undone

    def restart(self) -> None:
        del self._states[1:]

    # Save and resume ---------------------------------------------------------

    def to_json(self) -> dict:
        state = self.state
        return {
            "save_format": SAVE_FORMAT,
            "scenario": self.scenario.id,
            "node": state.node,
            "values": self.values,
            "history": [[step.node, step.choice] for step in state.history],
        }

    @classmethod
    def from_json(cls, scenario: Scenario, data: Mapping) -> Playthrough:
        """Resume a saved play by replaying its history, so undo works after
        resuming too. Raises `SaveError` if the save does not fit the scenario
        (another story, or a story edited since)."""
        if not isinstance(data, Mapping) or data.get("save_format") != SAVE_FORMAT:
            raise SaveError("this save was written by another version of the game")
        if data.get("scenario") != scenario.id:
            raise SaveError(f"this save belongs to the story '{data.get('scenario')}', not '{scenario.id}'")
        history = data.get("history")
        if not isinstance(history, list):
            raise SaveError("the save has no history")
        play = cls(scenario)
        try:
            for entry in history:
                node_id, choice = entry
                if play.state.node != node_id:
                    raise SaveError(f"the story has changed since it was saved (expected node '{node_id}')")
                if choice is None:
                    play.advance()
                else:
                    play.choose(int(choice))
        except (PlayError, TypeError, ValueError) as exc:
            raise SaveError(f"the story has changed since it was saved ({exc})") from exc
        if play.state.node != data.get("node") or play.values != data.get("values"):
            raise SaveError("the story has changed since it was saved")
        return play


@dataclass
class Names:
    """Display names for placeholders; empty nicknames use the fallbacks. The
    fallbacks read well in the third person ("Ask your grown-up", "How would
    you like your child to tell you?"), which is how `validate` asks authors
    to use placeholders (W511, W512)."""

    child_name: str = ""
    caregiver_name: str = ""
    child_fallback: str = "your child"
    caregiver_fallback: str = "your grown-up"

    def as_mapping(self) -> dict[str, str]:
        return {
            "child_name": self.child_name.strip() or self.child_fallback,
            "caregiver_name": self.caregiver_name.strip() or self.caregiver_fallback,
        }
