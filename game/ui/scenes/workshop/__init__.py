"""Workshop mode: a facilitator plays the stories with a room, on a projector.

Layer: game/ui. The session (playlist, timer, the anonymous record) and the
flow between the workshop's screens: setup -> (disclosure guidance before the
first workshop) -> for each story: content note -> story in "room" mode ->
feedback -> timed discussion -> ... -> end screen (save the record).
Nicknames are never shown in the room, and nothing identifying is recorded.
"""

from __future__ import annotations

import time
from pathlib import Path

from ....paths import SCENARIOS_DIR
from ....workshop.record import WorkshopRecord

GUIDANCE_CONTEXT = "disclosure_guidance"
GUIDANCE_FILE = SCENARIOS_DIR / "disclosure_guidance.yaml"
TIMER_CHOICES = (0, *range(1, 16))  # minutes; 0 = no timer

_GUIDE_CACHE: dict[Path, object] = {}


def disclosure_guide():
    """The translatable disclosure guidance (None if its file cannot be read)."""
    if GUIDANCE_FILE not in _GUIDE_CACHE:
        from ....story.loader import read_scenario

        loaded = read_scenario(GUIDANCE_FILE)
        _GUIDE_CACHE[GUIDANCE_FILE] = loaded.guide if loaded.ok else None
    return _GUIDE_CACHE[GUIDANCE_FILE]


class WorkshopSession:
    """One workshop: the chosen stories, the timer and the record."""

    def __init__(self, ui, story_ids: list[str], minutes: int):
        self.ui = ui
        self.playlist = list(story_ids)
        self.minutes = minutes
        self.index = -1
        self.record = WorkshopRecord(language=ui.tr.code or "en", discussion_minutes=minutes)
        self.current = None  # the StoryPlayed being played
        self.story_started = 0.0
        self.saved_paths: list[Path] = []

    @property
    def timer_seconds(self) -> float:
        return self.minutes * 60.0

    def next_story(self) -> None:
        """The content note of the next story, or the end screen after the last."""
        self.index += 1
        while self.index < len(self.playlist):
            scenario = self.ui.content.story(self.playlist[self.index])
            if scenario is not None and self.ui.content.playable(scenario):
                from .panels import WorkshopNoteScene

                self.ui.app.reset(WorkshopNoteScene(self.ui, self, scenario))
                return
            self.index += 1
        self.finish()

    def start_story(self, scenario) -> None:
        from .room import RoomStoryScene

        title = scenario.title.source if scenario.title else scenario.id
        self.current = self.record.start_story(scenario.id, title)
        self.story_started = time.monotonic()
        self.ui.app.reset(RoomStoryScene(self.ui, scenario, self))

    def story_done(self, ending: str | None) -> None:
        if self.current is not None:
            self.current.ending = ending or ""
            self.current.seconds = round(time.monotonic() - self.story_started, 1)
            self.current = None
        self.next_story()

    def finish(self) -> None:
        from .panels import WorkshopEndScene

        if self.current is not None:
            self.current.seconds = round(time.monotonic() - self.story_started, 1)
            self.current = None
        self.ui.app.reset(WorkshopEndScene(self.ui, self))

    def save(self) -> list[Path]:
        """JSON and CSV in the data folder; a copy (and a PDF summary) in the
        documents or pictures folder where possible. Returns the paths written."""
        paths = list(self.record.save(self.ui.store.folder))
        export = export_folder()
        if export is not None:
            try:
                stem = self.record.file_stem
                paths.append(self.record.export_csv(export / f"{stem}.csv"))
                paths.append(self.record.export_json(export / f"{stem}.json"))
                pdf = self.record.export_pdf(export / f"{stem}.pdf", self.ui.tr)
                if pdf is not None:
                    paths.append(pdf)
            except OSError:
                pass  # the copy in the data folder is enough
        self.saved_paths = paths
        return paths


def export_folder() -> Path | None:
    """Where exports go: the documents folder, else next to the pictures folder."""
    import os

    from ....settings import DATA_DIR_VARIABLE, pictures_dir

    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE]) / "exports"
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    if documents.is_dir():
        return documents / "Together Online workshops"
    parent = pictures_dir().parent
    return parent / "Together Online workshops" if parent.is_dir() else None


def enter_workshop_look(ui) -> None:
    """Projector look: larger text and high contrast, never saved as the
    family's; the facilitator's notes go to a second screen if there is one."""
    from .notes_window import NotesWindow, second_screen

    ui.app.set_projector(True)
    if ui.app.notes_window is None and second_screen():
        ui.app.notes_window = NotesWindow(ui)


def leave_workshop_look(ui) -> None:
    ui.app.set_projector(False)
    if ui.app.notes_window is not None:
        ui.app.notes_window.close()
        ui.app.notes_window = None


def start_workshop(ui) -> None:
    """The workshop's first screen: the setup (the guidance first, the first time)."""
    from .setup import WorkshopSetupScene

    enter_workshop_look(ui)
    ui.app.reset(WorkshopSetupScene(ui))
    if not ui.settings.workshop_guidance_seen and disclosure_guide() is not None:
        open_guidance(ui, first_time=True)


def open_guidance(ui, first_time: bool = False) -> None:
    from .panels import GuidanceScene

    ui.app.push(GuidanceScene(ui, first_time))


def back_to_menu(ui) -> None:
    from ..flow import go_to_map

    leave_workshop_look(ui)
    go_to_map(ui)
