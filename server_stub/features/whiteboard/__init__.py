"""Whiteboards: one per room, for the people in it."""
