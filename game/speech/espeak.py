"""espeak-ng through ctypes: the computer voice for languages without
recordings. The `espeakng-loader` wheel bundles the library and its data for
Windows, macOS and Linux, so nothing is downloaded at run time.

Layer: game/speech (no pygame). espeak-ng keeps its state in globals (one
voice, one callback), so the process has one `Espeak`, created on first use
and guarded by `_LOCK`; every call into the library holds the lock. A
library that cannot be loaded is remembered too, with the reason, so the
game asks once and then stays quiet.

Voices, as the bundled espeak-ng 1.52 data lists them (`espeak_ListVoices`):
en -> gmw/en (English, Great Britain; the stories use British spelling),
es -> roa/es-419 (Spanish, Latin America; the game is also made for Bolivia),
th -> tai/th, ar -> sem/ar, bn -> inc/bn, ne -> inc/ne, sw -> bnt/sw,
nl -> gmw/nl, ro -> roa/ro, hr -> zls/hr, mt -> sem/mt. There is no voice for
Khmer (km) or Filipino (fil, tl): those languages speak only from recordings.
espeak-ng marks its Thai, Swahili and Maltese voices "status testing"; its
Thai has a 2 KB dictionary and reads Thai words badly, so Thai needs
recordings most.
"""

from __future__ import annotations

import ctypes
import os
import threading
from dataclasses import dataclass

from .audio import Audio, native_to_little_endian

BASE_WORDS_PER_MINUTE = 160  # rate 100%: a little slower than espeak-ng's 175, for children
MIN_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE = 80, 450  # what espeak-ng accepts

# Where espeak-ng has several voices for a language, the one for this game's
# families; any other code takes the voice that declares it with the best
# priority, then its base language ("pt-BR" -> "pt").
PREFERRED = {"en": "en-gb", "es": "es-419", "es-es": "es"}
PSEUDO_REGIONS = ("xa", "xb")  # en-XA, ar-XB: pseudo-locales for testing, never spoken

# espeak-ng's constants (speak_lib.h, espeak_ng.h)
_OUTPUT_SYNCHRONOUS = 0x0001  # ENOUTPUT_MODE_SYNCHRONOUS: the callback runs inside Synthesize
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _VoiceStruct(ctypes.Structure):
    # `languages` is a list of (priority byte, NUL-terminated code) pairs ending
    # in a zero byte, so it is read by hand rather than as a c_char_p.
    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_void_p), ("identifier", ctypes.c_char_p),
                ("gender", ctypes.c_ubyte), ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte),
                ("xx1", ctypes.c_ubyte), ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


@dataclass(frozen=True)
class EspeakVoice:
    identifier: str  # e.g. "roa/es-419": what espeak_SetVoiceByName takes
    name: str        # e.g. "Spanish (Latin America)"
    languages: tuple[tuple[int, str], ...]  # (priority, lower-case code); lower priority fits better


