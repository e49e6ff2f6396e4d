"""The story map: a card per story, the ones that suit the child's age first.

Layer: game/ui. Cards show the title, ages, minutes and topic, and marks for
played and finished stories (an icon and a word, never colour alone). A
"Continue" card resumes the autosaved story.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...story import Scenario
from .. import theme as T
from ..art import draw_check, draw_star
from ..scene import Scene
from ..widgets import Widget, focus_ring, shadowed_panel
from . import flow

TOPIC_COLOURS = {
    "stranger_contact": (106, 76, 160), "image_sharing": (200, 90, 60), "ai_images": (29, 78, 137),
    "reporting": (35, 105, 75), "privacy": (138, 96, 0), "other": (90, 100, 110),
}


def topic_name(tr, topic: str) -> str:
    return {
        "stranger_contact": tr._("Strangers online"), "image_sharing": tr._("Sharing photos"),
        "ai_images": tr._("Fake images"), "reporting": tr._("Reporting"), "privacy": tr._("Privacy"),
    }.get(topic, tr._("Life online"))


def story_order(stories: list[Scenario], age: int) -> list[Scenario]:
    """Stories that suit the child's age first, youngest range first."""
    def suits(story: Scenario) -> bool:
        return bool(age) and story.ages[0] <= age <= story.ages[1]

    return sorted(stories, key=lambda s: (not suits(s), s.ages, s.id))


@dataclass
class StoryCard(Widget):
    scenario: Scenario | None = None
    scene: StoryMapScene | None = None

    def activate(self) -> None:
        flow.choose_story(self.scene.ui, self.scenario.id)

    def facts(self, ui) -> list[str]:
        tr, story = ui.tr, self.scenario
        return [topic_name(tr, story.topic),
                tr.ngettext("Ages {low} to {high}, about {n} minute", "Ages {low} to {high}, about {n} minutes",
                            story.minutes).format(low=story.ages[0], high=story.ages[1], n=story.minutes)]

    def spoken(self, ui) -> list:
        """The title, what it is about, the ages, and whether it was played."""
        title = ui.tr.scenario_text(self.scenario.id, self.scenario.title.source)
        return [title, *self.facts(ui), *(word for _, word in self.scene.marks(self.scenario))]

    def draw(self, surface, ui, focused, hovered):
        theme, tr, story = ui.theme, ui.tr, self.scenario
        shadowed_panel(surface, self.rect, theme.radius, T.TEAL_LIGHT if hovered else T.PANEL)
        strip = pygame.Rect(self.rect.x, self.rect.y, self.rect.width, theme.px(12))
        pygame.draw.rect(surface, TOPIC_COLOURS.get(story.topic, TOPIC_COLOURS["other"]), strip,
                         border_top_left_radius=theme.radius, border_top_right_radius=theme.radius)
        if focused:
            focus_ring(surface, self.rect, ui)
        inner = self.rect.inflate(-theme.px(36), -theme.px(36)).move(0, theme.px(6))
        title = tr.scenario_text(story.id, story.title.source)
        title_layout = ui.text.layout(title, theme.text(28, True), inner.width)
        ui.text.draw_in_box(surface, title, theme.text(28, True), T.INK,
                            pygame.Rect(inner.x, inner.y, inner.width, title_layout.height))
        y = inner.y + title_layout.height + theme.px(8)
        facts = self.facts(ui)
        line = ui.text.line_height(theme.small)
        for fact in facts:
            height = ui.text.layout(fact, theme.small, inner.width).height
            ui.text.draw_in_box(surface, fact, theme.small, T.MUTED_INK, pygame.Rect(inner.x, y, inner.width, height))
            y += height
        x = inner.x
        for kind, word in self.scene.marks(story):
            icon = pygame.Rect(x, y + theme.px(4), line, line)
            (draw_star if kind == "finished" else draw_check)(surface, icon.inflate(-4, -4), T.TEAL)
            width = ui.text.measure(word, theme.small)
            ui.text.draw_in_box(surface, word, theme.small, T.TEAL, pygame.Rect(icon.right + 4, icon.y, width + 2, line))
            x = icon.right + width + theme.px(20)


