"""Text layout and drawing: shaping, bidi, font fallback, line breaking, cache.

Layer: game/text. Not built yet (see the languages issue).
"""
