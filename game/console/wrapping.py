"""Wrapping text for a terminal, in every script the game is translated into.

Layer: console (no pygame). `textwrap` breaks only at spaces and counts
characters, so Thai and Khmer, written without spaces between words, would
run past the edge, and a Thai vowel or tone mark would count as a column.
Here a line may break where the game's own breaker allows
(`game.text.breaking`: Unicode's rules, with ICU's dictionaries for Thai,
Lao, Khmer and Burmese), and width is counted in terminal cells: combining
marks take none, wide (East Asian) characters two. A word wider than the
line is cut between grapheme clusters, never inside one. Right-to-left text
is kept in logical order: a terminal that supports bidi reorders each line.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..text.breaking import clusters, line_breaks
from ..text.scripts import is_simple

_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


@lru_cache(maxsize=4096)
def _char_cells(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes."""
    if text.isascii():
        return len(text)
    return sum(_char_cells(char) for char in text)


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "",
         language: str = "") -> list[str]:
    """The lines of one paragraph, each at most `width` cells with its indent
    (unless the indent alone is wider). Spaces at a break are dropped;
    nothing else is lost or added."""
    segments = _segments(text, language)
    lines: list[str] = []
    indent, current = initial_indent, ""
    for segment in segments:
        if current and cell_width(indent + (current + segment).rstrip(" ")) > width:
            lines.append(indent + current.rstrip(" "))
            indent, current = subsequent_indent, ""
        current += segment
        while current.rstrip(" ") and cell_width(indent + current.rstrip(" ")) > width:  # a word too wide
            head, current = _cut(current, width - cell_width(indent), language)
            lines.append(indent + head.rstrip(" "))
            indent = subsequent_indent
            current = current if current.strip(" ") else ""  # spaces left at a break
    if current.rstrip(" ") or not lines:
        lines.append(indent + current.rstrip(" "))
    return lines


def fill(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "", language: str = "") -> str:
    """Every paragraph (line) of `text` wrapped, joined with newlines."""
    return "\n".join("\n".join(wrap(paragraph, width, initial_indent, subsequent_indent, language))
                     for paragraph in text.split("\n"))


def _segments(text: str, language: str) -> list[str]:
    ends = line_breaks(text, is_simple(text), language)
    return [text[start:end] for start, end in zip([0, *ends], ends) if end > start]


def _cut(word: str, room: int, language: str) -> tuple[str, str]:
    """The longest run of whole grapheme clusters of `word` that fits in
    `room` cells (at least one cluster), and the rest."""
    ends = clusters(word, language)
    fitting = ends[0]
    for end in ends[1:]:
        if cell_width(word[:end]) > room:
            break
        fitting = end
    return word[:fitting], word[fitting:]
