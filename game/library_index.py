"""A small index of the story files, so the game can show its story map
without parsing every story at start.

Layer: bottom (no pygame). The index keeps, per file, its size and
modification time and what the map needs (id, title, ages, minutes, topic);
a file that changed is read again. The index is a cache in the per-user data
folder: deleting it only costs one slower start. YAML is imported only when
a file has to be read.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .story.diagnostics import SourceLoc
from .story.model import Text

INDEX_VERSION = f"{__version__}/1"


@dataclass(frozen=True)
class StorySummary:
    """What the story map shows, with the same names as `Scenario`'s."""

    id: str
    path: Path
    title: Text
    ages: tuple[int, int]
    minutes: int
    topic: str


@dataclass
class LibraryIndex:
    stories: list[StorySummary]
    broken: list[str]
    primer: Path | None


def _entry_for(path: Path) -> dict:
    from .story.diagnostics import has_errors
    from .story.loader import read_scenario

    loaded = read_scenario(path)
    if has_errors(loaded.diagnostics):
        return {"kind": "broken"}
    if loaded.guide is not None:
        return {"kind": "guide", "id": loaded.guide.id}
    story = loaded.scenario
    return {"kind": "scenario", "id": story.id, "title": story.title.source, "ages": list(story.ages),
            "minutes": story.minutes, "topic": story.topic}


def read_index(folder: Path, cache_file: Path | None, primer_id: str = "caregiver_primer") -> LibraryIndex:
    from .story.files import scenario_files

    cached: dict = {}
    if cache_file is not None:
        try:
            data = json.loads(cache_file.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == INDEX_VERSION and isinstance(data.get("files"), dict):
                cached = data["files"]
        except (OSError, ValueError):
            cached = {}  # no cache or a broken one: read the files again
    files: dict[str, dict] = {}
    index = LibraryIndex([], [], None)
    for path in scenario_files([folder]) if folder.is_dir() else []:
        stat = path.stat()
        key = str(path.resolve())
        entry = cached.get(key)
        if not (isinstance(entry, dict) and entry.get("size") == stat.st_size and entry.get("mtime") == stat.st_mtime_ns):
            entry = {**_entry_for(path), "size": stat.st_size, "mtime": stat.st_mtime_ns}
        files[key] = entry
        kind = entry.get("kind")
        if kind == "scenario":
            index.stories.append(StorySummary(entry["id"], path, Text(entry["title"], SourceLoc(str(path), 1, 1)),
                                              tuple(entry["ages"]), entry["minutes"], entry["topic"]))
        elif kind == "guide" and entry.get("id") == primer_id:
            index.primer = path
        elif kind == "broken":
            index.broken.append(path.name)
    if cache_file is not None and files != cached:
        _write(cache_file, {"version": INDEX_VERSION, "files": files})
    index.stories.sort(key=lambda s: (s.ages, s.id))
    return index


def _write(cache_file: Path, data: dict) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=".index.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(temporary, cache_file)
    except OSError:
        pass  # a cache that cannot be written only makes the next start slower
