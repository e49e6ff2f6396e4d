"""A story in "room" mode: the workshop's version of the story scene.

Layer: game/ui. The same story scene as family play, with these changes:
nicknames are never shown (placeholders read "the child" / "the grown-up"),
choices are labelled A, B, C with a tally the facilitator keeps (A-D add
one, Shift+letter removes one; or the +/- buttons), and "Take the group's
choice" takes the highest tally (a tie asks the facilitator to pick). Nothing
is written to the family's autosave or progress.

Keys here: A-D tally (so B is a tally key on this screen: the break is the
"Take a break" button), P nothing, N facilitator notes, G disclosure
guidance, Esc the workshop menu.
"""

from __future__ import annotations

import time

import pygame

from ....story import fill_placeholders
from ....workshop.record import letter
from ... import theme as T
from ...widgets import Button, shadowed_panel
from ..menu_card import MenuCardScene
from ..story import StoryScene
from . import open_guidance

TALLY_KEYS = (pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d)


def room_names(ui) -> dict[str, str]:
    return {"child_name": ui.tr._("the child"), "caregiver_name": ui.tr._("the grown-up")}


def room_key(scene, event) -> bool:
    """Keys every workshop screen shares: B break, N notes, G guidance."""
    from .panels import BreakScene, NotesScene

    if event.key == pygame.K_b:
        scene.ui.app.push(BreakScene(scene.ui))
        return True
    if event.key == pygame.K_n:
        notes = scene.ui.app.notes_window
        if notes is not None and (notes.is_open or notes.open()):  # a second screen: the notes live there
            notes.show(scene.story_scene())
        else:
            scene.ui.app.push(NotesScene(scene.ui, scene.story_scene()))
        return True
    if event.key == pygame.K_g:
        open_guidance(scene.ui)
        return True
    return False


