"""The "Need help?" overlay: real help lines for the family's country.

Layer: game/ui. Reachable from every screen (the "Need help?" button, F1).
Shows who to call or write to, what each service is for, its hours, and
honestly when it was last checked and how sure we are; then the resources
that work everywhere. The list scrolls (arrow keys, wheel, Page Up/Down,
"More"/"Back"), so nothing is cut at any window or text size. A country is
chosen here too; "Other country" is stored as "ZZ" (ISO's code for an
unknown region), so the game does not ask again.
"""

from __future__ import annotations

import pygame

from ...helplines import Helpline, checked_line, in_language, phone_number, purpose_label, short_address
from ...helplines import country_name as country_in_language
from ...story.diagnostics import SourceLoc
from .. import theme as T
from ..art import draw_ending_icon
from ..scene import Scene
from ..widgets import ListenButton, shadowed_panel
from .check_button import CheckButton
from .scroll_view import Item, ItemBuilder, ScrollView

OTHER_COUNTRY = "ZZ"
PURPOSE_COLOURS = {
    "talk": (214, 236, 236), "report_images": (252, 226, 214), "emergency": (250, 214, 214),
    "image_removal": (232, 224, 246), "parents": (218, 230, 246),
}
# Shown when the help-lines file cannot be read: the one service every child can use.
TAKE_IT_DOWN = Helpline(name="Take It Down (NCMEC)", purposes=("image_removal",), url="https://takeitdown.ncmec.org",
                        source="https://takeitdown.ncmec.org/faq/", checked="2026-11-28", confidence="high",
                        free=True, loc=SourceLoc("game/ui/scenes/help.py", 1, 1))


def country_name(ui, code: str, fallback: str = "") -> str:
    """The country in the player's language (Babel), else the file's English name."""
    return country_in_language(code, ui.tr.code, fallback)


