"""Source locations and diagnostics: what `validate` prints and tests assert.

Layer: game/story (pure Python). Every model object carries a `SourceLoc`; every
problem found while loading or validating becomes a `Diagnostic` whose `str()`
reads like a compiler message: ``path:line:col: error[E202]: message``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class SourceLoc:
    """A place in a source file. `line` and `col` are 1-based; `length` is the
    number of characters the location covers on that line (0 when unknown)."""

    path: str
    line: int
    col: int
    length: int = field(default=0, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def shifted(self, offset: int, length: int = 0) -> SourceLoc:
        """The location `offset` characters further along the same line."""
        return SourceLoc(self.path, self.line, self.col + offset, length)


@dataclass(frozen=True)
class Diagnostic:
    loc: SourceLoc
    code: str
    severity: str
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.loc}: {self.severity}[{self.code}]: {self.message}"

    def sort_key(self) -> tuple:
        return (self.loc.path, self.loc.line, self.loc.col, self.code)

    def to_json(self) -> dict:
        return {
            "path": self.loc.path,
            "line": self.loc.line,
            "col": self.loc.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


def error(loc: SourceLoc, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(loc, code, ERROR, message, hint)


def warning(loc: SourceLoc, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(loc, code, WARNING, message, hint)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A "did you mean 'x'?" hint for the closest candidate, or None."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)
