"""The "Need help?" overlay, the notice about repaired files and the family
agreement, driven headlessly through `App.step` with synthetic events."""

from __future__ import annotations

import json

import pygame
import pytest

from game.helplines import load_helplines
from game.paths import HELPLINES_FILE
from game.settings import RESET, Store
from game.ui.app import App, Content
from game.ui.scene import Scene
from game.ui.scenes import flow
from game.ui.scenes.agreement import SUGGESTIONS, AgreementScene
from game.ui.scenes.agreement_card import CARD_SIZE
from game.ui.scenes.help import HelpScene
from game.ui.scenes.notice import NoticeScene

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
SMALL_HELPLINES = """\
format: 1
kind: helplines
countries:
  KE:
    name: Kenya
    entries:
      - name: Test Childline
        phone: "116"
        url: https://example.org/childline
        purposes: [talk, parents]
        hours: 24/7
        free: true
        source: https://example.org/source
        checked: 2026-01-15
        confidence: high
      - name: Test Police
        phone: "999"
        purposes: [emergency]
        source: https://example.org/source
        checked: 2026-01-15
        confidence: medium
  ES:
    name: Spain
    entries:
      - name: Test Línea
        phone: "116 111"
        purposes: [talk]
        source: https://example.org/source
        checked: 2026-01-15
        confidence: low
global:
  - name: Test Take It Down
    url: https://takeitdown.ncmec.org
    purposes: [image_removal]
    source: https://example.org/source
    checked: 2026-01-15
    confidence: high
"""


class Backdrop(Scene):
    """Stands in for the game screen under an overlay."""

    name = "backdrop"


def key(code: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="")


def click_at(pos) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)


def click(app: App, widget_id: str) -> None:
    widget = app.top.widget(widget_id)
    assert widget is not None, f"no widget {widget_id!r}; have {[w.id for w in app.top.widgets]}"
    app.step([click_at(widget.rect.center)])


def drawn(app: App) -> str:
    """What the last frame drew; wrapped lines joined again with the space they were broken at."""
    return " ".join(app.ui.text.drawn)


