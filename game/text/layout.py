"""Text into lines that fit a width: the pure layout step, no drawing.

Layer: game/text. Pure given a `Shaper` (which font draws a character, and
how wide a run is), so tests can inspect lines, runs and widths. Each
paragraph (explicit newlines start new ones) gets its direction and bidi
levels (`bidi`), a script per character (`scripts`) and a font per
character from the fallback chain; runs are cut where (level, script, font)
changes, so each is shaped by HarfBuzz with one font, one script and one
direction. Lines break greedily at the opportunities `breaking` finds, and
a word wider than the line is cut between grapheme clusters. Each line
keeps its runs in visual order, left to right, ready to be drawn.

Plain Latin text takes a fast path that does what the game always did: one
run of the base font (Noto Sans, or OpenDyslexic if chosen) per line, no
bidi, pure-Python break rules; text with a character the base font lacks
takes the full path, where the fallback chain finds it a font.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .breaking import clusters, fast_breaks, line_breaks
from .scripts import INHERITED, LATIN, is_simple, resolve_scripts, script_of

TRAILING = " \t\u200b\u3000"  # not measured nor drawn at the end of a line (UAX #9 L1, UAX #14 LB7)


@dataclass(frozen=True)
class TextStyle:
    """A text size in pixels, and whether it is bold."""
    size: int
    bold: bool = False


class Run(NamedTuple):
    """Characters shaped together: one font, one script, one direction."""
    text: str
    script: str  # ISO 15924, e.g. "Thai", "Arab", "Latn"
    level: int  # bidi embedding level: odd is right to left
    font: str  # the font file
    width: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


@dataclass(frozen=True)
class LaidLine:
    """One line of a layout, measured, with its runs."""
    text: str  # in logical (reading) order
    width: int
    runs: tuple[Run, ...] = ()  # in visual order, left to right
    rtl: bool = False  # the direction of the paragraph the line belongs to


@dataclass(frozen=True)
class TextLayout:
    """Lines that fit `max_width`, each `line_height` tall, baselines `baseline` below their tops."""
    lines: tuple[LaidLine, ...]
    line_height: int
    max_width: int
    baseline: int = 0  # from the top of a line to its baseline

    @property
    def width(self) -> int:
        return max((line.width for line in self.lines), default=0)

    @property
    def height(self) -> int:
        return len(self.lines) * self.line_height

    def to_json(self) -> dict:
        return {"lines": [[line.text, line.width] for line in self.lines],
                "line_height": self.line_height, "max_width": self.max_width}

    def to_json_with_runs(self) -> dict:
        """`to_json` plus each line's direction and runs, for snapshots of complex text."""
        snapshot = self.to_json()
        snapshot["lines"] = [{"text": line.text, "width": line.width, "rtl": line.rtl,
                              "runs": [[run.text, run.script, run.level, run.font, run.width] for run in line.runs]}
                             for line in self.lines]
        return snapshot


if TYPE_CHECKING:  # what `lay_out` asks of fonts (the renderer answers); not built at run time, to start faster
    from typing import Protocol

    class Shaper(Protocol):
        def base_file(self, bold: bool) -> str: ...

        def base_has_all(self, text: str) -> bool: ...

        def face_for(self, script: str, char: str, bold: bool) -> str: ...

        def measure_run(self, text: str, file: str, size: int, script: str, rtl: bool) -> int: ...

        def plain_size(self, file: str, size: int) -> Callable[[str], tuple[int, int]]: ...


def lay_out(text: str, style: TextStyle, max_width: int, shaper: Shaper, direction: int = 0,
            language: str = "") -> list[LaidLine]:
    """The lines of `text` within `max_width` pixels. `direction` (0 left to right,
    1 right to left) is for paragraphs without a strong letter; `language` tailors ICU."""
    lines: list[LaidLine] = []
    for paragraph in text.split("\n"):
        if (is_simple(paragraph) and shaper.base_has_all(paragraph)
                and (direction == 0 or any(char.isalpha() for char in paragraph))):
            lines += _simple_paragraph(paragraph, style, max_width, shaper)
        else:
            lines += _paragraph(paragraph, style, max_width, shaper, direction, language)
    return lines


