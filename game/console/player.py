"""The terminal player: a second front end on the story runtime.

Layer: console. Reads plain lines from `stdin`, so it can be scripted:
a number picks a choice, Enter continues, `u` undoes, `q` quits. It owes
nothing to pygame, which is the point: the runtime stands on its own. It
speaks the player's language through the `Translator` it is given, with the
window's words wherever the window has them; the keys stay the same in
every language.
"""

from __future__ import annotations

from typing import TextIO

from ..i18n.translator import Translator
from ..story import Names, Playthrough, Scenario, Text, fill_placeholders
from ..story.model import NARRATOR
from .wrapping import fill


def console_names(tr: Translator, child: str = "", caregiver: str = "") -> Names:
    """The players' nicknames, or "your child" / "your grown-up" in the player's language."""
    return Names(child, caregiver, child_fallback=tr._("your child"), caregiver_fallback=tr._("your grown-up"))


def scene_label(tr: Translator, scene: str) -> str:
    """Where a part of the story happens (the window draws it as a backdrop)."""
    labels = {
        # Translators: shown in brackets in the terminal player when a scene starts: here, a chat app's screen.
        "chat": tr.pgettext("place in a story", "chat"),
        # Translators: a social media app's feed of posts (a noun).
        "feed": tr.pgettext("place in a story", "feed"),
        "game_chat": tr.pgettext("place in a story", "game chat"),
        "video_call": tr.pgettext("place in a story", "video call"),
        # Translators: the screen of a mobile phone.
        "phone": tr.pgettext("place in a story", "phone"),
        "home": tr.pgettext("place in a story", "home"),
        "bedroom": tr.pgettext("place in a story", "bedroom"),
        "kitchen": tr.pgettext("place in a story", "kitchen"),
        "living_room": tr.pgettext("place in a story", "living room"),
        "school": tr.pgettext("place in a story", "school"),
        "classroom": tr.pgettext("place in a story", "classroom"),
        "playground": tr.pgettext("place in a story", "playground"),
        "street": tr.pgettext("place in a story", "street"),
        "bus": tr.pgettext("place in a story", "bus"),
        "park": tr.pgettext("place in a story", "park"),
        "shop": tr.pgettext("place in a story", "shop"),
        "library": tr.pgettext("place in a story", "library"),
    }
    return labels.get(scene) or scene.replace("_", " ")


def ages_line(tr: Translator, scenario: Scenario) -> str:
    low, high = scenario.ages
    return tr.ngettext("Ages {low} to {high}, about {n} minute", "Ages {low} to {high}, about {n} minutes",
                       scenario.minutes).format(low=low, high=high, n=scenario.minutes)


def ask_for_number(tr: Translator, count: int) -> str:
    return tr._("Please type a number from 1 to {n}.").format(n=count)


