"""Terminal front ends: the text player and the validator's report.

Layer: beside game/ui, above game/story; never imports pygame.
"""
