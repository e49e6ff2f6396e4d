"""The shipped stories meet the content bar of the content guide.

These tests check properties every story must have, whatever the stories
are; they do not count stories or pin their text.
"""

from __future__ import annotations

import io
import re
from collections import deque
from pathlib import Path

import pytest

from game.cli import main
from game.content import check_content_file
from game.story import Playthrough, Scenario
from game.story.model import ENDINGS

ROOT = Path(__file__).parents[1]
FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
REPORTS = {path.stem: check_content_file(path) for path in FILES}
SCENARIOS = {stem: r.scenario for stem, r in REPORTS.items() if r.scenario is not None}
TRUSTED_KINDS = ("caregiver", "adult")

# Words the content guide rules out: blame, shame, quiz language, fear, and
# the wrong name for abuse images.
BANNED = [
    r"child porn", r"\bstupid\b", r"\bidiot", r"\bdumb\b", r"wrong answer", r"correct answer",
    r"should have known", r"asked for it", r"(?:online|internet) is forever", r"stranger danger",
]
NEGATION = re.compile(r"\b(?:not|never|none|no|nobody)\b|n't\b", re.IGNORECASE)


def blames(text: str) -> bool:
    """True if a sentence says "... your fault" without denying it
    ("It's not your fault", "None of this is your fault" are what we want)."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for match in re.finditer(r"\b(?:your|her|his|their) (?:own )?fault", sentence, re.IGNORECASE):
            if not NEGATION.search(sentence[:match.start()]):
                return True
    return False


def all_texts(stem: str) -> list[str]:
    report = REPORTS[stem]
    document = report.scenario or report.guide
    texts = [t.source for t in document.texts()]
    if report.scenario is not None and report.scenario.content_note:
        texts.append(report.scenario.content_note.source)
    return texts


def test_there_are_stories():
    assert SCENARIOS


@pytest.mark.parametrize("stem", sorted(REPORTS))
def test_validates_clean_without_warnings(stem):
    assert [str(d) for d in REPORTS[stem].diagnostics] == []


@pytest.mark.parametrize("stem", sorted(REPORTS))
def test_no_banned_wording(stem):
    for text in all_texts(stem):
        for pattern in BANNED:
            assert not re.search(pattern, text, re.IGNORECASE), f"{stem}: {pattern!r} in {text!r}"
        assert not blames(text), f"{stem}: blames the child: {text!r}"


def test_blame_check_tells_denial_from_blame():
    assert not blames("None of this is your fault. Not even a tiny bit.")
    assert not blames("Answering one of them doesn't make it your fault. He's the adult.")
    assert blames("You replied, so it's your own fault.")
    assert blames("It is not nice. It was her fault.")


@pytest.mark.parametrize("stem", sorted(SCENARIOS))
def test_story_shape(stem):
    scenario = SCENARIOS[stem]
    assert len(scenario.nodes) >= 10
    endings = {node.ending for node in scenario.nodes.values() if node.ending}
    assert endings == set(ENDINGS), "every story has a safe, a supported and a learning ending"
    choices = [c for node in scenario.nodes.values() for c in node.choices]
    assert {c.decides for c in choices} == {"child", "caregiver", "together"}
    for choice in choices:
        assert choice.feedback is not None, choice.loc
        assert len(choice.discuss) >= 2, choice.loc
        addressed = {p.to for p in choice.discuss}
        assert "both" in addressed or {"child", "caregiver"} <= addressed, choice.loc
    assert all(node.takeaway for node in scenario.nodes.values() if node.ending)
    assert scenario.content_note and scenario.learning_goals and scenario.summary


def paths_to_endings(scenario: Scenario) -> dict[str, list[int | None]]:
    """For each ending node, the shortest list of moves (choice index, or None
    for 'continue') that reaches it, found through the runtime alone."""
    found: dict[str, list[int | None]] = {}
    seen = set()
    queue = deque([[]])
    while queue:
        moves = queue.popleft()
        play = Playthrough(scenario)
        for move in moves:
            play.advance() if move is None else play.choose(move)
        key = (play.state.node, play.state.values)
        if key in seen:
            continue
        seen.add(key)
        if play.ended:
            found.setdefault(play.state.node, moves)
        elif play.view().can_continue:
            queue.append([*moves, None])
        else:
            queue.extend([*moves, choice.index] for choice in play.visible_choices())
    return found


@pytest.mark.parametrize("stem", sorted(SCENARIOS))
def test_every_ending_plays_in_the_terminal(stem):
    scenario = SCENARIOS[stem]
    paths = paths_to_endings(scenario)
    assert set(paths) == {n.id for n in scenario.nodes.values() if n.ending}
    for ending, moves in paths.items():
        script, play = ["start"], Playthrough(scenario)
        for move in moves:
            if move is None:
                script.append("")
                play.advance()
            else:
                visible = [c.index for c in play.visible_choices()]
                script += [str(visible.index(move) + 1), ""]
                play.choose(move)
        out = io.StringIO()
        status = main(["text", str(ROOT / "scenarios" / f"{stem}.yaml")], stdin=io.StringIO("\n".join(script) + "\n"), stdout=out)
        text = " ".join(out.getvalue().split())
        node = scenario.nodes[ending]
        assert status == 0
        label = {"safe": "A safe ending", "supported": "A supported ending", "learning": "A learning ending"}
        assert f"--- {label[node.ending]} ---" in text, (stem, ending)
        assert " ".join(node.takeaway.source.split()) in text


@pytest.mark.parametrize("stem", sorted(SCENARIOS))
def test_a_trusted_adult_is_told_on_some_path(stem):
    """Some play reaches an ending after a trusted adult (a caregiver or another
    adult who is not a stranger) has spoken in the story."""
    scenario = SCENARIOS[stem]
    trusted = {c.id for c in scenario.characters.values() if c.kind in TRUSTED_KINDS}
    assert trusted
    for moves in paths_to_endings(scenario).values():
        play = Playthrough(scenario)
        spoke = any(line.speaker in trusted for line in play.visible_lines())
        for move in moves:
            play.advance() if move is None else play.choose(move)
            spoke = spoke or any(line.speaker in trusted for line in play.visible_lines())
        if spoke:
            return
    pytest.fail(f"{stem}: no path to an ending where a trusted adult speaks")
