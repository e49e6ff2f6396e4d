"""The accessibility menu: reading aloud, text size, contrast, movement and
an easier-to-read font, all in one place.

Layer: game/ui. Reachable from the first screen (a header button), from
settings, and on every screen with F2 (a controller's Back button). It is
the settings screen with other cards, so it lays out, scrolls and keeps the
focus in view the same way; every change applies at once and is saved.
"""

from __future__ import annotations

import pygame

from ...settings import N_, SPEECH_RATES
from ..widgets import Button
from .settings import SettingsScene

SAMPLE = N_("This is how the game reads aloud. You can make it slower or faster.")


class AccessibilityScene(SettingsScene):
    name = "accessibility"

    def title(self) -> str:
        return self.ui.tr._("Accessibility")

    def cards(self) -> list:
        tr = self.ui.tr
        # Translators: keep "R" and "X" (a key and a game controller button); “Listen” is the header button.
        read_aloud_hint = tr._("Lines, choices and the button you move to are read out as they appear. "
                               "“Listen” (the R key, or X on a controller) reads the screen at any time.")
        hearing = [(tr._("Read aloud"), read_aloud_hint, self.read_aloud_controls),
                   (tr._("Reading speed"), "", self.rate_controls),
                   (tr._("Try the voice"), self.voice_status(), self.sample_controls)]
        # Translators: OpenDyslexic is a font name: keep it. It only has Latin letters, so Thai, Arabic... stay as they are.
        font_hint = tr._("OpenDyslexic, a font some readers with dyslexia find easier. Other alphabets stay as they are.")
        seeing = [(tr._("Text size"), "", self.text_size_controls),
                  (tr._("High contrast"), tr._("Darker text and stronger colours."), self.contrast_controls),
                  (tr._("Less movement"), tr._("Lines appear without sliding in."), self.motion_controls),
                  (tr._("Easier-to-read letters"), font_hint, self.font_controls)]
        return [hearing, seeing]

    def voice_status(self) -> str:
        """Which voice this language has, said plainly."""
        tr = self.ui.tr
        voice = self.ui.app.reader.voice(tr.code)
        if voice.recordings_available():
            return tr._("Recorded voices where a volunteer has recorded a line, a computer voice for the rest.") \
                if voice.synthesis_available() else tr._("Recorded voices where a volunteer has recorded a line.")
        if voice.synthesis_available():
            return tr._("A computer voice reads aloud, on this computer only.")
        return tr._("There is no voice for this language yet.")

    # Actions -------------------------------------------------------------------------

    def set_rate(self, rate: int) -> None:
        self.ui.settings.speech_rate = rate
        self.ui.save_settings()
        self.rebuild()
        self.say_sample()

    def say_sample(self) -> None:
        self.ui.app.reader.say([self.ui.tr._(SAMPLE)])

    def set_font(self, on: bool) -> None:
        self.ui.settings.dyslexia_font = on
        self.ui.save_settings()
        self.ui.app.apply_reading_font()

    # Controls ------------------------------------------------------------------------

    def read_aloud_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.option_row(self.on_off("read_aloud", self.ui.settings.read_aloud, self.ui.app.set_read_aloud),
                               x, y, width, measure)

    def rate_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        tr = self.ui.tr
        # Translators: the reading-aloud speed, four buttons in a row: keep them short.
        labels = [tr._("Very slow"), tr._("Slow"), tr._("Normal"), tr._("Fast")]
        options = [(f"rate_{rate}", label, rate == self.ui.settings.speech_rate, lambda rate=rate: self.set_rate(rate))
                   for rate, label in zip(SPEECH_RATES, labels)]
        return self.option_row(options, x, y, width, measure)

    def sample_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        theme = self.ui.theme
        label = self.ui.tr._("Play a sample")
        button_w = min(width, self.ui.text.measure(label, theme.label) + theme.px(56))
        height = Button("measure", label=label).height_for(self.ui, button_w)
        if not measure:
            widget = Button("sample", pygame.Rect(x, y, button_w, height), label=label, on_click=self.say_sample)
            self.widgets.append(self.scroll.add(widget))
        return height

    def contrast_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.option_row(self.on_off("contrast", self.ui.settings.high_contrast, self.set_contrast),
                               x, y, width, measure)

    def motion_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.option_row(self.on_off("motion", self.ui.settings.reduced_motion, self.set_motion),
                               x, y, width, measure)

    def font_controls(self, x: int, y: int, width: int, measure: bool) -> int:
        return self.option_row(self.on_off("dyslexia_font", self.ui.settings.dyslexia_font, self.set_font),
                               x, y, width, measure)
