"""dyad.store stage."""
