"""Placeholders in story text: `{child_name}` and `{caregiver_name}`.

Layer: game/story (pure Python). `{{` and `}}` stand for literal braces.
Front ends fill placeholders at display time, after translation, with the
players' nicknames or the catalog's fallback wording ("your child", "you").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .model import PLACEHOLDERS

_PIECE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


@dataclass(frozen=True)
class PlaceholderProblem:
    offset: int
    length: int
    message: str
    name: str | None = None  # set for an unknown placeholder name


def find_placeholders(text: str) -> tuple[list[tuple[str, int]], list[PlaceholderProblem]]:
    """The placeholders of `text` as (name, offset) pairs, and any problems."""
    found: list[tuple[str, int]] = []
    problems: list[PlaceholderProblem] = []
    for match in _PIECE.finditer(text):
        piece = match.group()
        if piece in ("{{", "}}"):
            continue
        if match.group(1) is None:
            problems.append(PlaceholderProblem(match.start(), 1, f"a lone '{piece}' (write '{piece * 2}' for a literal brace)"))
            continue
        name = match.group(1).strip()
        if name not in PLACEHOLDERS:
            problems.append(PlaceholderProblem(match.start(), len(piece), f"unknown placeholder '{piece}'", name))
        else:
            found.append((name, match.start()))
    return found, problems


def placeholder_names(text: str) -> set[str]:
    return {name for name, _ in find_placeholders(text)[0]}


def fill_placeholders(text: str, names: Mapping[str, str]) -> str:
    """Replace known placeholders with `names[...]`; keep anything else as is,
    so a translator's typo shows up on screen instead of crashing the game."""

    def replace(match: re.Match) -> str:
        piece = match.group()
        if piece in ("{{", "}}"):
            return piece[0]
        name = (match.group(1) or "").strip()
        return names.get(name, piece) if name in PLACEHOLDERS else piece

    return _PIECE.sub(replace, text)
