"""Right-to-left languages mirror the chat: one's own messages sit at the
end of the line (the left in Arabic), as chat apps in Arabic show them, and
the other side's at the start; the who-decides badge puts its picture first."""

from __future__ import annotations

from app_driver import Driver

from game.story.model import NARRATOR
from game.ui.scenes.story_lines import main_character, render_line


def sides(d: Driver) -> dict[str, str]:
    """Where a line of the point-of-view character and of someone else sits."""
    scenario = d.ui.content.story("new_friend")
    me = main_character(scenario)
    found = {}
    for node in scenario.nodes.values():
        for line in node.lines:
            if line.speaker != NARRATOR and line.via != "notification":
                who = "me" if line.speaker == me else "them"
                found.setdefault(who, render_line(d.ui, scenario, line, "hello", 600).align)
    return found


def test_chat_sides_mirror_in_arabic(tmp_path):
    english = Driver(tmp_path / "en")
    assert sides(english) == {"me": "right", "them": "left"}
    arabic = Driver(tmp_path / "ar")
    arabic.app.set_language("ar")
    assert sides(arabic) == {"me": "left", "them": "right"}
