"""The ending: what kind of ending, the sentence to remember, the path the
family took and what the story was about. Never a "bad" ending.

Layer: game/ui. Finishing records progress and clears the autosave.
"""

from __future__ import annotations

import pygame

from ...story import Playthrough, Scenario
from .. import theme as T
from ..art import draw_backdrop, draw_ending_icon
from ..paging import Block, draw_blocks, paginate
from ..scene import Scene
from ..widgets import shadowed_panel
from . import flow
from .story import player_names


class EndingScene(Scene):
    name = "ending"

    def __init__(self, ui, scenario: Scenario, play: Playthrough):
        super().__init__(ui)
        self.scenario = scenario
        self.play = play
        self.page = 0
        self.pages: list[list[Block]] = []
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)
        record = ui.progress.story(scenario.id)
        record.finished += 1
        if play.ending and play.state.node not in record.endings:
            record.endings.append(play.state.node)
        ui.progress.autosave = None
        ui.save_progress()

    def say(self, text) -> str:
        from ...story import fill_placeholders

        return fill_placeholders(self.ui.tr.scenario_text(self.scenario.id, text.source), player_names(self.ui).as_mapping())

    def kind_label(self) -> str:
        tr = self.ui.tr
        return {"safe": tr._("A safe ending"), "supported": tr._("A supported ending"),
                "learning": tr._("A learning ending")}[self.play.ending]

    def blocks(self) -> list[Block]:
        theme, tr = self.ui.theme, self.ui.tr
        takeaway = self.play.node.takeaway
        blocks = []
        if takeaway is not None:  # the sentence to remember: whole on one page, smaller if it must be
            text = self.say(takeaway)
            style = next((style for style in (theme.heading, theme.text(26, bold=True), theme.label)
                          if self.ui.text.layout(text, style, self.text_box.width).height <= self.text_box.height),
                         theme.label)
            blocks.append(Block(text, style, T.INK))
        chosen = [self.say(choice.text) for _, choice in self.play.path() if choice is not None]
        if chosen:
            blocks.append(Block(tr._("Your path"), theme.label, T.TEAL, theme.px(24), keep_with_next=True))
            blocks += [Block(text, theme.body, T.INK, theme.px(4), bullet=True) for text in chosen]
        blocks.append(Block(tr._("What this story was about"), theme.label, T.TEAL, theme.px(24), keep_with_next=True))
        blocks += [Block(self.say(goal), theme.body, T.INK, theme.px(4), bullet=True) for goal in self.scenario.learning_goals]
        return blocks

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m, gap = theme.margin, theme.gap
        rows_top = self.button_rows([("m", tr._("More"), None, ""), ("a", tr._("Make our family agreement"), None, ""),
                                     ("c", tr._("Choose another story"), None, "")], theme.height - m, place=False)
        self.panel = pygame.Rect(m, self.content_top, theme.width - 2 * m, rows_top - gap - self.content_top)
        pad, header, _ = self.header_sizes()
        self.text_box = pygame.Rect(self.panel.x + pad, self.panel.y + pad + header + gap,
                                    self.panel.width - 2 * pad, self.panel.height - 2 * pad - header - gap)
        self.pages = paginate(self.ui.text, self.blocks(), self.text_box)
        self.page = min(self.page, len(self.pages) - 1)
        buttons = []
        if self.page < len(self.pages) - 1:
            buttons.append(("more", tr._("More"), self.next_page, "secondary"))
        buttons += [("agreement", tr._("Make our family agreement"), lambda: flow.open_agreement(self.ui, self.scenario), "secondary"),
                    ("map", tr._("Choose another story"), lambda: flow.go_to_map(self.ui), "primary")]
        self.button_rows(buttons, theme.height - m)

    def header_sizes(self) -> tuple[int, int, object]:
        """(padding, header height, header style): with large text on a small
        window, a smaller ending title and padding leave the takeaway room for
        at least three lines."""
        theme, text = self.ui.theme, self.ui.text
        for pad, style, icon in ((theme.px(36), theme.heading, theme.px(72)), (theme.px(20), theme.label, theme.px(44))):
            header = max(icon, text.line_height(style))
            if self.panel.height - 2 * pad - header - theme.gap >= 3 * text.line_height(theme.heading):
                break
        return pad, header, style

    def next_page(self) -> None:
        self.page = (self.page + 1) % len(self.pages)
        self.turn_page()

    def on_back(self) -> bool:
        flow.go_to_map(self.ui)
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        draw_backdrop(surface, self.play.node.scene)
        shadowed_panel(surface, self.panel, theme.radius * 2)
        pad, header, style = self.header_sizes()
        colour = T.ENDING_COLOURS[self.play.ending]
        side = min(theme.px(72), header)
        icon = pygame.Rect(self.panel.x + pad, self.panel.y + pad + (header - side) // 2, side, side)
        draw_ending_icon(surface, self.play.ending, icon, colour)
        title = pygame.Rect(icon.right + theme.gap, self.panel.y + pad, self.panel.right - pad - icon.right - theme.gap, header)
        self.ui.text.draw_in_box(surface, self.kind_label(), style, colour, title, "left", "middle")
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.text_box)
