"""Buttons, text fields and the focus ring.

Layer: game/ui. Widgets know their rectangle, draw themselves and say what
they do when activated; scenes own them in focus order. Every widget can be
reached with Tab/arrows and activated with Enter or Space, a click or a tap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from . import theme as T
from .art import draw_decider_icon, draw_speaker

if TYPE_CHECKING:
    from .app import UI

MAX_FIELD_LENGTH = 24


def rounded(surface: pygame.Surface, colour, rect: pygame.Rect, radius: int, width: int = 0) -> None:
    pygame.draw.rect(surface, colour, rect, width, border_radius=radius)


def shadowed_panel(surface: pygame.Surface, rect: pygame.Rect, radius: int, colour=T.PANEL) -> None:
    shadow = pygame.Surface(rect.size, pygame.SRCALPHA)
    rounded(shadow, T.SHADOW, shadow.get_rect(), radius)
    surface.blit(shadow, rect.move(0, max(radius // 4, 2)))
    rounded(surface, colour, rect, radius)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, ui: UI) -> None:
    width = max(ui.theme.px(4), 3)
    rounded(surface, T.FOCUS, rect.inflate(width * 3, width * 3), ui.theme.radius + width, width)


@dataclass
class Widget:
    id: str
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    enabled: bool = True

    def activate(self) -> None:  # pragma: no cover - overridden
        pass

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Keys other than focus movement; True if used."""
        return False

    def spoken(self, ui: UI) -> list:
        """What read-aloud says when the focus comes here."""
        return []

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        raise NotImplementedError


