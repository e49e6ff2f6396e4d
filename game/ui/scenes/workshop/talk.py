"""The feedback and the timed discussion, in room mode.

Layer: game/ui. Prompts are addressed "For the children", "For the
grown-ups" or "For everyone", never by nickname. The discussion card shows a
countdown (P pauses it; silent; at zero it calmly says "Time is up" and
waits for the facilitator). B: a break, N: notes, G: guidance.
"""

from __future__ import annotations

import pygame

from ... import theme as T
from ...paging import Block
from ...widgets import rounded
from ..talk import DiscussionScene, FeedbackScene
from .room import room_key

HEADER_BAND = (38, 52, 60)


class RoomFeedbackScene(FeedbackScene):
    name = "workshop_feedback"

    def blocks(self):
        blocks = super().blocks()
        first = blocks[0]
        blocks[0] = Block(self.ui.tr._("The group chose"), first.style, first.colour)
        return blocks

    def go_on(self) -> None:
        self.ui.app.replace(RoomDiscussionScene(self.ui, self.story, self.choice))

    def story_scene(self):
        return self.story

    def on_key(self, event: pygame.event.Event) -> bool:
        return room_key(self, event)


class RoomDiscussionScene(DiscussionScene):
    name = "workshop_discussion"

    def __init__(self, ui, story, choice):
        super().__init__(ui, story, choice)
        self.session = story.session
        self.remaining = self.session.timer_seconds
        self.paused = False
        self.elapsed = 0.0

    def story_scene(self):
        return self.story

    @property
    def timed(self) -> bool:
        return self.session.minutes > 0

    @property
    def time_is_up(self) -> bool:
        return self.timed and self.remaining <= 0

    def addressee(self, to: str) -> str:
        tr = self.ui.tr
        if to == "child":
            return tr._("For the children")
        if to == "caregiver":
            return tr._("For the grown-ups")
        return tr._("For everyone")

    def build(self) -> None:
        super().build()
        if self.timed:
            theme, tr = self.ui.theme, self.ui.tr
            label = tr._("Start the timer again") if self.paused else tr._("Pause the timer")
            width = self.ui.text.measure(label, theme.label) + theme.px(48)
            self.button("pause_timer", label, pygame.Rect(theme.margin, theme.px(14), width, self.header_height),
                        self.toggle_pause, "quiet")
            self.focus_on("go_on")

    def initial_focus(self) -> int:
        ids = [w.id for w in self.widgets]
        return ids.index("go_on") if "go_on" in ids else 0

    def toggle_pause(self) -> None:
        if self.timed and not self.time_is_up:
            self.paused = not self.paused
            self.rebuild()

    def update(self, dt: float) -> bool:
        self.elapsed += dt
        if not self.timed or self.paused or self.time_is_up:
            return False
        before = int(self.remaining + 0.999)
        self.remaining = max(0.0, self.remaining - dt)
        if int(self.remaining + 0.999) != before:
            self.ui.app.invalidate()  # redraw once a second, not every frame
        return False

    def done(self) -> None:
        record = self.session.record
        if record.choices:
            record.choices[-1].discussion_seconds = round(self.elapsed, 1)
        super().done()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_p:
            self.toggle_pause()
            return True
        return room_key(self, event)

    def clock_text(self) -> str:
        tr = self.ui.tr
        if self.time_is_up:
            return tr._("Time is up")
        seconds = int(self.remaining + 0.999)
        clock = f"{seconds // 60}:{seconds % 60:02d}"
        if self.paused:
            return tr._("{time} left (paused)").format(time=clock)
        return tr._("{time} left").format(time=clock)

    def header_reserve(self) -> int:
        """Room for the clock: "Listen" shrinks to its picture before the clock is cut."""
        theme = self.ui.theme
        return self.ui.text.measure(self.clock_text(), theme.label) + theme.px(48) if self.timed else 0

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        if self.timed:  # a band of its own over the story's header, for the clock and its button
            surface.fill(HEADER_BAND, pygame.Rect(0, 0, self.ui.theme.width, self.content_top - self.ui.theme.px(6)))
            theme, text = self.ui.theme, self.ui.text
            space = self.header_space()
            label = self.clock_text()
            style = next((s for s in (theme.heading, theme.label, theme.small)
                          if text.line_height(s) <= space.height
                          and text.measure(label, s) + theme.px(48) <= space.width), theme.small)
            width = min(text.measure(label, style) + theme.px(48), space.width)
            pill = pygame.Rect(space.centerx - width // 2, space.y, width, space.height)
            rounded(surface, T.TEAL if not self.paused else T.MUTED_INK, pill, pill.height // 2)
            text.draw_in_box(surface, label, style, T.WHITE, pill, "center", "middle")
