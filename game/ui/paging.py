"""Blocks of text split into pages that fit a box, for screens whose text
may be longer than the window (large text size, small screens, long
translations). Nothing is ever clipped: what does not fit goes on a page.

Layer: game/ui.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..text import TextRenderer, TextStyle


@dataclass(frozen=True)
class Block:
    text: str
    style: TextStyle
    colour: tuple
    gap_before: int = 0
    bullet: bool = False
    keep_with_next: bool = False  # a heading: never the last block of a page


def block_height(renderer: TextRenderer, block: Block, width: int) -> int:
    indent = renderer.line_height(block.style) if block.bullet else 0
    return renderer.layout(block.text, block.style, width - indent).height


MIN_LINES = 2  # a block split across pages keeps at least this many lines on each side, if it can


def line_texts(text: str, lines) -> list[str]:
    """The source text of each laid-out line, separators included, so that
    joining any run of them gives back the text as written (Thai and Khmer
    put no space between words: joining line texts with spaces would add some)."""
    pieces, position = [], 0
    starts = []
    for line in lines:
        found = text.find(line.text, position) if line.text else position
        if found < 0:
            return [line.text + " " for line in lines]  # cannot place a line: spaces, as a last resort
        starts.append(found)
        position = found + len(line.text)
    for number, begin in enumerate(starts):
        pieces.append(text[begin:starts[number + 1]] if number + 1 < len(starts) else text[begin:])
    return pieces


def split_block(renderer: TextRenderer, block: Block, width: int, first_lines: int) -> tuple[Block, Block]:
    """`block` cut after its first `first_lines` lines: the two halves, the text of neither changed."""
    indent = renderer.line_height(block.style) if block.bullet else 0
    layout = renderer.layout(block.text, block.style, width - indent)
    pieces = line_texts(block.text, layout.lines)
    head, tail = "".join(pieces[:first_lines]).strip(), "".join(pieces[first_lines:]).strip()
    return (Block(head, block.style, block.colour, block.gap_before, block.bullet, block.keep_with_next),
            Block(tail, block.style, block.colour, 0, False, block.keep_with_next))


def line_count(renderer: TextRenderer, block: Block, width: int) -> tuple[int, int]:
    """(lines, line height) of `block` at `width`."""
    indent = renderer.line_height(block.style) if block.bullet else 0
    layout = renderer.layout(block.text, block.style, width - indent)
    return len(layout.lines), layout.line_height


def paginate(renderer: TextRenderer, blocks: list[Block], box: pygame.Rect) -> list[list[Block]]:
    """Fill pages in order. A paragraph that does not fit the rest of a page
    is cut between lines (keeping two lines together on each side when it
    can); a heading (`keep_with_next`) goes with the start of what follows."""
    pending = list(blocks)
    pages: list[list[Block]] = [[]]
    used = 0
    while pending:
        block = pending.pop(0)
        gap = block.gap_before if pages[-1] else 0
        height = block_height(renderer, block, box.width)
        needed = gap + height
        if block.keep_with_next and pending:
            lines, line_height = line_count(renderer, pending[0], box.width)
            first = lines if lines < 2 * MIN_LINES else MIN_LINES  # what of it can start on this page
            needed += pending[0].gap_before + first * line_height
        if used + needed <= box.height or (not pages[-1] and height <= box.height):
            pages[-1].append(block)
            used += gap + height
            continue
        lines, line_height = line_count(renderer, block, box.width)
        room = (box.height - used - gap) // max(line_height, 1)
        if not pages[-1]:  # taller than a whole page: as many lines as fit, the rest on the next
            room = max(room, 1)
        elif block.keep_with_next or room < MIN_LINES or lines - room < MIN_LINES:
            room = 0
        if 0 < room < lines:
            head, tail = split_block(renderer, block, box.width, room)
            if head.text and tail.text:
                pages[-1].append(head)
                pending.insert(0, tail)
                pages.append([])
                used = 0
                continue
        if not pages[-1]:  # one line that cannot be cut: it has the page to itself
            pages[-1].append(block)
            pages.append([])
            used = 0
            continue
        pages.append([])
        used = 0
        pending.insert(0, block)
    return [page for page in pages if page] or [[]]


def draw_blocks(surface: pygame.Surface, renderer: TextRenderer, blocks: list[Block], box: pygame.Rect,
                align: str = "left") -> None:
    y = box.y
    for number, block in enumerate(blocks):
        if number:
            y += block.gap_before
        indent = 0
        if block.bullet:
            indent = renderer.line_height(block.style)
            radius = max(block.style.size // 6, 3)
            pygame.draw.circle(surface, block.colour, (box.x + indent // 2, y + renderer.line_height(block.style) // 2), radius)
        height = block_height(renderer, block, box.width)
        renderer.draw_in_box(surface, block.text, block.style, block.colour,
                             pygame.Rect(box.x + indent, y, box.width - indent, max(height, 1)), align)
        y += height
