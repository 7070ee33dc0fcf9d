"""The Qt user interface (the only layer importing PySide6)."""