def listed(app: App) -> str:
    """Every text in the help overlay's scrolling list, also the part out of view."""
    return " | ".join(piece.text for _, _, item in app.top.view.placed for piece in item.pieces if piece.text)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("TOGETHER_ONLINE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def small_directory(tmp_path):
    path = tmp_path / "helplines.yaml"
    path.write_text(SMALL_HELPLINES, encoding="utf-8")
    directory, diagnostics = load_helplines(path)
    assert directory is not None, diagnostics
    return directory


@pytest.fixture
def make_app(tmp_path, data_dir):
    def make(size=(1280, 720), scale=100, country="KE", helplines="real", settings: dict | None = None) -> App:
        if helplines == "real":
            helplines = load_helplines(HELPLINES_FILE)[0]
        app = App(store=Store(tmp_path / "store"), size=size, content=Content(helplines=helplines))
        app.ui.settings.language = "en"
        app.ui.settings.country = country
        for name, value in (settings or {}).items():
            setattr(app.ui.settings, name, value)
        app.set_text_scale(scale)
        app.reset(Backdrop(app.ui))
        app.step()
        return app

    return make


def assert_tidy(app: App) -> None:
    """Nothing overflowed, and no two widgets overlap or leave the window."""
    app.step()
    assert app.ui.text.overflows == []
    screen = app.screen.get_rect()
    widgets = app.top.widgets
    for number, widget in enumerate(widgets):
        assert screen.contains(widget.rect), widget.id
        for other in widgets[number + 1:]:
            assert not widget.rect.colliderect(other.rect), (widget.id, other.id)


# Need help? ------------------------------------------------------------------------


def test_f1_opens_help_and_escape_closes_it(make_app, small_directory):
    app = make_app(helplines=small_directory)
    app.step([key(pygame.K_F1)])
    assert isinstance(app.top, HelpScene)
    assert app.top.widget("need_help") is None  # no "Need help?" button on the help itself
    assert "Need help?" in drawn(app) and "Call 116" in drawn(app)
    text = listed(app)
    assert "takeitdown.ncmec.org" in text
    assert "Talk to someone" in text and "Emergency: danger right now" in text and "Free to call" in text
    assert "Last checked January 15, 2026, on the service's own or an official page." in text
    assert "Please double-check these details." in text  # the medium-confidence entry says so
    app.step([key(pygame.K_F1)])
    assert [s.name for s in app.stack] == ["backdrop", "help"]  # not twice
    app.step([key(pygame.K_ESCAPE)])
    assert app.top.name == "backdrop"


def test_close_button_pops(make_app, small_directory):
    app = make_app(helplines=small_directory)
    app.open_help()
    app.step()
    click(app, "close")
    assert app.top.name == "backdrop"


def test_first_time_asks_for_the_country_and_saves_it(make_app, small_directory, tmp_path):
    app = make_app(country="", helplines=small_directory)
    app.open_help()
    app.step()
    assert app.top.choosing
    assert "Which country are you in?" in drawn(app)
    assert app.top.focused.id.startswith("country:")
    click(app, "country:ES")
    assert app.ui.settings.country == "ES"
    assert Store(tmp_path / "store").load_settings().country == "ES"
    assert not app.top.choosing
    text = listed(app)
    assert "Help lines in Spain" in text and "Call 116 111" in text and "Not confirmed: please double-check." in text
    assert "If someone is in danger right now, call your local emergency number." in text  # Spain lists none here


def test_skip_shows_the_global_list_without_saving(make_app, small_directory, tmp_path):
    app = make_app(country="", helplines=small_directory)
    app.open_help()
    app.step()
    click(app, "skip")
    assert app.ui.settings.country == ""
    assert "These work in every country" in listed(app)
    assert "Test Take It Down" in listed(app)


def test_other_country_is_remembered_and_shows_the_global_list(make_app, small_directory, tmp_path):
    app = make_app(country="KE", helplines=small_directory)
    app.open_help()
    app.step()
    click(app, "change_country")
    assert app.top.choosing
    assert app.top.focused.id == "country:KE"  # the current choice, with its check mark
    assert app.top.widget("country:KE").selected
    click(app, "country:ZZ")
    assert Store(tmp_path / "store").load_settings().country == "ZZ"
    text = listed(app)
    assert "Test Take It Down" in text and "Test Childline" not in text


def test_escape_in_the_country_list_goes_back_to_the_lines(make_app, small_directory):
    app = make_app(country="KE", helplines=small_directory)
    app.open_help()
    app.step()
    click(app, "change_country")
    app.step([key(pygame.K_ESCAPE)])
    assert app.top.name == "help" and not app.top.choosing
    assert app.ui.settings.country == "KE"


def test_country_names_follow_the_language(make_app, small_directory):
    app = make_app(country="", helplines=small_directory)
    app.set_language("es")
    app.open_help()
    app.step()
    names = [w.label for w in app.top.widgets if w.id.startswith("country:")]
    assert "Kenia" in names and "España" in names
    assert names[:2] == sorted(names[:2], key=str.casefold)


def test_unknown_country_says_so_and_shows_the_global_list(make_app, small_directory):
    app = make_app(country="FR", helplines=small_directory)
    app.open_help()
    app.step()
    assert "We have no checked help lines for France yet." in listed(app)
    assert "Test Take It Down" in listed(app)


def test_broken_helplines_file_still_shows_take_it_down(make_app):
    app = make_app(helplines=None)
    app.open_help()
    app.step()
    text = listed(app)
    assert "The list of help lines could not be read. This service works in every country:" in text
    assert "takeitdown.ncmec.org" in text
    assert app.top.widget("change_country") is None
    assert_tidy(app)


@pytest.mark.parametrize("lang, country", [("th", "TH"), ("ar", "BD")])
def test_who_a_line_is_for_and_its_hours_are_in_the_players_language(make_app, lang, country):
    """They were once English in every language ("สำหรับ: children and ...")."""
    app = make_app(country=country)
    app.set_language(lang)
    app.open_help()
    app.step()
    tr, text = app.ui.tr, listed(app)
    here, everywhere = app.top.directory.for_country(country)
    for entry in (*here.entries, *everywhere):
        assert entry.name in text  # official names stay as they are
        if entry.audience:
            shown = tr.scenario_text("helplines", entry.audience)
            assert shown != entry.audience, f"no {lang} translation for {entry.audience!r}"
            assert tr._("For: {audience}").format(audience=shown) in text
            assert entry.audience not in text
        if entry.hours:
            assert tr._("Open {hours}").format(hours=tr.scenario_text("helplines", entry.hours)) in text
            assert tr._("Open {hours}").format(hours=entry.hours) not in text
    assert_tidy(app)


def test_a_help_line_text_not_translated_yet_is_shown_in_english(make_app, tmp_path):
    path = tmp_path / "untranslated.yaml"
    path.write_text(SMALL_HELPLINES.replace("        hours: 24/7\n", "        hours: 24/7\n"
                                            "        audience: a group no catalog has heard of\n"), encoding="utf-8")
    directory, diagnostics = load_helplines(path)
    assert directory is not None, diagnostics
    app = make_app(helplines=directory)
    app.set_language("th")
    app.open_help()
    app.step()
    tr, text = app.ui.tr, listed(app)
    assert tr._("For: {audience}").format(audience="a group no catalog has heard of") in text
    assert tr._("Open {hours}").format(hours=tr.scenario_text("helplines", "24/7")) in text  # the next text is translated
    assert "24/7" not in text


def test_the_fallback_take_it_down_says_who_it_is_for_in_the_players_language(make_app):
    app = make_app(helplines=None)
    app.set_language("th")
    app.open_help()
    app.step()
    audience = app.ui.tr._("nude, partly nude or sexual pictures or videos of someone under 18")
    assert audience != "nude, partly nude or sexual pictures or videos of someone under 18"
    assert app.ui.tr._("For: {audience}").format(audience=audience) in listed(app)


def test_a_phone_number_keeps_its_order_in_right_to_left_text(make_app, small_directory):
    """Arabic once showed "Call 116 111" as "111 116": bidi reorders number groups split by a plain space."""
    from game.text.bidi import embedding_levels, visual_order

    app = make_app(country="ES", helplines=small_directory)
    app.set_language("ar")
    app.open_help()
    app.step()
    call = next(t for t in listed(app).split(" | ") if "116" in t and "111" in t)
    shown = "".join(call[i] for i in visual_order(embedding_levels(call, 1)))
    assert "116\u00a0111" in shown


def test_long_lists_scroll_with_more_back_keys_and_wheel(make_app):
    app = make_app(size=(1024, 600), scale=200, country="ES")
    app.open_help()
    app.step()
    view = app.top.view
    assert view.scrollable and app.top.focused.id == "more"
    assert not app.top.widget("back").enabled
    seen = set()
    for _ in range(60):
        if view.at_bottom:
            break
        seen.add(view.offset)
        app.step([key(pygame.K_RETURN)])  # "More" has the focus
        assert app.ui.text.overflows == []
    assert view.at_bottom and len(seen) > 2
    assert not app.top.widget("more").enabled and app.top.focused.id == "back"
    click(app, "back")
    assert not view.at_bottom
    app.step([key(pygame.K_HOME)])
    assert view.offset == 0
    app.step([key(pygame.K_DOWN)])
    assert view.offset > 0
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0)])
    assert view.offset == 0
    app.step([key(pygame.K_END)])
    assert view.at_bottom


