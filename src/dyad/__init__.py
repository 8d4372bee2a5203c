"""dyad: political event coding from news text."""

__version__ = "0.1.0"
