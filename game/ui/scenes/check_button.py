"""A toggle button whose chosen state is a check mark in a box, not colour alone.

Layer: game/ui. Used for the family agreement's rules and the help screen's
country list. The label wraps and is left-aligned after the box, so long
sentences (rules, long translations) fit; `needed_height` measures it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from .. import theme as T
from ..art import draw_check
from ..widgets import Button, focus_ring, rounded, shadowed_panel

if TYPE_CHECKING:
    from ...text import TextStyle
    from ..app import UI


def _box_size(ui: UI) -> int:
    return max(ui.theme.px(34), int(ui.text.line_height(ui.theme.body) * 0.8))


@dataclass
class CheckButton(Button):
    style: TextStyle | None = None

    @staticmethod
    def needed_height(ui: UI, label: str, style: TextStyle, width: int) -> int:
        theme = ui.theme
        text_w = width - theme.px(28) - _box_size(ui) - theme.gap
        return max(ui.text.layout(label, style, text_w).height + theme.px(24), theme.button_height)

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        fill = T.TEAL_LIGHT if self.selected or hovered else T.PANEL
        shadowed_panel(surface, self.rect, theme.radius, fill)
        rounded(surface, T.TEAL, self.rect, theme.radius, max(theme.px(4 if self.selected else 2), 2))
        if focused:
            focus_ring(surface, self.rect, ui)
        size = _box_size(ui)
        box = pygame.Rect(self.rect.x + theme.px(14), self.rect.centery - size // 2, size, size)
        if self.selected:
            rounded(surface, T.TEAL, box, theme.px(6))
            draw_check(surface, box.inflate(-size // 4, -size // 4), T.WHITE)
        else:
            rounded(surface, T.PANEL, box, theme.px(6))
            rounded(surface, T.MUTED_INK, box, theme.px(6), max(theme.px(3), 2))
        left = box.right + theme.gap
        text = pygame.Rect(left, self.rect.y + theme.px(12), self.rect.right - theme.px(14) - left,
                           self.rect.height - theme.px(24))
        ui.text.draw_in_box(surface, self.label, self.style or theme.body, T.INK, text, "left", "middle")
