"""Translations: the extractor, catalogs read straight from .po files,
fallback to English, the translators' commands and the pseudo-locale."""

from __future__ import annotations

import io
import textwrap
from importlib.metadata import entry_points

from conftest import EXAMPLE, MINIMAL

from game.i18n import tools
from game.i18n.catalogs import load_translator, pseudo
from game.i18n.extract import extract_scenarios
from game.i18n.translator import available_languages


def extract_bytes(text: str, name: str = "story.yaml") -> list[tuple]:
    stream = io.BytesIO(text.encode("utf-8"))
    stream.name = name
    return list(extract_scenarios(stream, {}, [], {}))


def test_extractor_bytes_in_tuples_out():
    found = extract_bytes(MINIMAL)
    assert found[0][:3] == (4, "pgettext", ("story", "A test story"))
    assert "Story title" in found[0][3][0]
    hello = next(item for item in found if item[2][1] == "Hello!")
    assert hello[0] == MINIMAL.splitlines().index("        text: Hello!") + 1 and hello[2][0] == "story"
    assert any("Ana (child) says out loud" in comment for comment in hello[3])
    tell = next(item for item in found if item[2][1] == "Tell")
    assert "A choice button" in tell[3][0]


def test_extractor_comments_carry_notes_and_placeholders():
    found = extract_bytes(EXAMPLE.read_text(encoding="utf-8"), "new_friend.yaml")
    slang = next(item for item in found if item[2][1].startswith("hey ur builds"))
    assert any(c.startswith("Author's note: Online slang") for c in slang[3])
    assert any("as a chat message" in c for c in slang[3])
    prompt = next(item for item in found if "{child_name}" in item[2][1])
    assert any("Keep the placeholders {child_name}" in c for c in prompt[3])


def test_the_extractor_entry_point_is_registered():
    """Jinja and kajiki both once lost theirs in a packaging change."""
    points = {point.name: point.value for point in entry_points(group="babel.extractors")}
    assert points.get("together_online_yaml") == "game.i18n.extract:extract_scenarios"


def test_babel_finds_the_extractor_by_name():
    from babel.messages.extract import extract

    stream = io.BytesIO(MINIMAL.encode("utf-8"))
    stream.name = "story.yaml"
    messages = list(extract("together_online_yaml", stream))
    assert ("story", "A test story") == (messages[0][3], messages[0][1])


def test_extract_writes_the_help_lines_into_the_scenarios_template(tmp_path):
    from babel.messages.pofile import read_po

    tools.extract(tmp_path)
    with open(tmp_path / "scenarios.pot", "rb") as stream:
        template = list(read_po(stream))
    helplines = [m for m in template if m.context == "helplines"]
    assert helplines and all(path == "assets/help/helplines.yaml" for m in helplines for path, _ in m.locations)
    assert all(path.startswith("scenarios/") for m in template if m.id and m.context != "helplines"
               for path, _ in m.locations)
    with open(tmp_path / "ui.pot", "rb") as stream:
        assert not any(m.context == "helplines" for m in read_po(stream))


def write_po(folder, lang: str, entries: str, domain: str = "ui") -> None:
    path = folder / lang / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = textwrap.dedent(f'''\
        msgid ""
        msgstr ""
        "Language: {lang}\\n"
        "Content-Type: text/plain; charset=utf-8\\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"
        "X-Review-Status: draft\\n"

        ''')
    path.write_text(header + textwrap.dedent(entries), encoding="utf-8")


def test_a_new_locale_folder_is_a_new_language_without_code_or_compile(tmp_path):
    write_po(tmp_path, "sw", '''\
        msgid "Need help?"
        msgstr "Unahitaji msaada?"

        #, fuzzy
        msgid "Settings"
        msgstr "Mipangilio ya zamani"

        msgid "About {n} minute"
        msgid_plural "About {n} minutes"
        msgstr[0] "Dakika {n} hivi"
        msgstr[1] "Takriban dakika {n}"
        ''')
    write_po(tmp_path, "sw", '''\
        msgctxt "story"
        msgid "A test story"
        msgstr "Hadithi ya majaribio"
        ''', "scenarios")
    codes = {language.code: language for language in available_languages(tmp_path)}
    assert "sw" in codes and codes["sw"].name == "Kiswahili" and codes["sw"].draft
    tr = load_translator("sw", tmp_path)
    assert tr.problems == []
    assert tr._("Need help?") == "Unahitaji msaada?"
    assert tr._("Settings") == "Settings"  # fuzzy (stale): English until checked
    assert tr._("Never translated") == "Never translated"
    assert tr.ngettext("About {n} minute", "About {n} minutes", 3) == "Takriban dakika {n}"
    assert tr.scenario_text("story", "A test story") == "Hadithi ya majaribio"
    assert tr.scenario_text("other_story", "A test story") == "A test story"  # msgctxt matters


