"""Every validator rule, each shown by a small fixture.

Each file in tests/fixtures/invalid/ is a valid scenario with one mistake in
it, and lists in `# expect: CODE line:col` comments exactly what `validate`
must report for it. The E003 fixture is not UTF-8, so these comments are read
from the raw bytes. E001 and E002 need a missing or a huge file, so they are
tested here in code instead.
"""

from __future__ import annotations

import io
import re
import time
from functools import cache
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.content import check_content_file
from game.story import FileReport, check_file
from game.story.codes import CODES
from game.story.yaml_source import parse_yaml

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
INVALID = FIXTURES / "invalid"
INVALID_FILES = sorted(INVALID.glob("*.yaml"))
EXPECT = re.compile(rb"^# expect: ([EW]\d{3}) (\d+):(\d+)[ \t]*\r?$", re.MULTILINE)
CODE_LITERAL = re.compile(r"""["']([EW]\d{3})["']""")

# Codes that no committed fixture can show, and the test below that shows each.
COVERED_IN_CODE = {
    "E001": "test_missing_file_or_folder_is_e001",
    "E002": "test_two_mib_file_is_refused_quickly",
}


def declared(path: Path) -> set[tuple[str, int, int]]:
    return {(code.decode(), int(line), int(col)) for code, line, col in EXPECT.findall(path.read_bytes())}


@cache
def report(path: Path) -> FileReport:
    """`check_file` once per fixture: the E211 one explores 100,000 states."""
    return check_content_file(path)


def hint_of(stem: str, code: str) -> str:
    (diagnostic,) = [d for d in report(INVALID / f"{stem}.yaml").diagnostics if d.code == code]
    return diagnostic.hint or ""


def test_there_are_fixtures():
    assert len(INVALID_FILES) > len(CODES) // 2


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.stem)
def test_fixture_reports_exactly_what_it_declares(path):
    expected = declared(path)
    assert expected, f"{path.name} has no '# expect: CODE line:col' comment"
    assert path.stem[:4].upper() in {code for code, _, _ in expected}, "the file name starts with a code it shows"
    diagnostics = report(path).diagnostics
    got = [(d.code, d.loc.line, d.loc.col) for d in diagnostics]
    shown = "\n".join(str(d) for d in diagnostics)
    assert set(got) == expected, shown
    assert len(got) == len(set(got)), "a diagnostic is reported twice:\n" + shown


@pytest.mark.parametrize(("stem", "code", "hint"), [
    ("e004_tab_indent", "E004", "indent with spaces"),
    ("e004_colon_in_text", "E004", "': ' must be put in quotes"),
    ("e004_star_start", "E004", "'*' starts an alias"),
    ("e004_at_start", "E004", "begins with '@' in quotes"),
    ("e004_dash_start", "E004", "begins with '- ' in quotes"),
    ("e004_unclosed_quote", "E004", "same quote mark"),
    ("e101_unknown_key", "E101", "did you mean 'feedback'?"),
    ("e101_merge_key", "E101", "merge keys are not supported"),
    ("e101_colon_in_line", "E101", "': ' must be put in quotes"),
    ("e103_quoted_number", "E103", "remove the quotes"),
    ("e103_list_for_text", "E103", "in quotes"),
    ("e103_yes_as_state_value", "E103", "write true or false"),
    ("e104_unknown_topic", "E104", "did you mean 'stranger_contact'?"),
    ("e104_narration_for_character", "E104", "chat, speech, thought or notification"),
    ("e202_unknown_goto", "E202", "did you mean 'the_end'?"),
    ("e202_unknown_start", "E202", "did you mean 'intro'?"),
    ("e202_unknown_next", "E202", "did you mean 'the_end'?"),
    ("e205_one_choice", "E205", "next: <node>"),
    ("e209_loop_without_ending", "E209", "after: intro (choice 2)"),
    ("e210_all_choices_hidden", "E210", "after: intro (choice 2)"),
    ("e211_counter_grows_in_loop", "E211", "'tries' seems to grow"),
    ("e301_and_and", "E301", "write 'and' instead of '&&'"),
    ("e301_single_equals", "E301", "write '==' instead of '='"),
    ("e302_undeclared_variable", "E302", "did you mean 'told'?"),
    ("e304_set_undeclared", "E304", "did you mean 'told'?"),
    ("e305_number_set_to_yes", "E305", "+1 / -1"),
    ("e401_unknown_speaker", "E401", "did you mean 'maya'?"),
    ("e402_unknown_placeholder", "E402", "did you mean 'child_name'?"),
    ("w509_unknown_scene", "W509", "did you mean 'home'?"),
])
def test_hint(stem, code, hint):
    assert hint in hint_of(stem, code)


def test_messages_name_the_first_of_two_and_the_play():
    (duplicate,) = report(INVALID / "e201_duplicate_node.yaml").diagnostics
    assert "first at line 27" in duplicate.message
    (stuck,) = report(INVALID / "e210_all_choices_hidden.yaml").diagnostics
    assert "'ask' when told=false" in stuck.message


