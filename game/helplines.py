"""Help lines: who a child or a caregiver can call or write to, per country.

Layer: bottom (pure Python, no pygame). The data lives in
`assets/help/helplines.yaml`, a plain file that a facilitator can correct
without touching code; it is read with the same safe YAML reader as the
stories and checked by `validate`. Every entry says where it came from, when
it was last checked and how confident we are; the game shows that honestly.
The words shown for an entry in the player's language (what it is for, when
it was checked) are here too, shared by the window and the terminal.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from .story.diagnostics import Diagnostic, SourceLoc, error, has_errors, warning
from .story.schema import Fields, Reporter
from .story.yaml_source import YamlDocument, read_yaml

PURPOSES = ("talk", "report_images", "emergency", "image_removal", "parents")
CONFIDENCE = ("high", "medium", "low")
HELPLINES_KEYS = ("format", "kind", "note", "countries", "global")
COUNTRY_KEYS = ("name", "note", "entries")
ENTRY_KEYS = ("name", "phone", "url", "purposes", "audience", "hours", "free", "languages",
              "source", "checked", "confidence", "note")
COUNTRY_CODE = re.compile(r"[A-Z]{2}\Z")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
PHONE = re.compile(r"\+?[0-9][0-9 \-]{1,18}[0-9]\Z")
URL = re.compile(r"https://[^\s]+\Z")
GLOBAL = "global"
CONTEXT = "helplines"  # the msgctxt of every help-line text in the "scenarios" catalog
TRANSLATED_FIELDS = ("audience", "hours")  # of an entry; a country's note is translated too


@dataclass(frozen=True)
class Helpline:
    name: str
    purposes: tuple[str, ...]
    source: str
    checked: str
    confidence: str
    loc: SourceLoc
    phone: str | None = None
    url: str | None = None
    audience: str | None = None
    hours: str | None = None
    free: bool | None = None
    languages: tuple[str, ...] = ()
    note: str | None = None
    # Where each translated field's text is (for the translators' template).
    text_locs: Mapping[str, SourceLoc] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    entries: tuple[Helpline, ...]
    note: str | None = None
    note_loc: SourceLoc | None = None


@dataclass(frozen=True)
class HelplineText:
    """One text a family or facilitator reads that a translator translates."""

    source: str
    loc: SourceLoc
    kind: str              # "audience", "hours" or "note" (a country's)
    country: Country | None  # None for the resources that work everywhere
    entry: Helpline | None = None  # None for a country's note


@dataclass
class HelplineDirectory:
    path: str
    countries: dict[str, Country] = field(default_factory=dict)
    global_entries: tuple[Helpline, ...] = ()

    def for_country(self, code: str | None) -> tuple[Country | None, tuple[Helpline, ...]]:
        """The country (None if we have no data for it) and the resources that
        work everywhere, which are always shown too."""
        country = self.countries.get((code or "").upper())
        return country, self.global_entries


def build_helplines(reporter: Reporter, top: Fields) -> HelplineDirectory:
    r = reporter
    directory = HelplineDirectory(r.path)
    top.get("kind", lambda n: r.choice(n, ("helplines",), "kind of file"))
    version = top.get("format", r.integer, required=True)
    if version is not None and version != 1:
        r.error(top.raw("format"), "E107", f"this game reads help-line format 1, not {version}")
    countries = top.get("countries", lambda n: r.mapping(n, "a map of countries by ISO code (TH, KE ...)"), required=True)
    for code, key, value in countries.pairs() if countries else ():
        if not COUNTRY_CODE.match(code):
            r.error(key, "E105", f"'{code}' is not a two-letter country code", "use ISO 3166 codes in capitals, e.g. TH, KE, ES")
            continue
        info = r.mapping(value, f"the details of country {code}")
        if info is None:
            continue
        name = info.get("name", r.text, required=True)
        note = info.get("note", r.text)
        entries = info.get("entries", lambda n: _entries(r, n), required=True) or ()
        info.finish(COUNTRY_KEYS, f"country {code}")
        if name:
            note_loc = r.loc(info.raw("note")) if note else None
            directory.countries[code] = Country(code, name, entries, note, note_loc)
    directory.global_entries = top.get("global", lambda n: _entries(r, n), required=True) or ()
    top.finish(HELPLINES_KEYS, "the help lines file")
    return directory


def _entries(r: Reporter, node: Node) -> tuple[Helpline, ...]:
    return tuple(e for e in (_entry(r, n) for n in r.items(node, "help lines")) if e)


def _entry(r: Reporter, node: Node) -> Helpline | None:
    info = r.mapping(node, "a help line (name, phone or url, purposes, source, checked, confidence)")
    if info is None:
        return None
    name = info.get("name", r.text, required=True)
    phone = info.get("phone", lambda n: _matching(r, n, PHONE, "phone number", "digits, spaces and '-' only, e.g. '116 111'"))
    url = info.get("url", lambda n: _matching(r, n, URL, "web address", "write the full address starting with https://"))
    if "phone" not in info and "url" not in info:
        r.error(info.loc, "E102", "a help line needs a 'phone' or a 'url'")
    purposes = info.get("purposes", lambda n: tuple(p for p in (r.choice(i, PURPOSES, "purpose") for i in r.items(n, "purposes")) if p),
                        required=True) or ()
    source = info.get("source", r.text, required=True)
    checked = info.get("checked", lambda n: _date(r, n), required=True)
    confidence = info.get("confidence", lambda n: r.choice(n, CONFIDENCE, "confidence"), required=True)
    entry = Helpline(
        name=name or "", purposes=purposes, source=source or "", checked=checked or "",
        confidence=confidence or "low", loc=r.loc(node), phone=phone, url=url,
        audience=info.get("audience", r.text), hours=info.get("hours", r.text),
        free=info.get("free", r.boolean),
        languages=tuple(x for x in (r.identifier(i, "language code") for i in
                                    (info.get("languages", lambda n: r.items(n, "language codes")) or ())) if x),
        note=info.get("note", r.text),
        text_locs={key: r.loc(info.raw(key)) for key in TRANSLATED_FIELDS if key in info},
    )
    info.finish(ENTRY_KEYS, "a help line")
    return entry if name and purposes and checked and source and (phone or url) else None


def _matching(r: Reporter, node: Node, pattern: re.Pattern, what: str, hint: str) -> str | None:
    value = r.text(node, what)
    if value is not None and not pattern.match(value):
        r.error(node, "E103", f"'{value}' is not a valid {what}", hint)
        return None
    return value


def _date(r: Reporter, node: Node) -> str | None:
    value = r.text(node, "date")
    match = DATE.match(value or "")
    if value is not None and not (match and 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31):
        r.error(node, "E103", f"'{value}' is not a date written as YYYY-MM-DD")
        return None
    return value


def translatable_texts(directory: HelplineDirectory) -> Iterator[HelplineText]:
    """Every text shown in the player's language, in file order: each
    country's note, then who each service is for and its hours."""
    places = [(country, country.entries) for country in directory.countries.values()]
    for country, entries in [*places, (None, directory.global_entries)]:
        if country is not None and country.note and country.note_loc is not None:
            yield HelplineText(country.note, country.note_loc, "note", country)
        for entry in entries:
            for key in TRANSLATED_FIELDS:
                text = getattr(entry, key)
                if text and key in entry.text_locs:
                    yield HelplineText(text, entry.text_locs[key], key, country, entry)


