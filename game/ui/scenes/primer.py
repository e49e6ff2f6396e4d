"""The caregiver primer, shown before the first story: one section a page.

Layer: game/ui. The text is the translatable guide in
scenarios/caregiver_primer.yaml; a section too long for the screen continues
on the next page.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from .. import theme as T
from ..paging import Block, draw_blocks, paginate
from ..scene import Scene
from ..widgets import shadowed_panel

PRIMER_CONTEXT = "caregiver_primer"


class PrimerScene(Scene):
    name = "primer"

    def __init__(self, ui, then: Callable[[], None]):
        super().__init__(ui)
        self.then = then
        self.page = 0
        self.pages: list[list[Block]] = []
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)

    def t(self, text) -> str:
        return self.ui.tr.scenario_text(PRIMER_CONTEXT, text.source)

    def blocks_by_section(self) -> list[list[Block]]:
        theme = self.ui.theme
        sections = []
        for section in self.ui.content.primer.sections:
            blocks = [Block(self.t(section.heading), theme.heading, T.TEAL, keep_with_next=True)]
            blocks += [Block(self.t(p), theme.body, T.INK, theme.px(12)) for p in section.paragraphs]
            blocks += [Block(self.t(p), theme.body, T.INK, theme.px(8), bullet=True) for p in section.points]
            sections.append(blocks)
        return sections

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m = theme.margin
        self.panel = pygame.Rect(m, self.content_top, theme.width - 2 * m,
                                 theme.height - self.content_top - m - theme.button_height - theme.gap)
        pad = theme.px(36)
        self.text_box = self.panel.inflate(-2 * pad, -2 * pad)
        self.pages = [page for section in self.blocks_by_section() for page in paginate(self.ui.text, section, self.text_box)]
        self.page = min(self.page, len(self.pages) - 1)
        y = theme.height - m - theme.button_height
        last = self.page == len(self.pages) - 1
        label = tr._("Let's choose a story") if last else tr._("Next")
        width = max(self.ui.text.font(theme.label).size(label)[0] + theme.px(64), theme.px(220))
        self.button("done" if last else "next", label, pygame.Rect(theme.width - m - width, y, width, theme.button_height),
                    self.forward, "primary")
        if self.page:
            back = tr._("Back")
            width = self.ui.text.font(theme.label).size(back)[0] + theme.px(64)
            self.button("back", back, pygame.Rect(m, y, width, theme.button_height), self.on_back)

    def forward(self) -> None:
        if self.page < len(self.pages) - 1:
            self.page += 1
            self.rebuild()
            return
        self.ui.settings.primer_seen = True
        self.ui.save_settings()
        self.then()

    def on_back(self) -> bool:
        if self.page:
            self.page -= 1
            self.rebuild()
            return True
        return False

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        surface.fill(T.PAPER)
        title = self.t(self.ui.content.primer.title)
        self.draw_header_title(surface, title)
        shadowed_panel(surface, self.panel, theme.radius)
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.text_box)
        counter = self.ui.tr._("{page} of {pages}").format(page=self.page + 1, pages=len(self.pages))
        box = pygame.Rect(0, theme.height - theme.margin - theme.button_height, theme.width, theme.button_height)
        self.ui.text.draw_in_box(surface, counter, theme.small, T.MUTED_INK, box, "center", "middle")
