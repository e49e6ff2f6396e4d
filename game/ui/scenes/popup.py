"""A calm panel over a screen: an icon, a heading, text that scrolls if it
must, an optional picture, and buttons.

Layer: game/ui. Used for the notice about repaired files and for the family
agreement's short messages. The panel sits below the header band (so the
"Need help?" button stays free), grows with its text up to the window, and
gets a "More" button when the text is longer than the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from .. import theme as T
from ..art import draw_ending_icon, draw_star
from ..widgets import shadowed_panel
from .scroll_view import ItemBuilder, ScrollView

if TYPE_CHECKING:
    from ..app import UI
    from ..scene import Scene


@dataclass
class Popup:
    kind: str                                  # what it is about; "saved" shows a star, others a light bulb
    heading: str
    texts: list[tuple[str, bool]]              # (text, small print?)
    buttons: list[tuple[str, str, Callable[[], None], str]]  # (id, label, action, kind), in reading order
    picture: pygame.Surface | None = None      # shown under the text if there is room
    view: ScrollView = field(default_factory=lambda: ScrollView(T.PANEL))
    panel: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    heading_box: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    picture_box: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    _scaled: tuple[tuple[int, int], pygame.Surface] | None = None

    @staticmethod
    def plain(texts: list) -> list[tuple[str, bool]]:
        """Texts as (text, small) pairs: a bare string is normal print."""
        return [text if isinstance(text, tuple) else (text, False) for text in texts]

    def build(self, scene: Scene) -> None:
        """Lay the panel out for the current window and add its buttons to `scene`."""
        ui = scene.ui
        theme = ui.theme
        pad, gap, bh = theme.px(32), theme.gap, theme.button_height
        width = min(theme.width - 2 * theme.margin, theme.px(860 if theme.text_scale <= 125 else 1100))
        inner_w = width - 2 * pad
        icon = ui.text.line_height(theme.heading)
        head_h = ui.text.layout(self.heading, theme.heading, inner_w - icon - gap).height
        builder = ItemBuilder(ui.text, ScrollView.content_width(inner_w, gap))
        for number, (text, small) in enumerate(self.texts):
            builder.text(text, theme.small if small else theme.body, T.MUTED_INK if small else T.INK,
                         theme.px(12) if number else 0)
        item = builder.finish()
        top, bottom = scene.content_top, theme.height - theme.margin
        buttons = self.buttons
        rows = self.button_rows(ui, buttons, inner_w)
        room = bottom - top - 2 * pad - head_h - gap - len(rows) * (bh + gap)
        if item.height > room:  # the text scrolls: a "More" button for touch and mouse
            buttons = [("popup_more", ui.tr._("More"), self.more, "secondary"), *buttons]
            rows = self.button_rows(ui, buttons, inner_w)
            room = bottom - top - 2 * pad - head_h - gap - len(rows) * (bh + gap)
        picture_h = 0
        if self.picture is not None:
            picture_h = min(theme.px(240), room - item.height - gap)
            picture_h = picture_h if picture_h >= theme.px(90) else 0  # the words matter more than the picture
        text_h = min(item.height, room - (picture_h + gap if picture_h else 0))
        height = 2 * pad + head_h + gap + text_h + (picture_h + gap if picture_h else 0) + len(rows) * (bh + gap)
        self.panel = pygame.Rect(0, 0, width, height)
        self.panel.center = (theme.width // 2, (top + bottom) // 2)
        self.heading_box = pygame.Rect(self.panel.x + pad + icon + gap, self.panel.y + pad, inner_w - icon - gap, head_h)
        body = pygame.Rect(self.panel.x + pad, self.heading_box.bottom + gap, inner_w, text_h)
        self.view.lay_out([item], body, 1, gap, ui.text.line_height(theme.body))
        self.picture_box = pygame.Rect(self.panel.x + pad, body.bottom + gap, inner_w, picture_h)
        y = self.panel.bottom - pad - len(rows) * (bh + gap) + gap
        for row in rows:
            x = self.panel.right - pad - sum(w for _, w in row) - gap * (len(row) - 1)
            for (widget_id, label, action, kind), w in row:
                scene.button(widget_id, label, pygame.Rect(x, y, w, bh), action, kind)
                x += w + gap
            y += bh + gap

    @staticmethod
    def button_rows(ui: UI, buttons: list[tuple], width: int) -> list[list[tuple]]:
        """Buttons with their widths, wrapped into right-aligned rows that fit `width`."""
        theme, rows = ui.theme, [[]]
        for spec in buttons:
            w = min(ui.text.measure(spec[1], theme.label) + theme.px(56), width)
            used = sum(x for _, x in rows[-1]) + theme.gap * len(rows[-1])
            if rows[-1] and used + w > width:
                rows.append([])
            rows[-1].append((spec, w))
        return rows

    def more(self) -> None:
        """Page down; at the end, back to the top (one button, so it never goes dead)."""
        if not self.view.page_down():
            self.view.scroll_to(0)

    def on_key(self, event: pygame.event.Event) -> bool:
        view = self.view
        moves = {pygame.K_DOWN: view.line, pygame.K_UP: -view.line,
                 pygame.K_PAGEDOWN: view.viewport.height, pygame.K_PAGEUP: -view.viewport.height}
        if event.key in moves and view.scrollable:
            view.scroll_by(moves[event.key])
            return True
        return False

    def on_scroll(self, amount: int) -> bool:
        return self.view.scroll_by(-amount * self.view.line * 3)

    def paint(self, surface: pygame.Surface, ui: UI) -> None:
        theme = ui.theme
        shadowed_panel(surface, self.panel, theme.radius * 2, T.PANEL)
        icon = ui.text.line_height(theme.heading)
        mark = pygame.Rect(self.panel.x + theme.px(32), self.heading_box.y, icon, icon).inflate(-icon // 5, -icon // 5)
        if self.kind == "saved":
            draw_star(surface, mark, T.FOCUS)
        else:
            draw_ending_icon(surface, "learning", mark, T.ENDING_COLOURS["learning"])
        ui.text.draw_in_box(surface, self.heading, theme.heading, T.INK, self.heading_box)
        self.view.draw(surface, ui)
        box = self.picture_box
        if box.height and self.picture is not None:
            size = (box.height * self.picture.get_width() // self.picture.get_height(), box.height)
            if self._scaled is None or self._scaled[0] != size:
                self._scaled = (size, pygame.transform.smoothscale(self.picture, size))
            placed = self._scaled[1].get_rect(midtop=box.midtop)
            surface.blit(self._scaled[1], placed)
            pygame.draw.rect(surface, T.TEAL_LIGHT, placed, max(theme.px(2), 2))
