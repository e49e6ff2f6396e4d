"""The play flow, driven like a family would: map, primer, content note,
story, feedback, talk, pause, ending; by mouse, by keyboard, after a restart,
at every supported window size and at the largest text size.

The fixture story (tests/fixtures/new_friend.yaml) and the real caregiver
primer are used, so these tests do not depend on the shipped stories' texts.
"""

from __future__ import annotations

import json

import pygame
import pytest
from app_driver import (
    Driver,
    click_at,
    key,
    offscreen_widgets,
    overlapping_widgets,
    text_off_screen,
    text_outside_widgets,
    text_under_widgets,
)

from game.ui.scenes import flow

TITLE = "A new friend in the game"


def story_of(d: Driver):
    """The StoryScene, even under a card or the pause menu."""
    return next(scene for scene in reversed(d.app.stack) if scene.name == "story")


def progress_file(d: Driver) -> dict:
    return json.loads(d.store.path("progress").read_text(encoding="utf-8"))["progress"]


def to_story(d: Driver) -> None:
    """From the map to the first line of the story, by mouse."""
    d.click("story:new_friend")
    while d.scene == "primer":
        d.click("done" if "done" in d.ids() else "next")
    assert d.scene == "content_note"
    while "start" not in d.ids():
        d.click("next")
    d.click("start")
    assert d.scene == "story"


def reveal_all(d: Driver) -> None:
    while "next_line" in d.ids():
        d.click("next_line")


def talk_through(d: Driver) -> None:
    """Feedback card, then every page of the talk, by mouse."""
    assert d.scene == "feedback"
    d.click("go_on")
    assert d.scene == "discussion"
    while d.scene == "discussion":
        d.click("go_on")


def choose(d: Driver, text: str) -> None:
    reveal_all(d)
    choice = next(w for w in d.top.widgets if w.id.startswith("choice:") and w.label == text)
    d.click(choice.id)
    talk_through(d)


# Map, primer, content note --------------------------------------------------------

def test_the_primer_comes_before_the_first_story_only(tmp_path):
    d = Driver(tmp_path)
    assert d.scene == "story_map"
    d.click("story:new_friend")
    assert d.scene == "primer"
    pages = 1
    while "done" not in d.ids():
        d.click("next")
        pages += 1
    assert pages >= 2
    assert not d.store.load_settings().primer_seen
    d.click("done")
    assert d.scene == "content_note"
    assert d.store.load_settings().primer_seen  # saved, not only in memory

    d.click("back")  # the content note's Back returns to the map
    assert d.scene == "story_map"
    d.click("story:new_friend")
    assert d.scene == "content_note"  # no primer the second time

    again = Driver(tmp_path, store=d.store)  # nor after a restart
    again.click("story:new_friend")
    assert again.scene == "content_note"


