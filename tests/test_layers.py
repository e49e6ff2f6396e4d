"""Layering: the story engine, the speech layer and the text front ends never need pygame."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYGAME_FREE = ("game.story", "game.story.validate", "game.i18n", "game.console.player", "game.console.library",
               "game.console.wrapping", "game.helplines", "game.cli",
               "game.speech", "game.speech.voice", "game.speech.commands")


def test_story_engine_speech_console_and_cli_import_with_pygame_blocked():
    # A fresh interpreter, so modules other tests imported cannot hide an import.
    code = "import sys; sys.modules['pygame'] = None; " + "; ".join(f"import {name}" for name in PYGAME_FREE)
    done = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
