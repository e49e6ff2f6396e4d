"""Pages of text: nothing lost or changed when a paragraph is cut between
pages (Thai has no spaces between words to cut at), pages are filled, and a
heading never ends a page."""

from __future__ import annotations

import pygame
import pytest

from game.paths import ASSETS_DIR
from game.text import TextRenderer, TextStyle
from game.ui.paging import Block, block_height, paginate

THAI = ("ถ้ามีอะไรในโลกออนไลน์ที่รู้สึกไม่ดี เราจะบอกกัน และจะไม่มีใครโดนดุเพราะบอก "
        "เราเก็บรหัสผ่านและที่อยู่ของเราไว้เป็นความลับ เราแชทเฉพาะกับคนที่รู้จักในชีวิตจริง หรือไม่ก็ถามกันก่อน")
ENGLISH = ("If something online feels wrong, we tell each other, and nobody gets in trouble for telling. "
           "We keep our passwords and where we live private. We only chat with people we know in real life.")
STYLE, HEADING = TextStyle(24), TextStyle(30, bold=True)
INK = (0, 0, 0)


@pytest.fixture(scope="module")
def renderer() -> TextRenderer:
    pygame.font.init()
    return TextRenderer(ASSETS_DIR / "fonts")


@pytest.mark.parametrize(("language", "text"), [("th", THAI), ("en", ENGLISH)])
def test_a_paragraph_cut_across_pages_keeps_its_text(renderer, language, text):
    renderer.set_language(language)
    box = pygame.Rect(0, 0, 260, renderer.line_height(STYLE) * 3)
    pages = paginate(renderer, [Block(text, STYLE, INK)], box)
    assert len(pages) > 1
    pieces = [block.text for page in pages for block in page]
    position = 0
    for piece in pieces:  # the pieces are the text as written, cut only where a line ended
        assert text.startswith(piece, position), (piece, text[position:position + len(piece)])
        position += len(piece)
        position += text[position:position + 1] == " "
    assert position == len(text)
    for page in pages:
        assert sum(block_height(renderer, block, box.width) for block in page) <= box.height
    renderer.set_language("")


def test_a_heading_goes_with_the_start_of_its_text_and_pages_are_filled(renderer):
    line = renderer.line_height(STYLE)
    box = pygame.Rect(0, 0, 300, line * 6)
    blocks = [Block("A first paragraph that is long enough to take up three lines or so of this box.", STYLE, INK),
              Block("For the adult", HEADING, INK, gap_before=10, keep_with_next=True),
              Block(ENGLISH, STYLE, INK, gap_before=6)]
    pages = paginate(renderer, blocks, box)
    for page in pages:
        assert not page[-1].keep_with_next, "a heading ended a page"
    heading_page = next(n for n, page in enumerate(pages) if any(b.keep_with_next for b in page))
    assert len(pages[heading_page]) >= 2
    assert sum(len(page) for page in pages) >= len(blocks)


def test_a_heading_is_not_left_alone_when_the_short_list_after_it_cannot_be_cut(renderer):
    line = renderer.line_height(STYLE)
    heading = renderer.line_height(HEADING)
    three_lines = "A surprise is happy and everyone finds out soon; a secret that feels heavy is one to tell."
    assert len(renderer.layout(three_lines, STYLE, 400).lines) == 3
    box = pygame.Rect(0, 0, 400, line * 3 + heading)  # room for the paragraph, the heading and two lines only
    blocks = [Block("then block and report.", STYLE, INK), Block("What we will talk about", HEADING, INK, 0, False, True),
              Block(three_lines, STYLE, INK)]
    pages = paginate(renderer, blocks, box)
    assert [[b.text for b in page] for page in pages] == [["then block and report."],
                                                          ["What we will talk about", three_lines]]
