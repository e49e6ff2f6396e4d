"""Reading aloud, offline: recorded audio where a person recorded a text,
else espeak-ng's computer voice, else nothing.

Layer: game/speech (pure Python and ctypes; never imports pygame). The UI
makes a `Voice` per language and plays the `Audio` that `Voice.say` returns.
Names are imported on first use (PEP 562), so importing the package loads
neither espeak-ng nor the catalogs.
"""

from __future__ import annotations

from ..lazy_names import lazy_names

_WHERE = {
    "Audio": "audio", "write_wav": "audio",
    "RATES": "voice", "Voice": "voice",
    "Entry": "recordings", "load_entries": "recordings", "recording_stem": "recordings",
}

__all__ = list(_WHERE)


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())
