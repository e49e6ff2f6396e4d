"""The runtime: conditions applied, set, next, endings, undo, save and resume."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE, MINIMAL

from game.story import Names, PlayError, Playthrough, SaveError, fill_placeholders, load_scenario


@pytest.fixture
def example():
    return load_scenario(EXAMPLE)


@pytest.fixture
def minimal(write_scenario):
    return load_scenario(write_scenario(MINIMAL))


def texts(items):
    return [item.text.source for item in items]


def test_start_state(example):
    play = Playthrough(example)
    assert play.state.node == "intro"
    assert play.values == {"shared_school": False, "trust": 0}
    assert not play.ended and play.history == () and not play.can_undo
    assert texts(play.visible_choices()) == ["Tell Sam her age and school", "Say thanks, and keep her details private"]


def test_conditions_hide_lines_and_choices(example):
    play = Playthrough(example)
    play.choose(1)  # keep details private: shared_school stays false
    assert "maybe we could meet after school one day" not in texts(play.visible_lines())
    play.undo()
    play.choose(0)  # shared_school: true
    assert "maybe we could meet after school one day" in texts(play.visible_lines())


def test_set_assigns_and_adds(minimal):
    play = Playthrough(minimal)
    play.choose(0)
    assert play.values == {"told": True, "trust": 2}
    assert texts(play.visible_choices()) == ["Only if told"]


def test_hidden_choice_cannot_be_chosen(minimal):
    play = Playthrough(minimal)
    play.choose(0)
    with pytest.raises(PlayError):
        play.choose(1)  # "Only if not told" is hidden now
    with pytest.raises(PlayError):
        play.choose(7)
    with pytest.raises(PlayError):
        play.advance()  # a choice node has no 'next'


def test_next_and_ending(minimal):
    play = Playthrough(minimal)
    play.choose(1)           # trust -1
    play.choose(1)           # only if not told and trust < 0 -> c
    assert play.state.node == "c" and play.view().can_continue
    play.advance()
    assert play.ended and play.ending == "supported"
    assert play.view().takeaway.source == "Telling helps."
    assert [(node.id, choice.index if choice else None) for node, choice in play.path()] == [("a", 1), ("b", 1), ("c", None)]


def test_undo_any_number_of_steps(minimal):
    play = Playthrough(minimal)
    play.choose(1)
    play.choose(2)  # back to a, trust -1
    play.choose(1)  # trust -2
    assert play.values["trust"] == -2 and len(play.history) == 3
    assert play.undo(2) == 2
    assert play.values["trust"] == -1 and play.state.node == "b"
    assert play.undo(10) == 1
    assert play.state.node == "a" and play.values == {"told": False, "trust": 0}
    assert play.undo() == 0


def test_json_round_trip_resumes_with_undo(minimal):
    play = Playthrough(minimal)
    play.choose(1)
    play.choose(2)
    play.choose(0)
    saved = json.loads(json.dumps(play.to_json()))
    assert saved["save_format"] == 1 and saved["scenario"] == "story"
    resumed = Playthrough.from_json(minimal, saved)
    assert resumed.state == play.state
    resumed.undo()
    assert resumed.state.node == "a" and resumed.values["trust"] == -1


@pytest.mark.parametrize("change, message", [
    (lambda s: s.update(save_format=99), "another version"),
    (lambda s: s.update(scenario="other"), "belongs to the story"),
    (lambda s: s.update(history=[["a", 9]]), "changed"),
    (lambda s: s.update(history=[["zzz", 0]]), "changed"),
    (lambda s: s.update(values={"told": True, "trust": 99}), "changed"),
    (lambda s: s.update(history="junk"), "history"),
    (lambda s: s.update(history=[[1, 2, 3]]), "changed"),
])
def test_bad_saves_are_refused_clearly(minimal, change, message):
    play = Playthrough(minimal)
    play.choose(0)
    saved = play.to_json()
    change(saved)
    with pytest.raises(SaveError, match=message):
        Playthrough.from_json(minimal, saved)


def test_placeholders_filled_at_display_time():
    names = Names(child_name="Ana", caregiver_name="")
    assert fill_placeholders("{child_name}, ask {caregiver_name}.", names.as_mapping()) == "Ana, ask your grown-up."
    assert fill_placeholders("{{literal}} {unknown}", names.as_mapping()) == "{literal} {unknown}"
    assert fill_placeholders("{child_name}", Names().as_mapping()) == "your child"


def test_runtime_texts_are_message_ids(example):
    """Effects carry message ids (Text with the English source), not rendered text."""
    play = Playthrough(example)
    choice = play.choose(0)
    assert choice.feedback.source.startswith("Sam now knows")
    assert {p.to for p in choice.discuss} == {"child", "caregiver"}