def test_the_primer_can_be_read_again_from_the_map_and_its_back_button_pages_back(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    d.click("primer")
    assert d.scene == "primer"
    assert "back" not in d.ids()
    d.click("next")
    assert d.top.page == 1
    d.press(pygame.K_ESCAPE)
    assert d.top.page == 0
    while "done" not in d.ids():
        d.click("next")
    d.click("done")
    assert d.scene == "story_map"


def test_the_content_note_starts_the_story(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    d.click("story:new_friend")
    assert d.scene == "content_note"
    d.ui.text.reset_record()
    d.app.render()
    drawn = " ".join(d.ui.text.drawn)
    assert "For the adult" in drawn and "Nothing graphic is shown." in drawn
    d.click("start")
    assert d.scene == "story"
    assert story_of(d).play.state.node == "intro"
    assert d.app.stack == [d.top]  # the map is not kept under the story
    assert progress_file(d)["stories"]["new_friend"]["played"] == 1


# The story -------------------------------------------------------------------------

def test_lines_are_revealed_with_enter_space_and_a_click_in_the_log(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    story = story_of(d)
    assert len(story.view.lines) == 2
    start = story.revealed
    assert start <= 1
    assert d.focused_id() == "next_line"
    d.press(pygame.K_RETURN)
    assert story.revealed == start + 1
    if not story.all_revealed:
        d.press(pygame.K_SPACE)
    assert story.all_revealed
    assert [w.id for w in d.top.widgets if w.id.startswith("choice:")] == ["choice:0", "choice:1"]

    d.press(pygame.K_1)  # Tell Sam her age and school: the next node has three lines
    talk_through(d)
    assert story.play.state.node == "asks_secret"
    assert len(story.view.lines) == 3
    assert story.revealed == 1
    spot = story.log_area.center
    assert d.top.widget_at(spot) is None
    d.click_pos(spot)
    assert story.revealed == 2
    d.press(pygame.K_SPACE)
    assert story.revealed == 3
    d.click_pos(spot)  # nothing left to reveal: a click in the log does nothing
    assert story.revealed == 3 and d.scene == "story"


def test_number_keys_choose_only_when_the_choices_are_shown(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    story = story_of(d)
    d.press(pygame.K_2)  # the choices are not on screen yet
    assert d.scene == "story" and story.play.state.node == "intro"
    reveal_all(d)
    d.press(pygame.K_3)  # there is no third choice
    assert d.scene == "story" and story.play.state.node == "intro"
    d.press(pygame.K_2)
    assert d.scene == "feedback"
    assert d.top.choice.text.source == "Say thanks, and keep her details private"
    assert story.play.state.node == "asks_secret"
    assert progress_file(d)["autosave"]["play"]["node"] == "asks_secret"  # saved at once


def test_feedback_then_the_talk_then_the_chosen_node(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    reveal_all(d)
    d.click("choice:0")
    assert d.scene == "feedback"
    d.ui.text.reset_record()
    d.app.render()
    drawn = " ".join(d.ui.text.drawn)
    assert "Tell Sam her age and school" in drawn
    assert "That is a lot to know" in drawn
    d.press(pygame.K_ESCAPE)  # Esc on the feedback goes on to the talk
    assert d.scene == "discussion"
    d.ui.text.reset_record()
    d.app.render()
    drawn = " ".join(d.ui.text.drawn)
    assert "For the child" in drawn and "For the grown-up" in drawn
    assert "Why might someone want to know which school you go to?" in drawn
    d.press(pygame.K_ESCAPE)  # the talk is the point: Esc does not skip it
    assert d.scene == "discussion"
    assert d.widget("go_on").label == "We talked about it"
    d.click("go_on")
    assert d.scene == "story"
    story = story_of(d)
    assert story.play.state.node == "asks_secret"
    assert story.play.values == {"shared_school": True, "trust": 1}


def test_the_talk_uses_the_players_names(tmp_path):
    d = Driver(tmp_path, primer_seen=True, child_name="Ana", caregiver_name="Sam")
    to_story(d)
    reveal_all(d)
    assert d.widget("choice:0").badge_text == "Ana decides"
    d.click("choice:0")
    d.click("go_on")
    d.ui.text.reset_record()
    d.app.render()
    drawn = " ".join(d.ui.text.drawn)
    assert "For Ana" in drawn and "For Sam" in drawn


def test_backspace_and_go_back_undo_a_choice(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    story = story_of(d)
    assert "undo" not in d.ids()  # nothing to undo at the start
    choose(d, "Tell Sam her age and school")
    assert story.play.state.node == "asks_secret"

    d.press(pygame.K_BACKSPACE)
    assert story.play.state.node == "intro"
    assert story.play.values == {"shared_school": False, "trust": 0}
    assert story.all_revealed and "choice:0" in d.ids()  # back at the choice, not at the first line
    assert progress_file(d)["autosave"]["play"]["node"] == "intro"

    choose(d, "Say thanks, and keep her details private")
    assert story.play.state.node == "asks_secret"
    d.click("undo")
    assert story.play.state.node == "intro"
    assert "undo" not in d.ids()

    choose(d, "Tell Sam her age and school")
    d.press(pygame.K_ESCAPE)
    d.click("undo")  # the pause menu's "Go back one step"
    assert d.scene == "story" and story.play.state.node == "intro"


def test_escape_opens_the_pause_menu_and_closes_it(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    d.press(pygame.K_ESCAPE)
    assert d.scene == "pause"
    assert d.focused_id() == "resume"
    assert "undo" not in d.ids()
    d.press(pygame.K_ESCAPE)
    assert d.scene == "story"
    d.press(pygame.K_ESCAPE)
    d.click("resume")
    assert d.scene == "story"
    d.click("menu")  # the Menu button opens the same pause menu
    assert d.scene == "pause"


def test_stop_here_then_continue_after_a_restart_at_the_same_place(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    choose(d, "Tell Sam her age and school")
    reveal_all(d)
    d.press(pygame.K_ESCAPE)
    d.click("leave")
    assert d.scene == "story_map"
    assert len(d.app.stack) == 1
    assert d.widget("continue").label == f"Continue: {TITLE}"
    assert d.focused_id() == "continue"
    saved = progress_file(d)["autosave"]
    assert saved["scenario"] == "new_friend" and saved["play"]["node"] == "asks_secret"

    # Quitting the game and starting it again: a new App on the same folder.
    d.app.quit()
    again = Driver(tmp_path, store=type(d.store)(tmp_path))
    assert again.scene == "story_map"
    assert again.widget("continue").label == f"Continue: {TITLE}"
    again.click("continue")
    assert again.scene == "story"
    story = story_of(again)
    assert story.play.state.node == "asks_secret"
    assert story.play.values == {"shared_school": True, "trust": 1}
    assert story.all_revealed  # the lines already read are shown at once
    assert story.play.can_undo  # undo works after resuming too
    assert again.ui.progress.stories["new_friend"].played == 1  # resuming is not a new play


def test_a_save_that_no_longer_fits_the_story_starts_it_again(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    d.ui.progress.autosave = {"scenario": "new_friend", "saved_at": 0,
                              "play": {"save_format": 1, "scenario": "new_friend", "node": "gone",
                                       "values": {}, "history": [["nowhere", 0]]}}
    d.ui.save_progress()
    again = Driver(tmp_path, store=type(d.store)(tmp_path))
    again.click("continue")
    assert again.scene == "story"
    assert story_of(again).play.state.node == "intro"


def test_finishing_records_the_ending_and_clears_the_autosave(tmp_path, monkeypatch):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    choose(d, "Say thanks, and keep her details private")
    choose(d, "Tell Gran about the chat")
    reveal_all(d)
    d.click("continue")
    assert story_of(d).play.state.node == "gran_helps"
    reveal_all(d)
    d.click("finish")
    assert d.scene == "ending"
    assert d.app.stack == [d.top]

    record = progress_file(d)
    assert record["autosave"] is None
    assert record["stories"]["new_friend"] == {"played": 1, "finished": 1, "endings": ["gran_helps"]}
    d.ui.text.reset_record()
    d.app.render()
    drawn = " ".join(d.ui.text.drawn)
    assert "A supported ending" in drawn
    assert "It is never too late to tell someone you trust." in drawn
    assert "Tell Gran about the chat" in drawn  # the path the family took

    opened = []
    monkeypatch.setattr(flow, "open_agreement", lambda ui, scenario=None: opened.append(scenario))
    d.click("agreement")
    assert opened == [d.ui.content.story("new_friend")]
    assert d.widget("map").label == "Choose another story"
    d.click("map")
    assert d.scene == "story_map"
    assert "continue" not in d.ids()


def test_the_map_marks_played_and_finished_stories(tmp_path):
    d = Driver(tmp_path, primer_seen=True)

    def marks() -> str:
        d.ui.text.reset_record()
        d.app.render()
        return " ".join(d.ui.text.drawn)

    assert "Played" not in marks() and "Finished" not in marks()
    to_story(d)
    d.press(pygame.K_ESCAPE)
    d.click("leave")
    assert "Played" in marks() and "Finished" not in marks()

    d.click("continue")
    choose(d, "Say thanks, and keep her details private")
    choose(d, "Keep chatting with Sam")
    choose(d, "Report Sam in the game")  # only shown because trust >= 1
    reveal_all(d)
    d.click("finish")
    d.click("map")
    assert "Finished" in marks()
    assert d.ui.progress.stories["new_friend"].endings == ["reported"]


# Keyboard only, mouse only -----------------------------------------------------------------

def test_a_whole_story_with_the_keyboard_only(tmp_path, monkeypatch):
    d = Driver(tmp_path)
    sent: list[pygame.event.Event] = []
    original = d.app.process

    def process(event):
        sent.append(event)
        original(event)

    monkeypatch.setattr(d.app, "process", process)

    d.press(pygame.K_RETURN)  # the first story card has the focus
    assert d.scene == "primer"
    while d.scene == "primer":
        d.press(pygame.K_RETURN)  # "Next", then "Let's choose a story"
    assert d.scene == "content_note"
    assert d.focused_id() == "start"
    d.press(pygame.K_SPACE)
    assert d.scene == "story"
    story = story_of(d)
    while not story.all_revealed:
        d.press(pygame.K_RETURN)
    d.press(pygame.K_DOWN)  # arrows move between the choices
    assert d.focused_id() == "choice:1"
    d.press(pygame.K_UP)
    assert d.focused_id() == "choice:0"
    d.tab_to("choice:1")
    d.press(pygame.K_RETURN)  # Say thanks, and keep her details private
    assert d.scene == "feedback"
    d.press(pygame.K_RETURN)
    assert d.scene == "discussion"
    while d.scene == "discussion":
        d.press(pygame.K_RETURN)
    assert story.play.state.node == "asks_secret"
    while not story.all_revealed:
        d.press(pygame.K_SPACE)
    d.press(pygame.K_2)  # Keep chatting with Sam
    d.press(pygame.K_RETURN)
    while d.scene == "discussion":
        d.press(pygame.K_RETURN)
    assert story.play.state.node == "wants_private"
    while not story.all_revealed:
        d.press(pygame.K_RETURN)
    d.press(pygame.K_BACKSPACE)  # change our mind once
    assert story.play.state.node == "asks_secret"
    d.press(pygame.K_1)  # Tell Gran about the chat
    d.press(pygame.K_RETURN)
    while d.scene == "discussion":
        d.press(pygame.K_RETURN)
    assert story.play.state.node == "told_gran"
    while not story.all_revealed:
        d.press(pygame.K_RETURN)
    d.activate_with_keys("continue")
    assert story.play.state.node == "gran_helps"
    while not story.all_revealed:
        d.press(pygame.K_RETURN)
    d.activate_with_keys("finish")
    assert d.scene == "ending"
    assert d.focused_id() == "map"
    d.press(pygame.K_RETURN)
    assert d.scene == "story_map"
    assert d.ui.progress.stories["new_friend"].finished == 1
    assert sent and all(event.type == pygame.KEYDOWN for event in sent)


def test_a_whole_story_with_the_mouse_only(tmp_path, monkeypatch):
    d = Driver(tmp_path)
    sent: list[pygame.event.Event] = []
    original = d.app.process

    def process(event):
        sent.append(event)
        original(event)

    monkeypatch.setattr(d.app, "process", process)

    to_story(d)
    choose(d, "Tell Sam her age and school")
    choose(d, "Keep chatting with Sam")
    choose(d, "Block Sam and tell Gran")
    reveal_all(d)
    d.click("continue")
    reveal_all(d)
    d.click("finish")
    assert d.scene == "ending"
    d.click("map")
    assert d.scene == "story_map"
    record = d.ui.progress.stories["new_friend"]
    assert (record.played, record.finished, record.endings) == (1, 1, ["gran_helps"])
    assert sent and all(event.type == pygame.MOUSEBUTTONUP for event in sent)


# Every screen, every size ------------------------------------------------------------------

def tour(d: Driver, check) -> None:
    """Visit every screen of the flow (every page of the paged ones), calling
    `check(name)` on each after it is drawn."""
    def visit(name: str) -> None:
        d.ui.text.reset_record()
        d.app.render()
        check(name)

    visit("map")
    d.click("story:new_friend")
    page = 0
    while d.scene == "primer":
        visit(f"primer {page}")
        d.click("done" if "done" in d.ids() else "next")
        page += 1
    page = 0
    while "start" not in d.ids():
        visit(f"content note {page}")
        d.click("next")
        page += 1
    visit(f"content note {page}")
    d.click("start")
    story = story_of(d)

    def play(choice_text: str | None) -> None:
        node = story.play.state.node
        visit(f"{node}, {story.revealed} lines")
        while not story.all_revealed:
            d.click("next_line")
            visit(f"{node}, {story.revealed} lines")
        if choice_text is None:
            return
        choice = next(w for w in d.top.widgets if w.id.startswith("choice:") and w.label == choice_text)
        d.click(choice.id)
        page = 0
        while d.scene == "feedback":  # a long feedback is paged at large text sizes
            visit(f"feedback at {node}, page {page}")
            d.click("go_on")
            page += 1
        page = 0
        while d.scene == "discussion":
            visit(f"discussion at {node}, page {page}")
            d.click("go_on")
            page += 1

    play("Tell Sam her age and school")
    d.click("menu")
    visit("pause")
    d.click("resume")
    d.press(pygame.K_ESCAPE)
    d.click("leave")
    visit("map with continue")
    d.click("continue")
    story = story_of(d)
    play("Keep chatting with Sam")
    play("Block Sam and tell Gran")
    play(None)
    d.click("continue")
    play(None)
    d.click("finish")
    pages = len(d.top.pages)
    for page in range(pages):
        visit(f"ending {page}")
        if page < pages - 1:
            d.click("more")
    d.click("map")
    visit("map after the story")


LAYOUTS = [((1024, 600), 100), ((1280, 720), 100), ((1920, 1080), 100), ((1024, 600), 200)]

# Problems in game/ found by these checks and not fixed yet, as (check, screen).
KNOWN_PROBLEMS: tuple = ()


def screen_problems(d: Driver, name: str, size) -> list[tuple[str, str, object]]:
    """Everything wrong with the screen on top, as (check, screen, details)."""
    scene, theme = d.top, d.ui.theme
    found = [
        ("text overflows", name, list(d.ui.text.overflows)),
        ("widgets overlap", name, overlapping_widgets(scene)),
        ("widgets outside the window", name, offscreen_widgets(scene, size)),
        ("click targets too small", name, [w.id for w in scene.widgets if min(w.rect.size) < min(44, theme.button_height)]),
        ("text outside the window", name, text_off_screen(d.app)),
        ("text under widgets", name, text_under_widgets(scene)),
        ("text outside its widget", name, text_outside_widgets(scene)),
    ]
    return [problem for problem in found if problem[2]]


def is_known(problem) -> bool:
    return any(problem[0] == check and problem[1].startswith(screen) for check, screen in KNOWN_PROBLEMS)


@pytest.mark.parametrize(("size", "text_scale"), LAYOUTS,
                         ids=["1024x600", "1280x720", "1920x1080", "1024x600-text200"])
def test_no_screen_overflows_overlaps_or_leaves_the_window(tmp_path, size, text_scale):
    d = Driver(tmp_path, size=size, text_scale=text_scale, child_name="Alexandrina", caregiver_name="Grandmother")
    assert d.app.screen.get_size() == size
    problems: list = []
    screens: list[str] = []

    def check(name: str) -> None:
        screens.append(name)
        problems.extend(screen_problems(d, name, size))

    tour(d, check)
    assert len(screens) >= 20
    assert [p for p in problems if not is_known(p)] == []


def problems_at_large_text(tmp_path, check: str, screen: str) -> list:
    d = Driver(tmp_path, size=(1024, 600), text_scale=200, child_name="Alexandrina", caregiver_name="Grandmother")
    problems: list = []
    tour(d, lambda name: problems.extend(screen_problems(d, name, (1024, 600))))
    return [p for p in problems if p[0] == check and p[1].startswith(screen)]


def test_a_primer_paragraph_longer_than_a_page_stays_inside_the_panel(tmp_path):
    assert problems_at_large_text(tmp_path, "text under widgets", "primer ") == []


def test_long_feedback_stays_clear_of_the_button(tmp_path):
    assert problems_at_large_text(tmp_path, "text under widgets", "feedback at ") == []


def test_story_cards_hold_their_marks_at_large_text(tmp_path):
    assert problems_at_large_text(tmp_path, "text outside its widget", "map") == []


def test_the_layout_checks_find_problems():
    """The helpers above must be able to fail."""
    from game.ui.widgets import Button

    class Fake:
        def __init__(self):
            self.widgets = [Button("a", pygame.Rect(0, 0, 100, 60)), Button("b", pygame.Rect(90, 10, 100, 60)),
                            Button("c", pygame.Rect(300, 0, 100, 60))]

        def ensure_built(self):
            pass

    assert overlapping_widgets(Fake()) == [("a", "b")]
    assert offscreen_widgets(Fake(), (350, 100)) == ["c"]


def test_resizing_mid_story_keeps_the_place_and_a_clean_layout(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    choose(d, "Tell Sam her age and school")
    d.click("next_line")
    story = story_of(d)
    revealed = story.revealed

    for size in [(1024, 600), (1920, 1080), (1100, 900), (1600, 620), (1280, 720)]:
        d.resize(size)
        assert d.app.screen.get_size() == size
        assert d.ui.theme.width == size[0] and d.ui.theme.height == size[1]
        assert d.top is story and story.revealed == revealed
        d.ui.text.reset_record()
        d.app.render()
        assert d.ui.text.overflows == [], size
        assert overlapping_widgets(d.top) == [], size
        assert offscreen_widgets(d.top, size) == [], size

    reveal_all(d)
    d.press(pygame.K_2)  # the story goes on after resizing
    d.resize((1024, 600))  # and a card follows the window too
    assert d.scene == "feedback"
    card = d.top.card
    assert pygame.Rect(0, 0, 1024, 600).contains(card)
    assert overlapping_widgets(d.top) == []
    d.resize((1920, 1080))
    assert d.top.card != card and pygame.Rect(0, 0, 1920, 1080).contains(d.top.card)
    d.click("go_on")
    d.press(pygame.K_ESCAPE)
    d.click("go_on")
    assert d.scene == "story" and story.play.state.node == "wants_private"


def test_the_app_resize_call_alone_relays_out_the_scene(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    before = d.widget("next_line").rect.copy()
    d.app.resized((1920, 1080))
    d.app.step([])
    assert d.widget("next_line").rect != before
    assert overlapping_widgets(d.top) == []


def test_a_click_outside_every_widget_does_nothing_on_the_cards(tmp_path):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    reveal_all(d)
    d.click("choice:0")
    d.step(click_at((2, d.app.screen.get_height() - 2)))
    assert d.scene == "feedback"
    d.step(key(pygame.K_a))
    assert d.scene == "feedback"


def test_a_disk_that_refuses_writes_does_not_stop_the_story(tmp_path, monkeypatch):
    d = Driver(tmp_path, primer_seen=True)
    to_story(d)
    reveal_all(d)

    def read_only(*args):
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(d.store, "_save", read_only)
    d.click("choice:0")
    assert d.scene == "feedback"
