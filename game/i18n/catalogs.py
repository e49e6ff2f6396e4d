"""Reading translations straight from `.po` files (no compile step), and the
pseudo-locale en-XA.

Layer: game/i18n (no pygame). A translator drops `locale/<lang>/LC_MESSAGES/
ui.po` and `scenarios.po` in and plays. A broken file is reported clearly and
the game carries on in English; fuzzy (stale) and empty entries fall back to
English per string.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from .translator import PSEUDO_LANGUAGE, SOURCE_LANGUAGE, Language, Translator, describe_language, is_draft


class CatalogTranslations(gettext.NullTranslations):
    """gettext lookups backed by a Babel catalog read from a `.po` file."""

    def __init__(self, catalog) -> None:
        super().__init__()
        self._plural = gettext.c2py(catalog.plural_expr or "(n != 1)")
        self._strings: dict[tuple[str | None, str], object] = {}
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            strings = message.string
            if isinstance(strings, (list, tuple)) and all(strings) or isinstance(strings, str) and strings:
                self._strings[(message.context, key)] = strings

    def gettext(self, message: str) -> str:
        found = self._strings.get((None, message))
        return found if isinstance(found, str) else message

    def pgettext(self, context: str, message: str) -> str:
        found = self._strings.get((context, message))
        return found if isinstance(found, str) else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self._strings.get((None, singular))
        if isinstance(found, (list, tuple)):
            index = self._plural(n)
            return found[index] if index < len(found) else found[-1]
        return singular if n == 1 else plural


_ACCENTS = str.maketrans("aceinousyACEINOUSY", "àçéîñöûšýÀÇÉÎÑÖÛŠÝ")
_FIELD = re.compile(r"(\{[^{}]*\})")


def pseudo(text: str) -> str:
    """Accented, 35% longer and bracketed, with {fields} kept: shows texts
    that were never extracted (they stay plain) and boxes too small."""
    parts = _FIELD.split(text)
    shown = "".join(part if _FIELD.fullmatch(part) else part.translate(_ACCENTS) for part in parts)
    padding = "~" * max(int(len(text) * 0.35), 1)
    return f"[{shown} {padding}]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)


def load_translator(code: str, locale_dir: Path) -> Translator:
    code = code or SOURCE_LANGUAGE
    if code == SOURCE_LANGUAGE:
        return Translator(describe_language(code))
    if code == PSEUDO_LANGUAGE:
        language = Language(PSEUDO_LANGUAGE, "[Ƥšéûðö]", "Pseudo-locale for testing")
        return Translator(language, PseudoTranslations(), PseudoTranslations())
    from babel.messages.pofile import PoFileError

    from .tools import describe_po_error, read_catalog

    folder = locale_dir / code
    domains: dict[str, gettext.NullTranslations] = {}
    problems = []
    for domain in ("ui", "scenarios"):
        path = folder / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        try:
            domains[domain] = CatalogTranslations(read_catalog(path, code.replace("-", "_")))
        except PoFileError as exc:
            line, reason = describe_po_error(exc)
            problems.append(f"{path.name} ({code}) cannot be read: line {line}: {reason}. "
                            "The game shows English for these texts.")
        except (OSError, ValueError) as exc:
            problems.append(f"{path.name} ({code}) cannot be read: {exc}. The game shows English for these texts.")
    return Translator(describe_language(code, is_draft(folder)), domains.get("ui"), domains.get("scenarios"), problems)
