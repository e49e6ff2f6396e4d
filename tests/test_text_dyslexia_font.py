"""The dyslexia-friendly reading font: OpenDyslexic as the base face.

Coverage read from its WOFF 1.0 files (and from WOFF files built here, with
their cmap stored raw or compressed), the fallback chain with the option on
(Latin in OpenDyslexic, Noto Sans for what it lacks, Thai and Arabic in
their Noto fonts), layouts that reflow and lines that grow, the option
turned off again, a missing or broken file, ink inside its line boxes, and
a golden picture of a mixed Latin and Arabic paragraph.
"""

from __future__ import annotations

import shutil
import struct
import zlib

import pygame
import pytest
from test_ui_golden import check_screen

from game.paths import ASSETS_DIR
from game.text import TextRenderer, TextStyle
from game.text.fonts import _table, read_coverage

FONTS = ASSETS_DIR / "fonts"
REGULAR, BOLD = "OpenDyslexic-Regular.woff", "OpenDyslexic-Bold.woff"
PARAGRAPH = ("Maya got a message from someone she doesn't know. He said he was her age and asked "
             "which school she goes to. She told her mum, and they blocked him together.")
MIXED = ("Maya watched a video on TikTok with her friend.\n"
         "شاهدت مايا فيديو على TikTok مع صديقتها (مرتين).")
THAI = "เด็ก ๆ ควรบอกผู้ใหญ่ที่ไว้ใจได้"
INK = (20, 20, 20)


@pytest.fixture
def renderer() -> TextRenderer:
    pygame.font.init()
    return TextRenderer(FONTS)


def fonts_of(layout) -> dict[str, str]:
    """Each run's text and its font file, over all lines."""
    return {run.text: run.font for line in layout.lines for run in line.runs}


def woff_with(tables: dict[bytes, bytes], compress: bool) -> bytes:
    """A WOFF 1.0 file holding `tables`, each zlib-compressed or stored raw."""
    header_size, entry_size = 44, 20
    offset = header_size + entry_size * len(tables)
    directory, body = b"", b""
    for tag, data in sorted(tables.items()):
        stored = zlib.compress(data) if compress else data
        directory += struct.pack(">4sIIII", tag, offset + len(body), len(stored), len(data), 0)
        body += stored + b"\0" * (-len(stored) % 4)
    total = header_size + len(directory) + len(body)
    header = struct.pack(">4s4sIHHIHHIIIII", b"wOFF", b"\0\1\0\0", total, len(tables), 0, 0, 1, 0, 0, 0, 0, 0, 0)
    return header + directory + body


# Coverage from WOFF files ------------------------------------------------------------------------

def test_the_woff_coverage_has_latin_letters_and_no_thai():
    for file in (REGULAR, BOLD):
        coverage = read_coverage(FONTS / file)
        assert set(map(ord, "AZaz09ñÑéÉüçß¿¡’“”…€")) <= coverage, file
        assert not coverage & set(range(0x0E00, 0x0E80)) and not coverage & set(range(0x0600, 0x0700)), file
        assert ord("\u0108") not in coverage  # Ĉ: Noto Sans draws it


def test_the_woff_coverage_matches_fonttools():
    ttLib = pytest.importorskip("fontTools.ttLib")
    for file in (REGULAR, BOLD):
        assert read_coverage(FONTS / file) == set(ttLib.TTFont(FONTS / file).getBestCmap()), file


@pytest.mark.parametrize("compress", [True, False])
def test_a_cmap_raw_or_compressed_in_a_woff_reads_like_the_ttf(tmp_path, compress):
    ttf = FONTS / "NotoSansThai-Regular.ttf"
    woff = tmp_path / "thai.woff"
    woff.write_bytes(woff_with({b"cmap": _table(ttf.read_bytes(), b"cmap"), b"name": b"\0" * 64}, compress))
    assert read_coverage(woff) == read_coverage(ttf) and ord("\u0e01") in read_coverage(woff)


