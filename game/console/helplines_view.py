"""The terminal's "Need help?": the help lines of a country, honestly labelled.

Layer: console. Shows each entry with what it is for, when it was last
checked and how sure we are, then the resources that work everywhere, in
the player's language, with the same words as the window's "Need help?".
Services' names are official names and stay as they are.
"""

from __future__ import annotations

from typing import TextIO

from ..helplines import (
    Helpline,
    HelplineDirectory,
    checked_line,
    country_name,
    in_language,
    phone_number,
    purpose_label,
)
from ..i18n.translator import Translator
from .wrapping import fill

OTHER_COUNTRY = "ZZ"  # ISO's code for an unknown region: how the window stores "Other country"


def describe(entry: Helpline, tr: Translator, width: int = 78) -> str:
    """One service: its name, how to reach it, what it is for, hours, who it is for, when checked."""
    parts = [entry.name]
    contact = [tr._("Call {number}").format(number=phone_number(entry.phone, tr.language.rtl))] if entry.phone else []
    contact += [entry.url] if entry.url else []
    parts.append(" \u00b7 ".join(contact))
    parts.append(" \u00b7 ".join(purpose_label(tr, purpose) for purpose in entry.purposes))
    details = []
    if entry.hours:
        details.append(tr._("Open {hours}").format(hours=in_language(tr, entry.hours)))
    if entry.free:
        details.append(tr._("Free to call") if entry.phone else tr._("Free to use"))
    if details:
        parts.append(" \u00b7 ".join(details))
    if entry.audience:
        parts.append(tr._("For: {audience}").format(audience=in_language(tr, entry.audience)))
    parts.append(checked_line(tr, entry))
    head, *rest = parts
    return "\n".join([fill(head, width, language=tr.code),
                      *(fill(part, width, "  ", "    ", tr.code) for part in rest)])


def show_helplines(directory: HelplineDirectory, country_code: str, stdout: TextIO, width: int = 78,
                   tr: Translator | None = None) -> None:
    tr = tr or Translator()

    def say(text: str = "") -> None:
        stdout.write(fill(text, width, language=tr.code) + "\n")

    code = country_code.strip().upper()
    country, everywhere = directory.for_country(code)
    say()
    say(tr._("Need help?"))
    say(tr._("You can talk to someone. It is never too late, and it is never your fault."))
    if country is not None:
        say()
        say(tr._("Help lines in {country}").format(country=country_name(country.code, tr.code, country.name)))
        if country.note:
            say(in_language(tr, country.note))
        stdout.writelines("\n" + describe(entry, tr, width) + "\n" for entry in country.entries)
    elif code and code != OTHER_COUNTRY:
        say()
        say(tr._("We have no checked help lines for {country} yet.").format(country=country_name(code, tr.code)))
    if country is None or not any("emergency" in entry.purposes for entry in country.entries):
        say()
        say(tr._("If someone is in danger right now, call your local emergency number."))
    say()
    say(tr._("These work in every country"))
    stdout.writelines("\n" + describe(entry, tr, width) + "\n" for entry in everywhere)


def ask_and_show(directory: HelplineDirectory, stdin: TextIO, stdout: TextIO, tr: Translator | None = None) -> None:
    """Ask for the country (by code, or by its name as listed), then show its help lines."""
    tr = tr or Translator()
    named = sorted(((country_name(code, tr.code, country.name), code) for code, country in directory.countries.items()),
                   key=lambda pair: pair[0].casefold())
    stdout.write("\n" + fill(tr._("Which country are you in?"), 78, language=tr.code) + "\n")
    stdout.writelines(f"  {code}  {name}\n" for name, code in named)
    stdout.write(tr._("Type a country code (Enter for the help that works everywhere):") + " ")
    stdout.flush()
    answer = stdin.readline().strip()
    by_name = {name.casefold(): code for name, code in named}
    show_helplines(directory, by_name.get(answer.casefold(), answer), stdout, tr=tr)
