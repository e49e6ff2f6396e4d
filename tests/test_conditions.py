"""The `if:` language: parsing, type checking, evaluation, and its errors."""

from __future__ import annotations

import pytest

from game.story.conditions import ConditionSyntaxError, check_condition, parse_condition

TYPES = {"told": "bool", "shared": "bool", "trust": "int"}


@pytest.mark.parametrize("source, values, expected", [
    ("told", {"told": True}, True),
    ("not told", {"told": True}, False),
    ("told and shared", {"told": True, "shared": False}, False),
    ("told or shared", {"told": False, "shared": True}, True),
    ("not told and shared", {"told": False, "shared": True}, True),
    ("not (told and shared)", {"told": True, "shared": True}, False),
    ("trust >= 2", {"trust": 2}, True),
    ("trust < -1", {"trust": -2}, True),
    ("trust == 0 or told", {"trust": 1, "told": False}, False),
    ("told == false", {"told": False}, True),
    ("told != shared", {"told": True, "shared": False}, True),
    ("told or shared and trust > 5", {"told": True, "shared": False, "trust": 0}, True),  # and binds tighter
    ("true", {}, True),
])
def test_evaluation(source, values, expected):
    condition = parse_condition(source)
    assert check_condition(condition, TYPES) == []
    assert condition.evaluate(values) is expected


@pytest.mark.parametrize("source, offset, hint_word", [
    ("told && shared", 5, "and"),
    ("told || shared", 5, "or"),
    ("!told", 0, "not"),
    ("trust = 1", 6, "=="),
    ("(told", 5, None),
    ("told shared", 5, "and"),
    ("trust >", 7, None),
    ("", 0, None),
    ("told and", 8, None),
    ("import os", 7, "and"),
])
def test_syntax_errors_say_where(source, offset, hint_word):
    with pytest.raises(ConditionSyntaxError) as caught:
        parse_condition(source)
    assert caught.value.offset == offset
    if hint_word:
        assert hint_word in (caught.value.hint or "")


@pytest.mark.parametrize("source, kind", [
    ("tolt", "undeclared"),
    ("trust", "type"),          # a number is not a condition
    ("told > 1", "type"),       # comparing a flag with a number
    ("told < shared", "type"),  # ordering flags
    ("not trust", "type"),
    ("trust and told", "type"),
])
def test_type_problems(source, kind):
    problems = check_condition(parse_condition(source), TYPES)
    assert problems and problems[0].kind == kind


def test_never_uses_eval():
    # Python syntax is not the condition language: attribute access is a syntax error.
    with pytest.raises(ConditionSyntaxError):
        parse_condition("__import__('os').system('true')")
