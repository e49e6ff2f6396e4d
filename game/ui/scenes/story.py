"""The story: lines appear one by one over the scene's backdrop, then the
choices, each with a badge saying who decides.

Layer: game/ui. Turns input into runtime intents (choose, advance, undo) and
shows the runtime's view. The family's progress is saved after every step,
so quitting at any moment loses nothing.
"""

from __future__ import annotations

import time

import pygame

from ...story import Names, Playthrough, SaveError, Scenario, Text, fill_placeholders
from .. import theme as T
from ..art import draw_backdrop
from ..scene import Scene
from ..widgets import Button
from . import flow
from .story_lines import LineBlock, render_line, spoken_line, trimmed

APPEAR_SECONDS = 0.28


def player_names(ui) -> Names:
    tr = ui.tr
    return Names(ui.settings.child_name, ui.settings.caregiver_name,
                 child_fallback=tr._("your child"), caregiver_fallback=tr._("your grown-up"))


class StoryScene(Scene):
    name = "story"

    def __init__(self, ui, scenario: Scenario, saved: dict | None = None):
        super().__init__(ui)
        self.scenario = scenario
        self.play = Playthrough(scenario)
        if saved:
            try:
                self.play = Playthrough.from_json(scenario, saved)
            except SaveError:
                self.play = Playthrough(scenario)  # the story changed since: start it again
        self.view = self.play.view()
        self.revealed = min(1, len(self.view.lines)) if not saved else len(self.view.lines)
        self.appear = 1.0
        self.choice_page = 0  # when the choices come in pages (very large text)
        self.blocks: dict[tuple[int, int], LineBlock] = {}
        self.column = pygame.Rect(0, 0, 0, 0)
        self.log_area = pygame.Rect(0, 0, 0, 0)
        if not saved:
            record = ui.progress.story(scenario.id)
            record.played += 1
        self.autosave()

    # Text ------------------------------------------------------------------

    def say(self, text: Text) -> str:
        translated = self.ui.tr.scenario_text(self.scenario.id, text.source)
        return fill_placeholders(translated, player_names(self.ui).as_mapping())

    # State -------------------------------------------------------------------

    def autosave(self) -> None:
        self.ui.progress.autosave = {"scenario": self.scenario.id, "play": self.play.to_json(), "saved_at": int(time.time())}
        self.ui.save_progress()

    def show_current(self, reveal_all: bool = False) -> None:
        self.choice_page = 0
        self.ui.app.reader.stop()
        self.ui.app.announce_soon()
        self.view = self.play.view()
        self.revealed = len(self.view.lines) if reveal_all else min(1, len(self.view.lines))
        self.appear = 1.0 if reveal_all or self.ui.app.reduced_motion else 0.0
        self.rebuild()

    @property
    def all_revealed(self) -> bool:
        return self.revealed >= len(self.view.lines)

    def reveal_next(self) -> None:
        if not self.all_revealed:
            self.revealed += 1
            self.appear = 1.0 if self.ui.app.reduced_motion else 0.0
            self.ui.app.play_sound("line")
            self.ui.app.reader.stop()  # the player moved on: the last line's voice stops
            self.ui.app.announce_soon()
            self.rebuild()

    def choose(self, index: int) -> None:
        from .talk import FeedbackScene

        choice = self.play.choose(index)
        self.autosave()
        self.ui.app.play_sound("choice")
        self.ui.app.push(FeedbackScene(self.ui, self, choice))

    def after_talk(self) -> None:
        """Back from the talk: the story moves on to the node the choice led to."""
        self.show_current()

    def advance(self) -> None:
        self.play.advance()
        self.autosave()
        self.show_current()

    def undo(self) -> None:
        if self.play.can_undo:
            self.play.undo()
            self.autosave()
            self.show_current(reveal_all=True)

    def finish(self) -> None:
        from .ending import EndingScene

        self.ui.app.reset(EndingScene(self.ui, self.scenario, self.play))

    def pause(self) -> None:
        from .pause import PauseScene

        self.ui.app.push(PauseScene(self.ui, self))

    def leave_story(self) -> None:
        flow.go_to_map(self.ui)

    # Layout ------------------------------------------------------------------

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m, gap = theme.margin, theme.gap
        column_w = min(theme.px(980), theme.width - 2 * m)
        self.column = pygame.Rect((theme.width - column_w) // 2, self.content_top, column_w, 0)
        top_h = self.header_height
        menu = tr._("Menu")
        width = self.ui.text.measure(menu, theme.label) + theme.px(48)
        self.button("menu", menu, pygame.Rect(m, theme.px(14), width, top_h), self.pause, "quiet")
        x = m + width + gap
        if self.play.can_undo:
            back = tr._("Go back")
            width = self.ui.text.measure(back, theme.label) + theme.px(48)
            self.button("undo", back, pygame.Rect(x, theme.px(14), width, top_h), self.undo, "quiet")
        bottom = theme.height - m
        if not self.all_revealed:
            label = tr._("Next")
            width = max(self.ui.text.measure(label, theme.label) + theme.px(80), theme.px(200))
            self.button("next_line", label, pygame.Rect(self.column.right - width, bottom - theme.button_height,
                                                        width, theme.button_height), self.reveal_next, "primary")
            bottom -= theme.button_height + gap
        elif self.view.choices:
            bottom = self.build_choices(bottom)
        else:
            if self.view.ending:
                label, action, widget_id = tr._("See how it ends"), self.finish, "finish"
            else:
                label, action, widget_id = tr._("Continue"), self.advance, "continue"
            width = max(self.ui.text.measure(label, theme.label) + theme.px(80), theme.px(220))
            self.button(widget_id, label, pygame.Rect(self.column.right - width, bottom - theme.button_height,
                                                      width, theme.button_height), action, "primary")
            bottom -= theme.button_height + gap
        self.log_area = pygame.Rect(self.column.x, self.content_top, self.column.width, bottom - self.content_top)

    def build_choices(self, bottom: int) -> int:
        """The choices, lowest at the foot; when they cannot all fit under the
        header (very large text, narrow window) they come in pages, with a
        "More choices" button. Number keys pick any choice on any page."""
        theme, tr = self.ui.theme, self.ui.tr
        numbered = list(enumerate(self.view.choices, 1))
        heights = [self.choice_button(n, c).height_for(self.ui, self.column.width) for n, c in numbered]
        pages = self.choice_pages(heights, bottom - self.content_top)
        self.choice_page %= len(pages)
        if len(pages) > 1:
            # Translators: only with very large text, when the choices do not fit on the screen together.
            label = tr._("More choices ({page} of {count})").format(page=self.choice_page + 1, count=len(pages))
            width = self.ui.text.measure(label, theme.label) + theme.px(56)
            self.button("more_choices", label, pygame.Rect(self.column.x, bottom - theme.button_height, width,
                                                           theme.button_height), self.next_choices)
            bottom -= theme.button_height + theme.gap
        shown = pages[self.choice_page]
        y = bottom - sum(heights[i] for i in shown) - theme.gap * (len(shown) - 1)
        for i in shown:
            number, choice = numbered[i]
            widget = self.choice_button(number, choice, pygame.Rect(self.column.x, y, self.column.width, heights[i]))
            self.widgets.insert(len(self.widgets) - (len(pages) > 1), widget)  # before "More choices"
            y += heights[i] + theme.gap
        return bottom - sum(heights[i] for i in shown) - theme.gap * len(shown)

    def choice_button(self, number: int, choice, rect: pygame.Rect | None = None) -> Button:
        return Button(f"choice:{choice.index}", rect or pygame.Rect(0, 0, 0, 0), label=self.say(choice.text),
                      on_click=lambda index=choice.index: self.choose(index), kind="choice", number=number,
                      decider=choice.decides, badge_text=self.decider_badge(choice.decides))

    def choice_pages(self, heights: list[int], room: int) -> list[list[int]]:
        """Choice indexes page by page: all on one page when they fit (the usual case)."""
        gap = self.ui.theme.gap
        if sum(heights) + gap * len(heights) <= room:
            return [list(range(len(heights)))]
        room -= self.ui.theme.button_height + gap  # the "More choices" button
        pages: list[list[int]] = [[]]
        used = 0
        for index, height in enumerate(heights):
            if pages[-1] and used + height + gap > room:
                pages.append([])
                used = 0
            pages[-1].append(index)
            used += height + gap
        return pages

    def next_choices(self) -> None:
        self.choice_page += 1
        self.rebuild()
        self.ensure_built()
        self.focus = next((n for n, w in enumerate(self.widgets) if w.id.startswith("choice:")), self.focus)
        if self.ui.settings.read_aloud:
            self.ui.app.reader.say(self.spoken_choices(page_only=True))

    def decider_badge(self, who: str) -> str:
        return self.ui.tr._("Decide together") if who == "together" else self.decider_label(who)

    def decider_label(self, who: str) -> str:
        settings, tr = self.ui.settings, self.ui.tr
        name = settings.child_name if who == "child" else settings.caregiver_name
        if name:
            return tr._("{name} decides").format(name=name)
        return tr._("The child decides") if who == "child" else tr._("The grown-up decides")

    def initial_focus(self) -> int:
        for number, widget in enumerate(self.widgets):
            if widget.id in ("next_line", "continue", "finish") or widget.id.startswith("choice:"):
                return number
        return 0

    # Input ---------------------------------------------------------------------

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.all_revealed and self.view.choices and pygame.K_1 <= event.key <= pygame.K_9:
            number = event.key - pygame.K_1
            if number < len(self.view.choices):
                self.choose(self.view.choices[number].index)
                return True
        if event.key == pygame.K_BACKSPACE and self.play.can_undo:
            self.undo()
            return True
        return False

    def on_back(self) -> bool:
        self.pause()
        return True

    def on_click_empty(self, pos) -> bool:
        if self.log_area.collidepoint(pos) and not self.all_revealed:
            self.reveal_next()
            return True
        return False

    def update(self, dt: float) -> bool:
        if self.appear < 1.0:
            self.appear = min(1.0, self.appear + dt / APPEAR_SECONDS)
            return True
        return False

    # Drawing -------------------------------------------------------------------

    def block(self, position: int) -> LineBlock:
        key = (id(self.view.node), position, self.ui.theme, self.ui.tr.code)
        block = self.blocks.get(key)
        if block is None:
            line = self.view.lines[position]
            block = trimmed(render_line(self.ui, self.scenario, line, self.say(line.text), self.column.width))
            if len(self.blocks) > 200:
                self.blocks.clear()
            self.blocks[key] = block
        return block

    def paint(self, surface: pygame.Surface) -> None:
        theme = self.ui.theme
        # The backdrop is drawn each frame rather than kept as a full-window
        # copy: it costs well under a millisecond and saves ~4 MB.
        draw_backdrop(surface, self.view.node.scene)
        self.draw_header_title(surface, self.say(self.scenario.title), T.MUTED_INK, "center")
        blocks = [self.block(i) for i in range(self.revealed)]
        gap = theme.gap
        total = sum(b.surface.get_height() for b in blocks) + gap * max(len(blocks) - 1, 0)
        y = self.log_area.y + min(0, self.log_area.height - total)  # keep the newest line in view
        previous_clip = surface.get_clip()
        surface.set_clip(self.log_area.inflate(theme.px(80), 0))
        for number, block in enumerate(blocks):
            height = block.surface.get_height()
            if y + height >= self.log_area.y - height:
                newest = number == len(blocks) - 1 and self.appear < 1.0
                x = self.column.x + block.x
                if newest:
                    eased = 1 - (1 - self.appear) ** 3
                    offset = int((1 - eased) * theme.px(24))
                    block.surface.set_alpha(int(255 * eased))
                    surface.blit(block.surface, (x, y + offset))
                    block.surface.set_alpha(255)
                else:
                    surface.blit(block.surface, (x, y))
            y += height + gap
        surface.set_clip(previous_clip)

    def speech(self) -> list:
        """"Listen": every line of this part of the story so far, then the choices."""
        return self.spoken_lines(0)

    def announcement(self) -> list:
        """Read-aloud on: the line that just appeared (then the choices, once all are in)."""
        return self.spoken_lines(max(self.revealed - 1, 0))

    def spoken_lines(self, first: int) -> list:
        said: list = []
        for line in self.view.lines[first:self.revealed]:
            said += spoken_line(self.ui, self.scenario, line, self.say(line.text))
        return said + self.spoken_choices() if self.all_revealed else said

    def spoken_choices(self, page_only: bool = False) -> list:
        """Every choice with its number and who decides (all pages, unless `page_only`)."""
        self.ensure_built()
        shown = {w.id for w in self.widgets if w.id.startswith("choice:")}
        buttons = [self.choice_button(number, choice) for number, choice in enumerate(self.view.choices, 1)]
        return [part for button in buttons if not page_only or button.id in shown for part in button.spoken(self.ui)]

    def visible_texts(self) -> list[str]:
        """The texts on screen now (for autoplay's checks)."""
        texts = [self.say(line.text) for line in self.view.lines[: self.revealed]]
        if self.all_revealed:
            texts += [self.say(choice.text) for choice in self.view.choices]
        return texts
