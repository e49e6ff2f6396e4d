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


def split_tall(renderer: TextRenderer, blocks: list[Block], box: pygame.Rect) -> list[Block]:
    """Blocks taller than a page, cut between lines into blocks that fit."""
    result: list[Block] = []
    for block in blocks:
        indent = renderer.line_height(block.style) if block.bullet else 0
        layout = renderer.layout(block.text, block.style, box.width - indent)
        per_page = max(box.height // layout.line_height, 1)
        if layout.height <= box.height or len(layout.lines) <= 1:
            result.append(block)
            continue
        for start in range(0, len(layout.lines), per_page):
            text = " ".join(line.text for line in layout.lines[start:start + per_page])
            result.append(Block(text, block.style, block.colour, block.gap_before if not start else 0,
                                block.bullet and not start, block.keep_with_next))
    return result


def paginate(renderer: TextRenderer, blocks: list[Block], box: pygame.Rect) -> list[list[Block]]:
    blocks = split_tall(renderer, blocks, box)
    heights = [block_height(renderer, block, box.width) for block in blocks]
    pages: list[list[Block]] = [[]]
    used = 0
    for number, (block, height) in enumerate(zip(blocks, heights)):
        gap = block.gap_before if pages[-1] else 0
        needed = gap + height
        if block.keep_with_next and number + 1 < len(blocks):
            needed += blocks[number + 1].gap_before + heights[number + 1]
        if pages[-1] and used + needed > box.height:
            pages.append([])
            used, gap = 0, 0
        pages[-1].append(block)
        used += gap + height
    return pages


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
