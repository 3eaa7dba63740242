"""The parse stage: one spaCy parse per article."""
