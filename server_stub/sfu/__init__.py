"""Driving the SFU (Janus) for meetings beyond a mesh of four. Imports nothing else of server_stub:
it moves into the meetings feature later."""
