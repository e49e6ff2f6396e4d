"""Read-aloud: the game speaks its lines, choices and buttons.

Layer: game/ui. What to say comes from the scenes (`Scene.speech`, a
widget's `spoken`); how it sounds comes from `game.speech.Voice` (a
volunteer's recording of that very string first, else espeak-ng). Audio is
made on one worker thread, so the window never waits for a voice, and
played here on the mixer's own channel. Anything new to say cuts off what
was being said, and a new screen stops it: speech never runs behind play.

Where a language has no voice, or the computer has no sound, the family is
told once, kindly, and the game goes on silently.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from ..paths import LOCALE_DIR, VOICE_DIR
from ..settings import N_

if TYPE_CHECKING:
    from ..speech import Audio, Voice
    from .app import App

VOICE_CHANNEL = 0  # reserved: the line "pop" and the choice chime never cut a voice off

NO_VOICE = N_("Reading aloud is not available in {language} yet. You can keep playing and read the words together.")
NO_SOUND = N_("This computer has no sound the game can use, so nothing can be read aloud. "
              "You can keep playing and read the words together.")
ABOUT = N_("About reading aloud")


@dataclass(frozen=True)
class Utterance:
    """One thing to say, in `language` (None: the game's language)."""

    text: str
    language: str | None = None


def utterances(items: Iterable[str | Utterance]) -> list[Utterance]:
    found: list[Utterance] = []
    for item in items:
        utterance = item if isinstance(item, Utterance) else Utterance(str(item))
        text = " ".join(utterance.text.split())
        if text and (not found or found[-1].text != text):
            found.append(Utterance(text, utterance.language))
    return found


def default_voice(language: str) -> Voice:
    from ..speech import Voice

    return Voice(language, VOICE_DIR, LOCALE_DIR)


class Reader:
    """Speaks lists of utterances, one after another, cut off by the next."""

    def __init__(self, app: App, voice_factory: Callable[[str], Voice] = default_voice):
        self.app = app
        self.voice_factory = voice_factory
        self._voices: dict[str, Voice] = {}
        self._lock = threading.Lock()
        self._requests: queue.Queue = queue.Queue()
        self._ready: deque[tuple[int, Audio]] = deque()
        self._generation = 0
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._waiting = 0  # utterances of the current request not yet made into audio
        self.told: set[str] = set()  # languages (and "sound") the family was told have no voice
        self.to_tell: list[tuple[str, dict]] = []
        self.said: deque[Utterance] = deque(maxlen=200)  # what was asked for, newest last (tests)
        self.played: deque[Audio] = deque(maxlen=50)
        self.channel: pygame.mixer.Channel | None = None

    # Asking -------------------------------------------------------------------------

    def say(self, items: Iterable[str | Utterance]) -> None:
        """Say these now, cutting off whatever was being said."""
        wanted = utterances(items)
        self.stop()
        if not wanted:
            return
        if not self.sound_ready():
            self.tell_once("sound", NO_SOUND, {})
            return
        language = self.app.ui.tr.code
        playable = [u for u in wanted if self.voice(u.language or language).available]
        if any(u.language in (None, language) for u in wanted if u not in playable):
            self.tell_once(language, NO_VOICE, {"language": self.app.ui.tr.language.name})
        if not playable:
            return
        self.said.extend(playable)
        with self._lock:
            self._waiting = len(playable)
        self._requests.put((self._generation, playable, self.app.ui.settings.speech_rate, language))
        self._start_worker()

    def stop(self) -> None:
        """Silence now; audio still being made for an older request is dropped."""
        with self._lock:
            self._generation += 1
            self._ready.clear()
            self._waiting = 0
        self._cancel.set()
        if self.channel is not None:
            self.channel.stop()

    @property
    def pending(self) -> int:
        """Utterances asked for and not yet made into audio."""
        with self._lock:
            return self._waiting

    @property
    def speaking(self) -> bool:
        with self._lock:
            waiting = self._waiting > 0 or bool(self._ready)
        return waiting or (self.channel is not None and self.channel.get_busy())

    def toggle(self, items: Iterable[str | Utterance]) -> None:
        """The "Listen" button and key: speak the screen, or stop if speaking."""
        if self.speaking:
            self.stop()
        else:
            self.say(items)

    # Voices and sound ---------------------------------------------------------------

    def voice(self, language: str) -> Voice:
        voice = self._voices.get(language)
        if voice is None:
            voice = self._voices[language] = self.voice_factory(language)
        return voice

    def sound_ready(self) -> bool:
        sounds = self.app.sounds
        sounds.load()
        if not sounds.available:
            return False
        if self.channel is None:
            pygame.mixer.set_reserved(1)
            self.channel = pygame.mixer.Channel(VOICE_CHANNEL)
        return True

    def tell_once(self, key: str, message: str, values: dict) -> None:
        if key not in self.told:
            self.told.add(key)
            self.to_tell.append((message, values))

    # Work ---------------------------------------------------------------------------

    def _start_worker(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="read-aloud", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            generation, wanted, rate, language = self._requests.get()
            if generation is None:
                return
            self._cancel.clear()
            for utterance in wanted:
                if generation != self._generation:
                    break
                try:
                    audio = self.voice(utterance.language or language).say(utterance.text, rate, self._cancel)
                except Exception:  # noqa: BLE001 - a voice must never take the game (or its worker) down
                    audio = None
                with self._lock:
                    if generation != self._generation:
                        break
                    self._waiting = max(self._waiting - 1, 0)
                    if audio is not None:
                        self._ready.append((generation, audio))

    def update(self) -> None:
        """Start the next piece of audio when the last one has finished; tell
        the family about a missing voice. Called by the app every loop."""
        if self.to_tell:
            notices, self.to_tell = self.to_tell, []
            from .scenes.notice import NoticeScene

            self.app.push(NoticeScene(self.app.ui, notices, title=ABOUT, footer=None))
        if self.channel is None or self.channel.get_busy():
            return
        with self._lock:
            if not self._ready:
                return
            generation, audio = self._ready.popleft()
        if generation == self._generation:
            sound = self.sound_for(audio)
            if sound is not None:
                self.played.append(audio)
                self.channel.play(sound)

    def sound_for(self, audio: Audio) -> pygame.mixer.Sound | None:
        try:
            if audio.path is not None:
                return pygame.mixer.Sound(audio.path)
            return pygame.mixer.Sound(buffer=fit_to_mixer(audio.pcm, audio.rate))
        except (pygame.error, OSError, ValueError):
            return None  # an unreadable recording: skip it, say the rest

    def close(self) -> None:
        self.stop()
        if self._thread is not None:
            self._requests.put((None, [], 0, ""))


def fit_to_mixer(pcm: bytes, rate: int) -> bytes:
    """16-bit mono samples at `rate`, as the mixer plays them (its rate and channels)."""
    import array

    mixer = pygame.mixer.get_init()
    if mixer is None:
        return pcm
    mixer_rate, _, channels = mixer
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if rate != mixer_rate and samples:
        step = rate / mixer_rate
        samples = array.array("h", (samples[min(int(n * step), len(samples) - 1)]
                                    for n in range(int(len(samples) / step))))
    if channels > 1:
        samples = array.array("h", (value for value in samples for _ in range(channels)))
    return samples.tobytes()
