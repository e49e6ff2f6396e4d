"""Soft sounds, made in code: a light "pop" when a line appears and a chime
after a choice. Off with the sound setting; silent where there is no audio
device (the game never fails for want of sound).

Layer: game/ui. No sound files, so nothing to license or download.
"""

from __future__ import annotations

import array
import math

import pygame

RATE = 22050


def _tone(frequencies: list[float], seconds: float, volume: float) -> bytes:
    samples = array.array("h")
    count = int(RATE * seconds)
    for i in range(count):
        t = i / RATE
        envelope = min(1.0, i / (RATE * 0.01)) * math.exp(-5 * t / seconds)
        value = sum(math.sin(2 * math.pi * f * t) for f in frequencies) / len(frequencies)
        samples.append(int(value * envelope * volume * 32767))
    return samples.tobytes()


class Sounds:
    def __init__(self) -> None:
        self.available = False
        self.tried = False
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    def load(self) -> None:
        """Open the audio device once; if there is none, stay silent (trying
        again on every line would freeze the game for ~100 ms each time)."""
        if self.tried:
            return
        self.tried = True
        try:
            pygame.mixer.init(RATE, -16, 1, 512)
            self._sounds = {
                "line": pygame.mixer.Sound(buffer=_tone([880.0], 0.08, 0.12)),
                "choice": pygame.mixer.Sound(buffer=_tone([523.25, 659.25, 783.99], 0.35, 0.15)),
            }
            self.available = True
        except pygame.error:
            self.available = False  # no audio device: play silently

    def play(self, name: str, enabled: bool) -> None:
        if not enabled:
            return
        self.load()
        sound = self._sounds.get(name)
        if sound is not None:
            sound.play()
