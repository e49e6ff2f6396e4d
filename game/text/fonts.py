"""The bundled fonts: which file draws which script, which characters each
file has, and pygame fonts set up for HarfBuzz to shape one run.

Layer: game/text. The fallback chain for a character is its script's own
Noto font, then Noto Sans (Latin, Greek, Cyrillic, punctuation), then any
other bundled font that has the character. Coverage comes from each file's
`cmap` table, read once with the standard library (pygame cannot say
whether a font has a glyph: it draws a box instead). A pygame `Font` keeps
one script and direction at a time, so `FontSet.prepared` sets both before
every measurement or rendering of a run.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pygame

from .scripts import LATIN, shaping_script

BASE_FAMILY = "NotoSans"
SCRIPT_FAMILIES = {"Thai": "NotoSansThai", "Khmr": "NotoSansKhmer", "Beng": "NotoSansBengali",
                   "Deva": "NotoSansDevanagari", "Arab": "NotoSansArabic"}


def font_file(family: str, bold: bool) -> str:
    return f"{family}-{'Bold' if bold else 'Regular'}.ttf"


def read_coverage(path: Path) -> frozenset[int]:
    """The code points a TrueType/OpenType file maps to a glyph (cmap formats 4 and 12)."""
    try:
        data = path.read_bytes()
        tables = {data[12 + 16 * n:16 + 16 * n]: struct.unpack(">II", data[20 + 16 * n:28 + 16 * n])
                  for n in range(struct.unpack(">H", data[4:6])[0])}
        start, _ = tables[b"cmap"]
        count = struct.unpack(">H", data[start + 2:start + 4])[0]
        subtables = {}
        for n in range(count):
            platform, encoding, offset = struct.unpack(">HHI", data[start + 4 + 8 * n:start + 12 + 8 * n])
            subtables[(platform, encoding)] = start + offset
    except (OSError, KeyError, struct.error):
        return frozenset()
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
        offset = subtables.get(key)
        if offset is not None:
            kind = struct.unpack(">H", data[offset:offset + 2])[0]
            if kind == 12:
                return _format_12(data, offset)
            if kind == 4:
                return _format_4(data, offset)
    return frozenset()


def _format_12(data: bytes, offset: int) -> frozenset[int]:
    groups = struct.unpack(">I", data[offset + 12:offset + 16])[0]
    points: set[int] = set()
    for n in range(groups):
        first, last, _ = struct.unpack(">III", data[offset + 16 + 12 * n:offset + 28 + 12 * n])
        points.update(range(first, last + 1))
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
    """The bundled fonts of one folder: coverage, the fallback chain, and
    pygame `Font` objects by (file, size)."""

    def __init__(self, fonts_dir: Path):
        self.fonts_dir = fonts_dir
        self._coverage: dict[str, frozenset[int]] = {}
        self._chosen: dict[tuple[str, int, bool], str] = {}
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._set_up: dict[tuple[str, int], tuple[str, bool]] = {}  # each font's current script and direction

    def covers(self, file: str, point: int) -> bool:
        coverage = self._coverage.get(file)
        if coverage is None:
            # Regular and Bold of one family map the same characters: read one file for both.
            coverage = self._coverage[file] = read_coverage(self.fonts_dir / file.replace("-Bold.", "-Regular."))
        return point in coverage

    def face_for(self, script: str, char: str, bold: bool) -> str:
        """The file that draws `char` in a run of `script`: the first of the chain that has it."""
        key = (script, ord(char), bold)
        chosen = self._chosen.get(key)
        if chosen is None:
            own = SCRIPT_FAMILIES.get(script, BASE_FAMILY)
            chain = [own, BASE_FAMILY, *SCRIPT_FAMILIES.values()]
            chosen = next((font_file(family, bold) for family in chain if self.covers(font_file(family, bold), key[1])),
                          font_file(own, bold))
            self._chosen[key] = chosen
        return chosen

    def base_file(self, bold: bool) -> str:
        return font_file(BASE_FAMILY, bold)

    def font(self, file: str, size: int) -> pygame.font.Font:
        key = (file, size)
        font = self._fonts.get(key)
        if font is None:
            try:
                font = pygame.font.Font(self.fonts_dir / file, size)
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