def test_paging_never_cuts_a_card_at_the_top():
    from game.ui.scenes.scroll_view import Item, ScrollView

    view = ScrollView()
    view.lay_out([Item(100), Item(150), Item(80), Item(300)], pygame.Rect(0, 0, 400, 200), 1, 10, 20)
    view.page_down()
    assert view.offset == 110  # the second item did not fit whole: it starts the next page
    view.page_down()
    assert view.offset == 270
    view.page_up()
    assert view.offset in (110, 100)
    view.scroll_to(10_000)
    assert view.at_bottom and view.offset == view.max_offset


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("country", ["", "KE", "RO", "ZZ"])
def test_help_fits_every_size(make_app, size, scale, country):
    app = make_app(size=size, scale=scale, country=country)
    app.open_help()
    assert_tidy(app)
    if country:
        for _ in range(30):
            if app.top.view.at_bottom:
                break
            app.step([key(pygame.K_PAGEDOWN)])
            assert app.ui.text.overflows == []
        click(app, "change_country")
    assert app.top.choosing
    assert_tidy(app)
    while app.top.widget("more") is not None and app.top.widget("more").enabled:
        click(app, "more")
        assert_tidy(app)


# Notice --------------------------------------------------------------------------------------


NOTICES = [(RESET, {"what": "settings", "reason": "Expecting value: line 1 column 1 (char 0)",
                    "backup": "/home/family/.local/share/together-online/settings.json.broken-20261128-101010"})]


def test_notice_shows_the_text_and_ok_pops_and_clears(make_app):
    app = make_app()
    app.ui.store.notices.extend(NOTICES)
    app.push(NoticeScene(app.ui, list(app.ui.store.notices)))
    app.step()
    assert "Something needed fixing" in drawn(app)
    assert any("Your saved settings could not be read" in line for line in app.ui.text.drawn)
    app.step([key(pygame.K_RETURN)])
    assert app.top.name == "backdrop" and app.ui.store.notices == []


def test_notice_escape_pops(make_app):
    app = make_app()
    app.push(NoticeScene(app.ui, NOTICES))
    app.step([key(pygame.K_ESCAPE)])
    assert app.top.name == "backdrop"


