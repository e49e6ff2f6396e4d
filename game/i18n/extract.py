"""The Babel extractor for scenario, guide and help-lines YAML files.

Layer: game/i18n (no pygame). Registered under the `babel.extractors` entry
point as `together_online_yaml`, so plain `pybabel extract -F babel.cfg`
works. Each translatable text becomes a message with the scenario id as its
context (msgctxt), a `#:` reference to its line, and `#.` comments for the
translator: who says it, where it appears, the author's note, and which
placeholders it holds. A `kind: helplines` file gives who each service is for,
its hours and each country's note, with the context "helplines"; the
services' names are official names and are not translated.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..helplines import CONTEXT as HELPLINES_CONTEXT
from ..helplines import HelplineText, read_helplines, translatable_texts
from ..story.model import NARRATOR, Scenario, Text
from ..story.placeholders import placeholder_names
from ..story.yaml_source import YamlDocument

VIA_WORDS = {"chat": "as a chat message", "speech": "out loud", "thought": "as a thought",
             "notification": "as a phone notification", "narration": "as narration"}
ADDRESSEE_WORDS = {"child": "the child", "caregiver": "the grown-up", "both": "both players"}


def extract_scenarios(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel's extractor protocol: bytes in, (lineno, funcname, messages, comments) out."""
    from ..story.loader import document_kind, load_story_yaml
    from ..story.yaml_source import parse_yaml

    name = getattr(fileobj, "name", "scenario.yaml")
    doc = parse_yaml(fileobj.read(), str(name))
    if document_kind(doc.root) == "helplines":
        yield from extract_helplines(doc)
        return
    loaded = load_story_yaml(doc, Path(str(name)).stem)
    for context, text, comments in messages(loaded.scenario, loaded.guide):
        yield text.loc.line, "pgettext", (context, text.source), comments


def extract_helplines(doc: YamlDocument) -> Iterator[tuple]:
    """The help-lines file's texts, as Babel's extractor tuples (also from a
    file with errors, like a story: `validate` reports those)."""
    directory, _ = read_helplines(doc)
    for text in translatable_texts(directory) if directory is not None else ():
        yield text.loc.line, "pgettext", (HELPLINES_CONTEXT, text.source), helpline_comments(text)


# Per field of the help-lines file: what the text is (the same for every
# service), then which service or country it belongs to.
HELPLINE_USE = {
    "audience": ("Who the service is for, shown after \"For: \" on the \"Need help?\" screen and in the "
                 "facilitator's guide; a child may read it."),
    "hours": ("Opening hours, shown as \"Open {hours}\" on the \"Need help?\" screen and in the facilitator's "
              "guide; keep every number, time and abbreviation exactly (write 24/7 as your language usually does)."),
    "note": ("A note about a country's help lines, printed in the facilitator's guide; keep the numbers, the names "
             "of services and organisations, and the web addresses as they are."),
}
HELPLINE_OWNER = {"audience": "Who the service is for: {where}.", "hours": "Opening hours of {where}.",
                  "note": "The note about {where}."}


def helpline_comments(text: HelplineText) -> list[str]:
    """The same general comment first, so a text used by several services
    ("everyone", "24/7") keeps one copy of it and a line for each service."""
    if text.entry is None:
        where = f"{text.country.name} ({text.country.code})"
    elif text.country is None:
        where = f"{text.entry.name}; it works in every country"
    else:
        where = f"{text.entry.name}; country: {text.country.name} ({text.country.code})"
    return [HELPLINE_USE[text.kind], HELPLINE_OWNER[text.kind].format(where=where)]


def messages(scenario: Scenario | None, guide=None) -> Iterator[tuple[str, Text, list[str]]]:
    """(context, text, translator comments) for every translatable text."""
    if guide is not None:
        yield from _guide_messages(guide)
    if scenario is None:
        return
    sid = scenario.id
    general = [f"Story note: {scenario.note}"] if scenario.note else []
    for text, where in ((scenario.title, "Story title, on the story map and at the top of the story."),
                        (scenario.summary, "One-sentence summary, shown before the story starts."),
                        (scenario.content_note, "Content note for the ADULT, shown before the story starts.")):
        if text is not None:
            yield sid, text, _comments(where, text, general)
    for goal in scenario.learning_goals:
        yield sid, goal, _comments("A learning goal, shown to the adult and at the end of the story.", goal, general)
    for character in scenario.characters.values():
        yield sid, character.name, _comments(f"Name of a character ({character.kind}), shown above their lines.",
                                             character.name, [])
    for node in scenario.nodes.values():
        place = f"node '{node.id}'" + (f", scene: {node.scene}" if node.scene else "")
        for line in node.lines:
            if line.speaker == NARRATOR:
                who = "The narrator says"
            else:
                character = scenario.characters.get(line.speaker)
                name = character.name.source if character else line.speaker
                who = f"{name} ({character.kind if character else 'character'}) says"
            yield sid, line.text, _comments(f"{who} {VIA_WORDS.get(line.via, '')}, in {place}.", line.text, [])
        for choice in node.choices:
            decider = {"child": "the child", "caregiver": "the grown-up", "together": "both players together"}[choice.decides]
            yield sid, choice.text, _comments(f"A choice button ({decider} decide{'s' if choice.decides != 'together' else ''}),"
                                              f" in {place}.", choice.text, [])
            if choice.feedback is not None:
                yield sid, choice.feedback, _comments(f"Feedback after the choice \"{choice.text.source}\".", choice.feedback, [])
            for prompt in choice.discuss:
                yield sid, prompt.text, _comments(f"Discussion question for {ADDRESSEE_WORDS[prompt.to]}, after the choice "
                                                  f"\"{choice.text.source}\".", prompt.text, [])
        if node.takeaway is not None:
            yield sid, node.takeaway, _comments(f"The sentence to remember, at the {node.ending} ending '{node.id}'.",
                                                node.takeaway, [])


def _guide_messages(guide) -> Iterator[tuple[str, Text, list[str]]]:
    general = [f"Guide note: {guide.note}"] if guide.note else []
    audience = "the grown-up" if guide.audience == "caregiver" else "the workshop facilitator"
    yield guide.id, guide.title, _comments(f"Title of a guide for {audience}.", guide.title, general)
    for section in guide.sections:
        yield guide.id, section.heading, _comments("A section heading of the guide.", section.heading, [])
        for text in (*section.paragraphs, *section.points):
            yield guide.id, text, _comments(f"In the guide section \"{section.heading.source}\".", text, [])


def _comments(where: str, text: Text, extra: list[str]) -> list[str]:
    comments = [where, *extra]
    if text.note:
        comments.append(f"Author's note: {text.note}")
    names = sorted(placeholder_names(text.source))
    if names:
        comments.append("Keep the placeholders " + ", ".join("{" + n + "}" for n in names)
                        + ": they become the players' nicknames (or \"your child\" / \"your grown-up\").")
    return comments
