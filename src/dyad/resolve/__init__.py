"""dyad.resolve stage."""
