"""Workshop mode: the anonymous record, and the room screens driven headlessly."""

from __future__ import annotations

import json

import pygame
import pytest
from app_driver import Driver, key

from game.cli import build_parser
from game.ui.scenes.workshop import start_workshop
from game.workshop.record import WorkshopRecord, saved_records

NICKNAMES = ("Mia", "Dad")


@pytest.fixture(autouse=True)
def exports_in_tmp(tmp_path, monkeypatch):
    """Exports go next to the data folder, never into the real documents folder."""
    monkeypatch.setenv("TOGETHER_ONLINE_DATA_DIR", str(tmp_path / "portable"))


def sample_record() -> WorkshopRecord:
    record = WorkshopRecord(language="th", discussion_minutes=5)
    record.start_story("new_friend", "A new friend in the game").ending = "safe"
    record.add_scene_time("new_friend", "intro", 12.34)
    point = record.add_choice("new_friend", "intro", ["Tell {child_name}", "Say, \"no\"; thanks"], [3, 5], 1,
                              scene_seconds=40.04)
    point.discussion_seconds = 61.5
    record.add_choice("new_friend", "next", ["One", "Two", "Three"], [2, 2, 0], 0, tie=True)
    return record


def test_record_json_and_csv_round_trip(tmp_path):
    record = sample_record()
    assert record.choices[0].options == {"A": "Tell {child_name}", "B": "Say, \"no\"; thanks"}
    assert record.choices[0].pick == "B"
    back = WorkshopRecord.read_json(record.export_json(tmp_path / "r.json"))
    assert back == record
    rows = WorkshopRecord.read_csv(record.export_csv(tmp_path / "r.csv"))
    assert rows == record.choices
    json_path, csv_path = record.save(tmp_path / "data")
    assert json_path.parent == tmp_path / "data" / "workshops" and csv_path.exists()
    assert saved_records(tmp_path / "data") == [json_path]
    assert not list((tmp_path / "data" / "workshops").glob(".*.tmp"))


