"""The inbox ("Verpasst"): missed knocks, messages at the door, what a deputy handled, requests and
callbacks of the digital door; each person's, until they dismiss it (at most 30 days)."""
