"""The family agreement as a picture: drawn in code, saved as a PNG.

Layer: game/ui. The card holds only the texts given to it (already
translated), the nicknames, a date in the player's language, the two avatars
and a decorative border: no words are baked into the drawing. Saving never
overwrites an earlier picture (-2, -3 ... are added to the name).
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
from babel import UnknownLocaleError
from babel.dates import format_date

from ...text import TextStyle
from .. import theme as T
from ..art import SHIRTS, draw_avatar, draw_star

if TYPE_CHECKING:
    from ..app import UI

CARD_SIZE = (1600, 1000)
GOLD = (232, 168, 40)


def long_date(code: str, day: datetime.date) -> str:
    try:
        return format_date(day, "long", locale=code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return day.isoformat()


def fitting_size(ui: UI, texts: list[str], sizes: range, width: int, height: int, spacing: int) -> int:
    """The largest font size at which all texts, stacked, fit the height."""
    for size in sizes:
        style = TextStyle(size)
        total = sum(ui.text.layout(text, style, width).height for text in texts) + spacing * (len(texts) - 1)
        if total <= height:
            return size
    return sizes[-1]


def draw_border(card: pygame.Surface) -> None:
    rect = card.get_rect()
    pygame.draw.rect(card, T.TEAL, rect.inflate(-56, -56), 12, border_radius=40)
    pygame.draw.rect(card, T.CORAL, rect.inflate(-100, -100), 3, border_radius=28)
    for x, y in ((70, 70), (rect.right - 70, 70), (70, rect.bottom - 70), (rect.right - 70, rect.bottom - 70)):
        draw_star(card, pygame.Rect(x - 26, y - 26, 52, 52), GOLD)
    for number in range(13):  # a garland of dots along the bottom edge
        x = 420 + number * 63
        pygame.draw.circle(card, SHIRTS[number % len(SHIRTS)], (x, rect.bottom - 78), 9)


def render_agreement_card(ui: UI, title: str, rules: list[str], day: datetime.date) -> pygame.Surface:
    card = pygame.Surface(CARD_SIZE)
    card.fill(T.PAPER)
    draw_border(card)
    settings = ui.settings
    avatar = 190
    people = ((pygame.Rect(130, 120, avatar, avatar), settings.child_avatar, "child", settings.child_name),
              (pygame.Rect(CARD_SIZE[0] - 130 - avatar, 120, avatar, avatar), settings.caregiver_avatar, "caregiver",
               settings.caregiver_name))
    name_style = TextStyle(34, True)
    header_bottom = 120 + avatar
    for rect, look, kind, name in people:
        draw_avatar(card, rect, look, kind)
        if name:
            box = pygame.Rect(rect.centerx - 150, rect.bottom + 12, 300, ui.text.layout(name, name_style, 300).height)
            ui.text.draw_in_box(card, name, name_style, T.INK, box, "center")
            header_bottom = max(header_bottom, box.bottom)
    title_w = CARD_SIZE[0] - 2 * (130 + avatar + 40)
    title_size = fitting_size(ui, [title], range(76, 30, -4), title_w, 200, 0)
    title_style = TextStyle(title_size, True)
    title_h = ui.text.layout(title, title_style, title_w).height
    ui.text.draw_in_box(card, title, title_style, T.TEAL, pygame.Rect(130 + avatar + 40, 150, title_w, title_h), "center")
    header_bottom = max(header_bottom, 150 + title_h)

    date_style = TextStyle(32)
    when = long_date(ui.tr.code, day)
    date_h = ui.text.layout(when, date_style, 1000).height
    date_box = pygame.Rect(300, CARD_SIZE[1] - 120 - date_h, 1000, date_h)
    ui.text.draw_in_box(card, when, date_style, T.MUTED_INK, date_box, "center")

    disc, left, right = 70, 190, CARD_SIZE[0] - 170
    text_x = left + disc + 30
    area = pygame.Rect(text_x, header_bottom + 50, right - text_x, date_box.y - 40 - header_bottom - 50)
    spacing = 36
    size = fitting_size(ui, rules, range(48, 20, -2), area.width, area.height, spacing)
    style = TextStyle(size)
    heights = [ui.text.layout(rule, style, area.width).height for rule in rules]
    y = area.y + max((area.height - sum(heights) - spacing * (len(rules) - 1)) // 2, 0)
    for number, (rule, height) in enumerate(zip(rules, heights), start=1):
        line = ui.text.line_height(style)
        circle = pygame.Rect(left, y + (line - disc) // 2, disc, disc)
        pygame.draw.ellipse(card, T.CORAL_DARK, circle)
        ui.text.draw_in_box(card, str(number), TextStyle(36, True), T.WHITE, circle, "center", "middle")
        ui.text.draw_in_box(card, rule, style, T.INK, pygame.Rect(area.x, y, area.width, height))
        y += height + spacing
    return card


def picture_name(day: datetime.date, number: int) -> str:
    suffix = "" if number == 1 else f"-{number}"
    return f"together-online-agreement-{day.isoformat()}{suffix}.png"


def save_picture(card: pygame.Surface, folder: Path, day: datetime.date) -> Path:
    """Write the card as a new PNG in `folder` (created if needed); never
    overwrites. Raises OSError if the folder or the file cannot be written."""
    buffer = io.BytesIO()
    try:
        pygame.image.save(card, buffer, "agreement.png")
    except pygame.error as exc:
        raise OSError(str(exc)) from exc
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, 1000):
        path = folder / picture_name(day, number)
        try:
            stream = open(path, "xb")  # noqa: SIM115 - exclusive create: a picture saved meanwhile is never replaced
        except FileExistsError:
            continue
        try:
            with stream:
                stream.write(buffer.getvalue())
        except OSError:
            path.unlink(missing_ok=True)  # no half-written picture left behind
            raise
        return path
    raise OSError(f"there are already 999 agreement pictures for {day.isoformat()} in {folder}")
