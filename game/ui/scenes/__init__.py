"""The game's screens. `flow` says which follows which."""
