"""Text layout and drawing: every piece of text on screen goes through here.

Layer: game/text (imports pygame). Scenes ask `TextRenderer` to lay out a
string in a box (a pure step that tests can inspect: lines, runs and
widths), to measure a label, and to draw a layout. Behind it: bidi levels
(`bidi`), scripts (`scripts`), a font per run from the bundled Noto fonts
(`fonts`), HarfBuzz shaping per run, and Unicode line breaking with ICU's
dictionaries for Thai, Lao, Khmer and Burmese (`breaking`).
"""

from .layout import LaidLine, Run, TextLayout, TextStyle
from .render import TextRenderer

__all__ = ["LaidLine", "Run", "TextLayout", "TextRenderer", "TextStyle"]
