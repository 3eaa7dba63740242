"""The parsed article: the contract between the parse stage and the extractors."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from polemos.model import Article, Evidence, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span


@dataclass
class ParsedArticle:
    """An article with its one spaCy parse and its numbered sentences."""

    article: Article
    doc: Doc
    sentences: list[Sentence] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = []
            for s in self.doc.sents:
                text = s.text.rstrip()
                if not text.strip():
                    continue
                self.sentences.append(
                    Sentence(
                        index=len(self.sentences),
                        start=s.start_char,
                        end=s.start_char + len(text),
                        text=text,
                        section=self.article.segment_kind_at(s.start_char),
                    )
                )
        self._starts = [s.start for s in self.sentences]

    @property
    def article_id(self) -> str:
        return self.article.id

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset ``char``."""
        return max(0, bisect_right(self._starts, char) - 1)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the character span ``[start, end)`` of the clean text."""
        return Evidence(
            article_id=self.article.id,
            sentence=self.sentence_index(start),
            start=start,
            end=end,
            text=self.article.text[start:end],
        )

    def span_evidence(self, span: Span) -> Evidence:
        """Evidence for a spaCy span or token range."""
        return self.evidence(span.start_char, span.end_char)

    def section_of(self, char: int) -> str:
        return self.sentences[self.sentence_index(char)].section if self.sentences else "body"
