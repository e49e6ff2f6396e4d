"""A large, valid, realistic scenario for benchmarks, written as YAML text.

Not a test and not game content: `python3 benchmarks/synthetic.py [FILE]`
writes one (default: print it). The story is a prologue, then episodes of
about ten nodes each in which a child meets a stranger in an online game,
then one final ending. Every node is reachable, every play can end, and
`validate` reports nothing, so load + validate does the full work a real
file gets: every line and choice typed, every condition compiled, every
state explored.

The state space is bounded on purpose: two flags, `trust` held below 3 by
the choice that raises it, and `tries` counting at most two loops back per
episode (reset when the episode ends). A 500-node file has a few thousand
states: realistic, neither trivial nor explosive.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SCENARIO_ID = "synthetic_500"
EPISODE_NODES = 10  # plus an optional 'report' node
STRANGERS = ("sam", "kai", "jo", "rin", "ali", "noor")
GAMES = ("the castle game", "the racing game", "the farm game", "a drawing app", "a video chat", "the class forum")
SCENES = ("game_chat", "chat", "feed", "video_call", "phone")
ASKS = (
    "what school do you go to?", "can you send me a photo of you?", "whats ur address? ill send u a gift",
    "can we talk on another app where no one sees?", "tell me ur password, ill get u free coins",
    "are your parents home right now?",
)
_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`~ ]|: | #|:$|^(yes|no|on|off|true|false|null|y|n)$", re.IGNORECASE)


def scalar(text: str) -> str:
    """`text` as YAML: plain when that is safe (as authors write), else quoted."""
    return json.dumps(text, ensure_ascii=False) if _PLAIN_UNSAFE.search(text) else text


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []

    def __call__(self, indent: int, text: str) -> None:
        self.out.append(" " * indent + text)

    def line(self, who: str | None, text: str, via: str | None = None, condition: str | None = None,
             note: str | None = None) -> None:
        if who is None and via is None and condition is None and note is None:
            self(6, f"- {scalar(text)}")
            return
        self(6, f"- who: {who or 'narrator'}")
        if via:
            self(8, f"via: {via}")
        self(8, f"text: {scalar(text)}")
        if condition:
            self(8, f"if: {condition}")
        if note:
            self(8, f"note: {scalar(note)}")

    def choice(self, text: str, goto: str, feedback: str, child_prompt: str, caregiver_prompt: str,
               decides: str = "together", condition: str | None = None, sets: str | None = None) -> None:
        self(6, f"- text: {scalar(text)}")
        self(8, f"decides: {decides}")
        if condition:
            self(8, f"if: {condition}")
        if sets:
            self(8, f"set: {{{sets}}}")
        self(8, f"feedback: {scalar(feedback)}")
        self(8, "discuss:")
        self(10, "- to: child")
        self(12, f"text: {scalar(child_prompt)}")
        self(10, "- to: caregiver")
        self(12, f"text: {scalar(caregiver_prompt)}")
        self(8, f"goto: {goto}")


def _header(w: _Writer, episodes: int) -> None:
    for text in (
        "format: 1",
        f"id: {SCENARIO_ID}",
        "topic: stranger_contact",
        "title: A long week online",
        "summary: Maya meets one stranger after another in her games and apps, and learns what to do each time.",
        "ages: [8, 12]",
        "minutes: 120",
        "content_note: >-",
        "  Strangers ask Maya for personal details and photos. Nothing graphic is shown.",
        "learning_goals:",
        "  - People online are not always who they say they are.",
        "  - You can always tell a trusted adult, even after you have replied.",
        "  - Screenshots help when you report someone.",
        "note: A synthetic story for benchmarks; the names can stay as they are.",
        "state:",
        "  told_adult: false",
        "  saved_proof: false",
        "  trust: 0",
        "  tries: 0",
        "characters:",
        "  maya: {name: Maya, kind: child, avatar: maya}",
        "  gran: {name: Gran, kind: caregiver, avatar: gran}",
    ):
        w(0, text)
    for stranger in STRANGERS[:episodes]:  # only those who speak
        w(2, f"{stranger}: {{name: {stranger.title()}_2011, kind: stranger, avatar: unknown}}")
    w(0, "start: prologue")
    w(0, "nodes:")


def _prologue(w: _Writer, first: str) -> None:
    w(2, "prologue:")
    w(4, "scene: living_room")
    w(4, "lines:")
    w.line(None, "It is the first day of the holidays, and Maya has a week of games ahead.")
    w.line("gran", "Have fun, Maya. You can always come and tell me anything.")
    w(4, "choices:")
    w.choice("Tell Gran which games she will play", first, "Gran now knows where Maya spends her time online.",
             "Which of your games would you like to show me?", "Which games does {child_name} play at the moment?",
             decides="child", sets="told_adult: true")
    w.choice("Start playing straight away", first, "That is fine too; Maya can tell Gran later.",
             "When is a good moment to tell someone about your games?",
             "How can you show {child_name} you are happy to hear about games?", decides="child")


def _episode(w: _Writer, number: int, following: str, with_report: bool) -> None:
    p = f"e{number:03d}"
    stranger = STRANGERS[number % len(STRANGERS)]
    name = f"{stranger.title()}_2011"
    game = GAMES[number % len(GAMES)]
    ask = ASKS[number % len(ASKS)]

    w(2, f"{p}_start:")
    w(4, f"scene: {SCENES[number % len(SCENES)]}")
    w(4, "lines:")
    w.line(None, f"Day {number + 1}: Maya opens {game}. A new message is waiting.")
    w.line(stranger, "hiii!! ur so good at this, u must be the best player here", via="chat",
           note="Online slang. Use how children really type in your language.")
    w.line(stranger, "we r real friends now right? friends keep secrets", via="chat", condition="trust >= 2")
    w(4, "choices:")
    w.choice(f"Reply to {name}", f"{p}_reply", f"{name} is friendly, but Maya does not know who they really are.",
             "How can you tell who someone really is online?", "What would worry you about this message?",
             decides="child", condition="trust < 3", sets="trust: +1")
    w.choice("Ignore the message", f"{p}_ignore", "Not answering is always allowed.",
             "Is it rude to ignore someone you do not know?", "How do you decide whether to answer a stranger?",
             decides="child")
    w.choice("Show Gran the message", f"{p}_tell", "Showing a trusted adult is a good step, at any time.",
             "Who would you show a strange message to?", "What would you do if {child_name} showed you this?",
             sets="told_adult: true, trust: 0")

    w(2, f"{p}_reply:")
    w(4, "lines:")
    w.line(stranger, ask, via="chat")
    w.line("maya", "Gran said I can always ask her first.", via="thought", condition="told_adult")
    w.line("maya", "That is a strange thing to ask.", via="thought", condition="not told_adult and trust > 1")
    w(4, "choices:")
    w.choice("Send what they ask for", f"{p}_shared", "Once something is sent, Maya cannot take it back.",
             "What could someone do with what you sent?", "How would you react if {child_name} had sent it?",
             decides="child")
    w.choice("Say no and stop chatting", f"{p}_ignore", "Saying no to a stranger is always OK.",
             "How does it feel to say no online?", "How can you help {child_name} practise saying no?",
             decides="child")
    w.choice("Ask Gran first", f"{p}_tell", "Asking first is a great habit.",
             "What makes it easy or hard to ask Gran?", "How do you answer when {child_name} asks you first?",
             condition="told_adult")

    w(2, f"{p}_ignore:")
    w(4, "lines:")
    w.line(None, f"Maya closes the chat, but {name} keeps sending messages.")
    w.line(stranger, f"{name} sent you 3 new messages", via="notification")
    w(4, "choices:")
    w.choice(f"Block {name}", f"{p}_block", "Blocking stops the messages.",
             "Do you know how to block someone in your games?", "Do you know how blocking works in this game?",
             decides="child")
    w.choice("Take a screenshot first", f"{p}_proof", "A screenshot helps when you report someone.",
             "Why might a screenshot be useful later?", "Where can you report a message like this?",
             sets="saved_proof: true")

    w(2, f"{p}_shared:")
    w(4, "lines:")
    w.line(stranger, "thx!! now send one more, just for me", via="chat")
    w.line("maya", "I feel a bit funny about this.", via="thought")
    w(4, "choices:")
    w.choice("Think it over again", f"{p}_start", "Stopping to think is a good idea.",
             "What helps you think before you answer?", "How can you give {child_name} time to think?",
             decides="child", condition="tries < 2", sets="tries: +1")
    w.choice("Tell Gran what happened", f"{p}_tell", "It is never too late to tell. It is not Maya's fault.",
             "Why is it never too late to tell?", "How would you stay calm if {child_name} told you this?",
             sets="told_adult: true, trust: 0")

    w(2, f"{p}_proof:")
    w(4, "lines:")
    w.line("maya", "Got it. The screenshot is saved.", via="thought")
    w(4, f"next: {p}_block")

    w(2, f"{p}_block:")
    w(4, "lines:")
    w.line(None, f"Maya blocks {name}. The messages stop.")
    w.line("maya", "And I still have the screenshot.", via="thought", condition="saved_proof")
    w(4, "choices:")
    w.choice("Tell Gran too", f"{p}_tell", "Telling someone means Maya is not alone with it.",
             "Who else could you tell?", "What would you like {child_name} to tell you about?",
             sets="told_adult: true")
    w.choice("Get back to the game", f"{p}_wrap", "Blocking was a good step on its own.",
             "How do you feel after blocking someone?", "How would you know if {child_name} was worried?",
             decides="child")

    w(2, f"{p}_tell:")
    w(4, "scene: home")
    w(4, "lines:")
    w.line("gran", "Thank you for showing me, Maya. You did the right thing.")
    w.line("gran", "The screenshot will help us report it.", condition="saved_proof")
    w(4, "choices:")
    w.choice("Report it together", f"{p}_report" if with_report else f"{p}_wrap",
             "Reporting helps keep other children safe too.", "What happens after you report someone?",
             "Do you know where the report button is in this game?", condition="saved_proof")
    w.choice("Talk it through", f"{p}_wrap", "Talking helps Maya understand what happened.",
             "What was the most surprising part?", "What did you learn about how {child_name} feels?")

    if with_report:
        w(2, f"{p}_report:")
        w(4, "lines:")
        w.line(None, "Gran and Maya fill in the report form and attach the screenshot.")
        w.line("gran", "There. Now the moderators know.", via="speech")
        w(4, f"next: {p}_wrap")

    w(2, f"{p}_wrap:")
    w(4, "lines:")
    w.line(None, f"Day {number + 1} is nearly over.")
    w.line("maya", "I am glad Gran knows.", via="thought", condition="told_adult")
    w(4, "choices:")
    w.choice("Keep playing tomorrow", following, "A new day, a new game.", "What will you do if it happens again?",
             "What would you like {child_name} to do next time?", sets="tries: 0")
    w.choice("Stop for today", f"{p}_end_safe", "Taking a break is always fine.",
             "When do you like to take a break from games?", "How do you take breaks from screens?",
             decides="child")
    w.choice("Stop and tell Gran how it went", f"{p}_end_supported", "Talking about the day helps.",
             "What was the best part of today?", "What did {child_name} handle well today?",
             condition="told_adult")

    w(2, f"{p}_end_safe:")
    w(4, "lines:")
    w.line(None, "Maya logs off and goes outside to play.")
    w(4, "ending: safe")
    w(4, "takeaway: You can always stop, block and log off.")

    w(2, f"{p}_end_supported:")
    w(4, "lines:")
    w.line("gran", "Let's check your game settings together tomorrow.")
    w(4, "ending: supported")
    w(4, "takeaway: Telling a trusted adult helps, whatever you did before.")


def synthetic_scenario(nodes: int = 500) -> str:
    """The YAML text of a valid scenario with exactly `nodes` nodes (at least 12)."""
    extra = 2  # prologue and the final ending
    episodes = (nodes - extra) // EPISODE_NODES
    reports = nodes - extra - episodes * EPISODE_NODES  # episodes that get a 'report' node
    if episodes < 1 or reports > episodes:
        raise ValueError(f"cannot build a scenario of {nodes} nodes")
    w = _Writer()
    _header(w, episodes)
    _prologue(w, "e000_start")
    for number in range(episodes):
        following = f"e{number + 1:03d}_start" if number + 1 < episodes else "the_end"
        _episode(w, number, following, with_report=number < reports)
    w(2, "the_end:")
    w(4, "lines:")
    w.line(None, "The holidays are over. Maya knows what to do when a stranger writes to her.")
    w(4, "ending: learning")
    w(4, "takeaway: Stop, block, keep proof and tell someone you trust.")
    return "\n".join(w.out) + "\n"


def main(argv: list[str]) -> int:
    text = synthetic_scenario()
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
