"""Autoplay, the reviewers' and CI's tool, passes on the shipped stories."""

from __future__ import annotations

import io

from game.cli import main
from game.ui.autoplay import Autoplay


def test_autoplay_covers_every_choice_of_every_story_at_the_hardest_layout():
    """1024x600 with 200% text: the smallest screen and the largest text."""
    report = Autoplay(None, seed=1, size=(1024, 600), text_scale=200).run()
    assert report.errors == []
    assert report.runs and all(not missing for missing in report.uncovered.values())
    assert report.screens > 100


def test_autoplay_command_writes_a_png_per_screen(tmp_path):
    out = io.StringIO()
    status = main(["autoplay", "--scenario", "secret_gift_codes", "--seed", "3", "--screenshots", str(tmp_path)], stdout=out)
    assert status == 0, out.getvalue()
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert shots[0] == "0001_language.png"
    assert any("_story_secret_gift_codes_" in name for name in shots)
    assert any(name.split("_", 1)[1].startswith("ending_") for name in shots)
    assert any(name.split("_", 1)[1].startswith("agreement_") for name in shots)
    assert "every choice taken" in out.getvalue()


def test_autoplay_fails_on_text_that_does_not_fit(monkeypatch):
    from game.text.render import TextRenderer

    real = TextRenderer.draw_in_box

    def squeezed(self, surface, text, style, colour, box, *args, **kwargs):
        if text.startswith("Free gems"):
            box = box.copy()
            box.height = 1
        return real(self, surface, text, style, colour, box, *args, **kwargs)

    monkeypatch.setattr(TextRenderer, "draw_in_box", squeezed)
    report = Autoplay(["secret_gift_codes"], seed=1).run()
    assert any("overflows" in error for error in report.errors)


def test_autoplay_fails_on_a_placeholder_left_on_screen(monkeypatch):
    from game.ui.scenes import story

    monkeypatch.setattr(story, "fill_placeholders", lambda text, names: text + " {child_name}")
    report = Autoplay(["secret_gift_codes"], seed=1).run()
    assert any("placeholder left on screen" in error for error in report.errors)


def test_an_unknown_story_is_an_error():
    assert any("no such story" in e for e in Autoplay(["no_such_story"]).run().errors)


import pytest


@pytest.mark.parametrize("lang", ["es", "th", "ar", "bn", "km", "en-XA"])
def test_autoplay_passes_in_every_shipped_language(lang):
    """Every screen of a story in each language: shaped, fitting, no placeholder lost."""
    report = Autoplay(["how_to_report"], language=lang, seed=2, size=(1024, 600)).run()
    assert report.errors == [], lang
    assert not report.uncovered["how_to_report"]


def test_switching_language_relays_out_the_current_scene(tmp_path):
    import pygame

    from game.settings import Store
    from game.ui.app import App
    from game.ui.scenes import flow

    store = Store(tmp_path)
    settings = store.load_settings()
    settings.language, settings.primer_seen = "en", True
    store.save_settings(settings)
    app = App(store, (1280, 720), reduced_motion=True)
    app.reset(flow.first_scene(app.ui))
    flow.start_story(app.ui, app.ui.content.story("secret_gift_codes"))
    app.render()
    english = app.top.visible_texts()
    app.ui.text.drawn.clear()
    app.set_language("th")
    app.step([pygame.event.Event(pygame.USEREVENT)])
    thai = app.top.visible_texts()
    assert thai != english and any("\u0e00" <= ch <= "\u0e7f" for ch in thai[0])
    assert any(any("\u0e00" <= ch <= "\u0e7f" for ch in drawn) for drawn in app.ui.text.drawn)
    assert app.top.widget("menu").label != "Menu"


def test_autoplay_in_high_contrast_with_the_easier_font_at_200_percent(tmp_path):
    """The accessibility issue's check: large text, high contrast (and OpenDyslexic, the widest letters)."""
    out = io.StringIO()
    status = main(["autoplay", "--scenario", "how_to_report", "--text-size", "200", "--high-contrast", "--dyslexia-font",
                   "--size", "1024x600", "--screenshots", str(tmp_path)], stdout=out)
    assert status == 0, out.getvalue()
    assert "every choice taken" in out.getvalue()
