"""Every text/background pair of every palette meets WCAG AA (4.5:1)."""

from __future__ import annotations

import pytest

from game.ui import theme

# (text colour, background) names as the scenes use them.
PAIRS = [
    ("INK", "PAPER"), ("INK", "PANEL"), ("MUTED_INK", "PAPER"), ("MUTED_INK", "PANEL"),
    ("TEAL", "PAPER"), ("TEAL", "PANEL"), ("WHITE", "TEAL"), ("WHITE", "CORAL_DARK"), ("CORAL_DARK", "PANEL"),
    ("INK", "TEAL_LIGHT"), ("TEAL", "TEAL_LIGHT"), ("INK", "BUBBLE_ME"), ("INK", "BUBBLE_THEM"), ("INK", "THOUGHT"),
    ("INK", "NARRATION"), ("MUTED_INK", "BUBBLE_THEM"), ("WHITE", "NOTIFICATION"),
]


def luminance(colour) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("palette", sorted(theme.PALETTES))
def test_text_pairs_meet_wcag_aa(palette):
    colours = theme.PALETTES[palette]
    failing = [(text, ground, round(contrast(colours[text], colours[ground]), 2)) for text, ground in PAIRS
               if contrast(colours[text], colours[ground]) < 4.5]
    assert failing == []


@pytest.mark.parametrize("palette", sorted(theme.PALETTES))
def test_white_on_badges_meets_wcag_aa(palette):
    for colour in (*theme.DECIDER_COLOURS.values(), *theme.ENDING_COLOURS.values()):
        assert contrast(theme.PALETTES[palette]["WHITE"], colour) >= 4.5, colour


def test_the_contrast_formula():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert contrast((119, 119, 119), (255, 255, 255)) < 4.5