class HelpScene(Scene):
    name = "help"
    overlay = True
    show_help_button = False
    show_listen_button = False  # placed beside "Close" instead

    def __init__(self, ui):
        super().__init__(ui)
        self.directory = ui.content.helplines
        self.choosing = self.directory is not None and not ui.settings.country
        self.country_page: int | None = 0
        self.country_pages: list[list[str]] = []
        self.view = ScrollView()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading_box = pygame.Rect(0, 0, 0, 0)
        self.question_box = pygame.Rect(0, 0, 0, 0)
        self.counter_box: pygame.Rect | None = None

    # Layout --------------------------------------------------------------------

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        inset_x, inset_y = theme.px(40), theme.px(20)
        self.panel = pygame.Rect(inset_x, inset_y, theme.width - 2 * inset_x, theme.height - 2 * inset_y)
        pad = theme.px(28)
        close, listen = tr._("Close"), tr._("Listen")
        close_w = self.label_width(close)
        listen_w = ListenButton.width_for(self.ui, listen)
        icon = self.ui.text.line_height(theme.heading)
        heading_w = self.panel.width - 4 * pad - close_w - listen_w - icon - theme.gap
        if heading_w < self.panel.width // 3:  # a narrow panel: the speaker alone
            listen_w = theme.button_height
            heading_w = self.panel.width - 4 * pad - close_w - listen_w - icon - theme.gap
        head_h = max(self.ui.text.layout(tr._("Need help?"), theme.heading, heading_w).height, theme.button_height)
        self.heading_box = pygame.Rect(self.panel.x + pad + icon + theme.gap, self.panel.y + pad, heading_w, head_h)
        close_rect = pygame.Rect(self.panel.right - pad - close_w, self.panel.y + pad, close_w, theme.button_height)
        self.widgets.append(ListenButton("listen", pygame.Rect(close_rect.x - pad - listen_w, close_rect.y, listen_w,
                                                               theme.button_height),
                                         label=listen, on_click=self.listen, kind="quiet",
                                         icon_only=listen_w == theme.button_height))
        self.button("close", close, close_rect, self.close)
        bar, bar_top = self.plan_bar(*self.bar_spec())
        top = self.heading_box.bottom + theme.gap
        body = pygame.Rect(self.panel.x + pad, top, self.panel.width - 2 * pad, bar_top - theme.gap - top)
        paging = self.build_countries(body) if self.choosing else self.build_lines(body)
        for widget_id, label, action, kind, rect in bar:
            if paging or widget_id not in ("back", "more"):
                self.button(widget_id, label, rect, action, kind)
        self.update_paging()

    def label_width(self, label: str) -> int:
        return self.ui.text.measure(label, self.ui.theme.label) + self.ui.theme.px(56)

    def bar_spec(self) -> tuple[list[tuple], list[tuple]]:
        """The bottom bar's buttons, (id, label, action, kind), left and right."""
        tr = self.ui.tr
        if self.choosing:
            if self.ui.settings.country:
                left = [("keep", tr._("Back to the help lines"), self.show_lines, "secondary")]
            else:
                left = [("skip", tr._("Show help for every country"), self.skip_country, "secondary")]
            right = [("back", tr._("Back"), lambda: self.turn_country_page(-1), "secondary"),
                     ("more", tr._("More"), lambda: self.turn_country_page(1), "secondary")]
            return left, right
        left = [("change_country", tr._("Change country"), self.choose_country, "secondary")] if self.directory else []
        right = [("back", tr._("Back"), self.page_up, "secondary"), ("more", tr._("More"), self.page_down, "primary")]
        return left, right

    def plan_bar(self, left: list[tuple], right: list[tuple]) -> tuple[list[tuple], int]:
        """Rectangles for the bottom bar, in reading order: one row if it fits,
        else the left buttons on a row above the right ones. The page counter
        sits left of the right-hand buttons."""
        theme = self.ui.theme
        pad, gap, height = theme.px(28), theme.gap, theme.button_height
        inner = self.panel.width - 2 * pad
        counter_w = self.ui.text.measure(self.ui.tr._("{page} of {pages}").format(page=88, pages=88), theme.small)
        left_w = [min(self.label_width(spec[1]), inner) for spec in left]
        right_w = [min(self.label_width(spec[1]), inner) for spec in right]
        left_total = sum(left_w) + gap * max(len(left) - 1, 0)
        right_total = sum(right_w) + gap * max(len(right) - 1, 0)
        show_counter = self.choosing and left_total + 3 * gap + right_total + counter_w <= inner
        if show_counter:
            right_total += counter_w + gap
        bottom = self.panel.bottom - pad - height
        left_y = bottom if left_total + 2 * gap + right_total <= inner else bottom - height - gap
        planned, x = [], self.panel.x + pad
        for spec, width in zip(left, left_w):
            planned.append((*spec, pygame.Rect(x, left_y, width, height)))
            x += width + gap
        x = self.panel.right - pad - right_total + (counter_w + gap if show_counter else 0)
        self.counter_box = pygame.Rect(x - gap - counter_w, bottom, counter_w, height) if show_counter else None
        for spec, width in zip(right, right_w):
            planned.append((*spec, pygame.Rect(x, bottom, width, height)))
            x += width + gap
        return sorted(planned, key=lambda p: (p[4].y, p[4].x)), min(left_y, bottom)

    def build_lines(self, body: pygame.Rect) -> bool:
        theme = self.ui.theme
        columns = 2 if theme.text_scale <= 125 and body.width >= theme.px(900) else 1
        self.view.lay_out(self.line_items(body.width, columns), body, columns, theme.gap,
                          self.ui.text.line_height(theme.body))
        return self.view.scrollable

    def initial_focus(self) -> int:
        """Lines: "More" while there is more to read. Countries: the current one, else the first."""
        ids = [w.id for w in self.widgets if w.enabled]
        if self.choosing:
            wanted = "country:" + self.ui.settings.country
            countries = [i for i in ids if i.startswith("country:")]
            preferred = wanted if wanted in ids else (countries[0] if countries else "close")
        else:
            preferred = "more" if "more" in ids else "close"
        return next(n for n, w in enumerate(self.widgets) if w.id == preferred)

    def line_items(self, width: int, columns: int) -> list[Item]:
        theme, tr = self.ui.theme, self.ui.tr
        full = ScrollView.content_width(width, theme.gap)
        card_w = ScrollView.column_width(width, columns, theme.gap)
        items = [self.text_item(tr._("You can talk to someone. It is never too late, and it is never your fault."),
                                theme.text(28, bold=True), T.TEAL, full)]
        if self.directory is None:
            items.append(self.text_item(tr._("The list of help lines could not be read. This service works in every "
                                             "country:"), theme.body, T.CORAL_DARK, full))
            items.append(self.entry_item(TAKE_IT_DOWN, full, False,
                                         tr._("nude, partly nude or sexual pictures or videos of someone under 18")))
            return items
        code = self.ui.settings.country
        country, everywhere = self.directory.for_country(code)
        if country is not None:
            name = country_name(self.ui, country.code, country.name)
            items.append(self.text_item(tr._("Help lines in {country}").format(country=name), theme.heading, T.INK, full))
            items += [self.entry_item(entry, card_w, columns > 1) for entry in country.entries]
            if not any("emergency" in e.purposes for e in country.entries):
                items.append(self.text_item(tr._("If someone is in danger right now, call your local emergency "
                                                 "number."), theme.body, T.INK, full))
            items.append(self.text_item(tr._("These work in every country"), theme.heading, T.INK, full))
        else:
            if code and code != OTHER_COUNTRY:
                name = country_name(self.ui, code)
                items.append(self.text_item(tr._("We have no checked help lines for {country} yet.").format(country=name),
                                            theme.body, T.INK, full))
            items.append(self.text_item(tr._("If someone is in danger right now, call your local emergency number."),
                                        theme.body, T.INK, full))
            items.append(self.text_item(tr._("These work in every country"), theme.heading, T.INK, full))
        items += [self.entry_item(entry, card_w, columns > 1) for entry in everywhere]
        return items

    def text_item(self, text: str, style, colour, width: int) -> Item:
        builder = ItemBuilder(self.ui.text, width)
        builder.text(text, style, colour, gap=self.ui.theme.px(8))
        return builder.finish()

    def entry_item(self, entry: Helpline, width: int, shares_row: bool, audience: str | None = None) -> Item:
        """One service's card. Its name is official and stays as it is; who it
        is for and its hours are in the player's language (`audience`, when
        given, is already translated)."""
        theme, tr = self.ui.theme, self.ui.tr
        b = ItemBuilder(self.ui.text, width, theme.px(20))
        b.text(entry.name, theme.text(26, bold=True), T.INK)
        if entry.phone:
            call = tr._("Call {number}").format(number=phone_number(entry.phone, tr.language.rtl))
            b.text(call, theme.text(34, bold=True), T.TEAL, theme.px(4))
        if entry.url:
            b.text(short_address(entry.url), theme.text(26, bold=True), T.TEAL, theme.px(4))
        chips = [(purpose_label(tr, p), PURPOSE_COLOURS.get(p, T.TEAL_LIGHT), False) for p in entry.purposes]
        if entry.hours:
            chips.append((tr._("Open {hours}").format(hours=in_language(tr, entry.hours)), T.MUTED_INK, True))
        if entry.free:
            chips.append((tr._("Free to call") if entry.phone else tr._("Free to use"), T.MUTED_INK, True))
        b.chips(chips, theme.small, theme.px(10), theme.px(8))
        audience = audience or in_language(tr, entry.audience)
        if audience:
            b.text(tr._("For: {audience}").format(audience=audience), theme.small, T.INK, theme.px(10))
        b.text(checked_line(tr, entry), theme.small, T.MUTED_INK, theme.px(8))
        return b.finish(T.PANEL, full_width=not shares_row)

    def build_countries(self, body: pygame.Rect) -> bool:
        theme, tr = self.ui.theme, self.ui.tr
        question = tr._("Which country are you in?")
        q_h = self.ui.text.layout(question, theme.text(28, bold=True), body.width).height
        self.question_box = pygame.Rect(body.x, body.y, body.width, q_h)
        grid = pygame.Rect(body.x, self.question_box.bottom + theme.gap, body.width,
                           body.bottom - self.question_box.bottom - theme.gap)
        options = self.country_options()
        widest = max(self.ui.text.measure(label, theme.body) for _, label in options)
        columns = max(1, min(3, grid.width // (widest + theme.px(110) + theme.gap)))
        cell_w = (grid.width - theme.gap * (columns - 1)) // columns
        cell_h = max(CheckButton.needed_height(self.ui, label, theme.body, cell_w) for _, label in options)
        rows = max(1, (grid.height + theme.gap) // (cell_h + theme.gap))
        per_page = rows * columns
        self.country_pages = [[code for code, _ in options[i:i + per_page]] for i in range(0, len(options), per_page)]
        if self.country_page is None:  # open on the page that shows the current choice
            current = self.ui.settings.country
            self.country_page = next((n for n, page in enumerate(self.country_pages) if current in page), 0)
        self.country_page = min(self.country_page, len(self.country_pages) - 1)
        labels = dict(options)
        for number, code in enumerate(self.country_pages[self.country_page]):
            row, column = divmod(number, columns)
            rect = pygame.Rect(grid.x + column * (cell_w + theme.gap), grid.y + row * (cell_h + theme.gap), cell_w, cell_h)
            self.widgets.append(CheckButton(f"country:{code}", rect, label=labels[code], style=theme.body,
                                            on_click=lambda c=code: self.set_country(c),
                                            selected=code == self.ui.settings.country))
        return len(self.country_pages) > 1

    def country_options(self) -> list[tuple[str, str]]:
        """(code, name in the player's language), sorted by name; "Other country" last."""
        named = [(c.code, country_name(self.ui, c.code, c.name)) for c in self.directory.countries.values()]
        named.sort(key=lambda option: option[1].casefold())
        return named + [(OTHER_COUNTRY, self.ui.tr._("Other country"))]

    # Actions ---------------------------------------------------------------------

    def close(self) -> None:
        self.ui.app.pop()

    def on_back(self) -> bool:
        if self.choosing and self.ui.settings.country:
            self.show_lines()
        else:
            self.close()
        return True

    def choose_country(self) -> None:
        self.choosing = True
        self.country_page = None
        self.rebuild()

    def set_country(self, code: str) -> None:
        self.ui.settings.country = code
        self.ui.save_settings()
        self.show_lines()

    def skip_country(self) -> None:
        """Show the global list now, without storing a choice (we ask again next time)."""
        self.show_lines()

    def show_lines(self) -> None:
        self.choosing = False
        self.view.offset = 0
        self.rebuild()

    def turn_country_page(self, step: int) -> None:
        self.country_page = max(0, min(self.country_page + step, len(self.country_pages) - 1))
        self.rebuild()
        self.ensure_built()
        self.update_paging()  # after the rebuild, which restores the focus to the same button

    # Scrolling -------------------------------------------------------------------

    def page_down(self) -> bool:
        changed = self.view.page_down()
        self.update_paging()
        return changed

    def page_up(self) -> bool:
        changed = self.view.page_up()
        self.update_paging()
        return changed

    def update_paging(self) -> None:
        back, more = self.widget("back"), self.widget("more")
        if back is None or more is None:
            return
        if self.choosing:
            back.enabled, more.enabled = self.country_page > 0, self.country_page < len(self.country_pages) - 1
        else:
            back.enabled, more.enabled = not self.view.at_top, not self.view.at_bottom
        if self.focused is more and not more.enabled:
            self.focus_on("back")
        elif self.focused is back and not back.enabled:
            self.focus_on("more")

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.choosing:
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and len(self.country_pages) > 1:
                self.turn_country_page(1 if event.key == pygame.K_PAGEDOWN else -1)
                return True
            return False
        moves = {
            pygame.K_DOWN: lambda: self.view.scroll_by(self.view.line),
            pygame.K_UP: lambda: self.view.scroll_by(-self.view.line),
            pygame.K_PAGEDOWN: self.view.page_down, pygame.K_PAGEUP: self.view.page_up,
            pygame.K_HOME: lambda: self.view.scroll_to(0),
            pygame.K_END: lambda: self.view.scroll_to(self.view.max_offset),
        }
        move = moves.get(event.key)
        if move is None or not self.view.scrollable:
            return False
        move()
        self.update_paging()
        return True  # the key is ours even at the end of the list (arrows do not jump focus)

    def on_scroll(self, amount: int) -> bool:
        if self.choosing:
            if len(self.country_pages) > 1:
                self.turn_country_page(-1 if amount > 0 else 1)
            return True
        changed = self.view.scroll_by(-amount * self.view.line * 3)
        self.update_paging()
        return changed

    # Drawing ---------------------------------------------------------------------

    def paint(self, surface: pygame.Surface) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        shadowed_panel(surface, self.panel, theme.radius * 2, T.PAPER)
        icon = self.ui.text.line_height(theme.heading)
        heart = pygame.Rect(self.panel.x + theme.px(28), self.heading_box.centery - icon // 2, icon, icon)
        draw_ending_icon(surface, "supported", heart.inflate(-icon // 6, -icon // 6), T.CORAL)
        self.ui.text.draw_in_box(surface, tr._("Need help?"), theme.heading, T.INK, self.heading_box, "left", "middle")
        if self.choosing:
            self.ui.text.draw_in_box(surface, tr._("Which country are you in?"), theme.text(28, bold=True), T.TEAL,
                                     self.question_box)
            if len(self.country_pages) > 1 and self.counter_box is not None:
                counter = tr._("{page} of {pages}").format(page=self.country_page + 1, pages=len(self.country_pages))
                self.ui.text.draw_in_box(surface, counter, theme.small, T.MUTED_INK, self.counter_box, "right", "middle")
        else:
            self.view.draw(surface, self.ui)
