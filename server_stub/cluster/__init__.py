"""Cluster mode only: presence and events between the nodes, over Redis (docs/architecture.md)."""
