"""DVZ Desktop – das Digitale Verwaltungszentrum.

This module holds the version only, so the backend can import the protocol without pulling in Qt.
"""

__version__ = "0.1.0"
