"""Presence: who is in, in which room, in which status, since when today."""
