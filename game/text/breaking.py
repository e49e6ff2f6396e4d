"""Where a line may break, and where a word may be cut when it must.

Layer: game/text (pure Python, no pygame). Break opportunities follow
Unicode's line breaking rules (UAX #14) through ICU (`icu4py`), whose
dictionaries also find the word boundaries of Thai, Lao, Khmer and Burmese,
which put no spaces between words. Plain Latin text (`scripts.is_simple`)
takes a fast path in pure Python that gives ICU's answer for prose (the
tests compare the two on generated sentences), so an English game never
loads ICU (about 8 ms cold); in URLs and runs of symbols it allows fewer
breaks than ICU, and it keeps an emoticon such as ":(" whole. A word wider
than its line is cut between grapheme clusters, never inside one: a letter
keeps its combining marks, a Thai consonant its vowels and tone marks, a
Bengali or Khmer conjunct stays whole.
Without icu4py, text breaks as plain Latin does and a message says so once.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

# Never a break before these, even after spaces (UAX #14 LB13), nor before
# the quotes, hyphens and ellipsis in the second set when no space precedes.
_NEVER_BEFORE = frozenset(")]}!?,.:;/")
_NOT_BEFORE = _NEVER_BEFORE | frozenset("-|\u2013\u2010\u00ad\u2026\"'\u2018\u2019\u201c\u201d\u00ab\u00bb")
_BREAK_AFTER = frozenset("!?}|\u2013\u2010\u00ad\u2026\u2014")  # EX, CL, BA, IN, B2
_AFTER_SPACES = re.compile(" +(?=[^ )\\]}!?,.:;/])")
_SPECIAL = frozenset("-/!?}|\u2013\u2010\u00ad\u2026\u2014")
_CANDIDATES = re.compile("[ \\-/!?}|\u2013\u2010\u00ad\u2026\u2014]|.(?=\u2014)", re.DOTALL)
_OPENERS = frozenset("([{\u00a1\u00bf\"'\u2018\u2019\u201c\u201d\u00ab\u00bb")  # OP and QU: no break after

_JOINERS = frozenset("\u17d2\u1039\u200d")  # Khmer coeng, Myanmar virama, ZWJ: the next letter joins the cluster
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")  # Thai, Lao: written first
_VIRAMAS = frozenset("\u094d\u09cd")  # Devanagari, Bengali: a virama and the next consonant make a conjunct

_warned = False


def fast_breaks(text: str) -> list[int]:
    """The ends of the line-break segments of plain Latin text (the last is len(text))."""
    if _SPECIAL.isdisjoint(text):  # the usual sentence: only spaces to break at
        ends = [match.end() for match in _AFTER_SPACES.finditer(text)]
        ends.append(len(text))
        return ends
    ends = []
    last = len(text) - 1
    for match in _CANDIDATES.finditer(text):  # only where a rule can allow a break
        index = match.start()
        if index == last:
            break
        char, after = text[index], text[index + 1]
        if after == " ":
            continue
        if char == " ":
            if after not in _NEVER_BEFORE:
                ends.append(index + 1)
        elif after in _NOT_BEFORE:
            continue
        elif char == "-":  # HY: inside a word (child-protection), not before a digit (x-1) nor at a word's start
            if index > 0 and text[index - 1] != " " and not after.isdigit():
                ends.append(index + 1)
        elif char == "/":  # SY: after a word (and/or, https://www), never inside a number (24/7)
            before = text[index - 1] if index else " "
            if (after.isalnum() and before.isalpha()) or (after.isalpha() and before == "/"):
                ends.append(index + 1)
        elif char in _BREAK_AFTER or (after == "\u2014" and char not in _OPENERS):
            ends.append(index + 1)
    ends.append(len(text))
    return ends


def line_breaks(text: str, simple: bool, language: str = "") -> list[int]:
    """The ends of the segments between which `text` (one paragraph) may break."""
    if not text:
        return [0]
    breaker = None if simple else _icu_breakers()
    if breaker is None:
        return fast_breaks(text)
    return _ends(breaker[0](text, _locale(language)))


def clusters(text: str, language: str = "") -> list[int]:
    """The ends of the grapheme clusters of `text`, with the few joins that
    rendering needs beyond UAX #29 (a Khmer coeng, a Thai leading vowel)."""
    if not text:
        return []
    breaker = _icu_breakers() if not text.isascii() else None
    if breaker is None:
        ends = [index + 1 for index in range(len(text) - 1) if not _joined(text[index], text[index + 1])]
        ends.append(len(text))
        return ends
    ends = _ends(breaker[1](text, _locale(language)))
    return [end for end in ends if end == len(text) or not _joined(text[end - 1], text[end])]


def _joined(char: str, after: str) -> bool:
    from unicodedata import category  # here: plain Latin text never cuts clusters this way
    if after in ("\u200c", "\u200d") or category(after) in ("Mn", "Mc", "Me"):
        return True
    if char in _JOINERS or char in _LEADING_VOWELS:
        return True
    return char in _VIRAMAS and category(after) == "Lo"


def _ends(segments) -> list[int]:
    # Iterate the strings: `segments()` counts UTF-16 units, which differ from Python's indices beyond the BMP.
    ends, position = [], 0
    for segment in segments:
        position += len(segment)
        ends.append(position)
    return ends


@lru_cache(maxsize=1)
def _icu_breakers():
    """(LineBreaker, CharacterBreaker) from icu4py, or None if it cannot be loaded."""
    global _warned
    try:
        from icu4py.breakers import CharacterBreaker, LineBreaker
    except ImportError as exc:  # a missing wheel: plain breaking, never a crash
        if not _warned:
            _warned = True
            sys.stderr.write(f"together-online: icu4py is not available ({exc}); Thai, Lao, Khmer and Burmese "
                             "text will break only at spaces\n")
        return None
    return LineBreaker, CharacterBreaker


@lru_cache(maxsize=16)
def _locale(language: str):
    from icu4py.locale import Locale

    return Locale(language or "und")


def icu_available() -> bool:
    return _icu_breakers() is not None
