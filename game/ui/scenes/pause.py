"""Pause: a calm menu over the story. Leaving keeps the place saved.

Layer: game/ui.
"""

from __future__ import annotations

import pygame

from .. import theme as T
from ..scene import Scene
from ..widgets import shadowed_panel
from . import flow


class PauseScene(Scene):
    name = "pause"
    overlay = True

    def __init__(self, ui, story):
        super().__init__(ui)
        self.story = story
        self.card = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        items = [("resume", tr._("Carry on"), self.ui.app.pop, "primary")]
        if self.story.play.can_undo:
            items.append(("undo", tr._("Go back one step"), self.undo, "secondary"))
        items += [("settings", tr._("Settings"), lambda: flow.open_settings(self.ui), "secondary"),
                  ("leave", tr._("Stop here (your place is saved)"), self.story.leave_story, "secondary")]
        width = min(max(self.ui.text.measure(label, theme.label) for _, label, _, _ in items) + theme.px(120),
                    theme.width - 2 * theme.margin)
        heading_h = self.ui.text.line_height(theme.heading) + theme.gap
        height = heading_h + len(items) * (theme.button_height + theme.gap) + theme.px(56)
        self.card = pygame.Rect(0, 0, width, height)
        self.card.center = (theme.width // 2, max(theme.height // 2, self.content_top + height // 2))
        y = self.card.y + theme.px(28) + heading_h
        for widget_id, label, action, kind in items:
            rect = pygame.Rect(self.card.x + theme.px(40), y, width - theme.px(80), theme.button_height)
            self.button(widget_id, label, rect, action, kind)
            y += theme.button_height + theme.gap

    def undo(self) -> None:
        story = self.story
        self.ui.app.pop()
        story.undo()

    def on_back(self) -> bool:
        self.ui.app.pop()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        shadowed_panel(surface, self.card, theme.radius * 2)
        box = pygame.Rect(self.card.x, self.card.y + theme.px(28), self.card.width, self.ui.text.line_height(theme.heading))
        self.ui.text.draw_in_box(surface, self.ui.tr._("Paused"), theme.heading, T.INK, box, "center")
