"""Fonts, cached layouts and drawing.

Layer: game/text. `TextRenderer` owns the bundled fonts, caches layouts and
rendered lines, and records what it drew, so autoplay can fail on text that
overflowed its box or still shows a `{placeholder}`.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pygame

from .layout import TextLayout, TextStyle, break_lines

FONT_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}


@dataclass(frozen=True)
class Overflow:
    text: str
    box: tuple[int, int, int, int]
    needed_height: int


class TextRenderer:
    def __init__(self, fonts_dir: Path, cache_size: int = 300):
        self.fonts_dir = fonts_dir
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._layouts: OrderedDict = OrderedDict()
        self._surfaces: OrderedDict = OrderedDict()
        self.cache_size = cache_size
        self.overflows: list[Overflow] = []
        self.drawn: list[str] = []  # every string drawn since the last `reset_record`

    def font(self, style: TextStyle) -> pygame.font.Font:
        key = (style.size, style.bold)
        font = self._fonts.get(key)
        if font is None:
            path = self.fonts_dir / FONT_FILES[style.bold]
            try:
                font = pygame.font.Font(path, style.size)
            except (FileNotFoundError, OSError):  # a missing font: the default one, never a crash
                font = pygame.font.Font(None, style.size)
            self._fonts[key] = font
        return font

    def line_height(self, style: TextStyle) -> int:
        return self.font(style).get_linesize()

    def layout(self, text: str, style: TextStyle, max_width: int) -> TextLayout:
        key = (text, style, max_width)
        layout = self._layouts.get(key)
        if layout is None:
            font = self.font(style)
            lines = break_lines(text, lambda s: font.size(s)[0], max(max_width, 1))
            layout = TextLayout(tuple(lines), font.get_linesize(), max_width)
            self._remember(self._layouts, key, layout)
        return layout

    def _remember(self, cache: OrderedDict, key, value) -> None:
        cache[key] = value
        if len(cache) > self.cache_size:
            cache.popitem(last=False)

    def _line_surface(self, text: str, style: TextStyle, colour) -> pygame.Surface:
        key = (text, style, tuple(colour))
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self.font(style).render(text, True, colour)
            self._remember(self._surfaces, key, surface)
        else:
            self._surfaces.move_to_end(key)
        return surface

    def draw(self, surface: pygame.Surface, layout: TextLayout, style: TextStyle, colour,
             x: int, y: int, align: str = "left", clip: pygame.Rect | None = None) -> None:
        for number, line in enumerate(layout.lines):
            if not line.text:
                continue
            self.drawn.append(line.text)
            rendered = self._line_surface(line.text, style, colour)
            left = x
            if align == "center":
                left = x + (layout.max_width - line.width) // 2
            elif align == "right":
                left = x + layout.max_width - line.width
            top = y + number * layout.line_height
            if clip is not None and top + layout.line_height > clip.bottom + 1:
                break
            surface.blit(rendered, (left, top))

    def draw_in_box(self, surface: pygame.Surface, text: str, style: TextStyle, colour, box: pygame.Rect,
                    align: str = "left", valign: str = "top") -> TextLayout:
        """Lay out and draw `text` inside `box`; record an overflow if it does not fit."""
        layout = self.layout(text, style, box.width)
        if layout.height > box.height or layout.width > box.width:
            self.overflows.append(Overflow(text, tuple(box), layout.height))
        y = box.y
        if valign == "middle":
            y = box.y + max((box.height - layout.height) // 2, 0)
        self.draw(surface, layout, style, colour, box.x, y, align, clip=box)
        return layout

    def reset_record(self) -> None:
        self.overflows.clear()
        self.drawn.clear()
