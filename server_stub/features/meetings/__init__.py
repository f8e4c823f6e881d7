"""Meetings of 5 to 50 people through the media server (Janus), and their guests from the browser: the
feature (feature.py), the media server's rooms following the calls (relay.py), guests (guests.py,
guest_socket.py, web.py and page/). The driver of Janus itself is ``server_stub/sfu/``."""
