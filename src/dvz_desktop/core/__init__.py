"""Pure state and rules: no I/O, no Qt. Time comes from an injectable clock."""
