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
    assert text.index("Test line") < text.index("These work in every country") < text.index("Take It Down")
    assert "Last checked November 28, 2026. Not confirmed: please double-check." in " ".join(text.split())
    out = io.StringIO()
    show_helplines(directory, "YY", out)
    assert "We have no checked help lines for YY yet." in out.getvalue() and "Take It Down" in out.getvalue()


# Translating the help lines -------------------------------------------------------

TRANSLATABLE = """\
format: 1
kind: helplines
countries:
  XX:
    name: Testland
    note: A note for facilitators.
    entries:
      - name: Test line
        phone: "116"
        purposes: [talk]
        audience: children and young people
        hours: 24/7
        source: tests
        checked: 2026-11-28
        confidence: high
        note: Not shown to families, so not translated.
global:
  - name: Take It Down
    url: https://takeitdown.ncmec.org
    purposes: [image_removal]
    audience: children and young people
    source: tests
    checked: 2026-11-28
    confidence: high
"""


def extract_helplines(text: str) -> list[tuple]:
    from game.i18n.extract import extract_scenarios

    stream = io.BytesIO(text.encode("utf-8"))
    stream.name = "helplines.yaml"
    return list(extract_scenarios(stream, {}, [], {}))


def test_the_extractor_gives_audience_hours_and_the_country_note_with_context_and_comments():
    found = extract_helplines(TRANSLATABLE)
    lines = TRANSLATABLE.splitlines()
    note, audience, hours, everywhere = (lines.index(line) + 1 for line in (
        "    note: A note for facilitators.", "        audience: children and young people", "        hours: 24/7",
        "    audience: children and young people"))
    assert [(line, context, text) for line, _, (context, text), _ in found] == [
        (note, "helplines", "A note for facilitators."),
        (audience, "helplines", "children and young people"),
        (hours, "helplines", "24/7"),
        (everywhere, "helplines", "children and young people"),
    ]  # names, sources and an entry's own note are not for translating
    comments = {line: item_comments for line, _, _, item_comments in found}
    assert "Who the service is for: Test line; country: Testland (XX)." in comments[audience]
    assert "Who the service is for: Take It Down; it works in every country." in comments[everywhere]
    assert comments[audience][0] == comments[everywhere][0]  # one copy when Babel merges the two
    assert any("Open {hours}" in c and "keep every number" in c for c in comments[hours])
    assert "The note about Testland (XX)." in comments[note]


def test_babel_finds_the_help_lines_through_the_same_extractor_name():
    from babel.messages.extract import extract

    stream = io.BytesIO(TRANSLATABLE.encode("utf-8"))
    messages = list(extract("together_online_yaml", stream))
    assert ("helplines", "24/7") in {(m[3], m[1]) for m in messages}


def test_the_template_holds_every_help_line_text_once_with_all_its_lines():
    from babel.messages.pofile import read_po

    from game.helplines import CONTEXT, translatable_texts
    from game.paths import LOCALE_DIR

    directory, _ = load_helplines(DATA)
    wanted: dict[str, set[int]] = {}
    for text in translatable_texts(directory):
        wanted.setdefault(text.source, set()).add(text.loc.line)
    with open(LOCALE_DIR / "scenarios.pot", "rb") as stream:
        template = read_po(stream)
    found = {m.id: m for m in template if m.context == CONTEXT}
    assert set(found) == set(wanted), "run 'together-online i18n extract'"
    for source, lines in wanted.items():
        assert {(path, line) for path, line in found[source].locations} == \
            {("assets/help/helplines.yaml", line) for line in lines}, source
        assert found[source].auto_comments


def test_help_line_texts_are_translated_with_english_for_anything_missing(tmp_path):
    from game.helplines import in_language
    from game.i18n.catalogs import load_translator

    folder = tmp_path / "sw" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "scenarios.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgctxt "helplines"\nmsgid "children and young people"\nmsgstr "watoto na vijana"\n', encoding="utf-8")
    tr = load_translator("sw", tmp_path)
    assert in_language(tr, "children and young people") == "watoto na vijana"
    assert in_language(tr, "24/7") == "24/7"
    assert in_language(tr, None) is None
