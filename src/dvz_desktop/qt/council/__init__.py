"""The virtual moderator and council sessions in the client: the session panel (member and chair), the
vote dialog, the hall display for the projector."""
