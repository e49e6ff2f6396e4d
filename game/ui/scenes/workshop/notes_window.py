"""The facilitator's notes on a second screen, where the room cannot see
them: learning goals and the prompts ahead, kept up to date as the story
moves on. With one screen the notes stay behind the N key.

Layer: game/ui. Uses pygame-ce's `Window` for the second window.
"""

from __future__ import annotations

import pygame

from ... import theme as T
from ...paging import draw_blocks, paginate

SECOND_DISPLAY = 0x2FFF0000 | 1  # SDL_WINDOWPOS_CENTERED_DISPLAY(1): centred on the second screen
TITLE = "Together Online: facilitator notes"


def second_screen() -> bool:
    try:
        return pygame.display.get_num_displays() > 1
    except pygame.error:
        return False


class NotesWindow:
    def __init__(self, ui):
        self.ui = ui
        self.window: pygame.Window | None = None

    @property
    def is_open(self) -> bool:
        return self.window is not None

    def open(self) -> bool:
        """Open the window on the second screen; False if there is none."""
        if self.window is None and second_screen():
            sizes = pygame.display.get_desktop_sizes()
            width, height = sizes[1] if len(sizes) > 1 else (1280, 720)
            size = (min(width, 1280) * 9 // 10, min(height, 800) * 9 // 10)
            try:
                self.window = pygame.Window(TITLE, size, position=(SECOND_DISPLAY, SECOND_DISPLAY))
            except pygame.error:
                self.window = None
        return self.window is not None

    def close(self) -> None:
        if self.window is not None:
            self.window.destroy()
            self.window = None

    def owns(self, event: pygame.event.Event) -> bool:
        window = getattr(event, "window", None)
        return self.window is not None and window is not None and getattr(window, "id", None) == self.window.id

    def show(self, story) -> None:
        """Draw the notes for `story` (a RoomStoryScene) as it is now."""
        if self.window is None:
            return
        from .panels import NotesScene

        surface = self.window.get_surface()
        surface.fill(T.PAPER)
        theme = self.ui.theme
        box = surface.get_rect().inflate(-2 * theme.margin, -2 * theme.margin)
        pages = paginate(self.ui.text, NotesScene(self.ui, story).blocks(), box)
        draw_blocks(surface, self.ui.text, pages[0], box)
        self.window.flip()
