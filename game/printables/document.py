"""A PDF in one language: fonts, direction, paragraphs and page furniture.

Layer: game/printables (no pygame). fpdf2 shapes text with HarfBuzz and
applies the Unicode bidi algorithm; this module picks the bundled Noto font
for the language's script (the others are fallbacks, glyph by glyph), sets
the paragraph direction and alignment (Arabic right-aligned, right to left)
and, for scripts written without spaces (Thai, Khmer, Lao, Burmese), gives
fpdf2 ICU's break points as U+200B so a line wraps between words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from ..i18n.translator import Translator
from ..paths import ASSETS_DIR
from ..story.placeholders import fill_placeholders
from ..text.scripts import language_direction, language_script, script_of

FONTS_DIR = ASSETS_DIR / "fonts"
PAPERS = {"a4": "A4", "letter": "Letter"}
# Family name -> file stem; the first is the default for Latin-script languages.
FONT_FILES = {"sans": "NotoSans", "thai": "NotoSansThai", "khmer": "NotoSansKhmer", "bengali": "NotoSansBengali",
              "devanagari": "NotoSansDevanagari", "arabic": "NotoSansArabic"}
SCRIPT_FAMILIES = {"Thai": "thai", "Khmr": "khmer", "Beng": "bengali", "Deva": "devanagari", "Arab": "arabic"}
UNSPACED_SCRIPTS = frozenset({"Thai", "Khmr", "Laoo", "Mymr"})
ZWSP = "\u200b"
GREY, INK, ACCENT = (90, 90, 90), (20, 20, 20), (30, 90, 140)


@dataclass(frozen=True)
class Style:
    size: float = 10.5
    bold: bool = False
    color: tuple[int, int, int] = INK
    leading: float = 1.35  # line height as a multiple of the font size


class PrintDocument(FPDF):
    """An A4 or Letter PDF whose text methods take care of script and direction."""

    def __init__(self, tr: Translator, paper: str = "a4", footer_text: str = "", fonts_dir: Path = FONTS_DIR):
        super().__init__(orientation="portrait", unit="mm", format=PAPERS[paper])
        self.tr = tr
        self.rtl = bool(language_direction(tr.code))
        self.align = "R" if self.rtl else "L"
        self.footer_text = footer_text
        for family, stem in FONT_FILES.items():
            self.add_font(family, "", fonts_dir / f"{stem}-Regular.ttf")
            self.add_font(family, "B", fonts_dir / f"{stem}-Bold.ttf")
        self.family = _family_for(tr)
        self.set_fallback_fonts([name for name in FONT_FILES if name != self.family], exact_match=False)
        self.set_text_shaping(True, direction="rtl" if self.rtl else "ltr")
        self.set_lang(tr.code)
        self.set_creator("Together Online")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        self.names = {"child_name": tr._("your child"), "caregiver_name": tr._("your grown-up")}

    # Text ---------------------------------------------------------------------

    def prepare(self, text: str) -> str:
        """Text ready for fpdf2: placeholders filled, break points marked where
        the script puts no spaces between words."""
        text = fill_placeholders(text, self.names) if "{" in text else text
        if text.isascii() or not any(script_of(char) in UNSPACED_SCRIPTS for char in text):
            return text
        from ..text.breaking import line_breaks  # ICU loads only for such text

        ends = line_breaks(text, False, self.tr.code)
        pieces, start = [], 0
        for end in ends:
            piece = text[start:end]
            pieces.append(piece if piece[-1:].isspace() or end == len(text) else piece + ZWSP)
            start = end
        return "".join(pieces)

    def isolate(self, value: str) -> str:
        """A left-to-right value (phone number, web address, date) kept in its
        own order inside right-to-left text: bidi would show '116 111' as
        '111 116' and 2026-11-28 as 28-11-2026 after Arabic words."""
        return f"\u2066{value}\u2069" if self.rtl else value

    def use(self, style: Style) -> None:
        self.set_font(self.family, "B" if style.bold else "", style.size)
        self.set_text_color(*style.color)
        # Text in another colour than the fill is wrapped in q/Q; fpdf2 2.8.9 may set the page's font inside
        # that (when a line starts with a fallback glyph, such as a bullet before Thai) and lose it at Q, so
        # later lines have no font at all. With the fill colour equal to the text colour there is no q/Q.
        self.set_fill_color(*style.color)

    def paragraph(self, text: str, style: Style = Style(), indent: float = 0, width: float | None = None,
                  after: float = 1.5) -> None:
        """A wrapped paragraph from the current line, at the start margin plus `indent`."""
        self.use(style)
        width = (width or self.epw) - indent
        self.set_x(self.l_margin if self.rtl else self.l_margin + indent)
        self.multi_cell(width, style.size * style.leading * 0.3528, self.prepare(text), align=self.align,
                        new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def heading(self, text: str, size: float = 14, color: tuple[int, int, int] = ACCENT, before: float = 3) -> None:
        if self.get_y() > self.h - self.b_margin - 30:  # keep a heading with what follows it
            self.add_page()
        else:
            self.ln(before)
        self.paragraph(text, Style(size, True, color), after=1)

    def label(self, text: str, style: Style, indent: float = 0) -> None:
        """A short label kept on the same page as the paragraph it introduces."""
        if self.get_y() > self.h - self.b_margin - 14:
            self.add_page()
        self.paragraph(text, style, indent=indent, after=0.2)

    def bullets(self, items: Sequence[str], style: Style = Style(), indent: float = 4) -> None:
        """A list with hanging bullets, on the right in right-to-left text."""
        line = style.size * style.leading * 0.3528
        for item in items:
            if self.get_y() + 2 * line > self.h - self.b_margin:  # the bullet and its first line together
                self.add_page()
            self.use(style)
            self.set_font("sans", "", style.size)  # the bullet's own font: a lone fallback glyph confuses fpdf2
            self.set_x(self.w - self.r_margin - indent - 3.5 if self.rtl else self.l_margin + indent)
            self.cell(3.5, line, "\u2022", align="C")
            self.set_x(self.l_margin)
            self.paragraph(item, style, indent=indent + 3.5, after=0.8)

    def measure(self, text: str, style: Style, width: float) -> float:
        """The height `text` takes in a box `width` wide."""
        self.use(style)
        return self.multi_cell(width, style.size * style.leading * 0.3528, self.prepare(text), align=self.align,
                               dry_run=True, output="HEIGHT")

    # Story text ---------------------------------------------------------------

    def story(self, context: str, source: str) -> str:
        return self.tr.scenario_text(context, source)

    # Page furniture -------------------------------------------------------------

    def footer(self) -> None:
        if not self.footer_text:
            return
        self.set_y(-12)
        self.use(Style(7.5, color=GREY))
        text = f"{self.footer_text} \u00b7 {self.page_no()}"
        self.cell(0, 5, self.prepare(text), align="C")


def _family_for(tr: Translator) -> str:
    return SCRIPT_FAMILIES.get(language_script(tr.code), "sans")
