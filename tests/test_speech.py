"""Reading aloud: espeak-ng synthesis per language, recordings first, the
fallbacks, and the recorders' commands. Headless: no audio device is opened."""

from __future__ import annotations

import array
import io
import math
import re
import subprocess
import sys
import threading
import wave
from pathlib import Path

import pytest

from game.cli import main
from game.paths import LOCALE_DIR
from game.speech import Audio, Voice, espeak, load_entries, recording_stem
from game.speech.audio import decode_wav
from game.speech.recordings import Entry, RecordingIndex

ROOT = Path(__file__).parents[1]
SYNTHESIS_LANGUAGES = ("en", "es", "th", "bn", "ar")


def rms(audio: Audio) -> float:
    samples = array.array("h", audio.pcm)
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


def write_tone(path: Path, seconds: float = 0.2, rate: int = 16000, channels: int = 1, width: int = 2) -> bytes:
    """A 440 Hz tone as a WAV file; returns its first channel as 16-bit samples."""
    count = int(rate * seconds)
    first = array.array("h", (int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count)))
    frames = bytearray()
    for value in first:
        sample = (value << 8 if width == 3 else value).to_bytes(width, "little", signed=True)
        frames += sample * channels
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(bytes(frames))
    return first.tobytes()


_ENTRIES: dict[str, list[Entry]] = {}


def entries(lang: str) -> list[Entry]:
    if lang not in _ENTRIES:
        _ENTRIES[lang] = load_entries(LOCALE_DIR, lang)[0]
    return _ENTRIES[lang]


def story_line(lang: str, placeholder: bool = False) -> Entry:
    """A story line of ordinary length (narrated, or else any with a name
    placeholder), translated where a catalog exists."""
    for entry in entries(lang):
        if (entry.domain == "scenarios" and (entry.note.startswith("The narrator says") or placeholder)
                and (entry.translation or lang == "en") and 40 <= len(entry.text) <= 200
                and ("{child_name}" in entry.text) == placeholder):
            return entry
    pytest.fail(f"no narrated story line in {lang}")


@pytest.fixture
def no_library(monkeypatch):
    """espeak-ng as if the wheel were not installed."""

    def missing():
        raise ImportError("No module named 'espeakng_loader'")

    monkeypatch.setattr(espeak, "_loaded", None)
    monkeypatch.setattr(espeak, "_library_paths", missing)


# Synthesis


@pytest.mark.parametrize("lang", SYNTHESIS_LANGUAGES)
def test_synthesis_reads_a_story_line_aloud(lang):
    voice = Voice(lang, ROOT / "no-recordings", LOCALE_DIR)
    assert voice.synthesis_available() and voice.available, voice.problem
    text = story_line(lang).text
    audio = voice.say(text)
    assert audio is not None and audio.source == "synthesis" and audio.path is None
    assert audio.rate == 22050 and len(audio.pcm) % 2 == 0
    assert rms(audio) > 500  # speech, not silence
    per_character = audio.seconds / len(text)
    assert 0.03 < per_character < 0.3, f"{audio.seconds:.1f} s for {len(text)} characters"


def test_slower_rate_gives_longer_audio():
    voice = Voice("en", ROOT / "no-recordings", LOCALE_DIR)
    text = story_line("en").text
    slow, normal, fast = (voice.say(text, rate=rate).seconds for rate in (70, 100, 125))
    assert slow > normal > fast
    assert slow > 1.4 * fast


def test_voices_chosen_for_the_games_languages():
    engine, reason = espeak.load()
    assert engine is not None, reason
    chosen = {lang: getattr(engine.voice_for(lang), "identifier", None)
              for lang in ("en", "es", "es-ES", "es-BO", "th", "bn", "ar", "ne", "km", "fil", "en-XA")}
    assert chosen == {"en": "gmw/en", "es": "roa/es-419", "es-ES": "roa/es", "es-BO": "roa/es-419", "th": "tai/th",
                      "bn": "inc/bn", "ar": "sem/ar", "ne": "inc/ne", "km": None, "fil": None, "en-XA": None}


@pytest.mark.parametrize("lang", ["km", "fil", "en-XA"])
def test_no_synthesis_and_no_recordings_says_nothing(lang, tmp_path):
    voice = Voice(lang, tmp_path, LOCALE_DIR)
    assert not voice.synthesis_available() and not voice.recordings_available() and not voice.available
    assert lang in voice.problem
    assert voice.say("Hello") is None


