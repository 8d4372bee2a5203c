"""dyad.serve stage."""
