"""Which screen follows which: the play flow in one place.

Layer: game/ui. language -> who is playing -> story map -> (primer before
the first story) -> content note -> story -> feedback -> talk -> ... ->
ending -> family agreement. Scenes call these functions instead of knowing
each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...story import Scenario
    from ..app import UI
    from ..scene import Scene


def first_scene(ui: UI) -> Scene:
    """The first screen: the language picker on a first start, else the map.
    Problems found while reading saved files are shown on top, once."""
    if not ui.settings.language:
        from .language import LanguageScene

        scene: Scene = LanguageScene(ui, then=lambda: after_language(ui))
    else:
        from .story_map import StoryMapScene

        scene = StoryMapScene(ui)
    if ui.store.notices:
        from .notice import NoticeScene

        ui.app.stack.append(scene)
        return NoticeScene(ui, list(ui.store.notices))
    return scene


def after_language(ui: UI) -> None:
    from .players import PlayersScene

    ui.app.replace(PlayersScene(ui, then=lambda: go_to_map(ui)))


def go_to_map(ui: UI) -> None:
    from .story_map import StoryMapScene

    ui.app.reset(StoryMapScene(ui))


def choose_story(ui: UI, scenario: Scenario | str) -> None:
    """From the map: the primer before the first story, then the content note.
    A story whose file turns out to be broken gets a notice instead."""
    from .content_note import ContentNoteScene

    story_id = scenario if isinstance(scenario, str) else scenario.id
    scenario = ui.content.story(story_id)
    if scenario is None or not ui.content.playable(scenario):
        from ...settings import STORY_BROKEN
        from .notice import NoticeScene

        title = scenario.title.source if scenario is not None and scenario.title else story_id
        ui.app.push(NoticeScene(ui, [(STORY_BROKEN, {"title": title})]))
        return

    note = ContentNoteScene(ui, scenario)
    if not ui.settings.primer_seen and ui.content.primer is not None:
        from .primer import PrimerScene

        ui.app.push(PrimerScene(ui, then=lambda: ui.app.replace(note)))
    else:
        ui.app.push(note)


def start_story(ui: UI, scenario: Scenario, saved: dict | None = None) -> None:
    from .story import StoryScene

    ui.app.reset(StoryScene(ui, scenario, saved))


def open_settings(ui: UI) -> None:
    from .settings import SettingsScene

    ui.app.push(SettingsScene(ui))


def open_players(ui: UI) -> None:
    from .players import PlayersScene

    ui.app.push(PlayersScene(ui, then=ui.app.pop))


def open_agreement(ui: UI, scenario: Scenario | None = None) -> None:
    from .agreement import AgreementScene

    ui.app.push(AgreementScene(ui, scenario))
