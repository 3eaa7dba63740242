"""Run every extractor over one parsed article: the per-article function of polemos.

``extract_article`` depends only on the parsed article, the knowledge base and
the gazetteer; the one side effect is that the actor stage adds the actors it
meets to the knowledge base (so a parallel runner must merge knowledge bases).  The pipeline calls it article by
article; a scale-out runner can call the same function on workers.
"""

from __future__ import annotations

from polemos.extract.actors import extract_actors, extract_affiliations
from polemos.extract.dates import extract_dates
from polemos.extract.events import extract_events
from polemos.extract.places import extract_places
from polemos.extract.quotes import extract_quotes
from polemos.extract.when_where import attach_places_and_dates
from polemos.kb import KnowledgeBase
from polemos.model import Extraction
from polemos.nlp.parsed import ParsedArticle


def extract_article(parsed: ParsedArticle, kb: KnowledgeBase, gazetteer: object) -> Extraction:
    """Everything polemos finds in ``parsed``, each fact with its evidence."""
    mentions = extract_actors(parsed, kb)
    affiliations = extract_affiliations(parsed, mentions)
    places = extract_places(parsed, gazetteer)  # type: ignore[arg-type]
    dates = extract_dates(parsed)
    quotes = extract_quotes(parsed, kb, mentions)
    events = extract_events(parsed, kb, mentions)
    attach_places_and_dates(parsed, events, places, dates)
    return Extraction(
        article=parsed.article,
        sentences=parsed.sentences,
        mentions=mentions,
        affiliations=affiliations,
        quotes=quotes,
        events=events,
        places=places,
        dates=dates,
    )
