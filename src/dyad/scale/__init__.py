"""dyad.scale stage."""
