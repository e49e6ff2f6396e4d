"""The pygame-ce window: app loop, scenes, widgets, theme.

Layer: game/ui, the only layer besides game/text that imports pygame.
Not built yet (see the desktop game issue).
"""
