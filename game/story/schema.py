"""Typed, located reading of YAML nodes: the schema checks' building blocks.

Layer: game/story (YAML adapter, used only by `loader`).

`Fields` wraps one YAML mapping: it reports duplicate keys, hands out values by
key with the type the schema expects, and at the end reports unknown keys with
a "did you mean" hint. Scalars are typed here, by what the schema expects, so
`yes` is only ever the text "yes" and `+1` keeps its sign.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostic, SourceLoc, did_you_mean, error
from .yaml_source import MAP_TAG, SEQ_TAG, STR_TAG, loc_of

T = TypeVar("T")
INTEGER = re.compile(r"[+-]?[0-9]+\Z")
IDENTIFIER = re.compile(r"[a-z0-9_]+\Z")
_NULLS = ("", "~", "null", "Null", "NULL")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = ("yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF")


class Reporter:
    """Collects the diagnostics of one file."""

    def __init__(self, path: str):
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def loc(self, node: Node) -> SourceLoc:
        return loc_of(self.path, node)

    def error(self, where: Node | SourceLoc, code: str, message: str, hint: str | None = None) -> None:
        loc = where if isinstance(where, SourceLoc) else self.loc(where)
        self.diagnostics.append(error(loc, code, message, hint))

    def describe(self, node: Node) -> str:
        if isinstance(node, MappingNode):
            return "a map of 'key: value' pairs"
        if isinstance(node, SequenceNode):
            return "a list"
        if not node.style and node.value in _NULLS:
            return "nothing"
        shown = node.value if len(node.value) <= 30 else node.value[:27] + "..."
        return f"'{shown}'"

    def check_tag(self, node: Node) -> bool:
        if node.tag in (STR_TAG, SEQ_TAG, MAP_TAG):
            return True
        self.error(node, "E007", f"YAML tags such as '{node.tag.replace('tag:yaml.org,2002:', '!!')}' are not allowed",
                   "remove the tag; scenario files hold plain text, numbers and lists")
        return False

    def wrong_type(self, node: Node, expected: str, hint: str | None = None) -> None:
        self.error(node, "E103", f"expected {expected}, got {self.describe(node)}", hint)

    # Scalars ---------------------------------------------------------------

    def text(self, node: Node, what: str = "text") -> str | None:
        if not self.check_tag(node):
            return None
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, what, "put text that starts with '[', '{' or '- ' in quotes" if what == "text" else None)
            return None
        if not node.style and node.value in _NULLS or not node.value.strip():
            word = node.value.strip()
            hint = f"'{word}' means 'nothing' in YAML; put it in quotes if you mean the word" if word else None
            self.error(node, "E108", f"the {what} is empty", hint)
            return None
        return node.value

    def integer(self, node: Node, what: str = "a whole number") -> int | None:
        if not self.check_tag(node):
            return None
        if isinstance(node, ScalarNode) and INTEGER.match(node.value):
            if not node.style:
                return int(node.value)
            self.wrong_type(node, what, "remove the quotes around the number")
            return None
        self.wrong_type(node, what)
        return None

    def boolean(self, node: Node) -> bool | None:
        if not self.check_tag(node):
            return None
        if isinstance(node, ScalarNode) and not node.style and node.value in _BOOLS:
            return _BOOLS[node.value]
        hint = "write true or false" if isinstance(node, ScalarNode) and node.value in _YAML11_BOOLS else None
        self.wrong_type(node, "true or false", hint)
        return None

    def value(self, node: Node) -> bool | int | None:
        """A state value: true, false or a whole number."""
        if not self.check_tag(node):
            return None
        if isinstance(node, ScalarNode) and not node.style and INTEGER.match(node.value):
            return int(node.value)
        if isinstance(node, ScalarNode) and not node.style and node.value in _BOOLS:
            return _BOOLS[node.value]
        hint = "write true or false" if isinstance(node, ScalarNode) and node.value in _YAML11_BOOLS else None
        self.wrong_type(node, "true, false or a whole number", hint)
        return None

    def choice(self, node: Node, allowed: Sequence[str], what: str) -> str | None:
        word = self.text(node, what)
        if word is None:
            return None
        if word not in allowed:
            options = ", ".join(allowed)
            self.error(node, "E104", f"'{word}' is not a valid {what} (use one of: {options})", did_you_mean(word, allowed))
            return None
        return word

    def identifier(self, node: Node, what: str, pattern: re.Pattern = IDENTIFIER) -> str | None:
        word = self.text(node, what)
        if word is not None and not pattern.match(word):
            self.error(node, "E105", f"'{word}' is not a valid {what}",
                       "use lowercase letters a-z, digits and '_' only, for example 'asks_for_photo'")
            return None
        return word

    # Collections -----------------------------------------------------------

    def items(self, node: Node, what: str) -> list[Node]:
        """The items of a list (a single non-list value is reported)."""
        if not self.check_tag(node):
            return []
        if isinstance(node, SequenceNode):
            return node.value
        if isinstance(node, ScalarNode) and not node.style and node.value in _NULLS:
            return []
        self.wrong_type(node, f"a list of {what}", "start each item on its own line with '- '")
        return []

    def mapping(self, node: Node, what: str, duplicate_code: str = "E009") -> Fields | None:
        if not self.check_tag(node):
            return None
        if isinstance(node, MappingNode):
            return Fields(self, node, duplicate_code)
        self.wrong_type(node, what)
        return None


class Fields:
    """The keys of one YAML mapping, read one by one, checked at `finish`."""

    def __init__(self, reporter: Reporter, node: MappingNode, duplicate_code: str = "E009"):
        self.reporter = reporter
        self.node = node
        self.loc = reporter.loc(node)
        self.values: dict[str, Node] = {}
        self.keys: dict[str, Node] = {}
        for key, value in node.value:
            if not reporter.check_tag(key):
                continue
            if not isinstance(key, ScalarNode):
                reporter.error(key, "E011", "a key must be a plain word, not a list or a map")
                continue
            name = key.value
            if name in self.keys:
                first = self.keys[name].start_mark.line + 1
                if duplicate_code == "E201":
                    message = f"node '{name}' is defined twice (first at line {first})"
                else:
                    message = f"key '{name}' appears twice in this map (first at line {first})"
                reporter.error(key, duplicate_code, message, "YAML would silently keep only the last one; rename or remove one")
                continue
            self.keys[name] = key
            self.values[name] = value

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def key_loc(self, key: str) -> SourceLoc:
        return self.reporter.loc(self.keys[key])

    def get(self, key: str, read: Callable[[Node], T], required: bool = False, what: str = "") -> T | None:
        node = self.values.get(key)
        if node is None:
            if required:
                self.reporter.error(self.loc, "E102", f"'{key}' is missing{what}")
            return None
        return read(node)

    def raw(self, key: str) -> Node | None:
        return self.values.get(key)

    def pairs(self) -> Iterator[tuple[str, Node, Node]]:
        for name, value in self.values.items():
            yield name, self.keys[name], value

    def finish(self, allowed: Sequence[str], what: str) -> None:
        for name, key in self.keys.items():
            if name not in allowed:
                hint = did_you_mean(name, allowed)
                if name == "<<":
                    hint = "YAML merge keys are not supported; write the keys out"
                elif " " in name.strip():  # no key has a space: this is text with ': ' in it
                    hint = "a text containing ': ' must be put in quotes, or written as a block with '>-'"
                elif hint is None:
                    hint = "allowed here: " + ", ".join(allowed)
                self.reporter.error(key, "E101", f"unknown key '{name}' in {what}", hint)