class TextPlayer:
    def __init__(self, scenario: Scenario, stdin: TextIO, stdout: TextIO, names: Names | None = None,
                 width: int = 78, tr: Translator | None = None):
        self.scenario = scenario
        self.play = Playthrough(scenario)
        self.stdin = stdin
        self.stdout = stdout
        self.tr = tr or Translator()
        self.names = names or console_names(self.tr)
        self.width = width

    # Output ------------------------------------------------------------------

    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.stdout.write("\n")
            return
        self.stdout.write(fill(text, self.width, indent, " " * len(indent), self.tr.code) + "\n")

    def show(self, text: Text) -> str:
        """A story text in the player's language, with the nicknames filled in."""
        return fill_placeholders(self.tr.scenario_text(self.scenario.id, text.source), self.names.as_mapping())

    def labelled(self, label: str, text: str) -> str:
        return self.tr._("{name}: {message}").format(name=label, message=text)

    def ask(self, prompt: str) -> str | None:
        self.stdout.write(prompt + " ")
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
        tr, names = self.tr, self.names
        if to == "child":
            child = names.child_name.strip()
            return tr._("For {name}").format(name=child) if child else tr._("For the child")
        if to == "caregiver":
            caregiver = names.caregiver_name.strip()
            return tr._("For {name}").format(name=caregiver) if caregiver else tr._("For the grown-up")
        return tr._("For both of you")

    def decider(self, decides: str) -> str:
        tr = self.tr
        if decides == "together":
            return tr._("Decide together")
        name = (self.names.child_name if decides == "child" else self.names.caregiver_name).strip()
        if name:
            return tr._("{name} decides").format(name=name)
        return tr._("The child decides") if decides == "child" else tr._("The grown-up decides")

    # Play --------------------------------------------------------------------

    def run(self) -> bool:
        """Play to an ending; return True if it was reached, False on quit."""
        scenario, tr = self.scenario, self.tr
        self.say("=" * min(self.width, 60))
        self.say(self.show(scenario.title) if scenario.title else scenario.id)
        self.say("=" * min(self.width, 60))
        self.say(ages_line(tr, scenario))
        if scenario.summary:
            self.say(self.show(scenario.summary))
        if scenario.content_note:
            self.say()
            self.say(tr._("For the adult"))
            self.say(self.show(scenario.content_note), "  ")
        if self.ask("\n" + tr._("Press Enter to start (q to quit)")) in (None, "q"):
            return False
        while True:
            self.show_node()
            if self.play.ended:
                self.show_ending()
                return True
            if not self.take_turn():
                self.say(tr._("Stopped. See you next time."))
                return False

    def show_node(self) -> None:
        view, tr = self.play.view(), self.tr
        self.say()
        if view.node.scene:
            self.say(f"[{scene_label(tr, view.node.scene)}]")
        for line in view.lines:
            text = self.show(line.text)
            if line.speaker == NARRATOR:
                self.say(text, "  ")
                continue
            name = self.speaker(line.speaker)
            if line.via == "thought":
                shown = self.labelled(tr._("{name} thinks").format(name=name), f"({text})")
            elif line.via == "chat":
                # Translators: in the terminal player, who sends a chat message; the message follows after ": ".
                shown = self.labelled(tr._("{name} [chat]").format(name=name), text)
            elif line.via == "notification":
                # Translators: in the terminal player, a phone notification from {name}; the message follows after ": ".
                shown = self.labelled(tr._("[notification] {name}").format(name=name), text)
            else:
                # Translators: in the terminal player, words said out loud; use your language's quotation marks.
                shown = tr._("{name}: \"{message}\"").format(name=name, message=text)
            self.say(shown, "  ")

    def take_turn(self) -> bool:
        """One decision (or continue); False when the player quits."""
        view, tr = self.play.view(), self.tr
        if view.can_continue:
            if self.play.can_undo:
                # Translators: the keys Enter, u and q stay as they are: the player types them.
                prompt = tr._("(Enter = continue, u = undo, q = quit)")
            else:
                # Translators: the keys Enter and q stay as they are: the player types them.
                prompt = tr._("(Enter = continue, q = quit)")
            answer = self.ask("\n" + prompt)
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
        count = len(view.choices)
        while True:
            if self.play.can_undo:
                # Translators: the keys u and q stay as they are: the player types them.
                prompt = tr._("Choose 1-{n} (u = undo, q = quit):")
            else:
                # Translators: the key q stays as it is: the player types it.
                prompt = tr._("Choose 1-{n} (q = quit):")
            answer = self.ask(prompt.format(n=count))
            if answer is None or answer == "q":
                return False
            if answer == "u" and self.play.can_undo:
                self.play.undo()
                self.say(tr._("(undone)"))
                return True
            if answer.isdigit() and 1 <= int(answer) <= count:
                choice = self.play.choose(view.choices[int(answer) - 1].index)
                return self.discuss(choice)
            self.say(ask_for_number(tr, count))

    def discuss(self, choice) -> bool:
        tr = self.tr
        if choice.feedback:
            self.say()
            self.say(self.show(choice.feedback), "  * ")
        self.say()
        self.say(tr._("Talk about it"))
        for prompt in choice.discuss:
            self.say(self.labelled(self.addressee(prompt.to), self.show(prompt.text)), "  - ")
        # Translators: the keys Enter, u and q stay as they are: the player types them.
        answer = self.ask("\n" + tr._("(Enter when you have talked about it, u = undo, q = quit)"))
        if answer is None or answer == "q":
            return False
        if answer == "u":
            self.play.undo()
            self.say(tr._("(undone)"))
        return True

    def show_ending(self) -> None:
        view, tr = self.play.view(), self.tr
        kind = {"safe": tr._("A safe ending"), "supported": tr._("A supported ending"),
                "learning": tr._("A learning ending")}.get(view.ending, view.ending)
        self.say()
        self.say(f"--- {kind} ---")
        if view.takeaway:
            # Translators: in the terminal player, before the sentence to remember at the end of a story.
            self.say(self.labelled(tr._("To remember"), self.show(view.takeaway)))
        chosen = [choice for _node, choice in self.play.path() if choice is not None]
        if chosen:
            self.say()
            self.say(tr._("Your path"))
            for choice in chosen:
                self.say(self.show(choice.text), "  - ")
        if self.scenario.learning_goals:
            self.say()
            self.say(tr._("What this story was about"))
            for goal in self.scenario.learning_goals:
                self.say(self.show(goal), "  - ")
