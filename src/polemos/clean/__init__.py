"""Cleaning: from raw (possibly badly scraped) text to clean paragraphs, captions and removals."""

from .captions import split_caption
from .pipeline import CleanedText, clean_text
from .repeated import RepeatedLineFilter, RepeatedLines, drop_repeated_lines

__all__ = ["CleanedText", "RepeatedLineFilter", "RepeatedLines", "clean_text", "drop_repeated_lines", "split_caption"]
