"""An anonymous record of one workshop session.

Layer: bottom (no pygame). What a facilitator may keep and share with their
organisation: the date, the language, the stories played, for each choice
point the options shown (labelled A, B, C...), the room's tallies, the
group's pick, and how long each scene and each discussion took. Nothing that
identifies anyone: no nicknames, no free text typed in the room. Option texts
are the stories' source texts with their placeholders left unfilled, so a
nickname set for family play can never end up in a record.

Saved as one JSON file per session in `<data folder>/workshops/` (written
atomically, like the settings), exported as CSV and JSON, and summarised on
one page as a PDF when fpdf2 is installed.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

RECORD_FORMAT = 1
LETTERS = "ABCDEFGHIJ"
CSV_FIELDS = ("session", "date", "language", "story", "node", "options", "tallies", "pick", "tie",
              "scene_seconds", "discussion_seconds")


def letter(position: int) -> str:
    """The label of the option at this position: A, B, C..."""
    return LETTERS[position] if position < len(LETTERS) else str(position + 1)


@dataclass
class ChoicePoint:
    story: str
    node: str
    options: dict[str, str]          # "A" -> the option's source text (placeholders unfilled)
    tallies: dict[str, int]          # "A" -> how many in the room chose it
    pick: str                        # the group's choice: "A"
    tie: bool = False                # the facilitator settled a tie
    scene_seconds: float = 0.0       # from the scene's first line to the group's pick
    discussion_seconds: float = 0.0  # time on the discussion card


@dataclass
class StoryPlayed:
    story: str
    title: str
    ending: str = ""                 # the ending's kind, "" if the story was left before its end
    seconds: float = 0.0


@dataclass
class WorkshopRecord:
    date: str = field(default_factory=lambda: time.strftime("%Y-%m-%d"))
    language: str = "en"
    discussion_minutes: int = 0      # 0: no timer
    session: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    stories: list[StoryPlayed] = field(default_factory=list)
    choices: list[ChoicePoint] = field(default_factory=list)
    scene_times: list[dict] = field(default_factory=list)  # {"story", "node", "seconds"}

    # Building the record ----------------------------------------------------

    def start_story(self, story: str, title: str) -> StoryPlayed:
        played = StoryPlayed(story, title)
        self.stories.append(played)
        return played

    def add_scene_time(self, story: str, node: str, seconds: float) -> None:
        self.scene_times.append({"story": story, "node": node, "seconds": round(float(seconds), 1)})

    def add_choice(self, story: str, node: str, options: list[str], tallies: list[int], pick: int,
                   tie: bool = False, scene_seconds: float = 0.0) -> ChoicePoint:
        point = ChoicePoint(story, node, {letter(i): text for i, text in enumerate(options)},
                            {letter(i): int(n) for i, n in enumerate(tallies)}, letter(pick), tie,
                            round(float(scene_seconds), 1))
        self.choices.append(point)
        return point

    # JSON --------------------------------------------------------------------

    def to_json(self) -> dict:
        return {"record_format": RECORD_FORMAT, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict) -> WorkshopRecord:
        if not isinstance(data, dict) or data.get("record_format") != RECORD_FORMAT:
            raise ValueError("not a workshop record this game reads")
        return cls(date=str(data["date"]), language=str(data["language"]),
                   discussion_minutes=int(data.get("discussion_minutes", 0)), session=str(data["session"]),
                   stories=[StoryPlayed(**s) for s in data.get("stories", [])],
                   choices=[ChoicePoint(**c) for c in data.get("choices", [])],
                   scene_times=[dict(t) for t in data.get("scene_times", [])])

    def export_json(self, path: Path) -> Path:
        _write_atomic(Path(path), json.dumps(self.to_json(), ensure_ascii=False, indent=1))
        return Path(path)

    @classmethod
    def read_json(cls, path: Path) -> WorkshopRecord:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))

    # CSV: one row per choice point ------------------------------------------------

    def csv_rows(self) -> list[dict[str, str]]:
        rows = []
        for point in self.choices:
            rows.append({"session": self.session, "date": self.date, "language": self.language,
                         "story": point.story, "node": point.node,
                         "options": json.dumps(point.options, ensure_ascii=False),
                         "tallies": json.dumps(point.tallies), "pick": point.pick, "tie": "yes" if point.tie else "no",
                         "scene_seconds": f"{point.scene_seconds:.1f}",
                         "discussion_seconds": f"{point.discussion_seconds:.1f}"})
        return rows

    def export_csv(self, path: Path) -> Path:
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(self.csv_rows())
        _write_atomic(Path(path), buffer.getvalue())
        return Path(path)

    @staticmethod
    def read_csv(path: Path) -> list[ChoicePoint]:
        """The choice points back from an exported CSV (for checks and tests)."""
        with open(path, encoding="utf-8", newline="") as stream:
            return [ChoicePoint(row["story"], row["node"], json.loads(row["options"]),
                                {k: int(v) for k, v in json.loads(row["tallies"]).items()}, row["pick"],
                                row["tie"] == "yes", float(row["scene_seconds"]), float(row["discussion_seconds"]))
                    for row in csv.DictReader(stream)]

    # Saving in the data folder ------------------------------------------------------

    @property
    def file_stem(self) -> str:
        return f"workshop-{self.date}-{self.session}"

    def save(self, data_folder: Path) -> tuple[Path, Path]:
        """Write JSON and CSV into `<data_folder>/workshops/`; return both paths."""
        folder = Path(data_folder) / "workshops"
        folder.mkdir(parents=True, exist_ok=True)
        return (self.export_json(folder / f"{self.file_stem}.json"),
                self.export_csv(folder / f"{self.file_stem}.csv"))

    def export_pdf(self, path: Path, tr=None) -> Path | None:
        """A one-page summary in the session's language, shaped like the
        printables (any script the game supports); None without fpdf2."""
        try:
            from ..printables.document import PrintDocument, Style
        except ImportError:
            return None
        from ..i18n.translator import Translator

        tr = tr or Translator()
        pdf = PrintDocument(tr, footer_text=tr._("Workshop summary"))
        pdf.set_auto_page_break(False)
        pdf.add_page()
        pdf.heading(tr._("Workshop summary"), size=18, before=0)
        timer = (tr.ngettext("{n} minute", "{n} minutes", self.discussion_minutes).format(n=self.discussion_minutes)
                 if self.discussion_minutes else tr._("off"))
        pdf.paragraph(tr._("{date}, language: {language}, discussion timer: {timer}").format(
            date=pdf.isolate(self.date), language=self.language, timer=timer))
        for story in self.stories:
            if pdf.get_y() > pdf.h - 30:
                break
            pdf.heading(story.title or story.story, size=13)
            for point in (p for p in self.choices if p.story == story.story):
                if pdf.get_y() > pdf.h - 25:
                    break
                counts = ", ".join(f"{k}: {v}" for k, v in point.tallies.items())
                line = tr._("The group chose {pick} ({counts}); discussion {minutes} min").format(
                    pick=point.pick, counts=pdf.isolate(counts), minutes=round(point.discussion_seconds / 60, 1))
                pdf.paragraph(line, Style(size=10))
        _write_bytes_atomic(Path(path), bytes(pdf.output()))
        return Path(path)


def _write_atomic(path: Path, text: str) -> None:
    _write_bytes_atomic(path, text.encode("utf-8"))


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def saved_records(data_folder: Path) -> list[Path]:
    folder = Path(data_folder) / "workshops"
    return sorted(folder.glob("workshop-*.json")) if folder.exists() else []
