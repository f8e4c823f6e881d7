"""Chat in the desk: conversations, messages, search."""
