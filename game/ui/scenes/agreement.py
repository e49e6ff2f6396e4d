"""The family agreement after a story: up to three rules, kept as a picture.

Layer: game/ui. The family picks rules from kind, concrete suggestions or
writes their own (Enter or "Add"), sees what is chosen by a check mark, and
saves a picture of the agreement into the pictures folder. Rules that do not
fit the window go on pages ("More"/"Back"). Short messages (the three-rule
limit, where the picture went, a save that failed) open in a small panel
over the screen, so they never push the rules off it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pygame

from ... import settings as game_settings
from ...settings import N_
from .. import theme as T
from ..art import draw_check
from ..scene import Scene
from ..widgets import TextField, rounded
from . import flow
from .agreement_card import render_agreement_card, save_picture
from .check_button import CheckButton
from .popup import Popup

MAX_RULES = 3
MAX_RULE_LENGTH = 90
SUGGESTIONS = (
    # Translators: the family agreement's suggested rules (this and the next seven), said by the family
    # together ("we"); one sentence each, chosen with a check box and printed on the agreement card.
    N_("We ask before we post a photo of someone."),
    N_("If something online feels wrong, we tell each other, and nobody gets in trouble for telling."),
    N_("We keep our passwords and where we live private."),
    N_("We only chat with people we know in real life, or we check with each other first."),
    N_("We never forward a picture that could hurt someone."),
    N_("We use the block and report buttons, and we do it together."),
    N_("We take breaks from screens and have fun offline too."),
    N_("We learn each other's apps and games."),
)


@dataclass
class RuleField(TextField):
    """A one-line field for a whole sentence: shows the end of what was typed
    (and a long placeholder shortened), so nothing wraps out of the box."""

    def draw(self, surface: pygame.Surface, ui, focused: bool, hovered: bool) -> None:
        room = self.rect.width - ui.theme.px(28) - ui.theme.px(8)
        style = ui.theme.body
        value, placeholder = self.value, self.placeholder
        while len(self.value) > 1 and ui.text.measure(self.value, style) > room:
            self.value = self.value[1:]
        while len(self.placeholder) > 1 and ui.text.measure(self.placeholder + "…", style) > room:
            self.placeholder = self.placeholder[:-1]
        if self.placeholder != placeholder:
            self.placeholder += "…"
        try:
            super().draw(surface, ui, focused, hovered)
        finally:
            self.value, self.placeholder = value, placeholder


class AgreementScene(Scene):
    name = "agreement"

    def __init__(self, ui, scenario=None):
        super().__init__(ui)
        self.scenario = scenario
        self.rules: list[tuple[str, str]] = [(f"rule:{n}", text) for n, text in enumerate(SUGGESTIONS)]
        self.own: dict[str, str] = {}          # own rules, as typed (never translated)
        self.chosen: list[str] = []            # rule ids in the order they were chosen
        self.draft = ""
        self.page = 0
        self.pages: list[list[int]] = []        # pages of row numbers
        self.show_rule: str | None = None       # a rule whose page to show at the next layout
        self.popup: Popup | None = None
        self.behind: list = []                 # the screen's widgets, drawn under a popup
        self.boxes: dict[str, pygame.Rect] = {}
        self.last_saved = None                 # the path of the picture saved last
        self.return_focus: str | None = None   # the widget to focus again when a popup closes
        self.restore()

    def restore(self) -> None:
        """The agreement as the family left it last time (kept in the progress file)."""
        saved = self.ui.progress.agreement or {}
        for number, text in enumerate(saved.get("own", [])):
            self.own[f"own:{number}"] = text
            self.rules.append((f"own:{number}", text))
        known = {rule_id for rule_id, _ in self.rules}
        self.chosen = [rule_id for rule_id in saved.get("chosen", []) if rule_id in known][:MAX_RULES]

    def remember(self) -> None:
        self.ui.progress.agreement = {"chosen": list(self.chosen), "own": list(self.own.values())}
        self.ui.save_progress()

    def text_of(self, rule_id: str) -> str:
        return self.own.get(rule_id) or self.ui.tr._(dict(self.rules)[rule_id])

    # Layout ------------------------------------------------------------------------

    def build(self) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        m, gap, bh = theme.margin, theme.gap, theme.button_height
        width = theme.width - 2 * m
        counter_w = self.ui.text.measure(self.counter_text(), theme.label) + 3 * self.ui.text.line_height(theme.label)
        line = self.ui.text.line_height(theme.body)
        self.boxes["counter"] = pygame.Rect(m + width - counter_w, self.content_top, counter_w, line)
        bar_y = theme.height - m - bh
        field_y = bar_y - gap - bh
        intro_h = self.ui.text.layout(self.intro_text(), theme.body, width - counter_w - gap).height
        grid_top = self.content_top + max(intro_h, line) + gap
        if field_y - gap - grid_top < 3 * bh:  # a small window at large text: the counter says the limit
            intro_h = 0
            grid_top = self.content_top + line + gap
        self.boxes["intro"] = pygame.Rect(m, self.content_top, width - counter_w - gap, intro_h)
        finish = [("save", tr._("Save as picture"), self.save, "primary"), ("done", tr._("Done"), self.done, "secondary")]
        finish_w = [self.label_width(label) for _, label, _, _ in finish]
        add = tr._("Add")
        add_w = self.label_width(add)
        # All rules on one page: the own-rule box shares the bottom row with "Save" and "Done".
        field_w = width - sum(finish_w) - add_w - 2 * gap - theme.px(40)
        one_row = field_w >= theme.px(360) and len(self.paginate(pygame.Rect(m, grid_top, width, bar_y - gap - grid_top))) == 1
        if not one_row:
            field_w = width - add_w - gap
        grid = pygame.Rect(m, grid_top, width, (bar_y if one_row else field_y) - gap - grid_top)
        self.place_rules(grid)
        y = bar_y if one_row else field_y
        self.widgets.append(RuleField("own_rule", pygame.Rect(m, y, field_w, bh), value=self.draft,
                                      placeholder=tr._("Add our own rule"), on_change=self.set_draft,
                                      max_length=MAX_RULE_LENGTH))
        self.button("add", add, pygame.Rect(m + field_w + gap, y, add_w, bh), self.add_rule)
        x = theme.width - m - sum(finish_w) - gap * (len(finish) - 1)
        if len(self.pages) > 1:
            self.build_paging(bar_y, x - gap)
        for (widget_id, label, action, kind), w in zip(finish, finish_w):
            self.button(widget_id, label, pygame.Rect(x, bar_y, w, bh), action, kind)
            x += w + gap
        if self.popup is not None:
            self.behind, self.widgets = self.widgets, []
            self.popup.build(self)

    def label_width(self, label: str) -> int:
        return self.ui.text.measure(label, self.ui.theme.label) + self.ui.theme.px(56)

    def intro_text(self) -> str:
        return self.ui.tr._("Choose up to three rules you both want to keep.")

    def counter_text(self) -> str:
        return self.ui.tr._("{count} of {limit} chosen").format(count=len(self.chosen), limit=MAX_RULES)

    def rule_rows(self, width: int) -> tuple[list[list[str]], list[int], int]:
        """Rule ids in rows (two columns when the text is not large), each row's height, the cell width."""
        theme = self.ui.theme
        columns = 2 if theme.text_scale <= 125 and width >= theme.px(900) else 1
        cell_w = (width - theme.gap * (columns - 1)) // columns
        ids = [rule_id for rule_id, _ in self.rules]
        rows = [ids[i:i + columns] for i in range(0, len(ids), columns)]
        heights = [max(CheckButton.needed_height(self.ui, self.text_of(r), theme.body, cell_w) for r in row) for row in rows]
        return rows, heights, cell_w

    def paginate(self, grid: pygame.Rect) -> list[list[int]]:
        """Pages of row numbers that fit the grid's height."""
        _, heights, _ = self.rule_rows(grid.width)
        pages, used = [[]], 0
        for number, height in enumerate(heights):
            if pages[-1] and used + height > grid.height:
                pages.append([])
                used = 0
            pages[-1].append(number)
            used += height + self.ui.theme.gap
        return pages

    def place_rules(self, grid: pygame.Rect) -> None:
        theme = self.ui.theme
        rows, heights, cell_w = self.rule_rows(grid.width)
        self.pages = self.paginate(grid)
        if self.show_rule is not None:
            self.page = next(n for n, page in enumerate(self.pages) if any(self.show_rule in rows[r] for r in page))
            self.show_rule = None
        self.page = max(0, min(self.page, len(self.pages) - 1))
        y = grid.y
        for number in self.pages[self.page]:
            for column, rule_id in enumerate(rows[number]):
                rect = pygame.Rect(grid.x + column * (cell_w + theme.gap), y, cell_w, heights[number])
                self.widgets.append(CheckButton(rule_id, rect, label=self.text_of(rule_id), style=theme.body,
                                                selected=rule_id in self.chosen,
                                                on_click=lambda r=rule_id: self.toggle(r)))
            y += heights[number] + theme.gap

    def build_paging(self, y: int, right_end: int) -> None:
        """Back, the page counter (if there is room) and More, at the left of the bottom row."""
        theme, tr = self.ui.theme, self.ui.tr
        m, gap, bh = theme.margin, theme.gap, theme.button_height
        back, more = tr._("Back"), tr._("More")
        back_w, more_w = self.label_width(back), self.label_width(more)
        self.button("back", back, pygame.Rect(m, y, back_w, bh), lambda: self.turn(-1)).enabled = self.page > 0
        counter = pygame.Rect(m + back_w + gap, y, 0, bh)
        counter_w = self.ui.text.measure(self.page_text(), theme.small) + gap
        if counter.x + counter_w + more_w + gap <= right_end:
            counter.width = counter_w
        self.boxes["page"] = counter
        more_rect = pygame.Rect(counter.right + (gap if counter.width else 0), y, more_w, bh)
        self.button("more", more, more_rect, lambda: self.turn(1)).enabled = self.page < len(self.pages) - 1

    def page_text(self) -> str:
        return self.ui.tr._("{page} of {pages}").format(page=self.page + 1, pages=len(self.pages))

    def initial_focus(self) -> int:
        """The first rule; in a popup, its main button."""
        if self.popup is not None:
            return super().initial_focus()
        return 0

    # Popup ---------------------------------------------------------------------------

    def show_popup(self, kind: str, heading: str, texts: list, buttons: list[tuple] | None = None,
                   picture: pygame.Surface | None = None) -> None:
        """A small panel over the screen. `texts`: strings, or (string, True) for small print."""
        ok = [("popup_ok", self.ui.tr._("OK"), self.close_popup, "primary")]
        if self.popup is None:
            self.return_focus = self.focused.id if self.focused is not None else None
        self.popup = Popup(kind, heading, Popup.plain(texts), buttons or ok, picture)
        self.rebuild()

    def close_popup(self) -> None:
        self.popup = None
        self.rebuild()
        self.ensure_built()
        if self.return_focus:
            self.focus_on(self.return_focus)

    # Actions ---------------------------------------------------------------------------

    def toggle(self, rule_id: str) -> None:
        if rule_id in self.chosen:
            self.chosen.remove(rule_id)
        elif len(self.chosen) >= MAX_RULES:
            tr = self.ui.tr
            self.show_popup("limit", tr._("Three rules are plenty"),
                            [tr._("You have already chosen three rules. To choose this one instead, first "
                                  "unselect one of the three.")])
            return
        else:
            self.chosen.append(rule_id)
        self.remember()
        self.rebuild()

    def set_draft(self, value: str) -> None:
        self.draft = value

    def add_rule(self) -> None:
        """Add the typed rule (or find the same one in the list) and choose it if there is room."""
        tr = self.ui.tr
        text = " ".join(self.draft.split())
        if not text:
            self.show_popup("empty", tr._("Write your rule first"),
                            [tr._("Type your own rule in the box, then press Enter or Add.")])
            return
        existing = next((r for r, _ in self.rules if self.text_of(r).casefold() == text.casefold()), None)
        rule_id = existing or f"own:{len(self.own)}"
        if existing is None:
            self.own[rule_id] = text
            self.rules.append((rule_id, text))
            self.remember()
        self.draft = ""
        self.show_rule = rule_id  # turn to the page that holds it
        if rule_id in self.chosen:
            self.rebuild()
        elif len(self.chosen) < MAX_RULES:
            self.toggle(rule_id)
        else:
            self.show_popup("limit", tr._("Three rules are plenty"),
                            [tr._("Your rule is in the list now. You have already chosen three rules, so unselect "
                                  "one first if you want this one instead.")])

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.page + step, len(self.pages) - 1))
        self.turn_page()
        self.ensure_built()
        back, more = self.widget("back"), self.widget("more")
        if self.focused is more and not more.enabled or self.focused is back and not back.enabled:
            self.focus_on("back" if step > 0 else "more")

    def save(self) -> None:
        tr = self.ui.tr
        if not self.chosen:
            self.show_popup("none", tr._("Choose a rule first"),
                            [tr._("Choose at least one rule, then save your agreement as a picture.")])
            return
        folder = game_settings.pictures_dir()
        today = datetime.date.today()
        try:
            card = render_agreement_card(self.ui, tr._("Our family agreement"), [self.text_of(r) for r in self.chosen],
                                         today)
            path = save_picture(card, folder, today)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.show_popup("error", tr._("The picture could not be saved"),
                            [tr._("Saving into {folder} did not work: {reason}.").format(folder=folder, reason=reason),
                             tr._("Nothing else was changed. You can try again, or write your rules down on paper.")])
            return
        self.last_saved = path
        self.show_popup("saved", tr._("Your agreement is saved"),
                        [tr._("You could print it and put it where you both can see it."),
                         (tr._("Folder: {folder}").format(folder=path.parent), True),
                         (tr._("File: {file}").format(file=path.name), True)],
                        [("popup_back", tr._("Back to our agreement"), self.close_popup, "secondary"),
                         ("popup_done", tr._("Done"), self.done, "primary")], picture=card)

    def done(self) -> None:
        flow.go_to_map(self.ui)

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.popup is not None:
            return self.popup.on_key(event)
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and isinstance(self.focused, RuleField):
            self.add_rule()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and len(self.pages) > 1:
            self.turn(1 if event.key == pygame.K_PAGEDOWN else -1)
            return True
        return False

    def on_back(self) -> bool:
        if self.popup is not None:
            self.close_popup()
            return True
        if len(self.ui.app.stack) > 1:
            self.ui.app.pop()
            return True
        return False

    def on_scroll(self, amount: int) -> bool:
        if self.popup is not None:
            return self.popup.on_scroll(amount)
        if len(self.pages) > 1:
            self.turn(-1 if amount > 0 else 1)
            return True
        return False

    # Drawing -------------------------------------------------------------------------

    def paint(self, surface: pygame.Surface) -> None:
        theme, tr = self.ui.theme, self.ui.tr
        surface.fill(T.PAPER)
        self.draw_header_title(surface, tr._("Our family agreement"), T.INK)  # beside "Listen" and "Need help?"
        if self.boxes["intro"].height:
            self.ui.text.draw_in_box(surface, self.intro_text(), theme.body, T.INK, self.boxes["intro"])
        self.paint_counter(surface)
        page = self.boxes.get("page")
        if len(self.pages) > 1 and page is not None and page.width:
            self.ui.text.draw_in_box(surface, self.page_text(), theme.small, T.MUTED_INK, page, "center", "middle")
        if self.popup is not None:
            self.paint_popup(surface)

    def paint_counter(self, surface: pygame.Surface) -> None:
        """Three small boxes, ticked for each chosen rule, and the count in words."""
        theme, box = self.ui.theme, self.boxes["counter"]
        size = self.ui.text.line_height(theme.label) * 2 // 3
        x = box.x
        for number in range(MAX_RULES):
            mark = pygame.Rect(x, box.centery - size // 2, size, size)
            if number < len(self.chosen):
                rounded(surface, T.TEAL, mark, theme.px(4))
                draw_check(surface, mark.inflate(-size // 4, -size // 4), T.WHITE)
            else:
                rounded(surface, T.MUTED_INK, mark, theme.px(4), max(theme.px(2), 2))
            x += size + theme.px(6)
        text_box = pygame.Rect(x + theme.px(6), box.y, box.right - x - theme.px(6), box.height)
        self.ui.text.draw_in_box(surface, self.counter_text(), theme.label, T.TEAL, text_box, "right", "middle")

    def paint_popup(self, surface: pygame.Surface) -> None:
        """The screen's widgets as they were, dimmed, then the popup (its buttons are the live widgets)."""
        for widget in self.behind:
            widget.draw(surface, self.ui, False, False)
        scrim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        scrim.fill(T.SCRIM)
        surface.blit(scrim, (0, 0))
        self.popup.paint(surface, self.ui)