def _simple_paragraph(text: str, style: TextStyle, max_width: int, shaper: Shaper) -> list[LaidLine]:
    file = shaper.base_file(style.bold)
    size_of = shaper.plain_size(file, style.size)

    def width(start: int, end: int) -> int:
        return size_of(text[start:end].rstrip(TRAILING))[0]

    lines = []
    for start, end, line_width in break_into_lines(fast_breaks(text), width,
                                                   lambda start, end: range(start + 1, end + 1), max_width):
        line = text[start:end].rstrip(TRAILING)
        lines.append(LaidLine(line, line_width, (Run(line, LATIN, 0, file, line_width),) if line else ()))
    return lines


def _paragraph(text: str, style: TextStyle, max_width: int, shaper: Shaper, direction: int,
               language: str) -> list[LaidLine]:
    from . import bidi  # here, not at the top: plain Latin text never needs it, and start-up is measured

    base = bidi.paragraph_level(text, direction)
    levels = bidi.embedding_levels(text, base)
    items = _items(text, levels, [script_of(char) for char in text], style.bold, shaper)

    def pieces(start: int, end: int) -> list[Run]:
        end = len(text[start:end].rstrip(TRAILING)) + start
        runs = []
        for first, last, script, level, file in items:
            if last <= start or first >= end:
                continue
            piece = text[max(first, start):min(last, end)]
            runs.append(Run(piece, script, level, file, shaper.measure_run(piece, file, style.size, script, level % 2 == 1)))
        return runs

    def width(start: int, end: int) -> int:
        return sum(run.width for run in pieces(start, end))

    def cluster_ends(start: int, end: int) -> list[int]:
        return [start + offset for offset in clusters(text[start:end], language)]

    lines = []
    for start, end, _ in break_into_lines(line_breaks(text, False, language), width, cluster_ends, max_width):
        runs = pieces(start, end)
        visual = tuple(runs[index] for index in bidi.visual_order([run.level for run in runs]))
        lines.append(LaidLine(text[start:end].rstrip(TRAILING), sum(run.width for run in runs), visual, base == 1))
    return lines


def _items(text: str, levels: list[int], own_scripts: list[str], bold: bool,
           shaper: Shaper) -> list[tuple[int, int, str, int, str]]:
    """(start, end, script, level, font file) of the maximal runs of a paragraph, in logical order."""
    items: list[tuple[int, int, str, int, str]] = []
    scripts = resolve_scripts(own_scripts)
    faces: dict[tuple[str, str], str] = {}
    file = ""
    for index, char in enumerate(text):
        script = scripts[index]
        if not (index and own_scripts[index] == INHERITED):  # a mark stays in its base's font
            file = faces.get((script, char)) or faces.setdefault((script, char), shaper.face_for(script, char, bold))
        key = (script, levels[index], file)
        if items and items[-1][2:] == key:
            items[-1] = (items[-1][0], index + 1, *key)
        else:
            items.append((index, index + 1, *key))
    return items


def break_into_lines(breaks: list[int], width: Callable[[int, int], int],
                     cluster_ends: Callable[[int, int], list[int] | range],
                     max_width: int) -> list[tuple[int, int, int]]:
    """Greedy line breaking: (start, end, width) of each line. `breaks` are the
    ends of the unbreakable segments; a segment wider than a line on its own is
    cut at the last cluster end that fits (at least one cluster per line)."""
    lines: list[tuple[int, int, int]] = []
    start = end = end_width = 0
    for stop in breaks:
        stop_width = width(start, stop)
        if stop_width <= max_width:
            end, end_width = stop, stop_width
            continue
        if end > start:
            lines.append((start, end, end_width))
            start = end
            stop_width = width(start, stop)
            if stop_width <= max_width:
                end, end_width = stop, stop_width
                continue
        ends = list(cluster_ends(start, stop))
        while True:  # an over-long word: as many clusters as fit, line after line
            ends = [point for point in ends if point > start]
            cut = _last_fitting(ends, lambda point, first=start: width(first, point) <= max_width)
            if cut >= stop:
                break
            lines.append((start, cut, width(start, cut)))
            start = cut
        end, end_width = stop, width(start, stop)
    lines.append((start, end, end_width))
    return lines


def _last_fitting(ends: list[int], fits: Callable[[int], bool]) -> int:
    low, high = 0, len(ends) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if fits(ends[middle]):
            low = middle
        else:
            high = middle - 1
    return ends[low]
