"""dyad.ingest stage."""
