"""Touch and the window keys, through the real app."""

from __future__ import annotations

import pygame

from game.settings import Store
from game.ui.app import App
from game.ui.scenes.flow import first_scene


def make_app(tmp_path):
    store = Store(tmp_path)
    settings = store.load_settings()
    settings.language = "en"
    store.save_settings(settings)
    app = App(store, (1280, 720), reduced_motion=True)
    app.reset(first_scene(app.ui))
    app.render()
    return app


def test_a_tap_is_a_click(tmp_path):
    app = make_app(tmp_path)
    button = app.top.widget("settings")
    x, y = button.rect.center
    width, height = app.screen.get_size()
    tap = {"x": x / width, "y": y / height, "dx": 0.0, "dy": 0.0, "finger_id": 1, "touch_id": 1, "pressure": 1.0}
    app.step([pygame.event.Event(pygame.FINGERDOWN, **tap), pygame.event.Event(pygame.FINGERUP, **tap)])
    assert app.top.name == "settings"


def test_sdl_mouse_copies_of_touches_are_not_clicked_twice(tmp_path):
    app = make_app(tmp_path)
    button = app.top.widget("settings")
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=button.rect.center, button=1, touch=True)])
    assert app.top.name == "story_map"


def test_f11_switches_full_screen_and_remembers_it(tmp_path):
    app = make_app(tmp_path)
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="")])
    assert app.fullscreen and Store(tmp_path).load_settings().fullscreen
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="")])
    assert not app.fullscreen and not Store(tmp_path).load_settings().fullscreen
    assert app.top.name == "story_map" and app.ui.text.overflows == []


def test_f1_opens_need_help_from_any_screen(tmp_path):
    app = make_app(tmp_path)
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="")])
    assert app.top.name == "help"
