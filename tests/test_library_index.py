"""The story index: the map's facts without parsing every story at start."""

from __future__ import annotations

import json
import shutil
import sys

from conftest import EXAMPLE

from game.library_index import read_index


def test_index_lists_stories_then_reuses_its_cache(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    (folder / "broken.yaml").write_text("format: 1\n", encoding="utf-8")
    cache = tmp_path / "data" / "library-index.json"

    first = read_index(folder, cache)
    assert [s.id for s in first.stories] == ["new_friend"]
    assert first.stories[0].title.source == "A new friend in the game" and first.stories[0].ages == (8, 12)
    assert first.broken == ["broken.yaml"] and cache.exists()

    from game.story import loader

    monkeypatch.setattr(loader, "read_scenario", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-read")))
    again = read_index(folder, cache)  # nothing changed: nothing is parsed
    assert [s.id for s in again.stories] == ["new_friend"] and again.broken == ["broken.yaml"]


def test_a_changed_file_is_read_again(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    story = folder / "new_friend.yaml"
    shutil.copy(EXAMPLE, story)
    cache = tmp_path / "index.json"
    read_index(folder, cache)
    story.write_text(EXAMPLE.read_text(encoding="utf-8").replace("A new friend in the game", "A changed title"),
                     encoding="utf-8")
    assert read_index(folder, cache).stories[0].title.source == "A changed title"


def test_a_broken_cache_is_ignored_and_rewritten(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    cache = tmp_path / "index.json"
    cache.write_text("{not json", encoding="utf-8")
    assert [s.id for s in read_index(folder, cache).stories] == ["new_friend"]
    assert json.loads(cache.read_text(encoding="utf-8"))["files"]


def test_the_window_starts_without_yaml(tmp_path):
    """Start-up speed: with the index warm, the first frame needs no YAML."""
    import subprocess

    code = (
        "import os, sys; os.environ['SDL_VIDEODRIVER']='dummy';"
        f"os.environ['TOGETHER_ONLINE_DATA_DIR']={str(tmp_path)!r};"
        "from game.settings import Store; from game.ui.app import App; from game.ui.scenes.flow import first_scene;"
        "s=Store(); st=s.load_settings(); st.language='en'; s.save_settings(st);"
        "a=App(s); a.reset(first_scene(a.ui)); a.render();"
        "print('yaml' in sys.modules, 'babel' in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # fills the index
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.split()[-2:] == ["False", "False"]
