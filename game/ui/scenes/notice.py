"""A calm note about saved files that needed fixing (a broken settings or
progress file was kept aside and reset), shown once on top of the first screen.

Layer: game/ui. The store records (template, values) pairs with English
msgids; they are translated, then filled in (`settings.notice_text`). Long
notes (large text, long file paths) scroll instead of being cut.
"""

from __future__ import annotations

import pygame

from ...settings import N_, notice_text
from ..scene import Scene
from . import flow
from .popup import Popup

REPAIRED = N_("Something needed fixing")
NOTHING_LOST = N_("Nothing else was lost. You can keep playing.")


class NoticeScene(Scene):
    name = "notice"
    overlay = True

    def __init__(self, ui, notices: list[tuple[str, dict]], title: str = REPAIRED, footer: str | None = NOTHING_LOST):
        super().__init__(ui)
        self.notices = list(notices)
        self.title, self.footer = title, footer  # English msgids, translated when shown
        self.popup: Popup | None = None

    def messages(self) -> list[str]:
        return [notice_text(self.ui.tr, template, values) for template, values in self.notices]

    def build(self) -> None:
        tr = self.ui.tr
        texts = [*self.messages(), *([tr._(self.footer)] if self.footer else [])]
        self.popup = Popup("notice", tr._(self.title), Popup.plain(texts),
                           [("ok", tr._("OK"), self.ok, "primary")])
        self.popup.build(self)

    def ok(self) -> None:
        self.ui.store.notices.clear()
        if len(self.ui.app.stack) > 1:
            self.ui.app.pop()
        else:  # nothing under us: the screen the game would have started on
            self.ui.app.replace(flow.first_scene(self.ui))

    def on_back(self) -> bool:
        self.ok()
        return True

    def on_key(self, event: pygame.event.Event) -> bool:
        return self.popup is not None and self.popup.on_key(event)

    def on_scroll(self, amount: int) -> bool:
        return self.popup is not None and self.popup.on_scroll(amount)

    def paint(self, surface: pygame.Surface) -> None:
        self.popup.paint(surface, self.ui)
