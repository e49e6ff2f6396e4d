"""The setup screens: language, who is playing, settings (with the country
list and "delete all my data"), driven headlessly through `App.step`."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest
from app_driver import fixture_content

from game.helplines import load_helplines
from game.i18n.translator import describe_language
from game.paths import HELPLINES_FILE
from game.settings import Store
from game.ui.app import App, Content
from game.ui.scene import Scene
from game.ui.scenes.flow import first_scene
from game.ui.scenes.language import LanguageButton, LanguageScene
from game.ui.scenes.players import PlayersScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.settings_dialogs import OTHER_COUNTRY, CountryScene

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
TWELVE = ["en", "th", "km", "bn", "ne", "es", "ro", "nl", "hr", "fil", "sw", "mt"]


class Backdrop(Scene):
    """Stands in for the screen below (the story map)."""

    name = "backdrop"


def key(code: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="")


def typed(text: str) -> list[pygame.event.Event]:
    return [pygame.event.Event(pygame.TEXTINPUT, text=char) for char in text]


def click(app: App, widget_id: str) -> None:
    app.step()
    widget = app.top.widget(widget_id)
    assert widget is not None, f"no widget {widget_id!r}; have {[w.id for w in app.top.widgets]}"
    if hasattr(app.top, "scroll"):  # a player scrolls to a widget before clicking it
        app.top.scroll.reveal(widget, 0)
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=widget.rect.center, button=1)])


def press(app: App, *codes: int) -> None:
    app.step([key(code) for code in codes])


def focused_id(app: App) -> str | None:
    app.top.ensure_built()
    return app.top.focused.id if app.top.focused else None


def tab_to(app: App, widget_id: str, limit: int = 60) -> None:
    for _ in range(limit):
        if focused_id(app) == widget_id:
            return
        press(app, pygame.K_TAB)
    raise AssertionError(f"Tab never reached {widget_id!r}")


def saved(tmp_path):
    return Store(tmp_path / "store").load_settings()


@pytest.fixture
def make_app(tmp_path):
    def make(size=(1280, 720), scale=100, language="en", below: bool = False) -> App:
        app = App(store=Store(tmp_path / "store"), size=size,
                  content=Content(helplines=load_helplines(HELPLINES_FILE)[0]))
        app.ui.settings.language = language
        app.ui.settings.text_scale = scale
        app.resized(app.screen.get_size())
        if below:
            app.reset(Backdrop(app.ui))
        return app

    return make


def show(app: App, scene: Scene) -> Scene:
    app.push(scene) if app.stack else app.reset(scene)
    app.step()
    return scene


def assert_tidy(app: App) -> None:
    """Nothing overflowed; what is visible does not overlap; the focus is in view."""
    app.step()
    assert app.ui.text.overflows == []
    scene = app.top
    screen = app.screen.get_rect()
    scroll = getattr(scene, "scroll", None)
    visible = [w for w in scene.widgets if scroll is None or not scroll.holds(w) or scroll.shows(w)]
    for number, widget in enumerate(visible):
        assert screen.contains(widget.rect), widget.id
        for other in visible[number + 1:]:
            assert not widget.rect.colliderect(other.rect), (widget.id, other.id)
    if scroll is not None and scene.focused is not None and scroll.holds(scene.focused):
        assert scroll.shows(scene.focused), scene.focused.id


def assert_every_widget_in_view_when_focused(app: App) -> None:
    """Keyboard only: Tab reaches every widget, and each is scrolled into view."""
    seen: set[str] = set()
    for _ in range(len(app.top.widgets) + 2):
        press(app, pygame.K_TAB)
        assert_tidy(app)
        seen.add(focused_id(app))
    assert seen >= {w.id for w in app.top.widgets if w.enabled}


# Language ------------------------------------------------------------------------------


def test_enter_picks_the_language_saves_it_and_goes_on(make_app, tmp_path):
    app = make_app(language="")
    chosen = []
    show(app, LanguageScene(app.ui, then=lambda: chosen.append(app.ui.settings.language)))
    assert focused_id(app) == "language_en"
    assert "Together Online" in app.ui.text.drawn
    press(app, pygame.K_RETURN)
    assert chosen == ["en"]
    assert saved(tmp_path).language == "en"


def test_click_picks_a_language(make_app):
    app = make_app(language="")
    app.ui.languages = [describe_language("en"), describe_language("es")]
    codes = []
    show(app, LanguageScene(app.ui, then=lambda: codes.append(app.ui.settings.language)))
    click(app, "language_es")
    assert codes == ["es"]


def test_twelve_languages_show_names_drafts_and_move_by_rows(make_app):
    app = make_app(size=(1280, 720))
    app.ui.languages = [replace(describe_language(code), draft=code in ("km", "sw")) for code in TWELVE]
    scene = show(app, LanguageScene(app.ui, then=lambda: None))
    assert "Español" in app.ui.text.drawn and "Spanish" in app.ui.text.drawn
    assert "Draft translation" in app.ui.text.drawn
    assert scene.widget("language_en").selected and focused_id(app) == "language_en"
    press(app, pygame.K_DOWN)
    buttons = [w.id for w in scene.widgets if isinstance(w, LanguageButton)]
    assert focused_id(app) == buttons[scene.columns]
    press(app, pygame.K_UP)
    assert focused_id(app) == "language_en"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [100, 200])
def test_twelve_languages_fit_or_scroll_at_every_size(make_app, size, scale):
    app = make_app(size=size, scale=scale)
    app.ui.languages = [replace(describe_language(code), draft=code == "ne") for code in TWELVE]
    show(app, LanguageScene(app.ui, then=lambda: None))
    assert_tidy(app)
    assert_every_widget_in_view_when_focused(app)


def test_language_wheel_and_page_keys_scroll(make_app):
    app = make_app(size=(1024, 600), scale=200)
    app.ui.languages = [describe_language(code) for code in TWELVE]
    scene = show(app, LanguageScene(app.ui, then=lambda: None))
    assert scene.scroll.scrollable
    start = scene.scroll.offset
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1)])
    assert scene.scroll.offset > start
    press(app, pygame.K_PAGEUP)
    assert scene.scroll.offset == 0
    press(app, pygame.K_PAGEDOWN)
    assert scene.scroll.offset > 0
    assert_tidy(app)  # the focus followed the page
    up, down = scene.scroll.arrows()
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=down.center, button=1)])
    lower = scene.scroll.offset
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=up.center, button=1)])
    assert scene.scroll.offset < lower


def test_language_escape_goes_back_only_with_a_scene_below(make_app):
    app = make_app(language="")
    show(app, LanguageScene(app.ui, then=lambda: None))
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "language"
    app = make_app(below=True)
    show(app, LanguageScene(app.ui, then=app.pop))
    assert app.top.widget("back") is not None
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "backdrop"


# Who is playing ----------------------------------------------------------------------------


def test_players_saves_names_age_and_looks(make_app, tmp_path):
    app = make_app()
    done = []
    scene = show(app, PlayersScene(app.ui, then=lambda: done.append(True)))
    assert focused_id(app) == "child_name"
    app.step(typed("Maya"))
    tab_to(app, "caregiver_name")
    app.step(typed("Mum"))
    app.step([key(pygame.K_BACKSPACE)])
    app.step(typed("m!"))
    click(app, "child_look_3")
    assert scene.widget("child_look_3").selected and not scene.widget("child_look_0").selected
    click(app, "caregiver_look_5")
    for _ in range(6):
        click(app, "age_up")
    click(app, "continue")
    assert done == [True]
    stored = saved(tmp_path)
    assert (stored.child_name, stored.caregiver_name, stored.child_age) == ("Maya", "Mum!", 10)
    assert (stored.child_avatar, stored.caregiver_avatar) == (3, 5)


def test_nickname_is_cut_at_24_characters(make_app):
    app = make_app()
    scene = show(app, PlayersScene(app.ui, then=lambda: None))
    app.step(typed("A" * 30))
    assert scene.widget("child_name").value == "A" * 24


def test_age_stepper_goes_from_not_given_to_16_and_back(make_app):
    app = make_app()
    scene = show(app, PlayersScene(app.ui, then=lambda: None))
    assert scene.age == 0 and not scene.widget("age_down").enabled
    assert "Not given" in app.ui.text.drawn
    click(app, "age_up")
    assert scene.age == 5
    for _ in range(20):
        if scene.widget("age_up").enabled:
            click(app, "age_up")
    assert scene.age == 16 and not scene.widget("age_up").enabled
    tab_to(app, "age_down")
    press(app, pygame.K_RETURN)
    assert scene.age == 15
    scene.age = 5
    scene.rebuild()
    click(app, "age_down")
    assert scene.age == 0


def test_skip_goes_on_without_saving_names(make_app, tmp_path):
    app = make_app()
    done = []
    show(app, PlayersScene(app.ui, then=lambda: done.append(True)))
    app.step(typed("Maya"))
    assert app.top.widget("skip").label == "Skip"
    click(app, "skip")
    assert done == [True]
    assert app.ui.settings.child_name == ""
    assert not (tmp_path / "store" / "settings.json").exists()


def test_players_escape_goes_back_only_with_a_scene_below(make_app):
    app = make_app()
    show(app, PlayersScene(app.ui, then=lambda: None))
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "players"
    app = make_app(below=True)
    show(app, PlayersScene(app.ui, then=app.pop))
    assert app.top.widget("skip").label == "Cancel"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "backdrop"


def test_players_text_input_starts_and_stops(make_app, monkeypatch):
    calls = []
    monkeypatch.setattr(pygame.key, "start_text_input", lambda: calls.append("start"))
    monkeypatch.setattr(pygame.key, "stop_text_input", lambda: calls.append("stop"))
    app = make_app(below=True)
    show(app, PlayersScene(app.ui, then=app.pop))
    app.pop()
    assert calls[0] == "start" and calls[-1] == "stop"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [100, 200])
def test_players_fits_or_scrolls_at_every_size(make_app, size, scale):
    app = make_app(size=size, scale=scale)
    scene = show(app, PlayersScene(app.ui, then=lambda: None))
    assert_tidy(app)
    if size == (1280, 720) and scale == 100:
        assert not scene.scroll.scrollable
    assert_every_widget_in_view_when_focused(app)


# Settings ------------------------------------------------------------------------------------


def open_settings(make_app, **options) -> App:
    app = make_app(below=True, **options)
    show(app, SettingsScene(app.ui))
    return app


def test_text_size_reflows_at_once_and_is_saved(make_app, tmp_path):
    app = open_settings(make_app)
    click(app, "text_200")
    assert app.ui.theme.text_scale == 200 and saved(tmp_path).text_scale == 200
    assert app.top.widget("text_200").selected and focused_id(app) == "text_200"
    assert_tidy(app)
    click(app, "text_100")
    assert app.ui.theme.text_scale == 100


def test_sound_and_fullscreen_switch(make_app, tmp_path):
    app = open_settings(make_app)
    click(app, "sound_off")
    assert app.ui.settings.sound is False and saved(tmp_path).sound is False
    assert app.top.widget("sound_off").selected
    click(app, "fullscreen_on")
    assert app.fullscreen and saved(tmp_path).fullscreen
    click(app, "fullscreen_off")
    assert not app.fullscreen


def test_language_opens_the_picker_and_comes_back(make_app, tmp_path):
    app = open_settings(make_app)
    tab_to(app, "language")
    press(app, pygame.K_RETURN)
    assert app.top.name == "language"
    press(app, pygame.K_RETURN)
    assert app.top.name == "settings" and saved(tmp_path).language == "en"


def test_country_list_saves_the_choice(make_app, tmp_path):
    app = open_settings(make_app)
    click(app, "country")
    assert isinstance(app.top, CountryScene)
    first = next(w for w in app.top.widgets if w.id.startswith("country_"))
    click(app, first.id)
    code = first.id.removeprefix("country_")
    assert app.top.name == "settings" and saved(tmp_path).country == code
    assert first.label in app.ui.text.drawn
    click(app, "country")
    assert focused_id(app) == first.id  # the list opens on the current choice
    click(app, f"country_{OTHER_COUNTRY}")
    assert saved(tmp_path).country == OTHER_COUNTRY
    assert "Other / not listed" in app.ui.text.drawn


def test_country_list_without_helplines_offers_other(make_app):
    app = open_settings(make_app)
    app.ui.content.helplines = None
    click(app, "country")
    assert [w.id for w in app.top.widgets if w.id.startswith("country_")] == [f"country_{OTHER_COUNTRY}"]
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "settings"


def test_who_is_playing_opens_and_cancel_returns(make_app):
    app = open_settings(make_app)
    click(app, "players")
    assert app.top.name == "players"
    click(app, "skip")
    assert app.top.name == "settings"


def test_back_and_escape_pop(make_app):
    app = open_settings(make_app)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "backdrop"
    show(app, SettingsScene(app.ui))
    click(app, "back")
    assert app.top.name == "backdrop"


def test_delete_asks_first_then_deletes_and_starts_again(make_app, tmp_path):
    app = open_settings(make_app)
    app.ui.settings.child_name = "Maya"
    app.ui.progress.story("s").played = 2
    app.ui.save_settings()
    app.ui.save_progress()
    click(app, "delete_data")
    assert app.top.name == "delete_data" and focused_id(app) == "keep"
    assert "Delete all your data?" in app.ui.text.drawn
    press(app, pygame.K_RETURN)  # the safe answer has the focus
    assert app.top.name == "settings" and (tmp_path / "store" / "settings.json").exists()
    click(app, "delete_data")
    click(app, "delete")
    assert not (tmp_path / "store").exists()
    assert app.ui.settings.child_name == "" and app.ui.progress.stories == {}
    assert "All your data has been deleted" in app.ui.text.drawn
    press(app, pygame.K_RETURN)
    assert [scene.name for scene in app.stack] == ["language"]
    assert not (tmp_path / "store").exists()


def test_delete_that_fails_says_so(make_app, monkeypatch):
    app = open_settings(make_app)

    def refuse():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(app.ui.store, "delete_all", refuse)
    click(app, "delete_data")
    click(app, "delete")
    assert app.top.stage == "failed"
    assert "Some data could not be deleted" in app.ui.text.drawn
    assert_tidy(app)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [100, 200])
def test_settings_fit_or_scroll_at_every_size(make_app, size, scale):
    app = open_settings(make_app, size=size, scale=scale)
    assert_tidy(app)
    # The screen may scroll a little even at 100% (Sound sits at the foot of
    # the first card); what matters is that every control can be reached and seen.
    assert_every_widget_in_view_when_focused(app)
    assert "Settings" in app.ui.text.drawn  # the title stays, however far we scrolled
    click(app, "delete_data")
    assert_tidy(app)
    press(app, pygame.K_ESCAPE)
    click(app, "country")
    assert_tidy(app)
    assert_every_widget_in_view_when_focused(app)
    assert "Country for help lines" in app.ui.text.drawn


def test_first_start_goes_language_then_players_then_the_map(tmp_path):
    app = App(store=Store(tmp_path / "store"), size=(1280, 720), content=fixture_content())
    app.reset(first_scene(app.ui))
    app.step()
    assert app.top.name == "language"
    press(app, pygame.K_RETURN)
    assert [scene.name for scene in app.stack] == ["players"]
    assert app.top.widget("skip").label == "Skip"
    app.step(typed("Sam"))
    click(app, "continue")
    assert app.top.name == "story_map"
    assert saved(tmp_path).child_name == "Sam" and saved(tmp_path).language == "en"