def test_record_pdf_summary(tmp_path):
    pytest.importorskip("fpdf")
    path = sample_record().export_pdf(tmp_path / "s.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_unreadable_record_is_refused():
    with pytest.raises(ValueError):
        WorkshopRecord.from_json({"record_format": 99})


# The room -------------------------------------------------------------------------


def workshop(tmp_path, size=(1280, 720), **settings) -> Driver:
    driver = Driver(tmp_path, size=size, child_name=NICKNAMES[0], caregiver_name=NICKNAMES[1], **settings)
    start_workshop(driver.ui)
    driver.step()
    return driver


def past_guidance(driver: Driver) -> None:
    assert driver.scene == "workshop_guidance"
    for _ in range(40):
        if driver.scene != "workshop_guidance":
            break
        driver.press(pygame.K_RETURN)
    assert driver.scene == "workshop_setup"


def to_choices(driver: Driver) -> None:
    for _ in range(60):
        top = driver.top
        if driver.scene == "workshop_story" and top.all_revealed and top.view.choices:
            return
        driver.press(pygame.K_RETURN)
    raise AssertionError(f"no choices reached, on {driver.scene}")


def started(tmp_path, minutes_steps: int = 0, **settings) -> Driver:
    driver = workshop(tmp_path, **settings)
    past_guidance(driver)
    driver.click("story:new_friend")
    for _ in range(abs(minutes_steps)):
        driver.click("longer" if minutes_steps > 0 else "shorter")
    driver.click("start")
    assert driver.scene == "workshop_note"
    driver.click("start")
    assert driver.scene == "workshop_story"
    return driver


def test_guidance_first_time_only(tmp_path):
    driver = workshop(tmp_path)
    past_guidance(driver)
    assert driver.store.load_settings().workshop_guidance_seen
    assert driver.ui.theme.text_scale >= 125 and driver.ui.theme.palette == "high_contrast"  # the projector look
    assert driver.store.load_settings().text_scale == 100  # ...not saved as the family's
    driver.press(pygame.K_F11)
    driver.press(pygame.K_F11)
    assert driver.store.load_settings().text_scale == 100
    driver.press(pygame.K_ESCAPE)
    assert driver.scene == "story_map" and driver.ui.settings.text_scale == 100
    start_workshop(driver.ui)
    driver.step()
    assert driver.scene == "workshop_setup"


def test_tally_keys_clicks_and_tie(tmp_path):
    driver = started(tmp_path)
    to_choices(driver)
    story = driver.top
    driver.press(pygame.K_a)
    driver.press(pygame.K_a)
    driver.press(pygame.K_b)
    assert story.tallies == [2, 1]
    driver.press(pygame.K_b, pygame.KMOD_SHIFT)
    driver.press(pygame.K_b, pygame.KMOD_SHIFT)  # never below zero
    assert story.tallies == [2, 0]
    driver.click("plus:1")
    driver.click("plus:1")
    driver.click("minus:0")
    assert story.tallies == [1, 2]
    driver.click("choice:0")  # clicking an option counts one for it
    assert story.tallies == [2, 2]
    driver.click("take")
    assert driver.scene == "workshop_tie"
    driver.press(pygame.K_b)
    assert driver.scene == "workshop_feedback"
    point = story.session.record.choices[-1]
    assert (point.pick, point.tie, point.tallies) == ("B", True, {"A": 2, "B": 2})


def test_highest_tally_wins_without_asking(tmp_path):
    driver = started(tmp_path)
    to_choices(driver)
    driver.press(pygame.K_b)
    driver.click("take")
    assert driver.scene == "workshop_feedback"
    assert driver.top.story.session.record.choices[-1].pick == "B"


def to_discussion(tmp_path, **kwargs) -> Driver:
    driver = started(tmp_path, **kwargs)
    to_choices(driver)
    driver.press(pygame.K_a)
    driver.click("take")
    while driver.scene == "workshop_feedback":
        driver.press(pygame.K_RETURN)
    assert driver.scene == "workshop_discussion"
    return driver


def test_timer_counts_down_pauses_and_ends_calmly(tmp_path):
    driver = to_discussion(tmp_path, minutes_steps=-4)  # 5 -> 1 minute
    talk = driver.top
    assert talk.remaining == pytest.approx(60, abs=1)
    talk.remaining = 60
    driver.app.step(dt=10)
    assert talk.remaining == pytest.approx(50)
    assert "0:50" in talk.clock_text()
    driver.press(pygame.K_p)
    paused_at = talk.remaining
    driver.app.step(dt=10)
    assert talk.remaining == paused_at and talk.paused
    assert "paused" in talk.clock_text()
    driver.press(pygame.K_p)
    for _ in range(6):
        driver.app.step(dt=10)
    assert talk.time_is_up and talk.clock_text() == "Time is up"
    assert driver.scene == "workshop_discussion"  # it waits for the facilitator
    driver.click("go_on")
    assert driver.scene == "workshop_story"
    assert driver.top.session.record.choices[-1].discussion_seconds >= 60


def test_timer_off(tmp_path):
    driver = to_discussion(tmp_path, minutes_steps=-5)
    assert not driver.top.timed and driver.widget("go_on")
    assert driver.app.top.session.minutes == 0


def test_prompts_address_the_room_not_nicknames(tmp_path):
    driver = to_discussion(tmp_path)
    labels = [row[1] for row in driver.top.rows]
    assert set(labels) <= {"For the children", "For the grown-ups", "For everyone"}
    texts = [row[2] for row in driver.top.rows] + driver.top.story.visible_texts()
    assert not any(name in text for text in texts for name in NICKNAMES)


def test_break_screen_and_notes(tmp_path):
    driver = to_discussion(tmp_path)
    driver.press(pygame.K_b)
    assert driver.scene == "workshop_break"
    driver.press(pygame.K_x)
    assert driver.scene == "workshop_discussion"
    driver.press(pygame.K_n)
    assert driver.scene == "workshop_notes"
    driver.press(pygame.K_n)
    assert driver.scene == "workshop_discussion"
    driver.press(pygame.K_g)
    assert driver.scene == "workshop_guidance"
    driver.press(pygame.K_ESCAPE)
    assert driver.scene == "workshop_discussion"
    driver.click("go_on")
    driver.click("break")  # the header button, on the story
    assert driver.scene == "workshop_break"
    driver.click_pos((5, 5))
    assert driver.scene == "workshop_story"
    driver.press(pygame.K_n)
    driver.click("guidance")
    assert driver.scene == "workshop_guidance"


def play_to_end(driver: Driver) -> None:
    for _ in range(200):
        if driver.scene == "workshop_end":
            return
        top = driver.top
        if driver.scene == "workshop_story" and top.all_revealed and top.view.choices:
            driver.press(pygame.K_a)
            driver.click("take")
        else:
            driver.press(pygame.K_RETURN)
    raise AssertionError(f"the session did not end, on {driver.scene}")


def test_session_record_saved_and_anonymous(tmp_path):
    driver = started(tmp_path / "a")
    play_to_end(driver)
    session = driver.top.session
    driver.click("save")
    workshops = driver.store.folder / "workshops"
    files = sorted(workshops.glob("workshop-*"))
    assert [f.suffix for f in files] == [".csv", ".json"]
    record = WorkshopRecord.read_json(files[1])
    assert record == session.record
    assert record.stories[0].story == "new_friend" and record.stories[0].ending
    assert record.choices and all(c.pick == "A" for c in record.choices)
    assert WorkshopRecord.read_csv(files[0]) == record.choices
    exported = [p for p in session.saved_paths if p.parent != workshops]
    assert exported and all(p.exists() for p in exported)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in NICKNAMES)
    assert not any(name in json.dumps(record.to_json()) for name in NICKNAMES)
    assert "saved in" in driver.top.message
    assert driver.ui.progress.autosave is None  # the family's place is untouched
    driver.click("menu")
    assert driver.scene == "story_map" and driver.ui.settings.text_scale == 100


