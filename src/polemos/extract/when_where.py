"""Attach a place and a date to each event: its clause's, else its sentence's, else the article's.

The clause of an event is its trigger's syntactic subtree without embedded
clauses (ccomp, advcl, relcl, ...), so "A source in Salahuddin said a convoy
attacked ... in al-Muaibidi" places the attack in al-Muaibidi.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from polemos.extract.dates import parse_published
from polemos.model import Event, Place, TimeExpression
from polemos.nlp.parsed import ParsedArticle

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj"}
_SPECIFIC = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}
_PRESENT = {"VBP", "VBZ"}
LOC_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "into",
    "around",
    "within",
    "of",
}


def _clause_spans(parsed: ParsedArticle, event: Event) -> list[tuple[int, int]]:
    """Character spans of the tokens in the trigger's own clause."""
    doc = parsed.doc
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    root = span.root
    out, stack = [], [root]
    while stack:
        tok = stack.pop()
        out.append((tok.idx, tok.idx + len(tok.text)))
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and child is not root:
                continue
            stack.append(child)
    return out


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


def _pick_place(places: list[Place]) -> Place:
    return min(places, key=lambda p: (_SPECIFIC.get(p.precision or "", 9), p.evidence.start))


def _focus(places: list[Place]) -> tuple[Place, int] | None:
    counts = Counter(p.geonameid for p in places if p.geonameid is not None)
    if not counts:
        return None
    gid, n = counts.most_common(1)[0]
    return next(p for p in places if p.geonameid == gid), n


def _locative(doc: Doc, place: Place) -> bool:
    """True when the place is the object of a locative preposition ("in Tikrit", "east of Alam")."""
    span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ in LOC_PREPS:
            return True
        if tok.dep_ not in ("conj", "appos", "compound", "pobj") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _place_for(
    doc: Doc,
    event: Event,
    clause: list[tuple[int, int]],
    places: list[Place],
    focus: tuple[Place, int] | None,
    others: list[tuple[int, int]],
) -> Place | None:
    sent = event.evidence.sentence
    resolved = [p for p in places if p.geonameid is not None and _locative(doc, p)]
    in_clause = [p for p in resolved if _inside(p.evidence.start, clause)]
    if in_clause:
        p = _pick_place(in_clause)
        return _copy_place(p, f"in the event's clause: {p.text!r}; {p.reason}")
    in_sent = [p for p in resolved if p.evidence.sentence == sent and not _inside(p.evidence.start, others)]
    if in_sent:
        p = _pick_place(in_sent)
        return _copy_place(p, f"in the event's sentence: {p.text!r}; {p.reason}")
    if focus is not None:
        p, n = focus
        return _copy_place(p, f"the article's focus: {p.name or p.text} ({n} mentions)")
    return None


def _copy_place(p: Place, reason: str) -> Place:
    return Place(
        p.text,
        p.evidence,
        p.name,
        p.geonameid,
        p.lat,
        p.lon,
        p.feature_class,
        p.feature_code,
        p.country,
        p.admin1,
        p.precision,
        reason,
        p.qualifier,
    )


def _date_for(
    parsed: ParsedArticle,
    event: Event,
    clause: list[tuple[int, int]],
    dates: list[TimeExpression],
    others: list[tuple[int, int]],
) -> TimeExpression | None:
    usable = [d for d in dates if d.value]
    for where, pool in (
        ("clause", [d for d in usable if _inside(d.evidence.start, clause)]),
        (
            "sentence",
            [
                d
                for d in usable
                if d.evidence.sentence == event.evidence.sentence and not _inside(d.evidence.start, others)
            ],
        ),
    ):
        if pool:
            d = pool[0]
            return TimeExpression(
                d.text, d.evidence, d.value, d.precision, f"in the event's {where}: {d.reason}"
            )
    published = parse_published(parsed.article.published)
    span = parsed.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    present = False
    if span is not None and len(span):
        root = span.root
        aux = {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
        present = root.tag_ in _PRESENT or (root.tag_ == "VBG" and bool(aux & _PRESENT))
    if published is not None and present:
        return TimeExpression(
            event.trigger.text,
            event.trigger,
            published.isoformat(),
            "day",
            "no date in its clause or sentence; present tense: the article's date",
        )
    return TimeExpression(
        event.trigger.text,
        event.trigger,
        None,
        None,
        "no date in its clause or sentence, and not in the present: left undated",
    )


def _nearer_elsewhere(
    event: Event, events: list[Event], dates: list[TimeExpression], places: list[Place]
) -> list[tuple[int, int]]:
    """Spans of the sentence's dates and places that another event's trigger is closer to."""
    rivals = [e for e in events if e is not event and e.evidence.sentence == event.evidence.sentence]
    if not rivals:
        return []
    out = []
    for ev in [d.evidence for d in dates] + [p.evidence for p in places]:
        if ev.sentence != event.evidence.sentence:
            continue
        mine = abs(ev.start - event.trigger.start)
        if any(abs(ev.start - r.trigger.start) < mine for r in rivals):
            out.append((ev.start, ev.end))
    return out


def attach_places_and_dates(
    parsed: ParsedArticle, events: list[Event], places: list[Place], dates: list[TimeExpression]
) -> None:
    """Fill ``event.place`` and ``event.date`` (with reason and precision) for every event."""
    focus = _focus(places)
    clauses = [_clause_spans(parsed, event) for event in events]
    for i, event in enumerate(events):
        clause = clauses[i]
        # a sentence's place or date that sits in another event's own clause belongs to that event
        own = set(clause)
        others = [sp for j, c in enumerate(clauses) if j != i for sp in c if sp not in own]
        others += _nearer_elsewhere(event, events, dates, places)
        if event.place is None:
            event.place = _place_for(parsed.doc, event, clause, places, focus, others)
        if event.date is None:
            event.date = _date_for(parsed, event, clause, dates, others)
