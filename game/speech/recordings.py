"""Recorded audio: the file name of each catalog entry, and which entry a
text on screen is, so a recording plays where one exists.

Layer: game/speech (no pygame). One file per catalog entry under
`assets/voice/<lang>/`: `ui/<slug>-<hash>.<ext>` for interface texts and
`<story id>/<slug>-<hash>.<ext>` for story texts. The slug (the first words of
the English text) lets a recorder find a file by eye; the hash (8 hex digits
of SHA-1 over gettext's key, context + "\\x04" + English text) keeps the name
stable while the translation changes and tells apart texts that start alike.
A changed English text is a new entry, so it is recorded again, as a
translator would translate it again.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .audio import RECORDING_SUFFIXES

UI_FOLDER = "ui"
# Texts never read aloud: the printed cards and guides (PDF), the terminal player and the command line.
PRINTED = ("game/printables/", "game/workshop/record.py", "game/console/", "game/cli.py")
SLUG_WORDS = 6
SLUG_CHARACTERS = 48
# A template needs this many letters of its own to be matched as a pattern:
# "{name}: {message}" would otherwise claim every line with a colon in it.
MIN_TEMPLATE_LETTERS = 4
_FIELD = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


@dataclass(frozen=True)
class Entry:
    """One catalog entry, as a recorder needs it."""

    domain: str               # "ui" or "scenarios"
    context: str | None       # msgctxt: the story id for story texts
    source: str               # the English text (msgid; the singular of a plural)
    translation: str = ""     # "" when untranslated or stale (fuzzy): the game shows English then
    note: str = ""            # the catalog's comment: who says it, where it appears
    locations: tuple[str, ...] = ()  # the "#:" references, e.g. "scenarios/a_new_follower.yaml:84"

    @property
    def text(self) -> str:
        """What the game shows, and so what the recording says."""
        return self.translation or self.source

    @property
    def stem(self) -> str:
        return recording_stem(self.domain, self.context, self.source)

    @property
    def printed_only(self) -> bool:
        """Only in the printed cards and guides (PDF) or the terminal, so never read aloud."""
        return bool(self.locations) and all(location.startswith(PRINTED) for location in self.locations)


def recording_stem(domain: str, context: str | None, source: str) -> str:
    """The file name of an entry's recording, without suffix, relative to the
    language folder: e.g. "a_new_follower/daniel-is-13-he-lives-with-3f09a1c2"."""
    folder = UI_FOLDER if domain == UI_FOLDER else _slug(context or "stories", 64, sep="_")
    key = f"{context}\x04{source}" if context else source
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{folder}/{_slug(_FIELD.sub(' ', source), SLUG_WORDS)}-{digest}"


def _slug(text: str, words: int, sep: str = "-") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)[:words]
    return sep.join(parts)[:SLUG_CHARACTERS].strip(sep) or "text"


def recorded_files(folder: Path) -> dict[str, list[Path]]:
    """Each recorded stem in a language folder and its files, the preferred
    format first. Empty if the folder does not exist."""
    found: dict[str, list[Path]] = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if path.suffix.lower() in RECORDING_SUFFIXES:
                stem = path.relative_to(folder).with_suffix("").as_posix()
                found.setdefault(stem, []).append(path)
    for paths in found.values():
        paths.sort(key=lambda path: RECORDING_SUFFIXES.index(path.suffix.lower()))
    return found


def has_recordings(folder: Path) -> bool:
    for _, _, names in os.walk(folder):
        if any(os.path.splitext(name)[1].lower() in RECORDING_SUFFIXES for name in names):
            return True
    return False


def load_entries(locale_dir: Path, language: str) -> tuple[list[Entry], list[str]]:
    """Every entry the game shows, from the templates (`locale/*.pot`), with
    this language's translation where its catalog has one; and the problems
    met (a broken catalog is reported and its texts count as English)."""
    from ..i18n.tools import DOMAINS, catalog_path, template_path

    problems: list[str] = []
    if not all(template_path(locale_dir, domain).exists() for domain in DOMAINS):
        return _entries_from_fresh_templates(locale_dir, language, problems), problems
    entries: list[Entry] = []
    for domain in DOMAINS:
        template = _read(template_path(locale_dir, domain), problems)
        translated = _read(catalog_path(locale_dir, language, domain), problems)
        entries += _entries(domain, template or translated or (), translated)
    return entries, problems


def _entries_from_fresh_templates(locale_dir: Path, language: str, problems: list[str]) -> list[Entry]:
    """Without templates, extract them from the game's sources into a
    temporary folder (what `i18n extract` writes into locale/)."""
    from ..i18n.tools import DOMAINS, catalog_path, extract, template_path

    entries: list[Entry] = []
    with tempfile.TemporaryDirectory() as scratch:
        extract(Path(scratch))
        for domain in DOMAINS:
            template = _read(template_path(Path(scratch), domain), problems)
            translated = _read(catalog_path(locale_dir, language, domain), problems)
            entries += _entries(domain, template or (), translated)
    return entries


def _read(path: Path, problems: list[str]):
    """A Babel catalog, or None if the file is missing or broken."""
    from babel.messages.pofile import PoFileError

    from ..i18n.tools import describe_po_error, read_catalog

    if not path.exists():
        return None
    try:
        return read_catalog(path)
    except PoFileError as exc:
        line, reason = describe_po_error(exc)
        problems.append(f"{path.name} cannot be read: line {line}: {reason}")
    except (OSError, ValueError) as exc:
        problems.append(f"{path.name} cannot be read: {exc}")
    return None


def _entries(domain: str, messages: Iterable, translated) -> list[Entry]:
    entries = []
    for message in messages:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        found = translated.get(message.id, message.context) if translated is not None else None
        translation = ""
        if found is not None and not found.fuzzy:
            strings = found.string if isinstance(found.string, (list, tuple)) else [found.string]
            translation = strings[0] if strings and all(strings) else ""
        note = " ".join(message.auto_comments).split("Story note:", 1)[0].strip()
        locations = tuple(f"{path}:{line}" for path, line in message.locations)
        entries.append(Entry(domain, message.context, source, translation, note, locations))
    return entries


def normalise(text: str) -> str:
    return " ".join(text.split())


class RecordingIndex:
    """Texts as the game shows them -> the recorded files of their entries.
    Only recorded entries are indexed. A text with placeholders ({child_name},
    {n}...) matches as a pattern, so the recording plays with names filled in;
    with the players' `names` it also matches exactly."""

    def __init__(self, entries: Iterable[Entry], files: Mapping[str, list[Path]],
                 names: Mapping[str, str] | None = None) -> None:
        self._exact: dict[str, list[Path]] = {}
        patterns: list[tuple[int, re.Pattern, list[Path]]] = []
        for entry in entries:
            paths = files.get(entry.stem)
            if not paths:
                continue
            text = normalise(entry.text)
            if not any(piece not in ("{{", "}}") for piece in _FIELD.findall(text)):
                self._add(text, paths)
                self._add(text.replace("{{", "{").replace("}}", "}"), paths)
                continue
            if names:
                from ..story.placeholders import fill_placeholders

                self._add(normalise(fill_placeholders(text, names)), paths)
            pattern, letters = _pattern(text)
            if letters >= MIN_TEMPLATE_LETTERS:
                patterns.append((letters, pattern, paths))
        patterns.sort(key=lambda item: -item[0])  # the most specific template first
        self._patterns = [(pattern, paths) for _, pattern, paths in patterns]

    def _add(self, text: str, paths: list[Path]) -> None:
        known = self._exact.setdefault(text, [])
        known += [path for path in paths if path not in known]

    def __len__(self) -> int:
        return len(self._exact) + len(self._patterns)

    def find(self, text: str) -> list[Path]:
        """The recordings for `text`, best first; [] if it was not recorded."""
        text = normalise(text)
        if text in self._exact:
            return list(self._exact[text])
        return [path for pattern, paths in self._patterns if pattern.fullmatch(text) for path in paths]


def _pattern(template: str) -> tuple[re.Pattern, int]:
    """A regular expression for a text with placeholders, and how many letters
    of its own it has."""
    parts, letters, position = [], 0, 0
    for match in _FIELD.finditer(template):
        literal = template[position:match.start()]
        parts.append(re.escape(literal))
        letters += sum(ch.isalpha() for ch in literal)
        piece = match.group()
        parts.append(re.escape(piece[0]) if piece in ("{{", "}}") else "(.+?)")
        position = match.end()
    literal = template[position:]
    parts.append(re.escape(literal))
    letters += sum(ch.isalpha() for ch in literal)
    return re.compile("".join(parts), re.DOTALL), letters