def test_menu_ends_the_workshop_early(tmp_path):
    driver = started(tmp_path)
    driver.press(pygame.K_ESCAPE)
    assert driver.scene == "workshop_menu"
    driver.click("end")
    assert driver.scene == "workshop_end"


def test_skip_to_next_story_and_family_autosave_untouched(tmp_path):
    driver = started(tmp_path)
    saved = {"scenario": "new_friend", "play": {"save_format": 1}, "saved_at": 1}
    driver.ui.progress.autosave = dict(saved)
    played = driver.ui.progress.story("new_friend").played
    to_choices(driver)
    driver.press(pygame.K_a)
    driver.click("take")
    driver.press(pygame.K_ESCAPE)  # feedback: on to the talk
    driver.press(pygame.K_ESCAPE)  # the talk stays until "We talked about it"
    assert driver.scene == "workshop_discussion"
    driver.click("go_on")
    driver.press(pygame.K_ESCAPE)
    driver.click("skip")  # the only story: the end screen
    assert driver.scene == "workshop_end"
    assert driver.ui.progress.autosave == saved
    assert driver.ui.progress.story("new_friend").played == played
    assert driver.top.session.record.stories[0].ending == ""


def test_number_keys_and_backspace_do_nothing_in_the_room(tmp_path):
    driver = started(tmp_path)
    to_choices(driver)
    node = driver.top.view.node
    driver.press(pygame.K_1)
    driver.press(pygame.K_BACKSPACE)
    assert driver.scene == "workshop_story" and driver.top.view.node is node
    assert "undo" not in driver.ids()


@pytest.mark.parametrize("size,scale", [((1280, 720), 100), ((1024, 600), 100), ((1024, 600), 200)])
def test_no_overflows(tmp_path, size, scale):
    driver = workshop(tmp_path, size=size, text_scale=scale)
    seen = set()
    past_guidance(driver)
    driver.click("story:new_friend")
    driver.click("start")
    while driver.scene == "workshop_note":
        driver.press(pygame.K_RETURN)
    to_choices(driver)
    driver.press(pygame.K_a)
    driver.press(pygame.K_n)
    seen.add(driver.scene)
    driver.press(pygame.K_n)
    driver.click("take")
    while driver.scene in ("workshop_feedback", "workshop_discussion"):
        seen.add(driver.scene)
        driver.press(pygame.K_RETURN)
    driver.press(pygame.K_b)
    seen.add(driver.scene)
    driver.press(pygame.K_x)
    play_to_end(driver)
    driver.click("save")
    seen.add(driver.scene)
    assert {"workshop_notes", "workshop_discussion", "workshop_break", "workshop_end"} <= seen
    assert driver.ui.text.overflows == []


def test_entry_points(tmp_path):
    args = build_parser().parse_args(["play", "--workshop"])
    assert args.workshop
    driver = Driver(tmp_path)
    driver.click("workshop")
    assert driver.scene in ("workshop_guidance", "workshop_setup")


def test_family_keys_unchanged_outside_workshop(tmp_path):
    driver = Driver(tmp_path)
    driver.step(key(pygame.K_b))
    assert driver.scene == "story_map"


def test_the_record_pdf_is_in_the_session_language(tmp_path):
    """The summary uses the printables' fonts and shaping: a Thai title is kept."""
    pypdf = pytest.importorskip("pypdf")
    from game.i18n.catalogs import load_translator
    from game.paths import LOCALE_DIR

    record = sample_record()
    record.stories[0].title = "ของขวัญฟรีและความลับ"
    path = record.export_pdf(tmp_path / "th.pdf", load_translator("th", LOCALE_DIR))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    thai = {ch for ch in text if "\u0e00" <= ch <= "\u0e7f"}
    assert {"ข", "อ", "ง", "ว", "ญ"} <= thai


def test_notes_on_a_second_screen(tmp_path, monkeypatch):
    """With a second display the notes live in their own window, kept in step
    with the story; closing that window does not close the game."""
    from game.ui.scenes.workshop import notes_window

    monkeypatch.setattr(notes_window, "second_screen", lambda: True)
    driver = started(tmp_path)
    notes = driver.app.notes_window
    assert notes is not None and notes.is_open
    surface = notes.window.get_surface()
    colours = {surface.get_at((x, y))[:3] for x in range(0, surface.get_width(), 7) for y in range(0, surface.get_height(), 7)}
    assert len(colours) > 3  # the notes are drawn
    driver.press(pygame.K_n)
    assert driver.scene == "workshop_story"  # no overlay on the projector
    driver.app.process(pygame.event.Event(pygame.WINDOWCLOSE, window=notes.window))
    assert not notes.is_open and driver.app.running
    driver.press(pygame.K_n)  # N opens them again
    assert notes.is_open and driver.scene == "workshop_story"
    driver.app.process(pygame.event.Event(pygame.WINDOWCLOSE, window=None))  # the game's own window
    assert not driver.app.running and not notes.is_open
