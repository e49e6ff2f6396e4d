"""Together Online: a game a caregiver and a child play together about life online."""

__version__ = "0.1.0"
