"""The slim DVZ backend: asyncio + websockets + SQLite. Imports the wire protocol, never Qt."""
