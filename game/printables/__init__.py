"""Printables: discussion cards and the facilitator's guide, as PDF.

Layer: beside the front ends (no pygame). Built from the same scenario YAML,
guides, help lines and catalogs as the game, so paper never drifts from the
screen. fpdf2 embeds the bundled Noto fonts and shapes every run with
HarfBuzz; `document` holds what both printables share.
"""
