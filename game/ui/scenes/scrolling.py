"""A scrolling viewport for screens whose content may be taller than the window.

Layer: game/ui. At 200% text or on a 1024x600 screen the language, players
and settings screens may not fit. Their content is laid out once in "content
coordinates" (x as on screen, y from the top of the viewport), then shown
through a viewport: the focused widget is always scrolled into view, the
mouse wheel and PageUp/PageDown scroll, and a gutter at the right shows where
you are, with up and down arrows big enough for a finger. When everything
fits there is no gutter and nothing moves. `HeaderScene` adds "Back" at the
top left and the screen's title beside it (settings, the country list).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pygame

from .. import theme as T
from ..scene import Scene
from ..widgets import Button, Widget, rounded

if TYPE_CHECKING:
    from ..app import UI

Painter = Callable[[pygame.Surface, pygame.Rect], None]


@contextmanager
def clipped(surface: pygame.Surface, rect: pygame.Rect):
    previous = surface.get_clip()
    surface.set_clip(rect.clip(previous))
    try:
        yield
    finally:
        surface.set_clip(previous)


class ScrollArea:
    """Where the scrolled widgets and pictures are, and how far we scrolled."""

    def __init__(self) -> None:
        self.offset = 0
        self.viewport = pygame.Rect(0, 0, 0, 0)
        self.gutter = pygame.Rect(0, 0, 0, 0)
        self.content_height = 0
        self.centre = False
        self._widgets: dict[str, tuple[Widget, pygame.Rect]] = {}
        self._pictures: list[tuple[pygame.Rect, Painter]] = []

    def start(self, viewport: pygame.Rect, gutter_width: int = 0) -> None:
        self.viewport = pygame.Rect(viewport)
        self.gutter = pygame.Rect(self.viewport.right - gutter_width, self.viewport.y, gutter_width,
                                  self.viewport.height)
        self._widgets = {}
        self._pictures = []

    # Building ------------------------------------------------------------------

    def add(self, widget: Widget) -> Widget:
        """Take a widget whose rect is in content coordinates."""
        self._widgets[widget.id] = (widget, pygame.Rect(widget.rect))
        widget.rect = self.to_screen(widget.rect)
        return widget

    def picture(self, rect: pygame.Rect, painter: Painter, first: bool = False) -> None:
        """Something `paint` draws at `rect` (content coordinates), e.g. text or a panel."""
        entry = (pygame.Rect(rect), painter)
        if first:
            self._pictures.insert(0, entry)
        else:
            self._pictures.append(entry)

    def finish(self, content_height: int) -> None:
        self.content_height = content_height
        self.offset = self._clamp(self.offset)
        self._place()

    # Geometry ------------------------------------------------------------------

    @property
    def max_offset(self) -> int:
        return max(self.content_height - self.viewport.height, 0)

    @property
    def scrollable(self) -> bool:
        return self.max_offset > 0

    def _clamp(self, offset: int) -> int:
        if not self.scrollable:
            return -(self.viewport.height - self.content_height) // 2 if self.centre else 0
        return min(max(offset, 0), self.max_offset)

    def to_screen(self, rect: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(rect).move(0, self.viewport.y - self.offset)

    def _place(self) -> None:
        for widget, content in self._widgets.values():
            widget.rect = self.to_screen(content)

    def holds(self, widget: Widget) -> bool:
        entry = self._widgets.get(widget.id)
        return entry is not None and entry[0] is widget

    def shows(self, widget: Widget, margin: int = 0) -> bool:
        inner = self.viewport.inflate(0, -2 * margin)
        return inner.top <= widget.rect.top and widget.rect.bottom <= inner.bottom

    # Moving --------------------------------------------------------------------

    def scroll_by(self, pixels: int) -> bool:
        offset = self._clamp(self.offset + pixels)
        if offset == self.offset:
            return False
        self.offset = offset
        self._place()
        return True

    def reveal(self, widget: Widget, margin: int) -> bool:
        """Scroll so that `widget` (one of ours) is fully visible."""
        if not self.scrollable or not self.holds(widget):
            return False
        content = self._widgets[widget.id][1]
        top, bottom = self.offset + margin, self.offset + self.viewport.height - margin
        if content.height > bottom - top or content.top < top:
            return self.scroll_by(content.top - top)
        if content.bottom > bottom:
            return self.scroll_by(content.bottom - bottom)
        return False

    def visible_widgets(self, margin: int = 0) -> list[Widget]:
        return [w for w, _ in self._widgets.values() if w.enabled and self.shows(w, margin)]

    # Gutter --------------------------------------------------------------------

    def arrows(self) -> tuple[pygame.Rect, pygame.Rect]:
        size = self.gutter.width
        up = pygame.Rect(self.gutter.x, self.gutter.y, size, size)
        down = pygame.Rect(self.gutter.x, self.gutter.bottom - size, size, size)
        return up, down

    def gutter_click(self, pos) -> bool:
        """Arrows scroll by most of a screen; the track pages towards the click."""
        if not self.scrollable or not self.gutter.collidepoint(pos):
            return False
        page = max(self.viewport.height * 4 // 5, 1)
        up, down = self.arrows()
        if up.collidepoint(pos):
            return self.scroll_by(-page)
        if down.collidepoint(pos):
            return self.scroll_by(page)
        thumb = self._thumb()
        return self.scroll_by(-page if pos[1] < thumb.top else page if pos[1] > thumb.bottom else 0)

    def _thumb(self) -> pygame.Rect:
        up, down = self.arrows()
        track = pygame.Rect(self.gutter.x, up.bottom, self.gutter.width, max(down.top - up.bottom, 1))
        share = self.viewport.height / max(self.content_height, 1)
        height = max(int(track.height * share), min(track.height, self.gutter.width))
        top = track.y + int((track.height - height) * self.offset / max(self.max_offset, 1))
        return pygame.Rect(track.x, top, track.width, height)

    def draw_gutter(self, surface: pygame.Surface, ui: UI) -> None:
        if not self.scrollable or not self.gutter.width:
            return
        theme = ui.theme
        rounded(surface, T.TEAL_LIGHT, self.gutter, self.gutter.width // 2)
        thumb = self._thumb().inflate(-theme.px(14), -theme.px(4))
        rounded(surface, T.TEAL, thumb, thumb.width // 2)
        up, down = self.arrows()
        for rect, direction, active in ((up, -1, self.offset > 0), (down, 1, self.offset < self.max_offset)):
            pygame.draw.circle(surface, T.TEAL if active else T.PANEL, rect.center, rect.width // 2)
            pygame.draw.circle(surface, T.TEAL, rect.center, rect.width // 2, max(theme.px(2), 2))
            half = rect.width // 4
            tip = (rect.centerx, rect.centery + direction * half * 0.7)
            base = rect.centery - direction * half * 0.5
            colour = T.WHITE if active else T.TEAL
            pygame.draw.polygon(surface, colour, [tip, (rect.centerx - half, base), (rect.centerx + half, base)])

    def fade_height(self, ui: UI) -> int:
        return min(ui.theme.px(26), self.viewport.height // 6)

    def capture_edges(self, surface: pygame.Surface, ui: UI) -> list[tuple[pygame.Surface, pygame.Rect]]:
        """Copies of the background where content is cut off, faded towards
        the content, to lay over it: the cut edge then reads as "more here"."""
        if not self.scrollable:
            return []
        height = self.fade_height(ui)
        right = self.gutter.x if self.gutter.width else surface.get_width()
        edges = []
        for cut, y, downwards in ((self.offset > 0, self.viewport.y, True),
                                  (self.offset < self.max_offset, self.viewport.bottom - height, False)):
            rect = pygame.Rect(0, y, right, height).clip(surface.get_rect())
            if not cut or rect.width <= 0 or rect.height <= 0:
                continue
            strip = surface.subsurface(rect).copy().convert_alpha()
            ramp = pygame.Surface(rect.size, pygame.SRCALPHA)
            for row in range(rect.height):
                alpha = 255 * (rect.height - row) // rect.height if downwards else 255 * (row + 1) // rect.height
                ramp.fill((255, 255, 255, alpha), pygame.Rect(0, row, rect.width, 1))
            strip.blit(ramp, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            edges.append((strip, rect))
        return edges

    def draw_pictures(self, surface: pygame.Surface) -> None:
        with clipped(surface, self.clip_rect(surface)):
            for rect, painter in self._pictures:
                painter(surface, self.to_screen(rect))

    def clip_rect(self, surface: pygame.Surface) -> pygame.Rect:
        """The viewport's band, full width so focus rings at the sides are not cut."""
        return pygame.Rect(0, self.viewport.y, surface.get_width(), self.viewport.height)


