"""The terminal player in the player's language: stories, prompts, help lines,
the language chosen on the command line or in the game, and wrapping Thai and
Khmer, which put no spaces between words, at terminal-cell widths."""

from __future__ import annotations

import textwrap

import pytest
from conftest import EXAMPLE
from conftest import run_cli as run

from game.console.library import load_library
from game.console.wrapping import cell_width, wrap
from game.helplines import in_language, load_helplines
from game.i18n.catalogs import load_translator
from game.paths import HELPLINES_FILE, LOCALE_DIR, SCENARIOS_DIR
from game.story import Playthrough


@pytest.fixture(autouse=True)
def no_saved_settings(monkeypatch, tmp_path):
    """Nothing from the developer's own saved settings (a language) reaches these tests."""
    monkeypatch.setenv("TOGETHER_ONLINE_DATA_DIR", str(tmp_path / "data"))


def unwrapped(text: str) -> str:
    """`text` without any white space: Thai and Khmer lines break where there was no space."""
    return "".join(text.split())


def first_story():
    stories, _broken, _primer = load_library(SCENARIOS_DIR, check_play=False)
    return stories[0]


@pytest.mark.parametrize("lang", ["th", "km", "ar", "bn", "es"])
def test_a_story_plays_in_the_language_asked_for(lang):
    story = first_story()
    tr = load_translator(lang, LOCALE_DIR)
    status, out = run(["text", story.id, "--lang", lang], "\n")  # start, then the input ends
    assert status == 0
    title = tr.scenario_text(story.id, story.title.source)
    assert title != story.title.source and title in out
    prompt = tr._("Press Enter to start (q to quit)")
    assert prompt != "Press Enter to start (q to quit)" and prompt in out
    shown = unwrapped(out)
    lines = Playthrough(story).view().lines
    translated = [line.text.source for line in lines
                  if tr.scenario_text(story.id, line.text.source) != line.text.source]
    assert translated, "the first step has lines in the catalog"
    for source in translated:
        assert unwrapped(tr.scenario_text(story.id, source)) in shown
        assert unwrapped(source) not in shown
    assert "Enter = continue" not in out and "Choose 1-" not in out and "Stopped" not in out


def test_the_thai_player_speaks_thai_all_the_way_through():
    status, out = run(["text", str(EXAMPLE), "--lang", "th"], "\n2\n\n1\n\n\n")
    tr = load_translator("th", LOCALE_DIR)
    assert status == 0
    assert tr._("Talk about it") in out and tr._("For the grown-up") in out and tr._("A supported ending") in out
    assert tr._("Decide together") in out
    for english in ("Press Enter", "Talk about it", "For the grown-up", "Choose 1-", "Enter when you have talked",
                    "Your path", "To remember"):
        assert english not in out


def test_help_lines_in_arabic_say_who_each_service_is_for_in_arabic():
    directory, _ = load_helplines(HELPLINES_FILE)
    tr = load_translator("ar", LOCALE_DIR)
    code, country = next((code, c) for code, c in sorted(directory.countries.items())
                         if any(in_language(tr, e.audience) != e.audience for e in c.entries if e.audience))
    status, out = run(["play", "--terminal", "--lang", "ar"], f"h\n{code}\nq\n")
    assert status == 0
    shown = unwrapped(out)
    entry = next(e for e in country.entries if e.audience and in_language(tr, e.audience) != e.audience)
    assert unwrapped(tr._("For: {audience}").format(audience=in_language(tr, entry.audience))) in shown
    assert unwrapped(entry.audience) not in shown
    assert unwrapped(tr._("These work in every country")) in shown
    for phone in (e.phone for e in (*country.entries, *directory.global_entries) if e.phone and " " in e.phone):
        assert phone.replace(" ", "\u00a0") in out  # a number keeps its order in right-to-left text


def test_an_unknown_language_is_a_usage_error(capsys):
    assert run(["text", str(EXAMPLE), "--lang", "xx"])[0] == 2
    assert "no language 'xx'" in capsys.readouterr().err
    assert run(["play", "--terminal", "--lang", "xx"])[0] == 2
    assert "no language 'xx' (choose from en, " in capsys.readouterr().err


