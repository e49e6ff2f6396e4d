"""Loading scenarios into the model: values, types and where they came from."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE, MINIMAL

from game.story import check_file, load_scenario, read_scenario
from game.story.model import NARRATOR


def codes(path) -> list[tuple[str, int, int]]:
    return [(d.code, d.loc.line, d.loc.col) for d in check_file(path).diagnostics]


def test_example_loads_with_locations_and_notes():
    scenario = load_scenario(EXAMPLE)
    assert scenario.id == "new_friend"
    assert scenario.ages == (8, 12)
    assert scenario.title.source == "A new friend in the game"
    assert (scenario.title.loc.line, scenario.title.loc.col) == (4, 8)
    intro = scenario.nodes["intro"]
    assert intro.loc.line == 23
    narrator_line, sam_line = intro.lines
    assert narrator_line.speaker == NARRATOR and narrator_line.via == "narration"
    assert sam_line.speaker == "sam" and sam_line.via == "chat"
    assert sam_line.text.note.startswith("Online slang")
    assert (sam_line.text.loc.line, sam_line.text.loc.col) == (29, 15)
    first = intro.choices[0]
    assert first.decides == "child" and first.goto == "asks_secret"
    assert [(a.variable, a.value, a.add) for a in first.assignments] == [("shared_school", True, False), ("trust", 1, True)]
    assert [p.to for p in first.discuss] == ["child", "caregiver"]
    assert scenario.nodes["gran_helps"].ending == "supported"


def test_texts_lists_every_translatable_string_once():
    scenario = load_scenario(EXAMPLE)
    sources = [t.source for t in scenario.texts()]
    assert "A new friend in the game" in sources
    assert "Sam_2011" in sources
    assert "It is never too late to tell someone you trust." in sources
    assert len(sources) == len({(t.source, t.loc) for t in scenario.texts()})


def test_yaml11_booleans_stay_text(write_scenario):
    path = write_scenario(MINIMAL.replace("Ana opens the app.", "yes").replace("title: A test story", "title: no"))
    scenario = load_scenario(path)
    assert scenario.title.source == "no"
    assert scenario.nodes["a"].lines[0].text.source == "yes"


def test_plus_one_adds_and_bare_number_sets(write_scenario):
    path = write_scenario(MINIMAL.replace("set: {trust: -1}", "set: {trust: 5}"))
    scenario = load_scenario(path)
    tell, wait = scenario.nodes["a"].choices
    assert (tell.assignments[1].add, tell.assignments[1].value) == (True, 2)
    assert (wait.assignments[0].add, wait.assignments[0].value) == (False, 5)


def test_quoted_text_keeps_column_of_content(write_scenario):
    path = write_scenario(MINIMAL.replace("      - Ana opens the app.", '      - "Ana {child_nme} opens the app."'))
    (diagnostic,) = [d for d in check_file(path).diagnostics if d.code == "E402"]
    line = path.read_text().splitlines()[diagnostic.loc.line - 1]
    assert line[diagnostic.loc.col - 1:].startswith("{child_nme}")
    assert diagnostic.hint == "did you mean 'child_name'?"


def test_condition_error_points_inside_the_condition(write_scenario):
    path = write_scenario(MINIMAL.replace("if: trust > 0", "if: trust > 0 and tlod"))
    (diagnostic,) = [d for d in check_file(path).diagnostics if d.code == "E302"]
    line = path.read_text().splitlines()[diagnostic.loc.line - 1]
    assert line[diagnostic.loc.col - 1:] == "tlod"
    assert diagnostic.hint == "did you mean 'told'?"


def test_duplicate_keys_are_errors_not_silently_merged(write_scenario):
    path = write_scenario(MINIMAL.replace("title: A test story", "title: A test story\ntitle: Another"))
    found = codes(path)
    assert ("E009", 5, 1) in found


def test_every_problem_of_a_file_in_one_run(write_scenario):
    broken = (MINIMAL.replace("topic: other", "topic: others")
              .replace("goto: c", "goto: cc")
              .replace("if: told\n", "if: toldd\n")
              .replace("kind: child}", "kind: kid}"))
    found = {code for code, _, _ in codes(write_scenario(broken))}
    assert {"E104", "E302"} <= found
    # 'goto: cc' is a whole-story check; it still runs beside the per-value errors
    assert "E202" in found


def test_read_scenario_never_raises_on_garbage(tmp_path):
    for i, junk in enumerate(["", ":", "- a\n- b", "[1, 2", "a: b: c", "\t- x", "&a [*a]", "{", "? [x]\n: 1"]):
        path = tmp_path / f"junk{i}.yaml"
        path.write_text(junk, encoding="utf-8")
        result = read_scenario(path)
        assert result.diagnostics, junk
        assert all(re.match(r"[EW]\d{3}$", d.code) for d in result.diagnostics)


def test_load_scenario_raises_with_all_errors(write_scenario):
    from game.story import ScenarioError

    path = write_scenario(MINIMAL.replace("goto: c", "goto: nowhere"))
    try:
        load_scenario(path)
    except ScenarioError as exc:
        assert any(d.code == "E202" for d in exc.diagnostics)
        assert "story.yaml" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected ScenarioError")


@pytest.mark.parametrize("doc", ["docs/scenario-format.md", "scenarios/README.md"])
def test_docs_examples_are_valid_scenarios(tmp_path, doc):
    """Docs that run: the first YAML example of each authors' page validates clean."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / doc).read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.DOTALL).group(1)
    stem = re.search(r"^id: (\w+)", example, re.MULTILINE).group(1)
    path = tmp_path / f"{stem}.yaml"
    path.write_text(example, encoding="utf-8")
    assert [str(d) for d in check_file(path).diagnostics] == []
