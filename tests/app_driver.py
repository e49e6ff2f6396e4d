"""Drive the real game window headlessly, like a player would.

Used by the UI tests: an `App` on a temporary `Store`, the fixture story and
the real caregiver primer, and a `Driver` that clicks widget centres and
presses keys through `App.step` (the same path real events take).
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.settings import Store
from game.story import check_file, load_scenario
from game.ui.app import App, Content
from game.ui.scenes.flow import first_scene

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_STORY = ROOT / "tests" / "fixtures" / "new_friend.yaml"
PRIMER_FILE = ROOT / "scenarios" / "caregiver_primer.yaml"

_CONTENT: Content | None = None


def fixture_content() -> Content:
    """The fixture story and the real primer (loaded once: both are read-only)."""
    global _CONTENT
    if _CONTENT is None:
        primer = check_file(PRIMER_FILE).guide
        assert primer is not None, "the caregiver primer did not load"
        _CONTENT = Content(stories=[load_scenario(FIXTURE_STORY)], primer=primer, helplines=None)
    return _CONTENT


def english_store(folder: Path, **settings) -> Store:
    """A store in `folder` whose settings say English (so the map comes first)."""
    store = Store(folder)
    saved = store.load_settings()
    saved.language = "en"
    for name, value in settings.items():
        setattr(saved, name, value)
    store.save_settings(saved)
    return store


def key(code: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="")


def click_at(pos) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=tuple(pos), button=1)


class Driver:
    def __init__(self, folder: Path, size=(1280, 720), store: Store | None = None, **settings):
        self.store = store or english_store(folder, **settings)
        self.app = App(store=self.store, size=size, content=fixture_content(), reduced_motion=True)
        self.app.reset(first_scene(self.app.ui))
        self.app.step()

    # What is on screen ---------------------------------------------------------

    @property
    def ui(self):
        return self.app.ui

    @property
    def top(self):
        return self.app.top

    @property
    def scene(self) -> str:
        return self.app.top.name

    def ids(self) -> list[str]:
        self.app.top.ensure_built()
        return [w.id for w in self.app.top.widgets]

    def widget(self, widget_id: str):
        self.app.top.ensure_built()
        found = self.app.top.widget(widget_id)
        assert found is not None, f"no widget {widget_id!r} on {self.scene}: {self.ids()}"
        return found

    def focused_id(self) -> str | None:
        self.app.top.ensure_built()
        focused = self.app.top.focused
        return focused.id if focused is not None else None

    # Input -----------------------------------------------------------------------

    def step(self, *events) -> pygame.Surface:
        screen = self.app.step(list(events))
        self.app.settle()
        return screen

    def click(self, widget_id: str) -> None:
        self.step(click_at(self.widget(widget_id).rect.center))

    def click_pos(self, pos) -> None:
        self.step(click_at(pos))

    def press(self, code: int, mod: int = 0) -> None:
        self.step(key(code, mod))

    def tab_to(self, widget_id: str, limit: int = 40) -> None:
        """Tab until `widget_id` has the focus (keyboard only)."""
        for _ in range(limit):
            if self.focused_id() == widget_id:
                return
            self.press(pygame.K_TAB)
        raise AssertionError(f"Tab never reached {widget_id!r} on {self.scene}: {self.ids()}")

    def activate_with_keys(self, widget_id: str, code: int = pygame.K_RETURN) -> None:
        self.tab_to(widget_id)
        self.press(code)

    def resize(self, size) -> None:
        """What the window does when the player drags its border."""
        self.app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.step(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))


def overlapping_widgets(scene) -> list[tuple[str, str]]:
    """Pairs of focusable widgets whose rectangles intersect."""
    scene.ensure_built()
    widgets = [w for w in scene.widgets if w.enabled]
    return [(a.id, b.id) for n, a in enumerate(widgets) for b in widgets[n + 1:] if a.rect.colliderect(b.rect)]


def offscreen_widgets(scene, size) -> list[str]:
    scene.ensure_built()
    screen = pygame.Rect((0, 0), size)
    return [w.id for w in scene.widgets if w.enabled and not screen.contains(w.rect)]


def text_outside_widgets(scene) -> list[tuple[str, str]]:
    """(widget id, text) for text a widget draws outside its own rectangle
    (such text is not an overflow of its box, but it spills out of the card
    or button it belongs to)."""
    scene.ensure_built()
    ui = scene.ui
    scratch = pygame.Surface((ui.theme.width, ui.theme.height))
    found: list[tuple[str, str]] = []
    original = ui.text.draw_in_box
    try:
        for widget in scene.widgets:
            def record(surface, text, style, colour, box, *args, _widget=widget, **kwargs):
                if not _widget.rect.contains(pygame.Rect(box)):
                    found.append((_widget.id, text))
                return original(surface, text, style, colour, box, *args, **kwargs)

            ui.text.draw_in_box = record
            widget.draw(scratch, ui, False, False)
    finally:
        ui.text.draw_in_box = original
    return found


def text_off_screen(app) -> list[str]:
    """Texts drawn (on the window) in a box that reaches outside the window."""
    ui = app.ui
    screen = app.screen.get_rect()
    found: list[str] = []
    original = ui.text.draw_in_box

    def record(surface, text, style, colour, box, *args, **kwargs):
        if surface is app.screen and not screen.contains(pygame.Rect(box)):
            found.append(text)
        return original(surface, text, style, colour, box, *args, **kwargs)

    ui.text.draw_in_box = record
    try:
        app.render()
    finally:
        ui.text.draw_in_box = original
    return found


def text_under_widgets(scene) -> list[tuple[str, str]]:
    """(text, widget id) for text the scene paints that a widget covers."""
    scene.ensure_built()
    ui = scene.ui
    scratch = pygame.Surface((ui.theme.width, ui.theme.height))
    inked: list[tuple[str, pygame.Rect]] = []
    original = ui.text.draw_in_box

    def record(surface, text, style, colour, box, align="left", valign="top"):
        layout = original(surface, text, style, colour, box, align, valign)
        box = pygame.Rect(box)
        x = {"left": box.x, "center": box.x + (box.width - layout.width) // 2,
             "right": box.right - layout.width}[align]
        y = box.y + max((box.height - layout.height) // 2, 0) if valign == "middle" else box.y
        inked.append((text, pygame.Rect(x, y, layout.width, layout.height)))
        return layout

    ui.text.draw_in_box = record
    try:
        scene.paint(scratch)
    finally:
        ui.text.draw_in_box = original
    return [(text, w.id) for text, rect in inked for w in scene.widgets if rect.colliderect(w.rect)]
