"""The language picker: the first screen on a first start, and from settings.

Layer: game/ui. A friendly welcome (the game's name and what it is), then a
grid of large buttons, one per language, each named in itself with the
English name beneath and a "draft translation" mark where that applies.
Arrows move through the grid (up and down by rows), Enter or a click picks.
The grid scrolls when twelve languages at 200% text do not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from .. import theme as T
from ..art import draw_avatar, draw_check
from ..widgets import Button, rounded
from .scrolling import ScrollingScene

if TYPE_CHECKING:
    from ...i18n.translator import Language
    from ...text import TextStyle
    from ..app import UI

MAX_COLUMNS = 4
DRAFT_FILL = (255, 234, 196)
SKY_TOP, SKY_BOTTOM = (214, 234, 246), (246, 249, 244)
HILL_BACK, HILL_FRONT = (214, 232, 214), (200, 224, 206)


@dataclass
class LanguageButton(Button):
    """A language: its own name large, the English name small, maybe a draft mark."""

    english_name: str = ""
    draft_text: str = ""
    code: str = ""

    def spoken(self, ui: UI) -> list:
        """The language's name in its own voice, then in English."""
        from ..read_aloud import Utterance

        said = [Utterance(self.label, self.code)]
        return said + [Utterance(self.english_name, "en")] if self.english_name != self.label else said

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        ink = self.draw_frame(surface, ui, focused, hovered)
        inner = self.rect.inflate(-2 * side_padding(ui), 0)
        parts = button_parts(ui, self.label, self.english_name, self.draft_text, inner.width)
        y = self.rect.centery - sum(part[3] for part in parts) // 2
        for kind, text, style, height in parts:
            box = pygame.Rect(inner.x, y, inner.width, height)
            if kind == "draft":
                pill = pygame.Rect(0, 0, draft_pill_width(ui, text, inner.width), height - theme.px(6))
                pill.midtop = (box.centerx, box.y + theme.px(6))
                rounded(surface, DRAFT_FILL, pill, pill.height // 2)
                ui.text.draw_in_box(surface, text, style, T.INK, pill, "center", "middle")
            else:
                colour = ink if kind == "name" or self.selected else T.MUTED_INK
                ui.text.draw_in_box(surface, text, style, colour, box, "center", "top")
            y += height
        if self.selected:
            size = check_size(ui)
            badge = pygame.Rect(self.rect.right - size - theme.px(10), self.rect.y + theme.px(10), size, size)
            pygame.draw.circle(surface, T.WHITE, badge.center, size // 2)
            draw_check(surface, badge.inflate(-size // 4, -size // 4), T.TEAL)


def draft_pill_width(ui: UI, text: str, width: int) -> int:
    return min(ui.text.measure(text, ui.theme.small) + ui.theme.px(24), width)


def check_size(ui: UI) -> int:
    return ui.theme.px(30)


def side_padding(ui: UI) -> int:
    return ui.theme.px(14) + check_size(ui)


def button_parts(ui: UI, name: str, english: str, draft: str, width: int) -> list[tuple[str, str, TextStyle, int]]:
    """(kind, text, style, height) from top to bottom; the draft pill gets a little air."""
    theme = ui.theme
    parts = [("name", name, theme.heading, ui.text.layout(name, theme.heading, width).height)]
    if english and english != name:
        parts.append(("english", english, theme.small, ui.text.layout(english, theme.small, width).height))
    if draft:  # a pill that wraps onto two lines when the button is narrow
        height = ui.text.layout(draft, theme.small, draft_pill_width(ui, draft, width)).height
        parts.append(("draft", draft, theme.small, height + theme.px(10)))
    return parts


def draw_globe(surface: pygame.Surface, rect: pygame.Rect, colour) -> None:
    """A globe: a picture that says "language" before you can read any."""
    width = max(rect.width // 14, 2)
    pygame.draw.circle(surface, colour, rect.center, rect.width // 2, width)
    pygame.draw.ellipse(surface, colour, rect.inflate(-rect.width // 2, 0), width)
    pygame.draw.line(surface, colour, rect.midleft, rect.midright, width)
    for dy in (-rect.height // 4, rect.height // 4):
        chord = int((rect.width / 2) * 0.86)
        pygame.draw.line(surface, colour, (rect.centerx - chord, rect.centery + dy), (rect.centerx + chord, rect.centery + dy), width)


class LanguageScene(ScrollingScene):
    name = "language"
    centre_content = True

    def __init__(self, ui: UI, then: Callable[[], None]):
        super().__init__(ui)
        self.then = then
        self.columns = 1

    # Actions -------------------------------------------------------------------

    def choose(self, code: str) -> None:
        self.ui.app.set_language(code)
        self.then()

    def can_go_back(self) -> bool:
        return len(self.ui.app.stack) > 1

    def on_back(self) -> bool:
        if self.can_go_back():
            self.ui.app.pop()
            return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_UP, pygame.K_DOWN) and isinstance(self.focused, LanguageButton):
            buttons = [w for w in self.widgets if isinstance(w, LanguageButton)]
            target = buttons.index(self.focused) + (self.columns if event.key == pygame.K_DOWN else -self.columns)
            if 0 <= target < len(buttons):
                self.focus = self.widgets.index(buttons[target])
                return True
            return False  # past the first or last row: ordinary focus movement
        return super().on_key(event)

    def speech(self) -> list:
        """The welcome in the game's language, then each language's name in its own voice."""
        buttons = [w for w in self.widgets if isinstance(w, LanguageButton)]
        on_buttons = {text for w in buttons for text in (w.label, w.english_name, w.draft_text)}
        return [text for text in super().speech() if text not in on_buttons] + [w.spoken(self.ui)[0] for w in buttons]

    def initial_focus(self) -> int:
        """The language in use, else English (the source language), else the first."""
        buttons = [(n, w) for n, w in enumerate(self.widgets) if isinstance(w, LanguageButton)]
        for wanted in (lambda w: w.selected, lambda w: w.code == "en", lambda w: True):
            for number, widget in buttons:
                if wanted(widget):
                    return number
        return 0

    # Layout --------------------------------------------------------------------

    def current_code(self) -> str:
        return self.ui.settings.language

    def viewport(self) -> pygame.Rect:
        theme = self.ui.theme
        top = self.content_top
        return pygame.Rect(theme.margin, top, theme.width - 2 * theme.margin, theme.height - top - theme.gap)

    def build_fixed(self) -> None:
        """Back (when there is somewhere to go back to), then the accessibility
        menu, so it can be set up before anything else (F2 opens it too)."""
        theme, x = self.ui.theme, self.ui.theme.margin
        buttons = [("back", self.ui.tr._("Back"), self.ui.app.pop)] if self.can_go_back() else []
        # Translators: on the very first screen; keep "F2", the key that opens the menu.
        buttons.append(("accessibility", self.ui.tr._("Accessibility (F2)"), self.ui.app.open_accessibility))
        for number, (widget_id, label, action) in enumerate(buttons):
            width = self.ui.text.measure(label, theme.label) + theme.px(48)
            rect = pygame.Rect(x, theme.px(14), width, self.header_height)
            self.widgets.insert(number, Button(widget_id, rect, label=label, on_click=action, kind="quiet"))
            x += width + theme.gap

    def build_scrolled(self, left: int, width: int) -> int:
        theme, tr = self.ui.theme, self.ui.tr
        y = theme.px(12)
        y = self.build_welcome(left, width, y)
        prompt = tr._("Choose your language")
        icon = max(theme.px(36), self.ui.text.line_height(theme.heading) * 3 // 4)
        text_width = min(self.ui.text.layout(prompt, theme.heading, width - icon - theme.gap).width,
                         width - icon - theme.gap)
        height = max(icon, self.ui.text.layout(prompt, theme.heading, text_width).height)
        start = left + (width - icon - theme.gap - text_width) // 2
        globe = pygame.Rect(start, y + (height - icon) // 2, icon, icon)
        self.scroll.picture(globe, lambda s, r: draw_globe(s, r, T.TEAL))
        self.add_text(prompt, theme.heading, T.INK, pygame.Rect(globe.right + theme.gap, y, text_width, height), "left")
        y += height + theme.gap * 3 // 2
        return self.build_grid(left, width, y) + theme.px(12)

    def build_welcome(self, left: int, width: int, y: int) -> int:
        theme, tr, text = self.ui.theme, self.ui.tr, self.ui.text
        title = tr._("Together Online")
        face = theme.px(88)
        title_style = theme.title if text.line_height(theme.title) * 6 <= self.scroll.viewport.height else theme.heading
        title_width = min(text.layout(title, title_style, width).width, width)
        if title_width + 2 * (face + theme.gap) <= width:  # the two players either side of the title
            title_height = text.layout(title, title_style, title_width).height
            row = max(face, title_height)
            box = pygame.Rect(left + (width - title_width) // 2, y + (row - title_height) // 2, title_width, title_height)
            for look, kind, x in ((0, "child", box.x - theme.gap - face), (3, "caregiver", box.right + theme.gap)):
                self.scroll.picture(pygame.Rect(x, y + (row - face) // 2, face, face),
                                    lambda s, r, look=look, kind=kind: draw_avatar(s, r, look, kind))
            self.add_text(title, title_style, T.TEAL, box, "center")
            y += row
        else:
            height = text.layout(title, title_style, width).height
            self.add_text(title, title_style, T.TEAL, pygame.Rect(left, y, width, height), "center")
            y += height
        line = tr._("A game for a child and a grown-up to play together: short stories about life online, "
                    "with a talk after every choice.")
        line_width = min(width, theme.px(860) * max(theme.text_scale, 100) // 100)
        height = text.layout(line, theme.body, line_width).height
        self.add_text(line, theme.body, T.INK, pygame.Rect(left + (width - line_width) // 2, y + theme.gap // 2,
                                                             line_width, height), "center")
        return y + theme.gap // 2 + height + theme.gap * 2

    def build_grid(self, left: int, width: int, y: int) -> int:
        theme, tr, ui = self.ui.theme, self.ui.tr, self.ui
        languages: list[Language] = list(ui.languages)
        if not languages:
            return y
        gap = theme.gap
        draft = tr._("Draft translation")
        widest = max(ui.text.measure(lang.name, theme.heading) for lang in languages)
        least = max(theme.px(250), widest + 2 * side_padding(ui))
        columns = max(1, min(MAX_COLUMNS, len(languages), (width + gap) // (least + gap)))
        cell = min((width - gap * (columns - 1)) // columns, max(theme.px(380), least))
        inner = cell - 2 * side_padding(ui)
        any_draft = any(lang.draft for lang in languages)
        tallest = max(sum(part[3] for part in button_parts(ui, lang.name, lang.english_name, draft if any_draft else "", inner))
                      for lang in languages)
        height = max(theme.button_height, tallest + theme.px(24))
        self.columns = columns
        for start in range(0, len(languages), columns):
            row = languages[start:start + columns]
            x = left + (width - len(row) * cell - (len(row) - 1) * gap) // 2
            for lang in row:
                widget = LanguageButton(f"language_{lang.code}", pygame.Rect(x, y, cell, height), label=lang.name,
                                        on_click=lambda code=lang.code: self.choose(code), kind="secondary",
                                        selected=lang.code == self.current_code(), english_name=lang.english_name,
                                        draft_text=draft if lang.draft else "", code=lang.code)
                self.widgets.append(self.scroll.add(widget))
                x += cell + gap
            y += height + gap
        return y - gap

    def add_text(self, text: str, style, colour, rect: pygame.Rect, align: str) -> None:
        self.scroll.picture(rect, lambda s, r: self.ui.text.draw_in_box(s, text, style, colour, r, align))

    # Drawing -------------------------------------------------------------------

    def paint(self, surface: pygame.Surface) -> None:
        """A calm sky and two soft hills; nothing in the corners where buttons sit."""
        width, height = surface.get_size()
        steps = 24
        for i in range(steps):
            t = i / (steps - 1)
            colour = tuple(int(a + (b - a) * t) for a, b in zip(SKY_TOP, SKY_BOTTOM))
            surface.fill(colour, pygame.Rect(0, height * i // steps, width, height // steps + 1))
        pygame.draw.ellipse(surface, HILL_BACK, pygame.Rect(-width * 0.15, height * 0.8, width * 0.75, height * 0.5))
        pygame.draw.ellipse(surface, HILL_FRONT, pygame.Rect(width * 0.45, height * 0.84, width * 0.75, height * 0.45))
