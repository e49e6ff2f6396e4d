"""Line breaking: text into lines that fit a width.

Layer: game/text. Pure given a `measure` function (text -> pixel width), so
tests can lay out text with any metrics. Breaks at spaces; a word wider than
the line is broken between characters rather than overflowing. Explicit
newlines start new paragraphs. (The languages issue adds Unicode line-break
rules, dictionary breaks for Thai and Khmer, and grapheme clusters.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextStyle:
    size: int
    bold: bool = False


@dataclass(frozen=True)
class LaidLine:
    text: str
    width: int


@dataclass(frozen=True)
class TextLayout:
    lines: tuple[LaidLine, ...]
    line_height: int
    max_width: int

    @property
    def width(self) -> int:
        return max((line.width for line in self.lines), default=0)

    @property
    def height(self) -> int:
        return len(self.lines) * self.line_height

    def to_json(self) -> dict:
        return {"lines": [[line.text, line.width] for line in self.lines],
                "line_height": self.line_height, "max_width": self.max_width}


def break_lines(text: str, measure: Callable[[str], int], max_width: int) -> list[LaidLine]:
    lines: list[LaidLine] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= max_width or not current and not word:
                current = candidate
                continue
            if current:
                lines.append(LaidLine(current, measure(current)))
            current = ""
            while measure(word) > max_width and len(word) > 1:  # an over-long word: break it
                cut = _longest_prefix(word, measure, max_width)
                lines.append(LaidLine(word[:cut], measure(word[:cut])))
                word = word[cut:]
            current = word
        lines.append(LaidLine(current, measure(current)))
    return lines


def _longest_prefix(word: str, measure: Callable[[str], int], max_width: int) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= max_width:
            low = middle
        else:
            high = middle - 1
    return low
