"""Settings and progress: versioned JSON in the per-user data folder.

Layer: bottom (no pygame). Files are written atomically (a temporary file,
then a rename), so a crash or a full disk never leaves half a file. A file
that cannot be read (truncated, not JSON, wrong types, a newer version) is
kept aside as `<name>.broken-<time>` and replaced by defaults, with a notice
for the player; the game never crashes on it and never deletes it silently.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

APP_NAME = "together-online"
DATA_DIR_VARIABLE = "TOGETHER_ONLINE_DATA_DIR"  # a portable folder, e.g. on a workshop USB stick
FORMAT_VERSION = 1
TEXT_SCALES = (100, 125, 150, 200)
SPEECH_RATES = (70, 85, 100, 125)  # read-aloud speed, percent of the voice's normal pace


def N_(message: str) -> str:
    """Marks a message for extraction; the UI translates it when shown."""
    return message


UNREADABLE = N_("Your saved {what} could not be opened ({reason}), so the game uses defaults for now.")
STORY_BROKEN = N_("The story \"{title}\" has a problem in its file and cannot be played. "
                  "Someone who looks after this computer can run 'together-online validate' to see what to fix.")
SAVE_FAILED = N_("The game could not save in {folder} ({reason}). You can keep playing, but what you do now may not be kept.")
RESET = N_("Your saved {what} could not be read ({reason}), so they were reset. The old file was kept as {backup}.")
MAX_NICKNAME = 24


def notice_text(tr, template: str, values: dict[str, str]) -> str:
    """A `Store` notice in the player's language (`tr` is a Translator)."""
    things = {"settings": tr._("settings"), "progress": tr._("progress")}
    filled = {key: things.get(value, value) if key == "what" else value for key, value in values.items()}
    try:
        return tr._(template).format(**filled)
    except (KeyError, IndexError, ValueError):  # a translation with a broken field: the English text
        return template.format(**filled)


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def pictures_dir() -> Path:
    """Where the family agreement is saved: the user's pictures folder."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override) / "pictures"
    import platformdirs

    return Path(platformdirs.user_pictures_dir())


@dataclass
class Settings:
    language: str = ""          # "" until the family picks one
    text_scale: int = 100
    fullscreen: bool = False
    sound: bool = True
    country: str = ""           # ISO 3166 code for the help lines
    child_name: str = ""
    caregiver_name: str = ""
    child_age: int = 0          # 0: not given
    child_avatar: int = 0
    caregiver_avatar: int = 1
    primer_seen: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False  # no sliding lines, no moving transitions
    dyslexia_font: bool = False  # OpenDyslexic for Latin letters
    read_aloud: bool = False     # speak lines, choices and the focused control as they appear
    speech_rate: int = 100       # one of SPEECH_RATES
    workshop_guidance_seen: bool = False  # the disclosure guidance, shown before the first workshop

    def clean(self) -> Settings:
        """Clamp values into range (a hand-edited file may hold anything)."""
        if self.text_scale not in TEXT_SCALES:
            self.text_scale = 100
        if self.speech_rate not in SPEECH_RATES:
            self.speech_rate = 100
        self.child_name = self.child_name.strip()[:MAX_NICKNAME]
        self.caregiver_name = self.caregiver_name.strip()[:MAX_NICKNAME]
        self.child_age = self.child_age if 0 <= self.child_age <= 18 else 0
        self.country = self.country.upper()[:2] if self.country.isalpha() else ""
        return self


@dataclass
class StoryProgress:
    played: int = 0
    finished: int = 0
    endings: list[str] = field(default_factory=list)


@dataclass
class Progress:
    stories: dict[str, StoryProgress] = field(default_factory=dict)
    autosave: dict | None = None  # {"scenario": id, "play": Playthrough.to_json(), "saved_at": epoch}
    agreement: dict = field(default_factory=dict)  # {"chosen": ["rule:0", "own:0"], "own": ["our own rule"]}

    def story(self, scenario_id: str) -> StoryProgress:
        return self.stories.setdefault(scenario_id, StoryProgress())


class BadFile(ValueError):
    """A stored file that cannot be used as it is."""


def _typed(cls, data: Any):
    """A dataclass from a dict, checking each field's type against its default;
    unknown keys are ignored (a newer game may add some)."""
    if not isinstance(data, dict):
        raise BadFile("not a JSON object")
    values = {}
    for spec in fields(cls):
        if spec.name not in data:
            continue
        value = data[spec.name]
        default = getattr(cls(), spec.name)
        if isinstance(default, bool) != isinstance(value, bool) or (
                default is not None and not isinstance(value, type(default))):
            raise BadFile(f"'{spec.name}' has the wrong type")
        values[spec.name] = value
    return cls(**values)


def _settings_from(data: Any) -> Settings:
    return _typed(Settings, data).clean()


def _progress_from(data: Any) -> Progress:
    if not isinstance(data, dict):
        raise BadFile("not a JSON object")
    stories = data.get("stories", {})
    if not isinstance(stories, dict):
        raise BadFile("'stories' has the wrong type")
    progress = Progress({str(k): _typed(StoryProgress, v) for k, v in stories.items()})
    autosave = data.get("autosave")
    if autosave is not None and not (isinstance(autosave, dict) and isinstance(autosave.get("scenario"), str)
                                     and isinstance(autosave.get("play"), dict)):
        raise BadFile("'autosave' has the wrong shape")
    progress.autosave = autosave
    progress.agreement = _agreement_from(data.get("agreement", {}))
    for story in progress.stories.values():
        if not all(isinstance(e, str) for e in story.endings):
            raise BadFile("'endings' has the wrong type")
    return progress


def _agreement_from(data: Any) -> dict:
    """The family agreement as saved; anything malformed is dropped (it is easy to choose again)."""
    if not isinstance(data, dict) or not data:
        return {}
    own = [text[:200] for text in data.get("own", []) if isinstance(text, str)] if isinstance(data.get("own"), list) else []
    chosen = data.get("chosen", [])
    chosen = [c for c in chosen if isinstance(c, str)][:3] if isinstance(chosen, list) else []
    return {"chosen": chosen, "own": own}


READERS = {"settings": _settings_from, "progress": _progress_from}


class Store:
    """The game's files in one folder: settings.json and progress.json."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or default_data_dir()
        # What the player should be told, once: (message template, values).
        # Templates are English msgids; the UI translates, then formats them.
        self.notices: list[tuple[str, dict[str, str]]] = []

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def _load(self, name: str, default):
        path = self.path(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return default
        except OSError as exc:
            self.notices.append((UNREADABLE, {"what": name, "reason": exc.strerror or str(exc)}))
            return default
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
                version = data.get("version") if isinstance(data, dict) else None
                raise BadFile(f"version {version!r} is not one this game reads")
            return READERS[name](data.get(name))
        except (ValueError, TypeError) as exc:  # JSONDecodeError and BadFile are ValueErrors
            backup = self._keep_aside(path)
            self.notices.append((RESET, {"what": name, "reason": str(exc), "backup": str(backup or path)}))
            return default

    def _keep_aside(self, path: Path) -> Path | None:
        backup = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, backup)
            return backup
        except OSError:
            return None

    def _save(self, name: str, payload: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"version": FORMAT_VERSION, name: payload}, ensure_ascii=False, indent=1)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path(name))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def load_settings(self) -> Settings:
        return self._load("settings", Settings())

    def save_settings(self, settings: Settings) -> None:
        self._save("settings", asdict(settings))

    def load_progress(self) -> Progress:
        return self._load("progress", Progress())

    def save_progress(self, progress: Progress) -> None:
        self._save("progress", asdict(progress))

    def delete_all(self) -> None:
        """Remove everything the game stored (settings, progress, backups)."""
        if self.folder.exists():
            shutil.rmtree(self.folder)
