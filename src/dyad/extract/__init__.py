"""dyad.extract stage."""
