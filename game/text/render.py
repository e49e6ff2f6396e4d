"""Fonts, cached layouts and drawing.

Layer: game/text. `TextRenderer` owns the bundled fonts, lays text out
(`layout`), caches layouts, run widths and rendered runs, draws layouts,
and records what it drew, so autoplay can fail on text that overflowed its
box or still shows a `{placeholder}`. Scenes call only this class.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pygame

from .fonts import BASE_FAMILY, DYSLEXIA_FAMILY, FontSet
from .layout import LaidLine, TextLayout, TextStyle, lay_out
from .scripts import is_simple, language_direction, language_script

# Characters whose ink reaches furthest above and below the baseline in each
# script's font: a line holding that script is made tall enough for them.
INK_SAMPLES = {"Thai": "\u0e1b\u0e31\u0e49\u0e1f\u0e37\u0e49\u0e0e\u0e38\u0e0d\u0e39",  # ปั้ฟื้ฎุญู
               "Khmr": "\u179f\u17d2\u178f\u17d2\u179a\u17b8\u1781\u17d2\u1789\u17bb\u17c6",  # ស្ត្រី ខ្ញុំ
               "Beng": "\u09b0\u09cd\u0995\u09c3\u0995\u09cd\u09b7\u09cd\u09ae\u0982\u09dc\u09c1",
               "Deva": "\u0930\u094d\u0915\u093f\u0939\u0943\u0939\u094d\u0930\u0942",
               "Arab": "\u0623\u0644\u0651\u0625\u0650\u064a\u062c"}  # ألّإِيج: one mark per letter, as most text has


@dataclass(frozen=True)
class Overflow:
    text: str
    box: tuple[int, int, int, int]
    needed_height: int


class TextRenderer:
    def __init__(self, fonts_dir: Path, cache_size: int = 300):
        self.fonts_dir = fonts_dir
        self.fonts = FontSet(fonts_dir)
        self._layouts: OrderedDict = OrderedDict()
        self._surfaces: OrderedDict = OrderedDict()
        self._widths: dict[tuple, int] = {}
        self._boxes: dict[tuple[str, int, bool], tuple[int, int]] = {}
        self.cache_size = cache_size
        self.language = ""  # tailors line breaking; its script sets the least line height
        self.direction = 0  # of paragraphs without a strong letter: 0 left to right, 1 right to left
        self.overflows: list[Overflow] = []
        self.drawn: list[str] = []  # every line drawn since the last `reset_record` (the newest few thousand)
        self.heard: list[str] | None = None  # while a list: every whole text drawn in a box (what a scene shows)

    # Fonts and metrics ------------------------------------------------------------------

    def font(self, style: TextStyle) -> pygame.font.Font:
        """The base font of `style` (Latin: Noto Sans, or OpenDyslexic if chosen);
        measure labels with `measure`, which shapes any script and finds fallbacks."""
        return self.fonts.prepared(self.fonts.base_file(style.bold), style.size)

    def set_language(self, language: str, rtl: bool | None = None) -> None:
        """Tell the renderer the language on screen ("th", "ar", ...): ICU's
        tailoring, the direction of paragraphs with no letters, and line heights
        tall enough for the language's script everywhere, so every line of a
        screen keeps one rhythm and `line_height(style)` fits its text."""
        direction = int(language_direction(language) if rtl is None else rtl)
        if (language, direction) != (self.language, self.direction):
            self.language, self.direction = language, direction
            self._layouts.clear()

    def set_reading_font(self, dyslexia_friendly: bool) -> bool:
        """Draw Latin text (and any script without a Noto font of its own) in
        OpenDyslexic if `dyslexia_friendly`, else in Noto Sans, the default.
        Noto Sans still draws what OpenDyslexic lacks, and Thai, Khmer, Bengali,
        Devanagari and Arabic keep their Noto fonts. Call it with the player's
        setting before the first frame and whenever the setting changes, then
        lay the screen out again: OpenDyslexic is wider and its lines taller,
        and the layouts and line heights of the other font are dropped here.
        True if OpenDyslexic is in use; False if it was not asked for, or its
        files are missing (Noto Sans then, no error)."""
        before = self.fonts.base_family
        in_use = self.fonts.use_base_family(DYSLEXIA_FAMILY if dyslexia_friendly else BASE_FAMILY)
        if self.fonts.base_family != before:
            # Rendered runs and run widths are keyed by font file: they stay right and are kept.
            self._layouts.clear()
            self._boxes.clear()
        return in_use and dyslexia_friendly

    def line_height(self, style: TextStyle, text: str = "") -> int:
        """The height of one line of `style` in the current language; of `text`, if given."""
        if text:
            return self.layout(text, style, 1 << 20).line_height
        return sum(self._line_box(style, language_script(self.language)))

    def measure(self, text: str, style: TextStyle) -> int:
        """The width of `text` on one line, shaped like any text (`font(style).size(text)[0]` for Latin)."""
        if is_simple(text) and self.fonts.base_has_all(text):
            return self.font(style).size(text)[0]
        return self.layout(text, style, 1 << 20).width

    def _base_box(self, style: TextStyle) -> tuple[int, int]:
        font = self.font(style)
        return font.get_ascent(), font.get_linesize() - font.get_ascent()

    def _line_box(self, style: TextStyle, script: str) -> tuple[int, int]:
        """(above, below) the baseline for lines holding `script`: the base font's
        own metrics (OpenDyslexic's are a third taller than Noto Sans's), grown
        to the ink of the script's tallest and deepest marks."""
        ascent, descent = self._base_box(style)
        sample = INK_SAMPLES.get(script)
        if sample is None:
            return ascent, descent
        key = (script, style.size, style.bold)
        box = self._boxes.get(key)
        if box is None:
            file = self.fonts.face_for(script, sample[0], style.bold)
            surface, baseline = self._render_run(sample, file, style.size, script, script == "Arab", (0, 0, 0))
            ink = surface.get_bounding_rect()
            pad = max(1, style.size // 12)
            box = self._boxes[key] = (max(ascent, baseline - ink.top + pad), max(descent, ink.bottom - baseline + pad))
        return box

    # Layout ---------------------------------------------------------------------------------

    def layout(self, text: str, style: TextStyle, max_width: int) -> TextLayout:
        key = (text, style, max_width)
        layout = self._layouts.get(key)
        if layout is None:
            lines = lay_out(text, style, max(max_width, 1), self, self.direction, self.language)
            scripts = {run.script for line in lines for run in line.runs} | {language_script(self.language)}
            boxes = [self._line_box(style, script) for script in scripts]
            above, below = max(box[0] for box in boxes), max(box[1] for box in boxes)
            layout = TextLayout(tuple(lines), above + below, max_width, above)
            self._remember(self._layouts, key, layout)
        return layout

    # The `Shaper` that `lay_out` asks.
    def base_file(self, bold: bool) -> str:
        return self.fonts.base_file(bold)

    def base_has_all(self, text: str) -> bool:
        return self.fonts.base_has_all(text)

    def face_for(self, script: str, char: str, bold: bool) -> str:
        return self.fonts.face_for(script, char, bold)

    def plain_size(self, file: str, size: int):
        """`Font.size` of a font set up for Latin text (for one layout: nothing else changes it meanwhile)."""
        return self.fonts.prepared(file, size).size

    def measure_run(self, text: str, file: str, size: int, script: str, rtl: bool) -> int:
        key = (text, file, size, script, rtl)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 20 * self.cache_size:
                self._widths.clear()
            width = self._widths[key] = self.fonts.prepared(file, size, script, rtl).size(text)[0]
        return width

    # Drawing --------------------------------------------------------------------------------

    def _remember(self, cache: OrderedDict, key, value) -> None:
        cache[key] = value
        if len(cache) > self.cache_size:
            cache.popitem(last=False)

    def _render_run(self, text: str, file: str, size: int, script: str, rtl: bool, colour) -> tuple[pygame.Surface, int]:
        """The run drawn by HarfBuzz and SDL_ttf, and where its baseline is in the picture."""
        font = self.fonts.prepared(file, size, script, rtl)
        surface = font.render(text, True, colour)
        baseline = font.get_ascent()
        extra = surface.get_height() - font.get_height()
        if extra > 0 and surface.get_bounding_rect().top == 0:  # SDL_ttf grew the picture upwards for tall marks
            baseline += extra
        return surface, baseline

    def _line_pieces(self, line: LaidLine, style: TextStyle, colour) -> list[tuple[pygame.Surface, int, int]]:
        """The line's runs rendered, each with its x and its baseline."""
        key = (line.text, line.runs, style.size, tuple(colour))
        pieces = self._surfaces.get(key)
        if pieces is None:
            pieces, x = [], 0
            for run in line.runs:
                if not run.width:  # only invisible characters (ZWSP, RLM): SDL_ttf refuses to draw them
                    continue
                surface, baseline = self._render_run(run.text, run.font, style.size, run.script, run.rtl, colour)
                pieces.append((surface, x, baseline))
                x += run.width
            self._remember(self._surfaces, key, pieces)
        else:
            self._surfaces.move_to_end(key)
        return pieces

    def draw(self, surface: pygame.Surface, layout: TextLayout, style: TextStyle, colour,
             x: int, y: int, align: str = "left", clip: pygame.Rect | None = None) -> None:
        """Draw `layout` at (x, y). `align`: "start" and "end" follow each paragraph's
        direction; "left" is "start" (an Arabic paragraph is right-aligned);
        "center" centres; "right" is always right, "flush-left" always left."""
        base_box = self._base_box(style)
        core = min(layout.line_height, sum(base_box))  # a line is drawn if this much of it fits the clip
        baseline_y = layout.baseline or base_box[0]
        for number, line in enumerate(layout.lines):
            if not line.text:
                continue
            self.drawn.append(line.text)
            if len(self.drawn) > 4000:  # nobody reset the record (a long session): keep it small
                del self.drawn[:2000]
            top = y + number * layout.line_height
            if clip is not None and top + core > clip.bottom + 1:
                break
            left = x + _offset(line, layout.max_width, align)
            for picture, dx, baseline in self._line_pieces(line, style, colour):
                surface.blit(picture, (left + dx, top + baseline_y - baseline))

    def draw_in_box(self, surface: pygame.Surface, text: str, style: TextStyle, colour, box: pygame.Rect,
                    align: str = "left", valign: str = "top") -> TextLayout:
        """Lay out and draw `text` inside `box`; record an overflow if it does not fit."""
        layout = self.layout(text, style, box.width)
        if layout.height > box.height or layout.width > box.width:
            self.overflows.append(Overflow(text, tuple(box), layout.height))
            if len(self.overflows) > 1000:
                del self.overflows[:500]
        if self.heard is not None:
            self.heard.append(text)
        y = box.y
        if valign == "middle":
            y = box.y + max((box.height - layout.height) // 2, 0)
        self.draw(surface, layout, style, colour, box.x, y, align, clip=box)
        return layout

    def reset_record(self) -> None:
        self.overflows.clear()
        self.drawn.clear()


def _offset(line: LaidLine, max_width: int, align: str) -> int:
    if align == "center":
        return (max_width - line.width) // 2
    if align == "flush-left":  # the left edge whatever the direction (a name over a bubble on the left)
        return 0
    to_right = align == "right" or (align in ("left", "start") and line.rtl) or (align == "end" and not line.rtl)
    return max_width - line.width if to_right else 0
