"""Colours, sizes and type scale: one calm, consistent look.

Layer: game/ui. Sizes scale with the window (designed at 1280x720) and with
the player's text size setting, so every scene reflows from 1024x600 to
1920x1080. Text colours meet WCAG AA (4.5:1) on the surfaces they sit on.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import TextStyle

BASE_WIDTH, BASE_HEIGHT = 1280, 720

# Palette: warm paper, deep teal, soft coral; text is near-black or white.
PAPER = (251, 247, 240)
PANEL = (255, 255, 255)
INK = (31, 41, 51)
MUTED_INK = (72, 84, 96)
TEAL = (22, 94, 102)
TEAL_LIGHT = (214, 236, 236)
CORAL = (224, 122, 95)
CORAL_DARK = (160, 64, 40)
FOCUS = (255, 176, 32)
SHADOW = (0, 0, 0, 40)
SCRIM = (20, 28, 36, 150)
WHITE = (255, 255, 255)
BUBBLE_THEM = (255, 255, 255)
BUBBLE_ME = (210, 236, 222)
THOUGHT = (238, 234, 250)
NOTIFICATION = (40, 52, 64)
NARRATION = (255, 250, 235)

CALM = {name: value for name, value in globals().items() if name.isupper() and isinstance(value, tuple)}
# For a projector in a bright room, and for players who need more contrast:
# white paper, black ink, darker accents.
HIGH_CONTRAST = {
    **CALM,
    "PAPER": (255, 255, 255), "PANEL": (255, 255, 255), "INK": (0, 0, 0), "MUTED_INK": (35, 35, 35),
    "TEAL": (0, 64, 72), "TEAL_LIGHT": (205, 232, 232), "CORAL_DARK": (128, 28, 8), "FOCUS": (255, 128, 0),
    "BUBBLE_THEM": (255, 255, 255), "BUBBLE_ME": (200, 232, 214), "THOUGHT": (228, 222, 246),
    "NOTIFICATION": (0, 0, 0), "NARRATION": (255, 248, 220), "SCRIM": (0, 0, 0, 185),
}
PALETTES = {"calm": CALM, "high_contrast": HIGH_CONTRAST}


def use_palette(name: str) -> None:
    """Switch every colour of the game at once (scenes read them at draw time)."""
    globals().update(PALETTES.get(name, CALM))


# Who decides: a colour, an icon and a word, never the colour alone.
DECIDER_COLOURS = {"child": (106, 76, 160), "caregiver": (29, 78, 137), "together": (35, 105, 75)}
ENDING_COLOURS = {"safe": (35, 105, 75), "supported": (29, 78, 137), "learning": (138, 96, 0)}


@dataclass(frozen=True)
class Theme:
    width: int
    height: int
    text_scale: int = 100  # percent
    palette: str = "calm"  # part of the theme, so caches made in one palette are not reused in another

    @property
    def unit(self) -> float:
        """Scale of the layout relative to the 1280x720 design."""
        return max(min(self.width / BASE_WIDTH, self.height / BASE_HEIGHT), 0.6)

    def px(self, value: float) -> int:
        return max(round(value * self.unit), 1)

    def text(self, size: float, bold: bool = False) -> TextStyle:
        return TextStyle(max(round(size * self.unit * self.text_scale / 100), 10), bold)

    @property
    def body(self) -> TextStyle:
        return self.text(26)

    @property
    def small(self) -> TextStyle:
        return self.text(20)

    @property
    def label(self) -> TextStyle:
        return self.text(22, bold=True)

    @property
    def heading(self) -> TextStyle:
        return self.text(34, bold=True)

    @property
    def title(self) -> TextStyle:
        return self.text(48, bold=True)

    @property
    def margin(self) -> int:
        return self.px(32)

    @property
    def gap(self) -> int:
        return self.px(16)

    @property
    def radius(self) -> int:
        return self.px(18)

    @property
    def button_height(self) -> int:
        """Tall enough for a finger and for the text size (at least 48 px)."""
        return max(self.px(60), int(self.text(26).size * 2.0), 48)