def test_cancelled_before_or_during_synthesis_gives_nothing():
    voice = Voice("en", ROOT / "no-recordings", LOCALE_DIR)
    cancelled = threading.Event()
    cancelled.set()
    assert voice.say("Hello there.", cancel=cancelled) is None

    class CancelSoon(threading.Event):
        """Set once espeak-ng has delivered a few chunks."""

        def __init__(self):
            super().__init__()
            self.asked = 0

        def is_set(self):
            self.asked += 1
            return self.asked > 3

    cancel = CancelSoon()
    assert voice.say(" ".join([story_line("en").text] * 5), cancel=cancel) is None
    assert cancel.asked <= 6  # stopped at the first chunk after cancelling, not hundreds of chunks later
    assert voice.say("Still works after a cancel.").seconds > 0.5


def test_one_engine_serves_several_threads():
    voice = Voice("es", ROOT / "no-recordings", LOCALE_DIR)
    text = story_line("es").text
    alone = voice.say(text)
    results = []
    threads = [threading.Thread(target=lambda: results.append(voice.say(text))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # espeak-ng varies its output a little from call to call, so compare lengths, not bytes
    assert len(results) == 4
    assert all(abs(audio.seconds - alone.seconds) < 0.05 * alone.seconds and rms(audio) > 500 for audio in results)


def test_missing_library_means_no_synthesis_but_recordings_still_play(no_library, tmp_path):
    voice = Voice("es", tmp_path, LOCALE_DIR)
    assert not voice.synthesis_available()
    assert "espeakng-loader" in voice.problem
    assert voice.say("Hola") is None
    entry = story_line("es")
    write_tone(tmp_path / "es" / f"{entry.stem}.wav")
    recorded = Voice("es", tmp_path, LOCALE_DIR).say(entry.text)
    assert recorded is not None and recorded.source == "recording"


def test_library_that_does_not_load_is_reported(monkeypatch):
    monkeypatch.setattr(espeak, "_loaded", None)
    monkeypatch.setattr(espeak, "_library_paths", lambda: ("/nowhere/libespeak-ng.so", "/nowhere/espeak-ng-data"))
    voice = Voice("en", ROOT / "no-recordings", LOCALE_DIR)
    assert not voice.synthesis_available()
    assert "could not be loaded" in voice.problem
    assert voice.say("Hello") is None


def test_missing_voice_data_is_reported():
    # In a fresh interpreter: a failed start leaves espeak-ng's global state unusable.
    code = ("import espeakng_loader\nfrom game.speech import Voice, espeak\n"
            "espeak._library_paths = lambda: (espeakng_loader.get_library_path(), '/nowhere/espeak-ng-data')\n"
            "voice = Voice('en', 'none', 'locale')\n"
            "assert not voice.synthesis_available() and voice.say('Hello') is None\n"
            "print(voice.problem)\n")
    done = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "could not load its data in /nowhere/espeak-ng-data" in done.stdout


def test_speech_works_with_pygame_blocked():
    code = ("import sys; sys.modules['pygame'] = None\n"
            "from pathlib import Path\nfrom game.speech import Voice\n"
            "v = Voice('en', Path('assets/voice'), Path('locale'))\n"
            "assert v.say('Hello, Daniel.').seconds > 0.3\n")
    done = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


# Recordings


def test_recording_names_are_stable_and_readable():
    # Recorders' files are named by these: changing them orphans every recording.
    assert recording_stem("scenarios", "a_new_follower", "A new follower") == "a_new_follower/a-new-follower-3eece6b5"
    assert recording_stem("ui", "setting", "On").startswith("ui/on-")
    assert recording_stem("ui", "setting", "On") != recording_stem("ui", None, "On")
    assert recording_stem("scenarios", "x", "Tomás says: {child_name}, look!").startswith("x/tomas-says-look-")
    assert recording_stem("ui", None, "👍").startswith("ui/text-")
    words = recording_stem("scenarios", "x", "one two three four five six seven eight").split("/")[1]
    assert words.rsplit("-", 1)[0] == "one-two-three-four-five-six"


def test_the_recorders_readme_names_real_entries():
    readme = (ROOT / "assets" / "voice" / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"assets/voice/km/(\S+)\.ogg", readme)) | set(re.findall(r"\] (\S+)\.ogg", readme))
    assert len(shown) >= 2
    assert shown <= {entry.stem for entry in entries("km")}


def test_a_recording_wins_over_synthesis(tmp_path):
    entry = story_line("es")
    samples = write_tone(tmp_path / "es" / f"{entry.stem}.wav", rate=16000)
    voice = Voice("es", tmp_path, LOCALE_DIR)
    assert voice.recordings_available()
    audio = voice.say(entry.text)
    assert audio.source == "recording" and audio.rate == 16000 and audio.pcm == samples
    assert audio.path == tmp_path / "es" / f"{entry.stem}.wav"
    assert abs(audio.seconds - 0.2) < 0.01
    assert voice.say("  " + entry.text.replace(" ", "\n  ") + " ").source == "recording"  # wrapped text
    assert voice.say(story_line("es").text + " Y más.").source == "synthesis"  # another text


def test_a_recording_with_a_placeholder_plays_with_the_name_filled(tmp_path):
    entry = story_line("es", placeholder=True)
    write_tone(tmp_path / "es" / f"{entry.stem}.wav")
    filled = entry.text.replace("{child_name}", "Mali").replace("{caregiver_name}", "Mamá")
    assert Voice("es", tmp_path, LOCALE_DIR).say(filled).source == "recording"
    named = Voice("es", tmp_path, LOCALE_DIR, {"child_name": "Ana María", "caregiver_name": "Papá"})
    assert named.say(entry.text.replace("{child_name}", "Ana María").replace("{caregiver_name}", "Papá")).source == "recording"


def test_a_language_without_catalogs_records_the_english_entries(tmp_path):
    entry = story_line("en")
    assert not (LOCALE_DIR / "fil").exists()
    write_tone(tmp_path / "fil" / f"{entry.stem}.wav")
    voice = Voice("fil", tmp_path, LOCALE_DIR)
    assert voice.available and not voice.synthesis_available()
    assert voice.say(entry.text).source == "recording"  # the game shows English there
    assert voice.say("Something never recorded.") is None


def test_a_compressed_recording_is_handed_over_by_path(tmp_path):
    entry = story_line("es")
    path = tmp_path / "es" / f"{entry.stem}.ogg"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"OggS" + bytes(60))
    audio = Voice("es", tmp_path, LOCALE_DIR).say(entry.text)
    assert audio.source == "recording" and audio.path == path and audio.pcm == b""


