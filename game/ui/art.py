"""The game's pictures, drawn in code: backdrops, avatars, icons.

Layer: game/ui. No image files and no words in pictures: everything here is
shapes and colours, so it scales to any window, costs no download and has
nothing to translate. Made by the project (MIT, see assets/CREDITS.md).
"""

from __future__ import annotations

import math
import zlib

import pygame

SKIN = [(255, 224, 196), (241, 194, 150), (198, 134, 86), (141, 85, 36), (94, 56, 28), (224, 172, 105)]
HAIR = [(40, 30, 20), (90, 56, 30), (20, 20, 24), (170, 110, 50), (120, 120, 120), (60, 40, 30)]
SHIRTS = [(106, 76, 160), (29, 78, 137), (35, 105, 75), (200, 90, 60), (180, 140, 20), (90, 100, 110)]
AVATAR_COUNT = 6

# Backdrops: top and bottom colours of a soft gradient, and a motif.
BACKDROPS = {
    "chat": ((222, 236, 248), (246, 250, 253), "phone"),
    "feed": ((236, 228, 248), (250, 247, 253), "phone"),
    "game_chat": ((206, 236, 214), (236, 248, 238), "blocks"),
    "video_call": ((226, 232, 244), (246, 248, 252), "phone"),
    "phone": ((224, 234, 244), (248, 250, 252), "phone"),
    "home": ((250, 232, 210), (253, 246, 236), "window"),
    "bedroom": ((232, 226, 246), (249, 246, 253), "window"),
    "kitchen": ((250, 238, 214), (253, 249, 240), "window"),
    "living_room": ((246, 230, 214), (252, 246, 239), "window"),
    "school": ((220, 236, 226), (244, 250, 246), "board"),
    "classroom": ((220, 236, 226), (244, 250, 246), "board"),
    "library": ((236, 228, 212), (250, 246, 238), "board"),
    "playground": ((208, 232, 246), (238, 246, 232), "hills"),
    "park": ((208, 232, 246), (230, 244, 226), "hills"),
    "street": ((214, 226, 238), (240, 242, 246), "hills"),
    "bus": ((214, 226, 238), (240, 242, 246), "hills"),
    "shop": ((246, 236, 222), (252, 248, 242), "window"),
}
DEFAULT_BACKDROP = ((238, 240, 236), (250, 250, 247), "none")


