"""Pause: a calm menu over the story. Leaving keeps the place saved.

Layer: game/ui.
"""

from __future__ import annotations

from . import flow
from .menu_card import MenuCardScene


class PauseScene(MenuCardScene):
    name = "pause"

    def heading(self) -> str:
        return self.ui.tr._("Paused")

    def items(self) -> list[tuple]:
        tr = self.ui.tr
        items = [("resume", tr._("Carry on"), self.ui.app.pop, "primary")]
        if self.story.play.can_undo:
            items.append(("undo", tr._("Go back one step"), self.undo, "secondary"))
        return items + [("settings", tr._("Settings"), lambda: flow.open_settings(self.ui), "secondary"),
                        ("accessibility", tr._("Accessibility"), self.ui.app.open_accessibility, "secondary"),
                        ("leave", tr._("Stop here (your place is saved)"), self.story.leave_story, "secondary")]

    def undo(self) -> None:
        story = self.story
        self.ui.app.pop()
        story.undo()
