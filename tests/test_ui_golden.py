"""Golden files: key screens as PNGs, and text layouts as JSON.

Screens are compared with a tolerance (font rasterisers and SDL versions
differ by a few levels here and there), never byte for byte; on a mismatch
the new screen and a difference picture are written to
tests/golden/failures/. Text layouts depend only on the bundled font, so
they are compared exactly. `pytest --update-golden` rewrites both kinds
after a deliberate change: look at the new PNGs before committing them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from app_driver import Driver
from conftest import GOLDEN

from game.paths import ASSETS_DIR
from game.text import TextRenderer
from game.ui.theme import Theme

FAILURES = GOLDEN / "failures"
SIZE = (1280, 720)
MAX_MEAN_DIFFERENCE = 2.0  # mean absolute difference per channel, 0..255
MAX_CHANGED_SHARE = 0.01  # share of pixels allowed to differ by more than...
CHANGED = 40  # ...this much in some channel


# Comparing pictures ----------------------------------------------------------------------

def difference(a: pygame.Surface, b: pygame.Surface) -> pygame.Surface:
    """|a - b| per channel (two saturating subtractions, added)."""
    a, b = a.convert(24), b.convert(24)
    one_way = a.copy()
    one_way.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    other_way = b.copy()
    other_way.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    one_way.blit(other_way, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    return one_way


def compare(actual: pygame.Surface, expected: pygame.Surface) -> tuple[float, float, pygame.Surface]:
    """(mean difference per channel, share of pixels changed by more than CHANGED, difference picture)."""
    diff = difference(actual, expected)
    raw = pygame.image.tobytes(diff, "RGB")
    mean = sum(raw) / len(raw)
    pixels = diff.get_width() * diff.get_height()
    close = pygame.transform.threshold(None, diff, (0, 0, 0), (CHANGED, CHANGED, CHANGED, 255), set_behavior=0)
    return mean, (pixels - close) / pixels, diff


def visible_difference(diff: pygame.Surface, expected: pygame.Surface) -> pygame.Surface:
    """The golden screen faded, with every changed pixel in bright magenta."""
    picture = expected.convert(24)
    picture.fill((150, 150, 150), special_flags=pygame.BLEND_RGB_ADD)
    mask = pygame.mask.from_threshold(diff, (0, 0, 0), (9, 9, 9, 255))
    mask.invert()
    mask.to_surface(picture, setcolor=(255, 0, 255), unsetcolor=None)
    return picture


def check_screen(name: str, screen: pygame.Surface, update: bool) -> None:
    golden = GOLDEN / f"{name}.png"
    if update:
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(screen, str(golden))
        return
    assert golden.exists(), f"{golden} is missing: run `python3 -m pytest {Path(__file__).name} --update-golden`"
    expected = pygame.image.load(str(golden))
    assert expected.get_size() == screen.get_size(), f"{name}: {screen.get_size()} instead of {expected.get_size()}"
    mean, changed, diff = compare(screen, expected)
    if mean < MAX_MEAN_DIFFERENCE and changed < MAX_CHANGED_SHARE:
        return
    FAILURES.mkdir(parents=True, exist_ok=True)
    new, picture = FAILURES / f"{name}.new.png", FAILURES / f"{name}.diff.png"
    pygame.image.save(screen, str(new))
    pygame.image.save(visible_difference(diff, expected), str(picture))
    pytest.fail(f"screen '{name}' differs from {golden.relative_to(GOLDEN.parent.parent)}: mean difference "
                f"{mean:.2f} (limit {MAX_MEAN_DIFFERENCE}), {changed:.2%} of pixels changed by more than {CHANGED} "
                f"(limit {MAX_CHANGED_SHARE:.0%}).\nSee {new} and {picture}; if the change is intended, "
                f"run pytest with --update-golden and look at the new PNG.")


def test_the_comparison_tolerates_noise_and_catches_changes():
    base = pygame.Surface((200, 100))
    base.fill((240, 230, 220))
    noisy = base.copy()
    noisy.fill((243, 228, 220), pygame.Rect(0, 0, 200, 50))  # a rasteriser's few levels
    assert compare(noisy, base)[0] < MAX_MEAN_DIFFERENCE and compare(noisy, base)[1] == 0
    moved = base.copy()
    pygame.draw.rect(moved, (20, 20, 20), pygame.Rect(10, 10, 40, 20))  # a button that moved: 4% of the pixels
    _, changed, diff = compare(moved, base)
    assert changed == pytest.approx(0.04)
    assert diff.get_at((20, 20))[:3] == (220, 210, 200)


# The screens -------------------------------------------------------------------------------

def to_story(d: Driver) -> None:
    d.click("story:new_friend")
    d.click("start")


def reveal_all(d: Driver) -> None:
    while "next_line" in d.ids():
        d.click("next_line")


def screen_story_map(d: Driver) -> None:
    """The map with a story under way: the Continue button and the Played mark."""
    to_story(d)
    d.press(pygame.K_ESCAPE)
    d.click("leave")


def screen_content_note(d: Driver) -> None:
    d.click("story:new_friend")


def screen_story_choices(d: Driver) -> None:
    """Narration, a chat bubble, and two choices with who decides."""
    to_story(d)
    reveal_all(d)


def screen_discussion(d: Driver) -> None:
    screen_story_choices(d)
    d.click("choice:0")
    d.click("go_on")


def screen_ending(d: Driver) -> None:
    screen_story_choices(d)
    for choice in ("choice:1", "choice:0"):  # keep her details private, then tell Gran
        reveal_all(d)
        d.click(choice)
        d.click("go_on")
        d.click("go_on")
    reveal_all(d)
    d.click("continue")
    reveal_all(d)
    d.click("finish")


def screen_accessibility(d: Driver) -> None:
    """The accessibility menu, with read-aloud and the easier letters on."""
    d.press(pygame.K_F2)
    d.top.widget("read_aloud_on").activate()
    d.top.widget("dyslexia_font_on").activate()
    d.app.reader.stop()
    d.step()


SCREENS = {"story_map": screen_story_map, "content_note": screen_content_note, "story_choices": screen_story_choices,
           "discussion": screen_discussion, "ending": screen_ending, "accessibility": screen_accessibility}
EXPECTED_SCENE = {"story_map": "story_map", "content_note": "content_note", "story_choices": "story",
                  "discussion": "discussion", "ending": "ending", "accessibility": "accessibility"}


@pytest.mark.parametrize("name", SCREENS)
def test_screen_matches_its_golden_picture(tmp_path, name, update_golden):
    d = Driver(tmp_path, size=SIZE, primer_seen=True)
    SCREENS[name](d)
    assert d.scene == EXPECTED_SCENE[name]
    d.app.settle()
    check_screen(name, d.app.render(), update_golden)


# Text layouts -------------------------------------------------------------------------------

THEME = Theme(*SIZE)
LAYOUT_SAMPLES = {
    "chat_line": ("hey ur builds are so cool!! how old r u? what school u go to?", THEME.body),
    "long_choice": ("Say thanks, keep her details private, and tell Gran about the game after dinner", THEME.body),
    "prompt": ("How would you like Alexandrina to tell you about something like this?", THEME.body),
    "takeaway": ("It is never too late to tell someone you trust.", THEME.heading),
    "long_word": ("Hyperventilating-supercalifragilisticexpialidocious words break inside", THEME.label),
}
WIDTHS = (320, 700)


@pytest.fixture(scope="module")
def renderer() -> TextRenderer:
    pygame.font.init()
    return TextRenderer(ASSETS_DIR / "fonts")


@pytest.mark.parametrize("name", LAYOUT_SAMPLES)
def test_text_layout_matches_its_snapshot(renderer, name, update_golden):
    text, style = LAYOUT_SAMPLES[name]
    snapshot = {"text": text, "style": {"size": style.size, "bold": style.bold},
                "layouts": {str(width): renderer.layout(text, style, width).to_json() for width in WIDTHS}}
    for layout in snapshot["layouts"].values():
        assert all(width <= layout["max_width"] for _, width in layout["lines"])
    golden = GOLDEN / f"layout_{name}.json"
    written = json.dumps(snapshot, ensure_ascii=False, indent=1) + "\n"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(written, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing: run `python3 -m pytest {Path(__file__).name} --update-golden`"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    if snapshot != expected:
        FAILURES.mkdir(parents=True, exist_ok=True)
        (FAILURES / f"layout_{name}.new.json").write_text(written, encoding="utf-8")
    assert snapshot == expected, (f"the layout of '{name}' changed (new one in {FAILURES}); if intended, "
                                  "run pytest with --update-golden")
