"""How long until there is something to play, per language?

Not a test: `python3 benchmarks/speech.py [--repeats N]` prints a table.
The UI plays a line once `Voice.say` returns, so "time to first audio" is the
time `say` takes for a typical story line (the median-length narrated line,
in the language's catalog or in English where there is none):

- load: loading espeak-ng and listing its voices, once per process;
- first: the first `say` in that language (chooses the voice);
- say: best of N `say` calls after that;
- audio: the length of what was said, and how many times faster than real
  time it was made;
- recorded: the first `say` of a recorded line (reads the catalogs to build
  the index) and a later one (a lookup and a WAV read), with a 3 s recording
  in a temporary folder.

Goal: under 0.3 s to first audio for a line, so reading aloud keeps up with
a child pressing "next".
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.paths import LOCALE_DIR
from game.speech import Voice, espeak, load_entries

LANGUAGES = ("en", "es", "th", "bn", "ar", "ne", "km", "fil")


def typical_line(lang: str) -> str:
    entries = load_entries(LOCALE_DIR, lang)[0]
    lines = [entry.text for entry in entries if entry.domain == "scenarios" and "{" not in entry.text
             and entry.note.startswith("The narrator says") and (entry.translation or not (LOCALE_DIR / lang).is_dir())]
    lines.sort(key=len)
    return lines[len(lines) // 2]


def write_recording(path: Path, seconds: float = 3.0, rate: int = 22050) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    samples = bytearray()
    for i in range(int(seconds * rate)):
        samples += int(6000 * math.sin(2 * math.pi * 220 * i / rate)).to_bytes(2, "little", signed=True)
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(bytes(samples))


def timed(action, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = action(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    load_time, (engine, reason) = timed(espeak.load)
    print(f"espeak-ng {engine.version if engine else 'missing: ' + reason}, loaded in {load_time * 1000:.1f} ms")
    print(f"{'lang':<5} {'voice':<36} {'chars':>5} {'first ms':>9} {'say ms':>7} {'audio s':>8} {'x real':>7} "
          f"{'rec 1st ms':>10} {'rec ms':>7}")
    empty = Path(tempfile.mkdtemp(prefix="no-voice-"))
    for lang in LANGUAGES:
        text = typical_line(lang)
        voice = Voice(lang, empty, LOCALE_DIR)
        first, audio = timed(voice.say, text)
        again = [timed(voice.say, text)[0] for _ in range(args.repeats)] if audio else [0.0]
        name = voice.synthesis_voice_name() or "none"
        seconds = audio.seconds if audio else 0.0
        speed = f"{seconds / min(again):7.0f}" if audio and min(again) > 0 else f"{'-':>7}"
        with tempfile.TemporaryDirectory() as folder:
            entry = next(e for e in load_entries(LOCALE_DIR, lang)[0] if e.text == text)
            write_recording(Path(folder) / lang / f"{entry.stem}.wav")
            recorded = Voice(lang, Path(folder), LOCALE_DIR)
            index_time, _ = timed(recorded.say, text)
            lookup = min(timed(recorded.say, text)[0] for _ in range(args.repeats))
        print(f"{lang:<5} {name[:36]:<36} {len(text):>5} {first * 1000:>9.1f} {min(again) * 1000:>7.1f} "
              f"{seconds:>8.2f} {speed} {index_time * 1000:>10.1f} {lookup * 1000:>7.2f}")
    print(f"say and rec: best of {args.repeats} calls; x real: seconds of audio per second of work")


if __name__ == "__main__":
    main()
