"""The workshop's other screens: the content note for the facilitator, the
break screen, the facilitator's notes, the disclosure guidance, the menu
over a story, and the end screen that saves the record.

Layer: game/ui.
"""

from __future__ import annotations

import pygame

from ... import theme as T
from ...paging import Block, draw_blocks, paginate
from ...scene import Scene
from ...widgets import shadowed_panel
from ..content_note import ContentNoteScene
from ..menu_card import MenuCardScene
from ..paged import PagedPanelScene, guide_sections
from . import GUIDANCE_CONTEXT, back_to_menu, disclosure_guide, open_guidance

CALM = (30, 70, 78)  # the break screen: a deep, quiet teal


class WorkshopNoteScene(ContentNoteScene):
    """Before each story: the content note, for the facilitator."""

    name = "workshop_note"
    back_on_first_page = False

    def __init__(self, ui, session, scenario):
        super().__init__(ui, scenario)
        self.session = session

    def finish(self) -> None:
        self.session.start_story(self.scenario)

    def leave_first_page(self) -> bool:
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_g:
            open_guidance(self.ui)
            return True
        if event.key == pygame.K_b:
            self.ui.app.push(BreakScene(self.ui))
            return True
        return False


class BreakScene(Scene):
    """A calm full screen; any key or click returns."""

    name = "workshop_break"
    show_help_button = False

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONUP and event.button == 1):
            self.ui.app.pop()
            return True
        return False

    def paint(self, surface: pygame.Surface) -> None:
        theme, text, tr = self.ui.theme, self.ui.text, self.ui.tr
        surface.fill(CALM)
        centre = (theme.width // 2, theme.height // 2 - theme.px(60))
        for radius, colour in ((theme.px(150), (40, 88, 96)), (theme.px(100), (52, 104, 112)), (theme.px(52), (68, 122, 128))):
            pygame.draw.circle(surface, colour, centre, radius)
        width = theme.width - 2 * theme.margin
        title = tr._("Take a break")
        hint = tr._("We will go on in a moment.")
        y = centre[1] + theme.px(170)
        for line, style, colour in ((title, theme.title, T.WHITE), (hint, theme.body, (214, 236, 236))):
            height = text.layout(line, style, width).height
            text.draw_in_box(surface, line, style, colour, pygame.Rect(theme.margin, y, width, height), "center")
            y += height + theme.gap


class NotesScene(Scene):
    """The facilitator's notes: learning goals and the prompts ahead. N hides them."""

    name = "workshop_notes"
    overlay = True

    def __init__(self, ui, story):
        super().__init__(ui)
        self.story = story
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)
        self.pages: list[list[Block]] = []
        self.page = 0

    def blocks(self) -> list[Block]:
        theme, tr, story = self.ui.theme, self.ui.tr, self.story
        blocks = [Block(tr._("For the facilitator: not for the room"), theme.label, T.CORAL_DARK, keep_with_next=True),
                  Block(tr._("What we will talk about"), theme.label, T.TEAL, theme.px(12), keep_with_next=True)]
        blocks += [Block(story.say(goal), theme.body, T.INK, theme.px(4), bullet=True) for goal in story.scenario.learning_goals]
        choices = story.view.choices
        if choices:
            blocks.append(Block(tr._("The prompts ahead"), theme.label, T.TEAL, theme.px(16), keep_with_next=True))
            from ....workshop.record import letter

            for position, choice in enumerate(choices):
                for prompt in choice.discuss:
                    line = tr._("After {letter}: {prompt}").format(letter=letter(position), prompt=story.say(prompt.text))
                    blocks.append(Block(line, theme.body, T.INK, theme.px(4), bullet=True))
        return blocks

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m, pad, gap = theme.margin, theme.px(32), theme.gap
        self.panel = pygame.Rect(m, self.content_top, theme.width - 2 * m, theme.height - self.content_top - m)
        inner = self.panel.width - 2 * pad
        items = [("guidance", tr._("If a child tells you something"), lambda: open_guidance(self.ui), "secondary"),
                 ("more", tr._("Next"), self.next_page, "secondary"),
                 ("hide", tr._("Hide the notes"), self.ui.app.pop, "primary")]
        rows: list[list[tuple]] = [[]]
        used = 0
        for item in items:  # wrap the buttons onto rows that fit the panel
            width = min(self.ui.text.measure(item[1], theme.label) + theme.px(56), inner)
            if rows[-1] and used + gap + width > inner:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append((item, width))
        top = self.panel.bottom - pad - len(rows) * (theme.button_height + gap) + gap
        self.text_box = pygame.Rect(self.panel.x + pad, self.panel.y + pad, inner, top - gap - self.panel.y - pad)
        self.pages = paginate(self.ui.text, self.blocks(), self.text_box)
        self.page = min(self.page, len(self.pages) - 1)
        y = top
        for row in rows:
            x = self.panel.x + pad
            for (widget_id, label, action, kind), width in row:
                button = self.button(widget_id, label, pygame.Rect(x, y, width, theme.button_height), action, kind)
                button.enabled = widget_id != "more" or len(self.pages) > 1
                x += width + gap
            y += theme.button_height + gap

    def next_page(self) -> None:
        self.page = (self.page + 1) % len(self.pages)
        self.turn_page()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_n:
            self.ui.app.pop()
            return True
        if event.key == pygame.K_g:
            open_guidance(self.ui)
            return True
        return False

    def on_back(self) -> bool:
        self.ui.app.pop()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        shadowed_panel(surface, self.panel, self.ui.theme.radius * 2)
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.text_box)