@dataclass
class Button(Widget):
    label: str = ""
    on_click: Callable[[], None] | None = None
    kind: str = "secondary"        # primary | secondary | choice | quiet
    number: int | None = None      # shown for choices; the number key picks it
    decider: str | None = None     # child | caregiver | together: a badge with icon and word
    badge_text: str = ""
    selected: bool = False         # for toggles and option buttons

    def activate(self) -> None:
        if self.enabled and self.on_click:
            self.on_click()

    def spoken(self, ui: UI) -> list:
        said = [f"{self.number}. {self.label}" if self.number is not None else self.label]
        if self.decider:
            said.append(self.badge_text)
        if self.selected:  # an option or a check box that is on: said, since it is shown by a tick
            # Translators: read aloud (never shown) after an option that is on, e.g. "Normal. Chosen". One word.
            said.append(ui.tr._("Chosen"))
        return said

    def colours(self, hovered: bool):
        if self.kind == "primary":
            return (T.CORAL_DARK if hovered else T.TEAL), T.WHITE, None
        if self.selected:
            return T.TEAL, T.WHITE, None
        if self.kind == "quiet":
            return (T.TEAL_LIGHT if hovered else T.PAPER), T.TEAL, T.TEAL
        return (T.TEAL_LIGHT if hovered else T.PANEL), T.INK, T.TEAL

    def label_box(self, ui: UI, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect | None, pygame.Rect | None]:
        """Where the label, the number disc and the badge go inside `rect`."""
        theme = ui.theme
        inner = rect.inflate(-theme.px(28), -theme.px(12))
        disc = badge = None
        if self.number is not None:
            size = max(min(inner.height, theme.px(44)), ui.text.line_height(theme.label))
            disc = pygame.Rect(inner.x, rect.centery - size // 2, size, size)
            inner.x += size + theme.gap
            inner.width -= size + theme.gap
        if self.decider:
            badge = self._badge_rect(ui, inner, rect)
            if self.badge_below(inner, badge):  # a narrow button (large text): the badge under the words
                badge.bottom = rect.bottom - theme.px(10)
                inner.height -= badge.height + theme.px(4)
            else:
                inner.width -= badge.width + theme.gap
        if ui.tr.language.rtl:  # right-to-left: the number on the right, the badge on the left
            def mirror(part: pygame.Rect) -> pygame.Rect:
                return part.move(rect.right - part.right - (part.x - rect.x), 0)

            inner, disc, badge = mirror(inner), disc and mirror(disc), badge and mirror(badge)
        return inner, disc, badge

    def draw_frame(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> tuple:
        """The button's panel, border and focus ring; returns the ink colour
        for what goes inside (buttons drawing their own content call this)."""
        theme = ui.theme
        fill, ink, border = self.colours(hovered and self.enabled)
        if not self.enabled:
            fill, ink, border = (230, 230, 230), T.MUTED_INK, (200, 200, 200)
        shadowed_panel(surface, self.rect, theme.radius, fill)
        if border:
            rounded(surface, border, self.rect, theme.radius, max(theme.px(2), 2))
        if focused:
            focus_ring(surface, self.rect, ui)
        return ink

    def badge_below(self, inner: pygame.Rect, badge: pygame.Rect) -> bool:
        return badge.width > inner.width * 0.38

    def height_for(self, ui: UI, width: int) -> int:
        """The height this button needs at `width` to show its whole label."""
        theme = ui.theme
        rect = pygame.Rect(0, 0, width, theme.button_height)
        inner, _, badge = self.label_box(ui, rect)
        style = theme.label if self.kind != "choice" else theme.body
        text_height = ui.text.layout(self.label, style, inner.width).height
        if badge is not None and badge.width <= width and inner.bottom <= badge.y:  # the badge has a row of its own
            return max(theme.button_height, text_height + badge.height + theme.px(24 + 4))
        return max(theme.button_height, text_height + theme.px(24))

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        ink = self.draw_frame(surface, ui, focused, hovered)
        inner, disc, badge = self.label_box(ui, self.rect)
        style = theme.label if self.kind != "choice" else theme.body
        if disc is not None:
            pygame.draw.ellipse(surface, T.TEAL, disc)
            ui.text.draw_in_box(surface, str(self.number), theme.label, T.WHITE, disc, "center", "middle")
        if badge is not None:
            self._draw_badge(surface, ui, badge)
        align = "left" if self.kind == "choice" else "center"
        ui.text.draw_in_box(surface, self.label, style, ink, inner, align, "middle")

    def _badge_rect(self, ui: UI, inner: pygame.Rect, rect: pygame.Rect) -> pygame.Rect:
        theme = ui.theme
        height = ui.text.line_height(theme.small) + theme.px(8)
        icon_w, _ = badge_icon_size(ui, height)
        width = theme.px(10) + icon_w + theme.px(6) + ui.text.measure(self.badge_text, theme.small) + theme.px(12)
        return pygame.Rect(inner.right - width, rect.centery - height // 2, width, height)

    def _draw_badge(self, surface: pygame.Surface, ui: UI, badge: pygame.Rect) -> None:
        theme = ui.theme
        colour = T.DECIDER_COLOURS[self.decider]
        rounded(surface, colour, badge, badge.height // 2)
        icon_w, icon_h = badge_icon_size(ui, badge.height)
        icon = pygame.Rect(badge.x + theme.px(10), badge.centery - icon_h // 2, icon_w, icon_h)
        text_box = pygame.Rect(icon.right + theme.px(6), badge.y, badge.right - icon.right - theme.px(10), badge.height)
        if ui.tr.language.rtl:  # the picture first, at the right, in a right-to-left language
            icon.right = badge.right - theme.px(10)
            text_box.x = badge.x + theme.px(10)
        draw_decider_icon(surface, self.decider, icon, T.WHITE)
        ui.text.draw_in_box(surface, self.badge_text, theme.small, T.WHITE, text_box, "left", "middle")


def badge_icon_size(ui: UI, badge_height: int) -> tuple[int, int]:
    """The who-decides icon: as tall as the badge allows, but no taller than
    the letters need (tall fonts such as OpenDyslexic make tall badges)."""
    side = min(badge_height - ui.theme.px(10), ui.theme.small.size + ui.theme.px(4))
    return int(side * 1.2), side


@dataclass
class TextField(Widget):
    label: str = ""
    value: str = ""
    placeholder: str = ""
    on_change: Callable[[str], None] | None = None
    max_length: int = MAX_FIELD_LENGTH

    def spoken(self, ui: UI) -> list:
        return [self.label, self.value or self.placeholder]

    def activate(self) -> None:
        pass  # focusing the field is enough: typing goes to it

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self._set((self.value + event.text)[: self.max_length])
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self._set(self.value[:-1])
            return True
        return False

    def _set(self, value: str) -> None:
        self.value = value
        if self.on_change:
            self.on_change(value)

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        rounded(surface, T.PANEL, self.rect, theme.radius)
        rounded(surface, T.TEAL if focused or hovered else T.MUTED_INK, self.rect, theme.radius, max(theme.px(2), 2))
        if focused:
            focus_ring(surface, self.rect, ui)
        inner = self.rect.inflate(-theme.px(28), -theme.px(8))
        shown, colour = (self.value, T.INK) if self.value else (self.placeholder, T.MUTED_INK)
        layout = ui.text.draw_in_box(surface, shown, theme.body, colour, inner, "left", "middle")
        if focused:
            width = layout.lines[-1].width if self.value and layout.lines else 0
            x = inner.x + width + 2
            pygame.draw.line(surface, T.INK, (x, inner.y + theme.px(8)), (x, inner.bottom - theme.px(8)), 2)


@dataclass
class ListenButton(Button):
    """"Listen": reads the screen aloud (or stops). A speaker picture and the
    word; only the picture where the header has no room for the word."""

    icon_only: bool = False

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        ink = self.draw_frame(surface, ui, focused, hovered)
        size = listen_icon_size(ui)
        if self.icon_only:
            icon = pygame.Rect(0, 0, size, size)
            icon.center = self.rect.center
            draw_speaker(surface, icon, ink, self.selected)
            return
        inner = self.rect.inflate(-theme.px(28), 0)
        label_w = min(ui.text.measure(self.label, theme.label), inner.width - size - theme.px(8))
        left = inner.x + (inner.width - size - theme.px(8) - label_w) // 2
        icon = pygame.Rect(left, self.rect.centery - size // 2, size, size)
        text_box = pygame.Rect(icon.right + theme.px(8), self.rect.y, label_w, self.rect.height)
        if ui.tr.language.rtl:
            icon.right, text_box.x = inner.right - (left - inner.x), left
        draw_speaker(surface, icon, ink, self.selected)
        ui.text.draw_in_box(surface, self.label, theme.label, ink, text_box, "center", "middle")

    @staticmethod
    def width_for(ui: UI, label: str) -> int:
        return ui.text.measure(label, ui.theme.label) + listen_icon_size(ui) + ui.theme.px(8 + 48)


def listen_icon_size(ui: UI) -> int:
    return max(ui.theme.px(26), ui.text.line_height(ui.theme.label) * 3 // 4)
