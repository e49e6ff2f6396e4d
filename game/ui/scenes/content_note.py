"""Before a story: what it is about, a note for the adult, what we will learn.

Layer: game/ui. Long texts (large text size, long translations) go on a
second page instead of being cut.
"""

from __future__ import annotations

import pygame

from ...story import Scenario
from .. import theme as T
from ..paging import Block, draw_blocks, paginate
from ..scene import Scene
from ..widgets import shadowed_panel
from . import flow


class ContentNoteScene(Scene):
    name = "content_note"

    def __init__(self, ui, scenario: Scenario):
        super().__init__(ui)
        self.scenario = scenario
        self.page = 0
        self.pages: list[list[Block]] = []
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)

    def texts(self, source) -> str:
        return self.ui.tr.scenario_text(self.scenario.id, source.source)

    def blocks(self) -> list[Block]:
        theme, tr, story = self.ui.theme, self.ui.tr, self.scenario
        blocks = [Block(self.texts(story.summary), theme.body, T.INK)]
        blocks.append(Block(tr._("For the adult"), theme.label, T.CORAL_DARK, theme.px(20), keep_with_next=True))
        blocks.append(Block(self.texts(story.content_note), theme.body, T.INK, theme.px(4)))
        blocks.append(Block(tr._("What we will talk about"), theme.label, T.TEAL, theme.px(20), keep_with_next=True))
        for goal in story.learning_goals:
            blocks.append(Block(self.texts(goal), theme.body, T.INK, theme.px(6), bullet=True))
        return blocks

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m = theme.margin
        self.panel = pygame.Rect(m, self.content_top, theme.width - 2 * m,
                                 theme.height - self.content_top - m - theme.button_height - theme.gap)
        pad = theme.px(32)
        title_h = self.ui.text.layout(self.texts(self.scenario.title), theme.heading, self.panel.width - 2 * pad).height
        self.text_box = pygame.Rect(self.panel.x + pad, self.panel.y + pad + title_h + theme.gap,
                                    self.panel.width - 2 * pad, self.panel.height - 2 * pad - title_h - theme.gap)
        self.pages = paginate(self.ui.text, self.blocks(), self.text_box)
        self.page = min(self.page, len(self.pages) - 1)
        y = theme.height - m - theme.button_height
        last = self.page == len(self.pages) - 1
        label = tr._("Start the story") if last else tr._("Next")
        width = max(self.ui.text.font(theme.label).size(label)[0] + theme.px(64), theme.px(240))
        self.button("start" if last else "next", label,
                    pygame.Rect(theme.width - m - width, y, width, theme.button_height), self.forward, "primary")
        back = tr._("Back")
        width = self.ui.text.font(theme.label).size(back)[0] + theme.px(64)
        self.button("back", back, pygame.Rect(m, y, width, theme.button_height), self.on_back)

    def forward(self) -> None:
        if self.page < len(self.pages) - 1:
            self.page += 1
            self.rebuild()
        else:
            flow.start_story(self.ui, self.scenario)

    def on_back(self) -> bool:
        if self.page:
            self.page -= 1
            self.rebuild()
        else:
            self.ui.app.pop()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        surface.fill(T.PAPER)
        shadowed_panel(surface, self.panel, theme.radius)
        pad = theme.px(32)
        title_box = pygame.Rect(self.panel.x + pad, self.panel.y + pad, self.panel.width - 2 * pad, self.text_box.y - self.panel.y - pad)
        self.ui.text.draw_in_box(surface, self.texts(self.scenario.title), theme.heading, T.INK, title_box)
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.text_box)
