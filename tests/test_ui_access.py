"""A game controller, high contrast and less movement, through the real app."""

from __future__ import annotations

import pygame
from app_driver import Driver, english_store

from game.ui.app import App
from game.ui.scenes.flow import first_scene


def make_app(tmp_path, **settings):
    app = App(english_store(tmp_path, **settings), (1280, 720))
    app.reset(first_scene(app.ui))
    app.render()
    return app


def button(number: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=number, instance_id=0)


def stick(axis: int, value: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=axis, value=value, instance_id=0)


def test_a_controller_moves_the_focus_chooses_and_goes_back(tmp_path):
    app = make_app(tmp_path)
    first = app.top.focused.id
    app.step([button(pygame.CONTROLLER_BUTTON_DPAD_DOWN)])
    assert app.top.focused.id != first
    app.step([button(pygame.CONTROLLER_BUTTON_DPAD_UP)])
    assert app.top.focused.id == first
    app.top.focus_on("settings")
    app.step([button(pygame.CONTROLLER_BUTTON_A)])
    assert app.top.name == "settings"
    app.step([button(pygame.CONTROLLER_BUTTON_B)])
    assert app.top.name == "story_map"
    app.step([button(pygame.CONTROLLER_BUTTON_Y)])
    assert app.top.name == "help"


def test_the_stick_moves_one_step_per_push(tmp_path):
    app = make_app(tmp_path)
    first = app.top.focused.id
    app.step([stick(pygame.CONTROLLER_AXIS_LEFTY, 30000), stick(pygame.CONTROLLER_AXIS_LEFTY, 31000)])
    second = app.top.focused.id
    assert second != first
    app.step([stick(pygame.CONTROLLER_AXIS_LEFTY, 0), stick(pygame.CONTROLLER_AXIS_LEFTY, -30000)])
    assert app.top.focused.id == first


def test_high_contrast_and_less_movement_are_remembered(tmp_path):
    app = make_app(tmp_path, high_contrast=True, reduced_motion=True)
    assert app.ui.theme.palette == "high_contrast" and app.reduced_motion
    from game.ui import theme

    assert theme.INK == (0, 0, 0)
    theme.use_palette("calm")  # leave the module as other tests expect it


def test_nothing_is_timed_in_family_mode(tmp_path):
    """Left alone for ten minutes, no screen of a family's story moves on or decides by itself."""
    d = Driver(tmp_path)
    d.click("story:new_friend")
    seen = []
    for _ in range(40):
        scene, ids = d.scene, d.ids()
        for _ in range(10):
            d.app.step(dt=60.0)
        assert (d.scene, d.ids()) == (scene, ids), f"{scene} changed by itself"
        seen.append(scene)
        if d.scene == "ending":
            break
        primary = next((w for w in d.top.widgets if getattr(w, "kind", "") in ("primary", "choice") and w.enabled), None)
        d.click(primary.id)
    assert {"primer", "content_note", "story", "feedback", "discussion", "ending"} <= set(seen)
