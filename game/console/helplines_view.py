"""The terminal's "Need help?": the help lines of a country, honestly labelled.

Layer: console. Shows each entry with what it is for, when it was last
checked and how sure we are, then the resources that work everywhere.
"""

from __future__ import annotations

import textwrap
from typing import TextIO

from ..helplines import Helpline, HelplineDirectory

PURPOSE_WORDS = {
    "talk": "to talk to someone",
    "report_images": "to report sexual abuse images",
    "emergency": "emergency: danger right now",
    "image_removal": "to get images taken down",
    "parents": "for parents and carers",
}
CONFIDENCE_WORDS = {
    "high": "checked on the service's own or an official page",
    "medium": "checked on a news or older page: please double-check",
    "low": "not confirmed: please double-check",
}


def describe(entry: Helpline) -> str:
    parts = [entry.name]
    contact = " / ".join(x for x in (entry.phone, entry.url) if x)
    parts.append(f"  {contact}")
    parts.append("  " + "; ".join(PURPOSE_WORDS[p] for p in entry.purposes))
    details = [x for x in (entry.hours, "free" if entry.free else None, entry.audience) if x]
    if details:
        parts.append("  " + ", ".join(details))
    parts.append(f"  last checked {entry.checked}, {CONFIDENCE_WORDS[entry.confidence]}")
    return "\n".join(textwrap.fill(part, 78, subsequent_indent="    ") for part in parts)


def show_helplines(directory: HelplineDirectory, country_code: str, stdout: TextIO, width: int = 78) -> None:
    country, everywhere = directory.for_country(country_code)
    if country is None:
        stdout.write("\nWe have no checked help lines for that country yet. These work everywhere:\n")
    else:
        stdout.write(f"\nNeed help? {country.name}\n")
        if country.note:
            stdout.write(textwrap.fill(country.note, width) + "\n")
        stdout.writelines("\n" + describe(entry) + "\n" for entry in country.entries)
        stdout.write("\nEverywhere:\n")
    stdout.writelines("\n" + describe(entry) + "\n" for entry in everywhere)


def ask_and_show(directory: HelplineDirectory, stdin: TextIO, stdout: TextIO) -> None:
    codes = sorted(directory.countries, key=lambda c: directory.countries[c].name)
    listing = ", ".join(f"{code} {directory.countries[code].name}" for code in codes)
    stdout.write("\n" + textwrap.fill(f"Countries: {listing}", 78) + "\n")
    stdout.write("Type a country code (Enter for the help that works everywhere): ")
    stdout.flush()
    answer = stdin.readline().strip().upper()
    show_helplines(directory, answer, stdout)