def test_notice_alone_on_the_stack_goes_on_to_the_first_scene(make_app, monkeypatch):
    app = make_app()
    monkeypatch.setattr(flow, "first_scene", lambda ui: Backdrop(ui))
    app.reset(NoticeScene(app.ui, NOTICES))
    app.step()
    app.step([key(pygame.K_RETURN)])
    assert [s.name for s in app.stack] == ["backdrop"]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [100, 200])
def test_notice_from_a_broken_settings_file_fits(tmp_path, data_dir, size, scale):
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    (store_dir / "settings.json").write_text("{not json", encoding="utf-8")
    (store_dir / "progress.json").write_text(json.dumps({"version": 99}), encoding="utf-8")
    app = App(store=Store(store_dir), size=size, content=Content())
    assert len(app.store.notices) == 2
    app.set_text_scale(scale)
    app.reset(Backdrop(app.ui))
    app.push(NoticeScene(app.ui, list(app.store.notices)))
    assert_tidy(app)
    assert any("progress" in line for line in app.ui.text.drawn)


# Family agreement ----------------------------------------------------------------------------------


def rule_ids(app: App) -> list[str]:
    return [w.id for w in app.top.widgets if w.id.startswith(("rule:", "own:"))]


def choose_three(app: App) -> None:
    """Click unchosen rules, page by page, until three are chosen."""
    for _ in range(20):
        for rule in rule_ids(app):
            if len(app.top.chosen) < 3 and rule not in app.top.chosen:
                click(app, rule)
        if len(app.top.chosen) == 3:
            return
        click(app, "more")
    raise AssertionError("could not choose three rules")


def open_agreement(make_app, **options) -> App:
    app = make_app(**options)
    app.push(AgreementScene(app.ui))
    app.step()
    return app


def test_choose_three_rules_and_a_fourth_is_explained(make_app):
    app = open_agreement(make_app)
    assert app.top.focused.id == "rule:0"
    app.step([key(pygame.K_SPACE)])
    assert app.top.chosen == ["rule:0"] and app.top.widget("rule:0").selected
    for rule in rule_ids(app)[1:3]:
        click(app, rule)
    assert len(app.top.chosen) == 3 and "3 of 3 chosen" in drawn(app)
    fourth = rule_ids(app)[3]
    click(app, fourth)
    assert len(app.top.chosen) == 3 and fourth not in app.top.chosen
    assert app.top.popup.kind == "limit" and "Three rules are plenty" in drawn(app)
    assert_tidy(app)
    app.step([key(pygame.K_RETURN)])  # OK
    assert app.top.popup is None and app.top.focused.id == fourth
    click(app, "rule:0")  # unselect one, then the fourth can be chosen
    click(app, fourth)
    assert fourth in app.top.chosen and len(app.top.chosen) == 3


def test_type_our_own_rule_and_enter_adds_it_chosen(make_app):
    app = open_agreement(make_app)
    click(app, "own_rule")
    for char in "We cook together on Fridays":
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=char)])
    app.step([key(pygame.K_BACKSPACE), pygame.event.Event(pygame.TEXTINPUT, text="s")])
    app.step([key(pygame.K_RETURN)])
    scene = app.top
    assert list(scene.own.values()) == ["We cook together on Fridays"]
    assert scene.chosen == ["own:0"] and scene.draft == ""
    assert scene.widget("own:0") is not None and scene.widget("own:0").selected  # shown on the current page
    click(app, "add")  # an empty box: a kind hint, nothing added
    assert app.top.popup.kind == "empty" and len(scene.own) == 1


def test_save_as_picture_writes_a_png_and_never_overwrites(make_app, data_dir):
    app = open_agreement(make_app, settings={"child_name": "Maya", "caregiver_name": "Grandma Rosa"})
    click(app, "save")
    assert app.top.popup.kind == "none"  # nothing chosen yet
    assert not (data_dir / "pictures").exists()
    app.step([key(pygame.K_ESCAPE)])
    click(app, "rule:0")
    click(app, "rule:1")
    click(app, "save")
    first = app.top.last_saved
    assert app.top.popup.kind == "saved" and first.parent == data_dir / "pictures"
    assert first.name.startswith("together-online-agreement-") and first.suffix == ".png"
    assert pygame.image.load(str(first)).get_size() == CARD_SIZE
    assert f"File: {first.name}" in drawn(app)
    assert_tidy(app)
    click(app, "popup_back")
    click(app, "save")
    second = app.top.last_saved
    assert second != first and second.name == first.name.replace(".png", "-2.png") and first.exists()


