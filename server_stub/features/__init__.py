"""One package per feature of the backend; each offers the interface in ``server_stub/feature.py``."""
