"""Workshop setup: the stories for the session (the playlist, in play order)
and the discussion timer. The language is the one the game uses now.

Layer: game/ui. Keys: Tab/arrows and Enter like every screen; Esc goes back
to the menu.
"""

from __future__ import annotations

import pygame

from ... import theme as T
from ...scene import Scene
from ...widgets import shadowed_panel
from . import TIMER_CHOICES, WorkshopSession, back_to_menu, open_guidance


class WorkshopSetupScene(Scene):
    name = "workshop_setup"

    def __init__(self, ui):
        super().__init__(ui)
        self.chosen: list[str] = []  # story ids in play order
        self.minutes = 5
        self.page = 0
        self.show_intro = True
        self.per_page = 1
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.timer_box = pygame.Rect(0, 0, 0, 0)

    def title(self, story) -> str:
        return self.ui.tr.scenario_text(story.id, story.title.source)

    def timer_text(self) -> str:
        tr = self.ui.tr
        if not self.minutes:
            return tr._("Discussion timer: off")
        return tr.ngettext("Discussion timer: {n} minute", "Discussion timer: {n} minutes", self.minutes).format(n=self.minutes)

    def build(self) -> None:
        theme, tr, text = self.ui.theme, self.ui.tr, self.ui.text
        m, gap = theme.margin, theme.gap
        # Foot: back, start.
        start = tr._("Start the workshop")
        items = [("menu", tr._("Back to the menu"), lambda: back_to_menu(self.ui), "secondary"),
                 ("guidance", tr._("If a child tells you something"), lambda: open_guidance(self.ui), "secondary"),
                 ("start", start, self.start, "primary")]
        foot = self.button_rows(items, theme.height - m, place=False)
        # Timer row above the foot.
        row_h = theme.button_height
        timer_y = foot - gap - row_h
        minus, plus = tr._("Shorter"), tr._("Longer")
        minus_w = text.measure(minus, theme.label) + theme.px(48)
        plus_w = text.measure(plus, theme.label) + theme.px(48)
        self.timer_box = pygame.Rect(m + minus_w + gap, timer_y, theme.width - 2 * m - minus_w - plus_w - 2 * gap, row_h)
        # Story toggles in the panel.
        row = max(theme.button_height, text.line_height(theme.label) + theme.px(20))
        intro_h = text.layout(tr._("Choose the stories for this session, in the order you want to play them."),
                              theme.body, theme.width - 2 * m).height
        self.show_intro = timer_y - gap - self.content_top - intro_h - gap >= row  # else the stories need the room
        top = self.content_top + (intro_h + gap if self.show_intro else 0)
        stories = self.ui.content.stories
        self.panel = pygame.Rect(m, top, theme.width - 2 * m, timer_y - gap - top)
        self.per_page = max((self.panel.height + gap) // (row + gap), 1)
        pages = max((len(stories) + self.per_page - 1) // self.per_page, 1)
        if pages > 1:  # room for the "More stories" button
            self.per_page = max((self.panel.height - row) // (row + gap), 1)
            pages = (len(stories) + self.per_page - 1) // self.per_page
        self.page %= pages
        more = tr._("More stories")
        more_w = text.measure(more, theme.label) + theme.px(56)
        beside = pages > 1 and self.panel.height < 2 * row + gap  # no row of its own: "More" sits beside the story
        story_w = self.panel.width - (more_w + gap if beside else 0)
        y = self.panel.y
        for story in stories[self.page * self.per_page:(self.page + 1) * self.per_page]:
            chosen = story.id in self.chosen
            label = self.title(story)
            if chosen:
                label = tr._("{number}. {title}").format(number=self.chosen.index(story.id) + 1, title=label)
            self.button(f"story:{story.id}", label, pygame.Rect(self.panel.x, y, story_w, row),
                        lambda sid=story.id: self.toggle(sid), "secondary", selected=chosen)
            y += row + gap
        if pages > 1:
            more_y = self.panel.y if beside else self.panel.bottom - row
            self.button("more", more, pygame.Rect(self.panel.right - more_w, more_y, more_w, row), self.next_page, "quiet")
        self.button("shorter", minus, pygame.Rect(m, timer_y, minus_w, row_h), lambda: self.change_timer(-1), "secondary")
        self.button("longer", plus, pygame.Rect(theme.width - m - plus_w, timer_y, plus_w, row_h),
                    lambda: self.change_timer(1), "secondary")
        self.button_rows(items, theme.height - m)
        self.widget("start").enabled = bool(self.chosen)

    def initial_focus(self) -> int:
        return 0

    def toggle(self, story_id: str) -> None:
        if story_id in self.chosen:
            self.chosen.remove(story_id)
        else:
            self.chosen.append(story_id)
        self.rebuild()

    def next_page(self) -> None:
        self.page += 1
        self.turn_page()

    def change_timer(self, step: int) -> None:
        position = TIMER_CHOICES.index(self.minutes) + step
        self.minutes = TIMER_CHOICES[max(0, min(position, len(TIMER_CHOICES) - 1))]
        self.rebuild()

    def start(self) -> None:
        if self.chosen:
            WorkshopSession(self.ui, self.chosen, self.minutes).next_story()

    def on_back(self) -> bool:
        back_to_menu(self.ui)
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme, tr, text = self.ui.theme, self.ui.tr, self.ui.text
        surface.fill(T.PAPER)
        self.draw_header_title(surface, tr._("Workshop"))
        if self.show_intro:
            intro = tr._("Choose the stories for this session, in the order you want to play them.")
            box = pygame.Rect(theme.margin, self.content_top, theme.width - 2 * theme.margin,
                              text.layout(intro, theme.body, theme.width - 2 * theme.margin).height)
            text.draw_in_box(surface, intro, theme.body, T.INK, box)
        shadowed_panel(surface, self.timer_box, theme.radius)
        text.draw_in_box(surface, self.timer_text(), theme.label, T.INK, self.timer_box, "center", "middle")
