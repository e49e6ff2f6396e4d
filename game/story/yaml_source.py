"""Reading a YAML file safely into a tree of located nodes.

Layer: game/story (the only place, with `loader`, that touches YAML).

The file is parsed and composed by libyaml (PyYAML's C parser) into
`yaml.Node` objects, which carry line and column marks. Nothing is ever
*constructed*: no tag can run code, and scalars are typed later by the schema
that expects them, so YAML 1.1's yes/no/on/off stay strings. Before parsing we
refuse what could hurt: files over 1 MiB, bytes that are not UTF-8, nesting
deep enough to crash the C parser; after composing, aliases that would expand
into an "alias bomb" or refer to themselves.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .diagnostics import Diagnostic, SourceLoc, error

try:  # libyaml is in every PyYAML wheel; the pure parser is a slow fallback.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

MAX_FILE_BYTES = 1024 * 1024
MAX_FLOW_DEPTH = 500          # libyaml's composer recurses in C; far below its limit
MAX_ALIAS_EXPANSION = 100_000  # values aliases may add beyond the file's own

STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG
SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG
_PLAIN_TAGS = {ScalarNode: STR_TAG, SequenceNode: SEQ_TAG, MappingNode: MAP_TAG}
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]")
_BRACKETS = re.compile(r"[\[\]{}]")


class _NodeReader(_Parser, BaseResolver):
    """libyaml's parser and composer with a resolver that types nothing."""

    def __init__(self, text: str):
        _Parser.__init__(self, text)
        BaseResolver.__init__(self)

    def resolve(self, kind, value, implicit):
        return _PLAIN_TAGS[kind]


@dataclass
class YamlDocument:
    path: str
    text: str = ""
    root: Node | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def loc_of(path: str, node: Node) -> SourceLoc:
    """The 1-based location of a node, covering it when it fits on one line."""
    start, end = node.start_mark, node.end_mark
    length = end.column - start.column if end.line == start.line else 0
    return SourceLoc(path, start.line + 1, start.column + 1, max(length, 0))


def read_yaml(path: str | os.PathLike, display_path: str | None = None) -> YamlDocument:
    """Read and compose one YAML file; problems are returned, never raised."""
    shown = display_path or str(path)
    doc = YamlDocument(shown)
    top = SourceLoc(shown, 1, 1)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            doc.diagnostics.append(error(top, "E002", f"the file is {size / 1048576:.1f} MiB; scenario files may be at most 1 MiB",
                                         "split the story into several scenarios"))
            return doc
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        doc.diagnostics.append(error(top, "E001", f"cannot read the file: {exc.strerror or exc}"))
        return doc
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        doc.diagnostics.append(error(top, "E002", "the file is larger than 1 MiB; scenario files may be at most 1 MiB"))
        return doc
    return parse_yaml(data, shown)


def parse_yaml(data: bytes, path: str) -> YamlDocument:
    doc = YamlDocument(path)
    try:
        doc.text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1  # characters, as editors count
        doc.diagnostics.append(error(SourceLoc(path, line, col, 1), "E003",
                                     f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)",
                                     "save the file as UTF-8 in your editor"))
        return doc
    deep = _flow_too_deep(doc.text, path)
    if deep:
        doc.diagnostics.append(deep)
        return doc
    try:
        doc.root = _NodeReader(doc.text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        doc.diagnostics.append(_syntax_error(exc, doc.text, path))
        return doc
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always marks errors
        doc.diagnostics.append(error(SourceLoc(path, 1, 1), "E004", f"YAML syntax error: {exc}"))
        return doc
    # `in` first: the regex takes milliseconds to scan a long file that has no '&'.
    if doc.root is not None and "&" in doc.text and _ANCHOR.search(doc.text):
        problem = _check_aliases(doc.root, path)
        if problem:
            doc.diagnostics.append(problem)
            doc.root = None
    return doc


def _flow_too_deep(text: str, path: str) -> Diagnostic | None:
    """Refuse `[[[[...` nesting that would overflow libyaml's C stack. Counting
    brackets inside quoted text too only errs on the safe side."""
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return None
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_FLOW_DEPTH:
            line = text.count("\n", 0, match.start()) + 1
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            return error(SourceLoc(path, line, col, 1), "E008",
                         f"lists and maps are nested more than {MAX_FLOW_DEPTH} levels deep")
        depth = max(depth, 0)
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "cannot be read"
    message = f"YAML syntax error: {problem}"
    hint = None
    if "end of stream" in problem and "quoted scalar" in (exc.context or "") and exc.context_mark:
        # The end of the file is where libyaml gave up; the author must look at the opening quote.
        mark = exc.context_mark
        message = "YAML syntax error: a quote that starts here is never closed"
        hint = "end the text with the same quote mark; inside '...' write '' for an apostrophe"
    elif exc.context and exc.context_mark and exc.context_mark is not mark:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    source_lines = text.splitlines()
    bad_line = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    return error(SourceLoc(path, line, col, 1), "E004", message,
                 hint or _syntax_hint(problem, exc.context or "", bad_line, col))


def _syntax_hint(problem: str, context: str, bad_line: str, col: int) -> str | None:
    """What an author most likely did, judged from libyaml's message and the
    character it stopped at (libyaml's messages do not name the character)."""
    if "\t" in bad_line[: max(col, 1)] or "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
        return "indent with spaces: YAML does not allow tabs for indentation"
    if "mapping values are not allowed" in problem:
        return "a text containing ': ' must be put in quotes, or written as a block with '>-'"
    if "found undefined alias" in problem or "scanning an alias" in context:
        return "'*' starts an alias in YAML; put text that begins with '*' in quotes"
    if "cannot start any token" in problem and 0 < col <= len(bad_line):
        return f"put text that begins with '{bad_line[col - 1]}' in quotes"
    if "block sequence entries are not allowed" in problem:
        return "put text that begins with '- ' in quotes, or start each list item on its own line"
    return None


def _check_aliases(root: Node, path: str) -> Diagnostic | None:
    """Count the values the tree would have with every alias written out,
    without writing them out (sizes are memoised per shared node), and refuse
    an alias inside the list or map it names."""
    sizes: dict[int, int] = {}
    distinct = 0
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:  # a shared node met again: already counted
            continue
        in_progress.add(key)
        distinct += 1
        stack.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                return error(loc_of(path, child), "E006", "an alias refers to the list or map that contains it",
                             "aliases may not be recursive; write the values out")
            if id(child) not in sizes:
                stack.append((child, False))
    total = sizes[id(root)]
    if total - distinct > MAX_ALIAS_EXPANSION:
        return error(SourceLoc(path, 1, 1), "E005",
                     f"aliases in this file would expand to {total:,} values (an \"alias bomb\"); refused",
                     "a scenario never needs this; write the values out or use fewer aliases")
    return None


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []
