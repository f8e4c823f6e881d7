"""Chat: room chats and direct conversations as streams with positions, search and retention."""
