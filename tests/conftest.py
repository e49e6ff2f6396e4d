"""Shared test helpers. Tests run headless: no window, no network."""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "new_friend.yaml"


def run_cli(argv, stdin_text: str = "") -> tuple[int, str]:
    """`together-online ARGV` with `stdin_text` typed in: (exit status, what it printed)."""
    from game.cli import main

    out = io.StringIO()
    status = main(argv, stdin=io.StringIO(stdin_text), stdout=out)
    return status, out.getvalue()


def flat(text: str) -> str:
    """The output with line wrapping undone, for phrase checks."""
    return " ".join(text.split())


@pytest.fixture
def write_scenario(tmp_path):
    """Write YAML text to `<tmp>/<stem>.yaml` and return the path."""

    def write(text: str, stem: str = "story") -> Path:
        path = tmp_path / f"{stem}.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


MINIMAL = """\
format: 1
id: story
topic: other
title: A test story
summary: A story for tests.
ages: [8, 12]
minutes: 5
content_note: Nothing difficult.
learning_goals: [Tests pass.]
state:
  told: false
  trust: 0
characters:
  ana: {name: Ana, kind: child}
start: a
nodes:
  a:
    lines:
      - Ana opens the app.
      - who: ana
        text: Hello!
        if: trust > 0
    choices:
      - text: Tell
        set: {told: true, trust: +2}
        feedback: Good to tell.
        discuss: [Why tell?]
        goto: b
      - text: Wait
        set: {trust: -1}
        feedback: Waiting is fine too.
        discuss: [Why wait?]
        goto: b
  b:
    choices:
      - text: Only if told
        if: told
        feedback: Told.
        discuss: [Talk.]
        goto: end_told
      - text: Only if not told
        if: not told and trust < 0
        feedback: Not told.
        discuss: [Talk.]
        goto: c
      - text: Back to the start
        if: not told and trust > -2
        feedback: Again.
        discuss: [Talk.]
        goto: a
  c:
    next: end_told
  end_told:
    ending: supported
    takeaway: Telling helps.
"""


# Golden files (tests/golden/): screenshots and text layouts ------------------

GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden screenshots and layout snapshots in tests/golden/ "
                          "instead of comparing with them")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