def test_a_broken_catalog_is_reported_and_english_is_shown(tmp_path):
    write_po(tmp_path, "sw", '''\
        msgid "Need help?"
        msgstr "Unahitaji msaada?"
        a line a translator typed by mistake

        msgid "Settings"
        msgstr "Mipangilio"
        ''')
    tr = load_translator("sw", tmp_path)
    assert tr.problems and "ui.po" in tr.problems[0] and "line 10" in tr.problems[0] and "English" in tr.problems[0]
    assert tr._("Need help?") == "Need help?"
    problems = tools.check(tmp_path, "sw")
    assert problems and problems[0].kind == "syntax" and problems[0].line == 10


def test_status_and_check_find_missing_stale_and_placeholders(tmp_path):
    (tmp_path / "ui.pot").write_text(textwrap.dedent('''\
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=utf-8\\n"

        msgid "For {name}"
        msgstr ""

        msgid "Settings"
        msgstr ""

        msgid "Back"
        msgstr ""
        '''), encoding="utf-8")
    (tmp_path / "scenarios.pot").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n',
                                            encoding="utf-8")
    write_po(tmp_path, "sw", '''\
        msgid "For {name}"
        msgstr "Kwa ajili ya"

        #, fuzzy
        msgid "Settings"
        msgstr "Mipangilio"
        ''')
    counts = tools.counts(tmp_path, "sw", "ui")
    assert (counts.translated, counts.fuzzy, counts.missing) == (1, 1, 1)
    kinds = {problem.kind for problem in tools.check(tmp_path, "sw")}
    assert {"field", "stale"} <= kinds


def test_pseudo_locale_is_longer_accented_bracketed_and_keeps_fields():
    text = "Hello {child_name}, choose a story"
    shown = pseudo(text)
    assert shown.startswith("[") and shown.endswith("]") and "{child_name}" in shown
    assert len(shown) >= len(text) * 1.35
    assert "ö" in shown or "é" in shown
    tr = load_translator("en-XA", tmp_path_unused := None)  # noqa: F841 - no folder needed
    assert tr._("Settings") == pseudo("Settings")


def test_shipped_catalogs_are_sound():
    """The catalogs in locale/ read cleanly and keep every placeholder."""
    from game.paths import LOCALE_DIR

    for lang in tools.languages_in(LOCALE_DIR):
        serious = [p for p in tools.check(LOCALE_DIR, lang) if p.kind in ("syntax", "placeholder", "field")]
        assert serious == [], lang


def test_every_shipped_translation_says_whether_it_was_reviewed():
    """Drafts must say so (header, picker, locale/STATUS.md)."""
    from game.paths import LOCALE_DIR

    status = (LOCALE_DIR / "STATUS.md").read_text(encoding="utf-8")
    for lang in tools.languages_in(LOCALE_DIR):
        for domain in tools.DOMAINS:
            head = tools.catalog_path(LOCALE_DIR, lang, domain).read_text(encoding="utf-8")[:3000]
            assert "X-Review-Status: " in head, (lang, domain)
        assert f"| {lang} |" in status, lang


def test_check_finds_numbers_that_would_show_reversed_in_right_to_left_text(tmp_path):
    from game.i18n.tools import check

    folder = tmp_path / "locale" / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "ui.po").write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\nmsgid "Call 116 111"\nmsgstr "اتصل بالرقم 116 111"\n\n'
                                  'msgid "Or 116 000"\nmsgstr "أو 116\u00a0000"\n', encoding="utf-8")
    problems = check(tmp_path / "locale", "ar")
    assert [problem.kind for problem in problems] == ["number"]
    assert problems[0].line == 5  # the entry's msgid line, like every other check
