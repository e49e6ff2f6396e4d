"""The terminal player: a second front end on the story runtime.

Layer: console. Reads plain lines from `stdin`, so it can be scripted:
a number picks a choice, Enter continues, `u` undoes, `q` quits. It owes
nothing to pygame, which is the point: the runtime stands on its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TextIO

from ..story import Names, Playthrough, Scenario, Text, fill_placeholders
from ..story.model import NARRATOR

Translate = Callable[[Text, str], str]  # (text, scenario id) -> translated source


def _untranslated(text: Text, scenario_id: str) -> str:
    return text.source


class TextPlayer:
    def __init__(self, scenario: Scenario, stdin: TextIO, stdout: TextIO, names: Names | None = None,
                 width: int = 78, translate: Translate = _untranslated):
        self.scenario = scenario
        self.play = Playthrough(scenario)
        self.stdin = stdin
        self.stdout = stdout
        self.names = names or Names()
        self.width = width
        self.translate = translate

    # Output ------------------------------------------------------------------

    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.stdout.write("\n")
            return
        for paragraph in text.split("\n"):
            wrapped = textwrap.fill(paragraph, self.width, initial_indent=indent,
                                    subsequent_indent=" " * len(indent))
            self.stdout.write(wrapped + "\n")

    def show(self, text: Text) -> str:
        return fill_placeholders(self.translate(text, self.scenario.id), self.names.as_mapping())

    def ask(self, prompt: str) -> str | None:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            return None
        return line.strip()

    def speaker(self, who: str) -> str:
        name = self.scenario.speaker_name(who)
        return self.show(name) if name else who

    def addressee(self, to: str) -> str:
        if to == "child":
            return self.names.child_name.strip() or "the child"
        if to == "caregiver":
            return self.names.caregiver_name.strip() or "the caregiver"
        return "both of you"

    def decider(self, decides: str) -> str:
        return {"child": f"{self.addressee('child')} decides", "caregiver": f"{self.addressee('caregiver')} decides",
                "together": "decide together"}[decides]

    # Play --------------------------------------------------------------------

    def run(self) -> bool:
        """Play to an ending; return True if it was reached, False on quit."""
        scenario = self.scenario
        self.say("=" * min(self.width, 60))
        self.say(self.show(scenario.title) if scenario.title else scenario.id)
        self.say("=" * min(self.width, 60))
        if scenario.content_note:
            self.say("For the adult: " + self.show(scenario.content_note))
        if self.ask("\nPress Enter to start (q to quit) ") in (None, "q"):
            return False
        while True:
            self.show_node()
            if self.play.ended:
                self.show_ending()
                return True
            if not self.take_turn():
                self.say("Stopped. See you next time.")
                return False

    def show_node(self) -> None:
        view = self.play.view()
        self.say()
        if view.node.scene:
            self.say(f"[{view.node.scene.replace('_', ' ')}]")
        for line in view.lines:
            text = self.show(line.text)
            if line.speaker == NARRATOR:
                self.say(text, "  ")
            elif line.via == "thought":
                self.say(f"{self.speaker(line.speaker)} thinks: ({text})", "  ")
            elif line.via == "chat":
                self.say(f"{self.speaker(line.speaker)} [chat]: {text}", "  ")
            elif line.via == "notification":
                self.say(f"[notification] {self.speaker(line.speaker)}: {text}", "  ")
            else:
                self.say(f"{self.speaker(line.speaker)}: \"{text}\"", "  ")

    def take_turn(self) -> bool:
        """One decision (or continue); False when the player quits."""
        view = self.play.view()
        undo = " u = undo," if self.play.can_undo else ""
        if view.can_continue:
            answer = self.ask(f"\n(Enter = continue,{undo} q = quit) ")
            if answer is None or answer == "q":
                return False
            if answer == "u" and self.play.can_undo:
                self.play.undo()
            else:
                self.play.advance()
            return True
        self.say()
        for number, choice in enumerate(view.choices, 1):
            self.say(f"{number}) {self.show(choice.text)}   [{self.decider(choice.decides)}]", "  ")
        while True:
            answer = self.ask(f"Choose 1-{len(view.choices)} ({undo.strip(' ,') + ', ' if undo else ''}q = quit): ")
            if answer is None or answer == "q":
                return False
            if answer == "u" and self.play.can_undo:
                self.play.undo()
                self.say("(undone)")
                return True
            if answer.isdigit() and 1 <= int(answer) <= len(view.choices):
                choice = self.play.choose(view.choices[int(answer) - 1].index)
                return self.discuss(choice)
            self.say(f"Please type a number from 1 to {len(view.choices)}.")

    def discuss(self, choice) -> bool:
        if choice.feedback:
            self.say()
            self.say(self.show(choice.feedback), "  * ")
        self.say()
        self.say("Talk about it:")
        for prompt in choice.discuss:
            self.say(f"For {self.addressee(prompt.to)}: {self.show(prompt.text)}", "  - ")
        answer = self.ask("\n(Enter when you have talked about it, u = undo, q = quit) ")
        if answer is None or answer == "q":
            return False
        if answer == "u":
            self.play.undo()
            self.say("(undone)")
        return True

    def show_ending(self) -> None:
        view = self.play.view()
        self.say()
        self.say(f"--- The end ({view.ending}) ---")
        if view.takeaway:
            self.say("To remember: " + self.show(view.takeaway))
        self.say()
        self.say("Your path:")
        for node, choice in self.play.path():
            if choice is not None:
                self.say(f"{self.show(choice.text)}", "  - ")