class Espeak:
    """The loaded library. Use `load()`, not this constructor."""

    def __init__(self, library: ctypes.CDLL, data_path: str | None) -> None:
        self._lib = library
        self._declare()
        self._lib.espeak_ng_InitializePath(os.fsencode(data_path) if data_path else None)  # None: the system's
        context = ctypes.c_void_p()
        status = self._lib.espeak_ng_Initialize(ctypes.byref(context))
        self._lib.espeak_ng_ClearErrorContext(ctypes.byref(context))
        self._check(status, f"its data in {data_path}")
        self._check(self._lib.espeak_ng_InitializeOutput(_OUTPUT_SYNCHRONOUS, 0, None), "synchronous output")
        self.sample_rate = int(self._lib.espeak_ng_GetSampleRate())
        self.version = self._lib.espeak_Info(None).decode("ascii", "replace")
        self._chunks: list[bytes] = []
        self._cancel: threading.Event | None = None
        self._callback = _CALLBACK(self._collect)  # kept: ctypes must not free it
        self._lib.espeak_SetSynthCallback(self._callback)
        self.data_path = data_path
        self.voices = self._list_voices()

    def _declare(self) -> None:
        lib = self._lib
        lib.espeak_ng_InitializePath.argtypes = [ctypes.c_char_p]
        lib.espeak_ng_InitializePath.restype = None
        lib.espeak_ng_Initialize.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        lib.espeak_ng_ClearErrorContext.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        lib.espeak_ng_ClearErrorContext.restype = None
        lib.espeak_ng_InitializeOutput.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p]
        lib.espeak_ng_GetSampleRate.restype = ctypes.c_int
        lib.espeak_ng_GetStatusCodeMessage.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]
        lib.espeak_ng_GetStatusCodeMessage.restype = None
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_ListVoices.argtypes = [ctypes.c_void_p]
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_VoiceStruct))
        lib.espeak_ng_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_ng_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_ng_Synthesize.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                             ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]

    def _check(self, status: int, what: str) -> None:
        if status != 0:
            raise OSError(f"espeak-ng could not load {what}: {self._message(status)}")

    def _message(self, status: int) -> str:
        buffer = ctypes.create_string_buffer(512)
        self._lib.espeak_ng_GetStatusCodeMessage(status, buffer, len(buffer))
        return buffer.value.decode("utf-8", "replace") or f"status {status:#x}"

    def _list_voices(self) -> list[EspeakVoice]:
        voices = []
        found = self._lib.espeak_ListVoices(None)
        index = 0
        while found[index]:
            entry = found[index].contents
            languages, address = [], entry.languages
            while address and (priority := ctypes.string_at(address, 1)[0]):
                code = ctypes.string_at(address + 1)
                languages.append((priority, code.decode("ascii", "replace").lower()))
                address += len(code) + 2
            voices.append(EspeakVoice(entry.identifier.decode("utf-8", "replace"),
                                      entry.name.decode("utf-8", "replace").strip(), tuple(languages)))
            index += 1
        return voices

    def voice_for(self, language: str) -> EspeakVoice | None:
        """The voice for a game language code such as "es", "pt-BR" or "fil"."""
        code = language.replace("_", "-").lower()
        if code.split("-")[-1] in PSEUDO_REGIONS:
            return None
        base = code.split("-")[0]
        for wanted in (PREFERRED.get(code), code, PREFERRED.get(base), base):
            ranked = sorted((priority, voice.identifier, voice) for voice in self.voices
                            for priority, declared in voice.languages if wanted and declared == wanted)
            if ranked:
                return ranked[0][2]
        return None

    def status(self, voice: EspeakVoice) -> str:
        """espeak-ng's own rating of a voice: "mature", "testing", or "" if unrated."""
        try:
            if not self.data_path:
                return ""  # the system's espeak-ng: its data folder is its own business
            with open(os.path.join(self.data_path, "lang", *voice.identifier.split("/")), encoding="utf-8") as stream:
                for line in stream:
                    if line.startswith("status"):
                        return line.split()[-1]
        except OSError:
            pass  # a voice defined elsewhere (voices/): unrated
        return ""

    def _collect(self, samples, count: int, events) -> int:
        if self._cancel is not None and self._cancel.is_set():
            return 1  # tells espeak-ng to stop
        if samples and count > 0:
            self._chunks.append(ctypes.string_at(samples, count * 2))
        return 0

    def synthesize(self, text: str, voice: EspeakVoice, rate: int = 100,
                   cancel: threading.Event | None = None) -> Audio | None:
        """`text` spoken by `voice` at `rate` percent of normal speed; None if
        cancelled or if espeak-ng fails."""
        words_per_minute = round(BASE_WORDS_PER_MINUTE * rate / 100)
        words_per_minute = max(MIN_WORDS_PER_MINUTE, min(MAX_WORDS_PER_MINUTE, words_per_minute))
        data = text.encode("utf-8") + b"\0"
        with _LOCK:
            if self._lib.espeak_ng_SetVoiceByName(voice.identifier.encode("utf-8")) != 0:
                return None
            self._lib.espeak_ng_SetParameter(_PARAM_RATE, words_per_minute, 0)
            self._chunks, self._cancel = [], cancel
            try:
                status = self._lib.espeak_ng_Synthesize(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
                chunks = self._chunks
            finally:
                self._chunks, self._cancel = [], None
        if (cancel is not None and cancel.is_set()) or status != 0:
            return None
        return Audio("synthesis", self.sample_rate, native_to_little_endian(b"".join(chunks)))


_LOCK = threading.Lock()
_loaded: Espeak | str | None = None  # the engine, or why there is none; None until asked


def load() -> tuple[Espeak | None, str]:
    """The process's espeak-ng and "", or None and the reason it is missing."""
    global _loaded
    engine = _loaded
    if engine is None:  # only the first call takes the lock, so asking never waits for a synthesis
        with _LOCK:
            if _loaded is None:
                _loaded = _load()
            engine = _loaded
    return (engine, "") if isinstance(engine, Espeak) else (None, engine)


def _load() -> Espeak | str:
    try:
        library_path, data_path = _library_paths()
        return Espeak(ctypes.CDLL(library_path), data_path)
    except ImportError:
        return ("the computer voice is not installed (pip install espeakng-loader, or the system's espeak-ng "
                "where that wheel does not exist)")
    except (OSError, RuntimeError, AttributeError) as exc:  # no library file, wrong platform, missing symbol
        return f"the computer voice (espeak-ng) could not be loaded: {exc}"


def _library_paths() -> tuple[str, str | None]:
    """Where the bundled library and its data are. The wheel exists for 64-bit
    Linux (x86-64, ARM64), macOS and 64-bit Windows; elsewhere (32-bit
    Raspberry Pi OS, 32-bit Windows) a system espeak-ng (`apt install
    espeak-ng`) is used with its own data. ImportError when there is neither."""
    try:
        import espeakng_loader
    except ImportError:
        import ctypes.util

        system = ctypes.util.find_library("espeak-ng")
        if system is None:
            raise
        return system, None
    return espeakng_loader.get_library_path(), espeakng_loader.get_data_path()
