"""The project's promises: the README's commands, CI, the entry points."""

from __future__ import annotations

import re
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10: the test extra installs tomli
    import tomli as tomllib

ROOT = Path(__file__).parents[1]


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", quick_start, re.DOTALL)


def test_quick_start_is_two_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    install_and_start, install_and_test = commands
    assert "venv" in install_and_start and "together-online" in install_and_start
    assert "[test]" in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
    assert "SDL_VIDEODRIVER=dummy" in ci and "SDL_AUDIODRIVER=dummy" in ci


def test_pyproject_declares_the_design_card():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "together-online"
    assert project["requires-python"] == ">=3.10"
    names = {re.split(r"[<>=!~ \[]", dep)[0].lower() for dep in project["dependencies"]}
    assert {"pygame-ce", "pyyaml", "babel"} <= names
    test_extra = {re.split(r"[<>=!~ ]", dep)[0] for dep in project["optional-dependencies"]["test"]}
    assert {"pytest", "hypothesis"} <= test_extra
    assert project["scripts"]["together-online"] == "game.cli:main"


def test_main_py_only_calls_the_cli():
    source = (ROOT / "main.py").read_text(encoding="utf-8")
    code = [line for line in source.splitlines() if line.strip() and not line.lstrip().startswith(("#", '"""'))]
    assert code == ["import sys", "from game.cli import main", 'if __name__ == "__main__":', "    sys.exit(main())"]
