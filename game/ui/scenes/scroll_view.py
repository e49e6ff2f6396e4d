"""A scrolling column of laid-out cards and texts, for overlays whose content
may be taller than the window (help lines at 200% text on a small screen).

Layer: game/ui. A scene builds `Item`s once per layout (each a list of
`Piece`s measured with the text renderer, so nothing is cut inside its box),
hands them to a `ScrollView`, and the view draws the visible part inside its
viewport with a scroll bar. Paging ("More"/"Back") snaps to the top of the
first item that did not fit whole, so a card is never shown cut at the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pygame

from .. import theme as T
from ..widgets import rounded, shadowed_panel

if TYPE_CHECKING:
    from ...text import TextRenderer, TextStyle
    from ..app import UI


@dataclass(frozen=True)
class Piece:
    """One thing to draw, relative to its item's top left corner."""

    kind: str                 # text | card | pill | outline
    rect: pygame.Rect
    text: str = ""
    style: TextStyle | None = None
    colour: tuple = T.INK
    align: str = "left"


@dataclass
class Item:
    height: int
    pieces: list[Piece] = field(default_factory=list)
    full_width: bool = True   # False: may share a row with the next card


class ItemBuilder:
    """Stacks texts and chips top to bottom inside an item of a given width."""

    def __init__(self, renderer: TextRenderer, width: int, pad: int = 0):
        self.renderer = renderer
        self.width = width
        self.pad = pad
        self.y = pad
        self.pieces: list[Piece] = []

    @property
    def inner_width(self) -> int:
        return max(self.width - 2 * self.pad, 1)

    def text(self, text: str, style: TextStyle, colour, gap: int = 0, align: str = "left", indent: int = 0) -> None:
        layout = self.renderer.layout(text, style, self.inner_width - indent)
        self.y += gap
        rect = pygame.Rect(self.pad + indent, self.y, self.inner_width - indent, layout.height)
        self.pieces.append(Piece("text", rect, text, style, colour, align))
        self.y += layout.height

    def chips(self, chips: list[tuple[str, tuple, bool]], style: TextStyle, gap: int, spacing: int) -> None:
        """Pills that flow left to right and wrap: (text, colour, outlined).
        A pill wider than the line wraps its own text."""
        if not chips:
            return
        self.y += gap
        line_h = self.renderer.line_height(style)
        pad_x, pad_y = max(line_h // 2, 6), max(line_h // 6, 3)
        x, row_h = 0, 0
        for text, colour, outlined in chips:
            width = self.renderer.measure(text, style) + 2 * pad_x
            width = min(width, self.inner_width)
            if x and x + width > self.inner_width:
                self.y += row_h + spacing
                x, row_h = 0, 0
            layout = self.renderer.layout(text, style, width - 2 * pad_x)
            height = layout.height + 2 * pad_y
            pill = pygame.Rect(self.pad + x, self.y, width, height)
            self.pieces.append(Piece("outline" if outlined else "pill", pill, colour=colour))
            self.pieces.append(Piece("text", pill.inflate(-2 * pad_x, -2 * pad_y), text, style, T.INK, "center"))
            x += width + spacing
            row_h = max(row_h, height)
        self.y += row_h

    def finish(self, card: tuple | None = None, full_width: bool = True) -> Item:
        height = self.y + self.pad
        pieces = list(self.pieces)
        if card is not None:
            pieces.insert(0, Piece("card", pygame.Rect(0, 0, self.width, height), colour=card))
        return Item(height, pieces, full_width)


def stretched(item: Item, height: int) -> Item:
    """Cards that share a row get the row's height, so the row looks even."""
    if not item.pieces or item.pieces[0].kind != "card" or item.height == height:
        return item
    card = item.pieces[0]
    return Item(height, [replace(card, rect=pygame.Rect(card.rect.x, card.rect.y, card.rect.width, height)),
                         *item.pieces[1:]], item.full_width)


class ScrollView:
    """Places items in rows (cards may share a row), scrolls and pages."""

    def __init__(self, background: tuple = T.PAPER):
        self.background = background  # the panel colour under the view, for the fades
        self.offset = 0
        self.viewport = pygame.Rect(0, 0, 1, 1)
        self.placed: list[tuple[int, int, Item]] = []   # x, y, item (relative to the content)
        self.rows: list[tuple[int, int]] = []            # top, bottom of each row
        self.content_height = 0
        self.line = 20

    def lay_out(self, items: list[Item], viewport: pygame.Rect, columns: int, gap: int, line: int) -> None:
        self.viewport = pygame.Rect(viewport)
        self.line = max(line, 1)
        self.placed, self.rows = [], []
        column_w = self.column_width(viewport.width, columns, gap)
        y, row = 0, []

        def flush() -> None:
            nonlocal y, row
            if row:
                height = max(item.height for item in row)
                for number, item in enumerate(row):
                    self.placed.append((number * (column_w + gap), y, stretched(item, height)))
                self.rows.append((y, y + height))
                y += height + gap
                row = []

        for item in items:
            if item.full_width:
                flush()
                row = [item]
                flush()
            else:
                row.append(item)
                if len(row) >= columns:
                    flush()
        flush()
        self.content_height = max(y - gap, 0)
        self.offset = min(self.offset, self.max_offset)

    @staticmethod
    def content_width(viewport_width: int, gap: int) -> int:
        """Room left of the scroll bar (the bar is only drawn when needed,
        but the width must not depend on it, or the layout would flip)."""
        return viewport_width - max(gap, 12) - 8

    @staticmethod
    def column_width(viewport_width: int, columns: int, gap: int) -> int:
        width = ScrollView.content_width(viewport_width, gap)
        return (width - gap * (columns - 1)) // max(columns, 1)

    # Scrolling -----------------------------------------------------------------

    @property
    def max_offset(self) -> int:
        return max(self.content_height - self.viewport.height, 0)

    @property
    def scrollable(self) -> bool:
        return self.max_offset > 0

    @property
    def at_top(self) -> bool:
        return self.offset <= 0

    @property
    def at_bottom(self) -> bool:
        return self.offset >= self.max_offset

    def scroll_to(self, offset: int) -> bool:
        new = max(0, min(int(offset), self.max_offset))
        changed = new != self.offset
        self.offset = new
        return changed

    def scroll_by(self, amount: int) -> bool:
        return self.scroll_to(self.offset + amount)

    def page_down(self) -> bool:
        bottom = self.offset + self.viewport.height
        cut = [top for top, end in self.rows if end > bottom + 1]
        target = min(cut) if cut else self.max_offset
        if target <= self.offset:  # a row taller than the window: move by a window less a line
            target = self.offset + self.viewport.height - self.line
        return self.scroll_to(target)

    def page_up(self) -> bool:
        target = self.offset - self.viewport.height
        starts = [top for top, _ in self.rows if target <= top < self.offset]
        return self.scroll_to(min(starts) if starts else target)

    # Drawing -------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, ui: UI) -> None:
        theme, port = ui.theme, self.viewport
        old_clip = surface.get_clip()
        surface.set_clip(port.clip(old_clip) if old_clip else port)
        for x, y, item in self.placed:
            top = port.y + y - self.offset
            if top > port.bottom or top + item.height < port.y:
                continue
            for piece in item.pieces:
                self.draw_piece(surface, ui, piece, piece.rect.move(port.x + x, top))
        if not self.at_bottom:
            self.draw_fade(surface, theme, port.bottom, 1)
        if not self.at_top:
            self.draw_fade(surface, theme, port.y, -1)
        surface.set_clip(old_clip)
        if self.scrollable:
            self.draw_bar(surface, theme)

    def draw_fade(self, surface: pygame.Surface, theme, edge: int, direction: int) -> None:
        """A soft fade into the panel where more content is hidden."""
        height = theme.px(36)
        fade = pygame.Surface((self.viewport.width, height), pygame.SRCALPHA)
        for row in range(height):
            depth = row / (height - 1) if direction > 0 else 1 - row / (height - 1)
            fade.fill((*self.background, int(235 * depth)), pygame.Rect(0, row, self.viewport.width, 1))
        surface.blit(fade, (self.viewport.x, edge - height if direction > 0 else edge))

    def draw_piece(self, surface: pygame.Surface, ui: UI, piece: Piece, rect: pygame.Rect) -> None:
        theme = ui.theme
        pill_radius = rect.height // 2 if rect.height < theme.px(80) else theme.radius  # one line: round ends
        if piece.kind == "card":
            shadowed_panel(surface, rect, theme.radius, piece.colour)
            rounded(surface, T.TEAL_LIGHT, rect, theme.radius, max(theme.px(2), 2))
        elif piece.kind == "pill":
            rounded(surface, piece.colour, rect, pill_radius)
        elif piece.kind == "outline":
            rounded(surface, T.PANEL, rect, pill_radius)
            rounded(surface, piece.colour, rect, pill_radius, max(theme.px(2), 2))
        elif piece.kind == "text":
            ui.text.draw_in_box(surface, piece.text, piece.style, piece.colour, rect, piece.align)

    def draw_bar(self, surface: pygame.Surface, theme) -> None:
        port = self.viewport
        width = max(theme.px(8), 6)
        track = pygame.Rect(port.right - width, port.y, width, port.height)
        rounded(surface, T.TEAL_LIGHT, track, width // 2)
        share = port.height / max(self.content_height, 1)
        thumb_h = max(int(track.height * share), theme.px(40))
        thumb_y = track.y + int((track.height - thumb_h) * (self.offset / max(self.max_offset, 1)))
        rounded(surface, T.TEAL, pygame.Rect(track.x, thumb_y, width, thumb_h), width // 2)
