"""Workshop mode: a facilitator plays the stories with a room of families."""
