"""One language's voice for reading aloud: a recording of the text where a
person recorded it, else espeak-ng's computer voice, else nothing.

Layer: game/speech (no pygame). The UI asks `Voice.say(text)` from one
background thread and plays the `Audio` it gets; `say` never raises for a
missing library, voice or recording, because reading aloud is a help, never
a reason for the game to stop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path

from . import espeak
from .audio import Audio, RecordingError, read_recording
from .recordings import RecordingIndex, has_recordings, load_entries, recorded_files

RATES = (70, 85, 100, 125)  # percent of normal speed, as the settings offer them

log = logging.getLogger(__name__)


class Voice:
    """One language's voice: recorded audio first, then espeak-ng, else nothing.

    `voice_dir` holds a folder of recordings per language (assets/voice),
    `locale_dir` the catalogs that say which text each recording is; `names`
    are the players' placeholders ({"child_name": ...}) when known, so a
    recorded line with a nickname in it is found exactly."""

    def __init__(self, language: str, voice_dir: Path, locale_dir: Path,
                 names: Mapping[str, str] | None = None) -> None:
        self.language = language
        self.voice_dir = Path(voice_dir)
        self.locale_dir = Path(locale_dir)
        self.names = dict(names or {})
        self.problem = ""  # why there is no computer voice, once asked
        self._index: RecordingIndex | None = None
        self._indexed = False
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Voice({self.language!r})"

    @property
    def folder(self) -> Path:
        """Where this language's recordings are."""
        return self.voice_dir / self.language

    def synthesis_available(self) -> bool:
        """espeak-ng loads and has a voice for this language."""
        return self._synthesis_voice() is not None

    def synthesis_voice_name(self) -> str:
        """espeak-ng's name of the voice used, e.g. "Spanish (Latin America)
        (roa/es-419)", with "testing" where espeak-ng rates it so; "" if none."""
        found = self._synthesis_voice()
        if found is None:
            return ""
        engine, chosen = found
        rough = ", testing" if engine.status(chosen) == "testing" else ""
        return f"{chosen.name} ({chosen.identifier}{rough})"

    def _synthesis_voice(self) -> tuple[espeak.Espeak, espeak.EspeakVoice] | None:
        engine, reason = espeak.load()
        if engine is None:
            self.problem = reason
            return None
        chosen = engine.voice_for(self.language)
        if chosen is None:
            self.problem = f"the computer voice (espeak-ng) has no voice for this language ({self.language})"
            return None
        self.problem = ""
        return engine, chosen

    def recordings_available(self) -> bool:
        """At least one recorded file exists for this language."""
        return has_recordings(self.folder)

    @property
    def available(self) -> bool:
        return self.recordings_available() or self.synthesis_available()

    def say(self, text: str, rate: int = 100, cancel: threading.Event | None = None) -> Audio | None:
        """What the game would say for `text` (already translated and with
        placeholders filled): the recording of the catalog entry whose text
        this is, if recorded; otherwise synthesis; None if neither (or
        cancelled). Never raises for a missing library, voice or unreadable file."""
        if not text.strip() or (cancel is not None and cancel.is_set()):
            return None
        recorded = self.recording(text)
        if recorded is not None:
            return recorded
        found = self._synthesis_voice()
        if found is None:
            return None
        engine, chosen = found
        return engine.synthesize(text, chosen, rate, cancel)

    def recording(self, text: str) -> Audio | None:
        """The recording of `text`, if one is usable; None otherwise."""
        index = self._recording_index()
        if index is None:
            return None
        for path in index.find(text):
            try:
                return read_recording(path)
            except (RecordingError, OSError) as exc:  # a broken file: the next format, or the computer voice
                log.warning("recording skipped: %s", exc)
        return None

    def _recording_index(self) -> RecordingIndex | None:
        """Built once, on the first `say`, and only if there are recordings:
        reading the catalogs costs about 0.1 s."""
        with self._lock:
            if not self._indexed:
                self._indexed = True
                files = recorded_files(self.folder)
                if files:
                    entries, problems = load_entries(self.locale_dir, self.language)
                    for problem in problems:
                        log.warning("recordings for %s: %s", self.language, problem)
                    self._index = RecordingIndex(entries, files, self.names)
            return self._index