@pytest.mark.parametrize("name, content", [("x.wav", b""), ("x.wav", b"RIFF\x00\x00"), ("x.ogg", b"not ogg"),
                                           ("x.mp3", b"")])
def test_a_broken_recording_falls_back_to_synthesis(tmp_path, name, content, caplog):
    entry = story_line("es")
    path = tmp_path / "es" / f"{entry.stem}{Path(name).suffix}"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert Voice("es", tmp_path, LOCALE_DIR).say(entry.text).source == "synthesis"
    assert "recording skipped" in caplog.text
    assert Voice("km", tmp_path, LOCALE_DIR).say(entry.text) is None  # and nothing where there is no synthesis


def test_a_broken_wav_gives_way_to_another_format_of_the_same_entry(tmp_path):
    entry = story_line("es")
    (tmp_path / "es" / entry.stem).parent.mkdir(parents=True)
    (tmp_path / "es" / f"{entry.stem}.wav").write_bytes(b"")
    (tmp_path / "es" / f"{entry.stem}.flac").write_bytes(b"fLaC" + bytes(40))
    assert Voice("es", tmp_path, LOCALE_DIR).say(entry.text).path.suffix == ".flac"


def test_wav_recordings_of_other_shapes_become_16_bit_mono(tmp_path):
    stereo_24 = tmp_path / "a.wav"
    expected = write_tone(stereo_24, channels=2, width=3, rate=44100)
    rate, pcm = decode_wav(stereo_24)
    assert rate == 44100 and pcm == expected
    eight = tmp_path / "b.wav"
    with wave.open(str(eight), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(8000)
        writer.writeframes(bytes([128, 255, 0]))
    assert array.array("h", decode_wav(eight)[1]).tolist() == [0, 127 << 8, -128 << 8]


def test_templates_need_words_of_their_own():
    bare, worded = Entry("ui", None, "{name}: {message}"), Entry("ui", None, "Ages {low} to {high}")
    index = RecordingIndex([bare, worded], {bare.stem: [Path("a.wav")], worded.stem: [Path("b.wav")]})
    assert index.find("Dad: come home") == []
    assert index.find("Ages 9 to 12") == [Path("b.wav")]


# The recorders' commands


def run(argv):
    out = io.StringIO()
    return main(argv, stdout=out), out.getvalue()


def test_voice_list_for_a_language_without_catalogs(tmp_path):
    entry = story_line("en")
    write_tone(tmp_path / "km" / f"{entry.stem}.wav")
    status, out = run(["voice-list", "--lang", "km", "--voice-dir", str(tmp_path)])
    assert status == 0
    assert f"[done] {entry.stem}.wav" in out
    assert "[missing] ui/" in out and "[English]" in out
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("1 of ") and "not read aloud" in summary and "(km)" in summary
    status, missing = run(["voice-list", "--lang", "km", "--voice-dir", str(tmp_path), "--missing"])
    assert status == 0 and entry.stem not in missing and missing.count("[missing]") == out.count("[missing]")


def test_voice_list_shows_the_translation_and_the_computer_voice(tmp_path):
    entry = story_line("es")
    status, out = run(["voice-list", "--lang", "es", "--voice-dir", str(tmp_path), "--missing"])
    assert status == 0
    assert f"Read:  {' '.join(entry.text.split())}\n" in out
    assert "Spanish (Latin America)" in out.splitlines()[-1]


def test_voice_list_rejects_an_unknown_language(capsys):
    assert run(["voice-list", "--lang", "qq"])[0] == 2
    assert "not a language code" in capsys.readouterr().err


def test_speak_writes_synthesis_to_a_wav_file(tmp_path):
    target = tmp_path / "line.wav"
    status, out = run(["speak", "--lang", "bn", "--text", story_line("bn").text, "--out", str(target), "--rate", "85"])
    assert status == 0 and "espeak-ng Bengali" in out
    with wave.open(str(target), "rb") as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, 22050)
        assert reader.getnframes() > 22050


