"""Settings: language, text size, full screen, sound, accessibility, country, players, data.

Layer: game/ui. Two cards side by side ("how the game looks and sounds",
"your family") when they fit, one column that scrolls otherwise (200% text,
1024x600); the focused control is always kept in view. Every change applies
at once and is saved; text size reflows this very screen. Back (or Esc)
returns. Deleting all data asks first, on a second, clearly worded step
(`settings_dialogs.DeleteDataScene`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from ...settings import TEXT_SCALES
from .. import theme as T
from ..art import draw_check
from ..widgets import Button, focus_ring, rounded, shadowed_panel
from . import flow
from .scrolling import HeaderScene
from .settings_dialogs import CountryScene, DeleteDataScene, country_label

if TYPE_CHECKING:
    from ..app import UI

CARD_PAD = 24  # design pixels


@dataclass
class OptionButton(Button):
    """One of a few options; the chosen one is filled and carries a check mark."""

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        ink = self.draw_frame(surface, ui, focused, hovered)
        inner = self.rect.inflate(-theme.px(20), -theme.px(12))
        if self.selected:
            size = check_size(ui)
            label_width = min(ui.text.layout(self.label, theme.label, inner.width - size - theme.px(8)).width,
                              inner.width - size - theme.px(8))
            left = inner.x + (inner.width - size - theme.px(8) - label_width) // 2
            draw_check(surface, pygame.Rect(left, self.rect.centery - size // 2, size, size), ink)
            inner = pygame.Rect(left + size + theme.px(8), inner.y, label_width, inner.height)
        ui.text.draw_in_box(surface, self.label, theme.label, ink, inner, "center", "middle")

    @staticmethod
    def least_width(ui: UI, label: str) -> int:
        return ui.text.measure(label, ui.theme.label) + check_size(ui) + ui.theme.px(8 + 20 + 8)


@dataclass
class OpenButton(Button):
    """Opens another screen: the label at the left, a chevron at the right.
    `danger` draws it in the warning colour (deleting data)."""

    danger: bool = False

    def colours(self, hovered: bool):
        fill, ink, border = super().colours(hovered)
        return (fill, T.CORAL_DARK, T.CORAL_DARK) if self.danger else (fill, ink, border)

    def draw(self, surface: pygame.Surface, ui: UI, focused: bool, hovered: bool) -> None:
        theme = ui.theme
        fill, ink, border = self.colours(hovered)
        shadowed_panel(surface, self.rect, theme.radius, fill)
        rounded(surface, border, self.rect, theme.radius, max(theme.px(3 if self.danger else 2), 2))
        if focused:
            focus_ring(surface, self.rect, ui)
        chevron = chevron_size(ui)
        inner = pygame.Rect(self.rect.x + theme.px(20), self.rect.y + theme.px(10),
                            self.rect.width - theme.px(40) - chevron - theme.gap, self.rect.height - theme.px(20))
        ui.text.draw_in_box(surface, self.label, theme.label, ink, inner, "left", "middle")
        cx, cy = self.rect.right - theme.px(20) - chevron // 2, self.rect.centery
        half = chevron // 2
        pygame.draw.lines(surface, ink, False, [(cx - half // 2, cy - half), (cx + half // 2, cy), (cx - half // 2, cy + half)],
                          max(theme.px(4), 2))

    @staticmethod
    def height(ui: UI, label: str, width: int) -> int:
        theme = ui.theme
        text_width = width - theme.px(40) - chevron_size(ui) - theme.gap
        return max(theme.button_height, ui.text.layout(label, theme.label, text_width).height + theme.px(24))


def check_size(ui: UI) -> int:
    return max(ui.theme.px(22), ui.text.line_height(ui.theme.label) * 2 // 3)


def chevron_size(ui: UI) -> int:
    return max(ui.theme.px(20), ui.text.line_height(ui.theme.label) // 2)


class SettingsScene(HeaderScene):
    name = "settings"

    def title(self) -> str:
        return self.ui.tr._("Settings")

    def enter(self) -> None:
        self.rebuild()  # names, country or language may have changed on the screen above

    def initial_focus(self) -> int:
        return next((n for n, w in enumerate(self.widgets) if self.scroll.holds(w)), 0)

    # Actions ---------------------------------------------------------------------

    def choose_language(self) -> None:
        from .language import LanguageScene

        self.ui.app.push(LanguageScene(self.ui, then=self.ui.app.pop))

    def set_text_scale(self, scale: int) -> None:
        if scale != self.ui.settings.text_scale:
            self.ui.app.set_text_scale(scale)

    def set_fullscreen(self, on: bool) -> None:
        if on != self.ui.app.fullscreen:
            self.ui.app.toggle_fullscreen()

    def set_sound(self, on: bool) -> None:
        self.ui.settings.sound = on
        self.ui.save_settings()
        self.rebuild()

    # Layout --------------------------------------------------------------------------

    def cards(self) -> list[list[tuple[str, str, Callable[[int, int, int, bool], int]]]]:
        """Each card: items of (label, hint, controls builder)."""
        tr = self.ui.tr
        looks = [(tr._("Language"), "", self.language_controls),
                 (tr._("Accessibility"), "", self.access_controls),  # near the top: easy to find
                 (tr._("Text size"), "", self.text_size_controls),
                 (tr._("Full screen"), "", self.fullscreen_controls),
                 (tr._("Sound"), "", self.sound_controls)]
        family = [(tr._("Country for help lines"), tr._("The “Need help?” button shows help lines for this country."),
                   self.country_controls),
                  (tr._("Who is playing"), tr._("Nicknames, age and looks. All optional."), self.players_controls),
                  (tr._("Your data"), tr._("Nicknames, settings and story progress are kept only on this computer."),
                   self.delete_controls)]
        return [looks, family]

    def least_column(self) -> int:
        theme = self.ui.theme
        four = sum(OptionButton.least_width(self.ui, label) for label in self.scale_labels()) + 3 * theme.gap
        return max(theme.px(440), four + 2 * theme.px(CARD_PAD))

    def build_scrolled(self, left: int, width: int) -> int:
        theme = self.ui.theme
        cards = self.cards()
        y = theme.px(6)
        if width >= 2 * self.least_column() + theme.gap:
            column = (width - theme.gap) // 2
            tallest = max(self.build_card(card, left, y, column, measure=True) for card in cards)
            for number, card in enumerate(cards):
                x = left + number * (column + theme.gap)
                self.scroll.picture(pygame.Rect(x, y, column, tallest), self.paint_card, first=True)
                self.build_card(card, x, y, column)
            return y + tallest + theme.px(12)
        for card in cards:
            height = self.build_card(card, left, y, width)
            self.scroll.picture(pygame.Rect(left, y, width, height), self.paint_card, first=True)
            y += height + theme.gap
        return y - theme.gap + theme.px(12)

    def paint_card(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        shadowed_panel(surface, rect, self.ui.theme.radius, T.PANEL)

    def build_card(self, items, x: int, y: int, width: int, measure: bool = False) -> int:
        theme, text = self.ui.theme, self.ui.text
        pad = theme.px(CARD_PAD)
        top, inner_x, inner_w = y, x + pad, width - 2 * pad
        y += pad
        for label, hint, controls in items:
            height = text.layout(label, theme.label, inner_w).height
            if not measure:
                self.add_text(label, theme.label, T.INK, pygame.Rect(inner_x, y, inner_w, height))
            y += height + theme.px(4)
            if hint:
                height = text.layout(hint, theme.small, inner_w).height
                if not measure:
                    self.add_text(hint, theme.small, T.MUTED_INK, pygame.Rect(inner_x, y, inner_w, height))
                y += height + theme.px(6)
            y += controls(inner_x, y + theme.px(4), inner_w, measure) + theme.px(4) + theme.gap * 3 // 2
        return y - theme.gap * 3 // 2 + pad - top

    def open_button(self, widget_id: str, label: str, action, x: int, y: int, width: int, measure: bool,
                    danger: bool = False) -> int:
        height = OpenButton.height(self.ui, label, width)
        if not measure:
            widget = OpenButton(widget_id, pygame.Rect(x, y, width, height), label=label, on_click=action, danger=danger)
            self.widgets.append(self.scroll.add(widget))
        return height

    def option_row(self, options: list[tuple[str, str, bool, Callable[[], None]]], x: int, y: int, width: int,
                   measure: bool) -> int:
        """(id, label, selected, action) buttons sharing the width; two to a row if they do not fit."""
        theme = self.ui.theme
        least = max(OptionButton.least_width(self.ui, label) for _, label, _, _ in options)
        per_row = len(options)
        while per_row > 1 and per_row * least + (per_row - 1) * theme.gap > width:
            per_row = max(per_row // 2, 1)
        cell = (width - (per_row - 1) * theme.gap) // per_row
        text_width = cell - check_size(self.ui) - theme.px(28 + 8)
        height = max(theme.button_height,
                     max(self.ui.text.layout(label, theme.label, text_width).height for _, label, _, _ in options)
                     + theme.px(24))
        rows = -(-len(options) // per_row)
        if not measure:
            for number, (widget_id, label, selected, action) in enumerate(options):
                row, column = divmod(number, per_row)
                rect = pygame.Rect(x + column * (cell + theme.gap), y + row * (height + theme.gap), cell, height)
                widget = OptionButton(widget_id, rect, label=label, on_click=action, selected=selected)
                self.widgets.append(self.scroll.add(widget))
        return rows * height + (rows - 1) * theme.gap

    # Controls ------------------------------------------------------------------------

    def scale_labels(self) -> list[str]:
        return [self.ui.tr._("{percent}%").format(percent=scale) for scale in TEXT_SCALES]

    def language_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.open_button("language", self.ui.tr.language.name, self.choose_language, x, y, width, measure)

    def text_size_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        options = [(f"text_{scale}", label, scale == self.ui.settings.text_scale,
                    lambda scale=scale: self.set_text_scale(scale))
                   for scale, label in zip(TEXT_SCALES, self.scale_labels())]
        return self.option_row(options, x, y, width, measure)

    def on_off(self, name: str, value: bool, action: Callable[[bool], None]) -> list:
        tr = self.ui.tr
        return [(f"{name}_on", tr.pgettext("setting", "On"), value, lambda: action(True)),
                (f"{name}_off", tr.pgettext("setting", "Off"), not value, lambda: action(False))]

    def fullscreen_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.option_row(self.on_off("fullscreen", self.ui.app.fullscreen, self.set_fullscreen), x, y, width, measure)

    def set_contrast(self, on: bool) -> None:
        self.ui.settings.high_contrast = on
        self.ui.save_settings()
        self.ui.app.resized(self.ui.app.screen.get_size())  # the palette is part of the theme

    def set_motion(self, on: bool) -> None:
        self.ui.settings.reduced_motion = on
        self.ui.app.reduced_motion = on
        self.ui.save_settings()
        self.rebuild()

    def access_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        label = self.ui.tr._("Read aloud, high contrast, less movement, easier-to-read letters.")
        return self.open_button("accessibility", label, self.ui.app.open_accessibility, x, y, width, measure)

    def sound_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.option_row(self.on_off("sound", self.ui.settings.sound, self.set_sound), x, y, width, measure)

    def country_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        label = country_label(self.ui, self.ui.settings.country)
        return self.open_button("country", label, lambda: self.ui.app.push(CountryScene(self.ui)), x, y, width, measure)

    def players_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        label = self.ui.tr._("Change names, age and looks")
        return self.open_button("players", label, lambda: flow.open_players(self.ui), x, y, width, measure)

    def delete_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        label = self.ui.tr._("Delete all my data")
        return self.open_button("delete_data", label, lambda: self.ui.app.push(DeleteDataScene(self.ui)), x, y, width,
                                measure, danger=True)
