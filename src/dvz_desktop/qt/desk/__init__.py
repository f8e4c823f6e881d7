"""The personal desk: launchers and telephone (calendar and whiteboard follow)."""
