"""Parse cleaned articles with spaCy, batched, once per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from polemos.model import Article
from polemos.nlp.model_loader import load_model
from polemos.nlp.parsed import ParsedArticle


def parse_articles(
    articles: Iterable[Article], model: str, batch_size: int = 32, n_process: int = 1
) -> Iterator[ParsedArticle]:
    """Yield each article with its parse, in input order (``nlp.pipe``, batched)."""
    nlp = load_model(model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield ParsedArticle(article=article, doc=doc)


def parse_one(article: Article, model: str) -> ParsedArticle:
    """Parse a single article (tests, the API)."""
    return next(parse_articles([article], model))
