"""Extractors: pure functions of a parsed article and the knowledge base."""
