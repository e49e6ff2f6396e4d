"""Text layout and drawing: every piece of text on screen goes through here.

Layer: game/text (imports pygame). Scenes ask `TextRenderer` to lay out a
string in a box (a pure step that tests can inspect: lines and widths) and
to draw a layout. The languages issue replaces the internals (bidi, shaping,
dictionary line breaking, font fallback) behind this same interface.
"""

from .layout import LaidLine, TextLayout, TextStyle
from .render import TextRenderer

__all__ = ["LaidLine", "TextLayout", "TextRenderer", "TextStyle"]