def test_speak_prefers_the_recording(tmp_path):
    entry = story_line("es")
    samples = write_tone(tmp_path / "voice" / "es" / f"{entry.stem}.wav", rate=24000)
    target = tmp_path / "out.wav"
    status, out = run(["speak", "--lang", "es", "--text", entry.text, "--out", str(target),
                       "--voice-dir", str(tmp_path / "voice")])
    assert status == 0 and "recording" in out
    assert decode_wav(target) == (24000, samples)


def test_speak_copies_a_compressed_recording_beside(tmp_path):
    entry = story_line("en")
    recording = tmp_path / "voice" / "fil" / f"{entry.stem}.ogg"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"OggS" + bytes(60))
    status, out = run(["speak", "--lang", "fil", "--text", entry.text, "--out", str(tmp_path / "out.wav"),
                       "--voice-dir", str(tmp_path / "voice")])
    assert status == 0 and "not converted" in out
    assert (tmp_path / "out.ogg").read_bytes() == recording.read_bytes()
    assert not (tmp_path / "out.wav").exists()


def test_speak_mistakes_get_a_message_and_an_exit_code(tmp_path, capsys):
    assert run(["speak", "--lang", "km", "--text", "Hello", "--out", str(tmp_path / "a.wav")])[0] == 1
    assert "nothing to say" in capsys.readouterr().err
    assert run(["speak", "--lang", "zz", "--text", "Hello", "--out", str(tmp_path / "a.wav")])[0] == 2
    assert "not a language code" in capsys.readouterr().err
    assert run(["speak", "--lang", "en", "--text", "Hello", "--out", str(tmp_path / "no" / "a.wav")])[0] == 2
    assert "cannot write" in capsys.readouterr().err
    assert run(["speak", "--lang", "en", "--text", "Hello", "--out", str(tmp_path)])[0] == 2
    assert "cannot write" in capsys.readouterr().err


def test_without_the_wheel_a_system_espeak_ng_is_used(monkeypatch):
    """The wheel exists for 64-bit Linux, macOS and 64-bit Windows only; a 32-bit Raspberry
    Pi can use the system's espeak-ng (with its own data folder)."""
    import ctypes.util
    import sys

    from game.speech import espeak

    monkeypatch.setitem(sys.modules, "espeakng_loader", None)  # importing it now raises ImportError
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: "libespeak-ng.so.1" if name == "espeak-ng" else None)
    assert espeak._library_paths() == ("libespeak-ng.so.1", None)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    with pytest.raises(ImportError):
        espeak._library_paths()
