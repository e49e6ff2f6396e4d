"""How one story line looks: chat bubbles, speech, thoughts, notifications
and narration, each rendered once into its own surface.

Layer: game/ui. The story scene stacks these blocks in a column and slides
the newest in; caching them keeps animated frames cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...story import Scenario
from ...story.model import NARRATOR, Line
from .. import theme as T
from ..art import draw_avatar, stable_index
from ..widgets import rounded


@dataclass
class LineBlock:
    surface: pygame.Surface
    align: str  # left | right | center
    x: int = 0  # where the surface starts inside the column


def trimmed(block: LineBlock) -> LineBlock:
    """Keep only the part of the line's surface that has something drawn."""
    used = block.surface.get_bounding_rect()
    if used.width == 0 or used.width == block.surface.get_width():
        return block
    area = pygame.Rect(used.x, 0, used.width, block.surface.get_height())
    return LineBlock(block.surface.subsurface(area).copy(), block.align, block.x + used.x)


def main_character(scenario: Scenario) -> str | None:
    """The story's point of view: its first child or teen character, whose
    chat messages sit on the right like one's own messages in a chat app."""
    return next((c.id for c in scenario.characters.values() if c.kind in ("child", "teen")), None)


def speaker_name(ui, scenario: Scenario, line: Line) -> str:
    """The name of who says `line`, in the game's language ("" for nobody known)."""
    speaker = scenario.characters.get(line.speaker)
    return ui.tr.scenario_text(scenario.id, speaker.name.source) if speaker else ""


def spoken_line(ui, scenario: Scenario, line: Line, text: str) -> list[str]:
    """A line as read-aloud says it: who speaks (or thinks), then the words."""
    name = speaker_name(ui, scenario, line)
    if not name or (line.speaker == NARRATOR and line.via != "notification"):
        return [text]
    if line.via == "thought":
        return [ui.tr._("{name} thinks").format(name=name), text]
    return [name, text]


def render_line(ui, scenario: Scenario, line: Line, text: str, width: int) -> LineBlock:
    theme = ui.theme
    speaker = scenario.characters.get(line.speaker)
    name = speaker_name(ui, scenario, line)
    pad = theme.px(18)
    style = theme.body
    if line.speaker == NARRATOR and line.via != "notification":
        return _panel(ui, text, style, width, T.NARRATION, T.INK, pad, "center")
    if line.via == "notification":
        return _notification(ui, text, name, width, pad)
    is_me = line.speaker == main_character(scenario)
    on_right = is_me != ui.tr.language.rtl  # one's own messages sit at the end of the line, as in chat apps
    avatar_size = theme.px(56)
    bubble_w = int(width * 0.78) - avatar_size - theme.gap
    label = ui.tr._("{name} thinks").format(name=name) if line.via == "thought" else name
    label_style = theme.small if line.via == "chat" else theme.label
    text_layout = ui.text.layout(text, style, bubble_w - 2 * pad)
    label_h = ui.text.line_height(label_style)
    bubble_h = text_layout.height + 2 * pad
    height = max(label_h + bubble_h + theme.px(4), avatar_size + label_h)
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    fill = {"chat": T.BUBBLE_ME if is_me else T.BUBBLE_THEM, "thought": T.THOUGHT}.get(line.via, T.PANEL)
    if on_right:
        avatar = pygame.Rect(width - avatar_size, label_h, avatar_size, avatar_size)
        bubble = pygame.Rect(avatar.x - theme.gap - bubble_w, label_h + theme.px(4), bubble_w, bubble_h)
    else:
        avatar = pygame.Rect(0, label_h, avatar_size, avatar_size)
        bubble = pygame.Rect(avatar.right + theme.gap, label_h + theme.px(4), bubble_w, bubble_h)
    fit = text_layout.width + 2 * pad
    if fit < bubble.width and line.via == "chat":  # chat bubbles hug their text
        if on_right:
            bubble.x = bubble.right - fit
        bubble.width = fit
    kind = speaker.kind if speaker else "other"
    draw_avatar(surface, avatar, stable_index(line.speaker, 6), kind)
    radius = theme.radius if line.via != "thought" else theme.radius * 2
    rounded(surface, (0, 0, 0, 30), bubble.move(0, 3), radius)
    rounded(surface, fill, bubble, radius)
    if line.via == "speech":
        rounded(surface, T.TEAL, bubble, radius, max(theme.px(2), 2))
    if line.via == "thought":
        for step, size in ((1, 8), (2, 5)):
            centre = (bubble.x - theme.px(6) * step if not on_right else bubble.right + theme.px(6) * step,
                      bubble.bottom - theme.px(8) * step)
            pygame.draw.circle(surface, fill, centre, theme.px(size))
    label_box = pygame.Rect(bubble.x if not on_right else bubble.right - bubble_w, 0, bubble_w, label_h)
    ui.text.draw_in_box(surface, label, label_style, T.MUTED_INK, label_box, "right" if on_right else "flush-left")
    ui.text.draw_in_box(surface, text, style, T.INK, bubble.inflate(-2 * pad, -2 * pad))
    return LineBlock(surface, "right" if on_right else "left")


def _panel(ui, text, style, width, fill, ink, pad, align) -> LineBlock:
    theme = ui.theme
    inner_w = int(width * 0.86) - 2 * pad
    layout = ui.text.layout(text, style, inner_w)
    box = pygame.Rect(0, 0, min(layout.width, inner_w) + 2 * pad, layout.height + 2 * pad)
    surface = pygame.Surface((width, box.height + theme.px(6)), pygame.SRCALPHA)
    box.centerx = width // 2
    rounded(surface, (0, 0, 0, 25), box.move(0, 3), theme.radius)
    rounded(surface, fill, box, theme.radius)
    ui.text.draw_in_box(surface, text, style, ink, box.inflate(-2 * pad, -2 * pad), "center")
    return LineBlock(surface, align)


def _notification(ui, text, name, width, pad) -> LineBlock:
    theme = ui.theme
    shown = text if not name else ui.tr._("{name}: {message}").format(name=name, message=text)
    inner_w = int(width * 0.8) - 2 * pad - theme.px(40)
    layout = ui.text.layout(shown, theme.body, inner_w)
    box = pygame.Rect(0, 0, min(layout.width, inner_w) + 2 * pad + theme.px(40), layout.height + 2 * pad)
    box.centerx = width // 2
    surface = pygame.Surface((width, box.height + theme.px(6)), pygame.SRCALPHA)
    rounded(surface, T.NOTIFICATION, box, theme.radius)
    bell = pygame.Rect(box.x + pad, box.y + pad, theme.px(28), theme.px(28))
    pygame.draw.circle(surface, T.FOCUS, (bell.centerx, bell.centery - 2), bell.width // 2 - 2)
    pygame.draw.rect(surface, T.FOCUS, pygame.Rect(bell.x, bell.centery, bell.width, bell.height // 3), border_radius=3)
    pygame.draw.circle(surface, T.FOCUS, (bell.centerx, bell.bottom), 3)
    ui.text.draw_in_box(surface, shown, theme.body, T.WHITE,
                        pygame.Rect(bell.right + theme.px(12), box.y + pad, inner_w, box.height - 2 * pad))
    return LineBlock(surface, "center")
