"""`together-online voice-list` and `together-online speak`: what a person
recording a language runs, and a way to hear what the game would say.

Layer: game/speech (no pygame). Messages are plain and say what to do next;
mistakes (an unknown language, a folder that cannot be written) get a
sentence and an exit code, never a traceback.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TextIO

from ..paths import LOCALE_DIR, VOICE_DIR, display_path
from .audio import write_wav
from .recordings import Entry, load_entries, recorded_files
from .voice import Voice

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
NOTE_WIDTH = 200
SUGGESTED_SUFFIX = ".ogg"  # small, and the mixer plays it everywhere; any of RECORDING_SUFFIXES works


def language_title(code: str) -> str | None:
    """"Khmer (ខ្មែរ, km)" for a language code, None if it is not one."""
    from ..i18n.translator import KNOWN, PSEUDO_LANGUAGE, describe_language

    if code == PSEUDO_LANGUAGE:
        return f"the pseudo-locale ({code})"
    if code not in KNOWN and not (LOCALE_DIR / code).is_dir():
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(code.replace("-", "_"))
        except (ValueError, TypeError, UnknownLocaleError):
            return None
    language = describe_language(code)
    if language.name == language.english_name:
        return f"{language.english_name} ({code})"
    return f"{language.english_name} ({language.name}, {code})"


def _unknown_language(command: str, code: str, err: TextIO) -> int:
    err.write(f"together-online {command}: '{code}' is not a language code. Use a code such as km (Khmer), "
              "fil (Filipino) or es (Spanish); 'together-online languages' lists the translated ones.\n")
    return EXIT_USAGE


def run_voice_list(lang: str, missing_only: bool, voice_dir: Path | None, out: TextIO, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    title = language_title(lang)
    if title is None:
        return _unknown_language("voice-list", lang, err)
    _write_utf8(out)
    folder = (voice_dir or VOICE_DIR) / lang
    entries, problems = load_entries(LOCALE_DIR, lang)
    for problem in problems:
        err.write(f"together-online voice-list: {problem} (those texts are listed in English)\n")
    if not entries:
        err.write("together-online voice-list: found no texts: the templates locale/ui.pot and locale/scenarios.pot "
                  "are missing; run 'together-online i18n extract'.\n")
        return EXIT_ERRORS
    entries = [entry for entry in entries if not entry.printed_only]  # PDF and terminal texts are never read aloud
    files = recorded_files(folder)
    out.write(f"Recordings for {title}, one sound file per text, in {display_path(folder)}/\n"
              "Save each file under the name shown; .ogg or .wav are best (.flac and .mp3 work too).\n"
              "Read assets/voice/README.md first. A text marked [English] has no translation yet: "
              "say it in your language.\n"
              "Where a text has {child_name} or {caregiver_name}, say \"your child\" or \"your grown-up\" "
              "in your language.\n\n")
    done = 0
    for entry in entries:
        recorded = files.get(entry.stem)
        done += bool(recorded)
        if recorded and missing_only:
            continue
        out.write(_describe(entry, recorded[0].relative_to(folder).as_posix() if recorded else None, lang != "en"))
    out.write(_summary(Voice(lang, voice_dir or VOICE_DIR, LOCALE_DIR), done, len(entries)))
    return EXIT_OK


def _write_utf8(out: TextIO) -> None:
    """Khmer or Thai text in a list redirected to a file on Windows would
    otherwise meet the locale's code page (cp1252) and fail."""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "")
    if encoding != "utf8" and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")


def _describe(entry: Entry, recorded: str | None, mark_english: bool) -> str:
    from ..helplines import CONTEXT as HELPLINES_CONTEXT

    name = recorded or f"{entry.stem}{SUGGESTED_SUFFIX}"
    mark = "  [English]" if mark_english and not entry.translation else ""
    if entry.domain == "ui":
        where = "the game's buttons and screens"
    elif entry.context == HELPLINES_CONTEXT:
        where = "the help lines (\"Need help?\")"
    else:
        where = f"story {entry.context}"
    if entry.domain == "ui" and entry.locations:
        where += f" ({', '.join(sorted({_screen(location) for location in entry.locations}))})"
    note = entry.note if len(entry.note) <= NOTE_WIDTH else entry.note[:NOTE_WIDTH - 3].rstrip() + "..."
    lines = [f"[{'done' if recorded else 'missing'}] {name}",
             f"    Read:  {' '.join(entry.text.split())}{mark}",
             f"    Where: {where}"]
    if note:
        lines.append(f"    Note:  {note}")
    return "\n".join(lines) + "\n\n"


def _screen(location: str) -> str:
    """"game/ui/scenes/story_map.py:65" -> "story map"."""
    return Path(location.rsplit(":", 1)[0]).stem.replace("_", " ")


def _summary(voice: Voice, done: int, total: int) -> str:
    if voice.synthesis_available():
        fallback = (f"Texts without a recording are read by the computer voice, espeak-ng "
                    f"{voice.synthesis_voice_name()}.")
    else:
        fallback = f"Texts without a recording are not read aloud: {voice.problem}."
    return f"{done} of {total} texts recorded. {fallback}\n"


def run_speak(lang: str, text: str, output: Path, rate: int, voice_dir: Path | None,
              out: TextIO, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    if language_title(lang) is None:
        return _unknown_language("speak", lang, err)
    voice = Voice(lang, voice_dir or VOICE_DIR, LOCALE_DIR)
    audio = voice.say(text, rate)
    if audio is None:
        if not text.strip():
            err.write("together-online speak: the text is empty; give the words to say with --text.\n")
        else:
            reason = voice.problem or "the computer voice could not say it"
            err.write(f"together-online speak: nothing to say. No recording of this text is in "
                      f"{display_path(voice.folder)}/, and {reason}.\n")
        return EXIT_ERRORS
    try:
        if audio.pcm:
            write_wav(output, audio)
            written = output
        else:  # a compressed recording: copied as it is, beside the requested name
            written = output.with_suffix(audio.path.suffix.lower())
            shutil.copyfile(audio.path, written)
    except OSError as exc:
        err.write(f"together-online speak: cannot write {output}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    if audio.source == "recording":
        what = f"the recording {display_path(audio.path)}"
        if written != output:
            what += f"; it is a {audio.path.suffix.lower()} file, so it was copied as it is, not converted to WAV"
    else:
        what = f"the computer voice, espeak-ng {voice.synthesis_voice_name()}, at {rate}% speed"
    length = f"{audio.seconds:.1f} seconds, " if audio.pcm else ""
    out.write(f"wrote {written}: {length}{what}\n")
    return EXIT_OK
