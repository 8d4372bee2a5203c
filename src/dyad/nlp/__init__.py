"""dyad.nlp stage."""
