"""Every diagnostic code `validate` can print, with a short explanation.

Layer: game/story (pure Python). `validate --explain CODE` prints these, and a
test checks that every code used in the engine is listed here and in
docs/diagnostics.md.
"""

CODES: dict[str, str] = {
    # Reading the file
    "E001": "The file cannot be read (missing, a folder, or no permission).",
    "E002": "The file is larger than 1 MiB. Scenarios are small; split a long story into several.",
    "E003": "The file is not UTF-8 text. Save it as UTF-8 in your editor.",
    "E004": "YAML syntax error: indentation, a missing ':' or an unclosed quote. Text containing ': ' or starting with a special character needs quotes.",
    "E005": "Aliases (*name) would expand the file into a huge amount of data (an \"alias bomb\"). Refused without expanding.",
    "E006": "An alias refers to the list or map that contains it, which would never end.",
    "E007": "A YAML tag such as !!python/object was used. Scenario files hold only text, numbers and lists; tags are never run.",
    "E008": "Lists or maps are nested far deeper than any scenario needs.",
    "E009": "The same key appears twice in one map. YAML would silently keep the last one.",
    "E010": "The file is empty.",
    "E011": "A key is a list or a map; keys must be plain words.",
    # Shape of the scenario
    "E101": "A key that the scenario format does not have (often a typo).",
    "E102": "A required key is missing.",
    "E103": "A value has the wrong type, e.g. text where a number is needed.",
    "E104": "A value is not one of the allowed words (topic, kind, via, decides, to, ending).",
    "E105": "An id is not made of lowercase letters, digits and '_'.",
    "E106": "The scenario's id is not the same as its file name.",
    "E107": "The file is written for another version of the scenario format.",
    "E108": "A text is empty.",
    "E109": "'ages' is not a range of two ages, youngest first.",
    "E110": "'minutes' is not a sensible play time.",
    # Structure of the story
    "E201": "Two nodes have the same id.",
    "E202": "'start', 'next' or 'goto' names a node that does not exist.",
    "E203": "A node has no 'choices', 'next' or 'ending', so the story would stop there.",
    "E204": "A node has more than one of 'choices', 'next' and 'ending'.",
    "E205": "A node has fewer than 2 or more than 4 choices.",
    "E206": "'takeaway' is on a node that is not an ending.",
    "E207": "A choice has no discussion prompt. Every choice is followed by a talk.",
    "E208": "A node can never be reached from the start node.",
    "E209": "In some plays the story can go round a loop forever without reaching an ending.",
    "E210": "In some plays every choice of a node is hidden by its 'if:', so the player is stuck.",
    "E211": "The story has too many different states to check every play (usually a number that grows in a loop).",
    # Variables and conditions
    "E301": "An 'if:' condition cannot be read. Use variable names, numbers, true/false, not, and, or, parentheses and == != < <= > >=.",
    "E302": "A condition uses a variable that is not declared under 'state'.",
    "E303": "A condition mixes numbers and true/false values, or is a number instead of true/false.",
    "E304": "'set' changes a variable that is not declared under 'state'.",
    "E305": "'set' gives a variable a value of the wrong type (+1/-1 are for numbers, true/false for flags).",
    "E306": "A variable name is not a valid name.",
    # Characters and text
    "E401": "A line's 'who' is not a declared character (or 'narrator').",
    "E402": "A text uses a placeholder other than {child_name} or {caregiver_name}.",
    "E403": "A text has a lone '{' or '}'. Write '{{' or '}}' for a literal brace.",
    "E404": "'narrator' is declared under 'characters'; it is built in.",
    # Help lines (assets/help/helplines.yaml)
    "E601": "The help-lines file has no image-removal tool in its global list.",
    # Warnings
    "W501": "A variable is never used in a condition, so it changes nothing.",
    "W502": "A variable is used in conditions but never changed, so those conditions never change.",
    "W503": "A character never speaks.",
    "W504": "A choice is never shown: its condition is false in every play.",
    "W505": "A line is never shown: its condition is false in every play.",
    "W506": "A text is long enough that it may not fit on screen.",
    "W507": "A choice has no feedback.",
    "W508": "An ending has no takeaway.",
    "W509": "A node uses a scene the game has no backdrop for.",
    "W510": "A node is never reached in any play (the choices leading to it are never shown).",
    "W511": "A character's line uses a player's name ({child_name}); characters in the story do not know the players.",
    "W512": "A prompt calls a player by name ('{child_name}, ...') or names the person it is for; without nicknames it reads 'your child, ...'.",
    "W601": "A country in the help-lines file has no help line for talking.",
}
