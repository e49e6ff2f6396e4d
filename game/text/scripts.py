"""Which writing system a character belongs to, for choosing fonts and shaping.

Layer: game/text (pure Python, no pygame). Codes are ISO 15924, as HarfBuzz
and `pygame.font.Font.set_script` take them. Only the scripts the game cares
about are told apart; every other letter counts as Latin, which Noto Sans
draws (Latin, Greek and Cyrillic) or shows as a missing glyph. Common
characters (spaces, digits, punctuation) and combining marks take the script
of the text around them (UAX #24's script extensions, simplified), so a
Thai sentence with a comma stays one shaping run.
"""

from __future__ import annotations

from bisect import bisect_right

LATIN, COMMON, INHERITED = "Latn", "Zyyy", "Zinh"

# Scripts whose text HarfBuzz must be told about (`set_script`) to be drawn right.
SHAPED = frozenset({"Thai", "Khmr", "Beng", "Deva", "Arab", "Laoo", "Mymr", "Grek", "Cyrl", "Hebr"})

# (first, last, script), sorted; anything not listed is Latin.
_RANGES = sorted([
    (0x0000, 0x0040, COMMON), (0x005B, 0x0060, COMMON), (0x007B, 0x00BF, COMMON),
    (0x00D7, 0x00D7, COMMON), (0x00F7, 0x00F7, COMMON), (0x02B9, 0x02FF, COMMON),
    (0x0300, 0x036F, INHERITED),
    (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, "Cyrl"), (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"), (0x0870, 0x08FF, "Arab"),
    (0x0900, 0x0963, "Deva"), (0x0964, 0x0965, COMMON), (0x0966, 0x097F, "Deva"),
    (0x0980, 0x09FF, "Beng"),
    (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Laoo"),
    (0x1000, 0x109F, "Mymr"), (0x1780, 0x17FF, "Khmr"), (0x19E0, 0x19FF, "Khmr"),
    (0x1AB0, 0x1AFF, INHERITED), (0x1DC0, 0x1DFF, INHERITED),
    (0x1F00, 0x1FFF, "Grek"),
    (0x2000, 0x200B, COMMON), (0x200C, 0x200D, INHERITED), (0x200E, 0x20CF, COMMON),
    (0x20D0, 0x20FF, INHERITED), (0x2100, 0x2BFF, COMMON), (0x2E00, 0x2E7F, COMMON),
    (0x3000, 0x303F, COMMON),
    (0xA8E0, 0xA8FF, "Deva"), (0xA9E0, 0xA9FF, "Mymr"), (0xAA60, 0xAA7F, "Mymr"),
    (0xFB1D, 0xFB4F, "Hebr"), (0xFB50, 0xFDFF, "Arab"),
    (0xFE00, 0xFE0F, INHERITED), (0xFE20, 0xFE2F, INHERITED), (0xFE70, 0xFEFF, "Arab"),
    (0xFF00, 0xFF20, COMMON), (0x1F000, 0x1FAFF, COMMON), (0xE0100, 0xE01EF, INHERITED),
])
_STARTS = [first for first, _, _ in _RANGES]

# Text the fast path lays out as it always was: one run of the base font, left
# to right, no shaping hints. Printable ASCII, Latin-1 letters and punctuation,
# Latin Extended-A/B, and the usual typographic punctuation.
SIMPLE_CHARACTERS = frozenset(map(chr, range(0x20, 0x7F))) | frozenset(map(chr, range(0xA0, 0x250))) | frozenset(
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac")


def script_of(char: str) -> str:
    """The script of one character: an ISO 15924 code, `Zyyy` or `Zinh`."""
    point = ord(char)
    if point < 0x80:  # the common case, without a search
        return LATIN if char.isalpha() else COMMON
    index = bisect_right(_STARTS, point) - 1
    if index >= 0:
        _, last, script = _RANGES[index]
        if point <= last:
            return script
    return LATIN


def is_simple(text: str) -> bool:
    """True when `text` needs no bidi, shaping hints or dictionary breaks."""
    if text.isascii():
        return text.isprintable()
    return SIMPLE_CHARACTERS.issuperset(text)


def resolve_scripts(scripts: list[str]) -> list[str]:
    """The script of every character (given `script_of` each), with common
    characters taking the script before them (or after them, at the start)
    and combining marks the script of their base."""
    scripts = list(scripts)
    last = None
    for index, script in enumerate(scripts):
        if script == INHERITED:
            scripts[index] = scripts[index - 1] if index else COMMON
        elif script == COMMON:
            if last is not None:
                scripts[index] = last
        else:
            last = script
    first = next((script for script in scripts if script != COMMON), COMMON)
    for index, script in enumerate(scripts):
        if script != COMMON:
            break
        scripts[index] = first
    return scripts


def shaping_script(script: str) -> str:
    """The code to give HarfBuzz for a run of `script`."""
    return script if script in SHAPED else LATIN


# The script a language is written in, where it is not Latin, and the
# languages written right to left (by their ISO 639 code, before any region).
_LANGUAGE_SCRIPTS = {"th": "Thai", "lo": "Laoo", "my": "Mymr", "km": "Khmr", "bn": "Beng", "as": "Beng",
                     "hi": "Deva", "ne": "Deva", "mr": "Deva", "ar": "Arab", "fa": "Arab", "ur": "Arab",
                     "ps": "Arab", "he": "Hebr", "el": "Grek", "ru": "Cyrl", "uk": "Cyrl", "bg": "Cyrl"}
_RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "he", "yi", "sd", "ug", "dv", "ckb"})


def _base_language(language: str) -> str:
    return language.replace("-", "_").split("_")[0].lower()


def language_script(language: str) -> str:
    """The script of a language code such as "th" or "bn_BD" (Latin if unknown)."""
    return _LANGUAGE_SCRIPTS.get(_base_language(language), LATIN)


def language_direction(language: str) -> int:
    """1 if the language is written right to left, else 0."""
    return int(_base_language(language) in _RIGHT_TO_LEFT_LANGUAGES)
