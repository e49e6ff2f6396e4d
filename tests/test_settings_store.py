"""Settings and progress on disk: round trips, recovery from every kind of
damaged file (kept aside, never deleted, never a crash), atomic writes,
clamping, deleting everything, and the portable data folder override."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, fields
from pathlib import Path

import pytest

from game import settings as store_module
from game.settings import (
    DATA_DIR_VARIABLE,
    FORMAT_VERSION,
    MAX_NICKNAME,
    RESET,
    UNREADABLE,
    Progress,
    Settings,
    Store,
    StoryProgress,
    default_data_dir,
    pictures_dir,
)

NAMES = ("settings", "progress")
DEFAULTS = {"settings": Settings, "progress": Progress}


def load(store: Store, name: str):
    return store.load_settings() if name == "settings" else store.load_progress()


def good_payload(name: str) -> dict:
    if name == "settings":
        return asdict(Settings(language="fr", text_scale=150, child_name="Ana", child_age=9, primer_seen=True))
    progress = Progress({"new_friend": StoryProgress(2, 1, ["gran_helps"])},
                        {"scenario": "new_friend", "play": {"node": "intro"}, "saved_at": 1})
    return asdict(progress)


def document(name: str, payload) -> str:
    return json.dumps({"version": FORMAT_VERSION, name: payload})


def leftovers(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.json.broken-*"))


def assert_recovered(tmp_path: Path, name: str, raw: str | bytes) -> None:
    """The damaged file is kept aside unchanged, defaults are used, the player is told."""
    store = Store(tmp_path)
    path = store.path(name)
    if isinstance(raw, bytes):
        path.write_bytes(raw)
    else:
        path.write_text(raw, encoding="utf-8")
    original = path.read_bytes()

    loaded = load(store, name)

    assert loaded == DEFAULTS[name]()
    assert not path.exists()
    [backup] = leftovers(tmp_path, name)
    assert backup.read_bytes() == original
    [(template, values)] = store.notices
    assert template == RESET
    assert values["what"] == name and values["backup"] == str(backup) and values["reason"]
    template.format(**values)  # every field the message needs is there
    # The next save writes a good file beside the kept one.
    if name == "settings":
        store.save_settings(loaded)
    else:
        store.save_progress(loaded)
    assert load(Store(tmp_path), name) == DEFAULTS[name]()
    assert leftovers(tmp_path, name) == [backup]


# Round trips ---------------------------------------------------------------------------------

def test_settings_and_progress_survive_a_round_trip(tmp_path):
    store = Store(tmp_path)
    settings = Settings(language="es", text_scale=200, fullscreen=True, sound=False, country="MX", child_name="Lía",
                        caregiver_name="Mamá", child_age=11, child_avatar=3, caregiver_avatar=4, primer_seen=True)
    progress = Progress({"a": StoryProgress(3, 2, ["safe", "supported"])},
                        {"scenario": "a", "play": {"save_format": 1, "node": "x"}, "saved_at": 12})
    store.save_settings(settings)
    store.save_progress(progress)
    again = Store(tmp_path)
    assert again.load_settings() == settings
    assert again.load_progress() == progress
    assert again.notices == []
    written = json.loads(store.path("settings").read_text(encoding="utf-8"))
    assert written["version"] == FORMAT_VERSION and written["settings"]["child_name"] == "Lía"


def test_no_files_mean_defaults_and_no_notice(tmp_path):
    store = Store(tmp_path / "not yet")
    assert store.load_settings() == Settings()
    assert store.load_progress() == Progress()
    assert store.notices == []
    assert not (tmp_path / "not yet").exists()  # reading never creates the folder


def test_unknown_keys_from_a_newer_game_are_ignored(tmp_path):
    store = Store(tmp_path)
    payload = dict(asdict(Settings(child_name="Ana")), hologram_mode=True)
    store.path("settings").write_text(document("settings", payload), encoding="utf-8")
    assert store.load_settings() == Settings(child_name="Ana")
    assert store.notices == []


def test_missing_fields_take_their_defaults(tmp_path):
    store = Store(tmp_path)
    store.path("settings").write_text(document("settings", {"language": "de"}), encoding="utf-8")
    store.path("progress").write_text(document("progress", {"stories": {"a": {"played": 1}}}), encoding="utf-8")
    assert store.load_settings() == Settings(language="de")
    assert store.load_progress() == Progress({"a": StoryProgress(played=1)})
    assert store.notices == []


# Damaged files ---------------------------------------------------------------------------------

BROKEN_FILES = {
    "empty": lambda name: "",
    "truncated": lambda name: document(name, good_payload(name))[:40],
    "not JSON": lambda name: "this is not JSON at all",
    "zeros after a power cut": lambda name: "\0" * 64,
    "a list": lambda name: "[1, 2, 3]",
    "a number": lambda name: "7",
    "null": lambda name: "null",
    "no version": lambda name: json.dumps({name: good_payload(name)}),
    "a newer version": lambda name: json.dumps({"version": FORMAT_VERSION + 1, name: good_payload(name)}),
    "a version as text": lambda name: json.dumps({"version": str(FORMAT_VERSION), name: good_payload(name)}),
    "the payload is a list": lambda name: document(name, []),
    "the payload is null": lambda name: document(name, None),
    "the payload is missing": lambda name: json.dumps({"version": FORMAT_VERSION}),
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("damage", BROKEN_FILES)
def test_a_damaged_file_is_kept_aside_and_defaults_are_used(tmp_path, name, damage):
    assert_recovered(tmp_path, name, BROKEN_FILES[damage](name))


def wrong_value(value):
    """A value of another JSON type than `value`."""
    if isinstance(value, bool):
        return 1  # a number is not a boolean
    if isinstance(value, int):
        return True if value else "9"  # nor is a boolean a number
    if isinstance(value, str):
        return ["text"]
    return "text"


@pytest.mark.parametrize("field", [spec.name for spec in fields(Settings)])
def test_a_settings_field_of_the_wrong_type_resets_the_settings(tmp_path, field):
    payload = asdict(Settings())
    payload[field] = wrong_value(payload[field])
    assert_recovered(tmp_path, "settings", document("settings", payload))


@pytest.mark.parametrize("field", ["text_scale", "child_age", "child_avatar"])
def test_a_float_is_not_a_whole_number(tmp_path, field):
    payload = asdict(Settings())
    payload[field] = 2.5
    assert_recovered(tmp_path, "settings", document("settings", payload))


WRONG_PROGRESS = {
    "stories is a list": {"stories": [], "autosave": None},
    "a story is a list": {"stories": {"a": [1, 0, []]}},
    "played is text": {"stories": {"a": {"played": "3"}}},
    "played is a boolean": {"stories": {"a": {"played": True}}},
    "finished is null": {"stories": {"a": {"finished": None}}},
    "endings is text": {"stories": {"a": {"endings": "safe"}}},
    "an ending is a number": {"stories": {"a": {"endings": ["safe", 3]}}},
    "autosave is a list": {"stories": {}, "autosave": ["a", {}]},
    "autosave is text": {"stories": {}, "autosave": "new_friend"},
    "autosave has no scenario": {"stories": {}, "autosave": {"play": {}}},
    "autosave scenario is a number": {"stories": {}, "autosave": {"scenario": 4, "play": {}}},
    "autosave has no play": {"stories": {}, "autosave": {"scenario": "a"}},
    "autosave play is a list": {"stories": {}, "autosave": {"scenario": "a", "play": []}},
}


@pytest.mark.parametrize("case", WRONG_PROGRESS)
def test_progress_of_the_wrong_shape_resets_the_progress(tmp_path, case):
    assert_recovered(tmp_path, "progress", document("progress", WRONG_PROGRESS[case]))


def test_one_damaged_file_does_not_touch_the_other(tmp_path):
    store = Store(tmp_path)
    store.save_settings(Settings(child_name="Ana"))
    store.path("progress").write_text("{", encoding="utf-8")
    again = Store(tmp_path)
    assert again.load_settings() == Settings(child_name="Ana")
    assert again.load_progress() == Progress()
    assert [values["what"] for _, values in again.notices] == ["progress"]
    assert leftovers(tmp_path, "settings") == []


def test_a_file_that_cannot_be_read_is_left_alone(tmp_path):
    store = Store(tmp_path)
    store.path("settings").mkdir()  # reading it fails with an OSError, like a permission problem
    assert store.load_settings() == Settings()
    [(template, values)] = store.notices
    assert template == UNREADABLE and values["what"] == "settings" and values["reason"]
    template.format(**values)
    assert store.path("settings").is_dir() and leftovers(tmp_path, "settings") == []


def test_keeping_a_file_aside_can_fail_without_a_crash(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.path("settings").write_text("{", encoding="utf-8")

    def refuse(*args):
        raise PermissionError("read-only")

    monkeypatch.setattr(store_module.os, "replace", refuse)
    assert store.load_settings() == Settings()
    [(template, values)] = store.notices
    assert template == RESET and values["backup"] == str(store.path("settings"))
    assert store.path("settings").read_text(encoding="utf-8") == "{"  # still there, not deleted


def test_a_file_in_another_encoding_is_kept_aside(tmp_path):
    # A settings file hand-edited and saved as Latin-1 (Windows Notepad "ANSI"): "Léa" is not UTF-8.
    text = json.dumps({"version": FORMAT_VERSION, "settings": asdict(Settings(child_name="Léa"))}, ensure_ascii=False)
    raw = text.encode("latin-1")
    assert_recovered(tmp_path, "settings", raw)


# Writing -----------------------------------------------------------------------------------------

def test_saving_leaves_no_temporary_files(tmp_path):
    store = Store(tmp_path / "data")
    for age in range(5):
        store.save_settings(Settings(child_age=age))
        store.save_progress(Progress({"a": StoryProgress(age)}))
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["progress.json", "settings.json"]
    assert Store(tmp_path / "data").load_settings().child_age == 4


@pytest.mark.parametrize("name", NAMES)
def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch, name):
    store = Store(tmp_path)
    store.save_settings(Settings(child_name="Ana"))
    store.save_progress(Progress({"a": StoryProgress(1)}))
    before = store.path(name).read_bytes()

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", disk_full)
    with pytest.raises(OSError):
        if name == "settings":
            store.save_settings(Settings(child_name="Someone else"))
        else:
            store.save_progress(Progress({"b": StoryProgress(9)}))
    assert store.path(name).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json", "settings.json"]


def test_a_write_that_fails_half_way_keeps_the_previous_file(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.save_settings(Settings(child_name="Ana"))
    before = store.path("settings").read_bytes()

    def crash(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store_module.os, "fsync", crash)
    with pytest.raises(OSError):
        store.save_settings(Settings(child_name="Someone else"))
    assert store.path("settings").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_delete_all_removes_the_folder_with_backups(tmp_path):
    folder = tmp_path / "data"
    store = Store(folder)
    store.save_settings(Settings(child_name="Ana"))
    store.save_progress(Progress({"a": StoryProgress(1)}))
    store.path("progress").write_text("{", encoding="utf-8")
    store.load_progress()  # leaves a .broken- copy
    assert leftovers(folder, "progress")
    store.delete_all()
    assert not folder.exists()
    assert Store(folder).load_settings() == Settings()
    store.delete_all()  # twice is fine


# Clamping ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "expected"), [
    ({"text_scale": 175}, {"text_scale": 100}),
    ({"text_scale": 0}, {"text_scale": 100}),
    ({"text_scale": 200}, {"text_scale": 200}),
    ({"child_age": -1}, {"child_age": 0}),
    ({"child_age": 19}, {"child_age": 0}),
    ({"child_age": 18}, {"child_age": 18}),
    ({"child_name": "  Ana  "}, {"child_name": "Ana"}),
    ({"child_name": "A" * 100}, {"child_name": "A" * MAX_NICKNAME}),
    ({"caregiver_name": " " + "B" * 30}, {"caregiver_name": "B" * MAX_NICKNAME}),
    ({"country": "gb"}, {"country": "GB"}),
    ({"country": "4x"}, {"country": ""}),
    ({"country": ""}, {"country": ""}),
])
def test_clean_clamps_values(given, expected):
    cleaned = Settings(**given).clean()
    for name, value in expected.items():
        assert getattr(cleaned, name) == value


def test_values_out_of_range_in_a_file_are_clamped_without_a_notice(tmp_path):
    store = Store(tmp_path)
    payload = dict(asdict(Settings()), text_scale=300, child_age=99, child_name="  " + "x" * 50, country="fr")
    store.path("settings").write_text(document("settings", payload), encoding="utf-8")
    loaded = store.load_settings()
    assert (loaded.text_scale, loaded.child_age, loaded.child_name, loaded.country) == (100, 0, "x" * 24, "FR")
    assert store.notices == [] and leftovers(tmp_path, "settings") == []


# Where the files live ---------------------------------------------------------------------------------

def test_the_data_folder_override(tmp_path, monkeypatch):
    portable = tmp_path / "usb stick" / "together"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(portable))
    assert default_data_dir() == portable
    assert pictures_dir() == portable / "pictures"
    store = Store()
    assert store.folder == portable
    store.save_settings(Settings(child_name="Ana"))
    assert (portable / "settings.json").exists()
    assert Store().load_settings().child_name == "Ana"


def test_without_the_override_the_user_data_folder_is_used(monkeypatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    folder = default_data_dir()
    assert folder.name == store_module.APP_NAME
    monkeypatch.setenv(DATA_DIR_VARIABLE, "")  # an empty variable is no override
    assert default_data_dir() == folder
    assert not os.environ.get(DATA_DIR_VARIABLE)
