"""The parse stage: sentences follow lines and closing punctuation; evidence offsets index the clean text."""

from __future__ import annotations

from polemos.model import Article
from polemos.nlp.parse import parse_one


def _article(text: str) -> Article:
    return Article(id="n1", text=text, content_hash="h", origin="test")


def test_lines_start_sentences_and_short_lines_stay_whole(settings):
    text = "Headline here\n\nIraq\nREUTERS/ Mahmoud Raouf\nShi’ite fighters fired rockets. Troops left."
    parsed = parse_one(_article(text), settings.spacy_model)
    assert [s.text for s in parsed.sentences] == [
        "Headline here", "Iraq", "REUTERS/ Mahmoud Raouf", "Shi’ite fighters fired rockets.", "Troops left.",
    ]
    assert all(text[s.start:s.end] == s.text for s in parsed.sentences)


def test_evidence_points_into_the_text(settings):
    text = "Police arrested two men. “We acted,” a spokesman said."
    parsed = parse_one(_article(text), settings.spacy_model)
    start = text.index("spokesman")
    ev = parsed.evidence(start, start + len("spokesman"))
    assert ev.sentence == 1 and ev.text == "spokesman" and ev.article_id == "n1"
