"""Who is playing: optional nicknames, the child's age and a look for each.

Layer: game/ui. Two cards, the child's and the grown-up's (side by side when
there is room, one above the other otherwise, scrolling at 200% text). All
of it is optional and stays on this computer; "Skip" goes on without names.
Tab and arrows move through the fields, avatar tiles and the age stepper;
Enter picks; typing goes to the focused name field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from ...settings import MAX_NICKNAME
from .. import art
from .. import theme as T
from ..widgets import Button, TextField, focus_ring, rounded, shadowed_panel
from .scrolling import ScrollingScene

if TYPE_CHECKING:
    from ..app import UI

MIN_AGE, MAX_AGE = 5, 16
CARD_PAD = 20  # design pixels inside each person's card
NOT_GIVEN = 0


@dataclass
class AvatarTile(Button):
    """One look to choose: the face, and a check mark when it is the chosen one."""

    look: int = 0
    person: str = "child"

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        fill = T.TEAL_LIGHT if self.selected or hovered else T.PANEL
        shadowed_panel(surface, self.rect, theme.radius, fill)
        rounded(surface, T.TEAL if self.selected else T.MUTED_INK, self.rect, theme.radius,
                max(theme.px(5 if self.selected else 2), 2))
        if focused:
            focus_ring(surface, self.rect, ui)
        face = self.rect.inflate(-theme.px(14), -theme.px(14))
        art.draw_avatar(surface, face, self.look, self.person)
        if self.selected:
            size = max(self.rect.width // 3, theme.px(22))
            badge = pygame.Rect(self.rect.right - size + theme.px(4), self.rect.bottom - size + theme.px(4), size, size)
            pygame.draw.circle(surface, T.WHITE, badge.center, size // 2)
            pygame.draw.circle(surface, T.TEAL, badge.center, size // 2 - max(theme.px(2), 1))
            art.draw_check(surface, badge.inflate(-size // 3, -size // 3), T.WHITE)


@dataclass
class SignButton(Button):
    """The age stepper's minus and plus, drawn as bars (no glyph to miss in a font)."""

    sign: int = 1
    value: str = ""  # the age shown between the two buttons, for read-aloud

    def spoken(self, ui: UI) -> list:
        # Translators: read aloud (never shown) for the age stepper's minus and plus buttons.
        return [ui.tr._("Younger") if self.sign < 0 else ui.tr._("Older"), self.value]

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        super().draw(surface, ui, focused, hovered)
        _, ink, _ = self.colours(hovered and self.enabled)
        colour = ink if self.enabled else T.MUTED_INK
        half, thick = self.rect.height // 5, max(self.rect.height // 12, 3)
        bar = pygame.Rect(0, 0, 2 * half, thick)
        bar.center = self.rect.center
        pygame.draw.rect(surface, colour, bar, border_radius=thick // 2)
        if self.sign > 0:
            pygame.draw.rect(surface, colour, pygame.Rect(0, 0, thick, 2 * half).move(
                self.rect.centerx - thick // 2, self.rect.centery - half), border_radius=thick // 2)


class PlayersScene(ScrollingScene):
    name = "players"

    def __init__(self, ui: UI, then: Callable[[], None]):
        super().__init__(ui)
        self.then = then
        settings = ui.settings
        self.names = {"child": settings.child_name, "caregiver": settings.caregiver_name}
        self.looks = {"child": settings.child_avatar % art.AVATAR_COUNT,
                      "caregiver": settings.caregiver_avatar % art.AVATAR_COUNT}
        age = settings.child_age  # a hand-edited file may hold 17 or 3: shown as the nearest step
        self.age = min(max(age, MIN_AGE), MAX_AGE) if age != NOT_GIVEN else NOT_GIVEN

    # Life cycle ------------------------------------------------------------------

    def enter(self) -> None:
        pygame.key.start_text_input()

    def leave(self) -> None:
        pygame.key.stop_text_input()

    def has_scene_below(self) -> bool:
        return len(self.ui.app.stack) > 1

    # Actions -----------------------------------------------------------------------

    def save_and_continue(self) -> None:
        settings = self.ui.settings
        settings.child_name = self.names["child"].strip()[:MAX_NICKNAME]
        settings.caregiver_name = self.names["caregiver"].strip()[:MAX_NICKNAME]
        settings.child_age = self.age
        settings.child_avatar = self.looks["child"]
        settings.caregiver_avatar = self.looks["caregiver"]
        self.ui.save_settings()
        self.then()

    def skip(self) -> None:
        """Go on without saving what was typed here."""
        self.then()

    def on_back(self) -> bool:
        if self.has_scene_below():
            self.ui.app.pop()
            return True
        return False

    def set_name(self, person: str, value: str) -> None:
        self.names[person] = value

    def set_look(self, person: str, look: int) -> None:
        self.looks[person] = look
        self.rebuild()

    def step_age(self, step: int) -> None:
        ages = [NOT_GIVEN, *range(MIN_AGE, MAX_AGE + 1)]
        current = ages.index(self.age)
        self.age = ages[max(0, min(current + step, len(ages) - 1))]
        self.rebuild()
        if self.ui.settings.read_aloud:
            self.ui.app.reader.say([self.age_text(self.age)])

    def initial_focus(self) -> int:
        return 0  # the child's name field: the first thing to fill in

    # Layout --------------------------------------------------------------------------

    def person_title(self, person: str) -> str:
        return self.ui.tr._("Child") if person == "child" else self.ui.tr._("Grown-up")

    def bottom_buttons(self) -> list[tuple[str, str, Callable[[], None], str]]:
        tr = self.ui.tr
        skip = tr._("Cancel") if self.has_scene_below() else tr._("Skip")
        return [("skip", skip, self.skip, "secondary"), ("continue", tr._("Continue"), self.save_and_continue, "primary")]

    def bar(self) -> list[pygame.Rect]:
        """Skip at the left, Continue at the right, both as tall as their labels need."""
        theme = self.ui.theme
        half = (theme.width - 2 * theme.margin - theme.gap) // 2
        widths = [min(max(theme.px(220), self.ui.text.measure(label, theme.label) + theme.px(64)), half) for _, label, _, _ in self.bottom_buttons()]
        height = max(Button("m", label=label).height_for(self.ui, width)
                     for (_, label, _, _), width in zip(self.bottom_buttons(), widths))
        y = theme.height - theme.margin * 3 // 4 - height
        return [pygame.Rect(theme.margin, y, widths[0], height),
                pygame.Rect(theme.width - theme.margin - widths[1], y, widths[1], height)]

    def viewport(self) -> pygame.Rect:
        theme = self.ui.theme
        top = self.content_top
        bottom = self.bar()[0].y - theme.gap
        return pygame.Rect(theme.margin, top, theme.width - 2 * theme.margin, bottom - top)

    def build_fixed(self) -> None:
        for (widget_id, label, action, kind), rect in zip(self.bottom_buttons(), self.bar()):
            self.button(widget_id, label, rect, action, kind=kind)

    def build_scrolled(self, left: int, width: int) -> int:
        theme, text = self.ui.theme, self.ui.text
        y = theme.px(6)
        intro = self.ui.tr._("All of this is optional, and it stays on this computer.")
        height = text.layout(intro, theme.body, width).height
        self.add_text(intro, theme.body, T.INK, pygame.Rect(left, y, width, height))
        y += height + theme.gap
        pad = theme.px(CARD_PAD)
        side_by_side = width >= 2 * self.least_card_width() + theme.gap
        if side_by_side:
            card = (width - theme.gap) // 2
            tallest = max(self.card_height(person, card - 2 * pad) for person in ("child", "caregiver"))
            for number, person in enumerate(("child", "caregiver")):
                self.build_card(person, pygame.Rect(left + number * (card + theme.gap), y, card, tallest), pad)
            return y + tallest + theme.px(12)
        for person in ("child", "caregiver"):
            height = self.card_height(person, width - 2 * pad)
            self.build_card(person, pygame.Rect(left, y, width, height), pad)
            y += height + theme.gap
        return y - theme.gap + theme.px(12)

    def tile_size(self) -> int:
        return max(self.ui.theme.button_height, self.ui.theme.px(72))

    def stepper_sizes(self) -> tuple[int, int]:
        """(button width, value box width) of the age stepper."""
        theme, text = self.ui.theme, self.ui.text
        value = max(text.measure(self.age_text(age), theme.body) for age in (NOT_GIVEN, MAX_AGE)) + theme.px(40)
        return max(theme.button_height, theme.px(60)), value

    def least_card_width(self) -> int:
        theme = self.ui.theme
        tiles = 3 * self.tile_size() + 2 * theme.px(10)
        button, value = self.stepper_sizes()
        return max(theme.px(420), tiles, 2 * button + value + 2 * theme.gap) + 2 * theme.px(CARD_PAD)

    def age_text(self, age: int) -> str:
        return self.ui.tr._("Not given") if age == NOT_GIVEN else str(age)

    def labels(self, person: str) -> list[str]:
        tr = self.ui.tr
        if person == "child":
            return [tr._("The child's nickname (optional)"), tr._("Choose a look"), tr._("The child's age (optional)")]
        return [tr._("The grown-up's nickname (optional)"), tr._("Choose a look")]

    def card_height(self, person: str, inner: int) -> int:
        return self.build_card_content(person, 0, 0, inner, measure_only=True)

    def build_card(self, person: str, card: pygame.Rect, pad: int) -> None:
        self.scroll.picture(card, lambda s, r: shadowed_panel(s, r, self.ui.theme.radius, T.PANEL))
        self.build_card_content(person, card.x + pad, card.y + pad, card.width - 2 * pad)

    def build_card_content(self, person: str, x: int, y: int, width: int, measure_only: bool = False) -> int:
        """Lay out one person's card from (x, y); returns its height including padding."""
        theme, text, tr = self.ui.theme, self.ui.text, self.ui.tr
        pad, top, space = theme.px(CARD_PAD), y, theme.px(12)
        face = max(theme.px(56), text.line_height(theme.heading))
        title = self.person_title(person)
        title_height = text.layout(title, theme.heading, width - face - theme.gap).height
        row = max(face, title_height)
        if not measure_only:
            look = self.looks[person]
            self.scroll.picture(pygame.Rect(x, y + (row - face) // 2, face, face),
                                lambda s, r: art.draw_avatar(s, r, look, person))
            self.add_text(title, theme.heading, T.TEAL,
                          pygame.Rect(x + face + theme.gap, y + (row - title_height) // 2, width - face - theme.gap, title_height))
        y += row + space
        labels = self.labels(person)
        field_height = max(theme.button_height, text.line_height(theme.body) + theme.px(20))
        y = self.label_row(labels[0], x, y, width, measure_only)
        if not measure_only:
            field = TextField(f"{person}_name", pygame.Rect(x, y, width, field_height), label=labels[0],
                              value=self.names[person], placeholder=tr._("Type a nickname"),
                              on_change=lambda value: self.set_name(person, value), max_length=MAX_NICKNAME)
            self.widgets.append(self.scroll.add(field))
        y += field_height + space
        y = self.label_row(labels[1], x, y, width, measure_only)
        y = self.build_tiles(person, x, y, width, measure_only) + space
        if person == "child":
            y = self.label_row(labels[2], x, y, width, measure_only)
            y = self.build_stepper(x, y, measure_only) + space
        return y - space + pad - top + pad

    def label_row(self, label: str, x: int, y: int, width: int, measure_only: bool) -> int:
        theme = self.ui.theme
        height = self.ui.text.layout(label, theme.label, width).height
        if not measure_only:
            self.add_text(label, theme.label, T.INK, pygame.Rect(x, y, width, height))
        return y + height + theme.px(6)

    def build_tiles(self, person: str, x: int, y: int, width: int, measure_only: bool) -> int:
        size, spacing = self.tile_size(), self.ui.theme.px(10)
        per_row = max(1, min(art.AVATAR_COUNT, (width + spacing) // (size + spacing)))
        for look in range(art.AVATAR_COUNT):
            row, column = divmod(look, per_row)
            rect = pygame.Rect(x + column * (size + spacing), y + row * (size + spacing), size, size)
            if not measure_only:
                tile = AvatarTile(f"{person}_look_{look}", rect, label=self.ui.tr._("Look {number}").format(number=look + 1),
                                  on_click=lambda look=look: self.set_look(person, look),
                                  selected=look == self.looks[person], look=look, person=person)
                self.widgets.append(self.scroll.add(tile))
        rows = -(-art.AVATAR_COUNT // per_row)
        return y + rows * size + (rows - 1) * spacing

    def build_stepper(self, x: int, y: int, measure_only: bool) -> int:
        theme = self.ui.theme
        button, value = self.stepper_sizes()
        height = button
        if measure_only:
            return y + height
        minus = SignButton("age_down", pygame.Rect(x, y, button, height), on_click=lambda: self.step_age(-1),
                           enabled=self.age != NOT_GIVEN, sign=-1, value=self.age_text(self.age))
        box = pygame.Rect(minus.rect.right + theme.gap, y, value, height)
        plus = SignButton("age_up", pygame.Rect(box.right + theme.gap, y, button, height),
                          on_click=lambda: self.step_age(1), enabled=self.age < MAX_AGE, sign=1,
                          value=self.age_text(self.age))
        shown = self.age_text(self.age)
        self.scroll.picture(box, lambda s, r: self.draw_age(s, r, shown))
        for widget in (minus, plus):
            self.widgets.append(self.scroll.add(widget))
        return y + height

    def draw_age(self, surface: pygame.Surface, rect: pygame.Rect, shown: str) -> None:
        theme = self.ui.theme
        rounded(surface, T.PAPER, rect, theme.radius)
        rounded(surface, T.MUTED_INK, rect, theme.radius, max(theme.px(2), 2))
        self.ui.text.draw_in_box(surface, shown, theme.body, T.INK, rect.inflate(-theme.px(16), -theme.px(4)),
                                 "center", "middle")

    def add_text(self, text: str, style, colour, rect: pygame.Rect, align: str = "left") -> None:
        self.scroll.picture(rect, lambda s, r: self.ui.text.draw_in_box(s, text, style, colour, r, align))

    # Drawing ----------------------------------------------------------------------------

    def paint(self, surface: pygame.Surface) -> None:
        surface.fill(T.PAPER)
        self.draw_header_title(surface, self.ui.tr._("Who is playing?"), T.TEAL)
