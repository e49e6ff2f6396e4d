"""Focus order: on every screen, Tab (and Shift+Tab, and so a controller's
D-pad) reaches every control that can be used, one after another; whatever
has the focus is in view and has something to say when read aloud. Sizes: the smallest window at 200% text,
where screens scroll, and the usual one."""

from __future__ import annotations

import itertools

import pygame
import pytest
from app_driver import Driver, key
from test_ui_story_flow import tour


def focus_cycle(d: Driver, backwards: bool = False) -> list[str]:
    """The ids Tab (or Shift+Tab) visits, once round, checking each is in view."""
    scene = d.top
    scene.ensure_built()
    count = len(scene.widgets)
    window = pygame.Rect((0, 0), d.app.screen.get_size())
    visited: list[str] = []
    for _ in range(count):
        d.app.step([key(pygame.K_TAB, pygame.KMOD_SHIFT if backwards else 0)])
        focused = d.top.focused
        assert d.top is scene, f"Tab left {scene.name}"
        assert focused is not None and focused.enabled
        assert window.contains(focused.rect), f"{scene.name}: {focused.id} has the focus out of the window"
        scroll = getattr(scene, "scroll", None)
        if scroll is not None and scroll.holds(focused):
            assert scroll.shows(focused), f"{scene.name}: {focused.id} has the focus but is scrolled out of view"
        spoken = [getattr(part, "text", part) for part in focused.spoken(d.ui)]
        assert any(text.strip() for text in spoken), f"{scene.name}: {focused.id} says nothing when read aloud"
        visited.append(focused.id)
    return visited


def check_focus_order(d: Driver, name: str) -> None:
    scene = d.top
    scene.ensure_built()
    usable = [w.id for w in scene.widgets if w.enabled]
    forward = focus_cycle(d)
    assert sorted(set(forward)) == sorted(usable), f"{name}: Tab misses {set(usable) - set(forward)}"
    backward = focus_cycle(d, backwards=True)
    assert set(backward) == set(usable), name
    ring = forward[: len(usable)]
    before = {ring[n]: ring[n - 1] for n in range(len(ring))}
    for a, b in itertools.pairwise(backward):
        assert before[a] == b, f"{name}: Shift+Tab went {a} -> {b}, Tab goes {b} -> {before[b]}"


SIZES = [((1280, 720), 100), ((1024, 600), 200)]


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=["1280x720", "1024x600-text200"])
def test_every_screen_of_a_story_reaches_every_control(tmp_path, size, scale):
    d = Driver(tmp_path, size=size, text_scale=scale)
    visited: list[str] = []

    def check(name: str) -> None:
        visited.append(name)
        check_focus_order(d, name)

    tour(d, check)
    assert any(name.startswith("primer") for name in visited) and any(name.startswith("ending") for name in visited)


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=["1280x720", "1024x600-text200"])
def test_the_setup_screens_reach_every_control(tmp_path, size, scale):
    d = Driver(tmp_path, size=size, text_scale=scale)
    check_focus_order(d, "map")
    d.click("settings")
    check_focus_order(d, "settings")
    for opener, name in (("language", "language"), ("players", "players"), ("country", "country"),
                         ("accessibility", "accessibility"), ("delete_data", "delete data")):
        d.activate_with_keys(opener)
        check_focus_order(d, name)
        d.press(pygame.K_ESCAPE)
        assert d.scene == "settings", name
    d.press(pygame.K_F1)
    check_focus_order(d, "help")


def test_the_agreement_reaches_every_control(tmp_path):
    from game.ui.scenes import flow

    d = Driver(tmp_path, size=(1024, 600), text_scale=200)
    flow.open_agreement(d.ui)
    d.step()
    check_focus_order(d, "agreement")


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=["1280x720", "1024x600-text200"])
def test_the_workshop_screens_reach_every_control(tmp_path, size, scale):
    from test_workshop import past_guidance, play_to_end, to_choices, workshop

    d = workshop(tmp_path, size=size, text_scale=scale)
    check_focus_order(d, "guidance")
    past_guidance(d)
    check_focus_order(d, "setup")
    d.click("story:new_friend")
    d.click("start")
    check_focus_order(d, "note")
    while d.scene == "workshop_note":
        d.press(pygame.K_RETURN)
    to_choices(d)
    check_focus_order(d, "tally")
    d.press(pygame.K_a)
    d.click("take")
    seen = set()
    while d.scene in ("workshop_feedback", "workshop_discussion"):
        if d.scene not in seen:
            check_focus_order(d, d.scene)
            seen.add(d.scene)
        d.press(pygame.K_RETURN)
    d.press(pygame.K_b)
    check_focus_order(d, "break")
    d.press(pygame.K_x)
    play_to_end(d)
    check_focus_order(d, "end")