def test_missing_file_or_folder_is_e001(tmp_path):
    for path in (tmp_path / "nowhere.yaml", tmp_path):
        result = check_file(path)
        assert [(d.code, d.loc.line, d.loc.col) for d in result.diagnostics] == [("E001", 1, 1)]
        assert result.scenario is None


def test_two_mib_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes((FIXTURES / "new_friend.yaml").read_bytes() + b"# padding\n" * (2 * 1024 * 1024 // 10))
    start = time.perf_counter()
    result = check_file(path)
    elapsed = time.perf_counter() - start
    assert [d.code for d in result.diagnostics] == ["E002"]
    assert "2.0 MiB" in result.diagnostics[0].message
    assert elapsed < 2, "a generous bound: the file is refused without being parsed"


def test_alias_bomb_is_refused_quickly(tmp_path):
    # The committed fixture (10^10 values) and a far bigger one (10^40).
    levels = ["  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 40)]
    bigger = tmp_path / "bigger_bomb.yaml"
    bigger.write_text("format: 1\nid: bigger_bomb\nlearning_goals:\n" + "\n".join(levels) + "\n", encoding="utf-8")
    for path in (INVALID / "e005_alias_bomb.yaml", bigger):
        start = time.perf_counter()
        codes = [d.code for d in check_file(path).diagnostics]
        elapsed = time.perf_counter() - start
        assert codes == ["E005"]
        assert elapsed < 2, "a generous bound: sizes are counted, never expanded"


@pytest.mark.parametrize("place", ["value", "state value", "key", "list item"])
def test_python_tags_never_run(tmp_path, place):
    marker = tmp_path / "tag_ran.txt"
    payload = f"!!python/object/apply:builtins.open [{str(marker)!r}, 'w']"
    # The payload is live: PyYAML's unsafe loader does create the file.
    control = tmp_path / "control.txt"
    yaml.unsafe_load(f"x: !!python/object/apply:builtins.open [{str(control)!r}, 'w']").get("x").close()
    assert control.exists()

    source = (FIXTURES / "new_friend.yaml").read_text(encoding="utf-8")
    edits = {
        "value": ("    scene: game_chat\n    lines:\n      - Maya", f"    scene: {payload}\n    lines:\n      - Maya"),
        "state value": ("  trust: 0", f"  trust: {payload}"),
        "key": ("note: A small", f"? {payload}\n: x\nnote: A small"),
        "list item": ("  - People online", f"  - {payload}\n  - People online"),
    }
    old, new = edits[place]
    assert source.count(old) == 1
    path = tmp_path / "new_friend.yaml"
    path.write_text(source.replace(old, new), encoding="utf-8")
    codes = {d.code for d in check_file(path).diagnostics}
    assert not marker.exists()
    assert "E007" in codes


def test_every_code_is_shown_by_a_fixture_or_a_test():
    shown = {code for path in INVALID_FILES for code, _, _ in declared(path)}
    for code, test_name in COVERED_IN_CODE.items():
        assert code in CODES
        assert callable(globals().get(test_name)), f"{code} is said to be tested by {test_name}, which does not exist"
    assert set(CODES) - shown - set(COVERED_IN_CODE) == set()


def test_every_code_the_engine_uses_is_listed_and_every_listed_code_is_used():
    used = set()
    for path in [*(ROOT / "game" / "story").glob("*.py"), ROOT / "game" / "helplines.py"]:
        if path.name != "codes.py":
            used |= set(CODE_LITERAL.findall(path.read_text(encoding="utf-8")))
    assert used - set(CODES) == set(), "codes used in game/story but missing from codes.py"
    assert set(CODES) - used == set(), "codes listed in codes.py that the engine never reports"


def test_every_code_is_explained_in_the_docs():
    docs = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ ([EW]\d{3})\b", docs, re.MULTILINE)
    assert sorted(headings) == sorted(CODES), "each code has exactly one heading in docs/diagnostics.md"


def test_every_fixed_example_in_the_docs_is_readable_yaml():
    docs = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    examples = re.findall(r"^Fixed:\n\n```yaml\n(.*?)```", docs, re.MULTILINE | re.DOTALL)
    assert len(examples) > 20
    for example in examples:
        document = parse_yaml(example.encode("utf-8"), "docs/diagnostics.md")
        assert document.root is not None and document.diagnostics == [], example


def test_cli_reports_every_fixture_with_its_locations(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    assert main(["validate", "tests/fixtures/"], stdout=out) == 1
    text = out.getvalue()
    for path in INVALID_FILES:
        shown = str(path.relative_to(ROOT))
        for code, line, col in declared(path):
            severity = "error" if code.startswith("E") else "warning"
            assert f"{shown}:{line}:{col}: {severity}[{code}]: " in text
    assert str(Path("tests", "fixtures", "new_friend.yaml")) + ":" not in text


def test_cli_passes_the_valid_example(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    assert main(["validate", "tests/fixtures/new_friend.yaml"], stdout=out) == 0
    assert out.getvalue() == "1 file checked: clean\n"
