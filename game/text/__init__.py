"""Text layout and drawing: every piece of text on screen goes through here.

Layer: game/text (imports pygame). Scenes ask `TextRenderer` to lay out a
string in a box (a pure step that tests can inspect: lines, runs and
widths), to measure a label, and to draw a layout. Behind it: bidi levels
(`bidi`), scripts (`scripts`), a font per run from the bundled Noto fonts
(OpenDyslexic for Latin when a reader chooses it, `fonts`), HarfBuzz
shaping per run, and Unicode line breaking with ICU's dictionaries for
Thai, Lao, Khmer and Burmese (`breaking`).
The names are imported on first use (PEP 562), so the pure modules
(`scripts`, `bidi`, `breaking`) serve the printables without pygame.
"""

from __future__ import annotations

from ..lazy_names import lazy_names

_WHERE = {"LaidLine": "layout", "Run": "layout", "TextLayout": "layout", "TextStyle": "layout",
          "TextRenderer": "render"}

__all__ = ["LaidLine", "Run", "TextLayout", "TextRenderer", "TextStyle"]


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())
