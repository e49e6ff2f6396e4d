"""The scene base class: focus order, input, and what every screen shares.

Layer: game/ui. A scene lays out its widgets for the current window size,
turns events into actions (story intents, navigation) and draws onto the
surface it is given, so tests and autoplay can render it offscreen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from . import theme as T
from .widgets import Button, ListenButton, TextField, Widget

if TYPE_CHECKING:
    from .app import UI

NEXT_KEYS = (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT)
PREVIOUS_KEYS = (pygame.K_UP, pygame.K_LEFT)
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
LISTEN_KEY = pygame.K_r  # read the screen aloud (or stop); a controller's X button sends it too


class Scene:
    """One screen. Subclasses implement `build` (make widgets and rectangles
    for the current size) and `paint` (draw everything but the widgets)."""

    name = "scene"
    overlay = False  # True: the scene below stays visible, dimmed
    show_help_button = True  # the "Need help?" button, top right, on every screen
    show_listen_button = True  # "Listen" (read aloud), left of "Need help?"

    def __init__(self, ui: UI):
        self.ui = ui
        self.widgets: list[Widget] = []
        self.focus = 0
        self.hover: Widget | None = None
        self.built_for: tuple | None = None
        self.shown_texts: list[str] = []  # every text the last frame drew, in drawing order

    # Life cycle ------------------------------------------------------------

    def enter(self) -> None:
        """Called when the scene becomes the top of the stack."""

    def leave(self) -> None:
        """Called when the scene stops being the top of the stack."""

    def ensure_built(self) -> None:
        key = (self.ui.theme, self.ui.tr.code)
        if key != self.built_for:
            focused_id = self.widgets[self.focus].id if self.widgets and self.focus < len(self.widgets) else None
            self.widgets = []
            self.build()
            if self.show_help_button:
                self.add_help_button()
            if self.show_listen_button:
                self.add_listen_button()
            self.built_for = key
            ids = [w.id for w in self.widgets]
            self.focus = ids.index(focused_id) if focused_id in ids else self.initial_focus()

    def rebuild(self) -> None:
        self.built_for = None
        self.ui.app.invalidate()

    def turn_page(self) -> None:
        """Show another page of this screen: read-aloud stops, and (when on) reads the new page."""
        self.rebuild()
        self.ui.app.screen_changed()

    def build(self) -> None:
        """Create `self.widgets` in focus order, with their rectangles. Keep
        the header band (`content_top`) free at the right for "Need help?"."""

    def add_help_button(self) -> None:
        theme = self.ui.theme
        label = self.ui.tr._("Need help?")
        width = self.ui.text.measure(label, theme.label) + theme.px(48)
        rect = pygame.Rect(theme.width - theme.margin - width, theme.px(14), width, self.header_height)
        self.button("need_help", label, rect, self.ui.app.open_help, kind="quiet")

    def add_listen_button(self) -> None:
        """Left of "Need help?": the word and a speaker,
        only the speaker when the header is crowded, left out when even that
        does not fit (the R key still reads aloud)."""
        theme = self.ui.theme
        # Translators: a header button with a loudspeaker picture on every screen: reads the screen aloud. One short word.
        label = self.ui.tr._("Listen")
        help_button = self.widget("need_help")
        if help_button is None:  # a screen with its own top right (a panel's "Close"): it places "Listen" itself
            return
        right = help_button.rect.x - theme.gap
        band = pygame.Rect(0, theme.px(14), theme.width, self.header_height)
        left_edge = max((w.rect.right for w in self.widgets if w.rect.colliderect(band) and w is not help_button
                         and w.rect.centerx < theme.width // 2), default=theme.margin)
        for width, icon_only in ((ListenButton.width_for(self.ui, label), False), (self.header_height, True)):
            rect = pygame.Rect(right - width, band.y, width, band.height)
            if rect.x >= left_edge + theme.gap + self.header_reserve():
                listen = ListenButton("listen", rect, label=label, on_click=self.listen, kind="quiet", icon_only=icon_only)
                self.widgets.insert(self.widgets.index(help_button), listen)
                return

    def header_reserve(self) -> int:
        """Width the screen keeps free in the header's middle (a clock), besides its title."""
        return 0

    def listen(self) -> None:
        """The Listen button and the R key: say this screen, or stop."""
        self.ui.app.reader.toggle(self.speech())

    def speech(self) -> list:
        """What "Listen" reads: by default every text this screen drew, in
        order; scenes with a better order (the story) say it themselves."""
        always = {self.ui.tr._("Listen"), self.ui.tr._("Need help?")}  # on every screen: not read every time
        return [text for text in self.shown_texts if text not in always]

    def announcement(self) -> list:
        """What read-aloud says by itself when this screen appears (or, in
        the story, when a new line does)."""
        return self.speech()

    def speak_focused(self) -> None:
        """With read-aloud on, the focus moving by keys or controller says the control."""
        focused = self.focused
        if focused is not None and self.ui.settings.read_aloud:
            self.ui.app.reader.say(focused.spoken(self.ui))

    @property
    def header_height(self) -> int:
        """Height of the buttons in the header band: it grows with the text size."""
        theme = self.ui.theme
        return max(theme.px(56), self.ui.text.line_height(theme.label) + theme.px(16), 48)

    def button_rows(self, items: list[tuple], bottom: int, align: str = "right", place: bool = True) -> int:
        """Lay out (id, label, action, kind) buttons in rows above `bottom`,
        wrapping onto more rows when the window is narrow or the text large.
        Returns the top of the highest row; `place=False` only measures."""
        theme = self.ui.theme
        usable = theme.width - 2 * theme.margin
        sized = [(item, min(self.ui.text.measure(item[1], theme.label) + theme.px(56), usable)) for item in items]
        rows: list[list[tuple]] = [[]]
        used = 0
        for item, width in sized:
            if rows[-1] and used + theme.gap + width > usable:
                rows.append([])
                used = 0
            used += (theme.gap if rows[-1] else 0) + width
            rows[-1].append((item, width))
        height = max(theme.button_height, *(Button("m", label=i[1]).height_for(self.ui, w) for i, w in sized))
        y = bottom - len(rows) * (height + theme.gap) + theme.gap
        top = y
        for row in rows if place else ():
            total = sum(w for _, w in row) + theme.gap * (len(row) - 1)
            x = theme.width - theme.margin - total if align == "right" else theme.margin
            for (widget_id, label, action, kind), width in row:
                self.button(widget_id, label, pygame.Rect(x, y, width, height), action, kind)
                x += width + theme.gap
            y += height + theme.gap
        return top

    def header_space(self) -> pygame.Rect:
        """The free part of the header band, between the header's buttons."""
        theme = self.ui.theme
        band = pygame.Rect(theme.margin, theme.px(14), theme.width - 2 * theme.margin, self.header_height)
        left, right = band.x, band.right
        for widget in self.widgets:
            if widget.rect.colliderect(band):
                if widget.rect.centerx < theme.width // 2:
                    left = max(left, widget.rect.right + theme.gap)
                else:
                    right = min(right, widget.rect.x - theme.gap)
        return pygame.Rect(left, band.y, max(right - left, 0), band.height)

    def draw_header_title(self, surface: pygame.Surface, text: str, colour=T.INK, align: str = "left") -> None:
        """The screen's title in the header band, in the largest style that
        fits; left out when it cannot fit (it is never the only way to know)."""
        theme = self.ui.theme
        box = self.header_space()
        for style in (theme.heading, theme.label, theme.small):
            layout = self.ui.text.layout(text, style, box.width)
            if layout.height <= box.height and layout.width <= box.width:
                self.ui.text.draw_in_box(surface, text, style, colour, box, align, "middle")
                return

    @property
    def content_top(self) -> int:
        """Where content starts, below the header band."""
        return self.ui.theme.px(28) + self.header_height

    def initial_focus(self) -> int:
        for number, widget in enumerate(self.widgets):
            if isinstance(widget, Button) and widget.kind == "primary":
                return number
        return 0

    # Input -------------------------------------------------------------------

    @property
    def focused(self) -> Widget | None:
        return self.widgets[self.focus] if 0 <= self.focus < len(self.widgets) else None

    def widget(self, widget_id: str) -> Widget | None:
        return next((w for w in self.widgets if w.id == widget_id), None)

    def focus_on(self, widget_id: str) -> None:
        for number, widget in enumerate(self.widgets):
            if widget.id == widget_id:
                self.focus = number

    def handle(self, event: pygame.event.Event) -> bool:
        """Return True if the event changed anything (so the app redraws)."""
        focused = self.focused
        if focused is not None and focused.handle_key(event):
            return True
        if event.type == pygame.KEYDOWN:
            if self.on_key(event):
                return True
            typing = isinstance(focused, TextField) or event.mod & pygame.KMOD_CTRL
            if event.key == LISTEN_KEY and not typing:
                self.listen()
                return True
            if event.key == pygame.K_v and not typing:  # as in Ren'Py games: V turns self-voicing on or off
                self.ui.app.toggle_read_aloud()
                return True
            if event.key == pygame.K_a and event.mod & pygame.KMOD_SHIFT and not typing:  # Ren'Py's Shift+A
                self.ui.app.open_accessibility()
                return True
            if event.key in NEXT_KEYS and not (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT):
                return self.move_focus(1)
            if event.key in PREVIOUS_KEYS or (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT):
                return self.move_focus(-1)
            if event.key in ACTIVATE_KEYS and focused is not None and not isinstance(focused, TextField):
                focused.activate()
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and isinstance(focused, TextField):
                return self.move_focus(1)
            if event.key == pygame.K_ESCAPE:
                return self.on_back()
        elif event.type == pygame.MOUSEMOTION:
            hovered = self.widget_at(event.pos)
            if hovered is not self.hover:
                self.hover = hovered
                return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            return self.click(event.pos)
        elif event.type == pygame.MOUSEWHEEL:
            return self.on_scroll(event.y)
        return False

    def click(self, pos) -> bool:
        target = self.widget_at(pos)
        if target is None:
            return self.on_click_empty(pos)
        self.focus = self.widgets.index(target)
        if isinstance(target, TextField):
            pygame.key.start_text_input()
        target.activate()
        return True

    def widget_at(self, pos) -> Widget | None:
        return next((w for w in self.widgets if w.enabled and w.rect.collidepoint(pos)), None)

    def move_focus(self, step: int) -> bool:
        if not self.widgets:
            return False
        count = len(self.widgets)
        for offset in range(1, count + 1):
            candidate = (self.focus + step * offset) % count
            if self.widgets[candidate].enabled:
                self.focus = candidate
                return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        """Scene-specific keys (number keys for choices...)."""
        return False

    def on_back(self) -> bool:
        """Esc: go back, if the scene has somewhere to go back to."""
        return False

    def on_click_empty(self, pos) -> bool:
        return False

    def on_scroll(self, amount: int) -> bool:
        return False

    # Animation and drawing ---------------------------------------------------

    def update(self, dt: float) -> bool:
        """Advance animations by `dt` seconds; True while something moves."""
        return False

    def draw(self, surface: pygame.Surface, active: bool = True) -> None:
        """Draw the scene; a scene under an overlay (`active=False`) shows no
        focus ring or hover, since keys and clicks go to the overlay."""
        self.ensure_built()
        text = self.ui.text
        if active:
            text.heard = []  # what the screen shows, for read-aloud's "Listen"
        try:
            self.draw_content(surface, active)
        finally:
            if active:
                self.shown_texts, text.heard = text.heard or [], None

    def draw_content(self, surface: pygame.Surface, active: bool) -> None:
        self.paint(surface)
        for number, widget in enumerate(self.widgets):
            widget.draw(surface, self.ui, active and number == self.focus, active and widget is self.hover)

    def paint(self, surface: pygame.Surface) -> None:
        surface.fill(T.PAPER)

    # Helpers for subclasses ----------------------------------------------------

    def button(self, widget_id: str, label: str, rect: pygame.Rect, on_click, kind: str = "secondary", **extra) -> Button:
        widget = Button(widget_id, pygame.Rect(rect), label=label, on_click=on_click, kind=kind, **extra)
        self.widgets.append(widget)
        return widget
