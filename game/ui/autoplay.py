"""Autoplay: the real game driven by synthetic clicks and keys, headless,
through every screen of the flow, writing a PNG per screen.

Layer: game/ui. For reviewers, translators and CI: it plays each story as
many times as needed to take every choice that can be shown, and fails
(non-zero exit) on an exception, text that overflows its box, a
`{placeholder}` left on screen or in what read-aloud would say, or a screen
with nothing to read aloud. It uses a temporary data folder, never the
family's.
"""

from __future__ import annotations

import os
import random
import re
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
MAX_RUNS_PER_STORY = 40
MAX_STEPS_PER_RUN = 600


@dataclass
class AutoplayReport:
    screens: int = 0
    runs: dict[str, int] = field(default_factory=dict)
    uncovered: dict[str, list] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not any(self.uncovered.values())


class Autoplay:
    def __init__(self, scenario_ids: list[str] | None, language: str = "en", seed: int = 0,
                 screenshots: Path | None = None, size: tuple[int, int] = (1280, 720), text_scale: int = 100,
                 names: tuple[str, str] = ("Ana", "Sam"), high_contrast: bool = False, dyslexia_font: bool = False):
        self.scenario_ids = scenario_ids
        self.language = language
        self.random = random.Random(seed)
        self.screenshots = screenshots
        self.size = size
        self.text_scale = text_scale
        self.names = names
        self.high_contrast = high_contrast
        self.dyslexia_font = dyslexia_font
        self.report = AutoplayReport()
        self.seen_screens: set[tuple] = set()
        self.app = None

    # Driving -------------------------------------------------------------------

    def start(self, data_dir: Path) -> None:
        import pygame  # noqa: F401 - initialised by App

        from ..i18n.translator import available_languages
        from ..paths import LOCALE_DIR
        from ..settings import Store
        from .app import App
        from .scenes.flow import first_scene

        store = Store(data_dir)
        settings = store.load_settings()
        settings.text_scale = self.text_scale
        settings.high_contrast = self.high_contrast
        settings.dyslexia_font = self.dyslexia_font
        if self.language not in [language.code for language in available_languages(LOCALE_DIR)]:
            settings.language = self.language  # e.g. the pseudo-locale, not offered in the picker
        store.save_settings(settings)
        self.app = App(store, self.size, reduced_motion=True)
        self.app.reset(first_scene(self.app.ui))
        self.app.render()

    @property
    def top(self):
        return self.app.top

    def widget(self, widget_id: str):
        self.top.ensure_built()
        return self.top.widget(widget_id)

    def widgets(self, prefix: str) -> list:
        self.top.ensure_built()
        return [w for w in self.top.widgets if w.id.startswith(prefix)]

    def click(self, widget) -> None:
        import pygame

        self.app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=widget.rect.center, button=1, touch=False)])

    def click_id(self, widget_id: str) -> bool:
        widget = self.widget(widget_id)
        if widget is None:
            return False
        self.click(widget)
        return True

    def press(self, key: int, text: str = "") -> None:
        import pygame

        self.app.step([pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text)])

    def type_text(self, text: str) -> None:
        import pygame

        self.app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text])

    def primary(self):
        self.top.ensure_built()
        return next((w for w in self.top.widgets if getattr(w, "kind", "") == "primary" and w.enabled), None)

    # Checking ------------------------------------------------------------------

    def screen(self, *detail: str) -> None:
        """Check the frame on screen now and save it once per distinct screen."""
        app = self.app
        frame = app.settle()
        key = (self.top.name, *detail)
        text = app.ui.text
        for overflow in text.overflows:
            self.report.errors.append(f"{'/'.join(key)}: text overflows its box {overflow.box}: {overflow.text[:80]!r}")
        for drawn in text.drawn:
            if PLACEHOLDER.search(drawn):
                self.report.errors.append(f"{'/'.join(key)}: placeholder left on screen: {drawn[:80]!r}")
        text.reset_record()
        self.check_speech(key)
        if key in self.seen_screens:
            return
        self.seen_screens.add(key)
        self.report.screens += 1
        if self.screenshots is not None:
            import pygame

            name = "_".join(part for part in key if part)
            safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)[:120]
            pygame.image.save(frame, str(self.screenshots / f"{self.report.screens:04d}_{safe}.png"))

    def check_speech(self, key: tuple) -> None:
        """What "Listen" would read here: something, and no placeholder (no voice is needed to check)."""
        spoken = [getattr(item, "text", item) for item in self.top.speech()]
        if not any(text.strip() for text in spoken):
            self.report.errors.append(f"{'/'.join(key)}: nothing to read aloud")
        for text in spoken:
            if PLACEHOLDER.search(text):
                self.report.errors.append(f"{'/'.join(key)}: placeholder in what is read aloud: {text[:80]!r}")

    # The flow --------------------------------------------------------------------

    def setup_screens(self) -> None:
        if self.top.name == "notice":
            self.screen()
            self.click(self.primary())
        if self.top.name == "language":
            self.screen()
            target = self.widget(f"language_{self.language}") or self.widgets("language_")[0]
            self.click(target)
        if self.top.name == "players":
            self.screen("empty")
            for field_id, name in zip(("child_name", "caregiver_name"), self.names):
                field = self.widget(field_id)
                if field is not None:
                    self.top.focus_on(field_id)  # scrolled into view first, as Tab would
                    getattr(self.top, "keep_focus_visible", lambda: None)()
                    self.click(self.widget(field_id))
                    self.type_text(name)
            for _ in range(9):
                self.click_id("age_up")
            self.screen("filled")
            self.click(self.primary())

    def visit_side_screens(self) -> None:
        """Settings and the help overlay, from the story map."""
        import pygame

        if self.click_id("settings"):
            self.screen()
            self.press(pygame.K_F2)  # the accessibility menu
            self.screen()
            self.press(pygame.K_ESCAPE)
            self.press(pygame.K_ESCAPE)
        self.press(pygame.K_F1)
        self.screen("countries")
        countries = self.widgets("country:")
        if countries:  # no country chosen yet: choose one to see its help lines
            self.click(self.random.choice(countries))
            self.screen("lines")
        while self.top.name == "help":
            self.press(pygame.K_ESCAPE)
        if self.top.name != "story_map":
            from .scenes.flow import go_to_map

            go_to_map(self.app.ui)

    def open_story(self, scenario_id: str) -> None:
        for _ in range(10):
            card = self.widget(f"story:{scenario_id}")
            if card is not None:
                self.click(card)
                return
            if not self.click_id("more"):
                break
        raise RuntimeError(f"story '{scenario_id}' is not on the story map")

    def plan(self, scenario, exploration, wanted: set, taken: set) -> list[int]:
        """Choices to make, in order, to reach a choice not taken yet: the
        shortest path found by the validator's exploration, then that choice."""
        from ..story.runtime import CompiledScenario

        compiled = CompiledScenario(scenario)
        missing = sorted(wanted - taken)
        if not missing:
            return []
        target_node, target_choice = self.random.choice(missing)
        for state in exploration.states:
            node_id, values = state
            if node_id != target_node:
                continue
            node = scenario.nodes[node_id]
            if any(c.index == target_choice for c in compiled.visible_choices(node, values)):
                steps = [choice for _, choice in exploration.path_to(state) if choice is not None]
                return [*steps, target_choice]
        return []

    def play_once(self, scenario, wanted: set, taken: set, first: bool, plan: list[int] | None = None) -> None:
        import pygame

        plan = list(plan or [])
        self.open_story(scenario.id)
        sid = scenario.id
        paused = not first
        for _ in range(MAX_STEPS_PER_RUN):
            top = self.top
            name = top.name
            if name in ("primer", "content_note"):
                self.screen(sid, str(getattr(top, "page", 0)))
                self.click(self.primary())
            elif name == "story":
                node = top.view.node.id
                if not paused:
                    paused = True
                    self.press(pygame.K_ESCAPE)
                    self.screen(sid)
                    self.press(pygame.K_ESCAPE)
                    continue
                if self.widget("next_line") is not None:
                    self.click_id("next_line")
                    continue
                self.screen(sid, node)
                if top.view.choices:
                    indexes = [choice.index for choice in top.view.choices]
                    fresh = [i for i in indexes if (node, i) not in taken]
                    planned = plan.pop(0) if plan else None
                    index = planned if planned in indexes else self.random.choice(fresh or indexes)
                    taken.add((node, index))
                    for page in range(len(indexes)):  # very large text: the choices come in pages
                        if self.widget(f"choice:{index}") is not None or not self.click_id("more_choices"):
                            break
                        self.screen(sid, node, f"choices {page + 2}")
                    self.click_id(f"choice:{index}")
                    self.current_choice = f"{node}-{index}"
                elif not (self.click_id("continue") or self.click_id("finish")):
                    raise RuntimeError(f"stuck at node '{node}' of '{sid}'")
            elif name in ("feedback", "discussion"):
                self.screen(sid, self.current_choice, str(getattr(top, "page", 0)))
                self.click(self.primary())
            elif name == "ending":
                self.screen(sid, top.play.state.node, str(top.page))
                if top.widget("more") is not None and top.page == 0:
                    self.click_id("more")
                    self.screen(sid, top.play.state.node, str(top.page))
                if first and not self.report.runs:
                    self.agreement()
                    return
                self.click_id("map")
                return
            else:
                raise RuntimeError(f"unexpected screen '{name}' while playing '{sid}'")
        raise RuntimeError(f"'{sid}' did not end within {MAX_STEPS_PER_RUN} steps")

    def agreement(self) -> None:
        self.click_id("agreement")
        if self.top.name != "agreement":
            return
        self.screen("empty")
        for widget in self.widgets("rule")[:3]:
            self.click(widget)
        self.screen("chosen")
        save = next((w for w in self.top.widgets if "save" in w.id), None)
        if save is not None:
            self.click(save)
            self.screen("saved")
        done = self.widget("done")
        if done is not None:
            self.click(done)
        else:
            from .scenes.flow import go_to_map

            go_to_map(self.app.ui)

    def workshop(self, scenario_id: str) -> None:
        """Workshop mode once, with the first story: the guidance, the setup,
        the facilitator's note, the room's story with a tally and a tie, the
        break screen, the menu, the notes, the talk cards and the end screen."""
        import pygame

        from .scenes.workshop import start_workshop

        start_workshop(self.app.ui)
        self.app.step()
        page = 0
        while self.top.name == "workshop_guidance":
            self.screen("guidance", str(page))
            self.press(pygame.K_RETURN)
            page += 1
        self.screen("setup")
        for _ in range(10):  # large text: the playlist shows a few stories at a time
            if self.click_id(f"story:{scenario_id}") or not self.click_id("more"):
                break
        self.click_id("start")
        page = 0
        while self.top.name == "workshop_note":
            self.screen(scenario_id, str(page))
            self.press(pygame.K_RETURN)
            page += 1
        seen_tally = False
        for _ in range(MAX_STEPS_PER_RUN):
            name, top = self.top.name, self.top
            if name == "workshop_end":
                self.screen(scenario_id)
                self.click_id("save")
                self.screen(scenario_id, "saved")
                break
            if name == "workshop_story" and top.all_revealed and top.view.choices:
                node = top.view.node.id
                if not seen_tally:  # once: the room's menu, the break, the notes and a tie
                    seen_tally = True
                    self.press(pygame.K_ESCAPE)
                    self.screen(scenario_id, "menu")
                    self.press(pygame.K_ESCAPE)
                    if self.click_id("break"):  # on the tally screen B counts a vote: the break is a button
                        self.screen(scenario_id, "break")
                        self.press(pygame.K_RETURN)
                    self.press(pygame.K_n)
                    self.screen(scenario_id, "notes")
                    self.press(pygame.K_ESCAPE)
                    if len(top.view.choices) > 1:
                        self.press(pygame.K_a)
                        self.press(pygame.K_b)
                        self.click_id("take")
                        self.screen(scenario_id, node, "tie")
                        self.press(pygame.K_a)
                        continue
                self.screen(scenario_id, node)
                self.press(pygame.K_a)
                self.click_id("take")
            elif name in ("workshop_feedback", "workshop_discussion"):
                self.screen(scenario_id, name, str(getattr(top, "page", 0)))
                self.press(pygame.K_RETURN)
            else:
                self.press(pygame.K_RETURN)
        else:
            self.report.errors.append(f"workshop: the session did not end (on {self.top.name})")

    def run(self) -> AutoplayReport:
        from ..story.explore import explore

        with tempfile.TemporaryDirectory(prefix="together-online-autoplay-") as data:
            previous = os.environ.get("TOGETHER_ONLINE_DATA_DIR")
            os.environ["TOGETHER_ONLINE_DATA_DIR"] = data
            try:
                self.start(Path(data))
                self.setup_screens()
                self.screen("first")
                self.visit_side_screens()
                content = self.app.ui.content
                stories = [content.story(s.id) for s in content.stories]
                stories = [s for s in stories if s is not None]
                chosen = [s for s in stories if self.scenario_ids is None or s.id in self.scenario_ids]
                missing = set(self.scenario_ids or ()) - {s.id for s in stories}
                if missing:
                    self.report.errors.append(f"no such story (or it has errors): {', '.join(sorted(missing))}")
                for number, scenario in enumerate(chosen):
                    exploration = explore(scenario)
                    wanted = exploration.shown_choices
                    taken: set = set()
                    runs = 0
                    while runs == 0 or (wanted - taken and runs < MAX_RUNS_PER_STORY):
                        plan = self.plan(scenario, exploration, wanted, taken) if runs else []
                        self.play_once(scenario, wanted, taken, first=runs == 0 and number == 0, plan=plan)
                        runs += 1
                        self.report.runs[scenario.id] = runs
                    self.report.uncovered[scenario.id] = sorted(wanted - taken)
                self.screen("last")
                if chosen:
                    self.workshop(chosen[0].id)
            except Exception:  # noqa: BLE001 - autoplay's job is to report any crash
                self.report.errors.append(traceback.format_exc())
            finally:
                if previous is None:
                    os.environ.pop("TOGETHER_ONLINE_DATA_DIR", None)
                else:
                    os.environ["TOGETHER_ONLINE_DATA_DIR"] = previous
        return self.report
