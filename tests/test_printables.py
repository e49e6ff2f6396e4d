"""Printables: discussion cards and the facilitator's guide as PDF.

The PDFs are built from the real stories and catalogs, then read back with
pypdf. Extracted Thai keeps its letters in order, with stray codes for the
glyphs HarfBuzz adds (SARA AM becomes two glyphs), so it is compared letter
by letter, Thai letters only; extracted Arabic may come out in visual order
per line, so it is compared word by word.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest
from conftest import FIXTURES

from game.cli import main
from game.helplines import load_helplines
from game.i18n.catalogs import load_translator
from game.paths import HELPLINES_FILE, LOCALE_DIR
from game.printables.cards import build_cards
from game.printables.guide import build_guide
from game.printables.sources import every_story, facilitator_guides

ROOT = Path(__file__).resolve().parent.parent
ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u065f\u0670-\u06d3]+")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def squeeze(text: str) -> str:
    """Text with spaces, line breaks, control and format characters (U+200B) removed, NFC."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf"))


def thai_letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text) if "\u0e01" <= c <= "\u0e5b")


def arabic_words(text: str) -> set[str]:
    return set(ARABIC_WORD.findall(unicodedata.normalize("NFC", text)))


@pytest.fixture(scope="module")
def story():
    """The first story that has a choice with discussion prompts."""
    for report in every_story():
        if report.scenario is not None and any(c.discuss for n in report.scenario.nodes.values() for c in n.choices):
            return report.scenario
    pytest.skip("no story with discussion prompts")


@pytest.fixture(scope="module")
def built(story):
    """(cards, guide) PDF bytes per language, built once."""
    helplines, _ = load_helplines(HELPLINES_FILE)
    guides = facilitator_guides()
    cache = {}

    def build(lang: str) -> tuple[bytes, bytes]:
        if lang not in cache:
            tr = load_translator(lang, LOCALE_DIR)
            cache[lang] = (bytes(build_cards([story], tr).output()),
                           bytes(build_guide([story], tr, helplines, guides).output()))
        return cache[lang]

    return build


def first_prompts(story) -> list[str]:
    choice = next(c for n in story.nodes.values() for c in n.choices if c.discuss)
    return [prompt.text.source for prompt in choice.discuss]


def test_cards_and_guide_build_in_english_with_fonts_embedded(story, built):
    cards, guide = built("en")
    for data in (cards, guide):
        assert data.startswith(b"%PDF")
        assert b"/FontFile2" in data  # TrueType fonts embedded, not referenced
    card_text, guide_text = squeeze(pdf_text(cards)), squeeze(pdf_text(guide))
    for prompt in first_prompts(story):
        assert squeeze(prompt) in card_text
        assert squeeze(prompt) in guide_text
    assert squeeze("For the child") in card_text
    assert squeeze(story.title.source) in guide_text
    assert squeeze("Learning goals") in guide_text and squeeze("Help lines") in guide_text
    for guide_file in facilitator_guides():  # the disclosure guidance and the primer come last
        assert squeeze(guide_file.title.source) in guide_text


def test_thai_pdfs_contain_the_translated_prompts(story, built):
    tr = load_translator("th", LOCALE_DIR)
    cards, guide = built("th")
    card_text, guide_text = thai_letters(pdf_text(cards)), thai_letters(pdf_text(guide))
    for source in first_prompts(story):
        translated = thai_letters(tr.scenario_text(story.id, source))
        assert translated, f"no Thai translation for {source!r}"
        assert translated in card_text
        assert translated in guide_text
    assert thai_letters(tr._("For the child")) in card_text
    assert thai_letters(tr._("Learning goals")) in guide_text
    for guide_file in facilitator_guides():  # bulleted points: a bullet glyph from another font comes first
        points = [point for section in guide_file.sections for point in section.points]
        assert thai_letters(tr.scenario_text(guide_file.id, points[0].source)) in guide_text


def test_arabic_pdfs_contain_the_translated_prompts(story, built):
    tr = load_translator("ar", LOCALE_DIR)
    cards, guide = built("ar")
    card_words, guide_words = arabic_words(pdf_text(cards)), arabic_words(pdf_text(guide))
    for source in first_prompts(story):
        words = arabic_words(tr.scenario_text(story.id, source))
        assert words, f"no Arabic translation for {source!r}"
        assert words <= card_words, words - card_words
        assert words <= guide_words, words - guide_words
    assert arabic_words(tr._("Learning goals")) <= guide_words