def in_language(tr, text: str | None) -> str | None:
    """A help-line text in the player's language (`tr` is a Translator);
    English when it is not translated yet, one text at a time."""
    return tr.scenario_text(CONTEXT, text) if text else text


def country_name(code: str, language: str, fallback: str = "") -> str:
    """The country in `language` (Babel's names), else `fallback` (the file's English name)."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(language.replace("-", "_")).territories.get(code)
    except (ValueError, TypeError, UnknownLocaleError):
        name = None
    return name or fallback or code


def purpose_label(tr, purpose: str) -> str:
    """What a service is for, in the player's language."""
    return {
        "talk": tr._("Talk to someone"),
        "report_images": tr._("Report sexual abuse images"),
        "emergency": tr._("Emergency: danger right now"),
        "image_removal": tr._("Get images taken down"),
        "parents": tr._("Help for parents and carers"),
    }.get(purpose, purpose)


def checked_line(tr, entry: Helpline) -> str:
    """When the entry was last checked (a date in the player's language) and how sure we are."""
    from babel import UnknownLocaleError
    from babel.dates import format_date

    try:
        day = format_date(datetime.date.fromisoformat(entry.checked), "long", locale=tr.code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        day = entry.checked
    if entry.confidence == "high":
        return tr._("Last checked {date}, on the service's own or an official page.").format(date=day)
    if entry.confidence == "medium":
        return tr._("Last checked {date}. Please double-check these details.").format(date=day)
    return tr._("Last checked {date}. Not confirmed: please double-check.").format(date=day)


def phone_number(number: str, rtl: bool) -> str:
    """The number as shown. In right-to-left text a no-break space between
    its groups counts as part of the number (Unicode bidi rule W4), so
    Arabic shows "116 111", where a plain space would show "111 116"."""
    return number.replace(" ", "\u00a0") if rtl else number


def short_address(url: str) -> str:
    """What to type: the address without 'https://' and a trailing slash."""
    return url.removeprefix("https://").rstrip("/")


def check_helplines(directory: HelplineDirectory) -> list[Diagnostic]:
    """Whole-file checks: every country has someone to talk to (or a note that
    says why not), and the global list has an image-removal tool."""
    found = []
    for country in directory.countries.values():
        if not any("talk" in e.purposes for e in country.entries) and not country.note:
            loc = country.entries[0].loc if country.entries else SourceLoc(directory.path, 1, 1)
            found.append(warning(loc, "W601", f"{country.name} has no help line for talking",
                                 "say so in the country's 'note'; the game then points to the global resources"))
    if not any("image_removal" in e.purposes for e in directory.global_entries):
        found.append(error(SourceLoc(directory.path, 1, 1), "E601", "the global list has no image-removal tool",
                           "add Take It Down (NCMEC) for under-18s"))
    return found


def load_helplines(path: str | Path) -> tuple[HelplineDirectory | None, list[Diagnostic]]:
    """Read the help-lines file; the directory is None if it has errors."""
    return helplines_from_yaml(read_yaml(path))


def helplines_from_yaml(doc: YamlDocument) -> tuple[HelplineDirectory | None, list[Diagnostic]]:
    directory, diagnostics = read_helplines(doc)
    return (None if has_errors(diagnostics) else directory), diagnostics


def read_helplines(doc: YamlDocument) -> tuple[HelplineDirectory | None, list[Diagnostic]]:
    """What could be read, even from a file with errors (the translators'
    extractor uses it); None only when there is nothing to read."""
    if doc.root is None:
        return None, doc.diagnostics or [error(SourceLoc(doc.path, 1, 1), "E010", "the file is empty")]
    reporter = Reporter(doc.path)
    top = reporter.mapping(doc.root, "a help lines file")
    if top is None:
        return None, reporter.diagnostics
    directory = build_helplines(reporter, top)
    return directory, reporter.diagnostics + check_helplines(directory)