class ScrollingScene(Scene):
    """A scene whose main content scrolls. Subclasses implement
    `build_scrolled(left, width) -> content height` (adding widgets with
    `self.scroll.add(...)` and pictures with `self.scroll.picture(...)`),
    `viewport()` and `build_fixed()` for widgets outside the viewport."""

    centre_content = False

    def __init__(self, ui: UI):
        super().__init__(ui)
        self.scroll = ScrollArea()

    def viewport(self) -> pygame.Rect:
        theme = self.ui.theme
        top = self.content_top
        return pygame.Rect(theme.margin, top, theme.width - 2 * theme.margin, theme.height - top - theme.margin)

    def build_scrolled(self, left: int, width: int) -> int:
        return 0

    def build_fixed(self) -> None:
        """Widgets outside the viewport, after the scrolled ones in focus order."""

    def fit_viewport(self, content_height: int) -> None:
        """A chance to shrink the viewport around short content (dialogs)."""

    def gutter_width(self) -> int:
        return max(self.ui.theme.px(56), 44)

    def build(self) -> None:
        self.scroll.centre = self.centre_content
        viewport = self.viewport()
        height = 0
        for gutter in (0, self.gutter_width()):
            self.widgets = []
            self.scroll.start(viewport, gutter)
            space = gutter + self.ui.theme.gap if gutter else 0
            height = self.build_scrolled(viewport.x, viewport.width - space)
            if height <= viewport.height:
                break
        self.fit_viewport(height)
        self.scroll.finish(height)
        self.build_fixed()

    # Input -------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        before = self.focus
        changed = super().handle(event)
        if event.type == pygame.KEYDOWN and self.focus != before:
            self.keep_focus_visible()  # a click on a half-hidden widget does not jump
        return changed

    def keep_focus_visible(self) -> bool:
        focused = self.focused
        margin = self.scroll.fade_height(self.ui) + self.ui.theme.px(6)
        return focused is not None and self.scroll.reveal(focused, margin)

    def header_space(self) -> pygame.Rect:
        """As `Scene.header_space`, but scrolled widgets (which may sit above
        the viewport, under the header band) do not squeeze the title."""
        everything = self.widgets
        self.widgets = [w for w in everything if not self.scroll.holds(w)]
        try:
            return super().header_space()
        finally:
            self.widgets = everything

    def widget_at(self, pos):
        inside = self.scroll.viewport.collidepoint(pos) and not self.scroll.gutter.collidepoint(pos)
        for widget in self.widgets:
            if widget.enabled and widget.rect.collidepoint(pos) and (inside or not self.scroll.holds(widget)):
                return widget
        return None

    def on_scroll(self, amount: int) -> bool:
        return self.scroll.scroll_by(-amount * self.ui.theme.px(80))

    def on_click_empty(self, pos) -> bool:
        return self.scroll.gutter_click(pos)

    def on_key(self, event: pygame.event.Event) -> bool:
        page = max(self.scroll.viewport.height * 4 // 5, 1)
        moves = {pygame.K_PAGEDOWN: page, pygame.K_PAGEUP: -page}
        if event.key not in moves or not self.scroll.scroll_by(moves[event.key]):
            return False
        focused = self.focused
        if focused is not None and self.scroll.holds(focused) and not self.scroll.shows(focused):
            shown = self.scroll.visible_widgets()
            if shown:
                self.focus = self.widgets.index(shown[0] if moves[event.key] > 0 else shown[-1])
        return True

    # Drawing -------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface, active: bool) -> None:
        self.paint(surface)
        edges = self.scroll.capture_edges(surface, self.ui)
        self.scroll.draw_pictures(surface)
        with clipped(surface, self.scroll.clip_rect(surface)):
            for number, widget in enumerate(self.widgets):
                if self.scroll.holds(widget):
                    widget.draw(surface, self.ui, active and number == self.focus, active and widget is self.hover)
        for strip, rect in edges:
            surface.blit(strip, rect)
        for number, widget in enumerate(self.widgets):
            if not self.scroll.holds(widget):
                widget.draw(surface, self.ui, active and number == self.focus, active and widget is self.hover)
        self.scroll.draw_gutter(surface, self.ui)

    def ensure_built(self) -> None:
        was = self.built_for
        super().ensure_built()
        if was != self.built_for:
            self.keep_focus_visible()


class HeaderScene(ScrollingScene):
    """A full screen with "Back" at the top left and a title beside it."""

    def title(self) -> str:
        return ""

    def back_rect(self) -> pygame.Rect:
        theme = self.ui.theme
        width = self.ui.text.measure(self.ui.tr._("Back"), theme.label) + theme.px(48)
        return pygame.Rect(theme.margin, theme.px(14), width, self.header_height)

    def viewport(self) -> pygame.Rect:
        theme = self.ui.theme
        top = self.content_top
        return pygame.Rect(theme.margin, top, theme.width - 2 * theme.margin, theme.height - top - theme.margin * 3 // 4)

    def build_fixed(self) -> None:
        back = Button("back", self.back_rect(), label=self.ui.tr._("Back"), on_click=self.ui.app.pop, kind="quiet")
        self.widgets.insert(0, back)  # first in reading order

    def on_back(self) -> bool:
        self.ui.app.pop()
        return True

    def add_text(self, text: str, style, colour, rect: pygame.Rect, align: str = "left") -> None:
        self.scroll.picture(rect, lambda s, r: self.ui.text.draw_in_box(s, text, style, colour, r, align))

    def paint(self, surface: pygame.Surface) -> None:
        surface.fill(T.PAPER)
        self.draw_header_title(surface, self.title(), T.TEAL)