def stable_index(key: str, count: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % count


def draw_backdrop(surface: pygame.Surface, scene: str | None, rect: pygame.Rect | None = None) -> None:
    rect = rect or surface.get_rect()
    top, bottom, motif = BACKDROPS.get(scene or "", DEFAULT_BACKDROP)
    steps = 24
    for i in range(steps):
        t = i / (steps - 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
        band = pygame.Rect(rect.x, rect.y + rect.height * i // steps, rect.width, rect.height // steps + 1)
        surface.fill(colour, band)
    tint = tuple(max(c - 22, 0) for c in top)
    w, h = rect.width, rect.height
    if motif == "window":
        frame = pygame.Rect(rect.x + w * 0.015, rect.y + h * 0.16, w * 0.085, h * 0.22)
        pygame.draw.rect(surface, (255, 255, 255), frame, border_radius=6)
        pygame.draw.rect(surface, tint, frame, 6, border_radius=6)
        pygame.draw.line(surface, tint, frame.midtop, frame.midbottom, 4)
        pygame.draw.line(surface, tint, frame.midleft, frame.midright, 4)
        pot = pygame.Rect(rect.right - w * 0.06, rect.bottom - h * 0.14, w * 0.035, h * 0.07)
        pygame.draw.rect(surface, (200, 120, 90), pot, border_radius=4)
        for angle in (-0.6, 0.0, 0.6):
            end = (pot.centerx + math.sin(angle) * h * 0.1, pot.top - math.cos(angle) * h * 0.12)
            pygame.draw.line(surface, (60, 130, 80), pot.midtop, end, 5)
    elif motif == "board":
        board = pygame.Rect(rect.x + w * 0.015, rect.y + h * 0.16, w * 0.085, h * 0.16)
        pygame.draw.rect(surface, (60, 100, 80), board, border_radius=4)
        pygame.draw.rect(surface, (150, 110, 70), board, 6, border_radius=4)
    elif motif == "hills":
        pygame.draw.ellipse(surface, tint, pygame.Rect(rect.x - w * 0.1, rect.bottom - h * 0.25, w * 0.6, h * 0.5))
        pygame.draw.ellipse(surface, tint, pygame.Rect(rect.x + w * 0.5, rect.bottom - h * 0.2, w * 0.7, h * 0.45))
        pygame.draw.circle(surface, (255, 226, 150), (rect.right - w * 0.1, rect.y + h * 0.14), h * 0.06)
    elif motif == "blocks":
        size = h * 0.05
        for i, (dx, dy) in enumerate([(0, 0), (1, 0), (0, -1), (2, 0), (1, -1)]):
            block = pygame.Rect(rect.x + w * 0.015 + dx * size, rect.y + h * 0.3 + dy * size, size - 3, size - 3)
            pygame.draw.rect(surface, SHIRTS[i % len(SHIRTS)], block, border_radius=3)
    elif motif == "phone":
        phone = pygame.Rect(rect.x + w * 0.02, rect.y + h * 0.16, w * 0.06, h * 0.22)
        pygame.draw.rect(surface, tint, phone, 5, border_radius=12)


def draw_avatar(surface: pygame.Surface, rect: pygame.Rect, look: int, kind: str = "child") -> None:
    """A friendly round face. `kind` 'stranger' draws a neutral silhouette:
    we show that we do not know who is behind an account, not a villain."""
    pygame.draw.ellipse(surface, (255, 255, 255), rect)
    inner = rect.inflate(-max(rect.width // 14, 2), -max(rect.height // 14, 2))
    clip = surface.get_clip()
    surface.set_clip(inner.clip(clip) if clip else inner)
    if kind == "stranger":
        pygame.draw.ellipse(surface, (200, 206, 212), inner)
        head = pygame.Rect(0, 0, inner.width * 0.42, inner.height * 0.42)
        head.center = (inner.centerx, inner.y + inner.height * 0.4)
        pygame.draw.ellipse(surface, (150, 158, 166), head)
        body = pygame.Rect(0, 0, inner.width * 0.8, inner.height * 0.6)
        body.midtop = (inner.centerx, inner.y + inner.height * 0.66)
        pygame.draw.ellipse(surface, (150, 158, 166), body)
        surface.set_clip(clip)
        return
    skin, hair, shirt = SKIN[look % len(SKIN)], HAIR[(look * 5 + 1) % len(HAIR)], SHIRTS[look % len(SHIRTS)]
    pygame.draw.ellipse(surface, (232, 240, 236), inner)
    body = pygame.Rect(0, 0, inner.width * 0.86, inner.height * 0.6)
    body.midtop = (inner.centerx, inner.y + inner.height * 0.72)
    pygame.draw.ellipse(surface, shirt, body)
    grown = kind in ("caregiver", "adult")
    scale = 0.5 if grown else 0.46
    face = pygame.Rect(0, 0, inner.width * scale, inner.height * (scale + 0.04))
    face.center = (inner.centerx, inner.y + inner.height * 0.44)
    hair_rect = face.inflate(face.width * 0.16, face.height * 0.1).move(0, -face.height * 0.1)
    if look % 3 == 1:  # longer hair, falling either side of the face to the shoulders
        falls = pygame.Rect(0, 0, face.width * 1.3, face.height * 1.05)
        falls.midtop = (face.centerx, hair_rect.y + face.height * 0.2)
        pygame.draw.rect(surface, hair, falls, border_radius=int(face.width * 0.35))
        neck = pygame.Rect(0, 0, face.width * 0.38, face.height * 0.75)
        neck.midtop = face.center  # so the hair behind does not read as a beard under the chin
        pygame.draw.rect(surface, skin, neck)
    pygame.draw.ellipse(surface, hair, hair_rect)
    pygame.draw.ellipse(surface, skin, face.move(0, face.height * 0.06))
    eye = max(face.width // 12, 2)
    for side in (-1, 1):
        pygame.draw.circle(surface, (40, 40, 48), (face.centerx + side * face.width * 0.2, face.centery + face.height * 0.08), eye)
    smile = pygame.Rect(0, 0, face.width * 0.4, face.height * 0.26)
    smile.center = (face.centerx, face.centery + face.height * 0.24)
    pygame.draw.arc(surface, (150, 60, 60), smile, math.pi * 1.1, math.pi * 1.9, max(eye // 2, 2))
    if grown and look % 2 == 0:  # glasses for some grown-ups
        for side in (-1, 1):
            pygame.draw.circle(surface, (60, 60, 70), (face.centerx + side * face.width * 0.2, face.centery + face.height * 0.08),
                               eye * 2.2, max(eye // 2, 1))
    surface.set_clip(clip)


def draw_decider_icon(surface: pygame.Surface, decider: str, rect: pygame.Rect, colour) -> None:
    """child: one small figure; caregiver: one tall figure; together: both."""
    def figure(cx: float, height: float) -> None:
        head = max(height * 0.2, 2.5)
        pygame.draw.circle(surface, colour, (cx, rect.bottom - height + head), head)
        body = pygame.Rect(0, 0, head * 3.0, max(height - head * 2.4, 2))
        body.midbottom = (cx, rect.bottom)
        pygame.draw.rect(surface, colour, body, border_top_left_radius=int(head * 1.4),
                         border_top_right_radius=int(head * 1.4))

    h = rect.height
    if decider == "child":
        figure(rect.centerx, h * 0.75)
    elif decider == "caregiver":
        figure(rect.centerx, h)
    else:
        figure(rect.x + rect.width * 0.3, h)
        figure(rect.x + rect.width * 0.78, h * 0.75)


def draw_ending_icon(surface: pygame.Surface, kind: str, rect: pygame.Rect, colour) -> None:
    """safe: a shield; supported: two hands (a heart); learning: a light bulb."""
    cx, cy, r = rect.centerx, rect.centery, min(rect.width, rect.height) / 2
    if kind == "safe":
        points = [(cx - r * 0.8, cy - r * 0.7), (cx, cy - r), (cx + r * 0.8, cy - r * 0.7),
                  (cx + r * 0.7, cy + r * 0.2), (cx, cy + r), (cx - r * 0.7, cy + r * 0.2)]
        pygame.draw.polygon(surface, colour, points)
    elif kind == "supported":
        pygame.draw.circle(surface, colour, (cx - r * 0.38, cy - r * 0.25), r * 0.45)
        pygame.draw.circle(surface, colour, (cx + r * 0.38, cy - r * 0.25), r * 0.45)
        pygame.draw.polygon(surface, colour, [(cx - r * 0.8, cy - r * 0.05), (cx + r * 0.8, cy - r * 0.05), (cx, cy + r * 0.9)])
    else:
        pygame.draw.circle(surface, colour, (cx, cy - r * 0.2), r * 0.65)
        pygame.draw.rect(surface, colour, pygame.Rect(cx - r * 0.3, cy + r * 0.35, r * 0.6, r * 0.5), border_radius=3)


def draw_check(surface: pygame.Surface, rect: pygame.Rect, colour) -> None:
    width = max(rect.width // 6, 2)
    pygame.draw.lines(surface, colour, False, [(rect.x + rect.width * 0.15, rect.centery),
                                               (rect.x + rect.width * 0.42, rect.bottom - rect.height * 0.2),
                                               (rect.right - rect.width * 0.12, rect.y + rect.height * 0.2)], width)


def draw_speaker(surface: pygame.Surface, rect: pygame.Rect, colour, speaking: bool = False) -> None:
    """A loudspeaker with sound waves: "listen" before you can read the word.
    While speaking, a square "stop" sits in the waves' place."""
    w, h = rect.width, rect.height
    body = [(rect.x, rect.y + h * 0.35), (rect.x + w * 0.22, rect.y + h * 0.35), (rect.x + w * 0.48, rect.y + h * 0.1),
            (rect.x + w * 0.48, rect.y + h * 0.9), (rect.x + w * 0.22, rect.y + h * 0.65), (rect.x, rect.y + h * 0.65)]
    pygame.draw.polygon(surface, colour, body)
    line = max(w // 12, 2)
    if speaking:
        side = int(w * 0.3)
        pygame.draw.rect(surface, colour, pygame.Rect(rect.right - side, rect.centery - side // 2, side, side))
        return
    for step in (1, 2):
        radius = w * (0.2 + 0.17 * step)
        arc = pygame.Rect(0, 0, radius * 2, radius * 2)
        arc.center = (int(rect.x + w * 0.42), rect.centery)
        pygame.draw.arc(surface, colour, arc, -0.8, 0.8, line)


def draw_star(surface: pygame.Surface, rect: pygame.Rect, colour) -> None:
    cx, cy, r = rect.centerx, rect.centery, min(rect.width, rect.height) / 2
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + math.cos(angle) * radius, cy + math.sin(angle) * radius))
    pygame.draw.polygon(surface, colour, points)
