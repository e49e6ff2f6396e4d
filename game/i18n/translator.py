"""The translator object every front end is given: UI strings and story text.

Layer: game/i18n (no pygame). No global `_` is installed: scenes receive a
`Translator` and call `tr._("...")`. Until catalogs exist for a language
(the languages issue), every lookup returns the English source, so the whole
game already routes its text through here.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from pathlib import Path

SOURCE_LANGUAGE = "en"

# The languages of the countries the game is made for, named in themselves.
# Looking them up here keeps Babel's locale data (15 ms, 5 MB) out of every
# start; any other code is described by Babel.
KNOWN = {
    "en": ("English", "English", False), "es": ("Español", "Spanish", False), "th": ("ไทย", "Thai", False),
    "ar": ("العربية", "Arabic", True), "bn": ("বাংলা", "Bangla", False), "km": ("ខ្មែរ", "Khmer", False),
    "ne": ("नेपाली", "Nepali", False), "fil": ("Filipino", "Filipino", False), "sw": ("Kiswahili", "Swahili", False),
    "nl": ("Nederlands", "Dutch", False), "ro": ("Română", "Romanian", False), "hr": ("Hrvatski", "Croatian", False),
    "mt": ("Malti", "Maltese", False),
}


@dataclass(frozen=True)
class Language:
    code: str
    name: str          # the language named in itself, e.g. "ไทย", "Español"
    english_name: str
    rtl: bool = False
    draft: bool = False  # machine- or volunteer-drafted, awaiting native review


def describe_language(code: str, draft: bool = False) -> Language:
    if code in KNOWN:
        name, english, rtl = KNOWN[code]
        return Language(code, name, english, rtl, draft)
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
        name = locale.get_display_name(locale) or code
        english = locale.get_display_name("en") or code
        rtl = locale.character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):
        name = english = code
        rtl = False
    return Language(code, name[:1].upper() + name[1:], english, rtl, draft)


PSEUDO_LANGUAGE = "en-XA"


def is_draft(folder: Path) -> bool:
    """A catalog marked as a draft in its header (read cheaply, no parsing)."""
    for domain in ("ui", "scenarios"):
        try:
            with open(folder / "LC_MESSAGES" / f"{domain}.po", encoding="utf-8", errors="replace") as stream:
                head = stream.read(4096)
        except OSError:
            continue
        if "X-Review-Status: draft" in head:
            return True
    return False


def available_languages(locale_dir: Path, include_pseudo: bool = False) -> list[Language]:
    """English, plus every folder under locale/ that has catalogs: a new
    folder is a new language, with no code change and no compile step."""
    languages = [describe_language(SOURCE_LANGUAGE)]
    if locale_dir.is_dir():
        for folder in sorted(locale_dir.iterdir()):
            if folder.name != SOURCE_LANGUAGE and any((folder / "LC_MESSAGES").glob("*.po")):
                languages.append(describe_language(folder.name, is_draft(folder)))
    if include_pseudo:
        languages.append(Language(PSEUDO_LANGUAGE, "[Ƥšéûðö]", "Pseudo-locale for testing", False, False))
    return languages


class Translator:
    """Lookups for one language. `scenario_text` uses the scenario id as the
    gettext context (msgctxt), as the translation model says. Anything not
    translated falls back to English, per string."""

    def __init__(self, language: Language | None = None,
                 ui: gettext.NullTranslations | None = None,
                 scenarios: gettext.NullTranslations | None = None,
                 problems: list[str] | None = None):
        self.language = language or describe_language(SOURCE_LANGUAGE)
        self._ui = ui or gettext.NullTranslations()
        self._scenarios = scenarios or gettext.NullTranslations()
        self.problems = problems or []  # catalogs that could not be read

    @property
    def code(self) -> str:
        return self.language.code

    def _(self, message: str) -> str:
        return self._ui.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._ui.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._ui.pgettext(context, message)

    def scenario_text(self, scenario_id: str, source: str) -> str:
        return self._scenarios.pgettext(scenario_id, source)
