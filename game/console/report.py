"""Printing diagnostics the way authors read them: a compiler-style message,
the source line with a caret under the problem, and a hint.

Layer: console (terminal presentation of game/story diagnostics).
"""

from __future__ import annotations

import json
import os
from typing import TextIO

from ..story.diagnostics import Diagnostic
from ..story.validate import FileReport

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "hint": "\033[36m", "bold": "\033[1m", "reset": "\033[0m"}


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def format_diagnostic(diagnostic: Diagnostic, source_lines: list[str], colour: bool = False) -> str:
    paint = _COLOURS if colour else dict.fromkeys(_COLOURS, "")
    head = (f"{paint['bold']}{diagnostic.loc}{paint['reset']}: {paint[diagnostic.severity]}{diagnostic.severity}"
            f"[{diagnostic.code}]{paint['reset']}: {diagnostic.message}")
    out = [head]
    line_no = diagnostic.loc.line
    if 0 < line_no <= len(source_lines):
        text = source_lines[line_no - 1].rstrip("\n").replace("\t", " ")
        gutter = f"{line_no:>5} | "
        out.append(gutter + text)
        caret_at = max(diagnostic.loc.col - 1, 0)
        width = max(min(diagnostic.loc.length, len(text) - caret_at), 1)
        out.append(" " * (len(gutter) - 2) + "| " + " " * caret_at + paint[diagnostic.severity] + "^" * width + paint["reset"])
    if diagnostic.hint:
        out.append(f"      {paint['hint']}= hint: {diagnostic.hint}{paint['reset']}")
    return "\n".join(out)


def print_reports(reports: list[FileReport], stream: TextIO, style: str = "full", show_warnings: bool = True) -> tuple[int, int]:
    """Print every diagnostic; return (errors, warnings)."""
    errors = warnings = 0
    colour = style == "full" and use_colour(stream)
    as_json = []
    for report in reports:
        source_lines = report.source.splitlines()
        for diagnostic in report.diagnostics:
            if diagnostic.is_error:
                errors += 1
            else:
                warnings += 1
                if not show_warnings:
                    continue
            if style == "json":
                as_json.append(diagnostic.to_json())
            elif style == "brief":
                stream.write(f"{diagnostic}\n")
            else:
                stream.write(format_diagnostic(diagnostic, source_lines, colour) + "\n\n")
    if style == "json":
        json.dump({"files": len(reports), "errors": errors, "warnings": warnings, "diagnostics": as_json},
                  stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    return errors, warnings


def summary(files: int, errors: int, warnings: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    verdict = "clean" if not errors and not warnings else f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    return f"{plural(files, 'file')} checked: {verdict}"
