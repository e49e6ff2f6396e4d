"""The command line: text player, graph, play picker, exit codes."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, flat
from conftest import run_cli as run

from game.cli import main

ROOT = Path(__file__).parents[1]


def test_text_player_plays_to_an_ending_scripted():
    # start, choose 2, talk, choose 1 (tell Gran), talk, continue
    status, out = run(["text", str(EXAMPLE), "--child", "Ana", "--caregiver", "Dad"], "\n2\n\n1\n\n\n")
    assert status == 0
    assert "Sam_2011 [chat]: hey ur builds" in out
    assert "[Ana decides]" in out and "[Decide together]" in out  # the window's words
    assert "For Dad: How would you like Ana to tell you about something like this?" in flat(out)
    assert "--- A supported ending ---" in out
    assert "To remember: It is never too late to tell someone you trust." in flat(out)


def test_text_player_undo_and_quit():
    status, out = run(["text", str(EXAMPLE)], "\n1\nu\nq\n")
    assert status == 0
    assert "(undone)" in out and "Stopped." in out
    assert "For the child:" in out  # no nickname given


def test_prompts_read_well_without_nicknames():
    _status, out = run(["text", str(EXAMPLE)], "\n2\n\n1\n\n\n")
    assert "For the grown-up: How would you like your child to tell you about something like this?" in flat(out)


def test_text_player_survives_end_of_input_and_bad_answers():
    status, out = run(["text", str(EXAMPLE)], "\nx\n9\n")
    assert status == 0
    assert "Please type a number from 1 to 2." in out


def test_text_with_unknown_scenario_is_a_usage_error(capsys):
    status, _ = run(["text", "no_such_story"])
    assert status == 2
    assert "no scenario 'no_such_story'" in capsys.readouterr().err


def test_text_refuses_a_broken_scenario(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\n", encoding="utf-8")
    status, out = run(["text", str(broken)])
    assert status == 1
    assert "error[E102]" in out and "has errors" in out


def test_graph_mermaid_and_dot(tmp_path):
    status, out = run(["graph", str(EXAMPLE)])
    assert status == 0 and out.startswith("flowchart TD")
    assert 'n_intro -->|"1. Tell Sam her age and school [child]"| n_asks_secret' in out
    assert "n_told_gran --> n_gran_helps" in out
    assert "class n_gran_helps ending_supported" in out
    target = tmp_path / "g.dot"
    status, _ = run(["graph", str(EXAMPLE), "--format", "dot", "-o", str(target)])
    dot = target.read_text(encoding="utf-8")
    assert status == 0 and dot.startswith('digraph "new_friend"')
    assert '"wants_private" -> "reported" [label="2. Report Sam in the game [caregiver] if trust >= 1"];' in dot
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg", str(target), "-o", str(tmp_path / "g.svg")], check=True)


def test_validate_usage_errors(capsys):
    status, _ = run(["validate", "does/not/exist"])
    assert status == 2
    assert "no such file or folder" in capsys.readouterr().err
    status, out = run(["validate", "--explain", "e202"])
    assert status == 0 and out.startswith("E202:")
    assert run(["validate", "--explain", "E999"])[0] == 2


def test_validate_json_output():
    import json

    status, out = run(["validate", str(EXAMPLE), "--format", "json"])
    assert status == 0
    assert json.loads(out) == {"files": 1, "errors": 0, "warnings": 0, "diagnostics": []}


def test_validate_strict_fails_on_warnings(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("  trust: 0\n", "  trust: 0\n  unused: false\n")
    (tmp_path / "new_friend.yaml").write_text(text, encoding="utf-8")
    assert run(["validate", str(tmp_path)])[0] == 0
    status, out = run(["validate", str(tmp_path), "--strict"])
    assert status == 1 and "warning[W501]" in out


def test_play_picker_lists_stories_and_leaves_broken_ones_out(tmp_path):
    from game.console.library import play_library

    shutil.copy(EXAMPLE, tmp_path / "new_friend.yaml")
    (tmp_path / "broken.yaml").write_text("format: 1\n", encoding="utf-8")
    out = io.StringIO()
    status = play_library(tmp_path, io.StringIO("7\n1\nq\nq\n"), out)
    text = out.getvalue()
    assert status == 0
    assert "The story \"broken.yaml\" has a problem in its file" in flat(text)
    assert "1) A new friend in the game\n     Ages 8 to 12, about 10 minutes\n" in text
    assert "Please type a number from 1 to 1." in text
    assert "Bye!" in text


def test_main_py_runs_as_a_script():
    result = subprocess.run([sys.executable, "main.py", "validate", str(EXAMPLE), "--format", "brief"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "1 file checked: clean" in result.stdout
    assert "Traceback" not in result.stderr


def test_terminal_play_starts_the_story_picker(monkeypatch, tmp_path):
    monkeypatch.setenv("TOGETHER_ONLINE_DATA_DIR", str(tmp_path))  # no saved language: English
    status, out = run(["play", "--terminal"], "q\n")
    assert status == 0
    assert "Pick a story by number" in out and "Bye!" in out


def test_a_guide_named_where_a_story_is_wanted_is_explained(capsys):
    out = io.StringIO()
    assert main(["graph", "caregiver_primer"], stdout=out) == 2
    assert "is a guide for grown-ups, not a story" in capsys.readouterr().err