class GuidanceScene(PagedPanelScene):
    """If a child tells you something: the disclosure guidance, one section a page."""

    name = "workshop_guidance"
    back_on_first_page = True

    def __init__(self, ui, first_time: bool = False):
        super().__init__(ui)
        self.first_time = first_time
        self.back_on_first_page = not first_time  # read it once before the first workshop
        self.guide = disclosure_guide()

    def t(self, text) -> str:
        return self.ui.tr.scenario_text(GUIDANCE_CONTEXT, text.source)

    def sections(self) -> list[list[Block]]:
        return guide_sections(self.ui, self.guide, GUIDANCE_CONTEXT)

    def finish_label(self) -> str:
        return self.ui.tr._("I have read this") if self.first_time else self.ui.tr._("Close")

    def finish(self) -> None:
        if self.first_time:
            self.ui.settings.workshop_guidance_seen = True
            self.ui.save_settings()
        self.ui.app.pop()

    def leave_first_page(self) -> bool:
        if self.first_time:
            return False  # read it once before the first workshop
        self.ui.app.pop()
        return True

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_g and not self.first_time:
            self.ui.app.pop()
            return True
        return False

    def paint(self, surface: pygame.Surface) -> None:
        surface.fill(T.PAPER)
        self.draw_header_title(surface, self.t(self.guide.title))
        shadowed_panel(surface, self.panel, self.ui.theme.radius)
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.text_box)


class RoomMenuScene(MenuCardScene):
    """Esc or Menu during a story: go on, skip to the next story, or end the workshop."""

    name = "workshop_menu"

    def items(self) -> list[tuple]:
        tr = self.ui.tr
        return [("resume", tr._("Go on with the story"), self.ui.app.pop, "primary"),
                ("skip", tr._("Go to the next story"), self.skip, "secondary"),
                ("end", tr._("End the workshop"), self.end, "secondary")]

    def skip(self) -> None:
        self.story.session.story_done(None)

    def end(self) -> None:
        self.story.session.finish()


class WorkshopEndScene(Scene):
    """After the last story: save the anonymous record, or go back to the menu."""

    name = "workshop_end"

    def __init__(self, ui, session):
        super().__init__(ui)
        self.session = session
        self.message = ""
        self.panel = pygame.Rect(0, 0, 0, 0)

    def summary(self) -> str:
        record, tr = self.session.record, self.ui.tr
        stories = tr.ngettext("{n} story played", "{n} stories played", len(record.stories)).format(n=len(record.stories))
        choices = tr.ngettext("{n} choice made together", "{n} choices made together",
                              len(record.choices)).format(n=len(record.choices))
        return tr._("{stories}, {choices}. Thank you for playing together.").format(stories=stories, choices=choices)

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m = theme.margin
        items = [("menu", tr._("Back to the menu"), lambda: back_to_menu(self.ui), "secondary"),
                 ("save", tr._("Save the record"), self.save, "primary")]
        top = self.button_rows(items, theme.height - m)
        self.panel = pygame.Rect(m, self.content_top, theme.width - 2 * m, top - theme.gap - self.content_top)

    def save(self) -> None:
        tr = self.ui.tr
        try:
            paths = self.session.save()
        except OSError as exc:
            self.message = tr._("The record could not be saved ({reason}).").format(reason=exc.strerror or str(exc))
        else:
            folders = sorted({str(p.parent) for p in paths})
            self.message = tr._("The record was saved in: {folders}").format(folders="; ".join(folders))
        self.rebuild()

    def on_back(self) -> bool:
        back_to_menu(self.ui)
        return True

    def paint(self, surface: pygame.Surface) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        surface.fill(T.PAPER)
        self.draw_header_title(surface, tr._("The workshop is over"))
        shadowed_panel(surface, self.panel, theme.radius)
        pad = theme.px(32)
        blocks = [Block(self.summary(), theme.heading, T.TEAL),
                  Block(tr._("The record keeps the stories, the choices and the time spent, and nothing about "
                             "who was in the room."), theme.body, T.INK, theme.px(16))]
        if self.message:
            blocks.append(Block(self.message, theme.body, T.CORAL_DARK, theme.px(16)))
        box = self.panel.inflate(-2 * pad, -2 * pad)
        pages = paginate(self.ui.text, blocks, box)
        draw_blocks(surface, self.ui.text, pages[-1] if self.message else pages[0], box)
