"""A token -> mention index over a parsed article."""

from __future__ import annotations

from polemos.model import Mention
from polemos.nlp.parsed import ParsedArticle


class MentionTokens:
    """Which mention (if any) covers each token, and each mention's token range."""

    def __init__(self, parsed: ParsedArticle, mentions: list[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        self.ranges: list[tuple[int, int, Mention]] = []
        doc = parsed.doc
        for m in mentions:
            span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
            if span is None:
                continue
            self.ranges.append((span.start, span.end, m))
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, m)

    def at(self, i: int) -> Mention | None:
        """The mention covering token ``i``."""
        return self.by_token.get(i)