class StoryMapScene(Scene):
    name = "story_map"

    def __init__(self, ui):
        super().__init__(ui)
        self.page = 0
        self.pages: list[list[Scenario]] = []

    def enter(self) -> None:
        self.rebuild()

    def marks(self, story: Scenario) -> list[tuple[str, str]]:
        record = self.ui.progress.stories.get(story.id)
        if record is None or not record.played:
            return []
        if record.finished:
            return [("finished", self.ui.tr._("Finished"))]
        return [("played", self.ui.tr._("Played"))]

    def resume_target(self) -> Scenario | None:
        saved = self.ui.progress.autosave
        return self.ui.content.story(saved["scenario"]) if saved else None

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m, gap = theme.margin, theme.gap
        bottom_h = theme.height - m - self.button_rows(
            [("a", tr._("Who is playing"), None, ""), ("b", tr._("Before you play"), None, ""),
             ("c", tr._("Settings"), None, ""), ("d", tr._("More stories"), None, "")], theme.height - m, place=False) - gap
        y = self.content_top + theme.px(8)
        resume = self.resume_target()
        if resume is not None:
            title = tr.scenario_text(resume.id, resume.title.source)
            rect = pygame.Rect(m, y, theme.width - 2 * m, theme.button_height)
            self.button("continue", tr._("Continue: {title}").format(title=title), rect, self.resume, "primary")
            y = rect.bottom + gap
        grid = pygame.Rect(m, y, theme.width - 2 * m, theme.height - y - bottom_h - m - gap)
        stories = story_order(self.ui.content.stories, self.ui.settings.child_age)
        # As many columns as fit: cards must be tall enough for their text.
        for columns in (3, 2, 1):
            if columns == 3 and (theme.width < 1000 * theme.unit or theme.text_scale > 125):
                continue
            card_h = self.card_height((grid.width - gap * (columns - 1)) // columns, stories)
            if card_h <= grid.height:
                break
        rows = max((grid.height + gap) // (card_h + gap), 1)
        per_page = max(columns * rows, 1)
        self.pages = [stories[i:i + per_page] for i in range(0, len(stories), per_page)] or [[]]
        self.page = min(self.page, len(self.pages) - 1)
        card_w = (grid.width - gap * (columns - 1)) // columns
        for number, story in enumerate(self.pages[self.page]):
            row, column = divmod(number, columns)
            rect = pygame.Rect(grid.x + column * (card_w + gap), grid.y + row * (card_h + gap), card_w, card_h)
            self.widgets.append(StoryCard(f"story:{story.id}", rect, scenario=story, scene=self))
        items = [("players", tr._("Who is playing"), lambda: flow.open_players(self.ui), "secondary")]
        if self.ui.content.has_primer:
            items.append(("primer", tr._("Before you play"), self.open_primer, "secondary"))
        items.append(("settings", tr._("Settings"), lambda: flow.open_settings(self.ui), "secondary"))
        if self.workshop_fits(items):  # else `play --workshop` opens it (very large text on a small window)
            items.append(("workshop", tr._("Workshop mode"), self.open_workshop, "secondary"))
        if len(self.pages) > 1:
            label = tr._("More stories") if self.page < len(self.pages) - 1 else tr._("First stories")
            items.append(("more", label, self.next_page, "secondary"))
        cards = self.widgets
        self.widgets = []
        self.button_rows(items, theme.height - m, align="left")
        self.widgets = cards + self.widgets

    def card_height(self, width: int, stories: list[Scenario]) -> int:
        """Tall enough for the longest title and facts at this width, and the marks."""
        theme, tr, text = self.ui.theme, self.ui.tr, self.ui.text
        inner = width - theme.px(36)
        needed = 0
        for story in stories:
            title = text.layout(tr.scenario_text(story.id, story.title.source), theme.text(28, True), inner).height
            facts = text.layout(tr.ngettext("Ages {low} to {high}, about {n} minute", "Ages {low} to {high}, about {n} minutes",
                                            story.minutes).format(low=story.ages[0], high=story.ages[1], n=story.minutes),
                                theme.small, inner).height
            needed = max(needed, title + facts)
        return needed + text.line_height(theme.small) * 2 + theme.px(60)

    def initial_focus(self) -> int:
        return 0

    def next_page(self) -> None:
        self.page = (self.page + 1) % len(self.pages)
        self.turn_page()

    def resume(self) -> None:
        scenario = self.resume_target()
        if scenario is not None:
            flow.start_story(self.ui, scenario, self.ui.progress.autosave.get("play"))

    def workshop_fits(self, items: list[tuple]) -> bool:
        """The "Workshop mode" button, if it needs no extra row of buttons."""
        theme, tr = self.ui.theme, self.ui.tr
        more = [("more", tr._("More stories"), None, "")] if len(self.pages) > 1 else []
        planned = max((w.rect.bottom for w in self.widgets), default=self.content_top) + theme.gap  # below the cards
        return self.button_rows(items + [("w", tr._("Workshop mode"), None, "")] + more,
                                theme.height - theme.margin, place=False) >= planned

    def open_workshop(self) -> None:
        from .workshop import start_workshop

        start_workshop(self.ui)

    def open_primer(self) -> None:
        from .primer import PrimerScene

        self.ui.app.push(PrimerScene(self.ui, then=self.ui.app.pop))

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        surface.fill(T.PAPER)
        self.draw_header_title(surface, self.ui.tr._("Choose a story"))
        if not self.ui.content.stories:
            box = pygame.Rect(theme.margin, self.content_top + theme.px(40), theme.width - 2 * theme.margin, theme.px(200))
            self.ui.text.draw_in_box(surface, self.ui.tr._("No stories were found. Check the scenarios folder."),
                                     theme.body, T.INK, box)
