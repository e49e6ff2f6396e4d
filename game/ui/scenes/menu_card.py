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

    def __init__(self, ui, story):
        super().__init__(ui)
        self.story = story
        self.card = pygame.Rect(0, 0, 0, 0)
        self.heading_box = pygame.Rect(0, 0, 0, 0)

    def heading(self) -> str:
        return ""

    def items(self) -> list[tuple]:
        """(id, label, action, kind) from top to bottom."""
        raise NotImplementedError

    def build(self) -> None:
        theme, text = self.ui.theme, self.ui.text
        items, pad = self.items(), theme.px(40)
        width = min(max(text.measure(label, theme.label) for _, label, _, _ in items) + 3 * pad,
                    theme.width - 2 * theme.margin)
        inner = width - 2 * pad
        heights = [Button("m", label=label).height_for(self.ui, inner) for _, label, _, _ in items]
        heading = self.heading()
        heading_h = text.layout(heading, theme.heading, inner).height if heading else 0
        height = 2 * pad + (heading_h + theme.gap if heading else 0) + sum(heights) + theme.gap * (len(items) - 1)
        self.card = pygame.Rect(0, 0, width, height)
        self.card.center = (theme.width // 2, max(theme.height // 2, self.content_top + height // 2))
        self.heading_box = pygame.Rect(self.card.x + pad, self.card.y + pad, inner, heading_h)
        y = self.card.y + pad + (heading_h + theme.gap if heading else 0)
        for (widget_id, label, action, kind), h in zip(items, heights):
            self.button(widget_id, label, pygame.Rect(self.card.x + pad, y, inner, h), action, kind)
            y += h + theme.gap

    def on_back(self) -> bool:
        self.ui.app.pop()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        shadowed_panel(surface, self.card, theme.radius * 2)
        if self.heading_box.height:
            self.ui.text.draw_in_box(surface, self.heading(), theme.heading, T.INK, self.heading_box, "center")
