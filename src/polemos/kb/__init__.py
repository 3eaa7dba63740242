"""The actor knowledge base: canonical actors, aliases, codes and the merge log."""

from polemos.kb.knowledge_base import KnowledgeBase
from polemos.kb.merges import MERGE_RULES, Merge
from polemos.kb.names import loose_key, normalise_name
from polemos.kb.seed import load_seed

__all__ = ["MERGE_RULES", "KnowledgeBase", "Merge", "load_seed", "loose_key", "normalise_name"]
