"""Guides: short translatable documents such as the caregiver primer.

Layer: game/story (pure Python; the YAML adapter part is `read_guide`).
A guide is a YAML file with `kind: guide`, read with the same safe loader
and checks as scenarios; its texts are translated like a scenario's, with
the guide's id as msgctxt.

    format: 1
    kind: guide
    id: caregiver_primer
    audience: caregiver            # caregiver | facilitator
    title: Before you play
    sections:
      - heading: If your child tells you something
        text: Stay calm. ...       # one paragraph, or a list of paragraphs
        points: [Believe them., Thank them.]
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node, ScalarNode

from .diagnostics import SourceLoc
from .model import FORMAT_VERSION, Text
from .placeholders import find_placeholders
from .schema import Fields, Reporter

AUDIENCES = ("caregiver", "facilitator")
GUIDE_KEYS = ("format", "kind", "id", "audience", "title", "note", "sections")
SECTION_KEYS = ("heading", "text", "points", "note")


@dataclass(frozen=True)
class GuideSection:
    heading: Text
    paragraphs: tuple[Text, ...]
    points: tuple[Text, ...]
    loc: SourceLoc


@dataclass
class Guide:
    path: str
    loc: SourceLoc
    id: str = ""
    audience: str = "caregiver"
    title: Text | None = None
    note: str | None = None
    sections: tuple[GuideSection, ...] = ()

    def texts(self):
        """Every translatable `Text`, in file order."""
        if self.title is not None:
            yield self.title
        for section in self.sections:
            yield section.heading
            yield from section.paragraphs
            yield from section.points


def build_guide(reporter: Reporter, top: Fields, stem: str) -> Guide:
    """Build a guide from its top-level map (whose `kind` is 'guide')."""
    r = reporter
    guide = Guide(path=r.path, loc=SourceLoc(r.path, 1, 1))
    version = top.get("format", r.integer, required=True)
    if version is not None and version != FORMAT_VERSION:
        r.error(top.raw("format"), "E107", f"this game reads format {FORMAT_VERSION}, not {version}")
    guide_id = top.get("id", lambda n: r.identifier(n, "guide id"), required=True)
    guide.id = guide_id or stem
    if guide_id is not None and guide_id != stem:
        r.error(top.raw("id"), "E106", f"id '{guide_id}' does not match the file name '{stem}'",
                f"rename the file to '{guide_id}.yaml' or write 'id: {stem}'")
    guide.audience = top.get("audience", lambda n: r.choice(n, AUDIENCES, "audience"), required=True) or "caregiver"
    guide.note = top.get("note", r.text)
    guide.title = top.get("title", lambda n: _text(r, n, guide.note), required=True)
    raw_sections = top.get("sections", lambda n: r.items(n, "sections"), required=True) or []
    if "sections" in top and not raw_sections:
        r.error(top.raw("sections"), "E108", "'sections' is empty", "write at least one section")
    guide.sections = tuple(s for s in (_section(r, n) for n in raw_sections) if s)
    top.finish(GUIDE_KEYS, "the guide")
    return guide


def _section(r: Reporter, node: Node) -> GuideSection | None:
    info = r.mapping(node, "a section (a map with 'heading' and 'text' or 'points')")
    if info is None:
        return None
    note = info.get("note", r.text)
    heading = info.get("heading", lambda n: _text(r, n, note), required=True, what=" from this section")
    paragraphs = info.get("text", lambda n: _texts(r, n, note)) or ()
    points = info.get("points", lambda n: tuple(t for t in (_text(r, p, note) for p in r.items(n, "points")) if t)) or ()
    if "text" not in info and "points" not in info:
        r.error(info.loc, "E102", "this section has neither 'text' nor 'points'")
    info.finish(SECTION_KEYS, "a guide section")
    return GuideSection(heading, paragraphs, points, r.loc(node)) if heading else None


def _texts(r: Reporter, node: Node, note: str | None) -> tuple[Text, ...]:
    if isinstance(node, ScalarNode):
        text = _text(r, node, note)
        return (text,) if text else ()
    return tuple(t for t in (_text(r, n, note) for n in r.items(node, "paragraphs")) if t)


def _text(r: Reporter, node: Node, note: str | None) -> Text | None:
    value = r.text(node)
    if value is None:
        return None
    names, problems = find_placeholders(value)
    if names or problems:
        r.error(node, "E402", "guides cannot use placeholders or braces", "write the text without { }")
    return Text(value, r.loc(node), note)
