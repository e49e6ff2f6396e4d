"""The bundled fonts: which file draws which script, which characters each
file has, and pygame fonts set up for HarfBuzz to shape one run.

Layer: game/text. The fallback chain for a character is its script's own
Noto font, then the base family, then Noto Sans (Latin, Greek, Cyrillic,
punctuation), then any other bundled font that has the character. The base
family draws Latin and every script without a font of its own: Noto Sans,
or OpenDyslexic for readers who ask for it (`FontSet.use_base_family`).
Coverage comes from each file's `cmap` table, read once with the standard
library from TrueType/OpenType or WOFF 1.0 files (pygame cannot say whether
a font has a glyph: it draws a box instead). A pygame `Font` keeps one
script and direction at a time, so `FontSet.prepared` sets both before
every measurement or rendering of a run.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pygame

from .scripts import LATIN, SIMPLE_CHARACTERS, shaping_script

BASE_FAMILY = "NotoSans"
DYSLEXIA_FAMILY = "OpenDyslexic"  # optional base family, bundled as the unmodified WOFF files of its release
# Families drawn smaller than the asked size, so their lines are as tall as Noto Sans's: OpenDyslexic's
# letters are large, tall and widely spaced (at the same size its lines are a third taller and its words
# half as wide again), so at 0.78 its letters are still as large as Noto's and text reflows about as much.
SIZE_ADJUST = {DYSLEXIA_FAMILY: 0.78}
SCRIPT_FAMILIES = {"Thai": "NotoSansThai", "Khmr": "NotoSansKhmer", "Beng": "NotoSansBengali",
                   "Deva": "NotoSansDevanagari", "Arab": "NotoSansArabic"}
EXTENSIONS = {DYSLEXIA_FAMILY: "woff"}  # any other family: "ttf"

_SFNT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true")


def font_file(family: str, bold: bool) -> str:
    return f"{family}-{'Bold' if bold else 'Regular'}.{EXTENSIONS.get(family, 'ttf')}"


def read_coverage(path: Path) -> frozenset[int]:
    """The code points a font file maps to a glyph (cmap formats 4 and 12), from
    a TrueType/OpenType file or a WOFF 1.0 one. Empty, never an error, for a
    missing or broken file or another kind (WOFF2, font collections)."""
    try:
        return _cmap_coverage(_table(path.read_bytes(), b"cmap"))
    except (OSError, KeyError, ValueError, struct.error, zlib.error):
        return frozenset()


def _table(data: bytes, tag: bytes) -> bytes:
    """The table `tag` of an sfnt file, or of a WOFF 1.0 file (inflated where it is compressed)."""
    if data[:4] == b"wOFF":
        for n in range(struct.unpack(">H", data[12:14])[0]):
            entry = 44 + 20 * n  # after the 44-byte header: tag, offset, compLength, origLength, origChecksum
            if data[entry:entry + 4] == tag:
                offset, packed, size = struct.unpack(">III", data[entry + 4:entry + 16])
                table = data[offset:offset + packed]
                if packed < size:
                    table = zlib.decompressobj().decompress(table, size)
                if len(table) != size:
                    raise ValueError(f"the {tag!r} table is truncated")
                return table
    elif data[:4] in _SFNT_SIGNATURES:
        for n in range(struct.unpack(">H", data[4:6])[0]):
            entry = 12 + 16 * n  # tag, checksum, offset, length
            if data[entry:entry + 4] == tag:
                offset, size = struct.unpack(">II", data[entry + 8:entry + 16])
                return data[offset:offset + size]
    raise KeyError(tag)


def _cmap_coverage(cmap: bytes) -> frozenset[int]:
    subtables = {}
    for n in range(struct.unpack(">H", cmap[2:4])[0]):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * n:12 + 8 * n])
        subtables[(platform, encoding)] = offset
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
        offset = subtables.get(key)
        if offset is not None:
            kind = struct.unpack(">H", cmap[offset:offset + 2])[0]
            if kind == 12:
                return _format_12(cmap, offset)
            if kind == 4:
                return _format_4(cmap, offset)
    return frozenset()


def _format_12(data: bytes, offset: int) -> frozenset[int]:
    groups = struct.unpack(">I", data[offset + 12:offset + 16])[0]
    points: set[int] = set()
    for n in range(groups):
        first, last, _ = struct.unpack(">III", data[offset + 16 + 12 * n:offset + 28 + 12 * n])
        points.update(range(first, min(last, 0x10FFFF) + 1))
    return frozenset(points)


def _format_4(data: bytes, offset: int) -> frozenset[int]:
    segments = struct.unpack(">H", data[offset + 6:offset + 8])[0] // 2
    ends = struct.unpack(f">{segments}H", data[offset + 14:offset + 14 + 2 * segments])
    base = offset + 16 + 2 * segments
    starts = struct.unpack(f">{segments}H", data[base:base + 2 * segments])
    deltas = struct.unpack(f">{segments}h", data[base + 2 * segments:base + 4 * segments])
    ranges_at = base + 4 * segments
    range_offsets = struct.unpack(f">{segments}H", data[ranges_at:ranges_at + 2 * segments])
    points: set[int] = set()
    for n in range(segments):
        for point in range(starts[n], min(ends[n], 0xFFFE) + 1):
            if range_offsets[n] == 0:
                glyph = (point + deltas[n]) & 0xFFFF
            else:
                at = ranges_at + 2 * n + range_offsets[n] + 2 * (point - starts[n])
                glyph = struct.unpack(">H", data[at:at + 2])[0]
                glyph = (glyph + deltas[n]) & 0xFFFF if glyph else 0
            if glyph:
                points.add(point)
    return frozenset(points)


class FontSet:
    """The bundled fonts of one folder: coverage, the fallback chain, the base
    family, and pygame `Font` objects by (file, size)."""

    def __init__(self, fonts_dir: Path):
        self.fonts_dir = fonts_dir
        self.base_family = BASE_FAMILY  # draws Latin and the scripts without a font of their own
        self._coverage: dict[str, frozenset[int]] = {}
        self._chosen: dict[tuple[str, int, bool], str] = {}  # depends on the base family
        self._simple_gaps: dict[str, frozenset[str]] = {}  # by family
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._set_up: dict[tuple[str, int], tuple[str, bool]] = {}  # each font's current script and direction

    def coverage(self, file: str) -> frozenset[int]:
        coverage = self._coverage.get(file)
        if coverage is None:
            # Regular and Bold of one family map the same characters: read one file for both.
            coverage = read_coverage(self.fonts_dir / file.replace("-Bold.", "-Regular."))
            if 0x20 in coverage:  # HarfBuzz draws a no-break space a font lacks (OpenDyslexic) as its space
                coverage |= {0xA0}
            self._coverage[file] = coverage
        return coverage

    def covers(self, file: str, point: int) -> bool:
        return point in self.coverage(file)

    def use_base_family(self, family: str) -> bool:
        """Make `family` the base family (`BASE_FAMILY` or `DYSLEXIA_FAMILY`); Noto
        Sans stays next in the chain for the characters it lacks. A family whose
        Regular or Bold file is missing or unreadable is refused, silently, and
        Noto Sans is the base. True if `family` is the base now."""
        usable = family == BASE_FAMILY or (
            all((self.fonts_dir / font_file(family, bold)).is_file() for bold in (False, True))
            and bool(self.coverage(font_file(family, False))))
        chosen = family if usable else BASE_FAMILY
        if chosen != self.base_family:
            self.base_family = chosen
            self._chosen.clear()
        return usable

    def face_for(self, script: str, char: str, bold: bool) -> str:
        """The file that draws `char` in a run of `script`: the first of the chain that has it."""
        key = (script, ord(char), bold)
        chosen = self._chosen.get(key)
        if chosen is None:
            own = SCRIPT_FAMILIES.get(script, self.base_family)
            chain = [own, self.base_family, BASE_FAMILY, *SCRIPT_FAMILIES.values()]
            chosen = next((font_file(family, bold) for family in chain if self.covers(font_file(family, bold), key[1])),
                          font_file(own, bold))
            self._chosen[key] = chosen
        return chosen

    def base_file(self, bold: bool) -> str:
        return font_file(self.base_family, bold)

    def base_has_all(self, text: str) -> bool:
        """True when the base family has every character of `text`, a text that
        `is_simple` (so the fast path may draw it as one base-font run). Noto
        Sans has them all; OpenDyslexic lacks a few (Esperanto's ĉ ĝ ŭ Ĥ Ĵ, and
        rare letters of Latin Extended-B)."""
        gaps = self._simple_gaps.get(self.base_family)
        if gaps is None:
            coverage = self.coverage(font_file(self.base_family, False))
            # An unreadable cmap says nothing: the fast path draws as it always did.
            gaps = frozenset(char for char in SIMPLE_CHARACTERS if ord(char) not in coverage) if coverage else frozenset()
            self._simple_gaps[self.base_family] = gaps
        return gaps.isdisjoint(text)

    def font(self, file: str, size: int) -> pygame.font.Font:
        key = (file, size)
        font = self._fonts.get(key)
        if font is None:
            adjust = SIZE_ADJUST.get(file.split("-")[0], 1.0)
            try:
                font = pygame.font.Font(self.fonts_dir / file, max(round(size * adjust), 1))
            except (FileNotFoundError, OSError):  # a missing font: pygame's default one, never a crash
                font = pygame.font.Font(None, size)
            self._fonts[key] = font
        return font

    def prepared(self, file: str, size: int, script: str = LATIN, rtl: bool = False) -> pygame.font.Font:
        """The font of `file` at `size`, set to shape a run of `script` in one direction."""
        font = self.font(file, size)
        wanted = (shaping_script(script), rtl)
        if self._set_up.get((file, size)) != wanted:
            font.set_script(wanted[0])
            font.set_direction(pygame.DIRECTION_RTL if rtl else pygame.DIRECTION_LTR)
            self._set_up[(file, size)] = wanted
        return font
