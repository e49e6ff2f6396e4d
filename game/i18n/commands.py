"""`together-online i18n ...` and `together-online languages`: what
translators run. Messages are plain and say what to do next.

Layer: game/i18n (no pygame).
"""

from __future__ import annotations

from typing import TextIO

from ..paths import LOCALE_DIR
from . import tools

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def run_i18n(action: str, lang: str | None, out: TextIO, render: bool = False) -> int:
    from babel.messages.pofile import PoFileError

    try:
        if action == "extract":
            out.writelines(f"locale/{domain}.pot: {count} messages\n" for domain, count in tools.extract(LOCALE_DIR).items())
            return EXIT_OK
        if action == "init":
            if not lang:
                out.write("Say which language, e.g. 'together-online i18n init th'.\n")
                return EXIT_USAGE
            created = tools.init(LOCALE_DIR, lang)
            out.writelines(f"created {path.relative_to(LOCALE_DIR.parent)}\n" for path in created)
            if not created:
                out.write(f"locale/{lang} already has its catalogs; run 'i18n update' to bring them up to date.\n")
            return EXIT_OK
        if action == "update":
            out.writelines(f"updated {path.relative_to(LOCALE_DIR.parent)}\n" for path in tools.update(LOCALE_DIR))
            return EXIT_OK
        if action == "compile":
            out.writelines(f"wrote {path.relative_to(LOCALE_DIR.parent)}\n" for path in tools.compile_all(LOCALE_DIR))
            return EXIT_OK
        if action == "status":
            return status(out)
        return check(lang, out, render)
    except (PoFileError, OSError) as exc:
        out.write(f"error: {exc}\n")
        return EXIT_ERRORS


def status(out: TextIO) -> int:
    out.write(f"{'language':<10} {'file':<11} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'done':>7}\n")
    for lang in tools.languages_in(LOCALE_DIR):
        for domain in tools.DOMAINS:
            counts = tools.counts(LOCALE_DIR, lang, domain)
            out.write(f"{lang:<10} {domain + '.po':<11} {counts.translated:>10} {counts.fuzzy:>6} "
                      f"{counts.missing:>8} {counts.percent:>6.1f}%\n")
    return EXIT_OK


def check(lang: str | None, out: TextIO, render: bool = False) -> int:
    languages = [lang] if lang else tools.languages_in(LOCALE_DIR)
    problems = [str(problem) for code in languages for problem in tools.check(LOCALE_DIR, code)]
    serious = any(problem.kind in ("syntax", "placeholder", "field")
                  for code in languages for problem in tools.check(LOCALE_DIR, code))
    if render:
        overflowing = [text for code in languages for text in overflows(code)]
        problems += overflowing
        serious = serious or bool(overflowing)
    out.writelines(f"{problem}\n" for problem in problems)
    out.write(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {', '.join(languages) or 'no language'}\n")
    if not render:
        out.write("Add --render to play every story in each language on the smallest screen and list text "
                  "that does not fit its box.\n")
    return EXIT_ERRORS if serious else EXIT_OK


def overflows(lang: str) -> list[str]:
    """Text that does not fit its box: every screen of every story at 1024x600."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from ..ui.autoplay import Autoplay

    report = Autoplay(None, lang, seed=1, size=(1024, 600)).run()
    return [f"{lang}: {error}" for error in report.errors]


def run_languages(out: TextIO) -> int:
    from .translator import available_languages

    for language in available_languages(LOCALE_DIR):
        if language.code == "en":
            out.write("en        English (source language)\n")
            continue
        done = [tools.counts(LOCALE_DIR, language.code, domain) for domain in tools.DOMAINS]
        translated = sum(c.translated for c in done)
        total = sum(c.total for c in done)
        percent = 100.0 * translated / total if total else 0.0
        state = "draft" if language.draft else "reviewed"
        direction = ", right to left" if language.rtl else ""
        out.write(f"{language.code:<9} {language.name} ({language.english_name}{direction}): "
                  f"{percent:.0f}% translated, {state}\n")
    return EXIT_OK
