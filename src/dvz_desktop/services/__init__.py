"""Asyncio code that talks to the world: the session, credentials, settings, the demo backend."""
