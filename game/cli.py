"""The command line: `together-online COMMAND` or `python main.py COMMAND`.

Layer: top. Parses arguments and hands over to a front end; exit codes are
0 for success, 1 when the input has errors, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .paths import SCENARIOS_DIR, display_path, find_scenario

if TYPE_CHECKING:
    from .i18n.translator import Translator

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="together-online",
        description="Together Online: short stories about life online that a caregiver and a child play together.",
    )
    parser.add_argument("--version", action="version", version=f"Together Online {__version__}")
    parser.set_defaults(child="", caregiver="", terminal=False, size=None, lang=None)  # `together-online` alone means `play`
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play the stories in the game window (the default)")
    play.add_argument("--terminal", action="store_true", help="play in the terminal instead of a window")
    play.add_argument("--size", metavar="WxH", type=_size, help="window size, e.g. 1024x600 (default 1280x720)")
    play.add_argument("--lang", metavar="L", help="play in this language (e.g. th, or en-XA to test; "
                                                  "default: the language chosen in the game)")
    play.add_argument("--workshop", action="store_true", help="workshop mode: a facilitator plays with a room, on a projector")
    _add_names(play)

    validate = commands.add_parser("validate", help="check scenario files and report every problem")
    validate.add_argument("paths", nargs="*", metavar="PATH",
                          help="files or folders (default: the game's scenarios/ and assets/help/)")
    validate.add_argument("--format", choices=("full", "brief", "json"), default="full",
                          help="full: with source lines and hints (default); brief: one line each; json")
    validate.add_argument("--no-warnings", action="store_true", help="do not print warnings")
    validate.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    validate.add_argument("--explain", metavar="CODE", help="explain a diagnostic code such as E202")

    graph = commands.add_parser("graph", help="print a scenario as a Mermaid or Graphviz graph")
    graph.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a path to its file")
    graph.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    graph.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the terminal")

    i18n = commands.add_parser("i18n", help="translators' tools: extract, update, init LANG, compile, status, check")
    i18n.add_argument("action", choices=("extract", "update", "init", "compile", "status", "check"))
    i18n.add_argument("lang", nargs="?", metavar="LANG", help="language code, for init and check (check: all if left out)")
    i18n.add_argument("--render", action="store_true", help="check: also play every story and list text that overflows")

    commands.add_parser("languages", help="list the installed languages and how complete they are")

    voice_list = commands.add_parser("voice-list", help="for recording a language: every text, its file name, "
                                                        "and which are recorded")
    voice_list.add_argument("--lang", required=True, metavar="L", help="language code, e.g. km")
    voice_list.add_argument("--missing", action="store_true", help="only the texts not recorded yet")
    voice_list.add_argument("--voice-dir", type=Path, metavar="DIR", help="the recordings (default assets/voice)")

    speak = commands.add_parser("speak", help="write what the game would say for a text to a WAV file")
    speak.add_argument("--lang", required=True, metavar="L", help="language code, e.g. es")
    speak.add_argument("--text", required=True, metavar="T", help="the text, as the game shows it")
    speak.add_argument("--out", required=True, type=Path, metavar="FILE", help="the .wav file to write")
    speak.add_argument("--rate", type=int, default=100, choices=(70, 85, 100, 125), metavar="PERCENT",
                       help="speed: 70, 85, 100 (default) or 125")
    speak.add_argument("--voice-dir", type=Path, metavar="DIR", help="the recordings (default assets/voice)")

    auto = commands.add_parser("autoplay", help="drive the game window headlessly through every screen (for reviewers and CI)")
    auto.add_argument("--scenario", default="all", metavar="ID|all", help="a story id, or all (default)")
    auto.add_argument("--lang", default="en", metavar="L", help="language code (default en)")
    auto.add_argument("--seed", type=int, default=0, metavar="N", help="varies the order of choices")
    auto.add_argument("--screenshots", metavar="DIR", help="write a PNG of every screen into DIR")
    auto.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH")
    auto.add_argument("--text-size", type=int, default=100, choices=(100, 125, 150, 200), metavar="PERCENT")
    auto.add_argument("--high-contrast", action="store_true", help="the high-contrast palette")
    auto.add_argument("--dyslexia-font", action="store_true", help="the easier-to-read letters (OpenDyslexic)")

    text = commands.add_parser("text", help="play one scenario in the terminal")
    text.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a path to its file")
    text.add_argument("--lang", default="en", metavar="L", help="language code (default en)")
    _add_names(text)

    for name, what in (("cards", "discussion cards to cut out"), ("guide", "the facilitator's guide")):
        printable = commands.add_parser(name, help=f"write {what} as a PDF")
        printable.add_argument("scenario", metavar="SCENARIO", help="a scenario id, a path to its file, or all")
        printable.add_argument("--lang", default="en", metavar="L", help="language code (default en)")
        printable.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
        printable.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
        if name == "guide":
            printable.add_argument("--country", metavar="XX", help="only this country's help lines (e.g. TH)")
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"'{text}' is too small")
    return width, height


def _add_names(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--child", default="", metavar="NAME", help="the child's nickname (optional)")
    parser.add_argument("--caregiver", default="", metavar="NAME", help="the caregiver's nickname (optional)")


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "play"
    try:
        if command == "validate":
            return run_validate(args, stdout)
        if command == "graph":
            return run_graph(args, stdout)
        if command == "text":
            return run_text(args, stdin, stdout)
        if command == "autoplay":
            return run_autoplay(args, stdout)
        if command == "i18n":
            from .i18n.commands import run_i18n

            return run_i18n(args.action, args.lang, stdout, args.render)
        if command in ("cards", "guide"):
            return run_printable(args, stdout)
        if command == "languages":
            from .i18n.commands import run_languages

            return run_languages(stdout)
        if command == "voice-list":
            from .speech.commands import run_voice_list

            return run_voice_list(args.lang, args.missing, args.voice_dir, stdout)
        if command == "speak":
            from .speech.commands import run_speak

            return run_speak(args.lang, args.text, args.out, args.rate, args.voice_dir, stdout)
        return run_play(args, stdin, stdout)
    except KeyboardInterrupt:
        stdout.write("\n")
        return EXIT_OK
    except BrokenPipeError:  # e.g. `validate | head`
        return EXIT_OK


def run_validate(args: argparse.Namespace, stdout: TextIO) -> int:
    from .console.report import print_reports, summary
    from .content import check_content_file, content_files
    from .story.codes import CODES

    if args.explain:
        code = args.explain.upper()
        if code not in CODES:
            sys.stderr.write(f"together-online validate: unknown code '{args.explain}'\n")
            return EXIT_USAGE
        stdout.write(f"{code}: {CODES[code]}\n")
        return EXIT_OK
    try:
        files = content_files(args.paths)
    except FileNotFoundError as missing:
        sys.stderr.write(f"together-online validate: no such file or folder: {missing}\n")
        return EXIT_USAGE
    reports = [check_content_file(path, display_path(path)) for path in files]
    errors, warnings = print_reports(reports, stdout, args.format, show_warnings=not args.no_warnings)
    if args.format != "json":
        stdout.write(summary(len(reports), errors, warnings) + "\n")
    if errors or (args.strict and warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _load_for_command(name: str, stdout: TextIO):
    """Load a scenario named on the command line, printing problems if any."""
    from .console.report import print_reports
    from .story.validate import check_file

    path = find_scenario(name)
    if path is None:
        sys.stderr.write(f"together-online: no scenario '{name}' (give an id from scenarios/ or a path to a .yaml file)\n")
        return None, EXIT_USAGE
    report = check_file(path, display_path(path))
    if report.scenario is None and getattr(report, "guide", None) is not None and not any(
            d.is_error for d in report.diagnostics):
        sys.stderr.write(f"together-online: {display_path(path)} is a guide for grown-ups, not a story; "
                         "give a story id (the facilitator's guide of a story includes the guides)\n")
        return None, EXIT_USAGE
    if report.scenario is None or any(d.is_error for d in report.diagnostics):
        print_reports([report], stdout, show_warnings=False)
        stdout.write(f"{display_path(path)} has errors; fix them first (see above).\n")
        return None, EXIT_ERRORS
    return report.scenario, EXIT_OK


def run_graph(args: argparse.Namespace, stdout: TextIO) -> int:
    from .story.graph import FORMATS

    scenario, status = _load_for_command(args.scenario, stdout)
    if scenario is None:
        return status
    output = FORMATS[args.format](scenario)
    if args.output:
        try:
            Path(args.output).write_text(output, encoding="utf-8")
        except OSError as exc:
            sys.stderr.write(f"together-online graph: cannot write {args.output}: {exc.strerror or exc}\n")
            return EXIT_USAGE
    else:
        stdout.write(output)
    return EXIT_OK


def run_text(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .console.player import TextPlayer, console_names

    if not _known_language(args.lang, "text"):
        return EXIT_USAGE
    scenario, status = _load_for_command(args.scenario, stdout)
    if scenario is None:
        return status
    tr = _translator(args.lang, "text")
    TextPlayer(scenario, stdin, stdout, console_names(tr, args.child, args.caregiver), tr=tr).run()
    return EXIT_OK


def _installed_languages() -> list[str]:
    from .i18n.translator import available_languages
    from .paths import LOCALE_DIR

    return [language.code for language in available_languages(LOCALE_DIR, include_pseudo=True)]


def _known_language(code: str, command: str) -> bool:
    """True for an installed language (or the pseudo-locale); else a message saying which are."""
    known = _installed_languages()
    if code in known:
        return True
    sys.stderr.write(f"together-online {command}: no language '{code}' (choose from {', '.join(known)})\n")
    return False


def _translator(code: str, command: str) -> Translator:
    """The Translator for `code`, with any catalog that cannot be read reported."""
    from .i18n.catalogs import load_translator
    from .paths import LOCALE_DIR

    tr = load_translator(code, LOCALE_DIR)
    for problem in tr.problems:
        sys.stderr.write(f"together-online {command}: {problem}\n")
    return tr


def run_autoplay(args: argparse.Namespace, stdout: TextIO) -> int:
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from .ui.autoplay import Autoplay

    folder = Path(args.screenshots) if args.screenshots else None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            sys.stderr.write(f"together-online autoplay: cannot create {folder}: {exc.strerror or exc}\n")
            return EXIT_USAGE
    ids = None if args.scenario == "all" else [args.scenario]
    report = Autoplay(ids, args.lang, args.seed, folder, args.size, args.text_size,
                      high_contrast=args.high_contrast, dyslexia_font=args.dyslexia_font).run()
    for story, runs in report.runs.items():
        uncovered = report.uncovered.get(story) or []
        note = f", {len(uncovered)} choices never taken: {uncovered}" if uncovered else ", every choice taken"
        stdout.write(f"{story}: {runs} plays{note}\n")
    stdout.writelines(f"error: {problem}\n" for problem in report.errors)
    where = f" in {folder}" if folder else ""
    stdout.write(f"{report.screens} screens{where}; {'ok' if report.ok else 'FAILED'}\n")
    return EXIT_OK if report.ok else EXIT_ERRORS


def run_printable(args: argparse.Namespace, stdout: TextIO) -> int:
    """`cards` and `guide`: a PDF from the stories, catalogs and help lines."""
    from .console.report import print_reports

    if not _known_language(args.lang, args.command):
        return EXIT_USAGE
    try:
        from .printables import sources
    except ImportError as exc:  # fpdf2 missing
        sys.stderr.write(f"together-online {args.command}: printing needs fpdf2 and uharfbuzz ({exc})\n")
        return EXIT_ERRORS
    if args.scenario == sources.ALL:
        reports = sources.every_story()
        if sources.broken(reports):
            print_reports(sources.broken(reports), stdout, show_warnings=False)
            stdout.write("Some stories have errors; fix them first (see above).\n")
            return EXIT_ERRORS
        scenarios = [report.scenario for report in reports]
    else:
        scenario, status = _load_for_command(args.scenario, stdout)
        if scenario is None:
            return status
        scenarios = [scenario]
    tr = _translator(args.lang, args.command)
    if args.command == "cards":
        from .printables.cards import build_cards

        pdf = build_cards(scenarios, tr, args.paper)
    else:
        from .helplines import load_helplines
        from .paths import HELPLINES_FILE
        from .printables.guide import build_guide

        helplines, _ = load_helplines(HELPLINES_FILE)
        pdf = build_guide(scenarios, tr, helplines, sources.facilitator_guides(), args.paper, args.country)
    try:
        pdf.output(args.output)
    except OSError as exc:
        sys.stderr.write(f"together-online {args.command}: cannot write {args.output}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    stdout.write(f"wrote {args.output} ({pdf.pages_count} pages)\n")
    return EXIT_OK


def run_play(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .console.library import play_library

    if args.lang is not None and not _known_language(args.lang, "play"):
        return EXIT_USAGE
    reason = None
    if not args.terminal:
        try:
            from .ui.app import WindowError, start
        except ImportError as exc:  # pygame-ce missing: the terminal still works
            reason = f"pygame-ce: {exc}"
        else:
            try:
                return start(size=args.size, language=args.lang, workshop=getattr(args, "workshop", False))
            except WindowError as exc:
                reason = str(exc)
    tr = _terminal_translator(args.lang)
    if reason is not None:
        sys.stderr.write("together-online: " + tr._("The game window could not open ({reason}), so the game plays "
                                                    "here in the terminal.").format(reason=reason) + "\n")
    return play_library(SCENARIOS_DIR, stdin, stdout, args.child, args.caregiver, tr)


def _terminal_translator(code: str | None) -> Translator:
    """The terminal player's Translator: `--lang`, else the language chosen in
    the game (read from the saved settings, never saved), else English.
    A saved file that had to be set aside is reported, as the window does."""
    from .settings import Store, notice_text

    store = None
    if code is None:
        store = Store()
        saved = store.load_settings().language or "en"
        code = saved if saved in _installed_languages() else "en"
    tr = _translator(code, "play")
    if store is not None:
        for template, values in store.notices:
            sys.stderr.write(f"together-online: {notice_text(tr, template, values)}\n")
    return tr
