"""The translators' commands: extract, update, init, compile, status, check.

Layer: game/i18n (no pygame). Built on Babel's catalog API, so the files are
standard gettext: `locale/ui.pot` and `locale/scenarios.pot` are the
templates; `locale/<lang>/LC_MESSAGES/{ui,scenarios}.po` the translations.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po

from .. import __version__
from ..paths import PROJECT_ROOT

DOMAINS = ("ui", "scenarios")
DRAFT_HEADER = "X-Review-Status"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
UI_KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}
YAML_EXTRACTOR = "game.i18n.extract:extract_scenarios"
# Per domain, the folders to search and Babel's method map for each. The help
# lines' texts go with the stories' (context "helplines"): like them, they are
# content, not interface.
MAPPINGS = {
    "ui": [(PROJECT_ROOT / "game", [("**.py", "python")])],
    "scenarios": [(PROJECT_ROOT / "scenarios", [("**.yaml", YAML_EXTRACTOR)]),
                  (PROJECT_ROOT / "assets" / "help", [("helplines.yaml", YAML_EXTRACTOR)])],
}


def template_path(locale_dir: Path, domain: str) -> Path:
    return locale_dir / f"{domain}.pot"


def catalog_path(locale_dir: Path, lang: str, domain: str) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{domain}.po"


def extract(locale_dir: Path) -> dict[str, int]:
    """Write the two templates; return the number of messages in each."""
    counts = {}
    for domain in DOMAINS:
        catalog = Catalog(project="Together Online", version=__version__, charset="utf-8",
                          msgid_bugs_address="https://github.com/together-online", fuzzy=False)
        keywords = UI_KEYWORDS if domain == "ui" else {"pgettext": ((1, "c"), 2)}
        for folder, method_map in MAPPINGS[domain]:
            for filename, lineno, message, comments, context in extract_from_dir(
                    folder, method_map, keywords=keywords, comment_tags=("Translators:",), strip_comment_tags=True):
                catalog.add(message, None, [(_reference(folder, filename), lineno)], auto_comments=comments,
                            context=context)
        locale_dir.mkdir(parents=True, exist_ok=True)
        with open(template_path(locale_dir, domain), "wb") as stream:
            write_po(stream, catalog, width=100, sort_by_file=True)
        counts[domain] = len(catalog)
    return counts


def _reference(folder: Path, filename: str) -> str:
    """The file as the `#:` line names it: from the project's root, with '/'."""
    path = folder / filename
    shown = path.relative_to(PROJECT_ROOT) if PROJECT_ROOT in path.parents else Path(folder.name) / filename
    return shown.as_posix()


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Read a .po file; raises PoFileError with the line for broken syntax."""
    with open(path, "rb") as stream:
        return read_po(stream, locale=locale, abort_invalid=True)


def init(locale_dir: Path, lang: str, draft: bool = True) -> list[Path]:
    created = []
    for domain in DOMAINS:
        target = catalog_path(locale_dir, lang, domain)
        if target.exists():
            continue
        template = read_catalog(template_path(locale_dir, domain))
        catalog = Catalog(locale=Locale.parse(lang.replace("-", "_")), project="Together Online",
                          version=__version__, charset="utf-8", fuzzy=False)
        for message in template:
            if message.id:
                catalog.add(message.id, None, message.locations, auto_comments=message.auto_comments,
                            context=message.context)
        catalog.mime_headers  # noqa: B018 - builds the header
        _write(target, catalog, draft)
        created.append(target)
    return created


def _write(path: Path, catalog: Catalog, draft: bool | None = None) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    text = buffer.getvalue().decode("utf-8")
    if draft is not None and DRAFT_HEADER not in text:
        status = "draft (machine-assisted, awaiting review by a native speaker)" if draft else "reviewed"
        text = text.replace('"Generated-By:', f'"{DRAFT_HEADER}: {status}\\n"\n"Generated-By:', 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def update(locale_dir: Path) -> list[Path]:
    """Merge the templates into every catalog: new texts appear, changed
    source texts become fuzzy (stale) with the old translation kept."""
    updated = []
    for lang in languages_in(locale_dir):
        for domain in DOMAINS:
            path = catalog_path(locale_dir, lang, domain)
            if not path.exists():
                continue
            catalog = read_catalog(path, lang)
            catalog.update(read_catalog(template_path(locale_dir, domain)), update_header_comment=False)
            raw = path.read_text(encoding="utf-8")
            keep = re.search(rf'"{DRAFT_HEADER}: ([^\\]*)\\n"', raw)
            _write(path, catalog, None)
            if keep:
                text = path.read_text(encoding="utf-8")
                if DRAFT_HEADER not in text:
                    path.write_text(text.replace('"Generated-By:', f'"{DRAFT_HEADER}: {keep.group(1)}\\n"\n"Generated-By:', 1),
                                    encoding="utf-8")
            updated.append(path)
    return updated


def compile_all(locale_dir: Path) -> list[Path]:
    written = []
    for lang in languages_in(locale_dir):
        for domain in DOMAINS:
            path = catalog_path(locale_dir, lang, domain)
            if path.exists():
                catalog = read_catalog(path, lang)
                with open(path.with_suffix(".mo"), "wb") as stream:
                    write_mo(stream, catalog)
                written.append(path.with_suffix(".mo"))
    return written


def languages_in(locale_dir: Path) -> list[str]:
    if not locale_dir.is_dir():
        return []
    return sorted(p.name for p in locale_dir.iterdir() if (p / "LC_MESSAGES").is_dir())


@dataclass
class Counts:
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.missing

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def counts(locale_dir: Path, lang: str, domain: str) -> Counts | None:
    """Against the current template, so a catalog that was never updated
    still shows the new texts as missing."""
    path = catalog_path(locale_dir, lang, domain)
    template = read_catalog(template_path(locale_dir, domain))
    catalog = read_catalog(path, lang) if path.exists() else Catalog()
    result = Counts()
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        if found is None or not _translated(found):
            result.missing += 1
        elif found.fuzzy:
            result.fuzzy += 1
        else:
            result.translated += 1
    return result


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(strings)


@dataclass
class Problem:
    path: str
    line: int
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


# Two numbers with a plain space between them ("116 111") are drawn in reverse order in a
# right-to-left paragraph (the Unicode bidi algorithm makes the space right-to-left); a no-break
# space (U+00A0, a "common separator") keeps them one number.
SPLIT_NUMBER = re.compile(r"\d[ \t]+\d")


def check(locale_dir: Path, lang: str) -> list[Problem]:
    from .translator import describe_language

    rtl = describe_language(lang).rtl
    problems = []
    for domain in DOMAINS:
        path = catalog_path(locale_dir, lang, domain)
        if not path.exists():
            continue
        shown = str(path.relative_to(locale_dir.parent)) if locale_dir.parent in path.parents else str(path)
        try:
            catalog = read_catalog(path, lang)
        except PoFileError as exc:
            line, reason = describe_po_error(exc)
            problems.append(Problem(shown, line, "syntax", f"the file cannot be read: {reason}"))
            continue
        for message in catalog:
            if not message.id:
                continue
            line = message.lineno or 0
            if message.fuzzy:  # not shown in the game until checked; its placeholders are checked then
                if any(translated for _, translated in _pairs(message)):
                    problems.append(Problem(shown, line, "stale", "the English text changed; check the translation "
                                                                 f"of {_short(_pairs(message)[0][0])}"))
                continue
            for source, translated in _pairs(message):
                if not translated:
                    continue
                wanted, got = set(PLACEHOLDER.findall(source)), set(PLACEHOLDER.findall(translated))
                for name in sorted(wanted - got):
                    problems.append(Problem(shown, line, "placeholder", f"{name} is missing in the translation of {_short(source)}"))
                for name in sorted(got - wanted):
                    problems.append(Problem(shown, line, "placeholder", f"{name} is not in the English text {_short(source)}"))
                wanted_fields = set(re.findall(r"\{(\w+)\}", source)) if domain == "ui" else set()
                for name in sorted(wanted_fields - set(re.findall(r"\{(\w+)\}", translated))):
                    problems.append(Problem(shown, line, "field", f"{{{name}}} is missing in the translation of {_short(source)}"))
                if rtl and SPLIT_NUMBER.search(translated):
                    problems.append(Problem(shown, line, "number", "numbers with a space between them (like a phone "
                                            "number) show in reverse order in right-to-left text: put a no-break "
                                            f"space (U+00A0) between them in {_short(translated)}"))
    return problems


def describe_po_error(exc) -> tuple[int, str]:
    """Babel's PoFileError as (1-based line, reason without Babel's 0-based "on N")."""
    line = (getattr(exc, "lineno", -1) or 0) + 1
    return line, re.sub(r" on \d+$", "", str(exc)).lower()


def _pairs(message) -> list[tuple[str, str]]:
    if isinstance(message.id, (list, tuple)):
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        return [(message.id[min(i, 1)], s) for i, s in enumerate(strings)]
    return [(message.id, message.string)]


def _short(text: str) -> str:
    return repr(text if len(text) <= 50 else text[:47] + "...")


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")
