"""The scenario model: what a loaded scenario file is, independent of YAML.

Layer: game/story (pure Python). The loader builds these objects; the
validator, the runtime, the translators' extractor and every front end read
them. Translatable strings are `Text` objects: their `source` is the English
msgid and the scenario id is the msgctxt, so lookups never need the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from .diagnostics import SourceLoc

if TYPE_CHECKING:
    from .conditions import Condition

FORMAT_VERSION = 1

TOPICS = ("stranger_contact", "image_sharing", "reporting", "ai_images", "privacy", "other")
DECIDERS = ("child", "caregiver", "together")
ADDRESSEES = ("child", "caregiver", "both")
VIAS = ("chat", "speech", "thought", "notification", "narration")
ENDINGS = ("safe", "supported", "learning")
CHARACTER_KINDS = ("child", "teen", "caregiver", "adult", "stranger", "other")
# Backdrops the game draws. Any other name is allowed (with a warning) and
# falls back to a plain backdrop, so authors are never blocked by the artists.
KNOWN_SCENES = (
    "chat", "feed", "game_chat", "video_call", "phone", "home", "bedroom",
    "kitchen", "living_room", "school", "classroom", "playground", "street",
    "bus", "park", "shop", "library",
)
NARRATOR = "narrator"
PLACEHOLDERS = ("child_name", "caregiver_name")

Value = Union[bool, int]  # noqa: UP007 - a runtime alias


@dataclass(frozen=True)
class Text:
    """A translatable string: `source` is the English text (the msgid)."""

    source: str
    loc: SourceLoc
    note: str | None = None

    def __str__(self) -> str:
        return self.source


@dataclass(frozen=True)
class Variable:
    name: str
    initial: Value
    loc: SourceLoc

    @property
    def type_name(self) -> str:
        return "bool" if isinstance(self.initial, bool) else "int"


@dataclass(frozen=True)
class Character:
    id: str
    name: Text
    kind: str
    avatar: str | None
    loc: SourceLoc


@dataclass(frozen=True)
class Line:
    speaker: str  # a character id, or NARRATOR
    text: Text
    via: str
    condition: Condition | None
    loc: SourceLoc


@dataclass(frozen=True)
class Prompt:
    to: str  # one of ADDRESSEES
    text: Text
    loc: SourceLoc


@dataclass(frozen=True)
class Assignment:
    """One entry of a choice's `set:`. `add` is True for `+N`/`-N`."""

    variable: str
    value: Value
    add: bool
    loc: SourceLoc

    def apply(self, current: Value) -> Value:
        return current + self.value if self.add else self.value


@dataclass(frozen=True)
class Choice:
    index: int  # position in the node's `choices`, stable across conditions
    text: Text
    decides: str
    condition: Condition | None
    assignments: tuple[Assignment, ...]
    feedback: Text | None
    discuss: tuple[Prompt, ...]
    goto: str
    loc: SourceLoc
    goto_loc: SourceLoc


@dataclass(frozen=True)
class Node:
    id: str
    loc: SourceLoc
    scene: str | None = None
    lines: tuple[Line, ...] = ()
    choices: tuple[Choice, ...] = ()
    next: str | None = None
    next_loc: SourceLoc | None = None
    ending: str | None = None
    takeaway: Text | None = None

    def targets(self) -> list[str]:
        """Node ids this node can lead to, ignoring conditions."""
        if self.next is not None:
            return [self.next]
        return [choice.goto for choice in self.choices]


@dataclass
class Scenario:
    path: str
    loc: SourceLoc
    id: str = ""
    format: int = FORMAT_VERSION
    topic: str = "other"
    title: Text | None = None
    summary: Text | None = None
    ages: tuple[int, int] = (0, 0)
    minutes: int = 0
    content_note: Text | None = None
    learning_goals: tuple[Text, ...] = ()
    note: str | None = None
    variables: dict[str, Variable] = field(default_factory=dict)
    characters: dict[str, Character] = field(default_factory=dict)
    start: str = ""
    start_loc: SourceLoc | None = None
    nodes: dict[str, Node] = field(default_factory=dict)

    @property
    def variable_names(self) -> tuple[str, ...]:
        """Variables in declaration order: the order of values in a state."""
        return tuple(self.variables)

    def initial_values(self) -> tuple[Value, ...]:
        return tuple(v.initial for v in self.variables.values())

    def speaker_name(self, speaker: str) -> Text | None:
        character = self.characters.get(speaker)
        return character.name if character else None

    def texts(self):
        """Every translatable `Text` of the scenario, in file order."""
        for text in (self.title, self.summary, self.content_note, *self.learning_goals):
            if text is not None:
                yield text
        for character in self.characters.values():
            yield character.name
        for node in self.nodes.values():
            for line in node.lines:
                yield line.text
            for choice in node.choices:
                yield choice.text
                if choice.feedback is not None:
                    yield choice.feedback
                for prompt in choice.discuss:
                    yield prompt.text
            if node.takeaway is not None:
                yield node.takeaway
