"""After every choice: a gentle word on what it means, then the talk.

Layer: game/ui. Two cards over the story: the feedback ("Let's talk about
it"), then the discussion prompts, each addressed to the child, the
grown-up or both by name; "We talked about it" moves the story on.
"""

from __future__ import annotations

import pygame

from ...story.model import Choice
from .. import theme as T
from ..art import draw_avatar
from ..paging import Block, block_height, draw_blocks, paginate, split_block
from ..scene import Scene
from ..widgets import shadowed_panel


class Card(Scene):
    """A centred card over the story with a primary button at its foot."""

    overlay = True

    def __init__(self, ui, story):
        super().__init__(ui)
        self.story = story
        self.card = pygame.Rect(0, 0, 0, 0)
        self.body = pygame.Rect(0, 0, 0, 0)

    def place_card(self, content_height: int, button_label: str, action) -> None:
        theme = self.ui.theme
        pad = theme.px(40)
        width = min(theme.px(920), theme.width - 2 * theme.margin)
        available = theme.height - self.content_top - theme.margin
        height = min(content_height + 2 * pad + theme.button_height + theme.gap, available)
        self.card = pygame.Rect((theme.width - width) // 2, self.content_top + (available - height) // 2, width, height)
        self.body = pygame.Rect(self.card.x + pad, self.card.y + pad, width - 2 * pad,
                                height - 2 * pad - theme.button_height - theme.gap)
        label_w = max(self.ui.text.measure(button_label, theme.label) + theme.px(80), theme.px(260))
        rect = pygame.Rect(self.card.right - pad - label_w, self.card.bottom - pad - theme.button_height,
                           label_w, theme.button_height)
        self.button("go_on", button_label, rect, action, "primary")

    def paint(self, surface: pygame.Surface) -> None:
        shadowed_panel(surface, self.card, self.ui.theme.radius * 2)


class FeedbackScene(Card):
    name = "feedback"

    def __init__(self, ui, story, choice: Choice):
        super().__init__(ui, story)
        self.choice = choice
        self.page = 0
        self.pages: list[list[Block]] = []

    def blocks(self) -> list[Block]:
        theme, tr = self.ui.theme, self.ui.tr
        blocks = [Block(tr._("You chose"), theme.small, T.MUTED_INK, keep_with_next=True),
                  Block(self.story.say(self.choice.text), theme.heading, T.INK, theme.px(4))]
        if self.choice.feedback is not None:
            blocks.append(Block(self.story.say(self.choice.feedback), theme.body, T.INK, theme.px(24)))
        return blocks

    def build(self) -> None:
        theme = self.ui.theme
        width = min(theme.px(920), theme.width - 2 * theme.margin) - 2 * theme.px(40)
        available = theme.height - self.content_top - theme.margin - 2 * theme.px(40) - theme.button_height - theme.gap
        self.pages = paginate(self.ui.text, self.blocks(), pygame.Rect(0, 0, width, available))
        self.page = min(self.page, len(self.pages) - 1)
        shown = self.pages[self.page]
        height = sum(block_height(self.ui.text, b, width) + (b.gap_before if n else 0) for n, b in enumerate(shown))
        last = self.page == len(self.pages) - 1
        label = self.ui.tr._("Let's talk about it") if last else self.ui.tr._("Next")
        self.place_card(height, label, self.go_on if last else self.next_page)

    def next_page(self) -> None:
        self.page += 1
        self.turn_page()

    def go_on(self) -> None:
        self.ui.app.replace(DiscussionScene(self.ui, self.story, self.choice))

    def on_back(self) -> bool:
        self.go_on()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        draw_blocks(surface, self.ui.text, self.pages[self.page], self.body)


class DiscussionScene(Card):
    name = "discussion"

    def __init__(self, ui, story, choice: Choice):
        super().__init__(ui, story)
        self.choice = choice
        self.rows: list[tuple[str, str, str, int]] = []  # (to, addressee label, text, height) on this page
        self.page = 0
        self.page_count = 1

    def addressee(self, to: str) -> str:
        settings, tr = self.ui.settings, self.ui.tr
        if to == "child":
            return tr._("For {name}").format(name=settings.child_name) if settings.child_name else tr._("For the child")
        if to == "caregiver":
            return (tr._("For {name}").format(name=settings.caregiver_name) if settings.caregiver_name
                    else tr._("For the grown-up"))
        return tr._("For both of you")

    def build(self) -> None:
        theme = self.ui.theme
        width = min(theme.px(920), theme.width - 2 * theme.margin) - 2 * theme.px(40)
        avatar = theme.px(64)
        text_w = width - avatar - theme.gap
        heading = self.ui.text.layout(self.ui.tr._("Talk about it"), theme.heading, width).height + theme.gap
        available = (theme.height - self.content_top - theme.margin - 2 * theme.px(40)
                     - theme.button_height - theme.gap - heading)
        pages: list[list[tuple]] = [[]]
        used = 0
        pending = [(prompt.to, self.addressee(prompt.to), self.story.say(prompt.text)) for prompt in self.choice.discuss]
        while pending:
            to, label, text = pending.pop(0)
            label_h = self.ui.text.layout(label, theme.label, text_w).height if label else 0
            body = self.ui.text.layout(text, theme.body, text_w)
            row = max(label_h + body.height, avatar if to else 0) + theme.px(18)
            if row > available and len(body.lines) > 1:  # one question taller than a page: it goes on over two
                fit = max((available - label_h - theme.px(18)) // body.line_height, 1)
                if fit < len(body.lines):
                    head, tail = split_block(self.ui.text, Block(text, theme.body, T.INK), text_w, fit)
                    pending.insert(0, ("", "", tail.text))  # the rest: no picture, no "For ..." again
                    text = head.text
                    row = max(label_h + fit * body.line_height, avatar if to else 0) + theme.px(18)
            if pages[-1] and used + row > available:  # the rest on the next page
                pages.append([])
                used = 0
            pages[-1].append((to, label, text, row))
            used += row
        self.page_count = len(pages)
        self.page = min(self.page, self.page_count - 1)
        self.rows = pages[self.page]
        last = self.page == self.page_count - 1
        label = self.ui.tr._("We talked about it") if last else self.ui.tr._("Next question")
        self.place_card(heading + sum(row[3] for row in self.rows), label, self.done if last else self.next_page)

    def next_page(self) -> None:
        self.page += 1
        self.turn_page()

    def done(self) -> None:
        story = self.story
        self.ui.app.pop()
        story.after_talk()

    def on_back(self) -> bool:
        return False  # the talk is the point: "We talked about it" moves on

    def paint(self, surface: pygame.Surface) -> None:
        super().paint(surface)
        theme, text = self.ui.theme, self.ui.text
        heading = self.ui.tr._("Talk about it")
        heading_h = text.layout(heading, theme.heading, self.body.width).height
        text.draw_in_box(surface, heading, theme.heading, T.TEAL, pygame.Rect(self.body.x, self.body.y, self.body.width, heading_h))
        y = self.body.y + heading_h + theme.gap
        avatar = theme.px(64)
        settings = self.ui.settings
        for to, label, prompt, row in self.rows:
            box = pygame.Rect(self.body.x, y, avatar, avatar)
            if not to:  # the rest of a question from the page before
                pass
            elif to == "both":
                draw_avatar(surface, pygame.Rect(box.x, box.y, avatar * 2 // 3, avatar * 2 // 3), settings.caregiver_avatar, "caregiver")
                draw_avatar(surface, pygame.Rect(box.x + avatar // 3, box.y + avatar // 3, avatar * 2 // 3, avatar * 2 // 3),
                            settings.child_avatar, "child")
            else:
                look = settings.child_avatar if to == "child" else settings.caregiver_avatar
                draw_avatar(surface, box, look, to)
            x = box.right + theme.gap
            label_h = text.layout(label, theme.label, self.body.right - x).height if label else 0
            if label:
                text.draw_in_box(surface, label, theme.label, T.CORAL_DARK, pygame.Rect(x, y, self.body.right - x, label_h))
            body_h = text.layout(prompt, theme.body, self.body.right - x).height
            text.draw_in_box(surface, prompt, theme.body, T.INK, pygame.Rect(x, y + label_h, self.body.right - x, body_h))
            y += row
