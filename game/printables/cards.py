"""Discussion cards to cut out: one card per choice, six to a page.

Layer: game/printables (no pygame). A card shows the story's title, the
choice as its heading, who decides, and the choice's discussion prompts,
each labelled with who it is for; dashed lines show where to cut. In a
right-to-left language the cards run from the right, as the text does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n.translator import Translator
from ..story.model import Choice, Scenario
from .document import ACCENT, GREY, PrintDocument, Style

COLUMNS, ROWS = 2, 3
PADDING = 5.0
SMALLEST_SCALE = 0.6


@dataclass(frozen=True)
class Card:
    title: str
    heading: str
    decides: str
    prompts: tuple[tuple[str, str], ...]  # (who it is for, the question)
    footer: str


def decider_label(tr: Translator, decides: str) -> str:
    if decides == "child":
        return tr._("The child decides")
    if decides == "caregiver":
        return tr._("The grown-up decides")
    return tr._("Decide together")


def addressee_label(tr: Translator, to: str) -> str:
    if to == "child":
        return tr._("For the child")
    if to == "caregiver":
        return tr._("For the grown-up")
    return tr._("For both of you")


def story_cards(scenario: Scenario, tr: Translator) -> list[Card]:
    """The cards of one story, in file order, translated."""
    def say(text) -> str:
        return tr.scenario_text(scenario.id, text.source)

    title = say(scenario.title) if scenario.title else scenario.id
    game = tr._("Together Online")
    choices: list[Choice] = [choice for node in scenario.nodes.values() for choice in node.choices]
    return [
        Card(title, say(choice.text), decider_label(tr, choice.decides),
             tuple((addressee_label(tr, prompt.to), say(prompt.text)) for prompt in choice.discuss),
             f"{game} \u00b7 {number}/{len(choices)}")
        for number, choice in enumerate(choices, 1)
    ]


def build_cards(scenarios: Iterable[Scenario], tr: Translator, paper: str = "a4") -> PrintDocument:
    """A PDF of the cards of every story given; each story starts a new page."""
    pdf = PrintDocument(tr, paper)
    pdf.set_auto_page_break(False)
    pdf.set_title(tr._("Discussion cards"))
    for scenario in scenarios:
        cards = story_cards(scenario, tr)
        per_page = COLUMNS * ROWS
        for first in range(0, len(cards), per_page):
            pdf.add_page()
            _cut_lines(pdf)
            for slot, card in enumerate(cards[first:first + per_page]):
                _draw_card(pdf, card, *_card_box(pdf, slot))
    return pdf


def _card_box(pdf: PrintDocument, slot: int) -> tuple[float, float, float, float]:
    width, height = pdf.epw / COLUMNS, (pdf.h - pdf.t_margin - pdf.b_margin) / ROWS
    column, row = slot % COLUMNS, slot // COLUMNS
    if pdf.rtl:
        column = COLUMNS - 1 - column
    return pdf.l_margin + column * width, pdf.t_margin + row * height, width, height


def _cut_lines(pdf: PrintDocument) -> None:
    width, height = pdf.epw / COLUMNS, (pdf.h - pdf.t_margin - pdf.b_margin) / ROWS
    pdf.set_draw_color(150, 150, 150)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    for column in range(COLUMNS + 1):
        x = pdf.l_margin + column * width
        pdf.line(x, pdf.t_margin, x, pdf.t_margin + ROWS * height)
    for row in range(ROWS + 1):
        y = pdf.t_margin + row * height
        pdf.line(pdf.l_margin, y, pdf.l_margin + COLUMNS * width, y)
    pdf.set_dash_pattern()


def _blocks(card: Card, scale: float) -> list[tuple[str, Style, float]]:
    """What a card says, top to bottom: (text, style, space after)."""
    blocks = [(card.title, Style(9 * scale, color=GREY), 2 * scale),
              (card.heading, Style(14 * scale, True), 1.2 * scale),
              (card.decides, Style(9.5 * scale, color=GREY), 4 * scale)]
    for label, question in card.prompts:
        blocks.append((label, Style(9.5 * scale, True, ACCENT), 0.5 * scale))
        blocks.append((question, Style(12 * scale), 3 * scale))
    return blocks


def _draw_card(pdf: PrintDocument, card: Card, x: float, y: float, width: float, height: float) -> None:
    inner = width - 2 * PADDING
    room = height - 2 * PADDING - 6  # the footer's line
    scale = 1.0
    blocks = _blocks(card, scale)
    while scale > SMALLEST_SCALE and sum(pdf.measure(t, s, inner) + a for t, s, a in blocks) > room:
        scale -= 0.05
        blocks = _blocks(card, scale)
    pdf.set_xy(x + PADDING, y + PADDING)
    for text, style, after in blocks:
        pdf.use(style)
        pdf.set_x(x + PADDING)
        pdf.multi_cell(inner, style.size * style.leading * 0.3528, pdf.prepare(text), align=pdf.align,
                       new_x="LEFT", new_y="NEXT")
        pdf.ln(after)
    pdf.use(Style(7, color=GREY))
    pdf.set_xy(x + PADDING, y + height - PADDING - 4)
    pdf.cell(inner, 4, pdf.prepare(card.footer), align=pdf.align)
