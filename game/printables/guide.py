"""The facilitator's guide: every story as an outline, with the help lines,
the disclosure guidance and the caregiver primer.

Layer: game/printables (no pygame). For each story: title, age and length,
summary, content note, learning goals, then every step in file order with
its lines (and who says them), its choices (who decides, the feedback, the
prompts, where each leads) and its endings with their takeaways. Steps are
numbered, so the outline reads the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..helplines import Helpline, HelplineDirectory, country_name, in_language
from ..i18n.translator import Translator
from ..story.guide import Guide
from ..story.model import NARRATOR, Node, Scenario
from .cards import addressee_label, decider_label
from .document import ACCENT, GREY, PrintDocument, Style

BODY, SMALL, LABEL = Style(10.5), Style(9, color=GREY), Style(9, True, ACCENT)
PURPOSES = {"talk": "Talk to someone", "report_images": "Report sexual abuse images",
            "emergency": "Emergency: danger right now", "image_removal": "Get images taken down",
            "parents": "Help for parents and carers"}


def build_guide(scenarios: Iterable[Scenario], tr: Translator, helplines: HelplineDirectory | None,
                guides: Iterable[Guide] = (), paper: str = "a4", country: str | None = None) -> PrintDocument:
    """The guide for the stories given, then help lines and the guides (such
    as the disclosure guidance and the caregiver primer), once."""
    pdf = PrintDocument(tr, paper, footer_text=tr._("Together Online"))
    pdf.set_title(tr._("Facilitator's guide"))
    for scenario in scenarios:
        pdf.add_page()
        _story(pdf, scenario)
    pdf.add_page()
    _helplines(pdf, helplines, country)
    for guide in guides:
        pdf.add_page()
        _guide(pdf, guide)
    return pdf


def _story(pdf: PrintDocument, scenario: Scenario) -> None:
    tr = pdf.tr

    def say(text) -> str:
        return pdf.story(scenario.id, text.source)

    pdf.paragraph(tr._("Facilitator's guide"), Style(10, True, GREY), after=0.5)
    pdf.paragraph(say(scenario.title) if scenario.title else scenario.id, Style(20, True, ACCENT), after=1)
    low, high = scenario.ages
    pdf.paragraph(tr.ngettext("Ages {low} to {high}, about {n} minute", "Ages {low} to {high}, about {n} minutes",
                              scenario.minutes).format(low=low, high=high, n=scenario.minutes), SMALL, after=3)
    if scenario.summary:
        pdf.paragraph(say(scenario.summary), BODY)
    if scenario.content_note:
        pdf.heading(tr._("Content note"), 13)
        pdf.paragraph(say(scenario.content_note), BODY)
    if scenario.learning_goals:
        pdf.heading(tr._("Learning goals"), 13)
        pdf.bullets([say(goal) for goal in scenario.learning_goals], BODY)
    pdf.heading(tr._("The story, step by step"), 13)
    numbers = {node_id: number for number, node_id in enumerate(scenario.nodes, 1)}
    for node in scenario.nodes.values():
        _node(pdf, scenario, node, numbers)


def _node(pdf: PrintDocument, scenario: Scenario, node: Node, numbers: dict[str, int]) -> None:
    tr = pdf.tr

    def say(text) -> str:
        return pdf.story(scenario.id, text.source)

    def then(target: str | None) -> None:
        if target in numbers:
            pdf.paragraph(tr._("Then go to step {number}").format(number=numbers[target]), SMALL, indent=6)

    pdf.heading(tr._("Step {number}").format(number=numbers[node.id]), 11.5, before=2)
    some_paths = tr._("Only on some paths")
    for line in node.lines:
        speaker = scenario.speaker_name(line.speaker) if line.speaker != NARRATOR else None
        text = say(line.text)
        if speaker is not None:
            text = tr._("{name}: {message}").format(name=say(speaker), message=text)
        if line.condition is not None:
            text = f"({some_paths}) {text}"
        pdf.paragraph(text, BODY if speaker else Style(10.5, color=(60, 60, 60)), indent=2, after=0.8)
    for number, choice in enumerate(node.choices, 1):
        pdf.ln(1)
        heading = f"{number}. {say(choice.text)}"
        if choice.condition is not None:
            heading += f" ({some_paths})"
        pdf.label(heading, Style(10.5, True), indent=4)
        pdf.paragraph(decider_label(tr, choice.decides), SMALL, indent=6, after=0.8)
        if choice.feedback is not None:
            pdf.label(tr._("Feedback"), LABEL, indent=6)
            pdf.paragraph(say(choice.feedback), BODY, indent=6, after=0.8)
        for prompt in choice.discuss:
            pdf.label(addressee_label(tr, prompt.to), LABEL, indent=6)
            pdf.paragraph(say(prompt.text), BODY, indent=6, after=0.8)
        then(choice.goto)
    then(node.next)
    if node.ending is not None:
        label = {"safe": "A safe ending", "supported": "A supported ending", "learning": "A learning ending"}
        pdf.paragraph(tr._(label[node.ending]), Style(10.5, True, ACCENT), indent=4, after=0.3)
        if node.takeaway is not None:
            pdf.label(tr._("Takeaway"), LABEL, indent=6)
            pdf.paragraph(say(node.takeaway), BODY, indent=6)


def _helplines(pdf: PrintDocument, directory: HelplineDirectory | None, country: str | None) -> None:
    tr = pdf.tr
    pdf.paragraph(tr._("Help lines"), Style(20, True, ACCENT), after=2)
    pdf.paragraph(tr._("You can talk to someone. It is never too late, and it is never your fault."), BODY)
    pdf.paragraph(tr._("If someone is in danger right now, call your local emergency number."), Style(10.5, True))
    if directory is None:
        pdf.paragraph(tr._("The list of help lines could not be read. This service works in every country:"), BODY)
        pdf.paragraph("Take It Down (NCMEC): https://takeitdown.ncmec.org", BODY)
        return
    if country:
        found, _ = directory.for_country(country)
        countries = [found] if found else []
        if not found:
            name = _local(pdf, country_name(country.upper(), tr.code), country.upper())
            pdf.paragraph(tr._("We have no checked help lines for {country} yet.").format(country=name), BODY)
    else:
        countries = list(directory.countries.values())
    named = sorted(((country_name(c.code, tr.code, c.name), c) for c in countries), key=lambda n: n[0].casefold())
    for local_name, place in named:  # in the order of the names the reader sees
        name = _local(pdf, local_name, place.name)
        pdf.heading(tr._("Help lines in {country}").format(country=name), 13)
        if place.note:
            pdf.paragraph(_local(pdf, in_language(tr, place.note), place.note), SMALL)
        for entry in place.entries:
            _entry(pdf, entry)
    pdf.heading(tr._("These work in every country"), 13)
    for entry in directory.global_entries:
        _entry(pdf, entry)


def _entry(pdf: PrintDocument, entry: Helpline) -> None:
    tr = pdf.tr
    if pdf.get_y() > pdf.h - pdf.b_margin - 25:
        pdf.add_page()
    pdf.paragraph(pdf.isolate(entry.name), Style(10.5, True), after=0.3)
    details = [tr._(PURPOSES[p]) for p in entry.purposes if p in PURPOSES]
    if entry.phone:
        details.append(tr._("Call {number}").format(number=pdf.isolate(entry.phone)))
    if entry.url:
        details.append(pdf.isolate(entry.url))
    if entry.hours:
        details.append(tr._("Open {hours}").format(hours=_local(pdf, in_language(tr, entry.hours), entry.hours)))
    if entry.free:
        details.append(tr._("Free to call") if entry.phone else tr._("Free to use"))
    if entry.audience:
        details.append(tr._("For: {audience}").format(audience=_local(pdf, in_language(tr, entry.audience),
                                                                     entry.audience)))
    pdf.paragraph(" \u00b7 ".join(details), BODY, indent=4, after=0.3)
    checked = {"high": "Last checked {date}, on the service's own or an official page.",
               "medium": "Last checked {date}. Please double-check these details.",
               "low": "Last checked {date}. Not confirmed: please double-check."}[entry.confidence]
    pdf.paragraph(tr._(checked).format(date=pdf.isolate(entry.checked)), SMALL, indent=4, after=2)


def _local(pdf: PrintDocument, shown: str, english: str) -> str:
    """A help-lines text as printed: kept in its own left-to-right order
    inside right-to-left text while it is still the English of the file."""
    return pdf.isolate(shown) if shown == english else shown


def _guide(pdf: PrintDocument, guide: Guide) -> None:
    def say(text) -> str:
        return pdf.story(guide.id, text.source)

    pdf.paragraph(say(guide.title) if guide.title else guide.id, Style(20, True, ACCENT), after=2)
    for section in guide.sections:
        pdf.heading(say(section.heading), 13)
        for paragraph in section.paragraphs:
            pdf.paragraph(say(paragraph), BODY)
        pdf.bullets([say(point) for point in section.points], BODY)
