"""Bidirectional text (Unicode's UAX #9) for one paragraph: its direction,
the embedding level of every character, and the visual order of runs.

Layer: game/text (pure Python, no pygame). HarfBuzz shapes one direction
at a time and does no bidi, so an Arabic sentence with "TikTok" in it must
be cut into runs by level before it is shaped. This implements the rules
that game text needs: P2-P3 (paragraph direction), W1-W7 (numbers and
weak types), N1-N2 (neutrals), I1-I2, L1 (trailing white space) and L2
(reordering), and N0 (bracket pairs) for the common brackets. Not
implemented: explicit embeddings, overrides and isolates (U+202A-U+202E
and U+2066-U+2069 are dropped as X9 drops embeddings, and the text
between them is resolved like any other). The tests compare the visual
order with python-bidi's on mixed samples.
"""

from __future__ import annotations

import re
from functools import lru_cache
from unicodedata import bidirectional

# Characters whose bidi class is R, AL or AN: without any, a left-to-right
# paragraph is all level 0 and needs no analysis.
_RIGHT_TO_LEFT = ("[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefe"
                  "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})
_ISOLATES = frozenset({"LRI", "RLI", "FSI", "PDI"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
_TRAILING = frozenset({"WS", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_OPENING = dict(zip("([{\u2045\u207d\u208d\u2329\u3008\u300a\u300c\u300e\u3010\uff08\uff3b\uff5b",
                    ")]}\u2046\u207e\u208e\u232a\u3009\u300b\u300d\u300f\u3011\uff09\uff3d\uff5d"))
_CLOSING = frozenset(_OPENING.values())


def has_right_to_left(text: str) -> bool:
    return _right_to_left().search(text) is not None


@lru_cache(maxsize=1)
def _right_to_left() -> re.Pattern:
    return re.compile(_RIGHT_TO_LEFT)  # on first use: plain Latin text never needs it


def paragraph_level(text: str, default: int = 0) -> int:
    """0 (left to right) or 1 (right to left): the first strong character
    decides (P2, P3); `default` for a paragraph with none (digits only)."""
    for char in text:
        kind = bidirectional(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return default


def embedding_levels(text: str, base: int) -> list[int]:
    """The resolved level of every character of one paragraph (no newlines)."""
    if base == 0 and not has_right_to_left(text):
        return [0] * len(text)
    classes = [bidirectional(char) or "L" for char in text]
    kept = [index for index, kind in enumerate(classes) if kind not in _REMOVED]
    types = ["ON" if classes[index] in _ISOLATES else classes[index] for index in kept]
    marks = [kind == "NSM" for kind in types]
    edge = "R" if base % 2 else "L"
    _resolve_weak(types, edge)
    _resolve_brackets(types, [text[index] for index in kept], marks, edge)
    _resolve_neutral(types, edge, edge)
    levels = [base] * len(text)
    for index, kind in zip(kept, types):
        if base % 2 == 0:
            levels[index] = base + (1 if kind == "R" else 2 if kind in ("AN", "EN") else 0)
        else:
            levels[index] = base + (1 if kind in ("L", "EN", "AN") else 0)
    _reset_trailing(classes, levels, base)
    return levels


def _resolve_weak(types: list[str], sos: str) -> None:
    previous = sos
    for index, kind in enumerate(types):  # W1: a mark takes the type before it
        if kind == "NSM":
            types[index] = previous
        previous = types[index]
    strong = sos
    for index, kind in enumerate(types):  # W2, W3
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            types[index] = "AN"
        if kind == "AL":
            types[index] = "R"
    for index in range(1, len(types) - 1):  # W4: one separator inside a number
        before, kind, after = types[index - 1], types[index], types[index + 1]
        if kind == "ES" and before == after == "EN":
            types[index] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[index] = before
    index = 0
    while index < len(types):  # W5: terminators next to European numbers
        if types[index] != "ET":
            index += 1
            continue
        end = index
        while end < len(types) and types[end] == "ET":
            end += 1
        if (index > 0 and types[index - 1] == "EN") or (end < len(types) and types[end] == "EN"):
            types[index:end] = ["EN"] * (end - index)
        index = end
    strong = sos
    for index, kind in enumerate(types):  # W6, W7
        if kind in ("ES", "ET", "CS"):
            types[index] = "ON"
        elif kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[index] = "L"


def _bracket_pairs(types: list[str], chars: list[str]) -> list[tuple[int, int]]:
    """BD16: matching bracket pairs, by the position of the opening one."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for index, char in enumerate(chars):
        if types[index] != "ON":
            continue
        if char in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_OPENING[char], index))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(types: list[str], chars: list[str], marks: list[bool], sos: str) -> None:
    """N0: a bracket pair takes the direction of the text it encloses, or of the text before it."""
    embedding = sos
    for opening, closing in _bracket_pairs(types, chars):
        inside = {_as_strong(kind) for kind in types[opening + 1:closing]} & {"L", "R"}
        if not inside:
            continue
        direction = embedding
        if embedding not in inside:
            before = next((_as_strong(kind) for kind in reversed(types[:opening])
                           if _as_strong(kind) in ("L", "R")), sos)
            direction = before if before != embedding else embedding
        for bracket in (opening, closing):
            types[bracket] = direction
            after = bracket + 1
            while after < len(types) and marks[after]:  # marks on a bracket follow it
                types[after] = direction
                after += 1


def _resolve_neutral(types: list[str], sos: str, eos: str) -> None:
    embedding = sos
    index = 0
    while index < len(types):
        if types[index] not in _NEUTRAL:
            index += 1
            continue
        end = index
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _as_strong(types[index - 1]) if index > 0 else sos
        after = _as_strong(types[end]) if end < len(types) else eos
        types[index:end] = [before if before == after else embedding] * (end - index)  # N1, N2
        index = end


def _as_strong(kind: str) -> str:
    return "R" if kind in ("R", "EN", "AN") else kind


def _reset_trailing(classes: list[str], levels: list[int], base: int) -> None:
    """L1: separators, and white space before them or at the end, go back to the paragraph level."""
    index = len(classes) - 1
    reset = True
    while index >= 0:
        kind = classes[index]
        if kind in ("S", "B"):
            levels[index] = base
            reset = True
        elif reset and kind in _TRAILING:
            levels[index] = base
        else:
            reset = False
        index -= 1


def visual_order(levels: list[int]) -> list[int]:
    """L2: the indices of runs (or characters) with these levels, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    lowest = min(odd)
    for level in range(max(levels), lowest - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return order
