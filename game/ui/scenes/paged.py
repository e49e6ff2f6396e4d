"""A screen of text on a panel, in pages: Back and Next at the foot, a
last-page button that goes on. The primer and the content note are both this.

Layer: game/ui.
"""

from __future__ import annotations

import pygame

from .. import theme as T
from ..paging import Block, paginate
from ..scene import Scene


def guide_sections(ui, guide, context: str) -> list[list[Block]]:
    """A guide's sections as blocks (each section starts a page), translated
    with the guide's id as context."""
    theme = ui.theme

    def t(text) -> str:
        return ui.tr.scenario_text(context, text.source)

    sections = []
    for section in guide.sections:
        blocks = [Block(t(section.heading), theme.heading, T.TEAL, keep_with_next=True)]
        blocks += [Block(t(p), theme.body, T.INK, theme.px(12)) for p in section.paragraphs]
        blocks += [Block(t(p), theme.body, T.INK, theme.px(8), bullet=True) for p in section.points]
        sections.append(blocks)
    return sections


class PagedPanelScene(Scene):
    """Subclasses give `sections()` (lists of blocks; each section starts a
    page), `finish_label()`/`finish()` for the last page, and `top_space()`
    (height above the text inside the panel, e.g. for a title)."""

    back_on_first_page = False  # a "Back" button on page one (else only from page two)
    finish_id = "done"

    def __init__(self, ui):
        super().__init__(ui)
        self.page = 0
        self.pages: list[list[Block]] = []
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)

    def sections(self) -> list[list[Block]]:
        raise NotImplementedError

    def finish_label(self) -> str:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def leave_first_page(self) -> bool:
        """Esc or Back on the first page; False: nothing to go back to."""
        return False

    def top_space(self) -> int:
        return 0

    @property
    def padding(self) -> int:
        return self.ui.theme.px(36)

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m, pad = theme.margin, self.padding
        self.panel = pygame.Rect(m, self.content_top, theme.width - 2 * m,
                                 theme.height - self.content_top - m - theme.button_height - theme.gap)
        top = self.top_space()
        self.text_box = pygame.Rect(self.panel.x + pad, self.panel.y + pad + top,
                                    self.panel.width - 2 * pad, self.panel.height - 2 * pad - top)
        self.pages = [page for section in self.sections() for page in paginate(self.ui.text, section, self.text_box)]
        self.page = min(self.page, len(self.pages) - 1)
        y = theme.height - m - theme.button_height
        last = self.page == len(self.pages) - 1
        label = self.finish_label() if last else tr._("Next")
        width = max(self.ui.text.measure(label, theme.label) + theme.px(64), theme.px(220))
        self.button(self.finish_id if last else "next", label,
                    pygame.Rect(theme.width - m - width, y, width, theme.button_height), self.forward, "primary")
        if self.page or self.back_on_first_page:
            back = tr._("Back")
            width = self.ui.text.measure(back, theme.label) + theme.px(64)
            self.button("back", back, pygame.Rect(m, y, width, theme.button_height), self.on_back)

    def forward(self) -> None:
        if self.page < len(self.pages) - 1:
            self.page += 1
            self.turn_page()
        else:
            self.finish()

    def on_back(self) -> bool:
        if self.page:
            self.page -= 1
            self.turn_page()
            return True
        return self.leave_first_page()
