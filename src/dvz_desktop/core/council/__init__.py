"""The rules of the virtual moderator and of council sessions (Gremiensitzungen), pure and shared by the
client and the backend: the speaker list and its timers (``speakers``, ``timers``), attendance and quorum
(``attendance``), votes and their secrecy (``votes``), what each Land allows remote members
(``profiles``), the agenda and its import from OParl 1.1 (``agenda``, ``oparl``), and one session that
holds them together (``session``). Time is always passed in; nothing here reads a clock.
"""
