"""The network side of the backend: the websocket server and its options, the handshake and logins,
accounts and sessions, the hub (fan-out), limits, HTTP routes and TLS."""
