"""Meetings of 5 to 50 people through the media server (Janus), and their guests from the browser.

Built on today's layout with narrow hooks (``CallManager.meetings``, a branch in the server's dispatch
and routes); it becomes ``features/meetings/`` with the backend's feature packages."""
