"""dyad.eval stage."""