def test_missing_broken_and_unknown_files_have_no_coverage(tmp_path):
    woff = (FONTS / REGULAR).read_bytes()
    directory = {woff[at:at + 4]: struct.unpack(">II", woff[at + 4:at + 12])
                 for at in range(44, 44 + 20 * struct.unpack(">H", woff[12:14])[0], 20)}
    cmap_at, cmap_size = directory[b"cmap"]
    cases = {"missing.woff": None, "cut-in-cmap.woff": woff[:cmap_at + cmap_size // 2], "header.woff": woff[:60],
             "licence.woff": (FONTS / "OpenDyslexic-OFL.txt").read_bytes(), "font.woff2": b"wOF2" + woff[4:],
             "no-cmap.woff": woff_with({b"name": b"\0" * 64}, True),
             "bad-zlib.woff": woff_with({b"cmap": b"\1" * 200}, True)[:64] + b"\xff\xff" + b"\0" * 20}
    for name, data in cases.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        assert read_coverage(path) == frozenset(), name
    lying = bytearray(woff_with({b"cmap": b"x" * 100}, True))
    struct.pack_into(">I", lying, 44 + 12, 10 ** 9)  # origLength far beyond what inflates: truncated, refused
    (tmp_path / "lying.woff").write_bytes(bytes(lying))
    assert read_coverage(tmp_path / "lying.woff") == frozenset()


# The option on and off ----------------------------------------------------------------------------

def test_with_the_option_on_latin_is_opendyslexic_and_thai_and_arabic_keep_noto(renderer):
    assert renderer.set_reading_font(True)
    plain = renderer.layout(PARAGRAPH, TextStyle(24), 500)
    assert {run.font for line in plain.lines for run in line.runs} == {REGULAR}
    bold = renderer.layout(PARAGRAPH, TextStyle(24, bold=True), 500)
    assert {run.font for line in bold.lines for run in line.runs} == {BOLD}
    # No U+00A0 in OpenDyslexic's cmap, but HarfBuzz draws it as the space: no Noto Sans run for it.
    assert fonts_of(renderer.layout("¡Hola!\u00a0Maya, 10\u00a0km", TextStyle(24), 900)) == \
           {"¡Hola!\u00a0Maya, 10\u00a0km": REGULAR}
    thai = fonts_of(renderer.layout(f"{THAI} Maya", TextStyle(24), 900))
    assert thai[THAI + " "] == "NotoSansThai-Regular.ttf" and thai["Maya"] == REGULAR
    arabic = fonts_of(renderer.layout(MIXED.split("\n")[1], TextStyle(24), 900))
    assert arabic["TikTok"] == REGULAR
    assert {font for text, font in arabic.items() if "مايا" in text or "صديقتها" in text} == {"NotoSansArabic-Regular.ttf"}


def test_characters_opendyslexic_lacks_are_drawn_by_noto_sans(renderer):
    renderer.set_reading_font(True)
    style = TextStyle(24)
    # Ĉ is plain Latin (the fast path's kind of text), but OpenDyslexic has no Ĉ: the fallback chain draws it.
    runs = fonts_of(renderer.layout("Ĉu vi ŝatas ĝin? ₿ ₹100", style, 900))
    assert runs["Ĉ"] == runs["ĝ"] == runs["₿"] == "NotoSans-Regular.ttf"
    assert runs["u vi ŝatas "] == runs[" ₹100"] == REGULAR
    assert renderer.measure("Ĉu", style) == renderer.layout("Ĉu", style, 900).width
    assert renderer.measure("Ĉu", style) != renderer.font(style).size("Ĉu")[0]  # not OpenDyslexic's empty box


def test_opendyslexic_text_is_wider_so_the_paragraph_reflows(renderer):
    style = TextStyle(24)
    noto = renderer.layout(PARAGRAPH, style, 500)
    noto_width = renderer.measure("Need help?", style)
    renderer.set_reading_font(True)
    dyslexic = renderer.layout(PARAGRAPH, style, 500)
    assert len(dyslexic.lines) > len(noto.lines)
    assert dyslexic.line_height > noto.line_height and renderer.line_height(style) == dyslexic.line_height
    assert renderer.measure("Need help?", style) > noto_width
    assert all(line.width <= 500 for line in dyslexic.lines)


def test_turning_it_off_restores_the_noto_layouts(renderer):
    style = TextStyle(24)
    before = {text: renderer.layout(text, style, 500).to_json_with_runs() for text in (PARAGRAPH, MIXED, THAI)}
    renderer.set_language("th")
    thai_height = renderer.line_height(style)
    assert renderer.set_reading_font(True)
    assert renderer.line_height(style) >= thai_height  # drawn at 0.78 of the size, as tall as Noto Sans Thai's
    assert renderer.face_for("Latn", "a", False) == REGULAR
    assert not renderer.set_reading_font(False)
    assert renderer.line_height(style) == thai_height
    renderer.set_language("")
    assert {text: renderer.layout(text, style, 500).to_json_with_runs() for text in before} == before
    assert renderer.face_for("Latn", "a", False) == "NotoSans-Regular.ttf"


@pytest.mark.parametrize("damage", ["missing", "no bold", "broken"])
def test_without_a_usable_opendyslexic_the_text_stays_noto(tmp_path, damage):
    pygame.font.init()
    for font in FONTS.glob("*.ttf"):
        (tmp_path / font.name).symlink_to(font)
    if damage == "no bold":
        shutil.copy(FONTS / REGULAR, tmp_path / REGULAR)
    if damage == "broken":
        for file in (REGULAR, BOLD):
            (tmp_path / file).write_bytes(b"wOFF not really a font")
    fresh, noto = TextRenderer(tmp_path), TextRenderer(FONTS)
    assert fresh.set_reading_font(True) is False
    for text in (PARAGRAPH, MIXED, "Ĉu"):
        assert fresh.layout(text, TextStyle(24), 500).to_json_with_runs() == \
               noto.layout(text, TextStyle(24), 500).to_json_with_runs()
    fresh.draw_in_box(pygame.Surface((500, 400)), MIXED, TextStyle(24), INK, pygame.Rect(0, 0, 500, 400))


# Line boxes and drawing --------------------------------------------------------------------------

@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("size", [18, 30, 44])
def test_the_ink_of_latin_text_stays_in_its_line_boxes(renderer, bold, size):
    """OpenDyslexic's ascent and descent hold its letters, Spanish accents and ¿ included
    (only a rasterised pixel over, at most): lines neither overlap nor lose ink."""
    renderer.set_reading_font(True)
    style = TextStyle(size, bold)
    for text in ("ÁÉÍÓÚÑÜ ¿Qué? ¡Sí! gjpqy", "Maya (13) [ok] {x} | Çà", PARAGRAPH[:40]):
        layout = renderer.layout(text, style, 4000)
        picture = pygame.Surface((4000, layout.height + 40), pygame.SRCALPHA)
        renderer.draw(picture, layout, style, INK, 0, 20)
        ink = picture.get_bounding_rect()
        slack = max(1, layout.line_height // 30)  # a rasterised pixel or two of a capital's accent
        assert ink.top >= 20 - slack and ink.bottom <= 20 + layout.height + slack, (text, ink, layout.line_height)


def test_a_mixed_latin_and_arabic_paragraph_draws_with_opendyslexic(renderer, update_golden):
    renderer.set_reading_font(True)
    box = pygame.Rect(10, 10, 520, 360)
    picture = pygame.Surface((540, 380))
    picture.fill((255, 255, 255))
    renderer.reset_record()
    for style, top in ((TextStyle(24), 10), (TextStyle(24, bold=True), 190)):
        layout = renderer.draw_in_box(picture, MIXED, style, INK, pygame.Rect(box.x, top, box.width, 180))
        assert not renderer.overflows, renderer.overflows
        lines = [line for line in layout.lines if line.text]
        assert not lines[0].rtl and lines[-1].rtl
        assert {run.font for run in lines[0].runs} == {BOLD if style.bold else REGULAR}
    check_screen("text_opendyslexic", picture, update_golden)
