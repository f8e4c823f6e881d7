"""Calls: who is in which call, and the relay of offers and answers between its members."""
