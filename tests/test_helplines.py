"""The help-lines data: it loads clean, covers the guide's countries, and the
terminal's "Need help?" shows it honestly."""

from __future__ import annotations

import io
from pathlib import Path

from game.console.helplines_view import show_helplines
from game.helplines import load_helplines

ROOT = Path(__file__).parents[1]
DATA = ROOT / "assets" / "help" / "helplines.yaml"
GUIDE_COUNTRIES = {"RO", "NL", "MT", "BO", "ES", "HR", "TH", "PH", "KH", "BD", "KE", "NP"}

ENTRY = """\
format: 1
kind: helplines
countries:
  XX:
    name: Testland
    entries:
      - name: Test line
        phone: "{phone}"
        purposes: [talk]
        source: tests
        checked: {checked}
        confidence: {confidence}
global:
  - name: Take It Down
    url: https://takeitdown.ncmec.org
    purposes: [image_removal]
    source: tests
    checked: 2026-11-28
    confidence: high
"""


def test_shipped_data_is_clean_and_covers_the_guide():
    directory, diagnostics = load_helplines(DATA)
    assert diagnostics == [] and directory is not None
    assert GUIDE_COUNTRIES <= set(directory.countries)
    assert any("image_removal" in e.purposes for e in directory.global_entries)
    for country in directory.countries.values():
        for entry in country.entries:
            assert entry.source and entry.checked and entry.confidence in ("high", "medium", "low")
            assert entry.phone or entry.url


def test_every_country_has_someone_to_talk_to_or_says_why_not():
    directory, _ = load_helplines(DATA)
    for country in directory.countries.values():
        assert any("talk" in e.purposes for e in country.entries) or country.note, country.name


def test_bad_entries_get_clear_messages(tmp_path):
    path = tmp_path / "helplines.yaml"
    path.write_text(ENTRY.format(phone="call us", checked="28/11/2026", confidence="sure"), encoding="utf-8")
    directory, diagnostics = load_helplines(path)
    assert directory is None
    assert {(d.code, d.loc.line) for d in diagnostics} >= {("E103", 8), ("E103", 11), ("E104", 12)}


def test_need_help_shows_country_then_everywhere_with_dates_and_confidence(tmp_path):
    path = tmp_path / "helplines.yaml"
    path.write_text(ENTRY.format(phone="116 111", checked="2026-11-28", confidence="low"), encoding="utf-8")
    directory, diagnostics = load_helplines(path)
    assert diagnostics == []
    out = io.StringIO()
    show_helplines(directory, "xx", out)
    text = out.getvalue()
    assert text.index("Test line") < text.index("Everywhere:") < text.index("Take It Down")
    assert "last checked 2026-11-28, not confirmed: please double-check" in text
    out = io.StringIO()
    show_helplines(directory, "ZZ", out)
    assert "no checked help lines for that country" in out.getvalue() and "Take It Down" in out.getvalue()
