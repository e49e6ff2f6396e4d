"""Guides (the caregiver primer) and the content dispatcher."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import EXAMPLE

from game.console.library import load_library, play_library
from game.content import check_content_file
from game.story import check_file

ROOT = Path(__file__).parents[1]
PRIMER = ROOT / "scenarios" / "caregiver_primer.yaml"

GUIDE = """\
format: 1
kind: guide
id: guide
audience: facilitator
title: A guide
sections:
  - heading: First
    text: One paragraph.
  - heading: Second
    text: [Para one., Para two.]
    points: [A point., Another point.]
"""


def test_primer_is_a_valid_guide_covering_what_the_issue_asks():
    report = check_file(PRIMER)
    assert report.ok and report.diagnostics == [] and report.scenario is None
    guide = report.guide
    assert guide.id == "caregiver_primer" and guide.audience == "caregiver"
    words = " ".join(t.source for t in guide.texts()).lower()
    for promise in ("stay calm", "believe", "thank", "do not punish", "not their fault", "need help?"):
        assert promise in words, promise


def test_guide_texts_in_order(tmp_path):
    path = tmp_path / "guide.yaml"
    path.write_text(GUIDE, encoding="utf-8")
    report = check_file(path)
    assert report.diagnostics == []
    assert [t.source for t in report.guide.texts()] == [
        "A guide", "First", "One paragraph.", "Second", "Para one.", "Para two.", "A point.", "Another point."]


def test_guide_problems_are_reported(tmp_path):
    path = tmp_path / "guide.yaml"
    path.write_text(GUIDE.replace("  - heading: First\n    text: One paragraph.\n", "  - text: No heading {child_name}\n")
                    .replace("audience: facilitator", "audience: teachers"), encoding="utf-8")
    found = {(d.code, d.loc.line) for d in check_file(path).diagnostics}
    assert ("E104", 4) in found   # audience
    assert ("E102", 7) in found   # heading missing
    assert ("E402", 7) in found   # no placeholders in guides


def test_unknown_kind_is_reported(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("format: 1\n", "format: 1\nkind: scenaro\n")
                    .replace("id: new_friend", "id: story"), encoding="utf-8")
    (diagnostic,) = [d for d in check_content_file(path).diagnostics if d.is_error]
    assert diagnostic.code == "E104" and diagnostic.hint == "did you mean 'scenario'?"


def test_library_offers_the_primer_and_never_lists_guides_as_stories(tmp_path):
    shutil.copy(EXAMPLE, tmp_path)
    shutil.copy(PRIMER, tmp_path)
    stories, broken, primer = load_library(tmp_path)
    assert [s.id for s in stories] == ["new_friend"] and broken == [] and primer.id == "caregiver_primer"
    out = io.StringIO()
    play_library(tmp_path, io.StringIO("0\nq\n"), out)
    assert "0) Before you play together\n     For the adult\n" in out.getvalue()
    assert "If your child tells you something" in out.getvalue()


def test_the_language_table_agrees_with_babel():
    """game/i18n keeps a table of language names so that Babel's data is not
    loaded at every start; it must say what Babel says."""
    from babel import Locale

    from game.i18n.translator import KNOWN

    for code, (name, english, rtl) in KNOWN.items():
        locale = Locale.parse(code)
        own = locale.get_display_name(locale)
        assert name == own[:1].upper() + own[1:]
        assert english == locale.get_display_name("en")
        assert rtl == (locale.character_order == "right-to-left")
