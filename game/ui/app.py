"""The app shell: one window, a stack of scenes, and a loop that sleeps.

Layer: game/ui. The loop redraws only when an event changed something or an
animation runs; while idle it sleeps between short polls (measured cheaper
than `pygame.event.wait`, which polls inside SDL). `step` drives the same
code with synthetic events for tests and autoplay.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..i18n.translator import Language, Translator, available_languages, describe_language
from ..paths import ASSETS_DIR, HELPLINES_FILE, LOCALE_DIR, SCENARIOS_DIR
from ..settings import Progress, Settings, Store
from ..story.model import Scenario
from ..text import TextRenderer
from . import theme as T
from .read_aloud import Reader
from .sound import Sounds
from .theme import Theme

if TYPE_CHECKING:
    from ..helplines import HelplineDirectory
    from ..story.guide import Guide
    from .scene import Scene

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (1024, 600)
PROJECTOR_TEXT_SCALE = 125
IDLE_SLEEP = 0.05  # seconds between polls while nothing moves
FRAME_RATE = 60


class Content:
    """Everything the game shows that comes from files. Stories are listed
    from a small index and read in full only when opened; the primer and the
    help lines are read when first needed. Tests can pass loaded objects."""

    def __init__(self, stories: list | None = None, broken: list[str] | None = None, primer: Guide | None = None,
                 helplines: HelplineDirectory | None = None, *, primer_path: Path | None = None,
                 helplines_file: Path | None = None):
        self.stories = list(stories or [])  # Scenario or StorySummary: id, title, ages, minutes, topic
        self.broken = list(broken or [])
        self._full: dict[str, Scenario | None] = {s.id: s for s in self.stories if isinstance(s, Scenario)}
        self._primer, self._primer_path = primer, primer_path
        self._helplines, self._helplines_file = helplines, helplines_file
        self.checked: dict[str, bool] = {}

    @classmethod
    def load(cls, folder: Path = SCENARIOS_DIR, helplines_file: Path = HELPLINES_FILE,
             index_file: Path | None = None) -> Content:
        from ..library_index import read_index

        index = read_index(folder, index_file)
        return cls(index.stories, index.broken, primer_path=index.primer,
                   helplines_file=helplines_file if helplines_file.exists() else None)

    def story(self, scenario_id: str) -> Scenario | None:
        """The whole story, read on first use (None if it cannot be read now)."""
        if scenario_id not in self._full:
            summary = next((s for s in self.stories if s.id == scenario_id), None)
            scenario = None
            if summary is not None:
                from ..story.diagnostics import has_errors
                from ..story.loader import read_scenario

                loaded = read_scenario(summary.path)
                scenario = None if has_errors(loaded.diagnostics) else loaded.scenario
            self._full[scenario_id] = scenario
        return self._full[scenario_id]

    @property
    def has_primer(self) -> bool:
        return self._primer is not None or self._primer_path is not None

    @property
    def primer(self) -> Guide | None:
        if self._primer is None and self._primer_path is not None:
            from ..story.loader import read_scenario

            loaded = read_scenario(self._primer_path)
            self._primer = loaded.guide if loaded.ok else None
            self._primer_path = None
        return self._primer

    @primer.setter
    def primer(self, guide: Guide | None) -> None:
        self._primer, self._primer_path = guide, None

    @property
    def helplines(self) -> HelplineDirectory | None:
        if self._helplines is None and self._helplines_file is not None:
            from ..helplines import load_helplines

            self._helplines, _ = load_helplines(self._helplines_file)
            self._helplines_file = None
        return self._helplines

    @helplines.setter
    def helplines(self, directory: HelplineDirectory | None) -> None:
        self._helplines, self._helplines_file = directory, None

    def playable(self, scenario: Scenario) -> bool:
        """The whole-story checks (every play reaches an ending...), run once
        per story when it is first opened rather than at every start."""
        if scenario.id not in self.checked:
            from ..story.diagnostics import has_errors
            from ..story.validate import check_scenario

            self.checked[scenario.id] = not has_errors(check_scenario(scenario))
        return self.checked[scenario.id]


@dataclass
class UI:
    """What every scene can reach: attributes down, messages up through `app`."""

    app: App
    theme: Theme
    text: TextRenderer
    tr: Translator
    settings: Settings
    progress: Progress
    store: Store
    content: Content
    languages: list[Language]

    def save_settings(self) -> None:
        self._save(self.store.save_settings, self.settings)

    def save_progress(self) -> None:
        self._save(self.store.save_progress, self.progress)

    def _save(self, save, value) -> None:
        """A failed save (full disk, read-only folder) is told once; play goes on."""
        try:
            save(value)
        except OSError as exc:
            self.app.report_save_problem(exc)


STICK_THRESHOLD = 20000  # of 32767: a deliberate push, not a resting stick


def controller_key(event: pygame.event.Event, held: dict[int, int]) -> int | None:
    """A game controller as the keyboard: the D-pad or left stick moves the
    focus, A chooses, B goes back, Start pauses, Y opens "Need help?", X
    reads the screen aloud, Back (Select) opens the accessibility menu."""
    if event.type == pygame.CONTROLLERBUTTONDOWN:
        return {
            pygame.CONTROLLER_BUTTON_DPAD_UP: pygame.K_UP, pygame.CONTROLLER_BUTTON_DPAD_LEFT: pygame.K_LEFT,
            pygame.CONTROLLER_BUTTON_DPAD_DOWN: pygame.K_DOWN, pygame.CONTROLLER_BUTTON_DPAD_RIGHT: pygame.K_RIGHT,
            pygame.CONTROLLER_BUTTON_A: pygame.K_RETURN, pygame.CONTROLLER_BUTTON_B: pygame.K_ESCAPE,
            pygame.CONTROLLER_BUTTON_START: pygame.K_ESCAPE, pygame.CONTROLLER_BUTTON_Y: pygame.K_F1,
            pygame.CONTROLLER_BUTTON_X: pygame.K_r, pygame.CONTROLLER_BUTTON_BACK: pygame.K_F2,
        }.get(event.button)
    if event.axis not in (pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY):
        return None
    direction = (event.value > STICK_THRESHOLD) - (event.value < -STICK_THRESHOLD)
    previous = held.get(event.axis, 0)  # the stick's last direction on this axis
    held[event.axis] = direction
    if direction == 0 or direction == previous:  # one step per push, not per frame
        return None
    if event.axis == pygame.CONTROLLER_AXIS_LEFTX:
        return pygame.K_RIGHT if direction > 0 else pygame.K_LEFT
    return pygame.K_DOWN if direction > 0 else pygame.K_UP


class WindowError(RuntimeError):
    """No window can be opened (no display, no video driver)."""


class App:
    def __init__(self, store: Store | None = None, size: tuple[int, int] | None = None,
                 content: Content | None = None, reduced_motion: bool = False):
        try:
            pygame.display.init()
        except pygame.error as exc:  # no video device (over SSH) or a broken driver: the terminal takes over
            raise WindowError(str(exc)) from exc
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        self.store = store or Store()
        settings = self.store.load_settings()
        progress = self.store.load_progress()
        self.reduced_motion = reduced_motion or settings.reduced_motion
        self.controllers: list = []  # open game controllers (kept so SDL keeps sending their events)
        self.stick_held: dict[int, int] = {}
        size = size or DEFAULT_SIZE
        self.fullscreen = settings.fullscreen and size == DEFAULT_SIZE
        self.screen = self._open_window(size)
        pygame.display.set_caption("Together Online")
        self.projector = False  # workshop mode: larger text, high contrast, never saved as the family's look
        self.notes_window = None  # workshop mode with a second screen: the facilitator's notes
        self.ui = UI(self, self.make_theme(self.screen.get_size(), settings), TextRenderer(ASSETS_DIR / "fonts"),
                     self.translator_for(settings.language), settings, progress, self.store,
                     content or Content.load(index_file=self.store.folder / "library-index.json"),
                     available_languages(LOCALE_DIR))
        self.ui.text.set_language(self.ui.tr.code, self.ui.tr.language.rtl)
        self.ui.text.set_reading_font(settings.dyslexia_font)
        self.stack: list[Scene] = []
        self.sounds = Sounds()
        self.reader = Reader(self)
        self.announce = False  # read-aloud: say the top scene after the next frame
        self.save_problem_shown = False
        self.running = True
        self.dirty = True
        self.clock = pygame.time.Clock()

    # Window ------------------------------------------------------------------

    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        try:
            if self.fullscreen:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            return pygame.display.set_mode(size, pygame.RESIZABLE)
        except pygame.error as exc:
            raise WindowError(str(exc)) from exc

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.ui.settings.fullscreen = self.fullscreen
        self.ui.save_settings()
        self.screen = self._open_window(DEFAULT_SIZE)
        self.resized(self.screen.get_size())

    def resized(self, size: tuple[int, int]) -> None:
        self.ui.theme = self.make_theme(size, self.ui.settings)
        self.invalidate()

    def make_theme(self, size: tuple[int, int], settings: Settings) -> Theme:
        from . import theme

        scale = max(settings.text_scale, PROJECTOR_TEXT_SCALE) if self.projector else settings.text_scale
        palette = "high_contrast" if self.projector or getattr(settings, "high_contrast", False) else "calm"
        theme.use_palette(palette)
        return Theme(max(size[0], 320), max(size[1], 240), scale, palette)

    def set_projector(self, on: bool) -> None:
        """The projector look for a room (larger text, high contrast); the
        family's own settings are left as they are."""
        self.projector = on
        self.resized(self.screen.get_size())

    def set_text_scale(self, scale: int) -> None:
        self.ui.settings.text_scale = scale
        self.ui.save_settings()
        self.resized(self.screen.get_size())

    def apply_reading_font(self) -> None:
        """OpenDyslexic for Latin letters, or the usual Noto Sans, as the family chose; every screen reflows."""
        self.ui.text.set_reading_font(self.ui.settings.dyslexia_font)
        self.resized(self.screen.get_size())

    def translator_for(self, code: str) -> Translator:
        if not code or code == "en":
            return Translator(describe_language("en"))
        from ..i18n.catalogs import load_translator

        translator = load_translator(code, LOCALE_DIR)
        for problem in translator.problems:
            print(f"together-online: {problem}", file=sys.stderr)
        return translator

    def set_language(self, code: str) -> None:
        self.ui.settings.language = code
        self.ui.save_settings()
        self.ui.tr = self.translator_for(code)
        self.ui.text.set_language(self.ui.tr.code, self.ui.tr.language.rtl)
        self.invalidate()

    def invalidate(self) -> None:
        self.dirty = True

    def report_save_problem(self, exc: OSError) -> None:
        from ..settings import SAVE_FAILED

        if self.save_problem_shown:
            return
        self.save_problem_shown = True
        notice = (SAVE_FAILED, {"reason": exc.strerror or str(exc), "folder": str(self.store.folder)})
        try:
            from .scenes.notice import NoticeScene
        except ImportError:
            return
        self.push(NoticeScene(self.ui, [notice]))

    def play_sound(self, name: str) -> None:
        self.sounds.play(name, self.ui.settings.sound)

    # Scene stack -------------------------------------------------------------

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        if self.top:
            self.top.leave()
        self.stack.append(scene)
        scene.enter()
        self.screen_changed()

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop().leave()
            self.top.enter()
            self.screen_changed()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop().leave()
        self.stack.append(scene)
        scene.enter()
        self.screen_changed()

    def screen_changed(self) -> None:
        """Speech stops when the screen changes; with read-aloud on, the new
        screen is read once it has been drawn."""
        self.reader.stop()
        self.announce_soon()
        self.invalidate()

    def announce_soon(self) -> None:
        self.announce = self.ui.settings.read_aloud

    def announce_now(self) -> None:
        if self.announce and self.top is not None:
            self.announce = False
            self.reader.say(self.top.announcement())

    def reset(self, scene: Scene) -> None:
        while self.stack:
            self.stack.pop().leave()
        self.push(scene)

    # Events ------------------------------------------------------------------

    def process(self, event: pygame.event.Event) -> None:
        if self.notes_window is not None and self.notes_window.owns(event):
            if event.type == pygame.WINDOWCLOSE:  # closing the notes is not closing the game
                self.notes_window.close()
            return
        if event.type == pygame.QUIT or (event.type == pygame.WINDOWCLOSE and self.notes_window is not None):
            self.quit()  # with two windows SDL sends no QUIT when the game's window is closed
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resized(self.screen.get_size())
        elif event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSGAINED):
            self.invalidate()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.open_help()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F2:
            self.open_accessibility()
        elif event.type in (pygame.FINGERDOWN, pygame.FINGERUP):
            self.process_finger(event)
        elif event.type == pygame.CONTROLLERDEVICEADDED:
            self.open_controller(event.device_index)
        elif event.type in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERAXISMOTION):
            key = controller_key(event, self.stick_held)
            if key is not None:
                self.process(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", from_controller=True))
        elif self.top is not None:
            if getattr(event, "touch", False):  # SDL's copy of a finger event: handled above
                return
            top, focused = self.top, self.top.focused
            if top.handle(event):
                self.invalidate()
                if event.type == pygame.KEYDOWN and self.top is top and top.focused is not focused:
                    top.speak_focused()

    def process_finger(self, event: pygame.event.Event) -> None:
        """A tap is a click at the finger's position (SDL gives 0..1 coordinates)."""
        width, height = self.screen.get_size()
        pos = (int(event.x * width), int(event.y * height))
        kind = pygame.MOUSEBUTTONUP if event.type == pygame.FINGERUP else pygame.MOUSEBUTTONDOWN
        if self.top is not None and self.top.handle(pygame.event.Event(kind, pos=pos, button=1)):
            self.invalidate()

    def open_controller(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller

            controller.init()
            self.controllers.append(controller.Controller(index))
        except (ImportError, pygame.error):
            pass  # no controller support here: keyboard, mouse and touch still work

    def open_help(self) -> None:
        from .scenes.help import HelpScene

        if self.top is None or self.top.name != "help":
            self.push(HelpScene(self.ui))

    def toggle_read_aloud(self) -> None:
        """V, as in Ren'Py games."""
        self.set_read_aloud(not self.ui.settings.read_aloud)

    def set_read_aloud(self, on: bool) -> None:
        """Read-aloud on (said at once) or off (silence at once), remembered."""
        self.ui.settings.read_aloud = on
        self.ui.save_settings()
        if self.top is not None:
            self.top.rebuild()  # the accessibility menu shows the switch
        if on:
            self.reader.say([self.ui.tr._("Read aloud is on.")])
        else:
            self.reader.stop()

    def open_accessibility(self) -> None:
        from .scenes.accessibility import AccessibilityScene

        if self.top is None or self.top.name != "accessibility":
            self.push(AccessibilityScene(self.ui))

    def quit(self) -> None:
        self.reader.close()
        if self.notes_window is not None:
            self.notes_window.close()
        for scene in reversed(self.stack):
            scene.leave()
        self.ui.save_progress()
        self.running = False

    # Drawing -------------------------------------------------------------------

    def render(self) -> pygame.Surface:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for index in range(max(first, 0), len(self.stack)):
            scene = self.stack[index]
            if index > first:
                scrim = pygame.Surface(self.screen.get_size(), pygame.SRCALPHA)
                scrim.fill(T.SCRIM)
                self.screen.blit(scrim, (0, 0))
            scene.draw(self.screen, active=index == len(self.stack) - 1)
        return self.screen

    def step(self, events: list[pygame.event.Event] = (), dt: float = 1 / FRAME_RATE) -> pygame.Surface:
        """Process events, advance animations by `dt`, draw: one frame, for tests."""
        for event in events:
            self.process(event)
        if self.top is not None and self.top.update(dt):
            self.invalidate()
        frame = self.render()
        self.announce_now()
        self.reader.update()
        return frame

    def settle(self, max_seconds: float = 5.0) -> pygame.Surface:
        """Let animations finish (for screenshots)."""
        elapsed = 0.0
        while self.top is not None and self.top.update(0.1) and elapsed < max_seconds:
            elapsed += 0.1
        return self.render()

    def run(self) -> None:
        self.render()
        pygame.display.flip()
        while self.running:
            events = pygame.event.get()
            for event in events:
                self.process(event)
            if not self.running:
                break
            dt = self.clock.tick() / 1000
            animating = self.top is not None and self.top.update(min(dt, 0.1))
            if self.dirty or animating:
                self.render()
                pygame.display.flip()
                self.dirty = False
            self.announce_now()
            self.reader.update()
            if animating:
                self.clock.tick(FRAME_RATE)
            elif not events:
                time.sleep(IDLE_SLEEP)
        pygame.quit()


def start(store: Store | None = None, size: tuple[int, int] | None = None, language: str | None = None,
          workshop: bool = False) -> int:
    """Open the window on the first scene the family needs (or the workshop setup) and run."""
    from .scenes.flow import first_scene

    app = App(store, size)
    if language:
        app.set_language(language)
    if workshop:
        from .scenes.workshop import start_workshop

        start_workshop(app.ui)
    else:
        app.reset(first_scene(app.ui))
    app.run()
    return 0
