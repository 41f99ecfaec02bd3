"""The passes that build the IR, in order: index types, field paths, services, field masks."""