def test_the_guides_help_lines_say_who_they_are_for_in_the_readers_language(built):
    """Who each service is for, its hours and the country's note: Thai and Arabic, not the file's English."""
    directory, _ = load_helplines(HELPLINES_FILE)
    thailand = directory.countries["TH"]
    entry = next(e for e in thailand.entries if e.audience and e.hours)
    th, ar = load_translator("th", LOCALE_DIR), load_translator("ar", LOCALE_DIR)
    thai_guide = pdf_text(built("th")[1])
    for source in (entry.audience, entry.hours, thailand.note):
        translated = th.scenario_text("helplines", source)
        assert translated != source, f"no Thai translation for {source!r}"
        assert thai_letters(translated) in thai_letters(thai_guide)
    assert squeeze(entry.audience) not in squeeze(thai_guide)
    assert thai_letters(th._("Help lines in {country}").format(country="ไทย")) in thai_letters(thai_guide)
    arabic_guide = arabic_words(pdf_text(built("ar")[1]))
    words = arabic_words(ar.scenario_text("helplines", entry.audience))
    assert words and words <= arabic_guide, words - arabic_guide


def test_right_to_left_cards_start_on_the_right(story):
    from game.printables.cards import _card_box
    from game.printables.document import PrintDocument

    left_to_right = PrintDocument(load_translator("en", LOCALE_DIR))
    right_to_left = PrintDocument(load_translator("ar", LOCALE_DIR))
    assert right_to_left.rtl and right_to_left.align == "R"
    assert _card_box(right_to_left, 0)[0] > _card_box(left_to_right, 0)[0]


def test_thai_text_gets_word_break_points():
    from game.printables.document import ZWSP, PrintDocument

    pdf = PrintDocument(load_translator("th", LOCALE_DIR))
    prepared = pdf.prepare("กายจะปฏิเสธแบบไหน")
    assert ZWSP in prepared and prepared.replace(ZWSP, "") == "กายจะปฏิเสธแบบไหน"
    assert pdf.prepare("No breaks here") == "No breaks here"


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, stdout=out), out.getvalue()


def test_cli_cards_all_and_guide_with_letter_paper(story, tmp_path):
    target = tmp_path / "cards.pdf"
    status, out = run(["cards", "all", "--lang", "en", "-o", str(target)])
    assert status == 0, out
    text = squeeze(pdf_text(target.read_bytes()))
    for report in every_story():
        assert squeeze(report.scenario.title.source) in text
    guide = tmp_path / "guide.pdf"
    status, out = run(["guide", story.id, "--lang", "es", "-o", str(guide), "--paper", "letter", "--country", "TH"])
    assert status == 0, out
    width, height = pypdf.PdfReader(guide).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_cli_exit_codes(tmp_path, capsys):
    output = str(tmp_path / "x.pdf")
    assert run(["cards", "no_such_story", "-o", output])[0] == 2
    assert "no scenario 'no_such_story'" in capsys.readouterr().err
    assert run(["guide", "all", "--lang", "zz", "-o", output])[0] == 2
    assert "no language 'zz'" in capsys.readouterr().err
    status, out = run(["cards", str(FIXTURES / "invalid" / "e102_choice_without_goto.yaml"), "-o", output])
    assert status == 1 and "E102" in out
    assert not Path(output).exists()
    assert run(["cards", "all", "-o", str(tmp_path / "missing" / "x.pdf")])[0] == 2
    assert "cannot write" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        run(["cards", "all"])  # no -o
    assert usage.value.code == 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("lang", ["th", "bn", "ar"])
def test_pages_render_to_images(built, lang, tmp_path):
    from PIL import Image

    cards, guide = built(lang)
    for name, data in (("cards", cards), ("guide", guide)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True, timeout=60)
        image = Image.open(next(tmp_path.glob(f"{name}-*1.png"))).convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 200, f"{lang} {name}: the first page looks empty"


def test_printables_build_with_pygame_blocked():
    # A fresh interpreter: Thai text loads the ICU break points from game.text without pygame.
    code = ("import sys; sys.modules['pygame'] = None\n"
            "from game.i18n.catalogs import load_translator\nfrom game.paths import LOCALE_DIR\n"
            "from game.printables.cards import build_cards\nfrom game.printables.guide import build_guide\n"
            "from game.printables.document import PrintDocument\n"
            "assert '\\u200b' in PrintDocument(load_translator('th', LOCALE_DIR)).prepare('กายจะปฏิเสธแบบไหน')\n")
    done = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_lines_that_start_with_a_fallback_glyph_keep_their_font(tmp_path):
    from game.printables.document import PrintDocument

    thai = "ทำตามขั้นตอนการคุ้มครองเด็กขององค์กรของคุณ และแจ้งผู้รับผิดชอบด้านการคุ้มครองเด็กขององค์กรภายในวันเดียวกัน " * 2
    pdf = PrintDocument(load_translator("th", LOCALE_DIR))
    pdf.add_page()
    pdf.bullets([thai, thai])  # the bullet comes from the Latin font, the rest from the Thai one
    pdf.paragraph(thai)
    pdf.output(str(tmp_path / "bullets.pdf"))
    done = subprocess.run(["pdftotext", str(tmp_path / "bullets.pdf"), "-"], check=False, capture_output=True, text=True,
                          timeout=60)
    assert "No font" not in done.stderr, done.stderr[:200]