def test_a_save_that_fails_is_explained(make_app, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the pictures folder should be", encoding="utf-8")
    monkeypatch.setenv("TOGETHER_ONLINE_DATA_DIR", str(blocker))
    app = open_agreement(make_app)
    click(app, "rule:2")
    click(app, "save")
    assert app.top.popup.kind == "error"
    assert "The picture could not be saved" in drawn(app)
    assert_tidy(app)
    click(app, "popup_ok")
    assert app.top.popup is None and app.top.chosen == ["rule:2"]


def test_done_goes_to_the_map_and_escape_goes_back(make_app, monkeypatch):
    calls = []
    monkeypatch.setattr(flow, "go_to_map", lambda ui: calls.append(ui))
    app = open_agreement(make_app)
    click(app, "done")
    assert calls == [app.ui]
    app.step([key(pygame.K_ESCAPE)])
    assert app.top.name == "backdrop"


def test_every_rule_is_reachable_by_keyboard(make_app):
    app = open_agreement(make_app, size=(1024, 600), scale=200)
    seen = set()
    for _ in range(40):
        seen.update(rule_ids(app))
        more = app.top.widget("more")
        if more is None or not more.enabled:
            break
        app.step([key(pygame.K_PAGEDOWN)])
    assert {f"rule:{n}" for n in range(len(SUGGESTIONS))} <= seen
    enabled = {w.id for w in app.top.widgets if w.enabled}
    visited = set()
    for _ in app.top.widgets:
        visited.add(app.top.focused.id)
        app.step([key(pygame.K_TAB)])
    assert enabled <= visited


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [100, 200])
def test_agreement_fits_every_size(make_app, size, scale):
    app = open_agreement(make_app, size=size, scale=scale)
    assert_tidy(app)
    choose_three(app)
    assert_tidy(app)
    app.top.focus_on("own_rule")
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="We always say goodnight without phones in the bedroom, ok")])
    assert_tidy(app)
    app.step([key(pygame.K_RETURN)])  # added, but three are chosen already: explained
    assert app.top.popup.kind == "limit"
    assert_tidy(app)
    app.top.close_popup()
    click(app, "save")
    assert app.top.popup.kind == "saved"
    assert_tidy(app)


def test_the_card_holds_only_the_words_given(make_app):
    from datetime import date

    from game.ui.scenes.agreement_card import render_agreement_card

    app = make_app(settings={"child_name": "Ana"})
    app.ui.text.reset_record()
    card = render_agreement_card(app.ui, "TITLE", ["RULE ONE", "RULE TWO"], date(2026, 3, 1))
    assert card.get_size() == CARD_SIZE
    assert set(app.ui.text.drawn) == {"Ana", "TITLE", "RULE ONE", "RULE TWO", "1", "2", "March 1, 2026"}
    assert app.ui.text.overflows == []


def test_the_suggested_rules_are_translated(tmp_path):
    """They were once left out of the catalogs: every language showed them in English."""
    from app_driver import Driver

    from game.ui.scenes import flow
    from game.ui.scenes.agreement import SUGGESTIONS

    d = Driver(tmp_path)
    d.app.set_language("es")
    flow.open_agreement(d.ui)
    d.step()
    shown = [w.label for w in d.top.widgets if w.id.startswith("rule:")]
    assert shown and not set(shown) & set(SUGGESTIONS)
    assert "Preguntamos antes de publicar una foto de alguien." in shown


def test_the_agreement_is_there_next_time(tmp_path):
    from app_driver import Driver

    from game.settings import Store
    from game.ui.scenes import flow

    d = Driver(tmp_path)
    flow.open_agreement(d.ui)
    d.step()
    d.click("rule:1")
    d.click("own_rule")
    d.step(*[pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in "Phones sleep in the kitchen."])
    d.click("add")
    assert d.top.chosen == ["rule:1", "own:0"]
    again = Driver(tmp_path, store=Store(tmp_path))
    flow.open_agreement(again.ui)
    again.step()
    assert again.top.chosen == ["rule:1", "own:0"]
    assert again.top.text_of("own:0") == "Phones sleep in the kitchen."
    assert again.top.widget("rule:1").selected and again.top.counter_text() == "2 of 3 chosen"


def test_a_damaged_agreement_in_the_progress_file_is_dropped_not_fatal(tmp_path):
    import json

    from game.settings import Store

    (tmp_path / "progress.json").write_text(json.dumps(
        {"version": 1, "progress": {"stories": {}, "agreement": {"chosen": [3, "rule:2"], "own": "not a list"}}}),
        encoding="utf-8")
    progress = Store(tmp_path).load_progress()
    assert progress.agreement == {"chosen": ["rule:2"], "own": []}
