"""Translations: gettext catalogs, locale information, the Babel extractor.

Layer: game/i18n (no pygame). Not built yet (see the languages issue).
"""
