"""The caregiver primer, shown before the first story: one section a page.

Layer: game/ui. The text is the translatable guide in
scenarios/caregiver_primer.yaml; a section too long for the screen continues
on the next page.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from .. import theme as T
from ..paging import Block, draw_blocks
from ..widgets import shadowed_panel
from .paged import PagedPanelScene, guide_sections

PRIMER_CONTEXT = "caregiver_primer"


class PrimerScene(PagedPanelScene):
    name = "primer"

    def __init__(self, ui, then: Callable[[], None]):
        super().__init__(ui)
        self.then = then

    def t(self, text) -> str:
        return self.ui.tr.scenario_text(PRIMER_CONTEXT, text.source)

    def sections(self) -> list[list[Block]]:
        return guide_sections(self.ui, self.ui.content.primer, PRIMER_CONTEXT)

    def finish_label(self) -> str:
        return self.ui.tr._("Let's choose a story")

    def finish(self) -> None:
        self.ui.settings.primer_seen = True
        self.ui.save_settings()
        self.then()

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
