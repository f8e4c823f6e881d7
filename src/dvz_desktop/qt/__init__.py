"""Widgets, and the bridge that turns service events into Qt signals."""
