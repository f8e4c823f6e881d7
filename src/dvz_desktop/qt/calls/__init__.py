"""Calls in the window: the call panel, video tiles, ringing."""
