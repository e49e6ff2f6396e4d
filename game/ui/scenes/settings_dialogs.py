"""The screens settings opens: the country list and "delete all my data".

Layer: game/ui. The country decides which help lines "Need help?" shows;
"Other / not listed" is stored as "ZZ", as the help screen does, so the game
does not keep asking. Deleting data takes two clear steps (ask, then done);
afterwards the game starts again from its first screen, as on the first day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import theme as T
from ..widgets import Button, shadowed_panel
from .check_button import CheckButton
from .help import OTHER_COUNTRY, country_name
from .scrolling import HeaderScene, ScrollingScene

if TYPE_CHECKING:
    from ..app import UI


def country_label(ui: UI, code: str) -> str:
    """How the chosen country reads on the settings screen."""
    if not code:
        return ui.tr._("Not chosen yet")
    if code == OTHER_COUNTRY:
        return ui.tr._("Other / not listed")
    directory = ui.content.helplines
    known = directory.countries.get(code) if directory is not None else None
    return country_name(ui, code, known.name if known else code)


class CountryScene(HeaderScene):
    name = "country"

    def title(self) -> str:
        return self.ui.tr._("Country for help lines")

    def options(self) -> list[tuple[str, str]]:
        """(code, name in the player's language), sorted by name; "Other / not listed" last."""
        directory = self.ui.content.helplines
        named = [(c.code, country_name(self.ui, c.code, c.name)) for c in directory.countries.values()] if directory else []
        named.sort(key=lambda option: option[1].casefold())
        return [*named, (OTHER_COUNTRY, self.ui.tr._("Other / not listed"))]

    def choose(self, code: str) -> None:
        self.ui.settings.country = code
        self.ui.save_settings()
        self.ui.app.pop()

    def initial_focus(self) -> int:
        chosen = next((n for n, w in enumerate(self.widgets) if getattr(w, "selected", False)), None)
        return chosen if chosen is not None else next((n for n, w in enumerate(self.widgets) if self.scroll.holds(w)), 0)

    def words_fit(self, options: list[tuple[str, str]], cell: int) -> bool:
        """True if no country name would be broken inside a word at this width."""
        style = self.ui.theme.body
        one_line = CheckButton.needed_height(self.ui, "X", style, cell)
        return all(CheckButton.needed_height(self.ui, word, style, cell) <= one_line
                   for _, label in options for word in label.split())

    def build_scrolled(self, left: int, width: int) -> int:
        theme, tr, text = self.ui.theme, self.ui.tr, self.ui.text
        y = theme.px(6)
        if self.ui.content.helplines is None:
            intro = tr._("The list of help lines could not be read, so only help that works in every country can be shown.")
        else:
            intro = tr._("Choose the country you live in. The “Need help?” button then shows help lines there, "
                         "and help that works everywhere.")
        height = text.layout(intro, theme.body, width).height
        self.add_text(intro, theme.body, T.INK, pygame.Rect(left, y, width, height))
        y += height + theme.gap * 3 // 2
        options = self.options()
        columns = max(1, min(3, (width + theme.gap) // (theme.px(300) + theme.gap)))
        while columns > 1 and not self.words_fit(options, (width - (columns - 1) * theme.gap) // columns):
            columns -= 1
        cell = (width - (columns - 1) * theme.gap) // columns
        cell_height = max(CheckButton.needed_height(self.ui, label, theme.body, cell) for _, label in options)
        for number, (code, label) in enumerate(options):
            row, column = divmod(number, columns)
            rect = pygame.Rect(left + column * (cell + theme.gap), y + row * (cell_height + theme.gap), cell, cell_height)
            widget = CheckButton(f"country_{code}", rect, label=label, style=theme.body,
                                 on_click=lambda code=code: self.choose(code),
                                 selected=code == self.ui.settings.country)
            self.widgets.append(self.scroll.add(widget))
        rows = -(-len(options) // columns)
        return y + rows * cell_height + (rows - 1) * theme.gap + theme.px(12)


class DangerButton(Button):
    """The one button that destroys something: coral, not teal."""

    def colours(self, hovered: bool):
        return ((120, 44, 26) if hovered else T.CORAL_DARK), T.WHITE, None


class DeleteDataScene(ScrollingScene):
    """Ask, then delete, then say so and start again from the first screen."""

    name = "delete_data"
    overlay = True

    def __init__(self, ui: UI):
        super().__init__(ui)
        self.stage = "ask"  # ask | done | failed
        self.reason = ""

    # Actions ---------------------------------------------------------------------

    def delete(self) -> None:
        ui = self.ui
        try:
            ui.store.delete_all()
        except OSError as exc:
            self.reason = exc.strerror or str(exc)
            self.stage = "failed"
            self.rebuild()
            return
        ui.settings.__init__()
        ui.progress.__init__()
        # Not app.set_language / set_text_scale: they would save a new settings file.
        ui.tr = ui.app.translator_for(ui.settings.language)
        ui.app.resized(ui.app.screen.get_size())
        for scene in ui.app.stack:
            scene.rebuild()  # the settings below show the defaults now
        self.stage = "done"
        self.rebuild()

    def start_again(self) -> None:
        from .flow import first_scene

        self.ui.app.reset(first_scene(self.ui))

    def on_back(self) -> bool:
        if self.stage == "done":
            self.start_again()
        else:
            self.ui.app.pop()
        return True

    def initial_focus(self) -> int:
        wanted = {"ask": "keep", "done": "start_again", "failed": "try_again"}[self.stage]
        return next((n for n, w in enumerate(self.widgets) if w.id == wanted), 0)

    # Layout ------------------------------------------------------------------------

    def texts(self) -> tuple[str, str]:
        tr = self.ui.tr
        if self.stage == "done":
            return (tr._("All your data has been deleted"),
                    tr._("The nicknames, settings and story progress are gone from this computer. "
                         "The game now starts again from the beginning."))
        if self.stage == "failed":
            return (tr._("Some data could not be deleted"),
                    tr._("The computer said: {reason}. You can try again, or delete this folder yourself: {folder}")
                    .format(reason=self.reason, folder=self.ui.store.folder))
        return (tr._("Delete all your data?"),
                tr._("This deletes the nicknames, the settings and the progress in every story from this computer. "
                     "It cannot be undone."))

    def buttons(self) -> list[tuple[str, str, object, str]]:
        tr = self.ui.tr
        if self.stage == "done":
            return [("start_again", tr._("OK"), self.start_again, "primary")]
        if self.stage == "failed":
            return [("close", tr._("Close"), self.ui.app.pop, "secondary"),
                    ("try_again", tr._("Try again"), self.delete, "primary")]
        return [("keep", tr._("No, keep my data"), self.ui.app.pop, "secondary"),
                ("delete", tr._("Yes, delete everything"), self.delete, "danger")]

    def pad(self) -> int:
        return self.ui.theme.px(28)

    def dialog_width(self) -> int:
        theme = self.ui.theme
        return min(theme.px(820) * max(theme.text_scale, 100) // 100, theme.width - 2 * theme.margin)

    def button_places(self) -> tuple[list[tuple[tuple, pygame.Rect]], int]:
        """The buttons under the text, relative to the text's left and their top
        row: side by side at the right if they fit, else one above the other."""
        theme = self.ui.theme
        width = self.dialog_width() - 2 * self.pad()
        items = self.buttons()
        widths = [max(theme.px(200), self.ui.text.measure(label, theme.label) + theme.px(64)) for _, label, _, _ in items]
        side_by_side = sum(widths) + theme.gap * (len(items) - 1) <= width
        if not side_by_side:
            widths = [width] * len(items)
        heights = [Button("m", label=label).height_for(self.ui, w) for (_, label, _, _), w in zip(items, widths)]
        places, x, y = [], width - (sum(widths) + theme.gap * (len(items) - 1) if side_by_side else width), 0
        for item, w, h in zip(items, widths, heights):
            places.append((item, pygame.Rect(x, y, w, max(heights) if side_by_side else h)))
            if side_by_side:
                x += w + theme.gap
            else:
                y += h + theme.gap
        total = max(heights) if side_by_side else y - theme.gap
        return places, total

    def viewport(self) -> pygame.Rect:
        """The text part of the dialog; the buttons stay below it, never scrolled away."""
        theme = self.ui.theme
        width = self.dialog_width() - 2 * self.pad()
        top = self.content_top + self.pad()
        bottom = theme.height - theme.margin * 3 // 4 - self.pad() - self.button_places()[1] - 2 * theme.gap
        return pygame.Rect((theme.width - width) // 2, top, width, bottom - top)

    def fit_viewport(self, content_height: int) -> None:
        """Shrink the dialog around short text and centre it in the free space."""
        viewport = self.scroll.viewport
        if content_height < viewport.height:
            viewport.y += (viewport.height - content_height) // 2
            viewport.height = content_height
            self.scroll.gutter.update(viewport.right - self.scroll.gutter.width, viewport.y,
                                      self.scroll.gutter.width, viewport.height)

    def build_scrolled(self, left: int, width: int) -> int:
        theme, text = self.ui.theme, self.ui.text
        heading, body = self.texts()
        y = 0
        for message, style, colour in ((heading, theme.heading, T.CORAL_DARK if self.stage == "ask" else T.TEAL),
                                       (body, theme.body, T.INK)):
            height = text.layout(message, style, width).height
            self.scroll.picture(pygame.Rect(left, y, width, height),
                                lambda s, r, m=message, st=style, c=colour: text.draw_in_box(s, m, st, c, r))
            y += height + theme.gap
        return y - theme.gap

    def build_fixed(self) -> None:
        viewport = self.scroll.viewport
        top = viewport.bottom + 2 * self.ui.theme.gap
        for (widget_id, label, action, kind), place in self.button_places()[0]:
            make = DangerButton if kind == "danger" else Button
            self.widgets.append(make(widget_id, place.move(viewport.x, top), label=label, on_click=action,
                                     kind="primary" if kind == "danger" else kind))

    def dialog_rect(self) -> pygame.Rect:
        viewport, pad = self.scroll.viewport, self.pad()
        height = viewport.height + 2 * self.ui.theme.gap + self.button_places()[1]
        return pygame.Rect(viewport.x - pad, viewport.y - pad, viewport.width + 2 * pad, height + 2 * pad)

    def paint(self, surface: pygame.Surface) -> None:
        shadowed_panel(surface, self.dialog_rect(), self.ui.theme.radius, T.PANEL)
