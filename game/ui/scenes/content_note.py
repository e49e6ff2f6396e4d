"""Before a story: what it is about, a note for the adult, what we will learn.

Layer: game/ui. Long texts (large text size, long translations) go on a
second page instead of being cut.
"""

from __future__ import annotations

import pygame

from ...story import Scenario
from .. import theme as T
from ..paging import Block, draw_blocks
from ..widgets import shadowed_panel
from . import flow
from .paged import PagedPanelScene


class ContentNoteScene(PagedPanelScene):
    name = "content_note"
    back_on_first_page = True
    finish_id = "start"

    def __init__(self, ui, scenario: Scenario):
        super().__init__(ui)
        self.scenario = scenario

    def texts(self, source) -> str:
        return self.ui.tr.scenario_text(self.scenario.id, source.source)

    def sections(self) -> list[list[Block]]:
        theme, tr, story = self.ui.theme, self.ui.tr, self.scenario
        blocks = [Block(self.texts(story.summary), theme.body, T.INK)]
        blocks.append(Block(tr._("For the adult"), theme.label, T.CORAL_DARK, theme.px(20), keep_with_next=True))
        blocks.append(Block(self.texts(story.content_note), theme.body, T.INK, theme.px(4)))
        blocks.append(Block(tr._("What we will talk about"), theme.label, T.TEAL, theme.px(20), keep_with_next=True))
        for goal in story.learning_goals:
            blocks.append(Block(self.texts(goal), theme.body, T.INK, theme.px(6), bullet=True))
        return [blocks]

    def top_space(self) -> int:
        theme = self.ui.theme
        width = self.ui.theme.width - 2 * theme.margin - 2 * self.padding
        return self.ui.text.layout(self.texts(self.scenario.title), theme.heading, width).height + theme.gap

    def finish_label(self) -> str:
        return self.ui.tr._("Start the story")

    def finish(self) -> None:
        flow.start_story(self.ui, self.scenario)

    def leave_first_page(self) -> bool:
        self.ui.app.pop()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        surface.fill(T.PAPER)
        shadowed_panel(surface, self.panel, theme.radius)
        pad = self.padding
        title_box = pygame.Rect(self.panel.x + pad, self.panel.y + pad, self.panel.width - 2 * pad,
                                self.text_box.y - self.panel.y - pad)
        self.ui.text.draw_in_box(surface, self.texts(self.scenario.title), theme.heading, T.INK, title_box)
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.text_box)
