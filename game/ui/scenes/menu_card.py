"""A card of buttons over the screen below: the story's pause menu and the
workshop's room menu. Esc (or a controller's B) closes it.

Layer: game/ui. Subclasses give the buttons (`items`) and, if they like, a
heading; the card sizes itself to its longest label and wraps labels that do
not fit (large text, long translations).
"""

from __future__ import annotations

import pygame

from .. import theme as T
from ..scene import Scene
from ..widgets import Button, shadowed_panel


class MenuCardScene(Scene):
    overlay = True
    heading_colour = T.INK

    def __init__(self, ui, story):
        super().__init__(ui)
        self.story = story
        self.card = pygame.Rect(0, 0, 0, 0)
        self.heading_box = pygame.Rect(0, 0, 0, 0)

    def heading(self) -> str:
        return ""

    def items(self) -> list[tuple]:
        """(id, label, action, kind) from top to bottom, or (id, label, action, kind, extra)
        with `extra` more Button fields (a choice's number...)."""
        raise NotImplementedError

    def build(self) -> None:
        """One column of buttons under the heading; on a small window at large
        text the heading goes, then the buttons take two columns."""
        theme, text = self.ui.theme, self.ui.text
        items, pad = self.items(), theme.px(40)
        room = theme.height - self.content_top - theme.margin
        widest = max(text.measure(item[1], theme.body) + theme.px(56) + text.line_height(theme.label) + theme.gap
                     if item[3] == "choice" else text.measure(item[1], theme.label) + theme.px(56)
                     for item in items)  # a choice has its letter in a disc before its words
        for columns, with_heading in ((1, True), (1, False), (2, False)):
            width = min(columns * widest + (columns - 1) * theme.gap + 2 * pad, theme.width - 2 * theme.margin)
            cell = (width - 2 * pad - (columns - 1) * theme.gap) // columns
            heights = [Button("m", label=item[1], kind=item[3], **extra(item)).height_for(self.ui, cell) for item in items]
            rows = [heights[n:n + columns] for n in range(0, len(heights), columns)]
            heading = self.heading() if with_heading else ""
            heading_h = text.layout(heading, theme.heading, width - 2 * pad).height + theme.gap if heading else 0
            height = 2 * pad + heading_h + sum(max(row) for row in rows) + theme.gap * (len(rows) - 1)
            if height <= room:
                break
        self.card = pygame.Rect(0, 0, width, height)
        self.card.center = (theme.width // 2, max(theme.height // 2, self.content_top + height // 2))
        self.heading_box = pygame.Rect(self.card.x + pad, self.card.y + pad, width - 2 * pad,
                                       heading_h - theme.gap if heading else 0)
        y = self.card.y + pad + heading_h
        for start, row in zip(range(0, len(items), columns), rows):
            for column, item in enumerate(items[start:start + columns]):
                x = self.card.x + pad + column * (cell + theme.gap)
                self.button(item[0], item[1], pygame.Rect(x, y, cell, max(row)), item[2], item[3], **extra(item))
            y += max(row) + theme.gap

    def on_back(self) -> bool:
        self.ui.app.pop()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        shadowed_panel(surface, self.card, theme.radius * 2)
        if self.heading_box.height > 0:
            self.ui.text.draw_in_box(surface, self.heading(), theme.heading, self.heading_colour, self.heading_box,
                                     "center")


def extra(item: tuple) -> dict:
    return item[4] if len(item) > 4 else {}
