"""desk: the reception and appointment desk of a migration counselling centre."""

__version__ = "0.1.0"