class RoomStoryScene(StoryScene):
    name = "workshop_story"

    def __init__(self, ui, scenario, session):
        self.session = session
        played = ui.progress.story(scenario.id).played
        super().__init__(ui, scenario)
        ui.progress.story(scenario.id).played = played  # workshop plays are not the family's
        self.tallies: list[int] = []
        self.node_started = time.monotonic()
        self.tally_for = None

    def story_scene(self):
        return self

    # Room mode: no names, no family saves ------------------------------------------

    def say(self, text) -> str:
        translated = self.ui.tr.scenario_text(self.scenario.id, text.source)
        return fill_placeholders(translated, room_names(self.ui))

    def autosave(self) -> None:
        """The family's autosave is left as it is."""

    def decider_label(self, who: str) -> str:
        tr = self.ui.tr
        return tr._("The child decides") if who == "child" else tr._("The grown-up decides")

    # Tallies -------------------------------------------------------------------------

    def current_tallies(self) -> list[int]:
        if self.tally_for is not self.view.node or len(self.tallies) != len(self.view.choices):
            self.tallies = [0] * len(self.view.choices)
            self.tally_for = self.view.node
        return self.tallies

    def add(self, position: int, amount: int) -> None:
        tallies = self.current_tallies()
        if 0 <= position < len(tallies):
            tallies[position] = max(0, tallies[position] + amount)
            self.rebuild()

    def leaders(self) -> list[int]:
        tallies = self.current_tallies()
        best = max(tallies, default=0)
        return [i for i, n in enumerate(tallies) if n == best]

    def take_group_choice(self) -> None:
        leaders = self.leaders()
        if len(leaders) == 1:
            self.pick(leaders[0], tie=False)
        else:
            self.ui.app.push(TieScene(self.ui, self, leaders))

    def pick(self, position: int, tie: bool) -> None:
        choices = self.view.choices
        self.session.record.add_choice(self.scenario.id, self.view.node.id, [c.text.source for c in choices],
                                       self.current_tallies(), position, tie, time.monotonic() - self.node_started)
        self.choose(choices[position].index)

    def choose(self, index: int) -> None:
        from .talk import RoomFeedbackScene

        choice = self.play.choose(index)
        self.ui.app.play_sound("choice")
        self.ui.app.push(RoomFeedbackScene(self.ui, self, choice))

    def show_current(self, reveal_all: bool = False) -> None:
        if self.view.node is not self.play.view().node:
            self.session.record.add_scene_time(self.scenario.id, self.view.node.id, time.monotonic() - self.node_started)
            self.node_started = time.monotonic()
        super().show_current(reveal_all)
        self.update_notes()

    def enter(self) -> None:
        super().enter()
        self.update_notes()

    def update_notes(self) -> None:
        """Keep the second screen's notes in step with the story."""
        notes = self.ui.app.notes_window
        if notes is not None:
            if not notes.is_open:
                notes.open()
            notes.show(self)

    def finish(self) -> None:
        self.session.record.add_scene_time(self.scenario.id, self.view.node.id, time.monotonic() - self.node_started)
        self.session.story_done(self.view.ending)

    def pause(self) -> None:
        from .panels import RoomMenuScene

        self.ui.app.push(RoomMenuScene(self.ui, self))

    # Layout ------------------------------------------------------------------------------

    def build(self) -> None:
        super().build()
        self.widgets = [w for w in self.widgets if w.id != "undo"]  # the group's choices stand (and are recorded)
        theme, tr = self.ui.theme, self.ui.tr
        label = tr._("Take a break")
        width = self.ui.text.measure(label, theme.label) + theme.px(48)
        menu = self.widget("menu")
        self.button("break", label, pygame.Rect(menu.rect.right + theme.gap, theme.px(14), width, self.header_height),
                    self.take_break, "quiet")

    def take_break(self) -> None:
        from .panels import BreakScene

        self.ui.app.push(BreakScene(self.ui))

    def build_choices(self, bottom: int) -> int:
        theme, tr, text = self.ui.theme, self.ui.tr, self.ui.text
        tallies = self.current_tallies()
        take = tr._("Take the group's choice")
        take_w = max(text.measure(take, theme.label) + theme.px(80), theme.px(260))
        self.button("take", take, pygame.Rect(self.column.right - take_w, bottom - theme.button_height,
                                              take_w, theme.button_height), self.take_group_choice, "primary")
        bottom -= theme.button_height + theme.gap
        small = max(theme.button_height, text.measure("+", theme.heading) + theme.px(30))
        count_w = text.measure("888", theme.heading) + theme.px(20)
        choice_w = self.column.width - 2 * small - count_w - 3 * theme.gap
        heights = [max(Button("measure", label=self.say(c.text), kind="choice", number=1).height_for(self.ui, choice_w),
                       theme.button_height) for c in self.view.choices]
        y = bottom - sum(heights) - theme.gap * (len(heights) - 1)
        for position, (choice, height) in enumerate(zip(self.view.choices, heights)):
            x = self.column.x
            rect = pygame.Rect(x, y, choice_w, height)
            self.button(f"choice:{choice.index}", self.say(choice.text), rect,
                        lambda p=position: self.add(p, 1), "choice", number=letter(position))
            x = rect.right + theme.gap
            middle = y + (height - small) // 2
            self.button(f"minus:{position}", "\u2212", pygame.Rect(x, middle, small, small),
                        lambda p=position: self.add(p, -1), "secondary")
            self.widgets[-1].enabled = tallies[position] > 0
            x += small + theme.gap + count_w + theme.gap
            self.button(f"plus:{position}", "+", pygame.Rect(x, middle, small, small),
                        lambda p=position: self.add(p, 1), "secondary")
            y += height + theme.gap
        return bottom - sum(heights) - theme.gap * len(heights)

    def initial_focus(self) -> int:
        for number, widget in enumerate(self.widgets):
            if widget.id in ("next_line", "continue", "finish", "take"):
                return number
        return 0

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.all_revealed and self.view.choices and event.key in TALLY_KEYS:
            self.add(TALLY_KEYS.index(event.key), -1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if event.key in (pygame.K_n, pygame.K_g, pygame.K_b):
            return room_key(self, event)
        if event.key == pygame.K_BACKSPACE:
            return False  # the group's choices stand
        return super().on_key(event) if not (pygame.K_1 <= event.key <= pygame.K_9) else False

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        if not (self.all_revealed and self.view.choices):
            return
        theme, text = self.ui.theme, self.ui.text
        for position, count in enumerate(self.current_tallies()):
            minus, plus = self.widget(f"minus:{position}"), self.widget(f"plus:{position}")
            if minus is None or plus is None:
                continue
            box = pygame.Rect(minus.rect.right, minus.rect.y, plus.rect.x - minus.rect.right, minus.rect.height)
            shadowed_panel(surface, box.inflate(-theme.px(6), 0), theme.radius)
            # Large, unless the language's lines are taller than the row (Khmer, Thai at large sizes).
            style = theme.heading if text.line_height(theme.heading) <= box.height else theme.label
            text.draw_in_box(surface, str(count), style, T.INK, box, "center", "middle")


class TieScene(MenuCardScene):
    """A tie: the facilitator picks one of the options that share the top tally."""

    name = "workshop_tie"
    heading_colour = T.TEAL

    def __init__(self, ui, story: RoomStoryScene, leaders: list[int]):
        super().__init__(ui, story)
        self.leaders = leaders

    def heading(self) -> str:
        return self.ui.tr._("It's a tie. Which choice does the group take?")

    def items(self) -> list[tuple]:
        choices = self.story.view.choices
        return [(f"tie:{position}", self.story.say(choices[position].text), lambda p=position: self.decide(p), "choice",
                 {"number": letter(position)}) for position in self.leaders]

    def decide(self, position: int) -> None:
        story = self.story
        self.ui.app.pop()
        story.pick(position, tie=True)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in TALLY_KEYS and TALLY_KEYS.index(event.key) in self.leaders:
            self.decide(TALLY_KEYS.index(event.key))
            return True
        return False
