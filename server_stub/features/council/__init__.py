"""Council sessions and the virtual moderator on the backend (issue 17)."""