def test_terminal_play_uses_the_language_chosen_in_the_game_and_saves_nothing(tmp_path, monkeypatch):
    from game.settings import Settings, Store

    folder = tmp_path / "saved"
    monkeypatch.setenv("TOGETHER_ONLINE_DATA_DIR", str(folder))
    Store(folder).save_settings(Settings(language="th"))
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    status, out = run(["play", "--terminal"], "q\n")
    assert status == 0
    assert load_translator("th", LOCALE_DIR)._("Choose a story") in out and "Pick a story" not in out
    assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == before


def test_when_no_window_opens_the_terminal_plays_in_the_language_asked_for(monkeypatch, capsys):
    import pygame

    def no_video_device():
        raise pygame.error("No available video device")  # what SDL says over SSH

    monkeypatch.setattr(pygame.display, "init", no_video_device)
    status, out = run(["play", "--lang", "es"], "q\n")
    tr = load_translator("es", LOCALE_DIR)
    assert status == 0 and tr._("Choose a story") in out
    message = tr._("The game window could not open ({reason}), so the game plays here in the terminal.")
    assert message.format(reason="No available video device") in capsys.readouterr().err


# Wrapping ---------------------------------------------------------------------

THAI = ("ถ้ามีใครในเกมขอให้เก็บเป็นความลับหรือขอรูปของหนู ให้บอกผู้ใหญ่ที่ไว้ใจได้ทันทีนะ "
        "หนูไม่ได้ทำอะไรผิดเลย และผู้ใหญ่จะช่วยบล็อกและรายงานบัญชีนั้นด้วยกันกับหนู")


def assert_lines_are_the_text(lines: list[str], text: str, first: str = "", then: str = "") -> None:
    """Each line is the next piece of `text` (after its indent); only spaces at breaks are left out."""
    position = 0
    for number, line in enumerate(lines):
        indent = first if number == 0 else then
        assert line.startswith(indent)
        piece = line[len(indent):]
        assert text.startswith(piece, position), (line, text[position:])
        position += len(piece)
        while position < len(text) and text[position] == " ":
            position += 1
    assert position == len(text)


def test_cells_count_combining_marks_as_nothing_and_wide_characters_as_two():
    assert cell_width("ผู้ใหญ่") == 4  # two vowel and tone marks sit on their consonants
    assert cell_width("日本") == 4 and cell_width("abc") == 3 and cell_width("e\u0301") == 1


@pytest.mark.parametrize("width", [16, 24, 40, 78])
def test_thai_lines_fit_their_width_in_cells_and_lose_nothing(width):
    for first, then in (("", ""), ("  - ", "    ")):
        lines = wrap(THAI, width, first, then, "th")
        assert len(lines) > 1
        assert all(cell_width(line) <= width for line in lines)
        assert_lines_are_the_text(lines, THAI, first, then)


def test_every_translated_thai_and_khmer_line_of_a_story_wraps_within_the_width():
    story = first_story()
    for lang in ("th", "km"):
        tr = load_translator(lang, LOCALE_DIR)
        texts = [tr.scenario_text(story.id, line.text.source) for node in story.nodes.values() for line in node.lines]
        for text in texts:
            lines = wrap(text, 30, "  ", "  ", lang)
            assert all(cell_width(line) <= 30 for line in lines), lines
            assert_lines_are_the_text(lines, text, "  ", "  ")


def test_english_wraps_as_textwrap_does():
    text = ("Sam_2011 [chat]: hey ur builds are sick!! wanna join my private server? Long-wordy-hyphenated "
            "text and/or stuff, 24/7, okay.")
    for width in (20, 40, 78):
        assert wrap(text, width, "  ", "    ") == textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="    ")


def test_a_word_wider_than_the_line_is_cut_between_letters_with_their_marks():
    lines = wrap("ผู้ใหญ่ผู้ใหญ่ผู้ใหญ่", 3, language="th")  # each word takes 4 cells
    assert all(cell_width(line) <= 3 for line in lines) and len(lines) > 3
    assert "".join(lines) == "ผู้ใหญ่ผู้ใหญ่ผู้ใหญ่"
    assert not any(line[0] in "\u0e39\u0e49\u0e48" for line in lines)  # no line starts with a mark
